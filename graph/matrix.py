"""The responsibility matrix: which agency takes which role in the tasks of which document.

One row per agency (its label and jurisdiction label), one column per document
that assigns tasks (its number, or its title when the number is blank), and in
each cell the roles the agency holds in that document's tasks::

    agency              jurisdiction   146-KH/TU              21-KH/HU   tasks
    Sở Nội vụ           tỉnh Long An   chủ trì; phối hợp                 2
    Văn phòng Huyện ủy  huyện Cần …                           chủ trì    1

Roles are "chủ trì" (``pkg:assignee``), "phối hợp" (``pkg:partner``) and
"nhận báo cáo" (``pkg:reportsTo``), always in that order; ``tasks`` counts the
distinct tasks the agency takes part in. Built from the named query
``responsibility_matrix``; :func:`write_matrix_csv` writes it as ``utf-8-sig``
CSV so that Excel shows the Vietnamese intact.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import URIRef

from graph.queries import run_named
from graph.store import Store, Term
from loaders.errors import ResolveError
from ontology.terms import fold

ROLE_LABELS: dict[str, str] = {"assignee": "chủ trì", "partner": "phối hợp", "report_to": "nhận báo cáo"}
"""Query role → the cell text, in the order cells list them."""

LEADING_COLUMNS = ("agency", "jurisdiction")
COUNT_COLUMN = "tasks"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


@dataclass(frozen=True)
class MatrixColumn:
    """One document of the matrix and the heading it is shown under."""

    document: URIRef
    heading: str


@dataclass(frozen=True)
class MatrixRow:
    """One agency: its roles per column (``""`` when none) and how many tasks it takes part in."""

    agency: URIRef
    label: str
    jurisdiction: str
    cells: tuple[str, ...]
    tasks: int


@dataclass(frozen=True)
class Matrix:
    """Agencies × documents, each cell the roles the agency holds in that document's tasks."""

    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]

    def header(self) -> tuple[str, ...]:
        """``agency``, ``jurisdiction``, one heading per document, ``tasks``."""
        return (*LEADING_COLUMNS, *(c.heading for c in self.columns), COUNT_COLUMN)

    def cell(self, agency: URIRef, document: URIRef) -> str:
        """The roles ``agency`` holds in ``document``'s tasks, ``""`` when none.

        Raises
        ------
        KeyError
            ``agency`` is not a row or ``document`` not a column of the matrix.
        """
        row = next((r for r in self.rows if r.agency == agency), None)
        index = next((i for i, c in enumerate(self.columns) if c.document == document), None)
        if row is None or index is None:
            raise KeyError(f"no cell for {agency!s} in {document!s}")
        return row.cells[index]


@dataclass(frozen=True)
class _Fact:
    """One row of the named query: an agency's role in one task of one document."""

    agency: URIRef
    label: str
    jurisdiction: str
    document: URIRef
    number: str
    title: str
    date: str
    doc_jurisdiction: str
    role: str
    task: str


def _text(row: Mapping[str, Term | None], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value)


def _facts(rows: Iterable[Mapping[str, Term | None]]) -> list[_Fact]:
    facts = []
    for row in rows:
        agency, document = row.get("agency"), row.get("doc")
        if not isinstance(agency, URIRef) or not isinstance(document, URIRef):
            continue
        facts.append(
            _Fact(
                agency=agency,
                label=_text(row, "label") or str(agency),
                jurisdiction=_text(row, "jurisdiction"),
                document=document,
                number=_text(row, "number"),
                title=_text(row, "title"),
                date=_text(row, "date"),
                doc_jurisdiction=_text(row, "doc_jurisdiction"),
                role=_text(row, "role"),
                task=_text(row, "task"),
            )
        )
    return facts


def _matching_agency(facts: list[_Fact], agency: str) -> list[_Fact]:
    """The facts of the agencies ``agency`` names: their IRI, or a part of their label (accents ignored)."""
    wanted = fold(agency).strip()
    kept = [f for f in facts if str(f.agency) == agency or (wanted and wanted in fold(f.label))]
    if not kept:
        raise ResolveError("no agency with tasks in the store matches this name", agency)
    return kept


def _columns(facts: list[_Fact]) -> tuple[MatrixColumn, ...]:
    """One column per document, by date then heading; clashing headings get the jurisdiction, then the IRI."""
    documents = {f.document: f for f in facts}
    ordered = sorted(
        documents.values(), key=lambda f: (f.date == "", f.date, f.number or f.title, f.document)
    )
    headings = [f.number or f.title or str(f.document) for f in ordered]
    for extra in ([f" ({f.doc_jurisdiction})" for f in ordered], [f" <{f.document}>" for f in ordered]):
        clashing = {h for h in headings if headings.count(h) > 1}
        headings = [h + e if h in clashing else h for h, e in zip(headings, extra, strict=True)]
    return tuple(MatrixColumn(f.document, h) for f, h in zip(ordered, headings, strict=True))


def _rows(facts: list[_Fact], columns: tuple[MatrixColumn, ...]) -> tuple[MatrixRow, ...]:
    roles: dict[URIRef, dict[URIRef, set[str]]] = defaultdict(lambda: defaultdict(set))
    tasks: dict[URIRef, set[str]] = defaultdict(set)
    first: dict[URIRef, _Fact] = {}
    for fact in facts:
        roles[fact.agency][fact.document].add(fact.role)
        tasks[fact.agency].add(fact.task)
        first.setdefault(fact.agency, fact)
    rows = []
    for agency, fact in first.items():
        cells = tuple(
            "; ".join(label for role, label in ROLE_LABELS.items() if role in roles[agency][c.document])
            for c in columns
        )
        rows.append(MatrixRow(agency, fact.label, fact.jurisdiction, cells, len(tasks[agency])))
    return tuple(sorted(rows, key=lambda r: (fold(r.label), fold(r.jurisdiction), r.agency)))


def responsibility_matrix(store: Store, *, agency: str | None = None, doc: URIRef | None = None) -> Matrix:
    """The responsibility matrix of the store, or of one agency or one document.

    Parameters
    ----------
    store
        An open store.
    agency
        Keep only the agencies this IRI or name names (a part of the label, accents ignored).
    doc
        Keep only the tasks this document assigns (a single column).

    Returns
    -------
    Matrix
        Rows sorted by agency label then jurisdiction; columns by document date.

    Raises
    ------
    ResolveError
        ``agency`` names no agency that takes part in a task.
    """
    params: dict[str, Term] = {} if doc is None else {"doc": doc}
    facts = _facts(run_named(store, "responsibility_matrix", params).rows)
    if agency is not None:
        facts = _matching_agency(facts, agency)
    columns = _columns(facts)
    return Matrix(columns, _rows(facts, columns))


def _cell(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def matrix_csv(matrix: Matrix) -> bytes:
    """The matrix as CSV bytes: ``utf-8-sig`` (a BOM for Excel), CRLF lines, a header row."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([_cell(name) for name in matrix.header()])
    for row in matrix.rows:
        writer.writerow([_cell(row.label), _cell(row.jurisdiction), *row.cells, row.tasks])
    return text.getvalue().encode("utf-8-sig")


def write_matrix_csv(matrix: Matrix, out: Path | BinaryIO) -> int:
    """Write :func:`matrix_csv` to the file ``out`` or the binary stream ``out``; return the bytes written."""
    data = matrix_csv(matrix)
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
    return len(data)
