"""The ingest measurement: a corpus into a fresh on-disk store, timed, with memory and a manifest check."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.measure import PKG_NS, peak_rss_mb, timed


def _descendants_peak_mb() -> float:
    """Largest peak RSS (VmHWM) among this process's descendants (the forkserver's workers included)."""
    parents: dict[int, int] = {}
    peaks: dict[int, float] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        pid = int(status.parent.name)
        parents[pid] = int(fields.get("PPid", "0").strip())
        peaks[pid] = int(fields.get("VmHWM", "0 kB").split()[0]) / 1024
    mine, found = {os.getpid()}, True
    while found:
        found = False
        for pid, parent in parents.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                found = True
    return max((peaks.get(pid, 0.0) for pid in mine - {os.getpid()}), default=0.0)


def _current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _Progress:
    """Collects results and samples memory (this process every 1,000 results, workers every 0.5 s)."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.rss_curve: list[tuple[int, float]] = []
        self.workers_peak = 0.0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample_workers, daemon=True)

    def __call__(self, result: Any) -> None:
        self.results.append(result)
        if len(self.results) % 1000 == 0:
            self.rss_curve.append((len(self.results), round(_current_rss_mb(), 1)))

    def _sample_workers(self) -> None:
        while not self._stop.wait(0.5):
            self.workers_peak = max(self.workers_peak, _descendants_peak_mb())

    def __enter__(self) -> _Progress:
        self._sampler.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()


def _run_ingest(store: Any, args: dict[str, Any], progress: _Progress) -> None:
    from graph.ingest import discover_files, ingest_paths
    from graph.ingest_parallel import ingest_parallel

    files = discover_files([Path(args["corpus"]) / "docs"])[: args.get("limit")]
    if args.get("mode") == "serial":
        ingest_paths(store, files, on_result=progress)
    else:
        bulk = args.get("mode") == "bulk"
        ingest_parallel(store, files, jobs=int(args["jobs"]), bulk=bulk, on_result=progress)


def task_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """Ingest a generated corpus into a fresh on-disk store; check the manifest's edges landed.

    ``limit`` ingests only the first documents of the corpus (parents come before children).
    """
    from graph.ingest import IngestSummary
    from graph.store import open_store

    store = open_store(args["store"])
    with _Progress() as progress:
        seconds, _ = timed(lambda: _run_ingest(store, args, progress))
    summary = IngestSummary(tuple(progress.results))
    iris = {Path(r.path).stem: r.iri for r in summary.results if r.iri}
    check = _manifest_check(store, Path(args["corpus"]), iris)
    check.update(quads=store.triple_count(), graphs=len(store.named_graphs()))
    store.close()
    open_store(args["store"]).close()  # reopening lets RocksDB drop its obsolete write-ahead logs
    n = len(summary.results)
    return {
        "mode": args.get("mode", "parallel"), "jobs": args.get("jobs", 1), "documents": n,
        "failed": len(summary.failed), "triples": summary.triples, "s": round(seconds, 2),
        "docs_per_s": round(n / seconds, 1), "triples_per_s": round(summary.triples / seconds),
        "store_mb": round(_du(Path(args["store"])) / 1e6, 1), "first_errors": [r.error for r in summary.failed[:3]],
        "rss_curve": progress.rss_curve, **check, **peak_rss_mb(), "workers_rss_mb": round(progress.workers_peak, 1),
    }  # fmt: skip


def _manifest_check(store: Any, corpus: Path, iris: dict[str, str]) -> dict[str, Any]:
    """How many expected implements edges are in the store; the root and deepest leaf for queries."""

    from graph.ingest_parallel import native_oxigraph

    db = native_oxigraph(store)
    edges: set[tuple[str, str]] = set()
    if db is not None:
        edges = set(implements_edges(db))
    expected = found = 0
    root = leaf = None
    leaf_deep = False
    with (corpus / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for line in manifest:
            entry = json.loads(line)
            root = root or iris.get(entry["id"])
            deep = entry["level"] == "commune" and entry["kind"] == "state_plan"
            if entry["implements_ids"] and entry["id"] in iris and (leaf is None or (deep and not leaf_deep)):
                leaf, leaf_deep = iris[entry["id"]], deep
            for parent in entry["implements_ids"] if entry["id"] in iris else ():
                expected += 1
                found += (iris.get(entry["id"]), iris.get(parent)) in edges
    return {"edges_expected": expected, "edges_found": found, "root": root, "leaf": leaf}


def implements_edges(db: Any) -> Iterator[tuple[str, str]]:
    """(child, parent) IRIs of every implements quad, straight from the pyoxigraph indexes."""
    import pyoxigraph as ox

    for quad in db.quads_for_pattern(None, ox.NamedNode(PKG_NS + "implements"), None, None):
        yield str(quad.subject.value), str(quad.object.value)


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
