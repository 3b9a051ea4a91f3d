"""Tasks from TỔ CHỨC THỰC HIỆN (three layouts), inline assignments, reports, tables; seed scores."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.models import AdminUnit, Jurisdiction, Layout, Section, Span, Task
from loaders.responsibilities import extract_tasks

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_extract.py"

HOAI_NHON = Jurisdiction(
    (AdminUnit("district", "huyện", "Hoài Nhơn"), AdminUnit("province", "tỉnh", "Bình Định"))
)
BINH_DINH = Jurisdiction((AdminUnit("province", "tỉnh", "Bình Định"),))

_HEAD_RE = re.compile(r"(?m)^[#* ]*([IVX]+)\. (.+)$")
_ITEM_RE = re.compile(r"(?m)^[#* ]*(\d{1,2}\.|[a-z]\))")


def _section(
    text: str, path: str, number: str, start: int, end: int, kind: str, children: tuple[Section, ...] = ()
) -> Section:
    return Section(
        path, number, "", kind, Span(start, end, text[start:end]), Span(start, end, text[start:end]), children
    )


def _children(text: str, parent: str, start: int, end: int) -> tuple[Section, ...]:
    """Numbered items, with lettered items nested under the numbered one before them."""
    marks = list(_ITEM_RE.finditer(text, start, end))
    items: list[Section] = []
    letters: list[Section] = []
    for index, mark in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else end
        label = mark.group(1).strip(".)")
        if label.isdigit() or not items:
            if items and letters:
                last = items.pop()
                items.append(
                    _section(
                        text,
                        last.path,
                        last.number,
                        last.span.start,
                        last.span.end,
                        "assignments",
                        tuple(letters),
                    )
                )
            letters = []
            item_end = next((m.start() for m in marks[index + 1 :] if m.group(1)[0].isdigit()), end)
            items.append(_section(text, f"{parent}.{label}", label, mark.start(), item_end, "assignments"))
        else:
            letters.append(
                _section(text, f"{items[-1].path}.{label}", label, mark.start(), stop, "assignments")
            )
    if items and letters:
        last = items.pop()
        items.append(
            _section(
                text, last.path, last.number, last.span.start, last.span.end, "assignments", tuple(letters)
            )
        )
    return tuple(items)


def layout_of(text: str, *, children: bool) -> Layout:
    """Top-level sections per Roman heading; TỔ CHỨC THỰC HIỆN gets item children if asked."""
    end = text.find("Nơi nhận") if "Nơi nhận" in text else len(text)
    heads = list(_HEAD_RE.finditer(text, 0, end))
    sections = []
    for index, head in enumerate(heads):
        stop = heads[index + 1].start() if index + 1 < len(heads) else end
        kind = "assignments" if "TỔ CHỨC THỰC HIỆN" in head.group(2) else "measures"
        kids = _children(text, head.group(1), head.end(), stop) if children and kind == "assignments" else ()
        sections.append(_section(text, head.group(1), head.group(1), head.start(), stop, kind, kids))
    first = heads[0].start() if heads else 0
    return Layout(
        family="state", header_org=None, number=None, symbol=None, number_span=None, place=None,
        date=None, date_span=None, doc_type="Kế hoạch", author_line=None, title=None, title_span=None,
        preamble=Span(first, first, ""), sections=tuple(sections), recipients=(),
        signature_capacity=None, signer_position=None, signer=None, signature_span=None, body_end=end,
    )  # fmt: skip


PARTY_PLAN = """HUYỆN ỦY HOÀI NHƠN
*
Số 27-KH/HU

KẾ HOẠCH
thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy về chuyển đổi số

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.

II. TỔ CHỨC THỰC HIỆN

1. Uỷ ban nhân dân huyện chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các cơ quan, đơn vị liên quan xây dựng kế hoạch thực hiện; định kỳ 6 tháng báo cáo kết quả về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy).

2. Ban Tuyên giáo Huyện uỷ:
- Chủ trì hướng dẫn tuyên truyền Nghị quyết đến cán bộ, đảng viên.
- Phối hợp với UBND huyện theo dõi việc thực hiện.

