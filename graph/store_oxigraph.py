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

An on-disk store keeps its lineage index (:mod:`graph.lineage_index`, the
SQLite file ``<store>.lineage.sqlite`` beside it) in step: every write
(``replace_graph(s)``, ``bulk_replace``, ``load_nquads``, ``remove_graph``) marks
it dirty, writes the store, then replaces the index rows of exactly the graphs
written; ``close`` records the store's fingerprint so readers know it is fresh.

Queries see the union of the named graphs as their default graph. Bindings are
passed as Oxigraph ``substitutions``; their semantics (pinned in
``tests/test_store_oxigraph.py``): a substituted variable must appear in the
projection (else :class:`QueryError`); triple patterns and ``FILTER``
expressions see its value; ``BIND(?param AS ?x)`` does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.lineage_index import LineageIndex, sidecar_path, store_fingerprint
from graph.oxigraph_terms import OxTerm, ToOxigraph, result_of, to_rdflib, update_request
from graph.store import Quad, QueryResult, Term
from loaders.errors import QueryError, StoreError, StoreLockedError

BATCH_TRIPLES = 50_000
"""``replace_graphs`` commits once per batch of about this many triples."""


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
        fresh = path is not None and not self.read_only and _index_fresh(path)
        self._store: ox.Store | None = ox.Store() if path is None else _open(path, self.read_only)
        self._convert = ToOxigraph()
        self._index: LineageIndex | None = None
        if path is not None and not self.read_only:
            try:
                self._index = LineageIndex.for_writer(path, fresh)
            except StoreError:
                self._store = None
                raise

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
        if not batch:
            return
        db = self._writable()
        with self._indexed({name.value: quads for name, quads in batch.items()}):
            self._commit_store(db, batch)

    def _commit_store(self, db: ox.Store, batch: dict[ox.NamedNode, list[ox.Quad]]) -> None:
        try:
            present = {name for name in batch if db.contains_named_graph(name)}
            fresh = [q for name, quads in batch.items() if name not in present for q in quads]
            if fresh:
                db.extend(fresh)
            for name in present:
                if not batch[name]:
                    db.remove_graph(name)
                    continue
                request = update_request(
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
        fresh: dict[str, list[ox.Quad]] = {}
        seen: set[ox.NamedNode] = set()
        for graph_iri, triples in items:
            name, quads = self._convert.iri(str(graph_iri)), self._quads(graph_iri, triples)
            if name in seen or db.contains_named_graph(name):
                self._bulk(fresh)
                fresh = {}
                self._commit({name: quads})
            else:
                fresh[name.value] = quads
            seen.add(name)
            if sum(map(len, fresh.values())) >= BATCH_TRIPLES:
                self._bulk(fresh)
                fresh = {}
        self._bulk(fresh)

    def _bulk(self, graphs: dict[str, list[ox.Quad]]) -> None:
        if not graphs:
            return
        with self._indexed(graphs):
            try:
                self._writable().bulk_extend([q for quads in graphs.values() for q in quads])
            except OSError as err:
                raise StoreError(f"write failed: {err}", subject=self.location) from err

    def load_nquads(self, documents: Sequence[tuple[str, bytes]], *, bulk: bool = False) -> None:
        """Replace the named graph of each ``(graph IRI, N-Quads bytes)`` by its quads.

        The documents already present are dropped (an index lookup each), then all
        the N-Quads are loaded in one transaction (with ``bulk``, Oxigraph's bulk
        loader: faster, not transactional). Each document's N-Quads must lie in
        its own graph. The lineage index is kept in step.

        Raises
        ------
        StoreError
            The store is read-only or refused the data.
        """
        if not documents:
            return
        db = self._writable()
        try:
            graphs = {
                iri: list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) if self._index else []
                for iri, data in documents
            }
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"invalid N-Quads: {err}", subject=self.location) from err
        with self._indexed(graphs):
            try:
                for iri in graphs:
                    name = ox.NamedNode(iri)
                    if db.contains_named_graph(name):  # cost independent of store size
                        db.remove_graph(name)
                data = b"".join(data for _, data in documents)
                if bulk:
                    db.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                else:
                    db.load(data, format=ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError, ValueError) as err:
                raise StoreError(f"write failed: {err}", subject=self.location) from err

    @contextmanager
    def _indexed(self, graphs: Mapping[str, list[ox.Quad]]) -> Iterator[None]:
        """Around a store write of ``graphs``: index dirty before, their rows replaced after."""
        index = self._writer_index()
        if index is None:
            yield
            return
        index.mark_dirty()
        yield
        index.replace(graphs)

    def _writer_index(self) -> LineageIndex | None:
        index = self._index
        if index is not None and index.stale:
            index.rebuild(self._db)
        return index

    def lineage_index(self) -> LineageIndex | None:
        """The up-to-date lineage index of an on-disk store, or None (in memory, or a writer elsewhere).

        A store opened for writing answers from its own index; a read-only one
        opens (and if needed rebuilds) ``<store>.lineage.sqlite`` once.
        """
        if self._index is not None or self.location == "memory:":
            return self._writer_index()
        try:
            self._index = LineageIndex.open(self.location, store=self._db)
        except StoreError:  # a writer holds it, or the folder is read-only: SPARQL answers instead
            return None
        return self._index

    def rebuild_lineage_index(self) -> LineageIndex:
        """Rebuild the lineage index of this on-disk store from its graphs (``policykg reindex``).

        Raises
        ------
        StoreError
            The store is in memory, or another process holds the index.
        """
        if self.location == "memory:":
            raise StoreError("an in-memory store has no lineage index", subject=self.location)
        if self._index is None:
            self._index = LineageIndex.for_writer(self.location, fresh=False)
        self._index.rebuild(self._db)
        return self._index

    def remove_graph(self, graph_iri: URIRef) -> None:
        """Drop one named graph (no error when absent)."""
        name = self._convert.iri(str(graph_iri))
        with self._indexed({name.value: []}):
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
            return result_of(answer)
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
        index, self._index = self._index, None
        try:
            if store is not None and not self.read_only and self.location != "memory:":
                try:
                    store.flush()
                except OSError as err:  # e.g. disk full: committed transactions are already in the log
                    raise StoreError(f"flush failed: {err}", subject=self.location) from err
        finally:
            del store  # RocksDB closes here: the files are final
            if index is not None:
                if not self.read_only and not index.stale:
                    index.record_fingerprint(store_fingerprint(self.location))
                index.close()


def _index_fresh(path: str) -> bool:
    """True when the store at ``path`` has a clean index matching its files (read before opening it)."""
    if not sidecar_path(path).exists():
        return not Path(path).exists()  # a new store starts with an empty, fresh index
    try:
        index = LineageIndex.connect(path)
    except StoreError:  # unreadable: the writer starts it again
        return False
    try:
        return index.is_fresh(path)
    finally:
        index.close()
