"""The lineage index kept beside an on-disk store: same lineage as SPARQL, kept in step, rebuilt when stale."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import URIRef

import graph.traversal as traversal
from bench.generate import write_corpus
from cli import main
from graph.build import build_graph
from graph.demo import sample_files
from graph.format import render_lineage_tree
from graph.ingest import ingest_paths
from graph.ingest_parallel import graph_to_nquads, ingest_parallel
from graph.lineage_index import IndexBusyError, LineageIndex, _connect, sidecar_path
from graph.link import link_documents
from graph.store_oxigraph import OxigraphStore
from tests.factories import LONG_AN, chain_documents, district_plan, resolution_02, with_changes
from tests.test_faults import ROOT, policykg, stored_lines
from tests.test_link import CITING, NQ02_LONG_AN, YEAR_ONLY, citing_plan

B = "https://w3id.org/policykg/"
CT34 = f"{B}eli/vn/tw/ct/2024/05/24/34"
KH146 = f"{B}eli/vn-long-an/tu/kh/2024/07/10/146"
KH21 = f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21"


def snapshot(index: LineageIndex) -> tuple[list[Any], list[Any]]:
    """Every row of the index, sorted (to compare an index kept in step with a rebuilt one)."""
    db = index._db
    return sorted(db.execute("SELECT * FROM edges").fetchall(), key=repr), sorted(
        db.execute("SELECT * FROM facts").fetchall(), key=repr
    )


def rebuilt_snapshot(store: OxigraphStore) -> tuple[list[Any], list[Any]]:
    """The rows a rebuild from the store's graphs gives."""
    assert store.location != "memory:"
    index = LineageIndex(Path(":memory:"), _connect(Path(":memory:")))
    index.rebuild(store._db)
    return snapshot(index)


