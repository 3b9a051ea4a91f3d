"""Cues for the official components of a document (NĐ 30/2020, HD 36-HD/VPTW); see ``loaders.layout``."""

from __future__ import annotations

import re

UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"

PLACE_WORD = rf"[{UPPER}][^\W\d_]*(?:['’ʼ][^\W\d_]+)*"
"""One capitalised syllable of a place name; an apostrophe stays inside it ("M’gar", "B'Lao")."""
PLACE_NAME = (
    rf"(?:\d{{1,2}}[ \t]+)?{PLACE_WORD}(?:(?:[ \t]+|[ \t]*[-–][ \t]*){PLACE_WORD}){{0,5}}"
    r"(?:[ \t]+\d{1,2}(?![\w/.,]\d|\w))?"
)
"""A unit name as printed: capitalised syllables, joined by spaces or a hyphen ("Cam Ly - Đà Lạt"), with
the number that is part of the name before or after them ("1 Bảo Lộc", "Đam Rông 2")."""
DATE_PLACE = rf"(?:[{UPPER}][^\W\d_]*\.[ \t]+)?{PLACE_NAME}"
"""The place on the date line, possibly abbreviated ("TP. Hồ Chí Minh")."""

SIGNATURE_PREFIX_RE = re.compile(r"^\s*(?P<prefix>T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*(?P<rest>.*)$")
"""A signature-capacity line: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TUQ. BỘ TRƯỞNG"."""

BODY_OPENER_RE = re.compile(
    r"^\s*(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Nhằm|Để|Trên\s+cơ\s+sở|Trên\s+đây|Kính\s+gửi|Xét|Theo\s+đề\s+nghị)\b"
)
"""Sentences that open the body after the trích yếu."""

STRUCTURAL_START_RE = re.compile(
    rf"^\s*(?:[IVX]{{1,5}}\.\s|\d{{1,2}}[.)]\s|\d{{1,2}}\.\d{{1,2}}\.?\s|[a-zđ]\)\s|[-+•]\s|-{{3,}}|\*\s*$"
    rf"|Nơi\s+nhận|Kính\s+gửi|V/[vV]\b|Điều\s+\d|Chương\s+[IVX]|Số\b|Phần\s+[IVX]"
    rf"|(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s|[{UPPER}]{{2,}}(?:\s+[{UPPER}]{{1,}})*\s*:?\s*$"
    rf"|{DATE_PLACE}[ \t]*,[ \t]*ngày\b)"
)
"""A line that starts a new paragraph, never the continuation of the one before."""
SENTENCE_END_RE = re.compile(r"[.;:!?]\s*$|\./\.\s*$")
TITLE_VERB_END_RE = re.compile(
    r"(?<!\w)(?:thực\s+hiện|triển\s+khai|quán\s+triệt|cụ\s+thể\s+h[óo]á?|bổ\s+sung|phê\s+duyệt|ban\s+hành|sơ\s+kết"
    r"|tổng\s+kết|hướng\s+dẫn|thi\s+hành)$"
)
"""A trích yếu line ending on a verb that takes a document as object: the next line goes on with it.
(Not a unit kind: "… Đảng bộ tỉnh" / "Ủy ban nhân dân xã … xây dựng" is the body's first sentence.)"""

SO_RE = re.compile(
    r"(?m)^[ \t]*Số(?P<colon>[ \t]*:)?[ \t]*(?:(?P<num>\d{1,5})[ \t]*)?(?:(?P<sep>[-/])[ \t]*)?"
    r"(?P<symbol>(?:(?P<year>(?:19|20)\d{2})[ \t]*/[ \t]*)?[A-ZĐ][A-Za-zĐđ0-9]{0,11}"
    r"(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ0-9.]{0,11}){0,4})"
)
"""The document's own "Số" line: "Số 146-KH/HU", "Số: /KH-UBND", "Số       -KH/ĐU", "Số: 12/2024/QĐ-UBND"."""

