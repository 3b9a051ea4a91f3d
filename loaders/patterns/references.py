"""The reference grammar (research-extraction §2): document types, Party and State symbols,
dates, issuer phrases, named laws, quoted titles, short forms, aliases and self-references.

All quantifiers are bounded or separated by literal tokens, so matching is linear.
"""

from __future__ import annotations

import re

from loaders.models import Level

UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
W = r"[^\W\d_]"
CODE = r"[A-ZĐ][A-Za-zĐđ0-9]{0,11}"
ABBR = r"[A-ZĐ][A-Za-zĐđ]{0,4}"

TYPE_NAMES = (
    "Chương trình hành động",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Kế hoạch",
    "Kết luận",
    "Quy định",
    "Quy chế",
    "Hướng dẫn",
    "Thông báo",
    "Thông tri",
    "Chương trình",
    "Đề án",
    "Công văn",
    "Văn bản",
    "Công điện",
    "Báo cáo",
    "Tờ trình",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Hiến pháp",
    "Phương án",
    "Điều lệ",
)
"""Type names as written in running text; longest first when compiled."""


def _type_alt(names: tuple[str, ...]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        syllables = [f"(?i:{s[0]}){s[1:]}" for s in name.split(" ")]
        parts.append(r"\s+".join(syllables))
    return "|".join(parts)


def _type_ahead(names: tuple[str, ...]) -> str:
    """A lookahead for the first two letters a type name can start with (the first in any case).

    It only rejects positions where no name of ``_type_alt(names)`` can start, so
    patterns opening with it match exactly what they would without it, but skip
    most positions at the cost of one character-set test.
    """
    firsts = "".join(sorted({name[0] for name in names}))
    seconds = "".join(sorted({name[1] for name in names}))
    return f"(?=(?i:[{firsts}])[{seconds}])"


TYPE_ALT = _type_alt(TYPE_NAMES)
TYPE_AHEAD = _type_ahead(TYPE_NAMES)
"""Put before ``(?P<type>{TYPE_ALT})`` at the start of a pattern compiled without IGNORECASE."""
TYPE_RE = re.compile(rf"(?<!\w)(?:{TYPE_ALT})(?!\w)")

PARTY_SYM = (
    rf"(?P<p_num>\d{{1,5}})(?P<p_sep>[ \t]{{0,2}}-[ \t]{{0,2}}|[ \t]{{1,2}})(?P<p_abbr>{ABBR})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<p_issuer>{CODE}(?:-{CODE}){{0,3}})(?![\w/])"
)
STATE_SYM = (
    rf"(?P<s_num>\d{{1,5}})[ \t]?/[ \t]?(?:(?P<s_year>(?:19|20)\d{{2}})[ \t]?(?P<s_ysep>[/-])[ \t]?)?"
    rf"(?P<s_code1>{CODE})(?:[ \t]?-[ \t]?(?P<s_code2>{CODE}(?:-{CODE}){{0,3}}))?(?![\w/])"
)
SYMBOL = rf"(?:{PARTY_SYM}|{STATE_SYM})"

DATE_NUM = r"(?P<{p}d>\d{{1,2}})[ \t]?[/.\-][ \t]?(?P<{p}m>\d{{1,2}})[ \t]?[/.\-][ \t]?(?P<{p}y>\d[\d\-]{{2}}\d)(?!\d)"
DATE_WORDS = (
    r"ngày[ \t]*(?P<{p}wd>\d{{1,2}})?[ \t]*tháng[ \t]*(?P<{p}wm>\d{{1,2}})?[ \t]*năm[ \t]*(?P<{p}wy>\d{{4}})"
)


def date_re(prefix: str) -> str:
    """A numeric or worded date with group names prefixed by ``prefix``."""
    return rf"(?:(?:ngày[ \t]*)?{DATE_NUM.format(p=prefix)}|{DATE_WORDS.format(p=prefix)})"


STOP_ISSUER = (
    r"(?:về|phê\s+duyệt|có|đã|đang|để|theo|tại|trong|đối|nhằm|hướng\s+dẫn|quy\s+định|"
    r"ban\s+hành|được|là|với|thì|cho|thực\s+hiện|triển\s+khai|sửa\s+đổi|bổ\s+sung|"
    r"đề\s+(?:ra|xuất)|kèm|gửi|tiếp|giao|năm|ngày|đến|tới|trên|cùng|qua|sau|trước|khi|nếu|như|từ|vào|bằng|"
    r"hết|bị|thay\s+thế|bãi\s+bỏ|h[ủu]ỷ?\s+bỏ|kể|chịu|thi\s+hành|hiệu\s+lực|"
    r"do|bởi|các|những|nhưng|mà|sẽ|phải|gồm|tổ\s+chức|chỉ\s+đạo|yêu\s+cầu|nêu|xác\s+định|tiếp\s+tục|"
    r"đồng\s+thời|chủ\s+trì|phối\s+hợp|nhiệm\s+kỳ|số|hằng|hàng|định\s+kỳ|báo\s+cáo|nay|này|đó|và(?!\s+[A-ZĐ])|"
    r"và(?=\s+(?:Nghị|Quyết|Chỉ|Thông|Kế|Luật|Đề|Công|Kết|Quy|Hướng|Chương|các)\b))"
)
ISSUER_PHRASE = (
    rf"(?P<issuer>(?:[{UPPER}]{W}*|UBND|HĐND)"
    rf"(?:[ \t]+(?:-[ \t]+)?(?!{STOP_ISSUER}(?!\w)){W}+){{0,13}})"
)

ISSUER_BEFORE_RE = re.compile(rf"(?:đề\s+nghị|ý\s+kiến|báo\s+cáo)\s+của\s+{ISSUER_PHRASE}\s+(?:tại|theo)\s*$")
"""The issuer printed before the reference: "Theo đề nghị của Sở Tài chính tại Tờ trình số 45/TTr-STC"."""
ISSUER_BEFORE_WINDOW = 200

REF_FULL_RE = re.compile(
    rf"{TYPE_AHEAD}(?P<type>{TYPE_ALT})"
    rf"(?:\s+của\s+(?P<issuer_pre>[{UPPER}]{W}*(?:[ \t]+(?!số\b|(?:{TYPE_ALT})(?!\w)){W}+){{0,8}}?)(?=\s+số))?"
    rf"\s*(?:số\s*(?::\s*)?)?(?P<symbol>{SYMBOL})"
    rf"(?:\s*(?:,\s*)?(?:\(\s*)?(?:ban\s+hành\s+)?(?P<date>{date_re('r_')})(?:\s*\))?)?"
    rf"(?:\s*(?:,\s*)?của\s+{ISSUER_PHRASE}(?:\s*(?:,\s*)?(?P<date2>{date_re('r2_')}))?)?"
)
"""A typed reference: "Nghị quyết số 94-NQ/TU, ngày 26/8/2024 của Ban Thường vụ Tỉnh ủy" (date also after the issuer).
An issuer before the number holds no type name: in "Chương trình hành động của Chính phủ thực hiện Nghị quyết
số 57-NQ/TW" the reference is the Nghị quyết."""

REF_BARE_RE = re.compile(
    rf"(?=\d)(?<![\w/\-])(?P<symbol>{SYMBOL})"
    rf"(?:\s*(?:,\s*)?(?:\(\s*)?(?:ban\s+hành\s+)?(?P<date>{date_re('r_')})(?:\s*\))?)?"
    rf"(?:\s*(?:,\s*)?của\s+{ISSUER_PHRASE})?"
)
"""A symbol without a type word; accepted only when its type abbreviation is known."""

LIST_CONT_RE = re.compile(
    rf"(?<!\s)\s*+(?:,|;|và|hoặc)\s*+(?:(?P<type>{TYPE_ALT})\s+)?(?:số\s*(?::\s*)?)?(?P<symbol>{SYMBOL})"
    rf"(?:\s*(?:,\s*)?(?:\(\s*)?(?:ban\s+hành\s+)?(?P<date>{date_re('r_')})(?:\s*\))?)?"
    rf"(?:\s*(?:,\s*)?của\s+{ISSUER_PHRASE})?"
)
"""Continuation of a list: "các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW"."""

_NAME_COMMA = rf",[ \t]*+(?![{UPPER}])(?!(?:và|các|của|theo|tại|được|đã|có|là|trong|với|cho|để|này|nay|thì|đồng|quy|ban)\b)"
"""A comma inside a law's name, followed by a lower-case content word: "Phòng, chống", "Khoa học, công nghệ"."""
_LAW_NAME = rf"[{UPPER}]{W}*(?:(?:[ \t]+|{_NAME_COMMA})(?!năm\b|số\b|ngày\b){W}+){{0,14}}?"
"""The name words of a law, up to its number, year or date ("Luật Phòng, chống thiên tai năm 2013")."""
REF_LAW_RE = re.compile(
    rf"(?=(?i:[BL])[ộu])(?<!\w)(?P<type>(?i:B)ộ\s+luật|(?i:L)uật)\s+"
    rf"(?P<name>(?P<amend>(?i:s)ửa\s+đổi,\s*bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của\s+)?(?:các\s+)?(?:Bộ\s+luật|Luật)\s+)?"
    rf"{_LAW_NAME}(?(amend)(?:,[ \t]*+(?:Bộ[ \t]+luật|Luật)[ \t]+{_LAW_NAME}){{0,8}}))"
    rf"(?:\s+số\s+(?P<lawno>\d{{1,3}}/(?:19|20)\d{{2}}/QH\d{{1,2}}))?"
    rf"(?:\s*(?:,\s*)?(?:năm\s+(?P<year>(?:19|20)\d{{2}})|(?P<year2>(?:19|20)\d{{2}})(?![\d/])|(?P<date>{date_re('l_')})))"
)
"""A named law: "Luật Nhà ở năm 2023", "Bộ luật Lao động năm 2019"; an amending law names its list of laws
("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu ngày 29/11/2024")."""


QUOTES = '“”"«»'
_QUOTED_TYPES = ("Đề án", "Chương trình", "Kế hoạch", "Quy hoạch", "Chiến lược", "Dự án", "Phong trào")
REF_QUOTED_RE = re.compile(
    rf"{_type_ahead(_QUOTED_TYPES)}(?P<type>{_type_alt(_QUOTED_TYPES)})"
    rf"\s*[“\"«](?P<title>[^“”\"«»\n]{{5,400}})[”\"»]"
)
"""A title in quotes: Đề án “Đầu tư xây dựng ít nhất 1 triệu căn hộ ...”."""

REF_SHORT_RE = re.compile(
    rf"{TYPE_AHEAD}(?P<type>{TYPE_ALT})\s+(?:số\s+)?(?P<num>\d{{1,5}})"
    r"(?![\d/\-%]|\s*[/\-]\s*[A-Za-zĐđ]|[ \t]+(?:tháng|năm|căn|triệu|tỷ|nghìn|ngàn|người|hộ|%))"
)
"""A short form: "Chỉ thị 34", "Quyết định số 338" (resolved to a unique earlier full reference)."""

REF_SELF_RE = re.compile(rf"{TYPE_AHEAD}(?P<type>{TYPE_ALT})\s+này(?!\w)")
""""Kế hoạch này", "Quyết định này": the document itself."""

REF_CONGRESS_RE = re.compile(
    r"(?P<type>(?i:N)ghị\s+quyết)\s+(?P<title>Đại\s+hội\s+(?:[^\W\d_]+\s+){1,12}?"
    r"(?:lần\s+thứ\s+[IVXLC\d]+)(?:\s*,\s*nhiệm\s+kỳ\s+\d{4}\s*-\s*\d{4})?)"
)
"""A Party congress resolution: "Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ I, nhiệm kỳ 2025-2030"."""

ALIAS_RE = re.compile(
    r"\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s*(?::\s*)?(?P<alias>[^()\s][^()\n]{0,79}?)\s*\)"
)
"""An alias definition: "(sau đây gọi tắt là Đề án)", "(viết tắt là Chỉ thị số 34-CT/TW)"."""

ABOUT_RE = re.compile(r"(?<!\s)\s*+(?:,\s*+)?(?:về\s+(?:việc\s+)?|V/v\s+)(?P<about>[^;.\n()“”\"]{3,240})")
ABOUT_CUT_RE = re.compile(rf",\s*(?:{TYPE_ALT})(?!\w)")
"""Where a "về ..." description runs into the next reference of a list."""

SENTENCE_BREAK_RE = re.compile(r"[.!?](?=\s)|\n")
"""Sentence boundaries in cleaned (unwrapped) text; gaps between mentions never cross them."""
CUE_RES = (
    ("approved_by", re.compile(r"phê\s+duyệt\s+(?:tại|theo|bởi)\s*$", re.IGNORECASE)),
    (
        "amended_by",
        re.compile(
            r"được\s+sửa\s+đổi(?:\s*,\s*bổ\s+sung)?(?:\s+một\s+số\s+điều)?\s+(?:tại|theo|bởi)\s*$", re.I
        ),
    ),
    ("replaced_by", re.compile(r"được\s+thay\s+thế\s+(?:tại|theo|bởi|bằng)\s*$", re.IGNORECASE)),
    ("guided_by", re.compile(r"được\s+hướng\s+dẫn\s+(?:thi\s+hành\s+)?(?:tại|theo|bởi)\s*$", re.IGNORECASE)),
    ("amends", re.compile(r"sửa\s+đổi(?:\s*,\s*bổ\s+sung)?|bổ\s+sung\s+một\s+số\s+điều", re.IGNORECASE)),
    ("replaces", re.compile(r"thay\s+thế", re.IGNORECASE)),
    ("repeals", re.compile(r"bãi\s+bỏ|h[ủu]ỷ?\s+bỏ|hết\s+hiệu\s+lực", re.IGNORECASE)),
    ("approves", re.compile(r"phê\s+duyệt", re.IGNORECASE)),
    (
        "guides",
        re.compile(
            r"hướng\s+dẫn\s+(?:thi\s+hành|thực\s+hiện|triển\s+khai)|quy\s+định\s+chi\s+tiết(?!\s+về)",
            re.IGNORECASE,
        ),
    ),
    ("based_on", re.compile(r"căn\s+cứ", re.IGNORECASE)),
    (
        "cites",
        re.compile(
            r"(?:tình\s+hình|kết\s+quả|sơ\s+kết|tổng\s+kết|đánh\s+giá)(?:\s+\d{1,2}\s+năm)?"
            r"(?:\s+(?:việc|các|công\s+tác))?(?:\s+(?:tổ\s+chức\s+)?(?:triển\s+khai|thực\s+hiện|quán\s+triệt)){0,2}",
            re.IGNORECASE,
        ),
    ),
    ("implements", re.compile(r"triển\s+khai|thực\s+hiện|cụ\s+thể\s+h[óo]á?|quán\s+triệt", re.IGNORECASE)),
)
"""Strong relation cues (research-extraction §4.1); in a gap the nearest wins, ties go to the earlier entry.
A reporting subject ("tình hình triển khai X", "kết quả thực hiện X", "sơ kết X") reports on X: it cites it,
and outranks the "triển khai/thực hiện" it ends with."""
TRAILING_CUE_RES = (
    ("repeals", re.compile(r"^[^;:]*?(?<!\w)(?:hết\s+hiệu\s+lực|(?:được|bị)\s+(?:bãi|h[ủu]ỷ?)\s+bỏ)", re.I)),
    ("replaces", re.compile(r"^[^;:]*?(?<!\w)(?:được|bị)\s+thay\s+thế", re.IGNORECASE)),
)
"""A cue after a reference, in a sentence about this document ("Quyết định số X … hết hiệu lực"): self relation."""
WEAK_CITE_CUE_RE = re.compile(
    r"(?<!\w)(?:theo|tại|phù\s+hợp\s+với|áp\s+dụng|giữ\s+nguyên\s+theo|so\s+với|gắn\s+với|kết\s+hợp\s+với)"
    r"\s*(?:(?:các|những)\s+|quy\s+định\s+(?:của|tại)\s+|đúng\s+)?$",
    re.IGNORECASE,
)
"""A weak cue governing the reference right after it ("theo", "quy định tại"): cited, not inherited."""
DESCRIBED_IMPLEMENTS_RE = re.compile(
    r"(?<!\s)\s*+(?:,\s*+)?(?:về\s+(?:việc\s+)?)?(?:tiếp\s+tục\s+)?(?:đẩy\s+mạnh\s+)?(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+h[óo]á?)\s*+$",
    re.IGNORECASE,
)
"""A reference described as implementing the next one: "Kế hoạch số 97-KH/HU … về thực hiện Kế hoạch số 215-KH/TU"."""
ISSUES_PROGRAMME_RE = re.compile(
    r"(?<!\w)(?:ban\s+hành\s+|về\s+(?:việc\s+ban\s+hành\s+)?)(?:Chương\s+trình|Kế\s+hoạch|Đề\s+án)(?!\w)"
)
IMPLEMENTING_END_RE = re.compile(
    r"(?<!\w)(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+h[óo]á?)\s*+$", re.IGNORECASE
)
LIST_AND_RE = re.compile(r"(?<!\w)và(?!\w)")
"""A reference whose description issues a programme implementing the next one: "Nghị quyết số 03/NQ-CP, ngày …
của Chính phủ ban hành Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW" (no "và" before the cue,
which would start another subject)."""

TYPE_BY_ABBR = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "CĐ": "Công điện",
    "CV": "Công văn",
    "CTHĐ": "Chương trình hành động",
    "PA": "Phương án",
    "PL": "Pháp lệnh",
    "TC": "Thông cáo",
    "L": "Luật",
    "VBHN": "Văn bản hợp nhất",
    "QyC": "Quy chế",
}
"""Type abbreviations of Phụ lục III NĐ 30/2020, the law on legal documents and HD 36 (Party)."""
PARTY_TYPE_OVERRIDES = {"TT": "Thông tri"}
ABBR_BY_TYPE = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Kế hoạch": "KH",
    "Kết luận": "KL",
    "Quy chế": "QC",
    "Quy định": "QĐi",
    "Hướng dẫn": "HD",
    "Thông báo": "TB",
    "Chương trình": "CTr",
    "Đề án": "ĐA",
    "Nghị định": "NĐ",
    "Thông tư": "TT",
    "Thông tư liên tịch": "TTLT",
    "Nghị quyết liên tịch": "NQLT",
    "Báo cáo": "BC",
    "Tờ trình": "TTr",
    "Công điện": "CĐ",
    "Công văn": "CV",
    "Văn bản": "CV",
    "Chương trình hành động": "CTHĐ",
    "Phương án": "PA",
    "Pháp lệnh": "PL",
    "Luật": "L",
    "Bộ luật": "BL",
    "Hiến pháp": "HP",
    "Lệnh": "LE",
    "Thông tri": "TTr",
    "Điều lệ": "ĐL",
}

