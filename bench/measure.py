"""One measurement, run in its own process so that its peak memory is its own.

``python -m bench.measure TASK '{"json": "args"}'`` prints one JSON object.
Tasks: ``extract`` (throughput against the regex-scan ceiling), ``ingest``
(end to end into an on-disk store), ``oxigraph`` / ``rdflib`` / ``networkx``
(query latencies, load or build time) and ``html`` (focus-graph export).
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

QUERY_DIR = Path(__file__).resolve().parent / "queries"
PKG_NS = "https://w3id.org/policykg/ontology#"
WARM_RUNS = 5


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
    """One cold run, then the median of :data:`WARM_RUNS` warm runs, in ms; ``rows`` from the last run."""
    cold, rows = timed(fn)
    warm = []
    for _ in range(WARM_RUNS):
        seconds, rows = timed(fn)
        warm.append(seconds)
    return {"ms": round(statistics.median(warm) * 1000, 3), "cold_ms": round(cold * 1000, 3), "rows": rows}


def reference_regexes() -> list[re.Pattern[str]]:
    """Every compiled ``*_RE`` constant of ``loaders.patterns``: the regex-scan ceiling."""
    import loaders.patterns as patterns

    found = []
    for info in pkgutil.iter_modules(patterns.__path__):
        module = importlib.import_module(f"loaders.patterns.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_RE") and isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append(value)
    return found


def _patterns(name: str) -> Any:
    return importlib.import_module(f"loaders.patterns.{name}")


def _name(rx: re.Pattern[str]) -> str:
    """``module.CONSTANT`` of a reference regex."""
    import loaders.patterns as patterns

    for info in pkgutil.iter_modules(patterns.__path__):
        for name, value in vars(_patterns(info.name)).items():
            if value is rx:
                return f"{info.name}.{name}"
    return "?"


def _scan_seconds(texts: list[str], regexes: list[re.Pattern[str]]) -> float:
    """Time to consume every match of ``regexes`` over ``texts``."""
    return timed(lambda: sum(1 for t in texts for rx in regexes for _ in rx.finditer(t)))[0]


def task_extract(args: dict[str, Any]) -> dict[str, Any]:
    """Throughput of each extraction stage on the given files, one process (one core)."""
    from graph.build import build_graph
    from graph.ingest_parallel import graph_to_nquads
    from loaders.parse import parse_file
    from loaders.read import read_source

    files = [str(p) for p in args["files"]] * int(args.get("repeat", 1))
    texts = [read_source(p).text for p in files]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    regexes = reference_regexes()

    def scan() -> int:
        return sum(1 for t in texts for rx in regexes for _ in rx.finditer(t))

    scan_s, matches = timed(scan)
    slowest = sorted(
        ((_scan_seconds(texts, [rx]), rx) for rx in regexes), key=lambda pair: pair[0], reverse=True
    )
    reference = [rx for _, rx in slowest if rx is getattr(_patterns("references"), "REF_FULL_RE", None)]
    ref_s = (
        timed(lambda: sum(1 for t in texts for rx in reference for _ in rx.finditer(t)))[0]
        if reference
        else 0
    )
    warm_s, _ = timed(lambda: build_graph(parse_file(files[0])))  # module and gazetteer loading, once
    parse_s, docs = timed(lambda: [parse_file(p) for p in files])
    build_s, graphs = timed(lambda: [build_graph(d) for d in docs])
    nq_s, _ = timed(lambda: [graph_to_nquads(iri, g) for iri, g in graphs])
    n = len(files)
    stages = {"scan": scan_s, **({"scan REF_FULL_RE only": ref_s} if ref_s else {}), "parse": parse_s, "parse+build": parse_s + build_s,
              "parse+build+nquads": parse_s + build_s + nq_s}  # fmt: skip
    return {
        "documents": n, "mb": round(size_mb, 3), "regexes": len(regexes), "matches": matches,
        "triples": sum(len(g) for _, g in graphs),
        "stages": {k: {"s": round(v, 4), "docs_per_s": round(n / v, 1), "mb_per_s": round(size_mb / v, 2)}
                   for k, v in stages.items()},
        "slowest_regexes": [[_name(rx), round(size_mb / max(sec, 1e-9), 2)] for sec, rx in slowest[:5]],
        "first_document_s": round(warm_s, 2), "parse_vs_scan": round(parse_s / scan_s, 2), "extract_vs_scan": round((parse_s + build_s) / scan_s, 2),
        **peak_rss_mb(),
    }  # fmt: skip


def _query_text(name: str) -> str:
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _queries(
    run: Callable[[str, str, str], int], root: str, leaf: str, *, sub_select: bool = True
) -> dict[str, Any]:
    """The benchmark queries; ``sub_select=False`` skips ``agencies_join_sub`` (a minute a run in rdflib)."""
    result = {
        "lineage_down": latency(lambda: run("lineage_down", "root", root)),
        "lineage_up": latency(lambda: run("lineage_up", "leaf", leaf)),
        "implementing": latency(lambda: run("implementing", "root", root)),
        "agencies_join": latency(lambda: run("agencies_join", "root", root)),
    }
    if sub_select:
        result["agencies_join_sub"] = latency(lambda: run("agencies_join_sub", "root", root))
    return result


def task_oxigraph(args: dict[str, Any]) -> dict[str, Any]:
    """The project's store (embedded Oxigraph on disk, read-only) answering the four queries."""
    from rdflib import URIRef

    from graph.store import open_store

    open_s, store = timed(lambda: open_store(args["store"], read_only=True))

    def run(name: str, var: str, iri: str) -> int:
        return len(store.query(_query_text(name), {var: URIRef(iri)}).rows)

    result = {"open_ms": round(open_s * 1000, 2), **_queries(run, args["root"], args["leaf"])}
    store.close()
    return {**result, **peak_rss_mb()}


