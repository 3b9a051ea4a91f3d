"""Tests of graph.ingest_parallel: N-Quads hand-off, batching, order, failures, replacement."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.ingest_parallel import Extracted, graph_to_nquads, ingest_parallel, nquads_to_graph, write_batch
from graph.store import Store, open_store

EX = "http://example.org/"
P = URIRef(EX + "p")


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("memory:")
    yield opened
    opened.close()


def one_triple(value: Literal | URIRef) -> Graph:
    g = Graph()
    g.add((URIRef(EX + "s"), P, value))
    return g


def fake_extract(path: str, encoding: str | None = None) -> Extracted:
    """Module-level (so worker processes can import it): the file's JSON says what to extract."""
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    if "error" in spec:
        return Extracted(path, error=f"{path}: {spec['error']}")
    g = Graph()
    for value in spec["values"]:
        g.add((URIRef(spec["iri"]), P, Literal(value)))
    return Extracted(path, spec["iri"], graph_to_nquads(URIRef(spec["iri"]), g), len(g))


def write_specs(folder: Path, specs: list[dict[str, object]]) -> list[Path]:
    paths = []
    for k, spec in enumerate(specs):
        path = folder / f"f{k:03d}.txt"
        path.write_text(json.dumps(spec), encoding="utf-8")
        paths.append(path)
    return paths


def graph_of(store: Store, iri: str) -> set[str]:
    rows = store.query(
        "SELECT ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        {"g": URIRef(iri)},
    ).rows
    return {str(row["o"]) for row in rows}


@pytest.mark.parametrize(
    "value",
    [
        Literal("Sở Xây dựng"),
        Literal('có "ngoặc kép" và \\ gạch'),
        Literal("dòng một\ndòng hai\r\ttab"),
        Literal("nhà ở", lang="vi"),
        Literal("2026-06-30", datatype=XSD.date),
        Literal("71250", datatype=XSD.decimal),
        URIRef(EX + "o?x=1&y=ü"),
    ],
)
def test_nquads_round_trip_keeps_every_term(value: Literal | URIRef) -> None:
    original = one_triple(value)
    data = graph_to_nquads(URIRef(EX + "g"), original)
    assert isomorphic(nquads_to_graph(data), original)
    assert data.endswith(b" <http://example.org/g> .\n")
    assert data.count(b"\n") == 1


def test_results_come_back_in_input_order_with_failures(tmp_path: Path, store: Store) -> None:
    specs: list[dict[str, object]] = [
        {"iri": EX + "a", "values": ["1", "2"]},
        {"error": "empty file"},
        {"iri": EX + "b", "values": ["3"]},
    ]
    write_specs(tmp_path, specs)
    summary = ingest_parallel(store, [tmp_path], extract=fake_extract, batch_triples=1)
    assert [Path(r.path).name for r in summary.results] == ["f000.txt", "f001.txt", "f002.txt"]
    assert [r.ok for r in summary.results] == [True, False, True]
    assert summary.results[1].error is not None and summary.results[1].error.endswith("empty file")
    assert summary.triples == 3
    assert graph_of(store, EX + "a") == {"1", "2"}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("batch_triples", [1, 5, 10_000])
def test_every_document_lands_whatever_the_jobs_and_batch(
    tmp_path: Path, store: Store, jobs: int, batch_triples: int
) -> None:
    specs: list[dict[str, object]] = [{"iri": f"{EX}d{k}", "values": [str(k), f"v{k}"]} for k in range(40)]
    write_specs(tmp_path, specs)
    seen: list[str] = []
    summary = ingest_parallel(
        store, [tmp_path], jobs=jobs, extract=fake_extract, batch_triples=batch_triples,
        on_result=lambda r: seen.append(r.path),
    )  # fmt: skip
    assert len(summary.succeeded) == 40
    assert seen == [r.path for r in summary.results]
    assert store.triple_count() == 80
    assert len(store.named_graphs()) == 40


@pytest.mark.parametrize("bulk", [False, True])
def test_bulk_loader_stores_the_same_quads(tmp_path: Path, bulk: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_specs(folder, [{"iri": f"{EX}d{k}", "values": [f"v{k}", "chung"]} for k in range(10)])
    disk = open_store(str(tmp_path / "store"))
    ingest_parallel(disk, [folder], extract=fake_extract, bulk=bulk, batch_triples=4)
    ingest_parallel(disk, [folder], extract=fake_extract, bulk=bulk, batch_triples=4)  # re-ingest replaces
    assert disk.triple_count() == 20
    assert graph_of(disk, EX + "d3") == {"v3", "chung"}
    disk.close()


def test_reingest_replaces_instead_of_duplicating(tmp_path: Path, store: Store) -> None:
    write_specs(tmp_path, [{"iri": EX + "a", "values": ["old", "kept"]}])
    ingest_parallel(store, [tmp_path], extract=fake_extract)
    write_specs(tmp_path, [{"iri": EX + "a", "values": ["new"]}])
    ingest_parallel(store, [tmp_path], extract=fake_extract)
    assert graph_of(store, EX + "a") == {"new"}
    assert store.triple_count() == 1


def test_same_document_twice_in_one_batch_keeps_the_later(tmp_path: Path, store: Store) -> None:
    write_specs(tmp_path, [{"iri": EX + "a", "values": ["first"]}, {"iri": EX + "a", "values": ["second"]}])
    summary = ingest_parallel(store, [tmp_path], extract=fake_extract)
    assert graph_of(store, EX + "a") == {"second"}
    assert any("same document as" in w for w in summary.results[1].warnings)


class RecordingStore:
    """A non-Oxigraph store: write_batch must fall back to replace_graphs."""

    location = "recording:"

    def __init__(self) -> None:
        self.written: list[tuple[URIRef, Graph]] = []

    def replace_graphs(self, items: Iterable[tuple[URIRef, Graph]]) -> None:
        self.written += list(items)


def test_other_stores_get_rdflib_graphs() -> None:
    g = one_triple(Literal("Phòng Kinh tế"))
    doc = Extracted("x.txt", EX + "g", graph_to_nquads(URIRef(EX + "g"), g), 1)
    recording = RecordingStore()
    write_batch(recording, [doc])  # type: ignore[arg-type]
    [(iri, written)] = recording.written
    assert iri == URIRef(EX + "g")
    assert isomorphic(written, g)


@pytest.mark.slow
def test_real_pipeline_resolves_generated_chains(tmp_path: Path, store: Store) -> None:
    pytest.importorskip("loaders.parse")
    from bench.generate import read_manifest, write_corpus

    write_corpus(90, 1, tmp_path)  # a Chỉ thị, 34 provinces' Party and State plans, the first commune plans
    summary = ingest_parallel(store, [tmp_path / "docs"], jobs=2)
    assert not summary.failed, summary.failed[:3]
    iris = {Path(r.path).stem: r.iri for r in summary.results}
    rows = store.query(
        "PREFIX pkg: <https://w3id.org/policykg/ontology#> SELECT ?s ?o { ?s pkg:implements ?o }"
    ).rows
    edges = {(str(r["s"]), str(r["o"])) for r in rows}
    expected = {(iris[e["id"]], iris[p]) for e in read_manifest(tmp_path) for p in e["implements_ids"]}
    assert expected <= edges
