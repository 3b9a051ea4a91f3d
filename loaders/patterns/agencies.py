"""Cues for agency names: head nouns, abbreviations, generic collectives, levels, parents.

Every pattern here runs on a "flat" view of the text (whitespace runs collapsed to
one space, or to ``\\n`` where a new line starts with something other than a
lower-case letter), so multi-word cues use single spaces.
"""

from __future__ import annotations

import re

# Old-style tone placement on a final oa/oe/uy ("hoá", "uỷ") → new style ("hóa", "ủy").
_OLD_STYLE: dict[str, str] = {}
for _plain, _marked, _first in (
    ("a", "àáảãạ", "òóỏõọ"),
    ("e", "èéẻẽẹ", "òóỏõọ"),
    ("y", "ỳýỷỹỵ", "ùúủũụ"),
):
    for _i, _mark in enumerate(_marked):
        _onset = "o" if _plain in "ae" else "u"
        _OLD_STYLE[_onset + _mark] = _first[_i] + _plain
        _OLD_STYLE[_onset.upper() + _mark] = _first[_i].upper() + _plain
        _OLD_STYLE[_onset.upper() + _mark.upper()] = _first[_i].upper() + _plain.upper()
OLD_STYLE_TONES: dict[str, str] = dict(_OLD_STYLE)
"""Old-style vowel pair → new-style pair, e.g. "uỷ" → "ủy", "UỶ" → "ỦY"."""

OLD_STYLE_TONE_RE = re.compile(r"([oOuU](?<![qQ][oOuU])[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")
"""A final old-style pair not after a "qu" onset ("quỷ" keeps its mark); the "q" is checked after the vowel
(a set of first letters is found faster than a lookbehind tried at every position)."""

ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bUBMTTQ\b"), "Ủy ban Mặt trận Tổ quốc"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bCT-XH\b"), "chính trị - xã hội"),
    (re.compile(r"\bBCH\b"), "Ban Chấp hành"),
    (re.compile(r"\bBTV\b"), "Ban Thường vụ"),
)
"""Abbreviations a careful reader writes out in full."""

SPELLING_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b([Cc]ác) trường (thôn|ấp|khu phố|bản)\b"), r"\1 trưởng \2"),
)
"""Typos seen in agency names ("Các trường thôn" for "Các trưởng thôn")."""

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
_LOWER = "a-zđâăêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự"

CAPITALISED_HEADS = (
    r"Ủy ban|UBND|UBMTTQ|MTTQ|HĐND|Hội đồng|Ban|Sở|Phòng|Văn phòng|Bộ|Cục|Chi cục|Tổng cục"
    r"|Chính phủ|Thủ tướng|Quốc hội|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy|Đảng đoàn"
    r"|Đảng bộ|Mặt trận|Ngân hàng|Báo|Đài|Trung tâm|Thường trực|Công an|Kho bạc|Viện|Tòa án"
    r"|Liên đoàn|Liên minh|Hội|Đoàn|Thủ trưởng|Trưởng|Chủ tịch|Giám đốc|Bí thư|Cấp ủy|Chi bộ|Thanh tra(?= (?:tỉnh|huyện|thành phố|thị xã|quận|Sở|Bộ|Chính phủ))|Bảo hiểm"
    r"|Bộ Chỉ huy|Học viện|Trường|Tổ chức(?= (?:[A-ZĐ]|chính trị|đảng))|Cơ quan|Chi nhánh|Lực lượng"
    r"|Thuế(?= (?:tỉnh|thành phố|cơ sở) )|Hải quan(?= (?:tỉnh|thành phố|khu vực|cửa khẩu) )"
    rf"|Bệnh viện|(?:Hạt|Trạm|Đội)(?= [{_UPPER}])|Tổ(?= (?:đại biểu|công tác|[{_UPPER}]))"
)
"""Words that open a named agency: "Sở …", "Hạt Kiểm lâm …", "Trạm Y tế …", "các Tổ đại biểu …";
since 2025 "Thuế tỉnh …", "Thuế cơ sở 3 …" and "Hải quan khu vực …" replace the Cục/Chi cục names."""
PLURAL_HEADS = (
    r"sở|ban|ngành|phòng|cơ quan|đơn vị|địa phương|cấp ủy|cấp|đảng ủy|chi bộ|tổ chức|trưởng|trường"
    r"|doanh nghiệp|ngân hàng|hội|đoàn thể|bộ|ủy ban|huyện|xã|phường|thôn|chủ đầu tư|nhà đầu tư"
    r"|lực lượng|trung tâm|chính quyền|đại biểu|Sở|Ban|Ngành|Phòng|Cơ quan|Đơn vị|Bộ|Ủy ban|UBND|Huyện ủy"
)

