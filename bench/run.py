"""policykg benchmark: extraction, ingest, memory, store size, query latency, HTML export.

Usage (from the repository root, with the venv active)::

    python bench/run.py                          # 10^3, 10^4, 10^5 documents, 2 jobs
    python bench/run.py --sizes 1000,10000       # quicker
    python bench/run.py --sizes 200              # a quick end-to-end check (~3-5 min)
    python bench/run.py --sizes 100000 --skip-extract --serial-max 0 --skip html \
        --ingest-limit 30000                     # the first 3*10^4 of the 10^5 corpus in ~40 min
    python bench/run.py --sizes 100000 --skip-extract --serial-max 0 --skip html --reuse-store
                                                 # measure an OUT/store-100000 ingested before

Above ``--rdflib-max`` rdflib cannot hold the store (~1.8 KB a triple): it and
pyoxigraph (in memory) are then timed on the slice the queries read, labelled
as such. With ``--ingest-limit`` a row is labelled by the documents ingested.
    python bench/run.py --sizes 1000000          # the documented longer run

Each measurement runs in a fresh child process (``bench/measure.py``) so its
peak RSS is its own; every comparison (policykg vs rdflib vs networkx, parallel
vs serial ingest, extraction vs regex scan) is a ratio of numbers measured in
the same run on the same data. Prints a table, writes ``OUT/results.json`` and
a PNG plot (``--plot``, default ``docs/performance.png``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import write_corpus
from bench.report import machine, plot, table

REPO = Path(__file__).resolve().parents[1]
VARIANTS: dict[str, dict[str, Any]] = {
    "ingest_serial": {"mode": "serial"},  # graph.ingest.ingest_paths: one transaction per document
    "ingest_one_job": {"jobs": 1},  # ingest_parallel in-process: batched N-Quads loads, no workers
    "ingest_bulk": {
        "jobs": 2,
        "mode": "bulk",
    },  # ingest_parallel with Oxigraph's non-transactional bulk loader
}
"""Ingest variants measured at sizes up to ``--serial-max``, as same-run ratios to the main ingest."""
SEEDS = REPO.parent / "shared" / "seeds"
SKIPPABLE = ("oxigraph", "oxigraph_native", "index", "networkx", "html", "cli")
"""Measurement blocks ``--skip`` can leave out (``--skip-extract``, ``--rdflib-max 0``, ``--serial-max 0``
and ``--slice never`` leave out the others)."""


def child(task: str, args: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one ``bench.measure`` task in a fresh Python process; its JSON, or ``{"error": ...}``."""
    command = [sys.executable, "-m", "bench.measure", task, json.dumps(args)]
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def corpus(out: Path, size: int, seed: int) -> Path:
    """The generated corpus of ``size`` documents, generated once and reused."""
    folder = out / f"corpus-{size}-s{seed}"
    summary = folder / "summary.json"
    if not summary.exists() or json.loads(summary.read_text())["documents"] != size:
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(size, seed, folder)
    return folder


