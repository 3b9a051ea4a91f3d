"""Tests of graph.ingest: file discovery, the per-file pipeline, idempotence, failures, extract output."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

import graph.ingest as ingest
from graph.demo import sample_files
from graph.ingest import FileResult, discover_files, extract_documents, ingest_paths
from graph.store import Store, open_store
from loaders.errors import StoreError

SAMPLE = sample_files()
DIRECTIVE = next(p for p in SAMPLE if "45-CT-TW" in p.name)
PLAN = next(p for p in SAMPLE if "215-KH-TU" in p.name)


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("memory:")
    yield opened
    opened.close()


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["a.txt", "b.md", "c.DOCX", "d.pdf", "e.html", "f.doc"],
            ["a.txt", "b.md", "c.DOCX", "d.pdf", "e.html", "f.doc"],
        ),
        (["sub/deeper/z.txt", "a.txt"], ["a.txt", "sub/deeper/z.txt"]),
        (["notes.csv", "image.png", "keep.txt"], ["keep.txt"]),
        ([".hidden.txt", ".git/config.txt", "ok.md"], ["ok.md"]),
    ],
)
def test_discover_walks_folders_for_supported_files(
    tmp_path: Path, names: list[str], expected: list[str]
) -> None:
    make_tree(tmp_path, names)
    found = discover_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == expected


def test_discover_keeps_named_files_and_missing_paths(tmp_path: Path) -> None:
    named = tmp_path / "table.csv"
    named.write_text("x", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert discover_files([named, missing]) == [named, missing]


def test_sample_corpus_ingests_without_failures(store: Store) -> None:
    summary = ingest_paths(store, SAMPLE)
    assert [r.error for r in summary.failed] == []
    assert len(summary.results) == len(SAMPLE) == 9
    assert sorted(str(g) for g in store.named_graphs()) == sorted(r.iri for r in summary.results if r.iri)
    assert summary.triples == store.triple_count() > 0


def test_ingesting_twice_changes_nothing(store: Store) -> None:
    ingest_paths(store, SAMPLE)
    first = (store.triple_count(), sorted(store.named_graphs()))
    ingest_paths(store, SAMPLE)
    assert (store.triple_count(), sorted(store.named_graphs())) == first


def bad_files(folder: Path) -> dict[str, bytes]:
    files = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 8, "broken.docx": b"PK\x03\x04 not a zip"}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def test_a_bad_file_fails_alone_and_the_batch_goes_on(tmp_path: Path, store: Store) -> None:
    bad = bad_files(tmp_path)
    good = tmp_path / PLAN.name
    shutil.copy(PLAN, good)
    seen: list[FileResult] = []
    summary = ingest_paths(store, [tmp_path], on_result=seen.append)
    assert seen == list(summary.results)
    assert [Path(r.path).name for r in summary.succeeded] == [good.name]
    assert sorted(Path(r.path).name for r in summary.failed) == sorted(bad)
    for result in summary.failed:
        assert result.error is not None
        assert result.error.startswith(f"{result.path}: ")
        assert "\n" not in result.error
    assert len(store.named_graphs()) == 1


def test_a_failing_batch_leaves_stored_documents_untouched(tmp_path: Path, store: Store) -> None:
    ingest_paths(store, [DIRECTIVE])
    before = sorted(store.quads())
    bad_files(tmp_path)
    summary = ingest_paths(store, [tmp_path, tmp_path / "missing.txt"])
    assert len(summary.failed) == 4
    assert sorted(store.quads()) == before


def test_a_parser_bug_is_reported_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    real = ingest.extract_file

    def flaky(path: str | Path, *, encoding: str | None = None) -> tuple[URIRef, Graph, tuple[str, ...]]:
        if Path(path) == DIRECTIVE:
            raise IndexError("list index out of range")
        return real(path, encoding=encoding)

    monkeypatch.setattr(ingest, "extract_file", flaky)
    summary = ingest_paths(store, [DIRECTIVE, PLAN])
    assert [r.error for r in summary.failed] == [
        f"{DIRECTIVE}: unexpected IndexError: list index out of range"
    ]
    assert len(summary.succeeded) == 1


def test_the_same_document_twice_in_a_batch_is_stored_once_with_a_warning(
    tmp_path: Path, store: Store
) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(PLAN, copy)
    summary = ingest_paths(store, [PLAN, copy])
    assert len(summary.succeeded) == 2
    assert summary.results[0].iri == summary.results[1].iri
    assert summary.results[1].warnings == (f"{copy}: same document as {PLAN}; it replaces it",)
    assert len(store.named_graphs()) == 1


class FailingStore:
    """A store whose writes fail, as when the disk is full."""

    location = "broken:"

    def replace_graph(self, graph_iri: URIRef, triples: Graph) -> None:
        raise StoreError("disk full", self.location)


def test_a_store_failure_stops_the_batch() -> None:
    with pytest.raises(StoreError, match="disk full"):
        ingest_paths(FailingStore(), [DIRECTIVE, PLAN])  # type: ignore[arg-type]


def test_extract_json_is_one_object_for_one_file_and_an_array_for_several() -> None:
    one = json.loads(extract_documents([PLAN], "json").text)
    several = json.loads(extract_documents([PLAN, DIRECTIVE], "json").text)
    assert isinstance(one, dict) and one["number"] == "215-KH/TU"
    assert [d["number"] for d in several] == ["215-KH/TU", "45-CT/TW"]


def test_extract_nquads_has_one_named_graph_per_file() -> None:
    output = extract_documents([PLAN, DIRECTIVE], "nq")
    names = {quad.graph_name for quad in ox.parse(output.text.encode(), format=ox.RdfFormat.N_QUADS)}
    assert len(names) == 2


def test_extract_turtle_parses() -> None:
    graph = Graph().parse(data=extract_documents([PLAN], "ttl").text, format="turtle")
    assert len(graph) > 0


def test_extract_reports_a_bad_file_and_prints_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    output = extract_documents([empty, PLAN], "json")
    assert len(output.errors) == 1 and output.errors[0].startswith(f"{empty}: ")
    assert json.loads(output.text)["number"] == "215-KH/TU"


def test_extract_walks_folders_like_ingest() -> None:
    output = extract_documents([DIRECTIVE.parent], "json")
    assert output.errors == ()
    assert len(json.loads(output.text)) == len(SAMPLE)
