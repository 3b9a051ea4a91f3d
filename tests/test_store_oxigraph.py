"""The embedded Oxigraph store: replace, idempotence, locking, union default graph, bindings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef

from graph.build import build_graph
from graph.store_oxigraph import OxigraphStore
from loaders.errors import QueryError, StoreError, StoreLockedError
from tests.factories import directive, district_plan, province_plan

EX = "http://example.org/"
P = URIRef(EX + "p")


def _graph(*triples: tuple[str, str | Literal]) -> Graph:
    graph = Graph()
    for s, o in triples:
        graph.add((URIRef(EX + s), P, o if isinstance(o, Literal) else URIRef(EX + o)))
    return graph


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    with OxigraphStore(str(tmp_path / "store")) as opened:
        yield opened  # type: ignore[misc]


def test_reingesting_leaves_the_triple_count_unchanged(store: OxigraphStore) -> None:
    for doc in (directive(), province_plan(), district_plan()):
        store.replace_graph(*build_graph(doc))
    count = store.triple_count()
    store.replace_graph(*build_graph(province_plan()))
    store.replace_graphs([build_graph(directive()), build_graph(district_plan())])
    assert store.triple_count() == count
    assert len(store.named_graphs()) == 3


def test_replace_swaps_the_whole_graph(store: OxigraphStore) -> None:
    g = URIRef(EX + "g")
    store.replace_graph(g, _graph(("a", "b"), ("a", "c")))
    store.replace_graph(g, _graph(("x", "y")))
    assert {(str(s), str(o)) for s, _, o, _ in store.quads()} == {(EX + "x", EX + "y")}


def test_replacing_with_an_overlapping_graph_keeps_exactly_the_new_triples(store: OxigraphStore) -> None:
    g = URIRef(EX + "g")
    store.replace_graph(g, _graph(("a", "b"), ("a", "c"), ("a", Literal("3000.0", datatype=XSD.decimal))))
    store.replace_graph(g, _graph(("a", "c"), ("a", "d"), ("a", Literal("3000.0", datatype=XSD.decimal))))
    objects = {str(o) for _, _, o, _ in store.quads()}
    assert objects == {EX + "c", EX + "d", "3000"}


def test_graphs_with_blank_nodes_are_replaced_whole(store: OxigraphStore) -> None:
    g = URIRef(EX + "g")
    for _ in range(2):
        graph = _graph(("a", "b"))
        graph.add((URIRef(EX + "a"), P, BNode()))
        store.replace_graph(g, graph)
    assert store.triple_count() == 2


def test_replace_graphs_keeps_the_last_version_of_a_repeated_graph(store: OxigraphStore) -> None:
    g = URIRef(EX + "g")
    store.replace_graphs([(g, _graph(("a", "b"))), (g, _graph(("c", "d")))])
    assert [str(s) for s, _, _, _ in store.quads()] == [EX + "c"]


@pytest.mark.parametrize("method", ["replace_graphs", "bulk_replace"])
def test_bulk_writes_equal_single_writes(tmp_path: Path, method: str) -> None:
    items = [build_graph(doc) for doc in (directive(), province_plan(), district_plan())]
    with OxigraphStore(None) as single, OxigraphStore(str(tmp_path / method)) as bulk:
        for item in items:
            single.replace_graph(*item)
        getattr(bulk, method)(items)
        getattr(bulk, method)(items[:1])
        assert set(bulk.quads()) == set(single.quads())


def test_an_invalid_term_leaves_the_old_graph_in_place(store: OxigraphStore) -> None:
    g = URIRef(EX + "g")
    store.replace_graph(g, _graph(("a", "b")))
    bad = _graph(("x", "y"))
    bad.add((URIRef("http://example.org/bad iri"), P, Literal("z")))
    with pytest.raises(StoreError, match="invalid RDF term"):
        store.replace_graph(g, bad)
    assert [str(s) for s, _, _, _ in store.quads()] == [EX + "a"]


def test_document_strings_cannot_inject_update_operations(store: OxigraphStore) -> None:
    evil = Literal('x" } } ; DROP ALL ; INSERT DATA { GRAPH <http://e> { <http://e> <http://e> "')
    store.replace_graph(URIRef(EX + "keep"), _graph(("k", "v")))
    store.replace_graph(URIRef(EX + "g"), _graph(("a", evil)))
    assert store.triple_count() == 2
    assert (URIRef(EX + "a"), P, evil, URIRef(EX + "g")) in set(store.quads())


def test_replacing_with_an_empty_graph_removes_it(store: OxigraphStore) -> None:
    store.replace_graph(URIRef(EX + "g"), _graph(("a", "b")))
    store.replace_graph(URIRef(EX + "g"), Graph())
    store.replace_graph(URIRef(EX + "never"), Graph())
    assert (store.triple_count(), store.named_graphs()) == (0, [])


def test_remove_graph(store: OxigraphStore) -> None:
    store.replace_graph(URIRef(EX + "g"), _graph(("a", "b")))
    store.remove_graph(URIRef(EX + "g"))
    store.remove_graph(URIRef(EX + "absent"))
    assert store.triple_count() == 0
    assert store.named_graphs() == []


def test_default_graph_is_the_union_of_named_graphs(store: OxigraphStore) -> None:
    store.replace_graph(URIRef(EX + "g1"), _graph(("a", "b")))
    store.replace_graph(URIRef(EX + "g2"), _graph(("b", "c")))
    result = store.query(f"SELECT ?x WHERE {{ <{EX}a> <{EX}p>+ ?x }} ORDER BY ?x")
    assert [str(row["x"]) for row in result.rows] == [EX + "b", EX + "c"]


def test_second_process_gets_a_lock_error(store: OxigraphStore) -> None:
    code = (
        "import sys\n"
        "from graph.store_oxigraph import OxigraphStore\n"
        "from loaders.errors import StoreLockedError\n"
        "try:\n"
        "    OxigraphStore(sys.argv[1])\n"
        "except StoreLockedError as err:\n"
        "    print(err.one_line())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, store.location], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == f"{store.location}: store is locked by another process"


def test_same_process_second_open_is_a_lock_error(store: OxigraphStore) -> None:
    with pytest.raises(StoreLockedError, match="locked by another process"):
        OxigraphStore(store.location)


def test_close_releases_the_lock(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    first = OxigraphStore(path)
    first.replace_graph(URIRef(EX + "g"), _graph(("a", "b")))
    first.close()
    with OxigraphStore(path) as again:
        assert again.triple_count() == 1
    with pytest.raises(StoreError, match="closed"):
        first.triple_count()


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with OxigraphStore(path) as writer:
        writer.replace_graph(URIRef(EX + "g"), _graph(("a", "b")))
        with OxigraphStore(path, read_only=True) as reader:
            assert reader.triple_count() == 1
            with pytest.raises(StoreError, match="read-only"):
                reader.remove_graph(URIRef(EX + "g"))


def test_read_only_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        OxigraphStore(str(tmp_path / "missing"), read_only=True)


def test_malformed_query_is_a_query_error() -> None:
    with OxigraphStore(None) as store, pytest.raises(QueryError):
        store.query("SELECT WHERE {")


@pytest.mark.parametrize(
    ("query", "binding", "expected"),
    [
        # A bound variable joins with triple patterns.
        ("SELECT ?x ?o WHERE { ?x <http://example.org/p> ?o }", EX + "a", [EX + "b"]),
        # Property paths start from the bound value.
        ("SELECT ?x ?o WHERE { ?x <http://example.org/p>+ ?o } ORDER BY ?o", EX + "a", [EX + "b", EX + "c"]),
        # Comparisons in FILTER see the value.
        ("SELECT ?x ?o WHERE { ?s <http://example.org/p> ?o FILTER(?s = ?x) }", EX + "b", [EX + "c"]),
        # COALESCE sees it.
        ("SELECT ?x ?o WHERE { BIND(COALESCE(?x, 1) AS ?o) }", EX + "a", [EX + "a"]),
        # BOUND() does not: it is decided before the value is applied.
        ("SELECT ?x ?o WHERE { BIND(IF(BOUND(?x), 1, 0) AS ?o) }", EX + "a", ["0"]),
        # BIND(?x AS ?o) does not copy it either.
        ("SELECT ?x ?o WHERE { OPTIONAL { BIND(?x AS ?o) } }", EX + "a", [None]),
    ],
)
def test_binding_semantics(query: str, binding: str, expected: list[str | None]) -> None:
    with OxigraphStore(None) as store:
        store.replace_graph(URIRef(EX + "g"), _graph(("a", "b"), ("b", "c")))
        result = store.query(query, {"x": URIRef(binding)})
        assert [None if row["o"] is None else str(row["o"]) for row in result.rows] == expected
        assert all(row["x"] == URIRef(binding) for row in result.rows)


def test_binding_a_variable_missing_from_the_projection_is_a_query_error() -> None:
    with OxigraphStore(None) as store, pytest.raises(QueryError, match="projection"):
        store.query("SELECT ?o WHERE { ?x ?p ?o }", {"x": URIRef(EX + "a")})


def test_ask_and_construct() -> None:
    with OxigraphStore(None) as store:
        store.replace_graph(URIRef(EX + "g"), _graph(("a", "b")))
        assert store.query("ASK { ?s ?p ?o }").boolean is True
        constructed = store.query("CONSTRUCT { ?o ?p ?s } WHERE { ?s ?p ?o }").graph
        assert constructed is not None
        assert set(constructed) == {(URIRef(EX + "b"), P, URIRef(EX + "a"))}


@pytest.mark.parametrize(
    "term",
    [
        URIRef(EX + "x"),
        Literal("chuỗi", lang="vi"),
        Literal("plain"),
        Literal("2024-05", datatype=XSD.gYearMonth),
        Literal("P3M", datatype=XSD.duration),
        BNode("b1"),
    ],
)
def test_terms_round_trip(term: URIRef | Literal | BNode) -> None:
    with OxigraphStore(None) as store:
        graph = Graph()
        graph.add((URIRef(EX + "s"), P, term))
        store.replace_graph(URIRef(EX + "g"), graph)
        (_, _, back, _), *_ = list(store.quads())
        assert type(back) is type(term)
        if not isinstance(term, BNode):
            assert back == term