AGENCY_START_RE = re.compile(
    rf"(?:(?:các|những|Các|Những) (?:{PLURAL_HEADS}|{CAPITALISED_HEADS})\b"
    rf"|(?:{CAPITALISED_HEADS})(?!\w)(?! (?:hành|đầu|nghị|viên|thảo|phận|cáo|chí|hợp|kết|ngừa|chống|cháy|tránh|động)\b)"
    r"|(?:phòng|sở|ban|văn phòng|ủy ban) (?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]))"
)
"""Where a named agency or a plural collective can start ("Sở Xây dựng", "các ban ...")."""

WEAK_AGENCY_START_RE = re.compile(
    r"(?:chính quyền|cơ quan|đơn vị|cấp có thẩm quyền|cấp trên|cấp ủy|tổ chức đảng|đảng ủy|đảng đoàn"
    r"|chi bộ|ban cán sự đảng|ủy ban nhân dân|người đứng đầu)\b"
)
"""Lower-case collectives that may open a list ("phối hợp với chính quyền ...")."""

_STOP_WORDS = (
    # task verbs
    "chủ trì",
    "phối hợp",
    "lãnh đạo",
    "chỉ đạo",
    "(?<!ban )xây dựng",
    "tổ chức(?! (?:đảng|chính trị|đoàn thể|xã hội|cơ sở đảng|Công đoàn|hội))",
    "thực hiện",
    "triển khai",
    "rà soát",
    "tham mưu",
    "hướng dẫn",
    "theo dõi",
    "thường xuyên",
    "đề xuất",
    "lập",
    "đẩy mạnh",
    "(?<!Ủy ban )kiểm tra",
    "giám sát",
    "tuyên truyền",
    "thanh tra",
    "cung cấp",
    "nghiên cứu",
    "nắm",
    "huy động",
    "phổ biến",
    "quán triệt",
    "định hướng",
    "đôn đốc",
    "giải quyết",
    "tháo gỡ",
    "đánh giá",
    "báo cáo",
    "thẩm định",
    "trình",
    "bố trí",
    "vận động",
    "tham gia",
    "(?<!Đào )tạo",
    "bảo đảm",
    "đảm bảo",
    "xử lý",
    "quản lý",
    "công khai",
    "hỗ trợ",
    "thu hồi",
    "tiếp tục",
    "chủ động",
    "kịp thời",
    "tăng cường",
    "nghiêm túc",
    "tích cực",
    "đồng thời",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "xác định",
    "ban hành",
    "cụ thể hóa",
    "thành lập",
    "nâng cao",
    "phát huy",
    "sơ kết",
    "tổng kết",
    "yêu cầu",
    "đề nghị",
    "xem xét",
    "ưu tiên",
    "căn cứ",
    "tập trung",
    "khẩn trương",
    "quan tâm",
    "làm tốt",
    "giao",
    "sử dụng",
    "tiếp nhận",
    "phân công",
    "tổng hợp",
    "rút ngắn",
    "lồng ghép",
    "cập nhật",
    "bổ sung",
    "khảo sát",
    "cải cách",
    "chuẩn bị",
    "điều chỉnh",
    "thống kê",
    "cân đối",
    "tiếp thu",
    "thúc đẩy",
    "tạo điều kiện",
    "phát triển",
    "ứng dụng",
    "thẩm tra",
    "xác minh",
    "điều tra",
    "thanh lý",
    "tổ chức lại",
    "phân loại",
    "chấn chỉnh",
    "tiến hành",
    "tăng",
    "giảm",
    "trực tiếp",
    "thay mặt",
    "làm rõ",
    "phê duyệt",
    "giới thiệu",
    "kêu gọi",
    "thu hút",
    "xúc tiến",
    "củng cố",
    "hoàn thiện",
    "sửa đổi",
    "đảm nhận",
    "làm việc",
    "nắm bắt",
    "hoàn thành",
    "mở",
    "nâng cấp",
    "bồi dưỡng",
    "tập huấn",
    "vận hành",
    "duy trì",
    "kết nối",
    "số hóa",
    "chuyển đổi",
    "thu thập",
    "cấp phát",
    "cấp phép",
    "cấp giấy",
    "phân bổ",
    "lựa chọn",
    "kiểm soát",
    "thí điểm",
    "áp dụng",
    "bàn giao",
    "thống nhất",
    "đăng ký",
    "công bố",
    "biên soạn",
    "phát hành",
    "phát động",
    "khen thưởng",
    "đào tạo",
    "đầu tư",
    "và thực hiện",
    # prepositions, modals, time words, objects
    "theo",
    "trong",
    "để",
    "nhằm",
    "về",
    "tại",
    "khi",
    "với",
    "cho",
    "gửi",
    "là",
    "phải",
    "cần",
    "được",
    "đã",
    "sẽ",
    "thông qua",
    "nếu",
    "trên địa bàn",
    "đối với",
    "từ",
    "đến",
    "vào",
    "năm",
    "trước",
    "sau khi",
    "chậm nhất",
    "kể từ",
    "định kỳ",
    "(?:trong|cuối|đầu) (?:quý|tháng|năm)",
    "để tổng hợp",
    "(?:hằng|hàng) (?:năm|quý|tháng|tuần)",
    "có(?! liên quan| thẩm quyền)",
    "kết quả",
    "tình hình",
    "việc",
    "nội dung",
    "nhiệm vụ",
    "công tác",
    r"(?<!số )(?<!cơ sở )\d",  # "Thuế cơ sở 3" is a name
)
AGENCY_STOP_RE = re.compile(r"[.;:()*\n\"“”]|(?<= )(?:" + "|".join(_STOP_WORDS) + r")(?!\w)")
"""Where an agency phrase ends: punctuation, a new line, a task verb or a preposition."""

