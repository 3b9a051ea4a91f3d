"""Cues for tasks: items of TỔ CHỨC THỰC HIỆN, lead/partner/report cues, deadlines.

Task cues run on the flat view of a section (see :mod:`loaders.patterns.agencies`);
deadline patterns run on any text and allow any whitespace between words.
"""

from __future__ import annotations

import re

from loaders.patterns.agencies import CAPITALISED_HEADS

# --- items and units ---------------------------------------------------------------------

ITEM_NUMBER_RE = re.compile(
    r"[#*\s]*(?:(?:(?:\d{1,2}\.)*\d{1,2}|[a-zđ])[.)](?!\d)|[-+•])?[*\s]*(?:(?:Đề nghị|Giao cho|Giao|Yêu cầu) )?"
)
"""What opens an item before its agency: "3. ", "### **1. ", "**2.** ", "a) ", "- ", "Đề nghị "."""

ITEM_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:[#*]+[ \t]*)?\**(?:\d{1,2}\.(?:\d{1,2}\.)*(?!\d)|[a-zđ]\))\**[ \t]*\S"
)
"""A numbered ("3.") or lettered ("b)") item line (used when the layout gives no children)."""

BULLET_START_RE = re.compile(r"(?:^|\n)[ \t]*(?:[-+•]|\*(?!\*))[ \t]+(?=\S)")
"""A bullet at the start of a line."""

UNIT_BREAK_RE = re.compile(r"(?<=[.;:!?*)])\s*\n(?=\s*\S)")
"""A new paragraph: a line break after the end of a sentence."""

HEADING_END_RE = re.compile(
    r"(?:\s{0,8}\([^()\n]{0,80}\))?"
    r"(?:\s{0,8}(?:\*{1,8}\s{0,8})?:\s{0,8}(?:\*{1,8}\s{0,8})?|\s{0,8}(?:\*{1,8}\s{0,8})?(?:\n|$))"
)
"""What follows an agency heading: a colon (inline item) or the end of its line; "(cơ quan
thường trực)" may stand between. Repetitions are bounded (the flat view has single
whitespace characters) so a scan over a whole input stays linear."""

CAPS_HEADING_END_RE = re.compile(r"[\n:*]")
"""Where an item's heading line ends (for an all-capitals heading)."""

REPORT_CLAUSE_RE = re.compile(
    r"(?:chế độ|chế độ thông tin,?|thông tin,?) báo cáo\b|báo cáo, (?:sơ kết|tổng kết)", re.IGNORECASE
)
"""An item headed "Chế độ báo cáo": a reporting clause, not an agency."""

REPORTER_RE = re.compile(
    r"(?:^|[,;] )(?P<who>(?:các|Các|UBND|Ủy ban|Sở|Ban|Phòng) [^.;:]*?) (?:có|chịu) trách nhiệm báo cáo"
)
"""The reporter of a reporting clause: "các Sở, ban, ngành … có trách nhiệm báo cáo"."""

CLOSING_RE = re.compile(
    r"(?:Yêu cầu (?:các|Thủ trưởng các) (?:cơ quan|đơn vị|sở|địa phương)[^.;\n]{0,80}"
    r"(?:nghiêm túc|khẩn trương|triển khai|thực hiện)|Trên đây là|Trong quá trình (?:triển khai|tổ chức|thực hiện)\b"
    r"|(?:Chỉ thị|Nghị quyết|Kế hoạch|Quyết định|Kết luận|Chương trình|Hướng dẫn|Thông báo) này "
    r"(?:được|có hiệu lực|phổ biến))"
)
"""A closing paragraph after the last item: not a duty of that item's agency."""

SUPPORTING_RE = re.compile(r"^(?:chủ động |tích cực )?phối hợp\b", re.IGNORECASE)
"""A task that opens with "Phối hợp …": the assignee supports another lead."""

# --- lead, partner, report ---------------------------------------------------------------

_ITEM_OPENER = r"(?P<item>[-+•] |\**(?:\d{1,2}\.){1,3}\** |\**[a-zđ]\)\** )?"

