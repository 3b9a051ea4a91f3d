"""One measurement, run in its own process so that its peak memory is its own.

``python -m bench.measure TASK '{"json": "args"}'`` prints one JSON object.
Tasks: ``extract`` (throughput against the regex-scan ceiling), ``ingest``
(end to end into an on-disk store, :mod:`bench.measure_ingest`), ``oxigraph`` /
``oxigraph_native`` / ``rdflib`` / ``slice`` / ``index`` (query latencies, load
or build time, :mod:`bench.measure_query`), ``networkx`` (a projection) and
``html`` (focus-graph export).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PKG_NS = "https://w3id.org/policykg/ontology#"
WARM_RUNS = 5
WARM_SECONDS = 0.5
MAX_WARM_RUNS = 200


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest (waited-for) child, in MB (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": round(own, 1), "children_rss_mb": round(children, 1)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def latency(fn: Callable[[], int]) -> dict[str, Any]:
    """One cold run, then the median of the warm runs, in ms; ``rows`` from the last run.

    At least :data:`WARM_RUNS` warm runs, more for fast queries (until :data:`WARM_SECONDS` of
    warm time or :data:`MAX_WARM_RUNS` runs): a median of 5 sub-millisecond runs is noise on a
    shared machine.
    """
    cold, rows = timed(fn)
    warm: list[float] = []
    while len(warm) < WARM_RUNS or (sum(warm) < WARM_SECONDS and len(warm) < MAX_WARM_RUNS):
        seconds, rows = timed(fn)
        warm.append(seconds)
    return {"ms": round(statistics.median(warm) * 1000, 3), "cold_ms": round(cold * 1000, 3), "rows": rows,
            "runs": len(warm)}  # fmt: skip


REFERENCE_GRAMMAR = ("REF_FULL_RE", "REF_BARE_RE", "REF_LAW_RE", "REF_QUOTED_RE", "REF_CONGRESS_RE",
                     "REF_SELF_RE", "REF_SHORT_RE", "ALIAS_RE")  # fmt: skip
"""The patterns of ``loaders/patterns/references.py`` that ``loaders.references`` runs over the
whole text: one pass of each is the regex-scan ceiling extraction is compared with."""


def pattern_regexes() -> list[re.Pattern[str]]:
    """Every compiled ``*_RE`` constant of ``loaders.patterns`` (an extra comparison row)."""
    import loaders.patterns as patterns

    found = []
    for info in pkgutil.iter_modules(patterns.__path__):
        module = importlib.import_module(f"loaders.patterns.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_RE") and isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append(value)
    return found


def reference_grammar() -> list[re.Pattern[str]]:
    """The regexes of :data:`REFERENCE_GRAMMAR` (those the patterns module defines)."""
    module = importlib.import_module("loaders.patterns.references")
    return [getattr(module, name) for name in REFERENCE_GRAMMAR if hasattr(module, name)]


def _name(rx: re.Pattern[str]) -> str:
    """``module.CONSTANT`` of a pattern regex."""
    import loaders.patterns as patterns

    for info in pkgutil.iter_modules(patterns.__path__):
        for name, value in vars(importlib.import_module(f"loaders.patterns.{info.name}")).items():
            if value is rx:
                return f"{info.name}.{name}"
    return "?"


def _scan(texts: list[str], regexes: list[re.Pattern[str]]) -> tuple[float, int]:
    """Seconds to consume every match of ``regexes`` over ``texts`` (one pass each), and the matches."""
    return timed(lambda: sum(1 for t in texts for rx in regexes for _ in rx.finditer(t)))


def _scans(texts: list[str]) -> tuple[dict[str, float], dict[str, Any]]:
    """Scan stages: the ceiling (reference grammar), every ``*_RE``, ``REF_FULL_RE`` alone."""
    grammar, every = reference_grammar(), pattern_regexes()
    ceiling_s, matches = _scan(texts, grammar)
    every_s, _ = _scan(texts, every)
    full = [rx for rx in grammar if rx is getattr(_references(), "REF_FULL_RE", None)]
    slowest = sorted(((_scan(texts, [rx])[0], rx) for rx in every), key=lambda pair: pair[0], reverse=True)
    stages = {f"scan: reference grammar ({len(grammar)} regexes) = ceiling": ceiling_s,
              f"scan: every *_RE ({len(every)} regexes)": every_s}  # fmt: skip
    if full:
        stages["scan: REF_FULL_RE only"] = _scan(texts, full)[0]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    info = {"regexes": len(every), "grammar_regexes": [_name(rx) for rx in grammar], "matches": matches,
            "slowest_regexes": [[_name(rx), round(size_mb / max(sec, 1e-9), 2)] for sec, rx in slowest[:5]]}  # fmt: skip
    return stages, info


def _references() -> Any:
    return importlib.import_module("loaders.patterns.references")


def task_extract(args: dict[str, Any]) -> dict[str, Any]:
    """Throughput of each extraction stage on the given files, one process (one core), vs the ceiling."""
    from graph.build import build_graph
    from graph.ingest_parallel import graph_to_nquads, prepare_extraction
    from loaders.parse import parse_file
    from loaders.read import read_source

    files = [str(p) for p in args["files"]] * int(args.get("repeat", 1))
    texts = [read_source(p).text for p in files]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    scans, info = _scans(texts)
    ceiling_s = next(iter(scans.values()))
    warm_s, _ = timed(lambda: build_graph(parse_file(files[0])))  # module and gazetteer loading, once
    prepare_extraction()  # as every ingest worker does: what is loaded now leaves the GC's walks
    parse_s, docs = timed(lambda: [parse_file(p) for p in files])
    build_s, graphs = timed(lambda: [build_graph(d) for d in docs])
    nq_s, _ = timed(lambda: [graph_to_nquads(iri, g) for iri, g in graphs])
    n = len(files)
    stages = {
        **scans,
        "parse": parse_s,
        "parse+build": parse_s + build_s,
        "parse+build+nquads": parse_s + build_s + nq_s,
    }
    return {
        "documents": n, "mb": round(size_mb, 3), **info, "triples": sum(len(g) for _, g in graphs),
        "stages": {k: {"s": round(v, 4), "docs_per_s": round(n / v, 1), "mb_per_s": round(size_mb / v, 2),
                       "vs_ceiling": round(v / ceiling_s, 2)} for k, v in stages.items()},
        "first_document_s": round(warm_s, 2), "extract_vs_ceiling": round((parse_s + build_s) / ceiling_s, 2),
        **peak_rss_mb(),
    }  # fmt: skip


def task_networkx(args: dict[str, Any]) -> dict[str, Any]:
    """Lineage on a projection of the implements edges (networkx, and rustworkx when installed)."""
    import networkx as nx
    import pyoxigraph as ox

    from bench.measure_ingest import implements_edges
    from bench.measure_query import measured

    db = ox.Store.read_only(args["store"])

    extract_s, edges = timed(lambda: list(implements_edges(db)))
    build_s, graph = timed(lambda: nx.DiGraph(edges))
    root, leaf = args["root"], args["leaf"]
    result: dict[str, Any] = {
        "edges": len(edges), "extract_ms": round(extract_s * 1000, 2), "build_ms": round(build_s * 1000, 2),
        "lineage_down": measured("lineage_down", lambda: [(d,) for d in nx.ancestors(graph, root)]),
        "lineage_up": measured("lineage_up", lambda: [(a,) for a in nx.descendants(graph, leaf)]),
    }  # fmt: skip
    result.update(_rustworkx(edges, root, leaf))
    result.update(_saved_projection(edges, root))
    return {**result, **peak_rss_mb()}


def _saved_projection(edges: list[tuple[str, str]], root: str) -> dict[str, Any]:
    """A projection kept beside the store: file size, and reload + first answer time (what a CLI call pays)."""
    import pickle
    import tempfile

    import networkx as nx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "implements.pickle"
        path.write_bytes(pickle.dumps(edges, protocol=pickle.HIGHEST_PROTOCOL))

        def reload() -> int:
            graph = nx.DiGraph(pickle.loads(path.read_bytes()))
            return len(nx.ancestors(graph, root))

        seconds, _ = timed(reload)
        return {"saved_projection_kb": round(path.stat().st_size / 1024, 1),
                "saved_projection_reload_ms": round(seconds * 1000, 2)}  # fmt: skip


def _rustworkx(edges: list[tuple[str, str]], root: str, leaf: str) -> dict[str, Any]:
    try:
        import rustworkx as rx
    except ImportError:
        return {}
    from bench.measure_query import measured

    def build() -> tuple[Any, dict[str, int]]:
        graph = rx.PyDiGraph()
        index: dict[str, int] = {}
        for s, o in edges:
            for node in (s, o):
                if node not in index:
                    index[node] = graph.add_node(node)
        graph.add_edges_from_no_data([(index[s], index[o]) for s, o in edges])
        return graph, index

    build_s, (graph, index) = timed(build)
    return {
        "rx_build_ms": round(build_s * 1000, 2),
        "rx_lineage_down": measured(
            "lineage_down", lambda: [(graph[i],) for i in rx.ancestors(graph, index[root])]
        ),
        "rx_lineage_up": measured(
            "lineage_up", lambda: [(graph[i],) for i in rx.descendants(graph, index[leaf])]
        ),
    }


def task_html(args: dict[str, Any]) -> dict[str, Any]:
    """``policykg export --format html --focus ROOT --depth 1`` in-process, timed."""
    import io

    from rdflib import URIRef

    from graph.export import export
    from graph.store import open_store

    store = open_store(args["store"], read_only=True)
    out = io.BytesIO()
    seconds, summary = timed(
        lambda: export(store, "html", out, focus=URIRef(args["root"]), depth=int(args.get("depth", 1)),
                       max_nodes=int(args.get("max_nodes", 20_000)))
    )  # fmt: skip
    store.close()
    return {"s": round(seconds, 3), "nodes": summary.nodes, "edges": summary.edges, "bytes": len(out.getvalue()),
            **peak_rss_mb()}  # fmt: skip


TASKS = {
    "extract": "bench.measure:task_extract", "ingest": "bench.measure_ingest:task_ingest",
    "oxigraph": "bench.measure_query:task_oxigraph", "oxigraph_native": "bench.measure_query:task_oxigraph_native",
    "rdflib": "bench.measure_query:task_rdflib", "slice": "bench.measure_query:task_slice",
    "index": "bench.measure_query:task_index", "dump": "bench.measure_query:task_dump",
    "networkx": "bench.measure:task_networkx", "html": "bench.measure:task_html",
}  # fmt: skip
"""Task name -> ``module:function`` (imported when run)."""


def task(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The function of task ``name``."""
    module, function = TASKS[name].split(":")
    found: Callable[[dict[str, Any]], dict[str, Any]] = getattr(importlib.import_module(module), function)
    return found


def main(argv: list[str]) -> int:
    name, raw = argv[0], argv[1] if len(argv) > 1 else "{}"
    print(json.dumps(task(name)(json.loads(raw)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
