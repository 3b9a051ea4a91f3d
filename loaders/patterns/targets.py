"""Cues for numeric targets: Vietnamese numbers, units, qualifiers, and what is not a target."""

from __future__ import annotations

import re

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

QUANTITY_RE = re.compile(
    rf"(?<![\w/.,-])(?P<num>{_NUMBER})"
    rf"(?:\s*+%?\s*+(?:-|–|đến)\s*+(?P<max>{_NUMBER}))?"
    r"(?:\s*+(?P<mult>nghìn|ngàn|triệu|tỷ)(?!\w))?"
    r"\s*+(?P<unit>%|căn(?!\w)|ha(?!\w)|héc-ta|hecta|hộ(?:\s+gia\s+đình)?(?!\w)"
    r"|người(?!\w)|lao\s+động(?!\w)|dự\s+án(?!\w)|km(?!\w)|m2|m²|tỷ\s+đồng|triệu\s+đồng|đồng(?!\w)"
    r"|doanh\s+nghiệp|công\s+trình|giường(?!\w)|phòng\s+ở|chỗ\s+ở|lượt(?!\w)|tấn(?!\w)|hợp\s+tác\s+xã(?!\w)|tổ\s+hợp\s+tác(?!\w)"
    r"|cơ\s+sở(?!\w)|trường(?:\s+học)?(?!\w)|xã(?!\w)(?!\s+hội)|sản\s+phẩm(?!\w))"
)
"""A number with its unit: "3.000 căn hộ", "15-20%", "khoảng 1,5 nghìn hộ", "120.000 tỷ đồng".
Whitespace runs are possessive (``\\s*+``): nothing after them starts with a space, and
backtracking into them made a scan quadratic."""

MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9}

UNIT_CANONICAL = (
    (re.compile(r"^căn(?:\s+hộ|\s+nhà)?$"), "căn"),
    (re.compile(r"^(?:héc-ta|hecta)$"), "ha"),
    (re.compile(r"^hộ(?:\s+gia\s+đình)?$"), "hộ"),
    (re.compile(r"^m²$"), "m2"),
)
"""Unit spellings folded to one: "căn hộ", "căn nhà" → "căn" (the rest is scope)."""

MONEY_UNITS = frozenset({"đồng", "tỷ đồng", "triệu đồng"})

_PERIOD_UNIT = r"(?:năm|tháng|quý|tuần|ngày)(?!\w)"

PER_UNIT_RE = re.compile(
    rf"[ \t]{{0,3}}/[ \t]{{0,3}}(?!{_PERIOD_UNIT})[^\W\d_]++(?![ \t]{{0,3}}/[ \t]{{0,3}}{_PERIOD_UNIT})"
)
"""An amount per beneficiary right after a money unit ("60 triệu đồng/hộ"): a support level, not a
target. A rate per period ("1,5 tỷ đồng/năm", "70 triệu đồng/người/năm") is a level to reach."""

PER_ANY_RE = re.compile(r"[ \t]{0,3}/[ \t]{0,3}[^\W\d_]")
"""Any amount per unit or per period right after a money unit."""

RATE_SUFFIX_RE = re.compile(r"(?:[ \t]{0,3}/[ \t]{0,3}[^\W\d_]++)+")
"""The "/người/năm" of a money rate: part of the amount, not its scope."""

SUPPORT_LEVEL_RE = re.compile(r"hỗ\s+trợ|trợ\s+cấp|phụ\s+cấp|\bmức\b", re.IGNORECASE)
"""A support level before an amount per unit ("hỗ trợ 2 triệu đồng/người/tháng"): a policy parameter."""

COVERAGE_RE = re.compile(
    r"[ \t]{0,3}(?:các[ \t]+)?(?:xã|phường|thị[ \t]+trấn|thôn|ấp|bản|khu[ \t]+phố|hộ|người|cán[ \t]+bộ"
    r"|đảng[ \t]+viên|công[ \t]+chức|viên[ \t]+chức|học[ \t]+sinh|trường|trạm[ \t]+y[ \t]+tế|cơ[ \t]+quan"
    r"|đơn[ \t]+vị|doanh[ \t]+nghiệp|hợp[ \t]+tác[ \t]+xã|tổ[ \t]+chức[ \t]+cơ[ \t]+sở[ \t]+đảng"
    r"|chi[ \t]+bộ|thủ[ \t]+tục|hồ[ \t]+sơ|lao[ \t]+động|cơ[ \t]+sở)(?!\w)(?![ \t]+đã\b)"
)
"""A share of a counted population right after a percentage ("100% xã có phương án …",
"95% hộ gia đình được sử dụng nước sạch"): a coverage target even without a cue before it,
unless a statement about the past follows ("100% xã đã có …")."""