GENERIC_AGENCY_RE = re.compile(
    r"liên quan|cấp trên|có thẩm quyền|chủ trì\b|\bđịa phương\b|^(?:các |những )?(?:"
    r"chính quyền|cơ quan|đơn vị|ngành|cấp|tổ chức|cá nhân|doanh nghiệp|người đứng đầu"
    r")(?: (?:và|,) (?:cơ quan|đơn vị|tổ chức|cá nhân))*$",
    re.IGNORECASE,
)
"""Collectives that name no particular body ("các cơ quan, đơn vị liên quan", "chính quyền")."""

ELLIPTICAL_ITEM_RE = re.compile(r", (?:các |những )?(\w)")
"""A piece after a comma; when its letter is lower case ("Các đảng ủy*, chi bộ* trực thuộc …") the
list is one collective. (Test the letter with ``str.islower``: a range such as [à-ỹ] holds capitals.)"""

COMMITTEE_WITHOUT_PLACE_RE = re.compile(
    r"^Đảng ủy (?!.*\b(?:tỉnh|huyện|xã|phường|quận|thành phố|thị xã|Trung ương)\b)[^,]+$"
)
SHARED_PLACE_MEMBERS_RE = re.compile(
    rf"^các [{_LOWER}]+(?: [{_LOWER}]+)* (?:Trung ương|tỉnh|thành phố|huyện|xã|phường|quận|thị xã)$"
)
"""A Party committee named after bodies that share one locality word: "Đảng ủy Mặt trận Tổ quốc*, các
đoàn thể Trung ương*" is one committee (the first piece names no place, the second ends in it)."""