def sparql_lineage(store: OxigraphStore, doc: str, direction: traversal.Direction, depth: int | None) -> Any:
    """Lineage through SPARQL, as for a store without an index."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(traversal, "_lineage_index", lambda _store: None)
        return traversal.lineage(store, URIRef(doc), direction, depth)


def assert_same_lineage(store: OxigraphStore, docs: list[str]) -> int:
    """Index and SPARQL lineage agree (JSON and tree) for each doc, direction and depth; the edges compared."""
    assert store.lineage_index() is not None
    compared = 0
    for doc in docs:
        for direction in ("up", "down", "both"):
            for depth in (None, 1):
                indexed = traversal.lineage(store, URIRef(doc), direction, depth)
                expected = sparql_lineage(store, doc, direction, depth)
                assert indexed.to_dict() == expected.to_dict(), (doc, direction, depth)
                assert render_lineage_tree(indexed) == render_lineage_tree(expected)
                compared += len(indexed.edges)
    return compared


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    store = OxigraphStore(str(tmp_path / "store"))
    store.replace_graphs(build_graph(doc) for doc in chain_documents())
    yield store
    store.close()


@pytest.mark.parametrize(
    ("store_path", "expected"),
    [("out/store-10000", "out/store-10000.lineage.sqlite"), ("out/store/", "out/store.lineage.sqlite")],
)
def test_sidecar_lies_beside_the_store_directory(store_path: str, expected: str) -> None:
    assert sidecar_path(store_path) == Path(expected)


def test_index_keeps_each_relation_with_its_sentence(disk_store: OxigraphStore) -> None:
    index = disk_store.lineage_index()
    assert index is not None
    rows = {(r.subject, r.predicate, r.object): r for r in index.lineage_rows(CT34, "down")}
    assert set(rows) == {(KH146, "implements", CT34), (KH21, "implements", KH146)}
    row = rows[(KH21, "implements", KH146)]
    assert (row.graph, row.sentence, row.start, row.end) == (
        KH21,
        "Thực hiện Kế hoạch số 146-KH/TU ngày 10/7/2024",
        132,
        178,
    )


@pytest.mark.parametrize(
    ("method", "start", "predicates", "expected"),
    [
        ("descendants", CT34, ("implements",), [KH146, KH21]),
        ("descendants", KH146, ("implements",), [KH21]),
        ("descendants", KH21, ("implements",), []),
        ("ancestors", KH21, ("implements",), [KH146, CT34]),
        ("ancestors", CT34, ("implements",), []),
        ("descendants", CT34, ("amends",), []),
    ],
)
def test_descendants_and_ancestors(
    disk_store: OxigraphStore, method: str, start: str, predicates: tuple[str, ...], expected: list[str]
) -> None:
    disk_store.close()
    with LineageIndex.open(disk_store.location) as index:
        assert getattr(index, method)(start, predicates) == expected


def test_sample_corpus_lineage_is_the_same_through_index_and_sparql(tmp_path: Path) -> None:
    store = OxigraphStore(str(tmp_path / "store"))
    summary = ingest_paths(store, sample_files())
    link_documents(store)
    try:
        docs = [r.iri for r in summary.succeeded if r.iri]
        assert len(docs) == len(sample_files())
        assert assert_same_lineage(store, docs) > 0
        assert store.lineage_index() is not None
        assert snapshot(store.lineage_index()) == rebuilt_snapshot(store)  # type: ignore[arg-type]
    finally:
        store.close()


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """A small generated corpus (bench/generate.py), ingested by the batched path."""
    root = tmp_path_factory.mktemp("generated")
    write_corpus(40, 7, root / "corpus")
    store = OxigraphStore(str(root / "store"))
    ingest_parallel(store, [root / "corpus"], jobs=1, batch_triples=2_000)
    yield store
    store.close()


def test_generated_corpus_lineage_is_the_same_through_index_and_sparql(
    generated_store: OxigraphStore,
) -> None:
    docs = [str(g) for g in generated_store.named_graphs()]
    assert assert_same_lineage(generated_store, docs) > len(docs)
    assert snapshot(generated_store.lineage_index()) == rebuilt_snapshot(generated_store)  # type: ignore[arg-type]


def test_reingest_and_removal_replace_the_rows_of_that_document(disk_store: OxigraphStore) -> None:
    changed = with_changes(district_plan(), relations=())
    iri, graph = build_graph(changed)
    disk_store.replace_graph(iri, graph)
    index = disk_store.lineage_index()
    assert index is not None
    assert KH21 not in index.descendants(CT34)
    assert snapshot(index) == rebuilt_snapshot(disk_store)
    disk_store.remove_graph(URIRef(KH146))
    assert index.descendants(CT34) == []
    assert snapshot(index) == rebuilt_snapshot(disk_store)


def test_same_as_links_are_indexed_and_followed(tmp_path: Path) -> None:
    store = OxigraphStore(str(tmp_path / "store"))
    try:
        store.replace_graphs(build_graph(doc) for doc in (citing_plan(), resolution_02(LONG_AN)))  # type: ignore[arg-type]
        assert link_documents(store) == 1
        index = store.lineage_index()
        assert index is not None
        assert index.ancestors(str(YEAR_ONLY), ("same_as",)) == [str(NQ02_LONG_AN)]
        assert assert_same_lineage(store, [str(CITING), str(NQ02_LONG_AN)]) > 0
        assert snapshot(index) == rebuilt_snapshot(store)
    finally:
        store.close()


def test_bulk_replace_and_load_nquads_keep_the_index(tmp_path: Path) -> None:
    store = OxigraphStore(str(tmp_path / "store"))
    try:
        documents = chain_documents()
        store.bulk_replace(build_graph(doc) for doc in documents[:1])
        nquads = [(str(iri), graph_to_nquads(iri, graph)) for iri, graph in map(build_graph, documents[1:])]
        store.load_nquads(nquads)
        index = store.lineage_index()
        assert index is not None
        assert index.descendants(CT34) == [KH146, KH21]
        assert snapshot(index) == rebuilt_snapshot(store)
    finally:
        store.close()


def test_a_corrupt_index_is_started_again_by_the_next_writer(disk_store: OxigraphStore) -> None:
    location = disk_store.location
    disk_store.close()
    sidecar_path(location).write_bytes(b"not a database")
    with OxigraphStore(location, read_only=True) as reader:
        assert reader.lineage_index() is None  # SPARQL answers meanwhile
        assert [n.iri for n in traversal.lineage(reader, URIRef(CT34), "down").nodes] == [CT34, KH146, KH21]
    with OxigraphStore(location) as writer:
        index = writer.lineage_index()
        assert index is not None
        assert index.descendants(CT34) == [KH146, KH21]


@pytest.mark.parametrize("damage", ["missing", "dirty", "written_without_index"])
def test_a_stale_index_is_rebuilt_by_a_reader(disk_store: OxigraphStore, damage: str) -> None:
    location = disk_store.location
    disk_store.close()
    if damage == "missing":
        sidecar_path(location).unlink()
    elif damage == "dirty":
        LineageIndex.connect(location).mark_dirty()
    else:
        raw = ox.Store(location)
        raw.remove_graph(ox.NamedNode(KH21))
        raw.flush()
        del raw
    with OxigraphStore(location, read_only=True) as reader:
        index = reader.lineage_index()
        assert index is not None
        assert index.meta()["state"] == "clean"
        expected = [KH146] if damage == "written_without_index" else [KH146, KH21]
        assert index.descendants(CT34) == expected
        assert snapshot(index) == rebuilt_snapshot(reader)


def test_a_reader_falls_back_to_sparql_while_a_writer_holds_a_stale_index(disk_store: OxigraphStore) -> None:
    LineageIndex.connect(disk_store.location).mark_dirty()
    with pytest.raises(IndexBusyError):
        LineageIndex.open(disk_store.location)
    result = traversal.lineage(_ReadOnlyView(disk_store), URIRef(CT34), "down")  # type: ignore[arg-type]
    assert [n.iri for n in result.nodes] == [CT34, KH146, KH21]


class _ReadOnlyView:
    """Another reader of the same store, in this process: its index cannot be rebuilt under the writer."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.location = store.location

    def lineage_index(self) -> LineageIndex | None:
        try:
            return LineageIndex.open(self.location)
        except IndexBusyError:
            return None

    def query(self, sparql: str, bindings: Any = None) -> Any:
        return self.store.query(sparql, bindings)


