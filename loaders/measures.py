"""Dated measures: a bullet of a NHIỆM VỤ / GIẢI PHÁP section that names no agency but sets a completion
date ("… hoàn thành trong quý II/2026") is still a duty of the plan, so it becomes a task without a
lead agency, and ``policykg tasks --overdue-on`` can find it.

Only precise deadlines count (a day, a month, a quarter): horizons such as "đến năm 2030" run through
every objective and would turn each of them into a task.
"""

from __future__ import annotations

from collections.abc import Iterator

from loaders.deadlines import find_deadlines
from loaders.models import Layout, Section, Span, Task

PRECISE_KINDS = frozenset({"date", "month", "quarter"})


def extract_dated_measures(text: str, layout: Layout, taken: tuple[Task, ...]) -> tuple[Task, ...]:
    """Tasks without an agency for dated bullets of measures sections not already covered by ``taken``.

    Parameters
    ----------
    text
        The source text the layout was built from.
    layout
        Its layout; sections of kind ``"measures"`` are searched.
    taken
        Tasks already extracted; a bullet overlapping one of them is skipped.

    Returns
    -------
    tuple of Task
        Ids derived from the bullet's section path ("II.4.b2-1").
    """
    year = layout.date.year if layout.date else None
    tasks = []
    for bullet in _measure_bullets(layout.sections):
        start, end = bullet.body.start, bullet.body.end
        if any(t.span.start < end and start < t.span.end for t in taken):
            continue
        precise = [d for d in find_deadlines(text[start:end], start, year) if d.kind in PRECISE_KINDS]
        if not precise:
            continue
        quote = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        span = Span(start + lead, start + lead + len(quote), quote)
        tasks.append(Task(f"{bullet.path}-1", " ".join(quote.split()), span, None, deadline=precise[0]))
    return tuple(tasks)


def _measure_bullets(sections: tuple[Section, ...], inside: bool = False) -> Iterator[Section]:
    for section in sections:
        within = inside or section.kind == "measures"
        if within and not section.children and section.number in ("-", "+", "•", "*"):
            yield section
        yield from _measure_bullets(section.children, within)