DATE_TAIL = (
    r"[ \t]*,[ \t]*ngày[ \t]*(?P<day>\d{1,2}|[.…]+)?[ \t]*tháng[ \t]*(?P<month>\d{1,2}|[.…]+)?[ \t]*năm[ \t]*"
    r"(?P<year>\d{4}|20[.…]+)?"
)
PLACE_DATE_RE = re.compile(rf"(?<![\w/\-.])(?P<place>{DATE_PLACE}){DATE_TAIL}")
"""'Hà Bắc, ngày tháng 5 năm 2026' (blank day), 'Hậu Giang, ngày 22 tháng 8 năm 2024', 'Đam Rông 2, ngày …'."""
LOOSE_PLACE_DATE_RE = re.compile(
    rf"(?m)^[ \t]*(?P<place>[{UPPER}][^\W\d_]*(?:[ \t]+[^\W\d_]+){{1,3}}){DATE_TAIL}"
)
"""A date line whose place has a syllable in lower case ("Đắk song, ngày 26 tháng 11 năm 2025"): the whole
line, tried only when :data:`PLACE_DATE_RE` finds nothing."""
DATE_ONLY_RE = re.compile(
    r"(?m)^[ \t]*ngày[ \t]*(?P<day>\d{1,2}|[.…]+)?[ \t]*tháng[ \t]*(?P<month>\d{1,2}|[.…]+)?"
    r"[ \t]*năm[ \t]*(?P<year>\d{4}|20[.…]+)?"
)

COLUMN_DATE_RE = re.compile(
    r"(?<![ \t])[ \t]{3,}+(?:"
    + PLACE_DATE_RE.pattern
    + r"|ngày[ \t]*\d{1,2}[ \t]*tháng[ \t]*\d{1,2}[ \t]*năm[ \t]*\d{4})"
)
"""The date of the right header column printed on the same line as the trích yếu (after a run of spaces)."""

NATIONAL_MOTTO_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?"
    r"|Độc\s+lập\s*-\s*Tự\s+do(?:\s*-\s*Hạnh\s+phúc)?",
    re.IGNORECASE,
)
"""The Quốc hiệu and Tiêu ngữ of state documents."""
HEADER_NOISE_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|Độc\s+lập\s*-\s*Tự\s+do(?:\s*-\s*Hạnh\s+phúc)?"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|[|*_]",
    re.IGNORECASE,
)
"""What a header line loses before it can name the issuing body (motto, Party mark, table pipes)."""
PARTY_MARK_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
STAR_LINE_RE = re.compile(r"^\s*\*\s*$")

