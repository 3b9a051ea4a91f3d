"""Fast ingest: extraction in worker processes, one writer, bulk loads of N-Quads.

``ingest_parallel(store, paths, jobs=N)`` is the engine behind
``policykg ingest --jobs N``:

- **workers** (a ``forkserver`` process pool, ``jobs`` processes, which never
  inherit the writer's open store) read, parse and build each file and return
  its named graph as N-Quads *bytes* (cheap to pickle, unlike an rdflib
  ``Graph``), or a one-line error;
- files are handed out in bounded windows with a ``chunksize``, so memory does
  not grow with the number of files and inter-process traffic is a few messages
  per chunk, not per file;
- **this process is the only writer**: it gathers documents into batches of about
  ``batch_triples`` triples and writes each batch with :func:`write_batch`.
  On the embedded Oxigraph store that is :meth:`OxigraphStore.load_nquads`:
  ``remove_graph`` for the documents already present (an index lookup, so the
  per-document cost does not grow with the store), one transactional load of
  the N-Quads, and the lineage index updated for exactly those documents;
  other stores get ``replace_graphs``.

A batch is loaded in one transaction, so a crash never leaves half a document;
a re-ingested document is dropped just before its batch is loaded (between the
two it is briefly absent, never partial).
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from graph.ingest import FileResult, IngestSummary, discover_files, extract_file
from graph.oxigraph_terms import to_rdflib
from graph.store import Store
from graph.store_oxigraph import OxigraphStore
from loaders import gazetteer
from loaders.errors import PolicyKGError

BATCH_TRIPLES = 25_000
"""Triples per write transaction (about 60 documents): measured as fast as 100,000, with less memory."""
CHUNK_FILES = 16
"""Files a worker takes at a time."""
WINDOW_CHUNKS = 16
"""Chunks in flight per worker: enough to keep workers busy during a write, and a bound on memory."""


@dataclass(frozen=True)
class Extracted:
    """One file after extraction (picklable): its graph as N-Quads, or why it failed."""

    path: str
    iri: str | None = None
    nquads: bytes = b""
    triples: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()


Extractor = Callable[[str, "str | None"], Extracted]


def graph_to_nquads(iri: URIRef, graph: Graph) -> bytes:
    """The triples of ``graph`` as N-Quads in the named graph ``iri`` (rdflib's escaping).

    Examples
    --------
    >>> from rdflib import Literal
    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal("Sở Xây dựng")))
    >>> graph_to_nquads(URIRef("http://x/g"), g)
    b'<http://x/s> <http://x/p> "S\\xe1\\xbb\\x9f X\\xc3\\xa2y d\\xe1\\xbb\\xb1ng" <http://x/g> .\\n'
    """
    name = URIRef(iri).n3().encode()
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    return b"".join(line[:-2] + b" " + name + b" .\n" for line in lines if line.endswith(b" ."))


def extract_to_nquads(path: str, encoding: str | None = None) -> Extracted:
    """Read, parse and build one file in this process; never raises for bad input."""
    try:
        iri, graph, warnings = extract_file(path, encoding=encoding)
        return Extracted(path, str(iri), graph_to_nquads(iri, graph), len(graph), warnings=warnings)
    except PolicyKGError as err:
        line = err.one_line()
        return Extracted(path, error=line if err.subject else f"{path}: {line}")
    except Exception as err:  # a parser bug must not stop the batch
        return Extracted(path, error=f"{path}: unexpected {type(err).__name__}: {err}")


def extract_chunk(extract: Extractor, paths: list[str], encoding: str | None) -> list[Extracted]:
    """Run ``extract`` on each of ``paths`` (one task for a worker)."""
    return [extract(path, encoding) for path in paths]


def prepare_extraction() -> None:
    """Load the gazetteer, then exempt everything loaded so far from garbage collection.

    The maps and compiled patterns live as long as the process; without ``gc.freeze``
    every full collection walks them again (parse + build ~20 % slower on the seeds).
    """
    gazetteer.warm()
    gc.freeze()


def extractions(
    files: list[str], *, jobs: int, encoding: str | None = None, extract: Extractor = extract_to_nquads
) -> Iterator[Extracted]:
    """Extract ``files`` (in ``jobs`` processes when > 1), yielding results in input order.

    Up to ``jobs * WINDOW_CHUNKS`` chunks are in flight at any time and a new one is
    submitted as soon as the oldest is consumed, so the workers keep extracting while
    the caller writes a batch, and memory stays bounded whatever the number of files.
    """
    if jobs <= 1 or len(files) <= 1:
        if len(files) > 1:
            prepare_extraction()
        for path in files:
            yield extract(path, encoding)
        return
    size = max(1, min(CHUNK_FILES, len(files) // jobs))
    chunks = (files[start : start + size] for start in range(0, len(files), size))
    # forkserver: workers never inherit the writer's open store (RocksDB threads and locks)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=prepare_extraction) as pool:
        pending = deque(pool.submit(extract_chunk, extract, chunk, encoding)
                        for chunk in itertools.islice(chunks, jobs * WINDOW_CHUNKS))  # fmt: skip
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(extract_chunk, extract, following, encoding))
            yield from done


def native_oxigraph(store: Store) -> ox.Store | None:
    """The pyoxigraph store behind ``store`` when it is the embedded backend, else None."""
    db = getattr(store, "_store", None)
    return db if isinstance(db, ox.Store) else None


def write_batch(store: Store, batch: list[Extracted], *, bulk: bool = False) -> None:
    """Replace the named graphs of ``batch`` (successful extractions) in ``store``.

    With ``bulk`` the embedded store uses Oxigraph's bulk loader: about twice as
    fast on disk, but not transactional (a crash mid-batch can leave part of it).

    Raises
    ------
    StoreError
        The store refused the write.
    """
    if not batch:
        return
    if isinstance(store, OxigraphStore):
        store.load_nquads([(str(doc.iri), doc.nquads) for doc in batch], bulk=bulk)
    else:
        store.replace_graphs(_as_graphs(batch))


def nquads_to_graph(data: bytes) -> Graph:
    """The triples of N-Quads ``data`` (graph names dropped) as an rdflib graph."""
    graph = Graph()
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def _as_graphs(batch: list[Extracted]) -> Iterator[tuple[URIRef, Graph]]:
    for doc in batch:
        yield URIRef(str(doc.iri)), nquads_to_graph(doc.nquads)


def ingest_parallel(
    store: Store,
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    encoding: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    batch_triples: int = BATCH_TRIPLES,
    extract: Extractor = extract_to_nquads,
    bulk: bool = False,
) -> IngestSummary:
    """Ingest files and folders into ``store`` with parallel extraction and batched bulk writes.

    Parameters
    ----------
    store
        The store; this process is its only writer.
    paths
        Files and folders (folders walked recursively, as :func:`graph.ingest.discover_files`).
    jobs
        Extraction processes; 1 extracts in this process.
    encoding
        Force a text encoding instead of detecting it.
    on_result
        Called with each :class:`FileResult` once its document is written (or has failed).
    batch_triples
        Triples gathered before a write transaction.
    extract
        The per-file extraction (a module-level function, so it can be sent to workers).
    bulk
        Use the non-transactional bulk loader of the embedded store (see :func:`write_batch`).

    Returns
    -------
    IngestSummary
        One result per file, in input order.

    Raises
    ------
    StoreError
        The store cannot be written: the batch stops (batches already written stay).
    """
    files = [str(p) for p in discover_files(paths)]
    writer = _Writer(store, batch_triples, on_result, bulk=bulk)
    for extracted in extractions(files, jobs=jobs, encoding=encoding, extract=extract):
        writer.add(extracted)
    writer.flush()
    return IngestSummary(tuple(writer.results))


class _Writer:
    """Collects extractions into batches and reports each file once its batch is written."""

    def __init__(
        self, store: Store, batch_triples: int, on_result: Callable[[FileResult], None] | None, *, bulk: bool
    ) -> None:
        self.store = store
        self.bulk = bulk
        self.batch_triples = batch_triples
        self.on_result = on_result
        self.results: list[FileResult] = []
        self.pending: list[tuple[Extracted, tuple[str, ...]]] = []
        self.size = 0
        self.seen: dict[str, str] = {}

    def add(self, doc: Extracted) -> None:
        if doc.error is not None or doc.iri is None:
            self.pending.append((doc, ()))  # reported in input order, with its batch
            return
        warnings = doc.warnings
        if doc.iri in self.seen:
            warnings += (f"{doc.path}: same document as {self.seen[doc.iri]}; it replaces it",)
            self.flush()  # the earlier copy must be written before this one replaces it
        self.seen[doc.iri] = doc.path
        self.pending.append((doc, warnings))
        self.size += doc.triples
        if self.size >= self.batch_triples:
            self.flush()

    def flush(self) -> None:
        write_batch(
            self.store, [doc for doc, _ in self.pending if doc.error is None and doc.iri], bulk=self.bulk
        )
        for doc, warnings in self.pending:
            if doc.error is not None or doc.iri is None:
                result = FileResult(doc.path, error=doc.error or f"{doc.path}: nothing extracted")
            else:
                result = FileResult(doc.path, iri=doc.iri, triples=doc.triples, warnings=warnings)
            self._report(result)
        self.pending, self.size = [], 0

    def _report(self, result: FileResult) -> None:
        self.results.append(result)
        if self.on_result is not None:
            self.on_result(result)