def cli_lineage(store: Path, root: str, timeout: float, runs: int = 3) -> dict[str, Any]:
    """Wall time of the whole ``policykg lineage ROOT --down`` command (start-up included), median of runs."""
    command = [
        sys.executable,
        "-m",
        "cli",
        "--store",
        str(store),
        "lineage",
        root,
        "--down",
        "--format",
        "json",
    ]
    times, code, size = [], 0, 0
    for _ in range(runs):
        started = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=REPO, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s"}
        times.append(time.perf_counter() - started)
        code, size = done.returncode, len(done.stdout)
    return {"s": round(sorted(times)[len(times) // 2], 3), "exit": code, "output_bytes": size}


def measure_extraction(out: Path, seed: int, docs: int, timeout: float) -> dict[str, Any]:
    """Single-core extraction throughput on generated documents and on the seeds, vs the regex scan."""
    sample = corpus(out, 1000, seed)
    files = sorted(str(p) for p in (sample / "docs").rglob("*.txt"))[:docs]
    result = {"generated": child("extract", {"files": files}, timeout)}
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if seeds:
        result["seeds"] = child("extract", {"files": seeds, "repeat": max(1, docs // 40)}, timeout)
    return result


def remove_store(store: Path) -> None:
    """Delete an on-disk store and the files kept beside it (the lineage index and its lock)."""
    shutil.rmtree(store, ignore_errors=True)
    for sidecar in store.parent.glob(f"{store.name}.lineage.sqlite*"):
        sidecar.unlink(missing_ok=True)


def ingest(out: Path, folder: Path, size: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Ingest the corpus into ``OUT/store-SIZE`` (or reuse it and its saved result with ``--reuse-store``)."""
    store, saved = out / f"store-{size}", out / f"ingest-{size}.json"
    if opts.reuse_store and store.is_dir() and saved.exists():
        return {**json.loads(saved.read_text()), "reused": True}
    remove_store(store)
    args: dict[str, Any] = {"corpus": str(folder), "store": str(store), "jobs": opts.jobs}
    if opts.ingest_limit:
        args["limit"] = opts.ingest_limit
    result = child("ingest", args, opts.timeout)
    saved.write_text(json.dumps(result, ensure_ascii=False) + "\n")
    return result


def measure_size(out: Path, size: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Ingest, store size, query latencies and HTML export at one corpus size."""
    folder = corpus(out, size, opts.seed)
    store = out / f"store-{size}"
    row: dict[str, Any] = {
        "size": size,
        "corpus_size": size,
        "corpus": json.loads((folder / "summary.json").read_text()),
    }
    row["ingest"] = ingest(out, folder, size, opts)
    if row["ingest"].get("documents"):  # --ingest-limit: the store holds fewer documents than the corpus
        row["size"] = row["ingest"]["documents"]
    if size <= opts.serial_max:
        for name, extra in VARIANTS.items():
            other = out / f"store-{size}-{name}"
            remove_store(other)
            row[name] = child("ingest", {"corpus": str(folder), "store": str(other), **extra}, opts.timeout)
            remove_store(other)
    root, leaf = row["ingest"].get("root"), row["ingest"].get("leaf")
    if not root or not leaf:
        return row
    skipped = list(opts.skip_queries)
    if size > opts.rdflib_max and "agencies_join" not in skipped:  # no rdflib to compare the same text with,
        skipped.append(
            "agencies_join"
        )  # and Oxigraph takes minutes a run on it at 10^5 (it scans every task)
    ids: dict[str, Any] = {"store": str(store), "root": root, "leaf": leaf, "skip_queries": skipped}
    for task in ("oxigraph", "oxigraph_native", "index", "networkx"):
        if task not in opts.skip:
            row[task] = child(task, ids, opts.timeout)
    if "html" not in opts.skip:
        row["html"] = child("html", ids, opts.html_timeout)
    if "cli" not in opts.skip:
        row["cli_lineage"] = cli_lineage(store, root, opts.cli_timeout)
    row.update(measure_rdflib(out, size, ids, opts))
    return row


def measure_rdflib(out: Path, size: int, ids: dict[str, str], opts: argparse.Namespace) -> dict[str, Any]:
    """rdflib on the whole store up to ``--rdflib-max``; above it (or always, ``--slice always``) on a slice."""
    row: dict[str, Any] = {}
    if size <= opts.rdflib_max:
        dump = out / f"dump-{size}.nq"
        row["dump"] = child("dump", {"store": ids["store"], "out": str(dump)}, opts.timeout)
        row["rdflib"] = child("rdflib", {**ids, "dump": str(dump)}, opts.timeout)
        dump.unlink(missing_ok=True)
    if opts.slice == "always" or (opts.slice == "auto" and size > opts.rdflib_max):
        part = out / f"slice-{size}.nq"
        row["slice"] = child("slice", {**ids, "out": str(part)}, opts.timeout)
        row["rdflib_slice"] = child("rdflib", {**ids, "dump": str(part)}, opts.timeout)
        part.unlink(missing_ok=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="extraction processes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--plot", type=Path, default=REPO / "docs" / "performance.png")
    parser.add_argument("--rdflib-max", type=int, default=10_000, help="largest size loaded into rdflib")
    parser.add_argument("--serial-max", type=int, default=1_000, help="largest size also ingested serially")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per measurement")
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument(
        "--extract-docs", type=int, default=400, help="generated documents timed for extraction"
    )
    parser.add_argument(
        "--cli-timeout", type=float, default=120, help="seconds for one policykg lineage call"
    )
    parser.add_argument("--html-timeout", type=float, default=600, help="seconds for the HTML export")
    parser.add_argument("--ingest-limit", type=int, help="ingest only the first N documents of each corpus")
    parser.add_argument(
        "--reuse-store",
        action="store_true",
        help="reuse OUT/store-SIZE and its saved ingest result instead of ingesting again",
    )
    parser.add_argument(
        "--skip",
        default="",
        type=lambda text: set(filter(None, text.split(","))),
        help="comma-separated blocks to leave out: " + ",".join(SKIPPABLE),
    )
    parser.add_argument(
        "--skip-queries",
        type=lambda text: [name for name in text.split(",") if name],
        default=[],
        help="comma-separated queries to leave out (agencies_join, the plain join, is left out above --rdflib-max)",
    )
    parser.add_argument("--slice", choices=("auto", "always", "never"), default="auto",
                        help="rdflib (and pyoxigraph in memory) on the slice the queries read: "
                        "above --rdflib-max (auto), at every size, or never")  # fmt: skip
    opts = parser.parse_args(argv)
    if opts.skip - set(SKIPPABLE):
        parser.error(
            f"--skip: unknown blocks {sorted(opts.skip - set(SKIPPABLE))}; known: {', '.join(SKIPPABLE)}"
        )
    opts.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": machine(),
        "jobs": opts.jobs,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    if not opts.skip_extract:
        results["extraction"] = measure_extraction(opts.out, opts.seed, opts.extract_docs, opts.timeout)
    results["sizes"] = []
    for size in (int(s) for s in opts.sizes.split(",")):
        results["sizes"].append(measure_size(opts.out, size, opts))
        (opts.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    results["python"] = platform.python_version()
    (opts.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    print(table(results))
    plot(results, opts.plot)
    print(f"\nresults: {opts.out / 'results.json'}   plot: {opts.plot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
