"""The ingest pipeline: files → ParsedDocument → triples → one named graph per document.

``ingest_paths(store, paths)`` finds the files (folders recursively), then for
each file on its own: ``loaders.parse.parse_file`` → ``graph.build.build_graph``
→ ``store.replace_graph``. A file that cannot be read or parsed is recorded as a
failure with a one-line reason and the batch goes on; a document is written in
one transaction, so nothing is ever half-written. Re-ingesting a file replaces
its named graph (ingest is idempotent). On an on-disk store, each write also
replaces that document's rows in the lineage index kept beside the store
(:mod:`graph.lineage_index`, maintained by the store itself).

Extraction (:func:`extract_file`: read, parse, build) is a pure function of the
path; ``graph.ingest_parallel`` runs it in a process pool with this process as
the single writer (``policykg ingest --jobs N``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from graph.store import Store
from loaders.errors import PolicyKGError
from loaders.models import ParsedDocument

STDIN = "-"
"""The path that stands for standard input (one document, any supported format)."""
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".doc")
"""File name endings picked up when a folder is ingested (a file named explicitly is always tried)."""


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file."""

    path: str
    iri: str | None = None
    """IRI of the document's named graph; None when the file failed."""
    triples: int = 0
    """Triples written for this document."""
    error: str | None = None
    """One-line reason the file failed (``FILE: reason``), None on success."""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class IngestSummary:
    """The outcome of one batch."""

    results: tuple[FileResult, ...] = field(default=())

    @property
    def succeeded(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.ok)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    @property
    def triples(self) -> int:
        """Triples written by this batch (a re-ingested document counts again)."""
        return sum(r.triples for r in self.results)


@dataclass(frozen=True)
class _Extraction:
    """Result of the extraction half of the pipeline (picklable, crosses process boundaries)."""

    path: str
    iri: URIRef | None = None
    graph: Graph | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def discover_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to ingest: each file as given, each folder walked recursively.

    Folders contribute files whose suffix is in :data:`SUPPORTED_SUFFIXES`,
    sorted, skipping hidden files and folders. A path that does not exist is
    kept, so that ingesting it reports a one-line error.

    Examples
    --------
    >>> discover_files(["no-such-file.txt"])
    [PosixPath('no-such-file.txt')]
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(_walk(path) if path.is_dir() else [path])
    return found


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def extract_file(path: str | Path, *, encoding: str | None = None) -> tuple[URIRef, Graph, tuple[str, ...]]:
    """Read, parse and build one file: its named-graph IRI, its triples and the parser's warnings.

    No store is involved, so this can run in a worker process.

    Raises
    ------
    ReadError
        The file cannot be turned into text.
    ParseError
        The text holds no recognisable policy document.
    """
    from graph.build import build_graph

    document = _parse(path, encoding)
    iri, graph = build_graph(document)
    return iri, graph, tuple(document.warnings)


def _parse(path: str | Path, encoding: str | None) -> ParsedDocument:
    """Parse a file, or standard input when ``path`` is ``-``."""
    from loaders.parse import parse_file, parse_text
    from loaders.read import read_bytes

    if str(path) == STDIN:
        return parse_text(read_bytes(sys.stdin.buffer.read(), STDIN, encoding=encoding))
    return parse_file(path, encoding=encoding)


def _extract(path: str, encoding: str | None) -> _Extraction:
    try:
        iri, graph, warnings = extract_file(path, encoding=encoding)
    except PolicyKGError as err:  # ReadError, ParseError: the file fails, the batch goes on
        return _Extraction(path, error=_reason(err, path))
    except Exception as err:  # a parser bug must not stop the batch either
        return _Extraction(path, error=f"{path}: unexpected {type(err).__name__}: {err}")
    return _Extraction(path, iri=iri, graph=graph, warnings=warnings)


def _reason(err: PolicyKGError, path: str) -> str:
    """``FILE: reason`` on one line, naming the file even when the error does not."""
    line = err.one_line()
    return line if err.subject else f"{path}: {line}"


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into ``store``, each file on its own.

    Parameters
    ----------
    store
        A :class:`graph.store.Store`; this process is its only writer.
    paths
        Files and folders (walked recursively, see :func:`discover_files`).
    encoding
        Force a text encoding instead of detecting it.
    on_result
        Called with each :class:`FileResult` as soon as its file is done (progress, error lines).

    Returns
    -------
    IngestSummary
        One result per file, in input order.

    Raises
    ------
    StoreError
        The store cannot be written: the batch stops (documents already written stay).
    """
    files = [str(p) for p in discover_files(paths)]
    seen: dict[str, str] = {}
    results: list[FileResult] = []
    for path in files:
        result = _write(store, _extract(path, encoding), seen)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return IngestSummary(tuple(results))


def _write(store: Store, extraction: _Extraction, seen: dict[str, str]) -> FileResult:
    if extraction.error is not None or extraction.iri is None or extraction.graph is None:
        return FileResult(extraction.path, error=extraction.error or f"{extraction.path}: nothing extracted")
    iri = str(extraction.iri)
    warnings = extraction.warnings
    if iri in seen:
        warnings += (f"{extraction.path}: same document as {seen[iri]}; it replaces it",)
    seen[iri] = extraction.path
    store.replace_graph(extraction.iri, extraction.graph)
    return FileResult(extraction.path, iri=iri, triples=len(extraction.graph), warnings=warnings)


@dataclass(frozen=True)
class ExtractOutput:
    """What ``policykg extract`` prints: the rendered text and one line per failed file."""

    text: str
    errors: tuple[str, ...] = ()


def extract_documents(paths: Iterable[str | Path], fmt: str, *, encoding: str | None = None) -> ExtractOutput:
    """Extract files without storing them and render the result.

    Parameters
    ----------
    paths
        Files (in the order to print them) and folders (walked as :func:`discover_files` does).
    fmt
        ``json`` (``loaders.contract.to_contract`` of each document; one object
        for one file, an array for several), ``ttl`` (Turtle of all triples) or
        ``nq`` (N-Quads, one named graph per document).
    encoding
        Force a text encoding instead of detecting it.
    """
    from graph.build import build_graph
    from loaders.contract import to_contract

    contracts: list[object] = []
    graphs: list[tuple[URIRef, Graph]] = []
    errors: list[str] = []
    for path in discover_files(paths):
        try:
            document = _parse(path, encoding)
            if fmt == "json":
                contracts.append(to_contract(document))
            else:
                graphs.append(build_graph(document))
        except PolicyKGError as err:
            errors.append(_reason(err, str(path)))
        except Exception as err:  # a parser bug must not hide the other files
            errors.append(f"{path}: unexpected {type(err).__name__}: {err}")
    return ExtractOutput(_render_extraction(fmt, contracts, graphs), tuple(errors))


def _render_extraction(fmt: str, contracts: list[object], graphs: list[tuple[URIRef, Graph]]) -> str:
    if fmt == "json":
        if not contracts:
            return ""
        data = contracts[0] if len(contracts) == 1 else contracts
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not graphs:
        return ""
    if fmt == "ttl":
        merged = Graph()
        for _, graph in graphs:
            for prefix, namespace in graph.namespaces():
                merged.bind(prefix, namespace, override=False)
            merged += graph
        return merged.serialize(format="turtle")
    if fmt == "nq":
        from graph.ingest_parallel import graph_to_nquads

        return b"".join(graph_to_nquads(iri, graph) for iri, graph in graphs).decode("utf-8")
    raise ValueError(f"Unexpected extract format: {fmt!r}")
