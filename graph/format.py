"""Render query results and listings as a text table, JSON or CSV.

Every listing of the CLI goes through :func:`render`, whose input is a list of
column names and a list of rows (mappings from column to value). Values may be
rdflib terms, plain Python values or None:

- ``table``: aligned columns for a person, long cells cut with "…";
- ``json``: a list of objects a script can parse, Vietnamese kept as is
  (``ensure_ascii=False``); typed literals become JSON numbers or booleans;
- ``csv``: a header row, then one row per result. :func:`write_output` writes a
  file in ``utf-8-sig`` so Excel shows Vietnamese intact.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral

from graph.store import QueryResult

if TYPE_CHECKING:
    from graph.traversal import Lineage, LineageEdge

OutputFormat = Literal["table", "json", "csv"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("table", "json", "csv")
MAX_CELL_WIDTH = 60
"""Table cells longer than this are cut (JSON and CSV keep everything)."""

Row = Mapping[str, object]


def plain_value(value: object) -> object:
    """A JSON-ready value: IRIs and text as str, numeric and boolean literals as numbers/booleans.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> plain_value(Literal(3)), plain_value(URIRef("https://x.org/a")), plain_value(None)
    (3, 'https://x.org/a', None)
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, RdfLiteral):
        python = value.toPython()
        if isinstance(python, Decimal):
            return int(python) if python == python.to_integral_value() else float(python)
        if isinstance(python, bool | int | float):
            return python
        return str(value)
    if isinstance(value, URIRef | BNode):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    return str(value)


def cell_text(value: object) -> str:
    """The text of one cell: "" for None, values of a list joined with "; "."""
    plain = plain_value(value)
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return "true" if plain else "false"
    if isinstance(plain, list):
        return "; ".join(cell_text(v) for v in plain)
    return " ".join(str(plain).split())


def render(columns: Sequence[str], rows: Sequence[Row], fmt: str) -> str:
    """Render rows in ``fmt``; the text ends with a newline unless it is empty.

    Examples
    --------
    >>> render(["n", "label"], [{"n": 1, "label": "Sở Xây dựng"}], "csv").splitlines()
    ['n,label', '1,Sở Xây dựng']
    """
    if fmt == "json":
        return render_json([{c: plain_value(row.get(c)) for c in columns} for row in rows])
    if fmt == "csv":
        return render_csv(columns, rows)
    if fmt == "table":
        return render_table(columns, rows)
    raise ValueError(f"Unexpected output format: {fmt!r}")