@pytest.mark.parametrize(
    ("spec", "code", "message"),
    [("disk", 0, "relation rows"), ("memory:", 1, "only an on-disk store keeps a lineage index")],
)
def test_reindex_command(tmp_path: Path, spec: str, code: int, message: str) -> None:
    location = str(tmp_path / "store") if spec == "disk" else spec
    if spec == "disk":
        with OxigraphStore(location) as store:
            store.replace_graphs(build_graph(doc) for doc in chain_documents())
    result = CliRunner().invoke(main, ["--store", location, "reindex"])
    assert result.exit_code == code, result.output
    assert message in result.output


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_index_is_consistent_after_a_killed_ingest(tmp_path: Path, jobs: str) -> None:
    from tests.corpus import write_corpus as write_plans

    write_plans(tmp_path / "corpus", 240)
    store = tmp_path / "store"
    writer = subprocess.Popen(
        policykg("--store", str(store), "ingest", "--jobs", jobs, "-v", str(tmp_path / "corpus")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        stored_lines(writer, 6)
        running = writer.poll() is None
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.stderr is not None
        writer.stderr.close()
    assert running, "the ingest ended before it was killed: raise the corpus size"
    with OxigraphStore(str(store), read_only=True) as reader:
        index = reader.lineage_index()
        assert index is not None
        assert index.meta()["state"] == "clean"
        edges, facts = snapshot(index)
        assert {row[0] for row in facts} >= {str(g) for g in reader.named_graphs()}
        assert (edges, facts) == rebuilt_snapshot(reader)
