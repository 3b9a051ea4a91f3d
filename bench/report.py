"""Turn benchmark results into the machine description, a text table and a PNG plot."""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
from pathlib import Path
from typing import Any

QUERIES = (
    "lineage_down",
    "lineage_up",
    "implementing",
    "agencies_join",
    "agencies_join_best",
    "agencies_join_sub",
)
ENGINES = ("oxigraph", "oxigraph_native", "index", "rdflib", "networkx")
"""Result blocks that answer queries (networkx also holds the rustworkx answers as ``rx_<query>``)."""
BEST_FORMS_NOTE = (
    "agencies_join_best: each engine's fastest form of agencies_join (same rows) — store and pyoxigraph: "
    "bench/queries/agencies_join_oxigraph.rq (chain in a sub-select, then each plan's own GRAPH); "
    "rdflib: the plain agencies_join.rq (its other forms were no faster, the sub-select 30× slower)"
)
PACKAGES = ("pyoxigraph", "rdflib", "networkx", "rustworkx", "matplotlib")


def machine() -> dict[str, Any]:
    """nproc, memory, CPU model, load average, Python and library versions."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 0
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "nproc": os.cpu_count(), "memory_gib": round(pages / 2**30, 1), "cpu": cpu,
        "system": platform.platform(), "python": platform.python_version(),
        "loadavg": [round(x, 2) for x in os.getloadavg()], "versions": versions,
    }  # fmt: skip


def _get(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _ratio(a: Any, b: Any) -> str:
    if not isinstance(a, int | float) or not isinstance(b, int | float) or not b:
        return "–"
    return f"×{a / b:,.1f}"


def _lines(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(str(c).rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return out


def extraction_table(results: dict[str, Any]) -> list[str]:
    rows = []
    for corpus, data in (results.get("extraction") or {}).items():
        stages: dict[str, dict[str, Any]] = data.get("stages") or {}
        ceiling = next(iter(stages.values()), {}).get("s")  # the first stage is the ceiling
        for stage, m in stages.items():
            rows.append([corpus, stage, _fmt(m["docs_per_s"]), _fmt(m["mb_per_s"], 2),
                         _ratio(m["s"], ceiling)])  # fmt: skip
        if "error" in data:
            rows.append([corpus, "error", data["error"][:60], "", ""])
    return [
        "Extraction, one core (ceiling: one pass of the reference grammar's regexes over the same text)",
        *_lines(["corpus", "stage", "docs/s", "MB/s", "time vs ceiling"], rows),
    ]


INGESTS = {
    "ingest": "ingest_parallel --jobs N",
    "ingest_bulk": "ingest_parallel --jobs N, bulk loader",
    "ingest_one_job": "ingest_parallel, 1 job",
    "ingest_serial": "ingest_paths (per document)",
}


def ingest_table(results: dict[str, Any]) -> list[str]:
    rows = []
    for row in results.get("sizes", []):
        main = row.get("ingest", {})
        for key, label in INGESTS.items():
            ing = row.get(key)
            if not ing:
                continue
            rows.append([
                _fmt(row["size"]), label, _fmt(ing.get("documents")), _fmt(ing.get("triples")), _fmt(ing.get("s"), 1),
                _fmt(ing.get("docs_per_s")), _fmt(ing.get("triples_per_s")), _ratio(ing.get("s"), main.get("s")),
                _fmt(ing.get("rss_mb"), 0), _fmt(max(ing.get("children_rss_mb") or 0, ing.get("workers_rss_mb") or 0), 0),
                _fmt(ing.get("store_mb")), f"{_fmt(ing.get('edges_found'))}/{_fmt(ing.get('edges_expected'))}", _fmt(ing.get("graphs")),
                _fmt(ing.get("failed")) if "error" not in ing else ing["error"][:40],
            ])  # fmt: skip
    header = ["corpus", "how", "docs", "triples", "s", "docs/s", "triples/s", "time vs main", "writer MB",
              "worker MB", "store MB", "implements found", "graphs", "failed"]  # fmt: skip
    return [
        f"End-to-end ingest into an on-disk store (N = {results.get('jobs', '?')})",
        *_lines(header, rows),
    ]


def same_rows(row: dict[str, Any], query: str) -> str:
    """ "yes" when every engine that answered ``query`` returned the same rows (digests, else counts)."""
    answers = [row.get(engine, {}).get(key) for engine in ENGINES for key in (query, f"rx_{query}")]
    answers = [a for a in answers if isinstance(a, dict)]
    digests = {a["digest"] for a in answers if "digest" in a}
    counts = {a.get("rows") for a in answers if a.get("rows") is not None}
    if not answers:
        return "–"
    if len(digests) > 1 or len(counts) > 1:
        return "NO " + "/".join(map(str, sorted(counts)))
    return "yes" if digests else "yes (counts)"


def query_table(results: dict[str, Any]) -> list[str]:
    rows = []
    for row in results.get("sizes", []):
        ox, native, rd, nx, ix = (
            row.get(k, {}) for k in ("oxigraph", "oxigraph_native", "rdflib", "networkx", "index")
        )
        for q in QUERIES:
            o, v, r = _get(ox, q, "ms"), _get(native, q, "ms"), _get(rd, q, "ms")
            if o is None and v is None:
                continue
            rows.append([_fmt(row["size"]), q, _fmt(o, 2), _fmt(v, 2), _fmt(_get(ix, q, "ms"), 3), _fmt(r, 2),
                         _ratio(r, o), _ratio(r, v), _fmt(_get(nx, q, "ms"), 3), _fmt(_get(nx, f"rx_{q}", "ms"), 3),
                         _fmt(_get(ox, q, "rows") or _get(native, q, "rows")), same_rows(row, q)])  # fmt: skip
    header = ["docs", "query", "policykg store ms", "pyoxigraph ms", "policykg index ms", "rdflib ms",
              "rdflib/store", "rdflib/pyoxigraph", "networkx ms", "rustworkx ms", "rows", "same rows"]  # fmt: skip
    return [
        "Query latency, ms (median of >= 5 warm runs; fast queries repeated for 0.5 s)",
        *_lines(header, rows),
        BEST_FORMS_NOTE,
    ]


def slice_table(results: dict[str, Any]) -> list[str]:
    """Sizes above ``--rdflib-max``: rdflib and pyoxigraph (in memory) on the slice the queries read."""
    rows = []
    for row in results.get("sizes", []):
        sl, rd, ox = (row.get(k, {}) for k in ("slice", "rdflib_slice", "oxigraph"))
        for q in QUERIES:
            v, r = _get(sl, q, "ms"), _get(rd, q, "ms")
            if v is None and r is None:
                continue
            same = _get(sl, q, "digest") == _get(rd, q, "digest") == _get(ox, q, "digest")
            rows.append([_fmt(row["size"]), _fmt(sl.get("quads")), q, _fmt(v, 2), _fmt(r, 2), _ratio(r, v),
                         _fmt(_get(ox, q, "ms"), 2), _fmt(_get(sl, q, "rows")), "yes" if same else "NO"])  # fmt: skip
        if "error" in rd:
            rows.append([_fmt(row["size"]), _fmt(sl.get("quads")), "rdflib: " + rd["error"][:50], *[""] * 6])
    if not rows:
        return []
    header = ["docs", "slice quads", "query", "pyoxigraph on slice ms", "rdflib on slice ms",
              "rdflib/pyoxigraph", "store (whole) ms", "rows", "same rows as store"]  # fmt: skip
    title = ("Query latency on a SLICE (rdflib cannot hold the whole store): only the implements, assigns, "
             "assignee, number and issuerLabel quads, loaded in memory by both engines")  # fmt: skip
    return ["", title, *_lines(header, rows)]


def load_table(results: dict[str, Any]) -> list[str]:
    rows = []
    for row in results.get("sizes", []):
        rd, nx, html, ix = (row.get(k, {}) for k in ("rdflib", "networkx", "html", "index"))
        rows.append([
            _fmt(row["size"]), _fmt(_get(row, "oxigraph", "open_ms"), 1), _fmt(rd.get("load_s"), 1),
            _fmt(rd.get("rss_mb"), 0), _fmt(nx.get("extract_ms"), 0), _fmt(nx.get("build_ms"), 0),
            _fmt(nx.get("rx_build_ms"), 0), _fmt(nx.get("saved_projection_reload_ms"), 1),
            _fmt(ix.get("rebuild_s"), 2) if "error" not in ix else "n/a", _fmt(ix.get("open_first_answer_ms"), 1), _fmt(html.get("s"), 2),
            _fmt(html.get("nodes")) if "error" not in html else html["error"],
            _fmt(_get(row, "cli_lineage", "s"), 2) if "error" not in row.get("cli_lineage", {}) else row["cli_lineage"]["error"],
        ])  # fmt: skip
    header = ["docs", "store open ms", "rdflib load s", "rdflib MB", "nx extract ms", "nx build ms",
              "rx build ms", "saved projection reload ms", "index rebuild s", "index open+answer ms", "html s",
              "html nodes", "policykg lineage s"]  # fmt: skip
    return ["Start-up, load and projection costs", *_lines(header, rows)]


GROWTH = (
    ("ingest docs/s", "ingest.docs_per_s"),
    ("ingest writer peak MB", "ingest.rss_mb"),
    ("ingest worker peak MB", "ingest.workers_rss_mb"),
    ("store on disk MB", "ingest.store_mb"),
    ("store: lineage_down ms", "oxigraph.lineage_down.ms"),
    ("store: lineage_up ms", "oxigraph.lineage_up.ms"),
    ("store: implementing ms", "oxigraph.implementing.ms"),
    ("store: agencies_join ms", "oxigraph.agencies_join.ms"),
    ("store: agencies_join_best ms", "oxigraph.agencies_join_best.ms"),
    ("index: lineage_down ms", "index.lineage_down.ms"),
    ("index: rebuild s", "index.rebuild_s"),
    ("rdflib: load s", "rdflib.load_s"),
    ("rdflib: peak MB", "rdflib.rss_mb"),
    ("rdflib: lineage_down ms", "rdflib.lineage_down.ms"),
    ("rdflib: agencies_join ms", "rdflib.agencies_join.ms"),
    ("networkx: edge extraction ms", "networkx.extract_ms"),
    ("networkx: build ms", "networkx.build_ms"),
    ("rows of lineage_down", "oxigraph.lineage_down.rows"),
    ("HTML focus export s", "html.s"),
)


def growth_table(results: dict[str, Any]) -> list[str]:
    """Each cost at each size, and how many times it grew from the smallest to the largest size."""
    sizes = results.get("sizes", [])
    if len(sizes) < 2:
        return []
    rows = []
    for label, key in GROWTH:
        values = [_get(row, *key.split(".")) for row in sizes]
        rows.append([label, *(_fmt(v, 2) for v in values), _ratio(values[-1], values[0])])
    factor = f"×{sizes[-1]['size'] / sizes[0]['size']:,.0f} documents"
    header = ["cost", *(_fmt(row["size"]) for row in sizes), factor]
    return ["How cost grows with the corpus", *_lines(header, rows)]


def table(results: dict[str, Any]) -> str:
    """All result tables as text."""
    m = results.get("machine", {})
    head = (
        f"machine: {m.get('nproc')} CPU ({m.get('cpu')}), {m.get('memory_gib')} GiB, load {m.get('loadavg')}"
    )
    parts = [head, *extraction_table(results), "", *ingest_table(results), "", *query_table(results),
             *slice_table(results), "", *load_table(results), "", *growth_table(results)]  # fmt: skip
    return "\n".join(parts)


def plot(results: dict[str, Any], path: Path) -> None:
    """Four panels: ingest rate, query latency, peak memory (all against corpus size), extraction rates."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [row["size"] for row in results.get("sizes", [])]
    fig, axes = plt.subplots(2, 2, figsize=(12, 9))
    _series(axes[0][0], sizes, results, [("ingest", "docs_per_s", "policykg ingest (parallel)"),
                                         ("ingest_serial", "docs_per_s", "per-document ingest"),
                                         ("ingest_bulk", "docs_per_s", "parallel, bulk loader")],
            "documents/s", "End-to-end ingest")  # fmt: skip
    lat = [
        (engine, q, f"{engine} {q}")
        for engine in ("oxigraph", "rdflib", "rdflib_slice")
        for q in ("lineage_down", "agencies_join", "agencies_join_best")
    ]
    _series(axes[0][1], sizes, results, [(e, f"{q}.ms", label) for e, q, label in lat]
            + [("oxigraph_native", "lineage_down.ms", "pyoxigraph lineage_down"), ("networkx", "lineage_down.ms", "networkx lineage_down"),
               ("index", "lineage_down.ms", "policykg index lineage_down")], "ms (log)", "Query latency", log=True)  # fmt: skip
    _series(axes[1][0], sizes, results, [("ingest", "rss_mb", "ingest writer"), ("ingest", "workers_rss_mb", "ingest worker"),
                                         ("rdflib", "rss_mb", "rdflib in memory"), ("oxigraph", "rss_mb", "oxigraph queries"),
                                         ("ingest", "store_mb", "store on disk")], "MB (log)", "Peak memory and store size", log=True)  # fmt: skip
    _extraction_bars(axes[1][1], results)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _series(ax: Any, sizes: list[int], results: dict[str, Any], lines: list[tuple[str, str, str]],
            ylabel: str, title: str, log: bool = False) -> None:  # fmt: skip
    for block, key, label in lines:
        points = [(row["size"], _get(row, block, *key.split("."))) for row in results.get("sizes", [])]
        points = [(x, y) for x, y in points if isinstance(y, int | float)]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", label=label)
    ax.set_xscale("log")
    if log:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    ax.set_xlabel("documents in corpus")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_xticks(sizes) if sizes else None