TYPE_HEADINGS = (
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "THÔNG TƯ LIÊN TỊCH",
    "NGHỊ QUYẾT LIÊN TỊCH",
    "KẾ HOẠCH LIÊN TỊCH",
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "KẾ HOẠCH",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ",
    "KẾT LUẬN",
    "QUY ĐỊNH",
    "QUY CHẾ",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "THÔNG TRI",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "BÁO CÁO",
    "TỜ TRÌNH",
    "CÔNG ĐIỆN",
    "PHƯƠNG ÁN",
    "LUẬT",
    "BỘ LUẬT",
    "PHÁP LỆNH",
    "LỆNH",
    "NGHỊ QUYẾT HỘI NGHỊ",
    "QUY HOẠCH",
    "ĐIỀU LỆ",
    "BIÊN BẢN",
    "THÔNG CÁO",
)
TYPE_HEADING_RE = re.compile(
    r"^\s*(?P<type>"
    + "|".join(sorted((t.replace(" ", r"\s+") for t in TYPE_HEADINGS), key=len, reverse=True))
    + r")[ \t]*+(?::[ \t]*+)?(?P<rest>\S.*)?$"
)
"""The ALL-CAPS type line, possibly followed on the same line by the trích yếu (which has lower case)."""
ATTACHED_NOTE_RE = re.compile(
    r"^\s*[(\[]\s*(?:(?:Được\s+)?(?:[Bb]an\s+hành|[Pp]hê\s+duyệt)\s+kèm|Kèm)\s+theo\b"
)
"""The note under an appended document's trích yếu: "(Ban hành kèm theo Quyết định số … của …)".
It starts a line of its own (never joined to the trích yếu above it)."""
AUTHOR_LINE_RE = re.compile(rf"^\s*(?P<author>CỦA(?:\s+[{UPPER}0-9,-]+)+)(?:\s+(?P<rest>[^{UPPER}\s].*))?$")
"""The HD 36 author line "CỦA BAN THƯỜNG VỤ HUYỆN ỦY", possibly followed by the trích yếu on the same line."""
NOTICE_SUBTITLE_RE = re.compile(
    rf"^\s*(?:KẾT\s+LUẬN|Ý\s+KIẾN\s+(?:CHỈ\s+ĐẠO|KẾT\s+LUẬN))(?:\s+(?P<author>CỦA(?:\s+[{UPPER},-]+)+))?\s*$"
)
"""The ALL-CAPS first line of a Thông báo's trích yếu: "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY"."""
INLINE_AUTHOR_RE = re.compile(
    rf"\s*của\s+(?:Ban|Ủy\s+ban|Hội\s+đồng|Thường\s+trực|[{UPPER}])[^\n]{{0,120}}?\s+(?=về\s)"
)
"""An author phrase typed in lower case before the trích yếu: "của Ban Thường vụ Đảng ủy xã về …"."""
VV_RE = re.compile(r"^\s*(?:V/v|V/V|Về\s+việc)\b[ \t:]*(?P<title>.*)$")
"""Công văn trích yếu: "V/v triển khai ..."."""
SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*\s*\*\s*\*|\*)\s*$")

ROMAN_RE = re.compile(r"^\s*(?:PHẦN\s+|Phần\s+)?(?P<num>[IVX]{1,5})\s*[.:]\s+(?P<text>\S.*)$")
ARTICLE_RE = re.compile(r"^\s*(?P<kw>Điều)\s+(?P<num>\d{1,3})\s*[.:]?\s*(?P<text>.*)$")
NUMBERED_RE = re.compile(r"^\s*(?P<num>\d{1,2})\s*[.)](?!\d)\s*(?P<text>\S.*)$")
SUBNUMBERED_RE = re.compile(r"^\s*(?P<num>\d{1,2}\.\d{1,2})\.?(?!\d)\s+(?P<text>\S.*)$")
POINT_RE = re.compile(r"^\s*(?P<num>[a-zđ])\)\s*(?P<text>\S.*)$")
BULLET_RE = re.compile(r"^\s*(?P<num>[-•])\s*(?P<text>\S.*)$")
SUBBULLET_RE = re.compile(r"^\s*(?P<num>[+])\s*(?P<text>\S.*)$")
INLINE_HEAD_RE = re.compile(r"^(?P<head>[^:;.\n]{2,160}?)\s*:\s*(?P<rest>\S.*)$")
BOLD_HEAD_RE = re.compile(
    r"^[ \t]*+(?:#+[ \t]*+)?\*\*[ \t]*+\d{1,2}\.[ \t]*+(?P<head>[^*:\s][^*:\n]{1,159}?)[ \t]*\*\*[ \t]*+"
    r"(?P<rest>[^\s:].*)$"
)
"""A markdown item whose bold part is the agency: "**10. Các Sở, ban, ngành khác** theo chức năng ..."."""
"""An inline item "Sở Kế hoạch và Đầu tư: nghiên cứu ..." (agency, colon, task)."""

SECTION_KINDS = (
    (
        "assignments",
        re.compile(r"tổ chức thực hiện|trách nhiệm thi hành|tổ chức thi hành|hiệu lực thi hành|phân công"),
    ),
    ("purpose", re.compile(r"mục đích|yêu cầu")),
    ("targets", re.compile(r"mục tiêu|chỉ tiêu")),
    ("viewpoints", re.compile(r"quan điểm")),
    ("measures", re.compile(r"nhiệm vụ|giải pháp|nội dung|biện pháp")),
)
"""Keyword class of a top-level heading (matched on its :func:`loaders.clean.match_key`)."""
ARTICLE_ASSIGN_RE = re.compile(r"chịu trách nhiệm thi hành|tổ chức thực hiện|thi hành quyết định|giao\b")