GIAO_RE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.;:] )){_ITEM_OPENER}(?P<cue>(?:Giao|Yêu cầu|Đề nghị) (?:cho )?)(?=\S)"
)
"""An inline assignment: "Giao Sở Xây dựng chủ trì, …", "a) Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh …"."""

DIRECT_LEAD_RE = re.compile(r"(?<!\w)(?:[Cc]hỉ đạo|giao|phân công)(?: cho)? (?=\S)")
"""A lead named inside another agency's duty: "chỉ đạo *Sở Công Thương chủ trì*, phối hợp với …"."""

SUBJECT_DUTY_RE = re.compile(
    r" (?!(?:đã|đang|là|được|có(?! trách nhiệm)|vẫn|còn|chưa|cũng|sẽ|với|và|của|về|tại|trong|theo(?! dõi)|năm|thì)\b)"
    r"[a-zđâăêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]"
)
"""A duty verb right after an item's subject agency ("1. Ủy ban nhân dân các xã *rà soát* …"),
not a statement ("đã ban hành", "là cơ quan …"); "theo dõi" and "có trách nhiệm" are duties."""

LEAD_AFTER_RE = re.compile(r"[\s,]{0,6}chủ trì\b")
""""chủ trì" right after an agency: "Sở X chủ trì, phối hợp với …"."""

LEAD_SUBJECT_RE = re.compile(rf"(?:^|(?<=\n)|(?<=[.;:] )){_ITEM_OPENER}(?=(?:{CAPITALISED_HEADS})\b)")
"""Where a sentence or an item ("b) ", "2. ", "- ") opens with a named agency that may be followed
by "chủ trì" (or, for an item, by any duty verb). It shares the head nouns of agency names, so a
body that can be named ("Đảng đoàn …", "Hạt Kiểm lâm …") can also be a subject."""

CLAUSE_SUBJECT_RE = re.compile(rf"; (?=(?:{CAPITALISED_HEADS})\b)")
"""A clause after ";" that opens with a named agency: "…; *Ủy ban nhân dân huyện* xây dựng kế hoạch …"
hands a task to that agency when a duty verb follows its name (see :data:`SUBJECT_DUTY_RE`)."""

PARTNER_RE = re.compile(r"phối hợp(?: chặt chẽ)? (?:với|cùng)(?: với)? ", re.IGNORECASE)
"""The partners of a task follow "phối hợp với" / "phối hợp cùng"."""

REPORT_RE = re.compile(
    r"\bbáo cáo\b(?! (?:kết quả )?(?:theo đúng|đúng))|\bgửi\b(?= (?:về|đến|tới) )", re.IGNORECASE
)
"""A reporting duty ("báo cáo", "gửi về"); its recipients follow (see :data:`REPORT_RECIPIENT_RE`)."""

REPORT_RECIPIENT_RE = re.compile(
    r"(?:(?:kết quả|tình hình|khó khăn, vướng mắc|đề xuất|định kỳ|thực hiện|kịp thời|hằng|hàng|năm|tiến độ"
    r"|sơ kết|tổng kết|việc|nội dung|công tác|bằng văn bản|triển khai|những|các|kiến nghị"
    r"|quý|tháng|\d{1,2}|[(*)]|trước ngày \d+ tháng cuối quý|trước ngày \d{1,2}(?:/\d{1,2})?)[\s,]*)*"
    r"(?:(?:cho|gửi về|gửi|về|đến|tới|lên|với) )?"
)
"""Words between "báo cáo" and its recipient ("kết quả thực hiện định kỳ hàng quý (…) gửi")."""

REPORT_RELAY_RE = re.compile(r"để tổng hợp,? $")
"""A second hop: "gửi Sở Xây dựng *để tổng hợp,* báo cáo UBND tỉnh và Chính phủ" (before the cue)."""

# --- deadlines ---------------------------------------------------------------------------

_S = r"\s+"


