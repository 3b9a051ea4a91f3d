"""Term conversion between rdflib and pyoxigraph: types, datatypes and languages survive the caches."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import XSD, Literal, URIRef

from graph.oxigraph_terms import to_rdflib

EX = "http://example.org/"


def test_to_rdflib_refuses_unknown_terms() -> None:
    with pytest.raises(ValueError, match="Unexpected term"):
        to_rdflib(object())


XSD_NS = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (ox.Literal("12"), ox.Literal("12", datatype=ox.NamedNode(XSD_NS + "integer")),
         [Literal("12"), Literal("12", datatype=XSD.integer)]),
        (ox.Literal("1", datatype=ox.NamedNode(XSD_NS + "integer")), ox.Literal("1", datatype=ox.NamedNode(XSD_NS + "decimal")),
         [Literal("1", datatype=XSD.integer), Literal("1", datatype=XSD.decimal)]),
        (ox.Literal("x" * 500), ox.Literal("x" * 500, language="vi"), [Literal("x" * 500), Literal("x" * 500, lang="vi")]),
        (ox.NamedNode(EX + "a"), ox.Literal(EX + "a"), [URIRef(EX + "a"), Literal(EX + "a")]),
    ],
)  # fmt: skip
def test_cached_conversion_keeps_datatype_and_language_apart(
    first: object, second: object, expected: list[object]
) -> None:
    for _ in range(2):  # the second pass is answered from the conversion cache
        converted = [to_rdflib(first), to_rdflib(second)]
        assert converted == expected
        assert [type(t) for t in converted] == [type(t) for t in expected]
