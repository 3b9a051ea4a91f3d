"""Tests for loaders.lines: logical lines and trimmed spans over the source text."""

from __future__ import annotations

import pytest

from loaders.lines import Line, lines_between, logical_lines, trimmed_span


def test_logical_lines_skip_blanks_and_index_the_stripped_text() -> None:
    clean = "  KẾ HOẠCH  \n\n\tvề  chuyển đổi số\n"
    lines = logical_lines(clean)
    assert lines == [Line(2, 10, "KẾ HOẠCH"), Line(15, 32, "về chuyển đổi số")]
    assert [clean[ln.start : ln.end] for ln in lines] == ["KẾ HOẠCH", "về  chuyển đổi số"]


def test_lines_between_clips_the_last_line_at_the_end_offset() -> None:
    lines = [Line(0, 5, "I. A"), Line(6, 12, "Nội dung"), Line(13, 20, "Nơi nhận")]
    assert lines_between(lines, 1, 10) == [(6, 10, "Nội dung")]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("  Số 12  ", 0, 9, (2, 7, "Số 12")),
        ("abc", 1, 2, (1, 2, "b")),
        ("   ", 0, 3, (0, 0, "")),
    ],
)
def test_trimmed_span(text: str, start: int, end: int, expected: tuple[int, int, str]) -> None:
    span = trimmed_span(text, start, end)
    assert (span.start, span.end, span.quote) == expected