SHARE_RE = re.compile(r"chiếm(?:\s+(?:khoảng|gần|trên))?\s*$", re.IGNORECASE)
"""A share of a whole ("chiếm 30% lao động"): a statistic, not a coverage target."""

QUOTED_RE = re.compile(r"“[^”]{0,600}”|\"[^\"\n]{0,300}\"")
"""A quoted title: numbers inside it ("ít nhất 1 triệu căn") are part of a name."""

POLICY_PARAMETER_RE = re.compile(
    r"quỹ\s+đất|tỷ\s+lệ\s+(?:dành|trích)|trích\s+(?:lập|nộp)|lãi\s+suất|thuế\s+suất|mức\s+(?:hỗ\s+trợ|vay|cho\s+vay)"
    r"|hạn\s+mức|cho\s+vay|tiền\s+(?:sử\s+dụng|thuê)\s+đất|giá\s+trị\s+(?:hợp\s+đồng|căn\s+hộ)",
    re.IGNORECASE,
)
"""A standing rule near the number ("quỹ đất 20%", "dành 20% quỹ đất ở")."""

CREDIT_RE = re.compile(r"tín\s+dụng|gói|vốn\s+điều\s+lệ|cho\s+vay", re.IGNORECASE)
"""A credit package or fund size before a money amount ("Chương trình tín dụng 120.000 tỷ đồng")."""

PAST_RE = re.compile(
    r"\bđã\b(?!\s+được\s+giao)|hiện\s+nay|hiện\s+có|tính\s+đến|vừa\s+qua|năm\s+qua|so\s+với\s+cùng\s+kỳ"
    r"|kết\s+quả\s+(?:đạt|thực\s+hiện)",
    re.IGNORECASE,
)
"""A statistic about the past, before the number in its clause."""

TARGET_CUE_RE = re.compile(
    r"chỉ\s+tiêu|phấn\s+đấu|mục\s+tiêu|bảo\s+đảm|đảm\s+bảo|\bđạt\b|hoàn\s+thành|ít\s+nhất|tối\s+thiểu"
    r"|tối\s+đa|\btăng\b|\bgiảm\b|xây\s+dựng\s+mới|huy\s+động|khởi\s+công|đưa\s+vào\s+sử\s+dụng"
    r"|(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d|giai\s+đoạn\s+(?:19|20)\d\d",
    re.IGNORECASE,
)
"""A target outside a targets section needs one of these before it in its sentence (or
:data:`DUE_AFTER_RE` after it)."""

DUE_AFTER_RE = re.compile(
    r"hoàn\s+thành(?:\s+(?:trong|trước|xong|vào))?(?:\s+(?:ngày|tháng|quý|năm)\b|\s+\d)", re.IGNORECASE
)
"""A completion date after the number ("kiểm tra 06 dự án …, *hoàn thành trong quý* III/2025"):
a planned output, a target even without a cue before it."""

AT_LEAST_RE = re.compile(r"(?:ít\s+nhất|tối\s+thiểu|trên|hơn|không\s+(?:thấp\s+hơn|dưới|ít\s+hơn))\s*$", re.I)
ABOUT_RE = re.compile(r"(?:khoảng|gần|xấp\s+xỉ|trên\s+dưới)\s*$", re.IGNORECASE)
AT_MOST_RE = re.compile(r"(?:tối\s+đa|không\s+(?:quá|vượt\s+quá)|dưới)\s*$", re.IGNORECASE)
ASPIRATIONAL_RE = re.compile(r"phấn\s+đấu", re.IGNORECASE)
"""Qualifiers read just before the number (aspiration anywhere before it in the sentence)."""

TARGETS_HEADING_RE = re.compile(r"mục\s+tiêu|chỉ\s+tiêu", re.IGNORECASE)
"""A section (at any depth) whose heading announces targets."""

