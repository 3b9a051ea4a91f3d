"""Deadline phrases: dates, months, quarters, horizons, periods, recurrences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.deadlines import _BUILDERS, find_deadlines, parse_deadline


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "recurrence"),
    [
        ("hoàn thành trong quý II/2026", "quarter", "2026-04-01", "2026-06-30", None),
        ("trong quý 4 năm 2025", "quarter", "2025-10-01", "2025-12-31", None),
        ("trình trước ngày 30/9/2025", "date", None, "2025-09-30", None),
        ("xong trước ngày 15 tháng 3 năm 2027", "date", None, "2027-03-15", None),
        ("hoàn thành trong tháng 2/2028", "month", None, "2028-02-29", None),
        ("phấn đấu đến năm 2025", "year", None, "2025-12-31", None),
        ("đến cuối năm 2027", "year", None, "2027-12-31", None),
        ("giai đoạn 2026 - 2030", "period", "2026-01-01", "2030-12-31", None),
        ("giai đoạn 2021-2025", "period", "2021-01-01", "2025-12-31", None),
        ("(từ năm 2024 đến năm 2030)", "period", "2024-01-01", "2030-12-31", None),
        ("Định kỳ hằng năm báo cáo", "recurring", None, None, "P1Y"),
        ("báo cáo hàng năm", "recurring", None, None, "P1Y"),
        ("báo cáo hàng quý", "recurring", None, None, "P3M"),
        ("cập nhật hằng tháng", "recurring", None, None, "P1M"),
        ("định kỳ 6 tháng", "recurring", None, None, "P6M"),
        ("trước ngày 10 tháng cuối quý", "recurring", None, None, "P3M"),
        ("theo định kỳ hoặc đột xuất khi có yêu cầu", "recurring", None, None, None),
        ("báo cáo đột xuất", "ad_hoc", None, None, None),
        ("trong thời hạn 30 ngày kể từ ngày ký", "relative", None, None, None),
        ("gửi trước ngày 15/12 hằng năm", "recurring", None, None, "P1Y"),
        ("trong 6 tháng đầu năm 2025", "month", "2025-01-01", "2025-06-30", None),
    ],
)
def test_parse_deadline(
    text: str, kind: str, start: str | None, end: str | None, recurrence: str | None
) -> None:
    deadline = parse_deadline(text)
    assert deadline is not None
    assert (deadline.kind, deadline.start, deadline.end, deadline.recurrence) == (
        kind,
        start,
        end,
        recurrence,
    )


def test_quarterly_cut_off_is_one_phrase() -> None:
    text = "báo cáo định kỳ hàng quý (**trước ngày 10 tháng cuối quý**) gửi Sở Xây dựng"
    found = find_deadlines(text, offset=100)
    assert len(found) == 1
    assert found[0].text == "định kỳ hàng quý trước ngày 10 tháng cuối quý"
    assert found[0].recurrence == "P3M"
    assert found[0].span is not None
    assert text[found[0].span.start - 100 : found[0].span.end - 100] == found[0].span.quote


def test_from_now_uses_reference_year() -> None:
    deadline = parse_deadline("từ nay đến năm 2030", reference_year=2024)
    assert deadline is not None
    assert (deadline.start, deadline.end) == ("2024-01-01", "2030-12-31")


def test_day_without_year_takes_the_documents_year() -> None:
    dated = parse_deadline("hoàn thành trước ngày 15/12", reference_year=2025)
    undated = parse_deadline("hoàn thành trước ngày 15/12")
    assert dated is not None and dated.end == "2025-12-15"
    assert undated is not None and (undated.kind, undated.end) == ("date", None)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 33/NQ-CP ngày 11/3/2023 của Chính phủ",
        "kế hoạch phát triển kinh tế - xã hội 05 năm",
        "Quyết định số 338/QĐ-TTg",
        "nhiệm vụ trọng tâm của năm",
        "",
    ],
)
def test_no_deadline(text: str) -> None:
    assert parse_deadline(text) is None


def test_find_deadlines_in_order() -> None:
    text = "Chỉ tiêu đến năm 2025: 400 căn. Phấn đấu giai đoạn 2026 - 2030: 1.000 căn."
    assert [d.kind for d in find_deadlines(text)] == ["year", "period"]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="0123456789/ -.()*\nnămquýthángIVgiaiđoạnđếntừtrướcngàyhằnghàngđịnhkỳ", max_size=200))
def test_spans_always_point_into_the_text(text: str) -> None:
    for deadline in find_deadlines(text, offset=7, reference_year=2025):
        assert deadline.span is not None
        assert text[deadline.span.start - 7 : deadline.span.end - 7] == deadline.span.quote


_LOOKAHEAD_RE = re.compile(r"\(\?=\[[^\]]+\]\[[^\]]+\]\)")
_DEADLINE_SENTENCES = [
    "Định kỳ hằng năm báo cáo; theo định kỳ 6 tháng hoặc đột xuất",
    "HOÀN THÀNH TRƯỚC NGÀY 30/6/2026, chậm nhất là ngày 15 tháng 3 năm 2027",
    "Hạn 15/12; xong ngày 1/2; trong tháng 2/2028, cuối tháng 6 năm 2026, đầu tháng 1/2027",
    "giai đoạn 2026 - 2030, thời kỳ 2021-2025, từ năm 2024 đến hết năm 2030, từ nay tới cuối năm 2030",
    "Đến năm 2025, tới hết năm 2026, trước năm 2030, trong năm 2025, vào cuối năm 2027, cuối năm 2028",
    "hàng quý (trước ngày 10 tháng cuối quý); trước ngày 15/12 hằng năm",
]


@pytest.mark.parametrize("sentence", [*_DEADLINE_SENTENCES, *(s.upper() for s in _DEADLINE_SENTENCES)])
def test_deadline_lookaheads_only_skip_positions_where_nothing_matches(sentence: str) -> None:
    found = 0
    for pattern, _ in _BUILDERS:
        plain = re.compile(_LOOKAHEAD_RE.sub("", pattern.pattern, count=1), pattern.flags)
        spans = [m.span() for m in pattern.finditer(sentence)]
        assert spans == [m.span() for m in plain.finditer(sentence)]
        found += len(spans)
    assert found > 0


@pytest.mark.parametrize("sentence", [*_DEADLINE_SENTENCES, *(s.upper() for s in _DEADLINE_SENTENCES)])
def test_patterns_skipped_without_a_digit_never_match_without_one(sentence: str) -> None:
    from loaders.deadlines import _NEED_A_DIGIT

    without_digits = re.sub(r"\d", "x", sentence)
    assert _NEED_A_DIGIT
    for pattern in _NEED_A_DIGIT:
        assert pattern.search(without_digits) is None
