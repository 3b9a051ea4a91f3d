"""Term conversion between rdflib and pyoxigraph, and the texts built from pyoxigraph terms.

The store speaks rdflib terms (:mod:`graph.store`); Oxigraph speaks its own. Both
directions cache IRIs (predicates, classes, agencies repeat across documents and
rows). SPARQL Update texts are written by Oxigraph's own N-Triples serialiser
from validated terms, never by formatting document strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef

from graph.store import QueryResult, Term

IRI_CACHE_SIZE = 100_000
"""Converted IRIs kept for reuse (predicates, classes, agencies repeat across documents)."""

_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = str(XSD.string)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


class ToOxigraph:
    """Converts rdflib terms to pyoxigraph terms, caching IRIs (they repeat a lot)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._iris.get(value)
        if node is None:
            if len(self._iris) >= IRI_CACHE_SIZE:
                self._iris.clear()
            node = self._iris[value] = ox.NamedNode(value)
        return node

    def term(self, term: Any) -> OxTerm:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=self.iri(str(term.datatype)))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise ValueError(f"Unexpected term: {term!r}")

    def quad(self, s: Any, p: Any, o: Any, graph: ox.NamedNode) -> ox.Quad:
        subject = self.term(s)
        if isinstance(subject, ox.Literal) or not isinstance(p, URIRef):
            raise ValueError(f"Unexpected triple: {(s, p, o)!r}")
        return ox.Quad(subject, self.iri(str(p)), self.term(o), graph)


_RDFLIB_TERMS: dict[Any, Term] = {}
"""pyoxigraph term -> rdflib term, for IRIs and short literals (they repeat across rows and queries)."""
_CACHED_LITERAL_CHARS = 200


def to_rdflib(term: Any) -> Term:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals).

    Conversions of IRIs, blank nodes and literals up to :data:`_CACHED_LITERAL_CHARS`
    characters are cached (at most :data:`IRI_CACHE_SIZE`): building an rdflib
    ``Literal`` costs more than answering most indexed queries.
    """
    converted = _RDFLIB_TERMS.get(term)
    if converted is None:
        converted = _convert_to_rdflib(term)
        if not isinstance(converted, Literal) or len(converted) <= _CACHED_LITERAL_CHARS:
            if len(_RDFLIB_TERMS) >= IRI_CACHE_SIZE:
                _RDFLIB_TERMS.clear()
            _RDFLIB_TERMS[term] = converted
    return converted


def _convert_to_rdflib(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise ValueError(f"Unexpected term: {term!r}")


def triples_text(quads: Iterable[ox.Quad]) -> str:
    """N-Triples of ``quads`` written by Oxigraph's serialiser (terms are escaped, never spliced)."""
    return (ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b"").decode()


def update_request(name: ox.NamedNode, old: list[ox.Quad], new: list[ox.Quad]) -> str:
    """One SPARQL Update request turning graph ``name`` from ``old`` into ``new`` ("" if equal).

    Without blank nodes only the difference is written (re-ingesting an
    unchanged document writes nothing); with blank nodes the graph is dropped
    and filled again. Either way it is one request, so one transaction.
    """
    blank = any(isinstance(t, ox.BlankNode) for q in (*old, *new) for t in (q.subject, q.object))
    if blank:
        return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples_text(new)}}} }}"
    before, after = set(old), set(new)
    parts = []
    if before - after:
        parts.append(f"DELETE DATA {{ GRAPH {name} {{\n{triples_text(before - after)}}} }}")
    if after - before:
        parts.append(f"INSERT DATA {{ GRAPH {name} {{\n{triples_text(after - before)}}} }}")
    return " ;\n".join(parts)


def result_of(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(
            {
                name: None if value is None else to_rdflib(value)
                for name, value in zip(names, row, strict=True)
            }
            for row in answer
        )
        return QueryResult("select", variables=names, rows=rows)
    graph = Graph()
    for triple in answer:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return QueryResult("graph", graph=graph)