SENTENCE_BREAK_RE = re.compile(r"[.;!?](?=\s)|\n[ \t]*[-+•][ \t]|\n[ \t]*\n(?=[ \t]*[A-ZĐ#*\d])")
"""Where a sentence ends (a decimal or thousands dot is followed by a digit, not a space)."""

SCOPE_END_RE = re.compile(
    r"[.;:()“\"]|\s(?:theo|trong|đã|để|được|đến|tại|nhằm|thuộc)\s|,\s+(?:cụ thể|trong đó|hoàn\s+thành)|\svà\s+(?=\d)"
)
"""Where the scope after a unit ends."""

SOURCE_CUE_RE = re.compile(r"(?:theo|tại|giao\s+tại|quy\s+định\s+tại)\s*$", re.IGNORECASE)
"""A reference that a target is quoted from: "71.250 căn *theo* Quyết định số 338/QĐ-TTg"."""

LOCALITY_RE = re.compile(
    r"(?:trên\s+địa\s+bàn|của|cho)\s+((?:tỉnh|huyện|xã|thành\s+phố|thị\s+xã|quận|phường)\s+"
    r"[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*|(?:cấp\s+)?(?:huyện|tỉnh|xã)\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*)"
)
"""A locality named in a target's sentence ("trên địa bàn tỉnh Long An")."""

SCOPE_MARKUP_RE = re.compile(r"[*/]")
"""Markup and the "căn/nhà" slash dropped from a scope."""

# --- targets in tables -------------------------------------------------------

TABLE_INDICATOR_COLUMN_RE = re.compile(
    r"^(?:tên\s+|nội\s+dung\s+)?(?:chỉ\s+tiêu|mục\s+tiêu|nội\s+dung|danh\s+mục)(?:\s+chủ\s+yếu|\s+cụ\s+thể)?$",
    re.IGNORECASE,
)
"""The column naming what is counted: "| Chỉ tiêu | Đơn vị tính | Năm 2026 |"."""

TABLE_UNIT_COLUMN_RE = re.compile(r"^(?:đơn\s+vị\s+tính|đơn\s+vị|đvt)\.?$", re.IGNORECASE)
"""The unit column ("Đơn vị tính", "ĐVT")."""

TABLE_PERIOD_RE = re.compile(
    r"(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?)?(?:năm|giai\s+đoạn)\s+(?P<first>(?:19|20)\d\d)"
    r"(?:\s*[-–]\s*(?P<last>(?:19|20)\d\d))?|^(?P<bare>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
"""The period a value column stands for: "Năm 2026", "Kế hoạch năm 2025", "Giai đoạn 2026-2030"."""

TABLE_PLAN_COLUMN_RE = re.compile(r"kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu|dự\s+kiến", re.IGNORECASE)
TABLE_PAST_COLUMN_RE = re.compile(
    r"kết\s+quả|thực\s+hiện|ước\s+(?:đạt|tính)|hiện\s+trạng|thực\s+trạng|cùng\s+kỳ|so\s+sánh|tỷ\s+lệ\s+so",
    re.IGNORECASE,
)
"""A column of results or comparisons ("Kết quả năm 2024", "Thực hiện năm 2024"): statistics, not targets,
unless the header also names a plan ("Kế hoạch thực hiện năm 2026")."""

TABLE_VALUE_RE = re.compile(
    rf"^(?P<qual>≥|>=|>|≤|<=|<|trên|ít\s+nhất|tối\s+thiểu|tối\s+đa|khoảng)?\s*(?P<num>{_NUMBER})"
    rf"(?:\s*(?:-|–|đến)\s*(?P<max>{_NUMBER}))?\s*(?P<unit>%)?$",
    re.IGNORECASE,
)
"""A value cell: "25", "1.200", "≥ 95", "15-20", "95%"."""

TABLE_QUALIFIERS = {
    "≥": "at_least",
    ">=": "at_least",
    ">": "at_least",
    "trên": "at_least",
    "ít nhất": "at_least",
    "tối thiểu": "at_least",
    "≤": "at_most",
    "<=": "at_most",
    "<": "at_most",
    "tối đa": "at_most",
    "khoảng": "about",
}