def task_oxigraph_native(args: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph directly (no rdflib term conversion), same store, same queries, same bindings."""
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])

    def run(name: str, var: str, iri: str) -> int:
        rows = db.query(_query_text(name), use_default_graph_as_union=True,
                        substitutions={ox.Variable(var): ox.NamedNode(iri)})  # fmt: skip
        return len(list(rows))  # type: ignore[arg-type]

    return {**_queries(run, args["root"], args["leaf"]), **peak_rss_mb()}


def task_rdflib(args: dict[str, Any]) -> dict[str, Any]:
    """rdflib's in-memory Dataset (union default graph) loaded from the store's N-Quads dump."""
    from rdflib import Dataset, URIRef
    from rdflib.plugins.sparql import prepareQuery

    dataset = Dataset(default_union=True)
    load_s, _ = timed(lambda: dataset.parse(args["dump"], format="nquads"))
    prepared = {
        name: prepareQuery(_query_text(name))
        for name in ("lineage_down", "lineage_up", "implementing", "agencies_join")
    }

    def run(name: str, var: str, iri: str) -> int:
        return len(list(dataset.query(prepared[name], initBindings={var: URIRef(iri)})))

    return {
        "load_s": round(load_s, 2),
        "triples": len(dataset),
        **_queries(run, args["root"], args["leaf"], sub_select=False),
        **peak_rss_mb(),
    }


def task_networkx(args: dict[str, Any]) -> dict[str, Any]:
    """Lineage on a projection of the implements edges (networkx, and rustworkx when installed)."""
    import networkx as nx
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])
    from bench.measure_ingest import implements_edges

    extract_s, edges = timed(lambda: list(implements_edges(db)))
    build_s, graph = timed(lambda: nx.DiGraph(edges))
    root, leaf = args["root"], args["leaf"]
    result: dict[str, Any] = {
        "edges": len(edges), "extract_ms": round(extract_s * 1000, 2), "build_ms": round(build_s * 1000, 2),
        "lineage_down": latency(lambda: len(nx.ancestors(graph, root))),
        "lineage_up": latency(lambda: len(nx.descendants(graph, leaf))),
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
        "rx_lineage_down": latency(lambda: len(rx.ancestors(graph, index[root]))),
        "rx_lineage_up": latency(lambda: len(rx.descendants(graph, index[leaf]))),
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


def task_dump(args: dict[str, Any]) -> dict[str, Any]:
    """Write the store as N-Quads (the input rdflib loads)."""
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])
    seconds, _ = timed(lambda: db.dump(args["out"], format=ox.RdfFormat.N_QUADS))
    return {"s": round(seconds, 2), "mb": round(Path(args["out"]).stat().st_size / 1e6, 1)}


def task_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """See :func:`bench.measure_ingest.task_ingest`."""
    from bench.measure_ingest import task_ingest as run

    return run(args)


TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "extract": task_extract, "ingest": task_ingest, "oxigraph": task_oxigraph,
    "oxigraph_native": task_oxigraph_native, "rdflib": task_rdflib,
    "networkx": task_networkx, "html": task_html, "dump": task_dump,
}  # fmt: skip


def main(argv: list[str]) -> int:
    task, raw = argv[0], argv[1] if len(argv) > 1 else "{}"
    print(json.dumps(TASKS[task](json.loads(raw)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