3. Các đảng ủy, chi bộ trực thuộc Huyện ủy căn cứ Kế hoạch này xây dựng chương trình hành động, hoàn thành trước ngày 30/6/2025.

4. Giao Văn phòng Huyện ủy theo dõi, đôn đốc; tổng hợp, báo cáo Thường trực Huyện ủy hằng quý./.

Nơi nhận:
- Lưu Văn phòng Huyện ủy.
"""

STATE_PLAN = """Số: /KH-UBND

## KẾ HOẠCH

Phát triển nhà ở cho công nhân

#### I. MỤC TIÊU

Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân dân các huyện, thị xã rà soát quỹ đất trong quý I/2025.

Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh trật tự tại các khu nhà ở.

## **II. TỔ CHỨC THỰC HIỆN**

### **1. Sở Xây dựng**

- Chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân tỉnh ban hành cơ chế ưu đãi, hoàn thành trong quý III/2025.

- Theo dõi, tổng hợp tình hình thực hiện Kế hoạch.

**2. Sở Tài chính:** bố trí kinh phí thực hiện Kế hoạch hằng năm.

**3. Các sở, ban, ngành liên quan**

a) Sở Lao động - Thương binh và Xã hội: rà soát đối tượng thụ hưởng chính sách.

b) Công an tỉnh: hướng dẫn thủ tục cư trú cho người thuê nhà.

**4. Chế độ báo cáo:** các sở, ngành, địa phương có trách nhiệm báo cáo kết quả thực hiện định kỳ 6 tháng gửi Sở Xây dựng để tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Chính phủ.

**Nơi nhận:**
- Lưu: VT.
"""

TABLE_PLAN = """KẾ HOẠCH

I. NHIỆM VỤ

1. Rà soát quỹ đất phát triển nhà ở xã hội
- Cơ quan chủ trì: Sở Tài nguyên và Môi trường.
- Cơ quan phối hợp: Sở Xây dựng, UBND các huyện, thị xã, thành phố.
- Thời gian thực hiện: Quý II/2025.

2. Ban hành cơ chế ưu đãi
- Cơ quan chủ trì: Sở Tài chính.
- Thời gian hoàn thành: trước ngày 30/9/2025.

II. TỔ CHỨC THỰC HIỆN

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Lập danh mục dự án | Sở Kế hoạch và Đầu tư | Sở Xây dựng; các sở, ngành liên quan | Tháng 6/2025 |
| 2 | Tuyên truyền chính sách | Báo Bình Định | Đài Phát thanh và Truyền hình tỉnh | Năm 2026 |

