"""Query latency on one store: the project's store, pyoxigraph directly, rdflib in memory, a slice.

Each engine runs the same ``bench/queries/*.rq`` files with the same bound
variables. ``agencies_join`` is the same text on every engine;
``agencies_join_best`` runs each engine's fastest form of that question
(:data:`BEST_FORMS`). Every answer is reduced to a digest of its sorted rows so
the report can say whether two engines returned the *same* rows, not only as
many.
"""

from __future__ import annotations

import functools
import hashlib
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench.measure import PKG_NS, latency, peak_rss_mb, timed

QUERY_DIR = Path(__file__).resolve().parent / "queries"
QUERIES: dict[str, tuple[str, str]] = {
    "lineage_down": ("root", "root"),
    "lineage_up": ("leaf", "leaf"),
    "implementing": ("root", "root"),
    "agencies_join": ("root", "root"),
    "agencies_join_best": ("root", "root"),
}
"""Query name -> (variable bound, which IRI of the run binds it)."""
BEST_FORMS = {"oxigraph": "agencies_join_oxigraph", "rdflib": "agencies_join"}
"""The query file each engine runs for ``agencies_join_best``. rdflib's fastest is the plain form:
the same join with the plan's tasks read from ``GRAPH ?doc`` ran within noise of it (0.8–2 s at
10^3 documents, 4–9 s on the 10^4 slice), and both forms faster for Oxigraph (a sub-select, or
``GRAPH ?doc { ?task pkg:assignee ?agency }`` alone) take rdflib 30–60 s at 10^3."""
KEY_COLUMNS = {"lineage_down": 1, "lineage_up": 1}
"""Columns compared across engines (lineage: the documents only, as a projection returns them)."""
SLICE_PREDICATES = ("implements", "assigns", "assignee", "number", "issuerLabel")
"""Everything the benchmark queries read: the slice rdflib loads when the whole store does not fit."""


@functools.cache
def query_text(name: str, engine: str = "oxigraph") -> str:
    """The SPARQL of query ``name`` as ``engine`` runs it."""
    file = BEST_FORMS[engine] if name == "agencies_join_best" else name
    return (QUERY_DIR / f"{file}.rq").read_text(encoding="utf-8")


def term_text(term: Any) -> str:
    """A result term as plain text, whichever library made it (pyoxigraph terms have ``.value``)."""
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return value if isinstance(value, str) else str(term)


def digest(name: str, rows: Iterable[Any]) -> str:
    """A short hash of the sorted rows of query ``name`` (its key columns), engine-independent."""
    width = KEY_COLUMNS.get(name)
    cells = (list(row.values() if isinstance(row, dict) else row)[:width] for row in rows)
    lines = sorted("\t".join(term_text(t) for t in terms) for terms in cells)
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()[:12]


def measured(name: str, run: Callable[[], list[Any]]) -> dict[str, Any]:
    """:func:`bench.measure.latency` of ``run`` (rows materialised), plus the digest of its answer."""
    answers: list[list[Any]] = []

    def once() -> int:
        answers[:] = [run()]
        return len(answers[0])

    result = latency(once)
    return {**result, "digest": digest(name, answers[0])}


def run_queries(run: Callable[[str, str, str], list[Any]], ids: dict[str, Any]) -> dict[str, Any]:
    """Every query of :data:`QUERIES` (but ``ids["skip_queries"]``) through ``run(name, variable, iri)``."""
    result = {}
    skipped = set(ids.get("skip_queries", ()))
    for name, (var, key) in QUERIES.items():
        if name in skipped:
            continue
        result[name] = measured(name, lambda n=name, v=var, k=key: run(n, v, ids[k]))  # type: ignore[misc]
    return result


def task_oxigraph(args: dict[str, Any]) -> dict[str, Any]:
    """The project's store (``graph.store``, read-only): rows as rdflib terms, what the CLI sees."""
    from rdflib import URIRef

    from graph.store import open_store

    open_s, store = timed(lambda: open_store(args["store"], read_only=True))

    def run(name: str, var: str, iri: str) -> list[Any]:
        return list(store.query(query_text(name), {var: URIRef(iri)}).rows)  # dicts in SELECT order

    result = {"open_ms": round(open_s * 1000, 2), **run_queries(run, args)}
    store.close()
    return {**result, **peak_rss_mb()}


