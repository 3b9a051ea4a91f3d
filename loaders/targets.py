"""Numeric targets: quantity (Vietnamese number format), unit, period, scope, qualifier, source.

A number with a unit is a target when it stands in a targets section (MỤC TIÊU,
CHỈ TIÊU) or its sentence states an aim ("phấn đấu", "bảo đảm", "chỉ tiêu", "đạt").
Numbers inside quoted titles, standing policy parameters ("quỹ đất 20%"), credit
package sizes, statistics about the past, durations, dates and section numbers are not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from loaders.deadlines import find_deadlines
from loaders.models import Deadline, Layout, Reference, Section, Span, Target
from loaders.patterns import targets as pat
from loaders.target_tables import canonical_unit, parse_number, table_targets

__all__ = ["extract_targets", "parse_number"]


def extract_targets(text: str, layout: Layout, references: tuple[Reference, ...]) -> tuple[Target, ...]:
    """Every numeric target the body states, once each, in text order.

    Parameters
    ----------
    text
        The source text.
    layout
        Its layout (body bounds, sections and their kinds).
    references
        The document's references; a target quoted "theo Quyết định số 338/QĐ-TTg"
        gets that reference's key as ``source_key``.
    """
    start = layout.preamble.start if layout.preamble else (layout.title_span.end if layout.title_span else 0)
    end = layout.body_end if layout.body_end > start else len(text)
    quoted = [(m.start(), m.end()) for m in pat.QUOTED_RE.finditer(text, start, end)]
    found, table_rows = table_targets(text, start, end)
    skipped = quoted + table_rows
    for match in pat.QUANTITY_RE.finditer(text, start, end):
        if any(first <= match.start() < last for first, last in skipped):
            continue
        target = _target(text, match, layout.sections, references)
        if target is not None:
            found.append(target)
    found.sort(key=lambda t: t.span.start)
    return tuple(_merge_repeats(text, found))


def _target(
    text: str, match: re.Match[str], sections: tuple[Section, ...], references: tuple[Reference, ...]
) -> Target | None:
    sentence_start, sentence_end = _sentence(text, match.start())
    before = text[sentence_start : match.start()]
    unit = canonical_unit(match.group("unit"))
    kind = _section_kind(sections, match.start())
    if not _is_target(text, match, before, unit, kind) and not _due_after(text, match, before, sentence_end):
        return None
    multiplier = pat.MULTIPLIERS.get(match.group("mult") or "", 1.0)
    period = _period(text, sentence_start, sentence_end, match.start())
    return Target(
        quantity=parse_number(match.group("num")) * multiplier,
        unit=unit,
        span=Span(match.start(), match.end(), match.group()),
        quantity_max=parse_number(match.group("max")) * multiplier if match.group("max") else None,
        period=period.text if period else None,
        period_start=int(period.start[:4]) if period and period.start else None,
        period_end=int(period.end[:4]) if period and period.end else None,
        scope=_scope(text, _amount_end(text, match, unit), sentence_end, before),
        qualifier=_qualifier(before),
        source_key=_source(text, references, sentence_start, sentence_end),
    )


def _amount_end(text: str, match: re.Match[str], unit: str) -> int:
    """Where the amount ends: after a money rate's "/người/năm", else after the unit."""
    rate = pat.RATE_SUFFIX_RE.match(text, match.end()) if unit in pat.MONEY_UNITS else None
    return rate.end() if rate else match.end()


def _is_target(text: str, match: re.Match[str], before: str, unit: str, kind: str) -> bool:
    window = text[max(0, match.start() - 30) : match.end() + 30]
    if pat.POLICY_PARAMETER_RE.search(window) or pat.PAST_RE.search(before):
        return False
    if unit in pat.MONEY_UNITS and pat.CREDIT_RE.search(text[max(0, match.start() - 60) : match.start()]):
        return False
    if unit in pat.MONEY_UNITS and _is_support_level(text, match.end(), before):
        return False
    if unit == "%" and pat.COVERAGE_RE.match(text, match.end()) and not pat.SHARE_RE.search(before):
        return True
    return kind == "targets" or bool(pat.TARGET_CUE_RE.search(before))


def _due_after(text: str, match: re.Match[str], before: str, sentence_end: int) -> bool:
    """A planned count with a completion date after it ("kiểm tra 06 dự án, hoàn thành trong quý III")."""
    unit = canonical_unit(match.group("unit"))
    if unit in pat.MONEY_UNITS or unit == "%" or pat.PAST_RE.search(before):
        return False
    if pat.POLICY_PARAMETER_RE.search(text[max(0, match.start() - 30) : match.end() + 30]):
        return False
    return bool(pat.DUE_AFTER_RE.search(text, match.end(), sentence_end))