JOINT_OFFICE_RE = re.compile(r"^Văn phòng (?:Hội đồng nhân dân|HĐND|Đoàn (?:đại biểu Quốc hội|ĐBQH))$")
JOINT_OFFICE_PARTNER_RE = re.compile(r"(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|UBND)(?!\w)")
""""Văn phòng HĐND *và* UBND huyện", "Văn phòng Đoàn ĐBQH *và* HĐND tỉnh" are one office each, wherever
they stand in a list: the "và" does not start a new agency."""

INSTITUTE_NAME_RE = re.compile(
    rf"(?:Viện|Học viện|Trung tâm|Trường|Bệnh viện) [{_UPPER}][^,;.:()\n]{{0,80}}?"
    r" (?:tỉnh|thành phố|huyện|(?<!- )xã(?! hội)|phường)"
    rf"(?: [{_UPPER}]\w*)*"
    r"(?= (?:chủ trì|phối hợp|có trách nhiệm|thực hiện|tham mưu|triển khai|nghiên cứu)\b)"
)
"""An institute, centre, school or hospital whose name runs in lower case up to its locality, before
the task verb: "Viện Nghiên cứu phát triển kinh tế - xã hội tỉnh| chủ trì …" (a verb inside the
name, "phát triển", does not end it)."""

_BODY_OF_A_COMMITTEE = rf"(?:{CAPITALISED_HEADS}|Quân sự|Bộ đội|Biên phòng|Khối|Dân chính)(?!\w)"
"""A body a Party committee is named after: "Đảng ủy *Ủy ban nhân dân* tỉnh", "Đảng ủy *Công an* tỉnh"."""

LOCALITY_TAIL_RE = re.compile(
    r"(?<!\w)(?:tỉnh|huyện|(?<!tác )xã(?! hội)|phường|thị trấn|quận"
    r"|(?:(?<=[Hh]uyện |[Tt]hành )|(?<=[Tt]ỉnh |Đảng |[Qq]uận )|(?<=[Tt]hị ))ủy"
    rf"(?! {_BODY_OF_A_COMMITTEE}))"
    r"(?: [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*)*"
    r"(?= (?!(?:và|các|ủy|uỷ|hoặc|trực thuộc|cấp|cơ sở|tỉnh|huyện|xã|phường|thị trấn|quận|thành phố|thị xã)\b)"
    rf"[{_LOWER}])"
)
"""Where an agency name ends after its locality tail: "Hội Nông dân xã| vận động", "Văn phòng
Ủy ban nhân dân tỉnh| rà soát", "Ban Thường vụ Huyện ủy| thẩm định" (any verb, listed or not).
A committee named after another body ends with that body's tail: "Đảng ủy Ủy ban nhân dân tỉnh| lãnh đạo"."""

_NAME_WORD = rf"[{_UPPER}]\w*+(?: [{_LOWER}]\w*+)?+(?: nông thôn| vận tải)?+"
DEPARTMENT_NAME_RE = re.compile(
    rf"(?<!\w)(?:Sở|Bộ|Phòng) {_NAME_WORD}(?:(?: và| -|,)? (?!(?:{CAPITALISED_HEADS})\b){_NAME_WORD}){{0,8}}"
    rf"(?= (?!(?:và|tỉnh|huyện|xã|phường|thị trấn|quận|thành phố|thị xã|Trung ương)\b)[{_LOWER}])"
)
"""A department's name by its grammar, when a lower-case word follows: each name word is a
capitalised syllable with at most one lower-case syllable ("Sở Giáo dục và Đào tạo| khám …",
"Sở Nông nghiệp và Phát triển nông thôn| hướng dẫn …"); a word that opens another agency
("… và *Ủy ban* nhân dân …") is not part of the name; the repetition is bounded."""

PERSON_TITLE_RE = re.compile(r"^(?:Thủ trưởng|Chủ tịch|Giám đốc|Trưởng|Bí thư|Người đứng đầu)\b")
"""A list of office holders ("Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã")
names several addressees even when each is elliptical."""

