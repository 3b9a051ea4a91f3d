"""Tasks: who leads (assignee), who helps (partners), who is reported to, by when.

Tasks come from the items of TỔ CHỨC THỰC HIỆN in its three layouts (an agency
heading over bullets; "**2. Sở X:** task…"; the agency as the subject of the item's
first sentence), from reporting clauses ("Chế độ báo cáo: …"), and from inline
assignments anywhere else ("Giao Sở Xây dựng chủ trì, phối hợp với …").

Matching runs on a flat view of the text (see :class:`FlatText`), so a name broken
over two lines ("Ủy ban nhân \\n\\ndân tỉnh") still reads as one; every span maps
back to the source text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from loaders.agencies import (
    AgencyPhrase,
    list_is_whole,
    new_style_tones,
    resolve_agencies,
    resolve_agency,
    split_agency_list,
)
from loaders.deadlines import parse_deadline
from loaders.models import Agency, Jurisdiction, Layout, Section, Span, Task
from loaders.patterns import tasks as pat
from loaders.reporting import report_recipients, reporter_phrases
from loaders.task_tables import extract_table_tasks

NO_DUTY_KINDS = frozenset({"purpose", "targets", "viewpoints"})
"""Sections whose items state aims, not duties: an agency opening an item there is no lead."""

_Clause = tuple[int, tuple[AgencyPhrase, ...]]
"""A clause that hands a task to other agencies: where it starts, and its agencies."""

MAX_TOPIC_HEADING = 120
"""Longest first line of an item read as a topic heading ("1. Về công tác tuyên truyền")."""


@dataclass(frozen=True)
class FlatText:
    """A slice of the source text with whitespace collapsed, and the way back to source offsets.

    A whitespace run becomes one space, or ``\\n`` when it holds a line break and the
    next line does not start with a lower-case letter (a new line, bullet or item) or starts a
    lettered item ("b) …").
    Old-style tone marks are moved ("uỷ" → "ủy"; same length) so one cue fits both.
    The flat text is a sequence of pieces, each copied from one place of the source:
    ``piece_starts[k]`` is where piece ``k`` starts in ``text`` and ``piece_sources[k]``
    where it comes from in the source (see :meth:`offset`).
    """

    text: str
    piece_starts: tuple[int, ...]
    piece_sources: tuple[int, ...]

    def offset(self, index: int) -> int:
        """The source offset of ``text[index]`` (of the end, for ``index == len(text)``)."""
        piece = bisect_right(self.piece_starts, index) - 1
        return self.piece_sources[piece] + index - self.piece_starts[piece]

    def span(self, source: str, start: int, end: int) -> Span:
        """The source span of flat ``[start, end)``."""
        first = self.offset(start)
        last = self.offset(end - 1) + 1 if end > start else first
        return Span(first, last, source[first:last])


def flatten(source: str, start: int, end: int) -> FlatText:
    """Collapse the whitespace of ``source[start:end]`` (see :class:`FlatText`).

    A lone space is already collapsed, so only the other whitespace runs cut pieces.
    """
    pieces: list[str] = []
    piece_starts: list[int] = []
    piece_sources: list[int] = []
    length = 0
    for match in pat.COLLAPSIBLE_WHITESPACE_RE.finditer(source, start, end):
        piece_starts.extend((length, length + match.start() - start))
        piece_sources.extend((start, match.start()))
        pieces.extend((source[start : match.start()], _collapsed(source, match, end)))
        length += match.start() - start + 1
        start = match.end()
    piece_starts.append(length)
    piece_sources.append(start)
    pieces.append(source[start:end])
    return FlatText(new_style_tones("".join(pieces)), tuple(piece_starts), tuple(piece_sources))


def _collapsed(source: str, run: re.Match[str], end: int) -> str:
    """What a whitespace run becomes in the flat view: a line break or one space."""
    following = source[run.end() : run.end() + 1] if run.end() < end else ""
    new_line = "\n" in run.group() and (
        not following.islower() or bool(pat.LETTERED_ITEM_RE.match(source, run.end(), end))
    )
    return "\n" if new_line else " "


@dataclass
class _Context:
    source: str
    flat: FlatText
    jurisdiction: Jurisdiction
    reference_year: int | None


def extract_tasks(text: str, layout: Layout, jurisdiction: Jurisdiction) -> tuple[Task, ...]:
    """Every task the document assigns, in text order.

    Parameters
    ----------
    text
        The source text the layout was built from.
    layout
        Its layout; sections of kind ``"assignments"`` hold the TỔ CHỨC THỰC HIỆN items.
    jurisdiction
        The document's jurisdiction, in which bare agency names are resolved.

    Returns
    -------
    tuple of Task
        Ids derived from the section path and ordinal ("IV.3-1").
    """
    year = layout.date.year if layout.date else None
    tasks: list[Task] = []
    covered: list[tuple[int, int]] = []
    for section in _assignment_sections(layout.sections):
        for path, start, end in _items(text, section):
            context = _Context(text, flatten(text, start, end), jurisdiction, year)
            found = _item_tasks(context, path)
            covered.extend([(start, end)] if found else [])
            tasks.extend(found)
    tasks.extend(extract_table_tasks(text, layout.sections, jurisdiction, resolve_agencies))
    tasks.extend(_inline_tasks(text, layout, jurisdiction, covered))
    return tuple(_unique_ids(sorted(tasks, key=lambda t: t.span.start)))


def _assignment_sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        if section.kind == "assignments":
            yield section
        else:
            yield from _assignment_sections(section.children)


def _items(text: str, section: Section) -> list[tuple[str, int, int]]:
    """The numbered items of a section: its children, else numbered lines of its body."""
    if section.children:
        return [item for child in section.children for item in _sub_items(child)]
    body = text[section.body.start : section.body.end]
    starts = [m.start() for m in pat.ITEM_LINE_RE.finditer(body)]
    if not starts:
        return [(section.path, section.body.start, section.body.end)] if body.strip() else []
    items = []
    parent = section.path
    for first, last in pairwise([*starts, len(body)]):
        number = pat.ITEM_LABEL_RE.search(body[first:last])
        label = number.group() if number else "0"
        if label[0].isdigit():
            parent = path = f"{section.path}.{label}"
        else:
            path = f"{parent}.{label}"
        items.append((path, section.body.start + first, section.body.start + last))
    return items


def _sub_items(item: Section) -> list[tuple[str, int, int]]:
    """An item, or its lettered sub-items when it only groups them ("1. Các sở: a) Sở X …")."""
    subs = [child for child in item.children if child.number not in ("-", "+", "•", "*")]
    if not subs:
        return [(item.path, item.span.start, item.span.end)]
    head = [(item.path, item.span.start, subs[0].span.start)]
    return head + [(sub.path, sub.span.start, sub.span.end) for sub in subs]


def _item_tasks(context: _Context, path: str) -> list[Task]:
    opener = pat.ITEM_NUMBER_RE.match(context.flat.text)
    position = opener.end() if opener else 0
    context = _title_cased_heading(context, position)
    flat = context.flat.text
    if pat.REPORT_CLAUSE_RE.match(flat, position):
        heading_end = flat.find(":", position)
        return _report_clause_tasks(context, path, heading_end + 1 if heading_end >= 0 else position)
    phrases = split_agency_list(flat, position, allow_weak=False)
    if not phrases:
        return _topic_item_tasks(context, path, position)
    body_start = _body_start(flat, phrases)
    assignees = _assignees(context, phrases)
    tasks: list[Task] = []
    for unit_start, unit_end in _units(flat, body_start, len(flat)):
        if pat.CLOSING_RE.match(flat, unit_start):
            unit = _task(context, f"{path}-{len(tasks) + 1}", unit_start, unit_end, None)
            tasks.extend([unit] if unit.report_to else [])
            continue
        tasks.extend(_unit_tasks(context, path, (unit_start, unit_end), assignees, len(tasks)))
    return tasks


def _unit_tasks(
    context: _Context, path: str, bounds: tuple[int, int], assignees: list[Agency], done: int
) -> list[Task]:
    """A unit's task for ``assignees``, then one per clause it hands to another agency after ";"."""
    start, end = bounds
    clauses = _subject_clauses(context.flat.text, start, end)
    stops = [clause_start - 1 for clause_start, _ in clauses] + [end]
    tasks = _for_each(_task(context, path, start, stops[0], None), assignees, path, done)
    for (clause_start, phrases), stop in zip(clauses, stops[1:], strict=True):
        unit = _task(context, path, clause_start, stop, None)
        tasks.extend(_for_each(unit, _assignees(context, phrases), path, done + len(tasks)))
    return tasks


