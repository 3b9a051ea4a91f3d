"""Numeric targets laid out as a table (part of :mod:`loaders.targets`).

``| Chỉ tiêu | Đơn vị tính | Năm 2026 |`` with rows ``| Hỗ trợ xây mới nhà ở | căn | 25 |``:
one target per numeric cell of a period column ("Năm 2026", "Kế hoạch năm 2025",
"Giai đoạn 2026-2030"), its unit from the unit column, its scope from the indicator
column. A column of results ("Kết quả năm 2024") holds statistics and gives none.
The .docx reader renders Word tables as markdown pipe tables, one row a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, cast

from loaders.models import Span, Target
from loaders.patterns import targets as pat
from loaders.patterns import tasks as table

Qualifier = Literal["at_least", "about", "at_most", "aspirational"]


@dataclass(frozen=True)
class _Period:
    column: int
    text: str
    start: int | None
    end: int


@dataclass(frozen=True)
class _Columns:
    indicator: int
    unit: int | None
    periods: tuple[_Period, ...]


def table_targets(text: str, start: int, end: int) -> tuple[list[Target], list[tuple[int, int]]]:
    """Targets of every target table between ``start`` and ``end``, and the spans of those tables' rows.

    Parameters
    ----------
    text
        The source text.
    start, end
        The body bounds.

    Returns
    -------
    (list of Target, list of (int, int))
        The targets in text order, and the rows they come from (the caller skips
        numbers in them).
    """
    targets: list[Target] = []
    rows: list[tuple[int, int]] = []
    for columns, body in _tables(text, start, end):
        for row in body:
            rows.append((row.start(), row.end()))
            targets.extend(_row_targets(text, row, columns))
    return targets, rows


def _tables(text: str, start: int, end: int) -> Iterator[tuple[_Columns, list[re.Match[str]]]]:
    """(columns, data rows) of each pipe table whose header makes it a target table."""
    block: list[re.Match[str]] = []
    for row in table.TABLE_ROW_RE.finditer(text, start, end):
        if block and row.start() > block[-1].end() + 1:
            yield from _table(block)
            block = []
        block.append(row)
    yield from _table(block)


def _table(block: list[re.Match[str]]) -> Iterator[tuple[_Columns, list[re.Match[str]]]]:
    if not block:
        return
    columns = _columns(_cells(block[0]))
    if columns is not None:
        yield columns, [r for r in block[1:] if not table.TABLE_RULE_RE.match(r.group("cells"))]


def _cells(row: re.Match[str]) -> list[str]:
    return [cell.strip() for cell in table.CELL_BOUNDARY_RE.split(row.group("cells"))]


def _plain(cell: str) -> str:
    return " ".join(table.MARKUP_RE.sub(" ", cell).split())


def _columns(header: list[str]) -> _Columns | None:
    """The indicator, unit and period columns; None when the header is not a target table's."""
    plain = [_plain(cell) for cell in header]
    indicator = next((i for i, c in enumerate(plain) if pat.TABLE_INDICATOR_COLUMN_RE.match(c)), None)
    unit = next((i for i, c in enumerate(plain) if pat.TABLE_UNIT_COLUMN_RE.match(c)), None)
    if indicator is None or any(table.COLUMN_LEAD_RE.search(c) for c in plain):
        return None
    periods = tuple(p for i, c in enumerate(plain) if i not in (indicator, unit) and (p := _period(i, c)))
    return _Columns(indicator, unit, periods) if periods else None


def _period(column: int, header: str) -> _Period | None:
    if pat.TABLE_PAST_COLUMN_RE.search(header) and not pat.TABLE_PLAN_COLUMN_RE.search(header):
        return None
    m = pat.TABLE_PERIOD_RE.search(header)
    if m is None:
        return None
    if m.group("bare"):
        return _Period(column, f"năm {m.group('bare')}", None, int(m.group("bare")))
    words = " ".join(m.group(0).split())
    last = m.group("last")
    first = int(m.group("first"))
    return _Period(column, words[:1].lower() + words[1:], first if last else None, int(last or first))


def _row_targets(text: str, row: re.Match[str], columns: _Columns) -> Iterator[Target]:
    cells = _cells(row)
    offsets = _cell_offsets(row)
    scope = _plain(cells[columns.indicator]) if columns.indicator < len(cells) else ""
    unit_cell = _plain(cells[columns.unit]) if columns.unit is not None and columns.unit < len(cells) else ""
    for period in columns.periods:
        if period.column >= len(cells):
            continue
        value = pat.TABLE_VALUE_RE.match(_plain(cells[period.column]))
        unit = value.group("unit") if value and value.group("unit") else unit_cell
        if value is None or not unit or not scope:
            continue
        yield _target(text, offsets[period.column], value, canonical_unit(unit.lower()), period, scope)


def _cell_offsets(row: re.Match[str]) -> list[tuple[int, int]]:
    """Source bounds of each cell's stripped content."""
    out = []
    position = row.start("cells")
    for cell in table.CELL_BOUNDARY_RE.split(row.group("cells")):
        lead = len(cell) - len(cell.lstrip())
        out.append((position + lead, position + len(cell.rstrip())))
        position += len(cell) + 1
    return out


def _target(
    text: str, bounds: tuple[int, int], value: re.Match[str], unit: str, period: _Period, scope: str
) -> Target:
    maximum = value.group("max")
    qualifier = " ".join((value.group("qual") or "").lower().split())
    return Target(
        quantity=parse_number(value.group("num")),
        unit=unit,
        span=Span(bounds[0], bounds[1], text[bounds[0] : bounds[1]]),
        quantity_max=parse_number(maximum) if maximum else None,
        period=period.text,
        period_start=period.start,
        period_end=period.end,
        scope=scope,
        qualifier=cast(Qualifier, pat.TABLE_QUALIFIERS[qualifier])
        if qualifier in pat.TABLE_QUALIFIERS
        else None,
    )


def parse_number(text: str) -> float:
    """A Vietnamese number: the dot groups thousands, the comma is the decimal mark.

    Examples
    --------
    >>> parse_number("71.250"), parse_number("1,5"), parse_number("01")
    (71250.0, 1.5, 1.0)
    """
    return float(text.replace(".", "").replace(",", "."))


def canonical_unit(raw: str) -> str:
    """One spelling per unit: "căn hộ", "căn nhà" → "căn"; "hecta" → "ha"."""
    unit = " ".join(raw.split())
    for unit_re, canonical in pat.UNIT_CANONICAL:
        if unit_re.match(unit):
            return canonical
    return unit
