"""The lineage index: a SQLite file kept beside an on-disk Oxigraph store.

Lineage in SPARQL costs a property-path query plus one ``document_card`` query
per node: seconds for a few thousand descendants. The index keeps, per source
document (named graph), the rows :mod:`graph.lineage_rows` reads from it: its
lineage relations and ``owl:sameAs`` links with their evidence, and what it
says of each document. Traversal is then a recursive SQL query, or a
breadth-first search over adjacency loaded once per process.

Where: ``<store dir>.lineage.sqlite``, a sibling of the store directory (never
inside RocksDB's directory).

Kept in step by :class:`graph.store_oxigraph.OxigraphStore`: every write replaces
the rows of exactly the graphs written. The store and SQLite cannot share a
transaction, so a writer marks the index ``dirty`` (committed) before a store
write and ``clean`` in the transaction that writes the rows after it; on close
it records a fingerprint of the store's files. A reader that finds the index
missing, dirty or with another fingerprint (a crash, or a store written by an
older version) rebuilds it from the store. A writer holds an exclusive
``flock`` on ``<sidecar>.lock`` while it is open, so a reader never rebuilds
under a live writer (it falls back to SPARQL instead).
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, NamedTuple, cast

import pyoxigraph as ox

from graph.lineage_rows import SAME_AS, EdgeRow, FactRow, graph_rows, store_quads_by_graph
from loaders.errors import StoreError

SCHEMA_VERSION = "1"
SUFFIX = ".lineage.sqlite"
LINEAGE_RELATIONS = ("implements", "based_on", "amends", "replaces", "repeals", "approves")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
  graph TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
  sentence TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS edges_subject ON edges (subject);
CREATE INDEX IF NOT EXISTS edges_object ON edges (object);
CREATE INDEX IF NOT EXISTS edges_graph ON edges (graph);
CREATE INDEX IF NOT EXISTS same_as_subject ON edges (subject) WHERE predicate = 'same_as';
CREATE INDEX IF NOT EXISTS same_as_object ON edges (object) WHERE predicate = 'same_as';
CREATE TABLE IF NOT EXISTS facts (
  graph TEXT NOT NULL, doc TEXT NOT NULL, number TEXT, title TEXT, type TEXT, date TEXT,
  issuer TEXT, label TEXT, is_document INTEGER NOT NULL, has_source INTEGER NOT NULL,
  is_mention INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS facts_doc ON facts (doc);
CREATE INDEX IF NOT EXISTS facts_graph ON facts (graph);
"""

# The closure of lineage_down.rq / lineage_up.rq: relations one way, owl:sameAs both ways.
_REACH_DOWN = """
WITH RECURSIVE reach(node) AS (
  SELECT ?
  UNION SELECT e.subject FROM reach JOIN edges e ON e.object = reach.node
  UNION SELECT e.object FROM reach JOIN edges e ON e.subject = reach.node AND e.predicate = 'same_as')
SELECT graph, subject, predicate, object, sentence, start, "end" FROM edges
WHERE object IN (SELECT node FROM reach)
"""
_REACH_UP = """
WITH RECURSIVE reach(node) AS (
  SELECT ?
  UNION SELECT e.object FROM reach JOIN edges e ON e.subject = reach.node
  UNION SELECT e.subject FROM reach JOIN edges e ON e.object = reach.node AND e.predicate = 'same_as')
SELECT graph, subject, predicate, object, sentence, start, "end" FROM edges
WHERE subject IN (SELECT node FROM reach)
"""
# document_card.rq over the facts rows: number and title prefer the document's own graph.
_CARDS = """
SELECT doc,
  COALESCE(MIN(CASE WHEN graph = doc THEN number END), MIN(number)),
  MIN(type),
  COALESCE(MIN(CASE WHEN graph = doc THEN title END), MIN(title)),
  MIN(date), MIN(issuer), MIN(label),
  MAX(graph = doc AND has_source), MAX(is_document)
FROM facts WHERE doc IN (SELECT value FROM json_each(?)) GROUP BY doc
"""


def sidecar_path(store_path: str | Path) -> Path:
    """Where the index of the on-disk store at ``store_path`` lives.

    Examples
    --------
    >>> sidecar_path("bench/out/store-10000/")
    PosixPath('bench/out/store-10000.lineage.sqlite')
    """
    path = Path(os.path.normpath(store_path))
    return path.with_name(path.name + SUFFIX)


def store_fingerprint(store_path: str | Path) -> str:
    """The names, sizes and times of the store's files (RocksDB's info logs left out)."""
    try:
        entries = sorted(
            f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}"
            for e in os.scandir(store_path)
            if not e.name.startswith("LOG")
        )
    except OSError:
        return ""
    return "|".join(entries)


class Card(NamedTuple):
    """What identifies a document for display (the columns of ``document_card.rq``)."""

    number: str | None
    type: str | None
    title: str | None
    date: str | None
    issuer: str | None
    label: str | None
    ingested: bool


class IndexBusyError(StoreError):
    """The index must be rebuilt but a writer holds it; use the store's SPARQL path meanwhile."""


