"""The property-graph projection: node and edge attributes, focus and agency selection."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest
from rdflib import URIRef

from graph.build import build_graph
from graph.demo import sample_files
from graph.ingest import ingest_paths
from graph.projection import DOC_KINDS, focus_projection, project, select
from graph.store import Store, open_store
from loaders.errors import ResolveError
from ontology.terms import document_iri
from tests.factories import directive, district_plan, province_plan

CT34 = document_iri(directive().identity)
KH146 = document_iri(province_plan().identity)
KH21 = document_iri(district_plan().identity)


@pytest.fixture(scope="module")
def projection() -> Iterator[nx.MultiDiGraph]:
    store = open_store("memory:")
    store.replace_graphs([build_graph(make()) for make in (directive, province_plan, district_plan)])
    yield project(store)
    store.close()


def test_projection_attributes_are_non_empty_strings(projection: nx.MultiDiGraph) -> None:
    values = [v for _, attrs in projection.nodes(data=True) for v in attrs.values()]
    values += [v for *_, attrs in projection.edges(data=True) for v in attrs.values()]
    assert values
    assert all(isinstance(v, str) and v for v in values)


@pytest.mark.parametrize(
    ("source", "relation", "target", "quote_part"),
    [
        (KH146, "implements", CT34, "Thực hiện Chỉ thị số 34-CT/TW"),
        (KH21, "implements", KH146, "Thực hiện Kế hoạch số 146-KH/TU"),
        (f"{KH146}/task/1-1", "partner", None, "phối hợp với Sở Nội vụ"),
    ],
)
def test_edges_carry_the_sentence_they_came_from(
    projection: nx.MultiDiGraph, source: URIRef | str, relation: str, target: URIRef | None, quote_part: str
) -> None:
    edges = [
        attrs
        for _, o, key, attrs in projection.out_edges(str(source), keys=True, data=True)
        if key == relation and (target is None or o == str(target))
    ]
    assert len(edges) == 1
    assert quote_part in edges[0]["quote"]


@pytest.mark.parametrize(
    ("focus", "depth", "present", "absent"),
    [
        (KH21, 1, {"Kế hoạch 21-KH/HU", "Kế hoạch 146-KH/TU", "Nghị quyết 02-NQ/TU"}, {"Chỉ thị 34-CT/TW"}),
        (KH21, 2, {"Chỉ thị 34-CT/TW", "Luật Lưu trữ 2024"}, {"Sở Nội vụ", "3000 hồ sơ"}),
        (
            KH146,
            0,
            {"Kế hoạch 146-KH/TU", "Sở Nội vụ", "3000 hồ sơ", "Ban Thường vụ Tỉnh ủy"},
            {"Chỉ thị 34-CT/TW"},
        ),
    ],
)
def test_focus_keeps_the_lineage_neighbourhood(
    projection: nx.MultiDiGraph, focus: URIRef, depth: int, present: set[str], absent: set[str]
) -> None:
    keep = select(projection, focus=focus, depth=depth)
    assert keep is not None
    labels = {projection.nodes[n]["label"] for n in keep}
    assert present <= labels
    assert not absent & labels


@pytest.mark.parametrize(
    ("agency", "present", "absent"),
    [
        ("Sở Nội vụ", {"Sở Nội vụ", "Văn phòng Tỉnh ủy", "Kế hoạch 146-KH/TU"}, {"Kế hoạch 21-KH/HU"}),
        (
            "van phong huyen uy",
            {"Văn phòng Huyện ủy", "Kế hoạch 21-KH/HU"},
            {"Sở Nội vụ", "Chỉ thị 34-CT/TW"},
        ),
    ],
)
def test_agency_keeps_its_tasks_and_the_documents_assigning_them(
    projection: nx.MultiDiGraph, agency: str, present: set[str], absent: set[str]
) -> None:
    keep = select(projection, agency=agency)
    assert keep is not None
    labels = {projection.nodes[n]["label"] for n in keep}
    assert present <= labels
    assert not absent & labels


@pytest.fixture(scope="module")
def sample_store() -> Iterator[Store]:
    store = open_store("memory:")
    ingest_paths(store, sample_files())
    yield store
    store.close()


def _view(
    graph: nx.MultiDiGraph, keep: set[str] | None
) -> tuple[dict[str, object], set[tuple[str, str, str]]]:
    view = graph if keep is None else graph.subgraph(keep)
    return dict(view.nodes(data=True)), {(s, o, k) for s, o, k in view.edges(keys=True)}


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_focus_projection_shows_what_the_whole_projection_selects(sample_store: Store, depth: int) -> None:
    whole = project(sample_store)
    documents = [n for n, kind in whole.nodes(data="kind") if kind in DOC_KINDS.values()]
    assert len(documents) > 5
    for doc in documents:
        focus = URIRef(doc)
        part = focus_projection(sample_store, focus, depth)
        expected = _view(whole, select(whole, focus=focus, depth=depth))
        assert _view(part, select(part, focus=focus, depth=depth)) == expected, doc


def test_focus_projection_of_an_unknown_document_is_a_resolve_error(sample_store: Store) -> None:
    part = focus_projection(sample_store, URIRef("https://example.org/none"), 2)
    with pytest.raises(ResolveError):
        select(part, focus=URIRef("https://example.org/none"), depth=2)