Nơi nhận:
- Lưu: VT.
"""


def pairs(tasks: tuple[Task, ...], *, generic: bool = False) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for task in tasks:
        roles = [("assignee", task.assignee)] if task.assignee else []
        roles += [("partner", a) for a in task.partners] + [("report_to", a) for a in task.report_to]
        found.update((agency.name, role) for role, agency in roles if generic or not agency.generic)
    return found


def by_id(tasks: tuple[Task, ...]) -> dict[str, Task]:
    return {task.local_id: task for task in tasks}


@pytest.mark.parametrize("children", [True, False])
def test_party_plan_subject_layout(children: bool) -> None:
    tasks = by_id(extract_tasks(PARTY_PLAN, layout_of(PARTY_PLAN, children=children), HOAI_NHON))
    first = tasks["II.1-1"]
    assert first.assignee is not None and first.assignee.name == "Ủy ban nhân dân huyện"
    assert [(p.name, p.generic) for p in first.partners] == [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", False),
        ("Các cơ quan, đơn vị liên quan", True),
    ]
    assert [r.name for r in first.report_to] == ["Ban Thường vụ Huyện ủy"]
    assert first.deadline is not None and first.deadline.recurrence == "P6M"
    assert tasks["II.3-1"].assignee is not None
    assert tasks["II.3-1"].assignee.name == "Các đảng ủy, chi bộ trực thuộc Huyện ủy"
    assert tasks["II.3-1"].deadline is not None and tasks["II.3-1"].deadline.end == "2025-06-30"
    fourth = tasks["II.4-1"]
    assert fourth.assignee is not None and fourth.assignee.name == "Văn phòng Huyện ủy"
    assert [r.name for r in fourth.report_to] == ["Thường trực Huyện ủy"]
    assert fourth.deadline is not None and fourth.deadline.recurrence == "P3M"


def test_two_spellings_of_the_district_committee_are_one_agency() -> None:
    tasks = by_id(extract_tasks(PARTY_PLAN, layout_of(PARTY_PLAN, children=True), HOAI_NHON))
    lead = tasks["II.1-1"].assignee
    helper = tasks["II.2-2"].partners[0]
    assert lead is not None
    assert (lead.key, lead.jurisdiction) == (helper.key, helper.jurisdiction)
    assert tasks["II.2-2"].supporting and not tasks["II.2-1"].supporting
    assert tasks["II.2-2"].assignee is not None and tasks["II.2-2"].assignee.name == "Ban Tuyên giáo Huyện ủy"


@pytest.mark.parametrize("children", [True, False])
def test_state_plan_heading_and_inline_layouts(children: bool) -> None:
    tasks = extract_tasks(STATE_PLAN, layout_of(STATE_PLAN, children=children), BINH_DINH)
    assert pairs(tasks) == {
        ("Sở Xây dựng", "assignee"),
        ("Công an tỉnh", "assignee"),
        ("Sở Tài chính", "assignee"),
        ("Sở Lao động - Thương binh và Xã hội", "assignee"),
        ("Sở Tài chính", "partner"),
        ("Ủy ban nhân dân các huyện, thị xã", "partner"),
        ("Bộ Chỉ huy Quân sự tỉnh", "partner"),
        ("Sở Kế hoạch và Đầu tư", "partner"),
        ("Sở Xây dựng", "report_to"),
        ("Ủy ban nhân dân tỉnh", "report_to"),
    }
    ids = by_id(tasks)
    assert {"I-1", "I-2", "II.1-1", "II.1-2", "II.2-1", "II.3.a-1", "II.3.b-1", "II.4-1"} <= set(ids)
    assert ids["II.4-1"].assignee is None  # a reporting clause, not an agency
    assert ids["I-1"].deadline is not None and ids["I-1"].deadline.end == "2025-03-31"
    assert ids["II.1-1"].deadline is not None and ids["II.1-1"].deadline.end == "2025-09-30"


def test_tables_and_label_blocks() -> None:
    tasks = extract_tasks(TABLE_PLAN, layout_of(TABLE_PLAN, children=False), BINH_DINH)
    found = {
        (
            t.assignee.name if t.assignee else None,
            tuple(p.name for p in t.partners),
            t.deadline.end if t.deadline else None,
        )
        for t in tasks
    }
    assert found == {
        (
            "Sở Tài nguyên và Môi trường",
            ("Sở Xây dựng", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
            "2025-06-30",
        ),
        ("Sở Tài chính", (), "2025-09-30"),
        ("Sở Kế hoạch và Đầu tư", ("Sở Xây dựng", "Các sở, ngành liên quan"), "2025-06-30"),
        ("Báo Bình Định", ("Đài Phát thanh và Truyền hình tỉnh",), "2026-12-31"),
    }
    texts = {t.text for t in tasks}
    assert {"Rà soát quỹ đất phát triển nhà ở xã hội", "Lập danh mục dự án"} <= texts


def test_table_with_a_merged_lead_cell_and_group_rows() -> None:
    text = (
        "I. TỔ CHỨC THỰC HIỆN\n\n| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Tiến độ |\n"
        "| --- | --- | --- | --- | --- |\n| I | Nhóm nhiệm vụ về quy hoạch |  |  |  |\n"
        "| 1 | Rà soát quy hoạch \\| điều chỉnh | Sở Xây dựng | Sở Tài chính | Quý I/2026 |\n"
        "| 2 | Công bố danh mục dự án |  | UBND các huyện | Quý II/2026 |\n"
        "| II | Nhóm nhiệm vụ khác |  |  |  |\n"
    )
    tasks = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert [(t.local_id, t.text, t.deadline.end if t.deadline else None) for t in tasks] == [
        ("I-t1", "Rà soát quy hoạch | điều chỉnh", "2026-03-31"),
        ("I-t2", "Công bố danh mục dự án", "2026-06-30"),
    ]
    assert pairs(tasks) == {
        ("Sở Xây dựng", "assignee"),
        ("Sở Tài chính", "partner"),
        ("Ủy ban nhân dân các huyện", "partner"),
    }


@pytest.mark.parametrize("text", [PARTY_PLAN, STATE_PLAN, TABLE_PLAN])
def test_ids_are_stable_and_spans_exact(text: str) -> None:
    layout = layout_of(text, children=True)
    first = extract_tasks(text, layout, BINH_DINH)
    assert first == extract_tasks(text, layout, BINH_DINH)
    assert len({t.local_id for t in first}) == len(first)
    for task in first:
        assert text[task.span.start : task.span.end] == task.span.quote
        assert task.text


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "1. SỞ KẾ HOẠCH VÀ ĐẦU TƯ, SỞ TÀI CHÍNH:\n- Bố trí vốn cho các dự án.\n",
            {("Sở Kế Hoạch Và Đầu Tư", "assignee"), ("Sở Tài Chính", "assignee")},
        ),
        (
            "2. Sở Văn hóa, Thể thao và Du lịch, Sở Y tế: tuyên truyền, phổ biến.\n",
            {("Sở Văn hóa, Thể thao và Du lịch", "assignee"), ("Sở Y tế", "assignee")},
        ),
        (
            "3.1. Ủy ban nhân dân các xã, phường báo cáo kết quả, tiến độ thực hiện về Sở Xây dựng "
            "trước ngày 15/12 hằng năm.\n",
            {("Ủy ban nhân dân các xã, phường", "assignee"), ("Sở Xây dựng", "report_to")},
        ),
        (
            "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp với Hội Nông dân tỉnh giám sát việc thực hiện.\n",
            {("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "assignee"), ("Hội Nông dân tỉnh", "partner")},
        ),
        (
            "5. Sở Nội vụ (cơ quan thường trực): tổng hợp, báo cáo kết quả cho Ủy ban nhân dân tỉnh.\n",
            {("Sở Nội vụ", "assignee"), ("Ủy ban nhân dân tỉnh", "report_to")},
        ),
        (
            "6. Các sở, ban, ngành, địa phương căn cứ chức năng, nhiệm vụ tổ chức thực hiện Kế hoạch.\n",
            {("Các sở, ban, ngành, địa phương", "assignee")},
        ),
    ],
)
def test_item_forms(items: str, expected: set[tuple[str, str]]) -> None:
    text = "II. TỔ CHỨC THỰC HIỆN\n\n" + items
    assert pairs(extract_tasks(text, layout_of(text, children=False), BINH_DINH), generic=True) == expected


def test_topic_items_with_agency_bullets() -> None:
    text = (
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Về công tác tuyên truyền\n"
        "- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông định hướng thông tin.\n"
        "- Sở Tài chính: bố trí kinh phí.\n- Tổ chức hội nghị quán triệt.\n- Báo cáo kết quả về Sở Nội vụ.\n\n"
        "2. Kiểm tra, giám sát\nThanh tra tỉnh chủ trì kiểm tra việc thực hiện; định kỳ báo cáo Ban Thường vụ Tỉnh ủy.\n"
    )
    assert pairs(extract_tasks(text, layout_of(text, children=False), BINH_DINH)) == {
        ("Ban Tuyên giáo Tỉnh ủy", "assignee"),
        ("Sở Thông tin và Truyền thông", "partner"),
        ("Sở Tài chính", "assignee"),
        ("Thanh tra tỉnh", "assignee"),
        ("Ban Thường vụ Tỉnh ủy", "report_to"),
    }


def test_inline_cues_outside_the_items() -> None:
    text = (
        "I. GIẢI PHÁP\n\nĐề nghị Liên đoàn Lao động tỉnh vận động doanh nghiệp tham gia. "
        "Yêu cầu các cơ quan liên quan phối hợp thực hiện.\n"
        "Sở Tài chính và Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Kho bạc Nhà nước tỉnh bố trí vốn.\n"
    )
    tasks = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert pairs(tasks, generic=True) == {
        ("Liên đoàn Lao động tỉnh", "assignee"),
        ("Sở Tài chính", "assignee"),
        ("Sở Kế hoạch và Đầu tư", "assignee"),
        ("Kho bạc Nhà nước tỉnh", "partner"),
    }
    assert [t.local_id for t in tasks] == ["I-1", "I-2", "I-3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a lead named inside another agency's duty
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân tỉnh\n- Chỉ đạo Sở Công Thương chủ trì, phối hợp với "
            "Sở Tài chính, Sở Xây dựng lập đề án phát triển chợ.\n",
            {
                ("Ủy ban nhân dân tỉnh", "assignee"),
                ("Sở Công Thương", "assignee"),
                ("Sở Tài chính", "partner"),
                ("Sở Xây dựng", "partner"),
            },
        ),
        (  # partners end where an unlisted verb starts
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo khám sàng lọc "
            "cho học sinh.\n",
            {("Sở Y tế", "assignee"), ("Sở Giáo dục và Đào tạo", "partner")},
        ),
        (  # lettered leads outside TỔ CHỨC THỰC HIỆN
            "I. MỤC TIÊU\n- Giảm thời gian xử lý hồ sơ.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Cải cách thể chế\n\n"
            "a) Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Nội vụ đơn giản hóa thủ tục.\n\n"
            "b) Sở Tư pháp chủ trì thẩm định dự thảo văn bản.\n",
            {
                ("Văn phòng Ủy ban nhân dân tỉnh", "assignee"),
                ("Sở Nội vụ", "partner"),
                ("Sở Tư pháp", "assignee"),
            },
        ),
        (  # office holders as subjects, a report recipient
            "II. TỔ CHỨC THỰC HIỆN\n\nThủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường "
            "tổ chức thực hiện Kế hoạch này; định kỳ hằng quý báo cáo kết quả về Văn phòng Ủy ban nhân dân "
            "tỉnh.\n",
            {
                ("Thủ trưởng các sở, ban, ngành", "assignee"),
                ("Chủ tịch Ủy ban nhân dân các xã, phường", "assignee"),
                ("Văn phòng Ủy ban nhân dân tỉnh", "report_to"),
            },
        ),
        (  # "gửi về" names a recipient
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân các xã lập danh sách hộ cận nghèo gửi về Phòng Kinh tế "
            "trước ngày 31/5/2026.\n",
            {("Ủy ban nhân dân các xã", "assignee"), ("Phòng Kinh tế", "report_to")},
        ),
        (  # a numbered item with an agency subject, outside TỔ CHỨC THỰC HIỆN
            "I. NỘI DUNG\n\n1. Ủy ban nhân dân các xã, phường kiểm đếm nhà dột nát, báo cáo Sở Xây dựng "
            "trước ngày 20/8/2025 để tổng hợp.\n",
            {("Ủy ban nhân dân các xã, phường", "assignee"), ("Sở Xây dựng", "report_to")},
        ),
        (  # a deadline phrase is not part of the recipient
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Đảng ủy các xã xây dựng kế hoạch, báo cáo về Ban Thường vụ Huyện ủy "
            "trước ngày 12 tháng 12.\n",
            {("Đảng ủy các xã", "assignee"), ("Ban Thường vụ Huyện ủy", "report_to")},
        ),
        (  # the second of two partners at commune level
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban Mặt trận Tổ quốc xã phối hợp với Hội Cựu chiến binh xã, "
            "Đoàn Thanh niên xã tuyên truyền.\n",
            {
                ("Ủy ban Mặt trận Tổ quốc xã", "assignee"),
                ("Hội Cựu chiến binh xã", "partner"),
                ("Đoàn Thanh niên xã", "partner"),
            },
        ),
        (  # a numbered lead outside TỔ CHỨC THỰC HIỆN is one task
            "I. NỘI DUNG\n\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát biên chế.\n",
            {("Sở Nội vụ", "assignee"), ("Sở Tư pháp", "partner")},
        ),
        (  # a statement about the past is not a duty
            "I. NỘI DUNG\n\n1. Ủy ban nhân dân tỉnh đã ban hành kế hoạch.\n",
            set(),
        ),
        (  # a local office after a department in a partner list
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân huyện chủ trì, phối hợp với Phòng Nông nghiệp và Môi "
            "trường, Hạt Kiểm lâm huyện kiểm kê diện tích rừng.\n",
            {
                ("Ủy ban nhân dân huyện", "assignee"),
                ("Phòng Nông nghiệp và Môi trường", "partner"),
                ("Hạt Kiểm lâm huyện", "partner"),
            },
        ),
        (  # stations and teams as the subject of an item
            "II. TỔ CHỨC THỰC HIỆN\n\n1. Trạm Y tế các xã lập danh sách người cao tuổi.\n\n"
            "2. Đội Quản lý thị trường số 4 kiểm tra hàng hóa.\n",
            {("Trạm Y tế các xã", "assignee"), ("Đội Quản lý thị trường số 4", "assignee")},
        ),
        (  # "X lãnh đạo Y <verb>" in a conclusion: the Party body leads, the council is led
            "I. KẾT LUẬN\n\n2. Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh giám sát việc thực hiện.\n\n"
            "3. Thường trực Huyện ủy chỉ đạo tổng kết.\n",
            {("Đảng đoàn Hội đồng nhân dân tỉnh", "assignee"), ("Thường trực Huyện ủy", "assignee")},
        ),
        (  # a report after ";" belongs to the same inline duty, whatever its deadline form
            "I. KẾT LUẬN\n\n4. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc; báo cáo Thường trực Tỉnh ủy trong quý "
            "III/2026.\n\n5. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát; báo cáo Ủy ban nhân dân tỉnh "
            "trong năm 2026; Sở Tài chính bố trí kinh phí.\n",
            {
                ("Văn phòng Tỉnh ủy", "assignee"),
                ("Thường trực Tỉnh ủy", "report_to"),
                ("Sở Nội vụ", "assignee"),
                ("Sở Tư pháp", "partner"),
                ("Ủy ban nhân dân tỉnh", "report_to"),
                ("Sở Tài chính", "assignee"),  # a named agency and a verb after ";": a task of its own
            },
        ),
        (  # any body that can be named can be an item's subject
            "I. NỘI DUNG\n\n1. Bệnh viện Đa khoa huyện tổ chức khám sàng lọc.\n\n"
            "2. Chi nhánh Ngân hàng Chính sách xã hội huyện giải ngân vốn vay.\n\n"
            "3. Thanh tra thành phố kiểm tra việc quản lý đất đai.\n\n4. Đội ngũ cán bộ nâng cao năng lực.\n",
            {
                ("Bệnh viện Đa khoa huyện", "assignee"),
                ("Chi nhánh Ngân hàng Chính sách xã hội huyện", "assignee"),
                ("Thanh tra thành phố", "assignee"),
            },
        ),
        (  # "theo dõi" and "có trách nhiệm" are duties; "theo" and "có" alone are not
            "I. KẾT LUẬN\n\n1. Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện.\n\n"
            "2. Sở Nội vụ có trách nhiệm hướng dẫn các địa phương.\n\n"
            "3. Ủy ban nhân dân tỉnh có văn bản chỉ đạo.\n\n4. Sở Tư pháp theo quy định rà soát.\n",
            {("Văn phòng Tỉnh ủy", "assignee"), ("Sở Nội vụ", "assignee")},
        ),
        (  # three addressees of a council, one of them "các Tổ đại biểu và đại biểu …"
            "I. NỘI DUNG\n\nGiao Thường trực HĐND huyện, các Ban của HĐND huyện, các Tổ đại biểu và đại biểu "
            "HĐND huyện giám sát việc thực hiện Nghị quyết.\n",
            {
                ("Thường trực Hội đồng nhân dân huyện", "assignee"),
                ("Các Ban của Hội đồng nhân dân huyện", "assignee"),
                ("Các Tổ đại biểu và đại biểu Hội đồng nhân dân huyện", "assignee"),
            },
        ),
    ],
)
def test_general_forms(text: str, expected: set[tuple[str, str]]) -> None:
    tasks = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert pairs(tasks) == expected
    assert len({(t.span, t.assignee) for t in tasks}) == len(tasks)  # each duty once


@pytest.mark.parametrize(
    ("clause", "deadline"),
    [
        ("báo cáo Ban Thường vụ Thành ủy trong tháng 10/2026", "trong tháng 10/2026"),
        ("báo cáo Ban Thường vụ Thành ủy trong quý IV/2026", "quý IV/2026"),
        ("báo cáo Ban Thường vụ Thành ủy trong năm 2027", "trong năm 2027"),
    ],
)
def test_an_inline_duty_runs_on_after_a_semicolon(clause: str, deadline: str) -> None:
    text = f"I. KẾT LUẬN\n\n1. Giao Văn phòng Thành ủy theo dõi, đôn đốc việc thực hiện; {clause}.\n"
    (task,) = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert [a.name for a in task.report_to] == ["Ban Thường vụ Thành ủy"]
    assert task.deadline is not None and task.deadline.text == deadline
    assert task.text.endswith(f"{clause}.")


def test_a_new_subject_after_a_semicolon_ends_an_inline_duty() -> None:
    text = (
        "I. KẾT LUẬN\n\nGiao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát biên chế; các địa phương báo cáo "
        "kết quả về Sở Tài chính.\n"
    )
    (task,) = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert task.text.endswith("rà soát biên chế;")
    assert task.report_to == ()


@pytest.mark.parametrize(
    ("heading", "item"),
    [
        ("TỔ CHỨC THỰC HIỆN", "2. Giao Ban Thường vụ Đảng ủy xã chỉ đạo triển khai"),
        ("KẾT LUẬN", "2. Giao Ban Thường vụ Đảng ủy xã chỉ đạo triển khai"),
        ("KẾT LUẬN", "2. Ban Thường vụ Đảng ủy xã chủ trì, phối hợp với Hội Nông dân xã triển khai"),
        ("TỔ CHỨC THỰC HIỆN", "2. Về tuyên truyền\n- Ban Thường vụ Đảng ủy xã chỉ đạo triển khai"),
    ],
)
def test_a_named_agency_after_a_semicolon_gets_its_own_task(heading: str, item: str) -> None:
    text = (
        f"II. {heading}\n\n{item}; Ủy ban nhân dân xã lập kế hoạch chi tiết, hằng quý báo cáo "
        "Ban Thường vụ Đảng ủy xã.\n"
    )
    first, second = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert first.assignee is not None and first.assignee.name == "Ban Thường vụ Đảng ủy xã"
    assert first.report_to == () and first.text.endswith("triển khai;")
    assert second.assignee is not None and second.assignee.name == "Ủy ban nhân dân xã"
    assert [a.name for a in second.report_to] == ["Ban Thường vụ Đảng ủy xã"]
    assert second.text.startswith("Ủy ban nhân dân xã lập kế hoạch")
    assert second.deadline is not None and second.deadline.kind == "recurring"


@pytest.mark.parametrize(
    "clause",
    [
        "Sở Tài chính đã bố trí kinh phí",  # a statement, not a duty
        "các sở, ngành phối hợp",  # a lower-case collective: handled as before, not a named agency
        "báo cáo Ủy ban nhân dân tỉnh",  # a lower-case verb continues the same duty
    ],
)
def test_a_semicolon_clause_without_a_named_duty_is_no_new_task(clause: str) -> None:
    text = f"II. TỔ CHỨC THỰC HIỆN\n\n3. Giao Sở Nội vụ rà soát biên chế; {clause}.\n"
    tasks = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert [t.assignee.name for t in tasks if t.assignee] == ["Sở Nội vụ"]


def test_collectives_lead_but_a_closing_exhortation_is_no_task() -> None:
    text = (
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và các cơ quan, đơn vị "
        "liên quan bố trí vốn.\n\n2. Các Sở, ban, ngành khác căn cứ chức năng thực hiện.\n\n"
        "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện.\n"
    )
    tasks = extract_tasks(text, layout_of(text, children=False), BINH_DINH)
    assert ("Các Sở, ban, ngành khác", "assignee") in pairs(tasks, generic=True)
    assert not [t for t in tasks if t.text.startswith("Yêu cầu")]


def test_no_assignments_section_and_no_cue_gives_no_task() -> None:
    text = "I. MỤC TIÊU\n- Nâng cao chất lượng nhà ở.\n"
    assert extract_tasks(text, layout_of(text, children=True), BINH_DINH) == ()


# --- the seeds, scored with the scorer's own matching -----------------------------------------


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _contract(path: Path) -> dict[str, object]:
    from loaders.contract import to_contract
    from loaders.parse import parse_file

    contract: dict[str, object] = json.loads(json.dumps(to_contract(parse_file(path)), ensure_ascii=False))
    return contract


@pytest.mark.skipif(not SCORER.exists() or not any(SEEDS.glob("gold/*.gold.json")), reason="seeds absent")
def test_seed_scores() -> None:
    scorer = _scorer()
    tallies = {k: scorer.Tally() for k in ("meta", "refs", "rels", "refmeta", "assign", "targets")}
    for gold_path in sorted(SEEDS.glob("gold/*.gold.json")):
        text_path = SEEDS / gold_path.name.replace(".gold.json", ".txt")
        scorer.score_doc(
            json.loads(gold_path.read_text(encoding="utf-8")), _contract(text_path), tallies, False
        )
    assert tallies["assign"].f1() >= 0.90, tallies["assign"].row("assign")
    assert tallies["targets"].f1() >= 0.90, tallies["targets"].row("targets")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "II. TỔ CHỨC THỰC HIỆN\n",
                "1. ",
                "a) ",
                "- ",
                "Sở Xây dựng",
                "UBND các huyện, thị xã",
                " chủ trì, phối hợp với ",
                "các cơ quan liên quan",
                " báo cáo ",
                "Giao ",
                ": ",
                "**",
                "\n",
                "\n\n",
                " và ",
                ", ",
                "| Nhiệm vụ | Cơ quan chủ trì |\n",
                "| --- | --- |\n",
                "| x | Sở Tài chính |\n",
                "- Cơ quan chủ trì: ",
                "hằng quý",
                "Chế độ báo cáo:",
            ]
        ),
        max_size=30,
    )
)
def test_never_crashes(parts: list[str]) -> None:
    text = "".join(parts)
    for task in extract_tasks(text, layout_of(text, children=True), BINH_DINH):
        assert text[task.span.start : task.span.end] == task.span.quote


def _flat_offsets_one_by_one(source: str, start: int, end: int) -> list[int]:
    """The source offset of every flat character, as the first flat view computed them (one per character)."""
    offsets: list[int] = []
    for match in re.finditer(r"\s+", source[:end]):
        if match.end() <= start:
            continue
        run_start = max(match.start(), start)
        offsets.extend(range(start, run_start))
        offsets.append(run_start)
        start = match.end()
    offsets.extend(range(start, end))
    return [*offsets, end]


@given(st.text(alphabet=st.sampled_from(list("ab Sở\n\t  b)")), max_size=60), st.data())
def test_flat_offsets_map_every_flat_character_back_to_its_source(source: str, data: st.DataObject) -> None:
    from loaders.responsibilities import flatten

    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    flat = flatten(source, start, end)
    expected = _flat_offsets_one_by_one(source, start, end)
    assert len(flat.text) + 1 == len(expected)
    assert [flat.offset(i) for i in range(len(flat.text) + 1)] == expected
