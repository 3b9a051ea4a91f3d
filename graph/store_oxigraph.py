"""The embedded store: Oxigraph (pyoxigraph) on disk or in memory.

Writes are atomic per graph. A graph not yet in the store is added with
``Store.extend`` (one transaction); a graph already present is changed by one
SPARQL Update request (``DELETE DATA … ; INSERT DATA …`` with only the
difference, or ``DROP`` + ``INSERT DATA`` when blank nodes prevent a diff),
which Oxigraph applies in a single transaction, so a crash leaves either the
old or the new document, never half of one. The update text is produced by Oxigraph's own
N-Triples serialiser from validated terms (an IRI containing ``>`` or a space
is refused by ``NamedNode``), never by formatting document strings, so a
document cannot inject update operations.

Queries see the union of the named graphs as their default graph. Bindings are
passed as Oxigraph ``substitutions``; their semantics (pinned in
``tests/test_store_oxigraph.py``): a substituted variable must appear in the
projection (else :class:`QueryError`); triple patterns and ``FILTER``
expressions see its value; ``BIND(?param AS ?x)`` does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.store import Quad, QueryResult, Term
from loaders.errors import QueryError, StoreError, StoreLockedError

BATCH_TRIPLES = 50_000
"""``replace_graphs`` commits once per batch of about this many triples."""

IRI_CACHE_SIZE = 100_000
"""Converted IRIs kept for reuse (predicates, classes, agencies repeat across documents)."""

_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = str(XSD.string)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


class _ToOxigraph:
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


def to_rdflib(term: Any) -> Term:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals)."""
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


def _open(path: str, read_only: bool) -> ox.Store:
    if read_only and not Path(path).is_dir():
        raise StoreError("no store at this path", subject=path)
    try:
        return ox.Store.read_only(path) if read_only else ox.Store(path)
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreLockedError("store is locked by another process", subject=path) from err
        raise StoreError(f"cannot open store: {err}", subject=path) from err


