"""Tests of bench/report.py: the tables render from a results dict, rows are cross-checked, the plot is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.report import main, merge, same_rows, table


def answer(ms: float, rows: int = 3, digest: str = "abc") -> dict[str, Any]:
    return {"ms": ms, "cold_ms": ms * 2, "rows": rows, "digest": digest}


def size_row(size: int, rdflib_digest: str = "abc", whole_rdflib: bool = True) -> dict[str, Any]:
    """One size's results with every block the runner writes."""
    queries = ("lineage_down", "lineage_up", "implementing", "agencies_join", "agencies_join_best")
    row: dict[str, Any] = {
        "size": size,
        "ingest": {"documents": size, "s": 10.0, "docs_per_s": size / 10, "rss_mb": 100.0, "store_mb": 5.0},
        "oxigraph": {"open_ms": 3.0, **{q: answer(2.0) for q in queries}},
        "oxigraph_native": {q: answer(1.0) for q in queries},
        "index": {"rebuild_s": 0.5, "open_first_answer_ms": 4.0, "lineage_down": answer(0.2), "lineage_up": answer(0.01)},
        "networkx": {"lineage_down": answer(0.5), "rx_lineage_down": answer(0.1), "extract_ms": 9.0},
    }  # fmt: skip
    rdflib = {"load_s": 3.0, "rss_mb": 700.0, **{q: answer(40.0, digest=rdflib_digest) for q in queries}}
    if whole_rdflib:
        row["rdflib"] = rdflib
    else:
        row["slice"] = {"quads": 1234, **{q: answer(1.5) for q in queries}}
        row["rdflib_slice"] = rdflib
    return row


def results(*rows: dict[str, Any]) -> dict[str, Any]:
    stages = {"scan: reference grammar (8 regexes) = ceiling": {"s": 1.0, "docs_per_s": 100.0, "mb_per_s": 1.0},
              "parse+build": {"s": 3.0, "docs_per_s": 33.3, "mb_per_s": 0.3}}  # fmt: skip
    return {
        "machine": {"nproc": 2},
        "jobs": 2,
        "extraction": {"generated": {"stages": stages}},
        "sizes": list(rows),
    }


def test_table_shows_every_engine_and_the_ratio_to_the_ceiling() -> None:
    text = table(results(size_row(1000), size_row(10000)))
    assert "agencies_join_best" in text
    assert "policykg index ms" in text
    assert "×3.0" in text  # parse+build takes three times the ceiling
    assert "×20.0" in text  # rdflib 40 ms / store 2 ms
    assert "How cost grows with the corpus" in text


def test_slice_rows_are_labelled_as_a_slice() -> None:
    text = table(results(size_row(100000, whole_rdflib=False)))
    assert "SLICE" in text
    assert "1,234" in text


@pytest.mark.parametrize(
    ("rdflib_digest", "expected"),
    [("abc", "yes"), ("other", "NO 3")],
)
def test_same_rows_compares_digests(rdflib_digest: str, expected: str) -> None:
    assert same_rows(size_row(1000, rdflib_digest), "agencies_join") == expected


def test_same_rows_falls_back_to_counts_for_old_results() -> None:
    row = {
        "oxigraph": {"implementing": {"ms": 1.0, "rows": 5}},
        "rdflib": {"implementing": {"ms": 9.0, "rows": 6}},
    }
    assert same_rows(row, "implementing") == "NO 5/6"


def test_main_merges_runs_and_writes_the_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(results(size_row(10000))))
    second.write_text(json.dumps(results(size_row(1000))))
    assert main([str(first), str(second), "--plot", str(tmp_path / "p.png")]) == 0
    assert (tmp_path / "p.png").stat().st_size > 0
    assert [row["size"] for row in merge([first, second])["sizes"]] == [1000, 10000]
    assert "agencies_join_best" in capsys.readouterr().out