RECIPIENTS_RE = re.compile(r"(?m)^[ \t]*Nơi[ \t]+nhận[ \t]*:?")
COLUMN_GAP_RE = re.compile(r"(?<=\S)[ \t]{3,}+(?=\S)")
"""The gap between two columns printed on one line ("- Như trên;          PHÓ GIÁM ĐỐC")."""
ADDRESSEES_RE = re.compile(r"^[ \t]*Kính[ \t]+gửi[ \t]*:?")
"""The Kính gửi line of a Công văn: its addressees follow on the line or as bullets."""
AS_ABOVE_RE = re.compile(r"^Như[ \t]+trên$", re.IGNORECASE)
"""The Nơi nhận item "Như trên": the Kính gửi addressees."""
ARCHIVE_RE = re.compile(r"^\s*Lưu\b")
FOR_REPORT_RE = re.compile(r"\(\s*(?:để\s+)?(?:b/c|báo\s+cáo)\s*\)", re.IGNORECASE)
END_MARK_RE = re.compile(r"\./\.")
POSITION_RE = re.compile(
    r"^\s*(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG"
    r"|TRƯỞNG\s+PHÒNG|CỤC\s+TRƯỞNG|TỔNG\s+BÍ\s+THƯ|CHỦ\s+NHIỆM|VIỆN\s+TRƯỞNG|THỐNG\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC)\b"
)
NAME_LINE_RE = re.compile(rf"^\s*(?P<name>[{UPPER}][^\W\d_]*(?:[ \t]+[{UPPER}][^\W\d_]*){{1,4}})\s*$")
"""A personal name: 2-5 capitalised syllables ("Nguyễn Đắc Chiếm")."""

UNIT_KIND_ALT = r"(?i:t)hành\s+phố|(?i:t)hị\s+trấn|(?i:t)hị\s+xã|(?i:đ)ặc\s+khu|(?i:t)ỉnh|(?i:h)uyện|(?i:q)uận|(?i:x)ã|(?i:p)hường|TP\."
UNIT_MENTION_RE = re.compile(
    rf"(?<!\w)(?P<kind>{UNIT_KIND_ALT})\s+(?!(?:Ủy|Uỷ|UỶ|ỦY|Ủy|Ủ)(?!\w)|Ủy\s)"
    rf"(?P<name>{PLACE_NAME}|\d{{1,2}}(?![\w/.,]\d|\w))"
)
"""An administrative unit named in text: "tỉnh Long An", "cấp huyện Cần Đước", "thành phố Hải Phòng",
"xã Đam Rông 2", "phường Cam Ly - Đà Lạt", a legacy "Quận 1" (the gazetteer decides which are units)."""
COMMITTEE_MENTION_RE = re.compile(
    rf"(?<!\w)(?P<kind>Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ|Ủy|Uỷ)\s+(?P<name>{PLACE_NAME})"
)
"""A Party committee named with its locality: "Tỉnh ủy Hậu Giang", "Huyện ủy Cần Đước"."""
COUNCIL_LEVEL_RE = re.compile(
    r"(?:Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND)\s+"
    r"(?P<kind>tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)(?!\w)",
    re.IGNORECASE,
)
"""The level of a People's Committee or Council: "Ủy ban nhân dân xã Hà Bắc", "UBND tỉnh ban hành"."""
CITED_AUTHOR_TAIL_RE = re.compile(r"(?<!\w)của[ \t]+$")
"""What stands before a council that authored something cited ("Kế hoạch số 02/KH-UBND … của | Ủy ban nhân dân
tỉnh"): that council is not the issuer of the document at hand."""

