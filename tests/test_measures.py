from __future__ import annotations

import pytest

from loaders.layout import segment
from loaders.measures import extract_dated_measures
from loaders.models import SourceText
from loaders.parse import parse_text

PLAN = (
    "Số: 12/KH-UBND\n\nAn Phú, ngày 04 tháng 3 năm 2026\n\nKẾ HOẠCH\nSố hóa hồ sơ đất đai năm 2026\n\n"
    "I. MỤC TIÊU\n\n- Đến năm 2030, 100% hồ sơ được số hóa.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "- Xây dựng cơ sở dữ liệu đất đai của xã, hoàn thành trong quý III/2026.\n\n"
    "- Rà soát hồ sơ lưu trữ, hoàn thành trước ngày 15/5/2026.\n\n"
    "- Tăng cường tuyên truyền đến Nhân dân.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Kinh tế chủ trì thực hiện Kế hoạch này, hoàn thành trước ngày 30/4/2026.\n"
)


def test_dated_measure_bullets_become_tasks_without_an_agency() -> None:
    doc = parse_text(SourceText(source="plan.txt", text=PLAN))
    unassigned = [t for t in doc.tasks if t.assignee is None]
    assert [(t.deadline.end if t.deadline else None) for t in unassigned] == ["2026-09-30", "2026-05-15"]
    assert all(PLAN[t.span.start : t.span.end] == t.span.quote for t in unassigned)


@pytest.mark.parametrize(
    "bullet",
    ["- Tăng cường tuyên truyền đến Nhân dân.", "- Phấn đấu đến năm 2030 hoàn thành số hóa."],
)
def test_undated_or_horizon_bullets_are_not_tasks(bullet: str) -> None:
    text = "KẾ HOẠCH\nSố hóa hồ sơ\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n" + bullet + "\n"
    assert extract_dated_measures(text, segment(text), ()) == ()