def _subject_clauses(flat: str, start: int, end: int) -> list[_Clause]:
    """Clauses after ";" opening with a named agency and a duty verb: (clause start, its agencies).

    "Giao Ban Thường vụ Huyện ủy chỉ đạo …; *Ủy ban nhân dân huyện xây dựng kế hoạch …*" (not "…; báo cáo …").
    """
    found = []
    for cue in pat.CLAUSE_SUBJECT_RE.finditer(flat, start, end):
        phrases = split_agency_list(flat, cue.end(), allow_weak=False, limit=end)
        if phrases and not phrases[0].generic and pat.SUBJECT_DUTY_RE.match(flat, phrases[-1].end):
            found.append((cue.end(), phrases))
    return found


def _for_each(unit: Task, assignees: list[Agency], path: str, done: int) -> list[Task]:
    """One task per assignee of a unit, numbered on from ``done``."""
    return [
        replace(unit, local_id=f"{path}-{done + index + 1}", assignee=assignee)
        for index, assignee in enumerate(assignees)
    ]


def _body_start(flat: str, phrases: tuple[AgencyPhrase, ...]) -> int:
    """Where the task text starts after an agency heading or subject."""
    heading_end = max(p.end for p in phrases)
    after = pat.HEADING_END_RE.match(flat, heading_end)
    return after.end() if after and after.end() > heading_end else heading_end