def _extraction_bars(ax: Any, results: dict[str, Any]) -> None:
    import matplotlib.ticker

    labels, values = [], []
    for corpus, data in (results.get("extraction") or {}).items():
        for stage, m in (data.get("stages") or {}).items():
            labels.append(f"{corpus}\n{stage}")
            values.append(m["mb_per_s"])
    ax.barh(labels, values)
    ax.set_xscale("log")
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xlabel("MB/s on one core (log)")
    ax.set_title("Extraction vs the regex-scan ceiling")
    ax.tick_params(axis="y", labelsize=7)


def merge(paths: list[Path]) -> dict[str, Any]:
    """Results of several runs as one (sizes side by side; the last extraction and machine win)."""
    merged: dict[str, Any] = {"sizes": [], "runs": []}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        merged["runs"].append(
            {"file": str(path), "started": data.get("started"), "machine": data.get("machine")}
        )
        merged.update({k: v for k, v in data.items() if k not in ("sizes", "extraction") and v is not None})
        if data.get("extraction"):
            merged["extraction"] = data["extraction"]
        merged["sizes"] += data.get("sizes", [])
    merged["sizes"].sort(key=lambda row: row["size"])
    return merged


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.report RESULTS.json... [--plot PNG]``: one table and plot from several runs."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("results", nargs="+", type=Path)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--out", type=Path, help="write the merged results here")
    args = parser.parse_args(argv)
    merged = merge(args.results)
    print(table(merged))
    if args.plot:
        plot(merged, args.plot)
    if args.out:
        args.out.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
