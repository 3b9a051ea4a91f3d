"""Results of the SPARQL endpoint: the media type to answer with, and the answer's bytes.

:func:`negotiate` picks the media type from ``Accept`` and the query form;
:func:`render` serialises a :class:`graph.store.QueryResult` as that type (or
as an escaped HTML table for the query page), refusing answers past the row cap
with 413. :func:`error_answer` is the plain-text answer every refusal uses.
"""

from __future__ import annotations

import html

from rdflib import Graph, URIRef, Variable
from rdflib import Literal as RdfLiteral
from rdflib.query import Result

from graph.store import QueryResult, Term

JSON, XML = "application/sparql-results+json", "application/sparql-results+xml"
CSV, TSV, TEXT, HTML = "text/csv", "text/tab-separated-values", "text/plain", "text/html"
TURTLE, NTRIPLES = "text/turtle", "application/n-triples"
SELECT_MEDIA = {JSON: JSON, "application/json": JSON, XML: XML, "application/xml": XML, "text/xml": XML}
SELECT_MEDIA |= {CSV: CSV, TSV: TSV}
ASK_MEDIA = {k: v for k, v in SELECT_MEDIA.items() if v in (JSON, XML)}
GRAPH_MEDIA = {TURTLE: TURTLE, NTRIPLES: NTRIPLES, "application/ld+json": "application/ld+json"}
GRAPH_MEDIA |= {"application/rdf+xml": "application/rdf+xml"}
RDFLIB_FORMATS = {JSON: "json", XML: "xml", CSV: "csv", TURTLE: "turtle", NTRIPLES: "nt"}
RDFLIB_FORMATS |= {"application/ld+json": "json-ld", "application/rdf+xml": "xml"}

Answer = tuple[int, str, bytes]
"""HTTP status, media type and body of one response."""


def error_answer(status: int, message: str) -> Answer:
    return status, TEXT, (" ".join(message.split()) + "\n").encode("utf-8")


def negotiate(accept: str, form: str) -> str:
    """The media type to answer with, from ``Accept`` and the query form."""
    is_graph = form in ("ConstructQuery", "DescribeQuery")
    table = GRAPH_MEDIA if is_graph else ASK_MEDIA if form == "AskQuery" else SELECT_MEDIA
    default = TURTLE if is_graph else JSON
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (piece.strip().lower() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((-quality, position, media))
    for negative_quality, _, media in sorted(ranges):
        if negative_quality < 0 and media in table:
            return table[media]
        if negative_quality < 0 and media in ("*/*", "application/*"):
            return default
    return default


def _cell_text(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, RdfLiteral) and term.language:
        return f"{term}@{term.language}"
    return str(term)


def _html_table(variables: tuple[str, ...], rows: list[tuple[Term | None, ...]]) -> bytes:
    """An escaped HTML table of result rows."""
    head = "".join(f"<th>?{html.escape(v)}</th>" for v in variables)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell_text(t))}</td>" for t in row) + "</tr>\n" for row in rows
    )
    count = f'<p class="count">{len(rows)} row{"s" if len(rows) != 1 else ""}</p>'
    return f"{count}<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>".encode()


def _tsv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, RdfLiteral):
        escaped = str(term).replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        suffix = f"@{term.language}" if term.language else f"^^<{term.datatype}>" if term.datatype else ""
        return f'"{escaped}"{suffix}'
    return f"<{term}>" if isinstance(term, URIRef) else f"_:{term}"


def render(result: QueryResult, media: str, max_rows: int) -> Answer:
    """Serialise ``result`` as ``media``; 413 past ``max_rows`` rows or triples."""
    too_many = error_answer(413, f"the answer has more than {max_rows} rows; add a LIMIT or narrow the query")
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else Graph()
        if len(graph) > max_rows:
            return too_many
        if media == HTML:
            return 200, HTML, _html_table(("subject", "predicate", "object"), sorted(graph))  # type: ignore[arg-type]
        return 200, media, graph.serialize(format=RDFLIB_FORMATS[media], encoding="utf-8")
    answer = Result("ASK" if result.kind == "ask" else "SELECT")
    if result.kind == "ask":
        answer.askAnswer = bool(result.boolean)
        if media == HTML:
            return 200, HTML, f"<p>{'true' if result.boolean else 'false'}</p>".encode()
        return 200, media, answer.serialize(format=RDFLIB_FORMATS[media])  # type: ignore[return-value]
    if len(result.rows) > max_rows:
        return too_many
    rows = [tuple(row.get(v) for v in result.variables) for row in result.rows]
    if media == HTML:
        return 200, HTML, _html_table(result.variables, rows)
    if media == TSV:
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join(_tsv_term(t) for t in row) for row in rows]
        return 200, TSV, ("\n".join(lines) + "\n").encode("utf-8")
    answer.vars = [Variable(v) for v in result.variables]
    answer.bindings = [{Variable(k): t for k, t in row.items() if t is not None} for row in result.rows]
    return 200, media, answer.serialize(format=RDFLIB_FORMATS[media])  # type: ignore[return-value]