class LineageIndex:
    """An open lineage index. Use :meth:`open` to read, :meth:`for_writer` from the store's writer."""

    def __init__(self, path: Path, connection: sqlite3.Connection, lock: IO[bytes] | None = None) -> None:
        self.path = path
        self._db = connection
        self._lock = lock
        self._adjacency: dict[tuple[frozenset[str], bool], dict[str, list[str]]] = {}
        self.stale = False
        """True for a writer's index that must be rebuilt before it is written."""

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, store_path: str | Path, *, store: ox.Store | None = None) -> LineageIndex:
        """Open the index of the on-disk store at ``store_path`` for reading, rebuilding it if needed.

        Parameters
        ----------
        store_path
            The store directory.
        store
            The store already open in this process (read-only), used for a rebuild;
            else the store is opened read-only when a rebuild is needed.

        Raises
        ------
        IndexBusyError
            The index is stale and a writer holds it.
        StoreError
            No store at ``store_path``.
        """
        path = sidecar_path(store_path)
        if path.exists():
            index = cls(path, _connect(path))
            if index.is_fresh(store_path):
                return index
            index.close()
        if store is None and not Path(store_path).is_dir():
            raise StoreError("no store at this path", subject=str(store_path))
        lock = _try_lock(path)
        if lock is None:
            raise IndexBusyError("lineage index is being written", subject=str(path))
        index = cls(path, _connect(path), lock)
        try:
            if not index.is_fresh(store_path):  # another reader may have rebuilt it meanwhile
                index.rebuild_from(store_path, store)
        finally:
            index.release_lock()
        return index

    @classmethod
    def connect(cls, store_path: str | Path) -> LineageIndex:
        """The index file of ``store_path`` as it is (no freshness check, no rebuild)."""
        path = sidecar_path(store_path)
        return cls(path, _connect(path))

    @classmethod
    def for_writer(cls, store_path: str | Path, fresh: bool) -> LineageIndex:
        """The index of a store this process has opened for writing (holds the writer's lock).

        ``fresh`` is :meth:`is_fresh` measured before the store was opened (opening
        a store for writing changes its files); when False the caller must
        :meth:`rebuild` before the first write.
        """
        path = sidecar_path(store_path)
        lock = _try_lock(path, wait=True)  # a reader may be rebuilding it: wait for the rebuild
        try:
            connection = _connect(path)
        except StoreError:  # not a SQLite file: derived data, so start it again
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            connection, fresh = _connect(path), False
        index = cls(path, connection, lock)
        index.stale = not fresh
        return index

    def is_fresh(self, store_path: str | Path) -> bool:
        """True when the index is clean and matches the store's files."""
        meta = self.meta()
        return (
            meta.get("version") == SCHEMA_VERSION
            and meta.get("state") == "clean"
            and meta.get("fingerprint") == store_fingerprint(store_path)
        )

    def meta(self) -> dict[str, str]:
        """The index's bookkeeping: version, state (clean/dirty), fingerprint."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    # ------------------------------------------------------------------ writing

    def mark_dirty(self) -> None:
        """Commit ``state = dirty``: call before writing the store."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'dirty')")

    def replace(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace the rows of each named graph by those read from its quads, and mark clean (one transaction)."""
        rows = [graph_rows(graph, quads) for graph, quads in graphs.items()]
        with self._db:
            self._delete(graphs)
            for edges, facts in rows:
                self._insert(edges, facts)
            self._mark_clean()
        self._adjacency.clear()

    def rebuild(self, db: ox.Store) -> None:
        """Empty the index and fill it again from every named graph of ``db``."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'dirty')")
            self._db.execute("DELETE FROM edges")
            self._db.execute("DELETE FROM facts")
            for graph, quads in store_quads_by_graph(db):
                self._insert(*graph_rows(graph, quads))
            self._mark_clean()
        self.stale = False
        self._adjacency.clear()

    def rebuild_from(self, store_path: str | Path, store: ox.Store | None = None) -> None:
        """Rebuild from the store at ``store_path`` (opened read-only unless given) and record its fingerprint."""
        before = store_fingerprint(store_path)
        if store is None:
            try:
                store = ox.Store.read_only(str(store_path))
            except OSError as err:
                raise StoreError(f"cannot open store: {err}", subject=str(store_path)) from err
        self.rebuild(store)
        if store_fingerprint(store_path) == before:
            self.record_fingerprint(before)

    def record_fingerprint(self, fingerprint: str) -> None:
        """Record the store's fingerprint once the store is closed (only a clean index gets one)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO meta SELECT 'fingerprint', ? WHERE "
                "(SELECT value FROM meta WHERE key = 'state') = 'clean'",
                (fingerprint,),
            )

    def _mark_clean(self) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'clean')")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))
        self._db.execute("DELETE FROM meta WHERE key = 'fingerprint'")

    def _delete(self, graphs: Iterable[str]) -> None:
        names = [(graph,) for graph in graphs]
        self._db.executemany("DELETE FROM edges WHERE graph = ?", names)
        self._db.executemany("DELETE FROM facts WHERE graph = ?", names)

    def _insert(self, edges: list[EdgeRow], facts: list[FactRow]) -> None:
        self._db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", edges)
        self._db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)

    # ------------------------------------------------------------------ reading

    def lineage_rows(self, iri: str, direction: Literal["up", "down"]) -> list[EdgeRow]:
        """Every edge row ``lineage_up.rq`` / ``lineage_down.rq`` reads from ``iri`` (all asserting graphs)."""
        sql = _REACH_UP if direction == "up" else _REACH_DOWN
        return [EdgeRow(*row) for row in self._db.execute(sql, (iri,))]

    def cards(self, docs: Collection[str]) -> dict[str, Card]:
        """What ``document_card.rq`` says of each of ``docs`` (documents it gives no row for are left out)."""
        found: dict[str, Card] = {}
        rows = self._db.execute(_CARDS, (json.dumps(list(docs)),))
        for doc, number, kind, title, date, issuer, label, ingested, is_document in rows:
            if ingested or is_document:
                found[doc] = Card(number, kind, title, date, issuer, label, bool(ingested))
        return found

    def descendants(self, iri: str, predicates: Collection[str] = ("implements",)) -> list[str]:
        """Documents reaching ``iri`` through ``predicates`` transitively (``iri`` left out), breadth first.

        Predicates are contract names (implements, based_on, amends, replaces,
        repeals, approves; ``same_as`` for owl:sameAs links, followed as stated).
        The adjacency of each predicate set is loaded once per index object.
        """
        return self._reach(iri, predicates, reverse=True)

    def ancestors(self, iri: str, predicates: Collection[str] = ("implements",)) -> list[str]:
        """Documents ``iri`` reaches through ``predicates`` transitively (``iri`` left out), breadth first."""
        return self._reach(iri, predicates, reverse=False)

    def _reach(self, iri: str, predicates: Collection[str], *, reverse: bool) -> list[str]:
        following = self._neighbours(frozenset(predicates), reverse)
        seen = {iri}
        found: list[str] = []
        frontier = [iri]
        while frontier:
            step: list[str] = []
            for node in frontier:
                for other in following.get(node, ()):
                    if other not in seen:
                        seen.add(other)
                        step.append(other)
            found.extend(step)
            frontier = step
        return found

    def _neighbours(self, predicates: frozenset[str], reverse: bool) -> dict[str, list[str]]:
        """Adjacency over ``predicates``, loaded once (object → subjects when ``reverse``)."""
        key = (predicates, reverse)
        if key not in self._adjacency:
            adjacency: defaultdict[str, list[str]] = defaultdict(list)
            sql = (
                "SELECT DISTINCT subject, object FROM edges WHERE predicate IN (SELECT value FROM json_each(?)) "
                "ORDER BY subject, object"
            )
            for subject, obj in self._db.execute(sql, (json.dumps(sorted(predicates)),)):
                if reverse:
                    adjacency[obj].append(subject)
                else:
                    adjacency[subject].append(obj)
            self._adjacency[key] = dict(adjacency)
        return self._adjacency[key]

    def counts(self) -> tuple[int, int]:
        """Number of edge rows and of documents described."""
        edges = self._db.execute("SELECT COUNT(*) FROM edges").fetchone()[0]
        docs = self._db.execute("SELECT COUNT(DISTINCT doc) FROM facts").fetchone()[0]
        return int(edges), int(docs)

    # ------------------------------------------------------------------ closing

    def release_lock(self) -> None:
        """Let other processes rebuild or write the index."""
        lock, self._lock = self._lock, None
        if lock is not None:
            with suppress(OSError):
                fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()

    def close(self) -> None:
        """Close the SQLite connection and release the lock."""
        self._db.close()
        self.release_lock()

    def __enter__(self) -> LineageIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def reindex_store(store: object) -> str:
    """Rebuild the lineage index of an open on-disk store (``policykg reindex``); a one-line summary.

    Raises
    ------
    StoreError
        The store keeps no index (in memory, remote) or another process holds it.
    """
    rebuild = getattr(store, "rebuild_lineage_index", None)
    location = str(getattr(store, "location", "?"))
    if rebuild is None or location == "memory:":
        raise StoreError("only an on-disk store keeps a lineage index", subject=location)
    index = cast(LineageIndex, rebuild())
    edges, docs = index.counts()
    return f"lineage index {index.path}: {edges} relation rows, {docs} documents described"


def _connect(path: Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(_SCHEMA)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open lineage index: {err}", subject=str(path)) from err
    return connection


def _try_lock(path: Path, *, wait: bool = False) -> IO[bytes] | None:
    """An exclusive ``flock`` on ``<sidecar>.lock``; None when another process holds it and not ``wait``.

    Raises
    ------
    StoreError
        The lock file cannot be created (e.g. a read-only folder).
    """
    try:
        handle = open(path.with_name(path.name + ".lock"), "ab")  # noqa: SIM115 (held until release_lock)
    except OSError as err:
        raise StoreError(f"cannot open lineage index lock: {err}", subject=str(path)) from err
    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


__all__ = [
    "LINEAGE_RELATIONS",
    "SAME_AS",
    "IndexBusyError",
    "LineageIndex",
    "sidecar_path",
    "store_fingerprint",
]