PREAMBLE_SUBJECT_RE = re.compile(
    r"(?P<org>(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Ban\s+Bí\s+thư|Bộ\s+Chính\s+trị|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân"
    r"|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Đảng\s+ủy|Đảng\s+uỷ|Thường\s+trực)(?:[ \t]+[^\W\d_]+){0,6}?)"
    r"[ \t]+(?:xây\s+dựng|ban\s+hành|đề\s+ra|triển\s+khai|yêu\s+cầu|chỉ\s+thị|quyết\s+định|thông\s+báo)(?!\w)"
)
"""The issuer as the subject of the preamble: "Ban Thường vụ Huyện ủy xây dựng kế hoạch ..."."""
PARTY_ORGAN_RE = re.compile(r"^(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Thường\s+trực)\s*$", re.IGNORECASE)
COMMITTEE_WORD_RE = re.compile(
    r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ]ỷ?|Trung\s+ương|Đảng\s+bộ", re.IGNORECASE
)
COUNCIL_RE = re.compile(
    r"^(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân$|^Hội\s+đồng\s+nhân\s+dân$|^UBND$|^HĐND$", re.IGNORECASE
)
AUTHOR_PREFIX_RE = re.compile(r"^\s*CỦA\s+")
AUTHORITY_LINE_RE = re.compile(
    r"^\s*(?:THỦ\s+TƯỚNG|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|CHÍNH\s+PHỦ|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN"
    r"|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|BỘ\s+CHÍNH\s+TRỊ|BAN\s+BÍ\s+THƯ"
    r"|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)|(?:TỔNG\s+)?CỤC\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG"
    r"|TRƯỞNG\s+BAN|BÍ\s+THƯ|(?:TỔNG\s+)?GIÁM\s+ĐỐC|THỐNG\s+ĐỐC|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CHÁNH\s+ÁN)\b"
)
"""The issuing authority printed under the trích yếu of a Quyết định or Nghị quyết ("THỦ TƯỚNG CHÍNH PHỦ")."""
CONFERENCE_AUTHOR_RE = re.compile(r"^\s*CỦA\s+HỘI\s+NGHỊ\b")
"""An author line naming a plenum ("CỦA HỘI NGHỊ TRUNG ƯƠNG 11 KHÓA XIII"): the issuer is the committee that signs."""
PARTY_BOARD_RE = re.compile(r"^Ban\s")
"""A board of a Party committee ("Ban Tuyên giáo"): named after its committee, "Ban Tuyên giáo Tỉnh ủy X"."""
CENTRAL_COMMITTEE_LINE_RE = re.compile(r"^BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG\s*$")
UNIT_LINE_RE = re.compile(
    r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\s+(?!(?:ỦY|UỶ)\b)"
)
"""A header line that only names the locality of the body on the line above ("ỦY BAN NHÂN DÂN / TỈNH X");
"HUYỆN ỦY X" is a committee, not a locality."""
PARTY_GRASSROOTS_RE = re.compile(r"Đảng\s+(?:ủy|uỷ|uy)\s*$|Đảng\s+bộ\s*$|Chi\s+bộ\s*$", re.IGNORECASE)
"""A committee named without its level ("Đảng ủy"): its locality is written with the unit kind ("xã Hà Bắc")."""
PARTY_SYMBOL_SHAPE_RE = re.compile(r"[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-Za-zĐđ0-9-]*")
"""A Party symbol "KH/TU": type, slash, committee (State symbols join with "-")."""
DASHES_ONLY_RE = re.compile(r"[-\s]*")
SYMBOL_PART_SPLIT_RE = re.compile(r"[-/]")
CENTRAL_HEADER_RE = re.compile(r"TRUNG\s+ƯƠNG|CHÍNH\s+PHỦ|QUỐC\s+HỘI|^BỘ\s")
"""A header naming a central body."""
STANDING_COMMITTEE_RE = re.compile(r"Ban\s+Thường\s+vụ")
