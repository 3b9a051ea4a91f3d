"""``graph.serve_results``: content negotiation and the serialised answers."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef

from graph.serve_results import HTML, JSON, TSV, TURTLE, negotiate, render
from graph.store import QueryResult, Term


@pytest.mark.parametrize(
    ("accept", "form", "media"),
    [
        ("", "SelectQuery", "application/sparql-results+json"),
        ("text/csv", "SelectQuery", "text/csv"),
        ("text/tab-separated-values", "SelectQuery", "text/tab-separated-values"),
        ("application/sparql-results+xml", "SelectQuery", "application/sparql-results+xml"),
        ("text/csv;q=0.5, application/sparql-results+xml", "SelectQuery", "application/sparql-results+xml"),
        ("text/html, */*;q=0.1", "SelectQuery", "application/sparql-results+json"),
        ("text/csv", "AskQuery", "application/sparql-results+json"),
        ("", "ConstructQuery", "text/turtle"),
        ("application/n-triples", "ConstructQuery", "application/n-triples"),
        ("application/sparql-results+json", "DescribeQuery", "text/turtle"),
        ("text/csv;q=0", "SelectQuery", "application/sparql-results+json"),
    ],
)
def test_negotiate(accept: str, form: str, media: str) -> None:
    assert negotiate(accept, form) == media


A = URIRef("urn:a")
NOTE = Literal('dòng "một"\tvà\nhai', lang="vi")


def _select(*rows: dict[str, Term | None]) -> QueryResult:
    return QueryResult(kind="select", variables=("s", "o"), rows=rows)


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        (TSV, '?s\t?o\n<urn:a>\t"dòng \\"một\\"\\tvà\\nhai"@vi\n<urn:a>\t\n'),
        (HTML, "<td>dòng &quot;một&quot;\tvà\nhai@vi</td>"),
    ],
)
def test_render_select_escapes_each_cell(media: str, expected: str) -> None:
    status, answered, body = render(_select({"s": A, "o": NOTE}, {"s": A, "o": None}), media, 10)
    assert (status, answered) == (200, media)
    assert expected in body.decode("utf-8")


def test_render_select_json_keeps_vietnamese() -> None:
    _, _, body = render(_select({"s": A, "o": NOTE}), JSON, 10)
    cell = json.loads(body)["results"]["bindings"][0]["o"]
    assert (cell["value"], cell["xml:lang"]) == (str(NOTE), "vi")


@pytest.mark.parametrize(
    "result",
    [
        _select(*(dict[str, Term | None](s=URIRef(f"urn:{i}"), o=None) for i in range(3))),
        QueryResult(kind="graph", graph=Graph().parse(data="<urn:a> <urn:p> 1, 2, 3 .", format="turtle")),
    ],
)
def test_render_refuses_answers_past_the_row_cap(result: QueryResult) -> None:
    status, media, body = render(result, JSON if result.kind == "select" else TURTLE, 2)
    assert (status, media) == (413, "text/plain")
    assert b"more than 2 rows" in body


def test_render_ask() -> None:
    status, media, body = render(QueryResult(kind="ask", boolean=True), JSON, 1)
    assert (status, media, json.loads(body)["boolean"]) == (200, JSON, True)
