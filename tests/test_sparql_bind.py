"""``graph.sparql_bind``: only validated terms are written, and bound values land first in the WHERE group."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from graph.sparql_bind import bind_variables, term_n3
from loaders.errors import QueryError

HOSTILE = [
    'x" } ; DROP ALL ; INSERT DATA { <urn:pwned> <urn:by> "x',
    "line\nbreak \\ and ''' and \"\"\" and } # comment",
    "Kế hoạch 146-KH/TU > } UNION { ?s ?p ?o }",
]


@pytest.mark.parametrize(
    "term",
    [
        URIRef("http://x/a> } DROP ALL { <y"),
        URIRef("http://x/a b"),
        Literal("5", datatype=URIRef("http://x/t> } DROP ALL { <y")),
        BNode(),
    ],
)
def test_unsafe_terms_are_refused(term: Any) -> None:
    with pytest.raises(QueryError):
        term_n3(term)


def test_blank_nodes_are_relabelled_for_writes() -> None:
    labels: dict[BNode, str] = {}
    first, second = BNode("x y } DROP ALL"), BNode("other")
    assert [term_n3(first, labels), term_n3(second, labels), term_n3(first, labels)] == [
        "_:b0",
        "_:b1",
        "_:b0",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://ex/a#where> SELECT ?s { ?s ex:where ?o }",
        "# a comment with { braces }\nSELECT ?s WHERE { ?s ?p ?o }",
        'SELECT ?s (EXISTS { ?s ?p "}{" } AS ?e) WHERE { ?s ?p ?o }',
        "SELECT ?s ?where WHERE { ?s <http://x/where> ?where }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "ASK { ?s ?p ?o FILTER(?o < 3) }",
        "DESCRIBE ?s WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } } ORDER BY ?s LIMIT 5",
    ],
)
@pytest.mark.parametrize("value", [*HOSTILE, "ok"])
def test_bind_variables_places_values_first_in_the_where_group(query: str, value: str) -> None:
    bound = bind_variables(query, {"o": Literal(value, lang="vi"), "p": URIRef("http://x/p")})
    part = parseQuery(bound)[1]["where"]["part"]
    assert part[0].name == "InlineData"
    assert [str(v) for v in part[0]["var"]] == ["o", "p"]
    assert len(part) == len(parseQuery(query)[1]["where"]["part"]) + 1


@pytest.mark.parametrize(
    ("query", "bindings"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", {"o": Literal("x")}),
        ("DESCRIBE <http://x/a>", {"o": Literal("x")}),
        ("SELECT * WHERE { ?s ?p ?o }", {"o } DROP": Literal("x")}),
        ("SELECT * WHERE { ?s ?p ?o }", {"o": BNode()}),
        ("INSERT DATA { <urn:a> <urn:b> ?o }", {"o": Literal("x")}),
        ("SELECT * WHERE { ?s ?p ?o ", {"o": Literal("x")}),
    ],
)
def test_bind_variables_refuses(query: str, bindings: dict[str, Any]) -> None:
    with pytest.raises(QueryError):
        bind_variables(query, bindings)


def test_bind_variables_without_bindings_sends_the_text_as_is() -> None:
    assert bind_variables("SELECT * WHERE { ?s ?p ?o }", {}) == "SELECT * WHERE { ?s ?p ?o }"


LITERALS = st.one_of(
    st.builds(Literal, st.text()),
    st.builds(lambda t: Literal(t, lang="vi"), st.text()),
    st.builds(lambda t: Literal(t, datatype=XSD.string), st.text()),
    st.integers().map(Literal),
)


@settings(max_examples=400, deadline=None)
@given(value=LITERALS)
def test_any_literal_binds_as_data(value: Literal) -> None:
    graph = Graph()
    graph.add((URIRef("urn:a"), URIRef("urn:p"), value))
    graph.add((URIRef("urn:b"), URIRef("urn:p"), Literal("decoy")))
    bound = bind_variables("SELECT ?s WHERE { ?s <urn:p> ?o }", {"o": value})
    assert [row[0] for row in graph.query(bound)] == [URIRef("urn:a")]  # type: ignore[index]