class OxigraphStore:
    """A :class:`graph.store.Store` backed by pyoxigraph.

    Parameters
    ----------
    path
        Directory of the on-disk store (created when missing), or None for memory.
    read_only
        Open an existing on-disk store for reading only; it may be shared with a writer.

    Raises
    ------
    StoreLockedError
        Another process has the store open for writing.
    StoreError
        The path cannot be opened as a store.
    """

    def __init__(self, path: str | None, read_only: bool = False) -> None:
        self.location = path or "memory:"
        self.read_only = read_only and path is not None
        self._store: ox.Store | None = ox.Store() if path is None else _open(path, self.read_only)
        self._convert = _ToOxigraph()

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError("store is closed", subject=self.location)
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError("store is opened read-only", subject=self.location)
        return self._db

    def _quads(self, graph_iri: URIRef, triples: Graph) -> list[ox.Quad]:
        try:
            name = self._convert.iri(str(graph_iri))
            quad = self._convert.quad
            return [quad(s, p, o, name) for s, p, o in triples]
        except (ValueError, TypeError) as err:
            raise StoreError(f"invalid RDF term: {err}", subject=str(graph_iri)) from err

    def _commit(self, batch: dict[ox.NamedNode, list[ox.Quad]]) -> None:
        """Write a batch: new graphs with one ``extend``, each present one with one update request."""
        db = self._writable()
        try:
            present = {name for name in batch if db.contains_named_graph(name)}
            fresh = [q for name, quads in batch.items() if name not in present for q in quads]
            if fresh:
                db.extend(fresh)
            for name in present:
                if not batch[name]:
                    db.remove_graph(name)
                    continue
                request = _update_request(
                    name, list(db.quads_for_pattern(None, None, None, name)), batch[name]
                )
                if request:
                    db.update(request)
        except (OSError, SyntaxError) as err:
            raise StoreError(f"write failed: {err}", subject=self.location) from err

    def replace_graph(self, graph_iri: URIRef, triples: Graph) -> None:
        """Replace the named graph ``graph_iri`` with ``triples`` in one transaction."""
        self._writable()
        self._commit({self._convert.iri(str(graph_iri)): self._quads(graph_iri, triples)})

    def replace_graphs(self, items: Iterable[tuple[URIRef, Graph]]) -> None:
        """Replace many graphs, committing about :data:`BATCH_TRIPLES` triples per transaction.

        A graph is never split across transactions (a later item for the same
        graph wins). An invalid graph raises :class:`StoreError` after the
        graphs before it are committed.
        """
        self._writable()
        batch: dict[ox.NamedNode, list[ox.Quad]] = {}
        size = 0
        for graph_iri, triples in items:
            try:
                quads = self._quads(graph_iri, triples)
            except StoreError:
                self._commit(batch)
                raise
            batch[self._convert.iri(str(graph_iri))] = quads
            size += len(quads)
            if size >= BATCH_TRIPLES:
                self._commit(batch)
                batch, size = {}, 0
        self._commit(batch)

    def bulk_replace(self, items: Iterable[tuple[URIRef, Graph]]) -> None:
        """Fast load of many graphs, trading atomicity of *new* graphs for speed.

        Graphs not yet in the store go through Oxigraph's bulk loader
        (``bulk_extend``, several times faster on disk but not transactional:
        a crash can leave part of them; re-running the same ingest repairs it,
        since replacing is idempotent). Graphs already present are replaced
        transactionally as by :meth:`replace_graphs`.
        """
        db = self._writable()
        fresh: list[ox.Quad] = []
        seen: set[ox.NamedNode] = set()
        for graph_iri, triples in items:
            name, quads = self._convert.iri(str(graph_iri)), self._quads(graph_iri, triples)
            if name in seen or db.contains_named_graph(name):
                self._bulk(fresh)
                fresh = []
                self._commit({name: quads})
            else:
                fresh.extend(quads)
            seen.add(name)
            if len(fresh) >= BATCH_TRIPLES:
                self._bulk(fresh)
                fresh = []
        self._bulk(fresh)

    def _bulk(self, quads: list[ox.Quad]) -> None:
        try:
            if quads:
                self._writable().bulk_extend(quads)
        except OSError as err:
            raise StoreError(f"write failed: {err}", subject=self.location) from err

    def remove_graph(self, graph_iri: URIRef) -> None:
        """Drop one named graph (no error when absent)."""
        name = self._convert.iri(str(graph_iri))
        try:
            if self._writable().contains_named_graph(name):
                self._writable().remove_graph(name)
        except OSError as err:
            raise StoreError(f"write failed: {err}", subject=self.location) from err

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run SPARQL over the union of the named graphs, with ``bindings`` substituted.

        Raises
        ------
        QueryError
            The query is malformed, or a bound variable is not in its projection.
        """
        try:
            substitutions: dict[ox.Variable, OxTerm | ox.Triple] = {
                ox.Variable(name): self._convert.term(value) for name, value in (bindings or {}).items()
            }
            answer = self._db.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
            return _result(answer)
        except (SyntaxError, RuntimeError, ValueError) as err:
            raise QueryError(" ".join(str(err).split())) from err
        except OSError as err:
            raise StoreError(f"query failed: {err}", subject=self.location) from err

    def quads(self) -> Iterator[Quad]:
        """Every quad in the store, as rdflib terms."""
        for quad in self._db:
            graph = quad.graph_name
            name = DATASET_DEFAULT_GRAPH_ID if isinstance(graph, ox.DefaultGraph) else to_rdflib(graph)
            yield to_rdflib(quad.subject), URIRef(quad.predicate.value), to_rdflib(quad.object), name  # type: ignore[misc]

    def named_graphs(self) -> list[URIRef]:
        """The named graphs, sorted."""
        return sorted(URIRef(g.value) for g in self._db.named_graphs() if isinstance(g, ox.NamedNode))

    def triple_count(self) -> int:
        """Number of quads in the store."""
        return len(self._db)

    def close(self) -> None:
        """Flush and release the store (and its lock); later calls raise :class:`StoreError`."""
        store, self._store = self._store, None
        if store is not None and not self.read_only and self.location != "memory:":
            try:
                store.flush()
            except OSError as err:  # e.g. disk full: committed transactions are already in the log
                raise StoreError(f"flush failed: {err}", subject=self.location) from err


def _triples_text(quads: Iterable[ox.Quad]) -> str:
    """N-Triples of ``quads`` written by Oxigraph's serialiser (terms are escaped, never spliced)."""
    return (ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b"").decode()


def _update_request(name: ox.NamedNode, old: list[ox.Quad], new: list[ox.Quad]) -> str:
    """One SPARQL Update request turning graph ``name`` from ``old`` into ``new`` ("" if equal).

    Without blank nodes only the difference is written (re-ingesting an
    unchanged document writes nothing); with blank nodes the graph is dropped
    and filled again. Either way it is one request, so one transaction.
    """
    blank = any(isinstance(t, ox.BlankNode) for q in (*old, *new) for t in (q.subject, q.object))
    if blank:
        return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{_triples_text(new)}}} }}"
    before, after = set(old), set(new)
    parts = []
    if before - after:
        parts.append(f"DELETE DATA {{ GRAPH {name} {{\n{_triples_text(before - after)}}} }}")
    if after - before:
        parts.append(f"INSERT DATA {{ GRAPH {name} {{\n{_triples_text(after - before)}}} }}")
    return " ;\n".join(parts)


def _result(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(
            {name: None if row[name] is None else to_rdflib(row[name]) for name in names} for row in answer
        )
        return QueryResult("select", variables=names, rows=rows)
    graph = Graph()
    for triple in answer:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return QueryResult("graph", graph=graph)
