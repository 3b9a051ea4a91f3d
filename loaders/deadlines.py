"""Deadlines and periods: exact dates, months, quarters, horizons, periods, recurrences.

``find_deadlines`` returns every deadline phrase in a text, in order and without
overlaps; ``parse_deadline`` the first one. Each keeps its words and span.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from loaders.models import Deadline, Span
from loaders.patterns import tasks as pat
from loaders.patterns.text import DIGIT_RE

_RECURRENCE = {"năm": "P1Y", "quý": "P3M", "tháng": "P1M", "tuần": "P1W"}

Builder = Callable[["re.Match[str]", int | None], Deadline | None]


def parse_deadline(text: str, offset: int = 0, reference_year: int | None = None) -> Deadline | None:
    """The first deadline phrase in ``text``, or None.

    Parameters
    ----------
    text
        Any text (a task, a sentence).
    offset
        Offset of ``text`` in the source text, added to the span.
    reference_year
        Year of the document, used for "từ nay đến năm 2030".

    Examples
    --------
    >>> parse_deadline("hoàn thành trong quý II/2026").end
    '2026-06-30'
    """
    found = find_deadlines(text, offset, reference_year)
    return found[0] if found else None


def find_deadlines(text: str, offset: int = 0, reference_year: int | None = None) -> tuple[Deadline, ...]:
    """Every deadline phrase in ``text``, in text order, longest first where two overlap."""
    candidates: list[tuple[int, int, Deadline]] = []
    has_digit = DIGIT_RE.search(text) is not None
    for pattern, build in _BUILDERS:
        if pattern in _NEED_A_DIGIT and not has_digit:
            continue
        for match in pattern.finditer(text):
            deadline = build(match, reference_year)
            if deadline is not None:
                candidates.append((match.start(), match.end(), deadline))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[Deadline] = []
    last_end = -1
    for start, end, deadline in candidates:
        if start < last_end:
            continue
        quote = text[start:end]
        chosen.append(_with_span(deadline, Span(offset + start, offset + end, quote)))
        last_end = end
    return tuple(chosen)


def _with_span(deadline: Deadline, span: Span) -> Deadline:
    words = " ".join(pat.DEADLINE_NOISE_RE.sub(" ", span.quote).split())
    return Deadline(
        text=words,
        kind=deadline.kind,
        start=deadline.start,
        end=deadline.end,
        recurrence=deadline.recurrence,
        span=span,
    )


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _recurring(match: re.Match[str], _year: int | None) -> Deadline:
    return Deadline(text="", kind="recurring", recurrence=_RECURRENCE[match.group("unit").lower()])


def _before_day(match: re.Match[str], _year: int | None) -> Deadline:
    of = " ".join(match.group("of").lower().split())
    return Deadline(text="", kind="recurring", recurrence="P3M" if "quý" in of else "P1M")


def _periodic(match: re.Match[str], _year: int | None) -> Deadline:
    months = match.group("months")
    if months:
        count = 6 if months.lower() == "sáu" else int(months)
        return Deadline(text="", kind="recurring", recurrence=f"P{count}M")
    return Deadline(text="", kind="recurring")


def _ad_hoc(_match: re.Match[str], _year: int | None) -> Deadline:
    return Deadline(text="", kind="ad_hoc")


def _date(match: re.Match[str], _year: int | None) -> Deadline | None:
    day, month, year = (
        (match.group("d"), match.group("m"), match.group("y"))
        if match.group("d")
        else (match.group("wd"), match.group("wm"), match.group("wy"))
    )
    d, m, y = int(day), int(month), int(year)
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return Deadline(text="", kind="date", end=f"{y:04d}-{m:02d}-{d:02d}")


def _day_month(match: re.Match[str], reference_year: int | None) -> Deadline | None:
    day, month = int(match.group("d")), int(match.group("m"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if reference_year is None:
        return Deadline(text="", kind="date")
    if day > calendar.monthrange(reference_year, month)[1]:
        return None
    return Deadline(text="", kind="date", end=f"{reference_year:04d}-{month:02d}-{day:02d}")


def _half_year(match: re.Match[str], _year: int | None) -> Deadline:
    year = int(match.group("y"))
    first = match.group("half").lower() == "đầu"
    return Deadline(
        text="",
        kind="month",
        start=f"{year:04d}-{1 if first else 7:02d}-01",
        end=f"{year:04d}-{6 if first else 12:02d}-{30 if first else 31:02d}",
    )


def _month(match: re.Match[str], _year: int | None) -> Deadline | None:
    month, year = int(match.group("m")), int(match.group("y"))
    if not 1 <= month <= 12:
        return None
    return Deadline(text="", kind="month", end=_month_end(year, month))


def _quarter(match: re.Match[str], _year: int | None) -> Deadline:
    quarter = pat.ROMAN_QUARTERS[match.group("q").upper()]
    year = int(match.group("y"))
    return Deadline(
        text="",
        kind="quarter",
        start=f"{year:04d}-{3 * quarter - 2:02d}-01",
        end=_month_end(year, 3 * quarter),
    )


def _period(match: re.Match[str], reference_year: int | None) -> Deadline | None:
    first = match.group("a") or match.group("c")
    last = match.group("b") or match.group("d") or match.group("e")
    start_year = int(first) if first else reference_year
    if start_year is not None and start_year > int(last):
        return None
    return Deadline(
        text="",
        kind="period",
        start=f"{start_year:04d}-01-01" if start_year is not None else None,
        end=f"{int(last):04d}-12-31",
    )


def _horizon(match: re.Match[str], _year: int | None) -> Deadline:
    year = int(match.group("y"))
    if (match.group("by") or "").lower() == "trước":
        year -= 1
    return Deadline(text="", kind="year", end=f"{year:04d}-12-31")


def _relative(_match: re.Match[str], _year: int | None) -> Deadline:
    return Deadline(text="", kind="relative")


_BUILDERS: tuple[tuple[re.Pattern[str], Builder], ...] = (
    (pat.RECURRING_RE, _recurring),
    (pat.BEFORE_DAY_RE, _before_day),
    (pat.PERIODIC_RE, _periodic),
    (pat.AD_HOC_RE, _ad_hoc),
    (pat.DATE_RE, _date),
    (pat.DAY_MONTH_RE, _day_month),
    (pat.HALF_YEAR_RE, _half_year),
    (pat.QUARTER_RE, _quarter),
    (pat.MONTH_RE, _month),
    (pat.PERIOD_RE, _period),
    (pat.HORIZON_RE, _horizon),
    (pat.RELATIVE_RE, _relative),
)
_NEED_A_DIGIT = frozenset(
    {
        pat.BEFORE_DAY_RE,
        pat.DATE_RE,
        pat.DAY_MONTH_RE,
        pat.HALF_YEAR_RE,
        pat.QUARTER_RE,
        pat.MONTH_RE,
        pat.PERIOD_RE,
        pat.HORIZON_RE,
        pat.RELATIVE_RE,
    }
)
"""Patterns with a day, month, year or count that is always written in digits: skipped on text without one."""