def _native_runner(db: Any) -> Callable[[str, str, str], list[Any]]:
    import pyoxigraph as ox

    def run(name: str, var: str, iri: str) -> list[Any]:
        rows = db.query(query_text(name), use_default_graph_as_union=True,
                        substitutions={ox.Variable(var): ox.NamedNode(iri)})  # fmt: skip
        return [tuple(row) for row in rows]  # every term decoded, as a caller would

    return run


def task_oxigraph_native(args: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph directly (terms decoded, no rdflib conversion), same store, queries and bindings."""
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])
    return {**run_queries(_native_runner(db), args), **peak_rss_mb()}


def task_rdflib(args: dict[str, Any]) -> dict[str, Any]:
    """rdflib's in-memory Dataset (union default graph) loaded from an N-Quads file (dump or slice)."""
    from rdflib import Dataset, URIRef
    from rdflib.plugins.sparql import prepareQuery

    dataset = Dataset(default_union=True)
    load_s, _ = timed(lambda: dataset.parse(args["dump"], format="nquads"))
    prepared = {name: prepareQuery(query_text(name, "rdflib")) for name in QUERIES}

    def run(name: str, var: str, iri: str) -> list[Any]:
        return list(dataset.query(prepared[name], initBindings={var: URIRef(iri)}))

    return {"load_s": round(load_s, 2), "triples": len(dataset), **run_queries(run, args), **peak_rss_mb()}


def task_slice(args: dict[str, Any]) -> dict[str, Any]:
    """Write the quads of :data:`SLICE_PREDICATES` as N-Quads, then time pyoxigraph on that slice (in memory)."""
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])

    def write() -> int:
        quads = [
            q for p in SLICE_PREDICATES for q in db.quads_for_pattern(None, ox.NamedNode(PKG_NS + p), None)
        ]
        with open(args["out"], "wb") as out:
            ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
        return len(quads)

    write_s, quads = timed(write)
    memory = ox.Store()
    load_s, _ = timed(lambda: memory.bulk_load(path=args["out"], format=ox.RdfFormat.N_QUADS))
    return {"quads": quads, "write_s": round(write_s, 2), "mb": round(Path(args["out"]).stat().st_size / 1e6, 1),
            "load_s": round(load_s, 2), **run_queries(_native_runner(memory), args), **peak_rss_mb()}  # fmt: skip


def task_dump(args: dict[str, Any]) -> dict[str, Any]:
    """Write the whole store as N-Quads (the input rdflib loads)."""
    import pyoxigraph as ox

    db = ox.Store.read_only(args["store"])
    seconds, _ = timed(lambda: db.dump(args["out"], format=ox.RdfFormat.N_QUADS))
    return {"s": round(seconds, 2), "mb": round(Path(args["out"]).stat().st_size / 1e6, 1)}


def task_index(args: dict[str, Any]) -> dict[str, Any]:
    """Lineage through ``graph.lineage_index``: rebuild cost, open + first answer, warm latency."""
    try:
        from graph.lineage_index import LineageIndex, sidecar_path
    except ImportError as err:
        return {"error": f"graph.lineage_index not available ({err})"}
    store = Path(args["store"]).resolve()
    with tempfile.TemporaryDirectory() as folder:  # a sidecar of our own: the store's is left as it is
        alias = Path(folder) / store.name
        alias.symlink_to(store, target_is_directory=True)
        rebuild_s, index = timed(lambda: LineageIndex.open(alias))
        index.close()
        sidecar_mb = sidecar_path(alias).stat().st_size / 1e6
        first_s, (index, _) = timed(lambda: _open_and_answer(LineageIndex, alias, args["root"]))
        result = {
            "rebuild_s": round(rebuild_s, 2), "sidecar_mb": round(sidecar_mb, 1),
            "open_first_answer_ms": round(first_s * 1000, 2),
            "lineage_down": measured("lineage_down", lambda: [(d,) for d in index.descendants(args["root"])]),
            "lineage_up": measured("lineage_up", lambda: [(a,) for a in index.ancestors(args["leaf"])]),
        }  # fmt: skip
        index.close()
    return {**result, **peak_rss_mb()}


def _open_and_answer(index_class: Any, store: Path, root: str) -> tuple[Any, list[str]]:
    """What a CLI call pays: open an existing, fresh index and answer one descendants query."""
    index = index_class.open(store)
    return index, index.descendants(root)