def _ahead(*words: str) -> str:
    """A lookahead for the first two letters of ``words``, the words a pattern's alternatives open with.

    It only rejects positions where none of them can start, so the pattern matches
    exactly what it would without it, at the cost of one test at most positions.
    """
    firsts = "".join(sorted({word[0] for word in words}))
    seconds = "".join(sorted({word[1] for word in words}))
    return f"(?=[{firsts}][{seconds}])"


ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

RECURRING_RE = re.compile(
    _ahead("trước", "theo", "định", "hằng", "hàng")
    + rf"(?:trước{_S}ngày{_S}\d{{1,2}}/\d{{1,2}}{_S})?(?:(?:theo{_S})?định{_S}kỳ{_S})?(?P<every>hằng|hàng){_S}(?P<unit>năm|quý|tháng|tuần)"
    rf"(?P<before>[\s(*,]*trước{_S}ngày{_S}(?P<day>\d{{1,2}})(?:{_S}(?:tháng{_S}cuối{_S}quý"
    rf"|tháng{_S}đầu{_S}quý|hằng{_S}tháng|hàng{_S}tháng|tháng{_S}sau))?[*)]*)?",
    re.IGNORECASE,
)
"""A recurring duty: "định kỳ hằng năm", "hàng quý (trước ngày 10 tháng cuối quý)",
"trước ngày 15/12 hằng năm"."""

BEFORE_DAY_RE = re.compile(
    rf"trước{_S}ngày{_S}(?P<day>\d{{1,2}}){_S}(?P<of>tháng{_S}cuối{_S}quý|hằng{_S}tháng|hàng{_S}tháng)",
    re.IGNORECASE,
)
"""A recurring cut-off on its own: "trước ngày 10 tháng cuối quý"."""

PERIODIC_RE = re.compile(
    _ahead("theo", "định") + rf"(?:theo{_S})?định{_S}kỳ(?:{_S}(?P<months>\d{{1,2}}|sáu){_S}tháng)?"
    rf"(?P<adhoc>{_S}hoặc{_S}đột{_S}xuất)?",
    re.IGNORECASE,
)
"""Periodic without a stated period ("định kỳ", "định kỳ hoặc đột xuất", "định kỳ 6 tháng")."""

AD_HOC_RE = re.compile(rf"đột{_S}xuất", re.IGNORECASE)

_BY_WORDS = ("trước", "đến", "tới", "chậm", "hoàn", "hạn", "xong")
_BY = rf"(?:(?:trước|đến|tới|chậm{_S}nhất(?:{_S}là)?|hoàn{_S}thành(?:{_S}(?:trước|trong|xong))?|hạn|xong)(?:{_S}ngày)?{_S})"

DATE_RE = re.compile(
    rf"{_ahead(*_BY_WORDS)}(?:{_BY}(?P<d>\d{{1,2}})\s?[/.-]\s?(?P<m>\d{{1,2}})\s?[/.-]\s?(?P<y>(?:19|20)\d\d)(?!\d)"
    rf"|{_BY}(?P<wd>\d{{1,2}}){_S}tháng{_S}(?P<wm>\d{{1,2}}){_S}năm{_S}(?P<wy>(?:19|20)\d\d))",
    re.IGNORECASE,
)
"""A due date: "trước ngày 30/6/2026", "hoàn thành ngày 15 tháng 6 năm 2026" (a bare date is a citation)."""

DAY_MONTH_RE = re.compile(
    rf"{_ahead(*_BY_WORDS)}{_BY}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![/\d])", re.IGNORECASE
)
"""A due day without its year ("trước ngày 15/12"): the document's year."""