LIST_SEPARATOR_RE = re.compile(r",? và (?=\S)|, (?=\S)")
"""Between two agencies of a list: ", " or " và " (", và" too)."""

CENTRAL_LEVEL_RE = re.compile(
    r"^(?:Chính phủ|Thủ tướng|Quốc hội|Bộ (?!Chỉ huy)\w|Ban Bí thư|Bộ Chính trị|Văn phòng Chính phủ"
    r"|Tổng cục|Ngân hàng Nhà nước Việt Nam|Kiểm toán Nhà nước|Thanh tra Chính phủ)|Trung ương\b",
)
PROVINCE_LEVEL_RE = re.compile(r"\btỉnh\b|^Tỉnh ủy|^Sở |Thành ủy|\bthành phố trực thuộc", re.IGNORECASE)
DISTRICT_LEVEL_RE = re.compile(r"\bhuyện\b|\bquận\b|\bthị xã\b|Quận ủy|Thị ủy", re.IGNORECASE)
COMMUNE_LEVEL_RE = re.compile(r"\bxã\b|\bphường\b|\bthị trấn\b|\bthôn\b|\bấp\b|\bkhu phố\b")
"""Levels a name implies, tried from the highest down."""

PARTY_COMMITTEE_BY_LEVEL = {
    "province": "tỉnh ủy",
    "district": "huyện ủy",
    "commune": "đảng ủy xã",
}
"""Party committee of a level: the parent of its Ban cán sự đảng / Đảng đoàn."""

PEOPLES_COMMITTEE_BY_LEVEL = {
    "province": "ủy ban nhân dân tỉnh",
    "district": "ủy ban nhân dân huyện",
    "commune": "ủy ban nhân dân xã",
}
"""People's Committee of a level: the parent of its Sở / Phòng."""

APPOINTED_PARTY_BODY_RE = re.compile(
    r"^(?:ban cán sự đảng|đảng đoàn|đảng ủy (?!(?:các )?(?:xã|phường|thị trấn|huyện|tỉnh|quận|thị xã|thành phố)\b))"
)
"""Party bodies inside or named after another body ("đảng ủy ủy ban nhân dân tỉnh", "đảng ủy công an tỉnh");
they answer to the Party committee of their level."""

DEPARTMENT_RE = re.compile(r"^(?:sở|phòng) \w")
"""A department of a People's Committee ("Sở Xây dựng", "Phòng Kinh tế")."""

PARENT_BODY_RE = re.compile(
    r" ((?:tỉnh|huyện|thành|thị|quận|đảng) ủy\b.*"
    r"|(?:ủy ban nhân dân|hội đồng nhân dân) (?:tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn)\b.*)$"
)
"""A body named at the end of an organ's name: "ban tuyên giáo *huyện ủy*" (on keys)."""

LOCALITY_SUFFIX_RE = re.compile(r" (tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn) ([^\W\d_][\w -]*)$")
"""A trailing "huyện cần đước" in a key, dropped when it names the agency's own unit."""

NAMED_PLACE_RE = re.compile(
    r"(?:\b(?P<kind>tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn) )?"
    rf"(?<= )(?P<name>[{_UPPER}]\w*(?: [{_UPPER}]\w*){{0,2}})$"
)
"""A place named at the end of an agency name: "… tỉnh Lạng Sơn", "Báo Lạng Sơn"."""

PROVINCIAL_ONLY_RE = re.compile(r"^sở ")
"""Bodies that exist only at province level: "sở xây dựng tỉnh" keys as "sở xây dựng"."""

MARKUP_RE = re.compile(r"[*#_`]")
"""Markdown left in a name ("**Sở Xây dựng**")."""

KEY_PUNCTUATION_RE = re.compile(r"[“”\"'()\[\]]")
KEY_COMMA_RE = re.compile(r"(?<!\s)\s*+,\s*+")
KEY_PLURAL_RE = re.compile(r"^(?:các|những) ")
"""Normalising a key: quotes and brackets dropped, commas spaced, a leading plural marker dropped
(a comma's spaces are matched from their first character only, so a scan stays linear)."""
