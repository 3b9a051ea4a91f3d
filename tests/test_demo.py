"""Tests of graph.demo: the bundled sample corpus and the store the demo may write to."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from graph.demo import build_demo, demo_report, next_steps, open_demo_store, sample_corpus, sample_files
from graph.store import open_store
from loaders.errors import StoreError
from ontology.terms import PKG


def test_the_sample_corpus_is_package_data() -> None:
    files = sample_files()
    assert len(files) == 9
    assert {p.suffix for p in files} == {".txt", ".md"}
    assert all(p.parent == sample_corpus() for p in files)
    assert (sample_corpus() / "ABOUT").is_file()


def test_sample_corpus_covers_the_cases_tests_rely_on() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sample_files()}
    joined = "\n".join(texts.values())
    assert sum("Số 02-NQ/TU" in t for t in texts.values()) == 1  # Nghệ An's own 02-NQ/TU
    assert "Nghị quyết số 02-NQ/TU ngày 05/3/2021" in joined  # Hà Tĩnh's, cited
    assert sum("Số: /KH-UBND" in t for t in texts.values()) == 1  # a blank number
    assert "sửa đổi, bổ sung" in joined and "Căn cứ" in joined and "quý III/2026" in joined


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://127.0.0.1:1/sparql", "not a remote one"),
        ("https://example.org/sparql", "not a remote one"),
    ],
)
def test_remote_targets_are_refused(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_demo_store(target, set())


def test_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a folder"):
        open_demo_store(str(path), set())


def test_a_folder_that_is_not_a_store_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a policykg store"):
        open_demo_store(str(tmp_path), set())
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_a_store_with_other_documents_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "mine")
    store = open_store(path)
    mine = URIRef("https://w3id.org/policykg/eli/vn/tw/ct/2099/01/01/1")
    graph = Graph()
    graph.add((mine, PKG.title, Literal("of the user", lang="vi")))
    store.replace_graph(mine, graph)
    store.close()
    with pytest.raises(StoreError, match="not from the sample corpus"):
        open_demo_store(path, {"https://w3id.org/policykg/eli/vn/tw/ct/2024/09/10/45"})
    with pytest.raises(StoreError, match="not from the sample corpus"):
        open_demo_store(path, set())


@pytest.mark.parametrize("name", ["absent", "empty"])
def test_new_or_empty_folders_are_accepted(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "empty":
        path.mkdir()
    store = open_demo_store(str(path), set())
    try:
        assert store.named_graphs() == []
    finally:
        store.close()


def test_build_demo_twice_in_the_same_folder_gives_the_same_store(tmp_path: Path) -> None:
    path = str(tmp_path / "demo")
    store, summary = build_demo(path)
    first = store.triple_count()
    store.close()
    assert not summary.failed and len(summary.succeeded) == 9
    store, _ = build_demo(path)
    try:
        assert store.triple_count() == first > 0
    finally:
        store.close()


def test_demo_report_shows_stats_the_chain_and_the_tasks() -> None:
    store, summary = build_demo("memory:")
    try:
        report = demo_report(store, summary, ["document", "agency", "due"])
    finally:
        store.close()
    stats, rest = report.split("$ policykg lineage 45-CT/TW --down")
    tree, table = rest.split("$ policykg tasks --doc 3456/KH-UBND")
    assert "triples" in stats and "documents   9" in stats
    assert "215-KH/TU" in tree and "97-KH/HU" in tree and "(no number)" in tree
    assert table.splitlines()[1].split() == ["document", "agency", "due"]
    assert "Sở Thông tin và Truyền thông" in table and "2026-09-30" in table


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("policykg-demo-store", "policykg --store policykg-demo-store lineage 97-KH/HU --up"),
        ("/tmp/x y", "policykg --store '/tmp/x y' lineage"),
        ("memory:", "was in memory and is gone"),
    ],
)
def test_next_steps_name_the_store(target: str, expected: str) -> None:
    assert expected in next_steps(target)
