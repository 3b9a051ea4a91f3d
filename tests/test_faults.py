"""Fault safety of ``policykg ingest`` on the embedded store, with real processes.

- An ingest of a few hundred generated plans is killed with SIGKILL midway: the
  store reopens, every named graph in it is a *complete* document (equal, term by
  term, to a fresh extraction of the file it came from), every document the run
  reported as stored is there, and the store passes SHACL.
- While that ingest runs, a second ``ingest`` on the same store is refused with
  "store is locked" and exit status 1.
- A disk that fills up (simulated with ``RLIMIT_FSIZE``, so writes fail with
  EFBIG) stops the batch with one line and exit status 1; what was stored
  before stays complete.
"""

from __future__ import annotations

import os
import resource
import select
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from graph.ingest import extract_file
from graph.store_oxigraph import OxigraphStore
from graph.validate import validate
from ontology.terms import PKG
from tests.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS_SIZE = 240
STORED_BEFORE_KILL = 8
WAIT_S = 300.0
"""Generous limit for the child to report its first documents (it is never a speed assertion)."""

pytestmark = pytest.mark.slow


def policykg(*args: str) -> list[str]:
    """The command line of ``policykg ARGS`` run from this checkout with this interpreter."""
    return [sys.executable, "-c", "from cli import main; main()", *args]


def stored_lines(process: subprocess.Popen[bytes], wanted: int) -> list[str]:
    """Read the child's ``-v`` report lines from stderr until ``wanted`` documents are stored."""
    assert process.stderr is not None
    buffer, deadline = b"", time.monotonic() + WAIT_S
    lines: list[str] = []
    while sum(" -> " in line for line in lines) < wanted and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 1.0)
        if not ready:
            continue
        chunk = os.read(process.stderr.fileno(), 65536)
        if not chunk:
            break
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        lines.extend(line.decode("utf-8", "replace") for line in complete)
    return [line for line in lines if " -> " in line]


def reported_iris(lines: list[str]) -> set[str]:
    """IRIs from ``policykg: FILE -> IRI (N triples)`` lines."""
    return {line.split(" -> ", 1)[1].split(" (", 1)[0] for line in lines}


def _value(term: object) -> object:
    """A term as a comparable value: Oxigraph writes 780.0 back as the canonical decimal 780."""
    if isinstance(term, Literal):
        return ("literal", term.toPython() if term.datatype else str(term), term.language, term.datatype)
    return term


def _comparable(graph: Graph) -> set[tuple[object, object, object]]:
    return {(s, p, _value(o)) for s, p, o in graph}


def stored_documents(store_path: Path) -> dict[URIRef, Graph]:
    """Every named graph of the store at ``store_path`` (opened after the writer is gone)."""
    graphs: dict[URIRef, Graph] = defaultdict(Graph)
    with OxigraphStore(str(store_path)) as store:
        for s, p, o, g in store.quads():
            graphs[g].add((s, p, o))
    return dict(graphs)


def assert_all_complete(graphs: dict[URIRef, Graph]) -> None:
    """Each stored graph equals a fresh extraction of its source file: no half-written document."""
    for name, graph in graphs.items():
        sources = list(graph.objects(name, PKG.sourcePath))
        assert len(sources) == 1, f"{name}: no single source path, the document node is incomplete"
        iri, fresh, _ = extract_file(str(sources[0]))
        assert iri == name
        missing = _comparable(fresh) - _comparable(graph)
        extra = _comparable(graph) - _comparable(fresh)
        assert not missing and not extra, f"{name}: {len(missing)} triples missing, {len(extra)} unexpected"


@dataclass(frozen=True)
class Interrupted:
    store: Path
    reported: set[str]
    second: subprocess.CompletedProcess[str]
    writer_was_running: bool


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Interrupted]:
    """An ingest killed with SIGKILL after it reported some documents, and a second ingest tried meanwhile."""
    root = tmp_path_factory.mktemp("faults")
    paths = write_corpus(root / "corpus", CORPUS_SIZE)
    store = root / "store"
    writer = subprocess.Popen(
        policykg("--store", str(store), "ingest", "-v", str(root / "corpus")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        lines = stored_lines(writer, STORED_BEFORE_KILL)
        second = subprocess.run(
            policykg("--store", str(store), "ingest", str(paths[-1])),
            capture_output=True,
            text=True,
            timeout=WAIT_S,
            cwd=ROOT,
            check=False,
        )
        running = writer.poll() is None
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.stderr is not None
        writer.stderr.close()
    yield Interrupted(store, reported_iris(lines), second, running)


def test_second_ingest_on_a_locked_store_is_refused(interrupted: Interrupted) -> None:
    assert interrupted.writer_was_running, f"the first ingest ended early: raise CORPUS_SIZE ({CORPUS_SIZE})"
    second = interrupted.second
    assert second.returncode == 1
    lines = [line for line in second.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, second.stderr
    assert "store is locked" in lines[0]
    assert str(interrupted.store) in lines[0]


def test_killed_ingest_leaves_only_complete_documents(interrupted: Interrupted) -> None:
    assert len(interrupted.reported) >= STORED_BEFORE_KILL
    graphs = stored_documents(interrupted.store)
    assert interrupted.reported <= {str(name) for name in graphs}
    assert len(graphs) < CORPUS_SIZE, "the kill came after the end: nothing was interrupted"
    assert_all_complete(graphs)


def test_killed_store_passes_shacl(interrupted: Interrupted) -> None:
    with OxigraphStore(str(interrupted.store)) as store:
        report = validate(store)
    assert report.conforms, report.text


def test_ingest_goes_on_after_a_kill(interrupted: Interrupted, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "more", 3, start=CORPUS_SIZE)
    before = len(stored_documents(interrupted.store))
    run = subprocess.run(
        policykg("--store", str(interrupted.store), "ingest", *map(str, paths)),
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert len(stored_documents(interrupted.store)) == before + 3


def _limit_file_size(limit: int) -> None:
    """In the child: writes past ``limit`` bytes fail with EFBIG (as on a full disk) instead of killing it."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_full_disk_fails_cleanly(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", 30)
    store = tmp_path / "store"
    run = subprocess.run(
        policykg("--store", str(store), "ingest", "-v", str(tmp_path / "corpus")),
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        cwd=ROOT,
        check=False,
        preexec_fn=lambda: _limit_file_size(400_000),
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, run.stderr
    assert str(store) in errors[0]
    assert "File too large" in errors[0]
    graphs = stored_documents(store)
    reported = reported_iris([line for line in run.stderr.splitlines() if " -> " in line])
    assert reported <= {str(name) for name in graphs}
    assert len(graphs) < 30
    assert_all_complete(graphs)