def _topic_item_tasks(context: _Context, path: str, position: int) -> list[Task]:
    """An item headed by a topic ("1. Về tuyên truyền") whose bullets open with an agency."""
    flat = context.flat.text
    heading_end = flat.find("\n", position)
    start = heading_end + 1 if 0 <= heading_end - position <= MAX_TOPIC_HEADING else position
    tasks: list[Task] = []
    for unit_start, unit_end in _units(flat, start, len(flat)):
        phrases = split_agency_list(flat, unit_start, allow_weak=False)
        if not phrases or phrases[0].generic:
            continue
        body_start = min(_body_start(flat, phrases), unit_end)
        tasks.extend(
            _unit_tasks(context, path, (body_start, unit_end), _assignees(context, phrases), len(tasks))
        )
    return tasks


def _title_cased_heading(context: _Context, position: int) -> _Context:
    """Read an all-capitals heading ("SỞ XÂY DỰNG:") as "Sở Xây Dựng" (same length)."""
    flat = context.flat.text
    end = pat.CAPS_HEADING_END_RE.search(flat, position)
    stop = end.start() if end else len(flat)
    heading = flat[position:stop]
    if len(heading) < 4 or not heading.isupper():
        return context
    text = flat[:position] + heading.title() + flat[stop:]
    return replace(context, flat=replace(context.flat, text=text))


def _assignees(context: _Context, phrases: tuple[AgencyPhrase, ...]) -> list[Agency]:
    flat = context.flat.text
    named = [p for p in phrases if not p.generic] or list(phrases)
    if list_is_whole(flat, phrases):
        return [resolve_agency(flat[named[0].start : named[-1].end], context.jurisdiction)]
    return [resolve_agency(p.text, context.jurisdiction) for p in named]


def _report_clause_tasks(context: _Context, path: str, body_start: int) -> list[Task]:
    flat = context.flat.text
    tasks: list[Task] = []
    for unit_start, unit_end in _units(flat, body_start, len(flat)):
        phrases = reporter_phrases(flat, unit_start, unit_end)
        found = _assignees(context, phrases) if phrases else []
        assignee = found[0] if found and not found[0].generic else None
        task = _task(context, f"{path}-{len(tasks) + 1}", unit_start, unit_end, assignee)
        if task.report_to or task.assignee:
            tasks.append(task)
    return tasks