ISSUER_NAMES = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "VPCP": "Văn phòng Chính phủ",
    "BXD": "Bộ Xây dựng",
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BCT": "Bộ Công Thương",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ",
    "KTNN": "Kiểm toán Nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "TW": "Trung ương Đảng",
    "TU": "Tỉnh ủy",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ĐU": "Đảng ủy",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
}
"""Numbering-authority codes → body (research-extraction §1.4)."""
PARTY_ORGAN_PREFIX = {
    "VP": "Văn phòng",
    "BTC": "Ban Tổ chức",
    "BTG": "Ban Tuyên giáo",
    "BDV": "Ban Dân vận",
    "UBKT": "Ủy ban Kiểm tra",
    "BNC": "Ban Nội chính",
    "BKT": "Ban Kinh tế",
    "BCS": "Ban cán sự đảng",
    "BTGDV": "Ban Tuyên giáo và Dân vận",
}
PARTY_LEVEL_SUFFIX: dict[str, Level] = {
    "TW": "central",
    "TU": "province",
    "HU": "district",
    "QU": "district",
    "TXU": "district",
    "ĐU": "commune",
}
CENTRAL_CODE_RE = re.compile(
    r"^(?:QH\d{0,2}|UBTVQH\d{0,2}|CP|TTg|VPCP|CTN|NHNN|TTCP|KTNN|TANDTC|VKSNDTC|HĐTP|B[A-ZĐ]{1,7})$"
)
LOCAL_STATE_CODE_RE = re.compile(r"^(?:UBND|HĐND|S[A-ZĐ]{1,6}|UBMTTQ)$")

