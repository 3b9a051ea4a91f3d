"""Lineage up and down a three-level chain: Chỉ thị TW → province plan → district plan."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import URIRef

from graph.store_oxigraph import OxigraphStore
from graph.traversal import Direction, levels, lineage, predicate_name, relation_edges, relation_graph
from ontology.terms import PKG
from tests.factories import chain_store

B = "https://w3id.org/policykg/"
CT34 = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")
KH146 = URIRef(f"{B}eli/vn-long-an/tu/kh/2024/07/10/146")
KH21 = URIRef(f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21")
LAW = f"{KH146}/mention/luat-luu-tru-2024"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return chain_store()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("root", "direction", "depth", "expected"),
    [
        (KH21, "up", None, {str(KH21): 0, str(KH146): 1, str(CT34): 2, LAW: 2}),
        (KH21, "up", 1, {str(KH21): 0, str(KH146): 1}),
        (CT34, "down", None, {str(CT34): 0, str(KH146): -1, str(KH21): -2}),
        (CT34, "down", 1, {str(CT34): 0, str(KH146): -1}),
        (CT34, "up", None, {str(CT34): 0}),
        (KH146, "both", None, {str(KH146): 0, str(CT34): 1, LAW: 1, str(KH21): -1}),
        (KH146, "both", 0, {str(KH146): 0}),
    ],
)
def test_lineage_levels(
    store: OxigraphStore, root: URIRef, direction: Direction, depth: int | None, expected: dict[str, int]
) -> None:
    result = lineage(store, root, direction, depth)
    assert {node.iri: node.level for node in result.nodes} == expected
    kept = set(expected)
    assert all(edge.source in kept and edge.target in kept for edge in result.edges)


def test_lineage_edges_carry_predicate_sentence_and_asserting_document(store: OxigraphStore) -> None:
    result = lineage(store, CT34, "down")
    edges = {(e.source, e.predicate, e.target): e for e in result.edges}
    assert set(edges) == {(str(KH146), "implements", str(CT34)), (str(KH21), "implements", str(KH146))}
    (assertion,) = edges[(str(KH21), "implements", str(KH146))].assertions
    assert assertion.source == str(KH21)
    assert assertion.sentence == "Thực hiện Kế hoạch số 146-KH/TU ngày 10/7/2024"
    assert (assertion.start, assertion.end) == (132, 178)


def test_lineage_nodes_are_described(store: OxigraphStore) -> None:
    result = lineage(store, KH21, "up")
    directive = result.node(str(CT34))
    assert (directive.number, directive.doc_type, directive.date, directive.ingested) == (
        "34-CT/TW", "Chỉ thị", "2024-05-24", True,
    )  # fmt: skip
    law = result.node(LAW)
    assert (law.label, law.ingested) == ("Luật Lưu trữ 2024", False)
    with pytest.raises(KeyError):
        result.node("http://nowhere")


def test_lineage_to_dict_is_json_ready(store: OxigraphStore) -> None:
    data = json.loads(json.dumps(lineage(store, KH146).to_dict()))
    assert data["root"] == str(KH146)
    assert data["direction"] == "both"
    assert {e["predicate"] for e in data["edges"]} == {"implements", "based_on"}


def test_lineage_to_networkx(store: OxigraphStore) -> None:
    graph = lineage(store, KH21, "up").to_networkx()
    assert nx.has_path(graph, str(KH21), str(CT34))
    assert graph.nodes[str(CT34)]["number"] == "34-CT/TW"


def test_lineage_of_an_unknown_document_is_just_the_root(store: OxigraphStore) -> None:
    result = lineage(store, URIRef("http://example.org/none"))
    assert [(n.iri, n.level, n.number) for n in result.nodes] == [("http://example.org/none", 0, None)]
    assert result.edges == ()


def test_relation_graph_projects_the_whole_store(store: OxigraphStore) -> None:
    graph = relation_graph(store)
    assert {(s, o, k) for s, o, k in graph.edges(keys=True)} == {
        (str(KH146), str(CT34), "implements"),
        (str(KH146), LAW, "based_on"),
        (str(KH21), str(KH146), "implements"),
        (f"{B}eli/vn-long-an/tu/nq/02", f"{KH21}/mention/09-nq-tu", "amends"),
    }
    (assertion,) = graph.edges[f"{B}eli/vn-long-an/tu/nq/02", f"{KH21}/mention/09-nq-tu", "amends"][
        "assertions"
    ]
    assert assertion.source == str(KH21)
    cited = relation_graph(store, with_citations=True)
    assert {k for _, _, k in cited.edges(keys=True)} == {"implements", "based_on", "amends", "cites"}


def test_relation_edges_ignore_cites(store: OxigraphStore) -> None:
    graph = relation_edges(store, KH21, "up")
    assert {key for _, _, key in graph.edges(keys=True)} == {"implements", "based_on"}


@pytest.mark.parametrize(
    ("edges", "root", "direction", "depth", "expected"),
    [
        ([("a", "b"), ("b", "c")], "a", "up", None, {"a": 0, "b": 1, "c": 2}),
        ([("a", "b"), ("b", "c"), ("a", "c")], "a", "up", None, {"a": 0, "b": 1, "c": 1}),
        ([("a", "b"), ("b", "c")], "c", "down", 1, {"c": 0, "b": -1}),
        ([("a", "b"), ("b", "a")], "a", "up", None, {"a": 0, "b": 1}),
    ],
)
def test_levels(
    edges: list[tuple[str, str]], root: str, direction: str, depth: int | None, expected: dict[str, int]
) -> None:
    assert levels(nx.MultiDiGraph(edges), root, direction, depth) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("predicate", "name"),
    [(PKG.basedOn, "based_on"), (PKG.implements, "implements"), (PKG.title, "title")],
)
def test_predicate_name(predicate: URIRef, name: str) -> None:
    assert predicate_name(predicate) == name


def test_docstring_examples() -> None:
    import doctest

    import graph.traversal

    result = doctest.testmod(graph.traversal)
    assert result.attempted > 0
    assert result.failed == 0


def test_edge_lookups_match_a_scan_of_the_edges(store: OxigraphStore) -> None:
    result = lineage(store, KH146, "both")
    assert result.edges
    for node in result.nodes:
        assert result.edges_from(node.iri) == [e for e in result.edges if e.source == node.iri]
        assert result.edges_to(node.iri) == [e for e in result.edges if e.target == node.iri]
    with pytest.raises(KeyError):
        result.node(f"{B}not-in-the-lineage")