def _units(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """Bullets and paragraphs between ``start`` and ``end``; an intro ending in ":" is dropped."""
    cuts = {start, end}
    cuts.update(m.start() for m in pat.BULLET_START_RE.finditer(flat, start, end))
    cuts.update(m.start() for m in pat.UNIT_BREAK_RE.finditer(flat, start, end))
    bounds = sorted(cuts)
    units = []
    for first, last in pairwise(bounds):
        first, last = _strip(flat, first, last)
        if len(flat[first:last].split()) >= 2:
            units.append((first, last))
    if len(units) > 1 and flat[units[0][0] : units[0][1]].endswith(":"):
        units = units[1:]
    return units


def _strip(flat: str, start: int, end: int) -> tuple[int, int]:
    match = pat.UNIT_OPENER_RE.match(flat[start:end])
    start += match.end() if match else 0
    while end > start and flat[end - 1] in " \n*":
        end -= 1
    return start, end


def _task(context: _Context, local_id: str, start: int, end: int, assignee: Agency | None) -> Task:
    flat = context.flat.text
    span = context.flat.span(context.source, start, end)
    words = " ".join(pat.MARKUP_RE.sub(" ", flat[start:end]).split())
    return Task(
        local_id=local_id,
        text=words,
        span=span,
        assignee=assignee,
        partners=_partners(context, start, end),
        report_to=report_recipients(flat, start, end, context.jurisdiction),
        deadline=parse_deadline(span.quote, span.start, context.reference_year),
        supporting=bool(pat.SUPPORTING_RE.match(words)),
    )


def _partners(context: _Context, start: int, end: int) -> tuple[Agency, ...]:
    flat = context.flat.text
    found: list[AgencyPhrase] = []
    for cue in pat.PARTNER_RE.finditer(flat, start, end):
        found.extend(split_agency_list(flat, cue.end(), limit=end))
    return resolve_agencies([p.text for p in found], context.jurisdiction)


def _inline_tasks(
    text: str, layout: Layout, jurisdiction: Jurisdiction, covered: list[tuple[int, int]]
) -> list[Task]:
    """ "Giao X chủ trì …", "X chủ trì, phối hợp với Y …", "b) X rà soát …" outside TỔ CHỨC THỰC HIỆN.

    A lead named inside another agency's duty ("chỉ đạo Sở X chủ trì, phối hợp với …")
    is a task of its own wherever it stands.
    """
    start = layout.preamble.start if layout.preamble else (layout.title_span.end if layout.title_span else 0)
    year = layout.date.year if layout.date else None
    context = _Context(text, flatten(text, start, layout.body_end), jurisdiction, year)
    flat = context.flat.text
    counters: dict[str, int] = {}
    tasks: list[Task] = []
    covered = sorted(covered)
    for lead_start, phrases, mode in _inline_leads(flat):
        source_start = context.flat.offset(lead_start)
        if (mode != "embedded" and _inside(covered, source_start)) or phrases[0].generic:
            continue
        if mode == "subject" and _section_kind(layout.sections, source_start) in NO_DUTY_KINDS:
            continue
        path = _section_path(layout.sections, source_start)
        unit = _task(context, path, lead_start, _sentence_end(flat, phrases[-1].end), None)
        found = _for_each(unit, _assignees(context, phrases), path, counters.get(path, 0))
        counters[path] = counters.get(path, 0) + len(found)
        tasks.extend(found)
    return tasks


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when ``offset`` falls in one of the sorted, non-overlapping ``spans``."""
    index = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _inline_leads(flat: str) -> Iterator[tuple[int, tuple[AgencyPhrase, ...], str]]:
    """(task start, its agencies, how it was found: "cue", "embedded", "lead" or "subject")."""
    for cue in pat.GIAO_RE.finditer(flat):
        phrases = split_agency_list(flat, cue.end(), allow_weak=False)
        if phrases:
            yield cue.start("cue"), phrases, "cue"
    for cue in pat.DIRECT_LEAD_RE.finditer(flat):
        phrases = split_agency_list(flat, cue.end(), allow_weak=False)
        if phrases and pat.LEAD_AFTER_RE.match(flat, phrases[-1].end):
            yield phrases[0].start, phrases, "embedded"
    seen: set[int] = set()
    for opener in pat.LEAD_SUBJECT_RE.finditer(flat):
        phrases = split_agency_list(flat, opener.end(), allow_weak=False)
        if not phrases or opener.end() in seen:
            continue
        seen.add(opener.end())
        if pat.LEAD_AFTER_RE.match(flat, phrases[-1].end):
            yield opener.end(), phrases, "lead"
            continue
        opens_clause = bool(opener.group("item")) or flat.endswith("; ", 0, opener.start())
        if opens_clause and pat.SUBJECT_DUTY_RE.match(flat, phrases[-1].end):
            yield opener.end(), phrases, "subject"


def _sentence_end(flat: str, position: int) -> int:
    match = pat.SENTENCE_END_RE.search(flat, position)
    return match.start() + (1 if match and match.group() != "\n" else 0) if match else len(flat)


def _section_kind(sections: tuple[Section, ...], offset: int) -> str | None:
    """Kind of the top-level section holding ``offset`` (None outside every section)."""
    return next((s.kind for s in sections if s.span.start <= offset < s.span.end), None)


def _section_path(sections: tuple[Section, ...], offset: int, default: str = "body") -> str:
    """Path of the innermost section holding ``offset``."""
    for section in sections:
        if section.span.start <= offset < section.span.end:
            return _section_path(section.children, offset, section.path)
    return default


def _unique_ids(tasks: list[Task]) -> Iterator[Task]:
    """Make ids unique ("III.2-1" twice → the second gets "III.2-1b")."""
    seen: set[str] = set()
    for task in tasks:
        local_id = task.local_id
        while local_id in seen:
            local_id += "b"
        seen.add(local_id)
        yield task if local_id == task.local_id else replace(task, local_id=local_id)