def render_json(data: object) -> str:
    """Indented JSON, Vietnamese kept readable, newline-terminated."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """CSV with a header row (``\\r\\n`` line ends, as the csv module and Excel expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
    return buffer.getvalue()


def render_table(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """Aligned columns under a header and a rule; "(no results)" when there are no rows."""
    if not rows:
        return "(no results)\n"
    cells = [[_cut(cell_text(row.get(c))) for c in columns] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [_line(list(columns), widths), _line(["-" * w for w in widths], widths)]
    lines.extend(_line(r, widths) for r in cells)
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)]
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """Display width: combining marks take no column (text is NFC, so this is rare)."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def _cut(text: str, limit: int = MAX_CELL_WIDTH) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def result_rows(result: QueryResult) -> tuple[list[str], list[dict[str, object]]]:
    """Columns and rows of any query result: SELECT rows, an ASK boolean, or CONSTRUCT triples."""
    if result.kind == "select":
        return list(result.variables), [dict(row) for row in result.rows]
    if result.kind == "ask":
        return ["boolean"], [{"boolean": bool(result.boolean)}]
    if result.kind == "graph":
        return ["subject", "predicate", "object"], _triple_rows(result.graph)
    raise ValueError(f"Unexpected result kind: {result.kind!r}")


def _triple_rows(graph: Graph | None) -> list[dict[str, object]]:
    if graph is None:
        return []
    return [{"subject": s, "predicate": p, "object": o} for s, p, o in sorted(graph)]


def render_result(result: QueryResult, fmt: str) -> str:
    """Render a :class:`QueryResult`; an ASK answer in JSON is ``{"boolean": true}``."""
    columns, rows = result_rows(result)
    if fmt == "json" and result.kind == "ask":
        return render_json({"boolean": bool(result.boolean)})
    return render(columns, rows, fmt)


def write_output(text: str, path: str | Path, fmt: str) -> None:
    """Write rendered output to a file; CSV gets a byte-order mark so Excel reads it as UTF-8."""
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    with Path(path).open("w", encoding=encoding, newline="") as handle:
        handle.write(text)


# --------------------------------------------------------------------------- lineage trees

SENTENCE_WIDTH = 200
"""Evidence sentences longer than this are cut in trees."""
TITLE_WIDTH = 70


def render_lineage_tree(lineage: Lineage) -> str:
    """An indented tree: the root, what it rests on (up), what implements it (down).

    Each child line names the document; the line under it names the edge's
    predicate and quotes the sentence it was read from (and which document says
    so, when that is not the document on the edge's left).
    """
    lines = [_node_line(lineage, lineage.root)]
    for way, heading in (("up", "↑ rests on / implements"), ("down", "↓ implemented by / rests on it")):
        if lineage.direction not in (way, "both"):
            continue
        children = _children(lineage, lineage.root, way)
        lines.append(heading if children else f"{heading}: nothing in the store")
        _branch(lineage, lineage.root, way, "", {lineage.root}, lines)
    return "\n".join(lines) + "\n"


def _children(lineage: Lineage, iri: str, way: str) -> list[LineageEdge]:
    """Edges leading one step further from ``iri`` in direction ``way``."""
    if way == "up":
        edges = [e for e in lineage.edges_from(iri) if _level(lineage, e.target) > 0]
        return sorted(edges, key=lambda e: (_order(lineage, e.target), e.predicate))
    edges = [e for e in lineage.edges_to(iri) if _level(lineage, e.source) < 0]
    return sorted(edges, key=lambda e: (_order(lineage, e.source), e.predicate))


def _order(lineage: Lineage, iri: str) -> tuple[str, str]:
    """Siblings in date order, then by number."""
    try:
        node = lineage.node(iri)
    except KeyError:
        return ("", iri)
    return (node.date or "", node.number or iri)


def _level(lineage: Lineage, iri: str) -> int:
    try:
        return lineage.node(iri).level
    except KeyError:
        return 0


def _branch(lineage: Lineage, iri: str, way: str, indent: str, path: set[str], lines: list[str]) -> None:
    children = _children(lineage, iri, way)
    for index, edge in enumerate(children):
        last = index == len(children) - 1
        child = edge.target if way == "up" else edge.source
        lines.append(indent + ("└── " if last else "├── ") + _node_line(lineage, child))
        below = indent + ("    " if last else "│   ")
        lines.extend(below + "    " + text for text in _evidence_lines(lineage, edge))
        if child in path:
            lines.append(below + "    (cycle: already shown above)")
            continue
        _branch(lineage, child, way, below, path | {child}, lines)


def _node_line(lineage: Lineage, iri: str) -> str:
    try:
        node = lineage.node(iri)
    except KeyError:
        return iri
    name = node.number or node.label or ("(no number)" if node.ingested or node.level == 0 else iri)
    details = [
        d for d in (node.doc_type, node.date, _cut(" ".join((node.title or "").split()), TITLE_WIDTH)) if d
    ]
    suffix = "" if node.ingested or node.level == 0 else "  [cited, not ingested]"
    return f"{name}  " + " · ".join(details) + suffix if details else name + suffix


def _evidence_lines(lineage: Lineage, edge: LineageEdge) -> list[str]:
    if not edge.assertions:
        return [f"{edge.predicate}"]
    lines = []
    for assertion in edge.assertions:
        sentence = _cut(" ".join((assertion.sentence or "").split()), SENTENCE_WIDTH)
        said_by = (
            ""
            if assertion.source == edge.source
            else f" (stated by {_short_name(lineage, assertion.source)})"
        )
        lines.append(f"{edge.predicate}{said_by}: “{sentence}”" if sentence else f"{edge.predicate}{said_by}")
    return lines


def _short_name(lineage: Lineage, iri: str) -> str:
    try:
        node = lineage.node(iri)
    except KeyError:
        return iri
    return node.number or node.label or iri