PARAGRAPH_RE = re.compile(r"[^\n]*\S[^\n]*")
"""One non-blank line of cleaned (unwrapped) text: a paragraph."""
SALUTATION_RE = re.compile(r"\s*+Kính\s+gửi\b")


def alias_use_re(alias: str) -> re.Pattern[str]:
    """A later bare use of an alias ("Đề án"), not followed by a quote, a number or "này"."""
    return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)(?!\s*[“\"«])(?!\s+(?:số\s+)?\d)(?!\s+này)")


NUMBER_PREFIX_RE = re.compile(r"(\d+)(.*)")
LEADING_NUMBER_RE = re.compile(r"^\d+[-/ ]")
TRAILING_DIGITS_RE = re.compile(r"(?<!\d)\d+$")
"""The term of a Quốc hội code ("QH15" → "QH")."""
YEAR_FIRST_RE = re.compile(r"^(?:19|20)\d{2}/")
SYMBOL_YEAR_RE = re.compile(r"/((?:19|20)\d{2})/")
LEADING_DIGITS_RE = re.compile(r"\d+")
CLAUSE_BREAK_RE = re.compile(r"[;:]")
"""A statement between two documents never spans a clause break."""


ATTACHED_TO_CUE_RE = re.compile(r"(?:(?:ban\s+hành|phê\s+duyệt)\s+)?kèm\s+theo\s*$", re.IGNORECASE)
"""The gap before the document an attached text is issued with: "(Ban hành kèm theo <Quyết định số …>)".
In the lead of a document with no number of its own, that document approves this one."""
