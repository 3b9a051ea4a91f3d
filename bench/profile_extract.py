"""Per-core extraction throughput and a cProfile of where it goes.

``python -m bench.profile_extract FILE_OR_DIR... [--limit N] [--repeat R] [--no-gc] [--profile] [--top K]``

Prints documents/s and MB/s (CPU time of this one process) for reading, parsing
(``loaders.parse.parse_text``) and building the triples (``graph.build.build_graph``);
with ``--profile``, the functions with the most cumulative and own time of parse+build.
``--no-gc`` turns the cyclic garbage collector off while measuring: the difference is
what collecting costs while every document and graph of the run is kept alive.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.build import build_graph
from loaders.models import SourceText
from loaders.parse import parse_text
from loaders.read import read_source


def input_files(paths: list[str], limit: int | None) -> list[Path]:
    """The files named, and the files of the folders named (sorted), at most ``limit`` of them."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return found[:limit] if limit else found


def cpu_seconds(fn: Callable[[], Any]) -> tuple[float, Any]:
    """CPU time of this process spent in ``fn()``, and its value."""
    started = time.process_time()
    value = fn()
    return time.process_time() - started, value


def measure(files: list[Path], repeat: int) -> dict[str, float]:
    """CPU seconds of each stage over ``files`` read ``repeat`` times."""
    build_graph(parse_text(read_source(files[0])))  # imports and gazetteer, once
    read_s, sources = cpu_seconds(lambda: [read_source(p) for p in files * repeat])
    parse_s, docs = cpu_seconds(lambda: [parse_text(s) for s in sources])
    build_s, _ = cpu_seconds(lambda: [build_graph(d) for d in docs])
    return {"read": read_s, "parse": parse_s, "build": build_s, "parse+build": parse_s + build_s}


def report(files: list[Path], repeat: int, seconds: dict[str, float]) -> str:
    """One line per stage: seconds, documents/s and MB/s per core."""
    n = len(files) * repeat
    mb = sum(p.stat().st_size for p in files) * repeat / 1e6
    lines = [f"{n} documents, {mb:.2f} MB ({mb * 1000 / n:.1f} KB a document)"]
    for stage, sec in seconds.items():
        lines.append(f"{stage:12s} {sec:7.3f} s  {n / sec:8.1f} docs/s  {mb / sec:6.2f} MB/s")
    return "\n".join(lines)


def profile(sources: list[SourceText], top: int) -> None:
    """cProfile of parse+build, sorted by cumulative then by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for source in sources:
        build_graph(parse_text(source))
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    """Parse the command line and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-gc", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    files = input_files(args.paths, args.limit)
    if args.no_gc:
        gc.disable()
    if args.profile:
        build_graph(parse_text(read_source(files[0])))
        profile([read_source(p) for p in files], args.top)
    print(report(files, args.repeat, measure(files, args.repeat)))


if __name__ == "__main__":
    main()