def _is_support_level(text: str, end: int, before: str) -> bool:
    """An amount per beneficiary ("60 triệu đồng/hộ") or a support per period ("hỗ trợ 2 triệu đồng/người/tháng")."""
    if pat.PER_UNIT_RE.match(text, end):
        return True
    return bool(pat.PER_ANY_RE.match(text, end) and pat.SUPPORT_LEVEL_RE.search(before))


def _sentence(text: str, position: int) -> tuple[int, int]:
    """Bounds of the sentence around ``position``."""
    start = 0
    for match in pat.SENTENCE_BREAK_RE.finditer(text, max(0, position - 1500), position):
        start = match.end()
    after = pat.SENTENCE_BREAK_RE.search(text, position)
    return start, after.start() if after else len(text)


def _section_kind(sections: tuple[Section, ...], offset: int) -> str:
    """ "targets" when a section holding ``offset`` is a targets section or says so in its heading."""
    for section in sections:
        if section.span.start <= offset < section.span.end:
            if section.kind == "targets" or pat.TARGETS_HEADING_RE.search(section.heading):
                return "targets"
            return _section_kind(section.children, offset) if section.children else section.kind
    return "other"


def _period(text: str, start: int, end: int, position: int) -> Deadline | None:
    """The nearest horizon or period before the number in its sentence, else the first after."""
    deadlines = [
        d
        for d in find_deadlines(text[start:end], start)
        if d.kind in ("year", "period", "quarter") and d.span
    ]
    earlier = [d for d in deadlines if d.span is not None and d.span.end <= position]
    if earlier:
        return earlier[-1]
    return deadlines[0] if deadlines else None


def _scope(text: str, position: int, sentence_end: int, before: str) -> str | None:
    tail = text[position:sentence_end]
    stop = pat.SCOPE_END_RE.search(tail)
    words = " ".join(pat.SCOPE_MARKUP_RE.sub(" ", tail[: stop.start() if stop else len(tail)]).split()[:15])
    locality = pat.LOCALITY_RE.search(before + tail)
    place = " ".join(locality.group(1).split()) if locality else ""
    scope = ", ".join(part for part in (place, words.strip(" ,-")) if part)
    return scope or None


Qualifier = Literal["at_least", "about", "at_most", "aspirational"]


def _qualifier(before: str) -> Qualifier | None:
    if pat.AT_LEAST_RE.search(before):
        return "at_least"
    if pat.ABOUT_RE.search(before):
        return "about"
    if pat.AT_MOST_RE.search(before):
        return "at_most"
    return "aspirational" if pat.ASPIRATIONAL_RE.search(before) else None


def _source(text: str, references: tuple[Reference, ...], start: int, end: int) -> str | None:
    """Key of a reference the sentence cites the target from ("theo Quyết định số 338/QĐ-TTg")."""
    for reference in references:
        for mention in reference.mentions:
            if start <= mention.start < end and pat.SOURCE_CUE_RE.search(text[start : mention.start]):
                return reference.key
    return None


def _merge_repeats(text: str, targets: list[Target]) -> list[Target]:
    """One target stated twice (same quantity and unit, compatible periods) is kept once.

    Two equal numbers in one sentence ("giảm 30% thời gian và 30% chi phí") are two targets.
    """
    kept: list[Target] = []
    for target in targets:
        twin = next((k for k in kept if _same(k, target) and _apart(text, k, target)), None)
        if twin is None:
            kept.append(target)
        elif twin.period is None and target.period is not None:
            kept[kept.index(twin)] = replace(
                twin,
                period=target.period,
                period_start=target.period_start,
                period_end=target.period_end,
                qualifier=twin.qualifier or target.qualifier,
                source_key=twin.source_key or target.source_key,
            )
    return kept


def _apart(text: str, earlier: Target, later: Target) -> bool:
    """True when a sentence ends between two targets."""
    return bool(pat.SENTENCE_BREAK_RE.search(text, earlier.span.end, later.span.start))


def _same(a: Target, b: Target) -> bool:
    periods_fit = a.period_end is None or b.period_end is None or a.period_end == b.period_end
    return a.quantity == b.quantity and a.unit == b.unit and a.quantity_max == b.quantity_max and periods_fit