HALF_YEAR_RE = re.compile(
    rf"(?P<n>6|sáu){_S}tháng{_S}(?P<half>đầu|cuối){_S}năm{_S}(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
"""A half year: "6 tháng đầu năm 2025" (due 30 June), "6 tháng cuối năm 2025"."""

MONTH_RE = re.compile(
    _ahead("trong", "trước", "đến", "tới", "hết", "cuối", "đầu", "chậm", "hoàn")
    + rf"(?:trong|trước|đến|tới|hết|cuối|đầu|chậm{_S}nhất|hoàn{_S}thành){_S}tháng{_S}(?P<m>\d{{1,2}})(?:\s*/|{_S}năm{_S})(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
"""A due month: "trong tháng 6/2026", "trước tháng 6 năm 2026"."""

QUARTER_RE = re.compile(
    rf"quý{_S}(?P<q>IV|III|II|I|[1-4])(?!\w)\s?(?:/|{_S}năm{_S})\s?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
"""A quarter: "quý II/2026", "quý 3 năm 2025"."""

PERIOD_RE = re.compile(
    _ahead("giai", "thời", "từ")
    + rf"(?:(?:giai{_S}đoạn|thời{_S}kỳ){_S}(?:từ{_S}(?:năm{_S})?)?(?P<a>(?:19|20)\d\d)\s*(?:-|–|đến(?:{_S}năm)?)\s*"
    rf"(?P<b>(?:19|20)\d\d)(?!\d)"
    rf"|từ{_S}(?:năm{_S})?(?P<c>(?:19|20)\d\d){_S}(?:đến|tới){_S}(?:hết{_S}|cuối{_S})?(?:năm{_S})?"
    rf"(?P<d>(?:19|20)\d\d)(?!\d)"
    rf"|từ{_S}nay{_S}(?:đến|tới){_S}(?:hết{_S}|cuối{_S})?năm{_S}(?P<e>(?:19|20)\d\d)(?!\d))",
    re.IGNORECASE,
)
"""A period: "giai đoạn 2026 - 2030", "từ năm 2024 đến năm 2030", "từ nay đến năm 2030"."""

HORIZON_RE = re.compile(
    _ahead("đến", "tới", "trước", "trong", "vào", "cuối")
    + rf"(?:(?P<by>đến|tới|trước|trong|vào){_S}(?:(?P<end>hết|cuối){_S})?|(?P<end2>cuối){_S})"
    rf"năm{_S}(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
"""A horizon: "đến năm 2025", "đến cuối năm 2025", "trong năm 2025", "trước năm 2030"."""

RELATIVE_RE = re.compile(
    rf"trong{_S}(?:thời{_S}hạn{_S})?(?P<n>\d{{1,3}}){_S}(?P<unit>ngày|tháng|năm)(?!{_S}(?:đầu|cuối))"
    rf"(?:{_S}(?:làm{_S}việc{_S})?)?(?:{_S}kể{_S}từ[^.;\n]{{0,60}})?",
    re.IGNORECASE,
)
"""A deadline relative to an event: "trong thời hạn 30 ngày kể từ ngày …"."""

# --- tabular layouts ---------------------------------------------------------------------

TABLE_ROW_RE = re.compile(r"(?m)^[ \t]*\|(?P<cells>.*)\|[ \t]*$")
"""One row of a markdown pipe table (the .docx reader renders Word tables so)."""

CELL_BOUNDARY_RE = re.compile(r"(?<!\\)\|")
"""Between two cells of a pipe-table row (an escaped "\\|" is text)."""

TASK_ROW_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?$")
"""The number cell of a task row ("1", "2.3"), not a group row ("I", "A")."""

TABLE_RULE_RE = re.compile(r"^[\s|:-]+$")
"""The |---|---| line under a table header."""

CELL_SPLIT_RE = re.compile(r"<br\s*/?>|;|\n|\s\+\s")
"""Several agencies in one cell: "Sở Tài chính; UBND các huyện", "<br>"-separated."""

COLUMN_TASK_RE = re.compile(r"nhiệm vụ|nội dung|công việc|hoạt động|giải pháp|đề án", re.IGNORECASE)
COLUMN_LEAD_RE = re.compile(
    r"chủ trì|(?:cơ quan|đơn vị)(?:,\s*(?:đơn vị|địa phương))?\s+(?:thực hiện|thực hiện chính|chịu trách nhiệm)"
    r"|phân công|trách nhiệm",
    re.IGNORECASE,
)
COLUMN_PARTNER_RE = re.compile(r"phối hợp", re.IGNORECASE)
COLUMN_DEADLINE_RE = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.IGNORECASE)
"""Header cells that name a table's task, lead, partner and deadline columns."""

LABEL_LEAD_RE = re.compile(
    r"(?m)^(?>[ \t]*[-+•*]*[ \t]*\**)(?:Cơ quan|Đơn vị|Cơ quan, đơn vị)(?: chủ trì| thực hiện| chịu trách nhiệm)"
    r"(?: thực hiện)?\**[ \t]*:\**[ \t]*(?P<value>[^\n]+)"
)
LABEL_PARTNER_RE = re.compile(
    r"(?m)^(?>[ \t]*[-+•*]*[ \t]*\**)(?:Cơ quan|Đơn vị|Cơ quan, đơn vị) phối hợp(?: thực hiện)?\**[ \t]*:\**[ \t]*"
    r"(?P<value>[^\n]+)"
)
LABEL_DEADLINE_RE = re.compile(
    r"(?m)^(?>[ \t]*[-+•*]*[ \t]*\**)(?:Thời gian|Thời hạn|Tiến độ)(?: thực hiện| hoàn thành)?\**[ \t]*:\**[ \t]*"
    r"(?P<value>[^\n]+)"
)
"""Labelled blocks: "- Cơ quan chủ trì: Sở Xây dựng." / "- Cơ quan phối hợp: …" / "- Thời gian thực hiện: …"."""

LABEL_ANY_RE = re.compile(
    r"^(?>[ \t]*[-+•*]*[ \t]*\**)(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kinh phí|Kết quả)[^:\n]{0,40}:"
)
"""Any label line of such a block (the task text is the line above them)."""

CELL_YEAR_RE = re.compile(r"^(?:năm\s+)?(?P<y>(?:19|20)\d\d)$", re.IGNORECASE)
CONTINUOUS_RE = re.compile(r"^thường\s+xuyên$|^hằng\s+năm$|^hàng\s+năm$", re.IGNORECASE)
"""Deadline cells in tables that are not phrases: "Năm 2025", "Thường xuyên"."""

# --- text helpers --------------------------------------------------------------------------

WHITESPACE_RUN_RE = re.compile(r"\s+")
"""A run of whitespace (one space or one line break in the flat view)."""

COLLAPSIBLE_WHITESPACE_RE = re.compile(r"(?: (?=\s)|[^\S ])\s*")
"""A whitespace run other than one lone space (the runs the flat view has to rewrite)."""

ITEM_LABEL_RE = re.compile(r"\d+(?:\.\d+)*|[a-zđ](?=\))")
"""The label of a numbered or lettered item line: "3", "3.1", "b"."""

LETTERED_ITEM_RE = re.compile(r"[a-zđ]\)[ \t]")
"""A line opening a lettered item ("b) Sở Tư pháp …"): a new line in the flat view."""

UNIT_OPENER_RE = re.compile(r"[\s*#+•-]*")
"""Bullets and markup before a task's first word."""

MARKUP_RE = re.compile(r"<br\s*/?>|[*_#]+")
"""Markup dropped from the words of a task or a cell."""

DEADLINE_NOISE_RE = re.compile(r"[*()]")
"""Markup and brackets dropped from a deadline's words ("hàng quý (**trước ngày 10 …**)")."""

_LOWER = "a-zđâăêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự"

SENTENCE_END_RE = re.compile(
    rf"\.(?=\s|$)|;(?! (?!(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công|các|những|mỗi)\b)[{_LOWER}])(?=\s|$)|\n"
)
"""The end of an inline assignment's sentence: a full stop, a line break, or a ";" before a new
subject ("; các địa phương …", "; Sở Y …") or a new assignment ("; giao …"). A clause after ";"
that opens with a lower-case verb ("…; báo cáo Ban Thường vụ Thành ủy trong tháng 10/2025")
continues the same duty."""

LINE_RE = re.compile(r"[^\n]*\n?")
"""One line with its newline."""

CELL_OPENER_RE = re.compile(r"^\s*(?:[-+•]|\d+(?:\.\d+)*[.)]?)\s+")
"""A bullet or number before a task's text in a cell or line."""
