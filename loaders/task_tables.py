"""Tasks laid out as tables: markdown pipe tables and "Cơ quan chủ trì: …" label blocks.

Two forms occur besides the agency-headed items of TỔ CHỨC THỰC HIỆN:

* a table ``| Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |``
  (the .docx reader renders Word tables as markdown pipe tables, one row a line);
* a task followed by labelled lines "- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …",
  "- Thời gian thực hiện: …".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from loaders.agencies import new_style_tones, split_agency_list
from loaders.deadlines import parse_deadline
from loaders.models import Agency, Deadline, Jurisdiction, Section, Span, Task
from loaders.patterns import tasks as pat

Resolver = Callable[[list[str], Jurisdiction], tuple[Agency, ...]]


@dataclass(frozen=True)
class _Columns:
    task: int | None
    lead: int
    partner: int | None
    deadline: int | None


def extract_table_tasks(
    text: str, sections: tuple[Section, ...], jurisdiction: Jurisdiction, resolve: Resolver
) -> list[Task]:
    """Tasks from pipe tables and label blocks anywhere in ``text``.

    Parameters
    ----------
    text
        The source text.
    sections
        The layout's section tree, for task ids ("II.3-t1").
    jurisdiction
        The document's jurisdiction.
    resolve
        Turns agency names into agencies (dropping repeats).
    """
    tasks: list[Task] = []
    counters: dict[str, int] = {}
    for span, lead, partners, deadline, body in [*_table_rows(text), *_label_blocks(text)]:
        path = _section_path(sections, span.start)
        for assignee in resolve(agency_names(lead), jurisdiction):
            counters[path] = counters.get(path, 0) + 1
            tasks.append(
                Task(
                    local_id=f"{path}-t{counters[path]}",
                    text=body,
                    span=span,
                    assignee=assignee,
                    partners=resolve(agency_names(partners), jurisdiction),
                    deadline=_deadline(deadline, span),
                )
            )
    return tasks


def agency_names(cell: str) -> list[str]:
    """The agencies named in a cell or label value ("Sở Tài chính; UBND các huyện")."""
    names: list[str] = []
    for piece in pat.CELL_SPLIT_RE.split(cell):
        flat = new_style_tones(" ".join(pat.MARKUP_RE.sub(" ", piece).split())).strip(" .,")
        names.extend(phrase.text for phrase in split_agency_list(flat, 0))
    return names


_Row = tuple[Span, str, str, str, str]


def _table_rows(text: str) -> Iterator[_Row]:
    """Task rows of every table with a lead column.

    A lead cell left empty under a vertically merged cell (the .docx reader leaves the
    continuation empty) takes the lead of the row above, on numbered task rows only.
    """
    columns: _Columns | None = None
    previous_end = -2
    last_lead = ""
    for row in pat.TABLE_ROW_RE.finditer(text):
        cells = [cell.strip().replace("\\|", "|") for cell in pat.CELL_BOUNDARY_RE.split(row.group("cells"))]
        if row.start() > previous_end + 1:
            columns, last_lead = _columns(cells), ""
            previous_end = row.end()
            continue
        previous_end = row.end()
        if columns is None or pat.TABLE_RULE_RE.match(row.group("cells")):
            continue
        span, lead, partners, deadline, body = _row(text, row, cells, columns)
        if not lead and cells and pat.TASK_ROW_NUMBER_RE.match(cells[0]):
            lead = last_lead
        last_lead = lead
        yield span, lead, partners, deadline, body


def _columns(header: list[str]) -> _Columns | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        for name, column_re in (
            ("partner", pat.COLUMN_PARTNER_RE),
            ("lead", pat.COLUMN_LEAD_RE),
            ("deadline", pat.COLUMN_DEADLINE_RE),
            ("task", pat.COLUMN_TASK_RE),
        ):
            if column_re.search(cell):
                found.setdefault(name, index)
                break
    if "lead" not in found:
        return None
    return _Columns(found.get("task"), found["lead"], found.get("partner"), found.get("deadline"))


def _row(text: str, row: re.Match[str], cells: list[str], columns: _Columns) -> _Row:
    def cell(index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    body = cell(columns.task) or " ".join(c for c in cells if c)
    span = Span(row.start(), row.end(), row.group())
    return span, cell(columns.lead), cell(columns.partner), cell(columns.deadline), _clean(body)


def _label_blocks(text: str) -> Iterator[_Row]:
    for lead in pat.LABEL_LEAD_RE.finditer(text):
        block_end = _block_end(text, lead.end())
        partner = pat.LABEL_PARTNER_RE.search(text, lead.end(), block_end)
        deadline = pat.LABEL_DEADLINE_RE.search(text, lead.end(), block_end)
        task_start, task_text = _task_line(text, lead.start())
        yield (
            Span(task_start, block_end, text[task_start:block_end]),
            lead.group("value"),
            partner.group("value") if partner else "",
            deadline.group("value") if deadline else "",
            task_text,
        )


def _block_end(text: str, position: int) -> int:
    """End of the run of label lines that starts before ``position``."""
    end = position
    for line in pat.LINE_RE.finditer(text, position):
        content = line.group().strip()
        if content and not pat.LABEL_ANY_RE.match(line.group()):
            break
        end = line.end()
        if not line.group():
            break
    return end


def _task_line(text: str, label_start: int) -> tuple[int, str]:
    """The last non-label line before a label block: the task the labels describe."""
    position = label_start
    while position > 0:
        line_start = text.rfind("\n", 0, max(0, position - 1)) + 1
        line = text[line_start:position]
        if line.strip() and not pat.LABEL_ANY_RE.match(line):
            return line_start, _clean(line)
        if line_start == 0:
            break
        position = line_start
    return label_start, ""


def _clean(cell: str) -> str:
    words = pat.MARKUP_RE.sub(" ", cell)
    return " ".join(pat.CELL_OPENER_RE.sub("", words).split())


def _deadline(cell: str, span: Span) -> Deadline | None:
    words = " ".join(pat.MARKUP_RE.sub(" ", cell).split()).strip(" .")
    if not words:
        return None
    found = parse_deadline(words) or parse_deadline(f"trong {words}") or parse_deadline(f"đến {words}")
    year = pat.CELL_YEAR_RE.match(words)
    if found is None and year:
        found = Deadline(text=words, kind="year", end=f"{year.group('y')}-12-31")
    if found is None and pat.CONTINUOUS_RE.match(words):
        found = Deadline(text=words, kind="recurring", recurrence="P1Y" if "năm" in words else None)
    if found is None:
        return None
    return Deadline(words, found.kind, found.start, found.end, found.recurrence, span)


def _section_path(sections: tuple[Section, ...], offset: int, default: str = "body") -> str:
    for section in sections:
        if section.span.start <= offset < section.span.end:
            return _section_path(section.children, offset, section.path)
    return default
