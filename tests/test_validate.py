"""SHACL validation of built graphs and stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef

from graph.build import build_graph
from graph.store_oxigraph import OxigraphStore
from graph.validate import validate
from ontology.terms import PKG
from tests.factories import chain_documents, district_plan, province_plan


@pytest.mark.parametrize("doc", chain_documents(), ids=lambda d: d.source.source)
def test_built_graphs_conform(doc: object) -> None:
    report = validate(build_graph(doc)[1])  # type: ignore[arg-type]
    assert report.conforms, report.text


def test_a_store_and_a_dataset_conform() -> None:
    items = [build_graph(doc) for doc in chain_documents()]
    with OxigraphStore(None) as store:
        store.replace_graphs(items)
        assert validate(store).conforms
    dataset = Dataset()
    for iri, graph in items:
        named = dataset.graph(iri)
        named += graph
    assert validate(dataset).conforms


def _broken(graph: Graph, *triples: tuple[URIRef, URIRef, URIRef | Literal], drop: object = None) -> Graph:
    copy = Graph()
    copy += graph
    if drop is not None:
        copy.remove(drop)  # type: ignore[arg-type]
    for triple in triples:
        copy.add(triple)
    return copy


KH146 = URIRef("https://w3id.org/policykg/eli/vn-long-an/tu/kh/2024/07/10/146")
TASK = URIRef(f"{KH146}/task/1-1")
EX = "http://example.org/"


@pytest.mark.parametrize(
    ("added", "drop", "message"),
    [
        ([(URIRef(EX + "a"), PKG.implements, URIRef(EX + "b"))], None, "relation edge without evidence"),
        ([(TASK, PKG.assignee, URIRef(EX + "other"))], None, "MaxCountConstraintComponent"),
        ([(URIRef(EX + "d"), RDF.type, PKG.Document)], None, "OrConstraintComponent"),
        ([(KH146, PKG.date, Literal("hôm qua"))], (KH146, PKG.date, None), "OrConstraintComponent"),
        ([], (TASK, PKG.evidence, None), "MinCountConstraintComponent"),
        ([], (KH146, PKG.jurisdiction, None), "MinCountConstraintComponent"),
    ],
)
def test_violations_are_reported(
    added: list[tuple[URIRef, URIRef, URIRef | Literal]], drop: object, message: str
) -> None:
    graph = _broken(build_graph(province_plan())[1], *added, drop=drop)
    report = validate(graph)
    assert not report.conforms
    assert report.results >= 1
    assert message in report.text


def test_task_without_assignee_is_only_a_warning() -> None:
    doc = district_plan()
    orphan = replace(doc, tasks=(replace(doc.tasks[0], assignee=None),))
    report = validate(build_graph(orphan)[1])
    assert report.conforms
    assert report.results == 1
    assert "task without a lead agency" in report.text


def test_a_parsed_fixture_builds_a_conforming_graph() -> None:
    parse = pytest.importorskip("loaders.parse")
    fixture = Path(__file__).parent / "fixtures" / "graph" / "ke_hoach_huyen.txt"
    iri, graph = build_graph(parse.parse_file(fixture))
    report = validate(graph)
    assert report.conforms, report.text
    province_plan_iri = URIRef("https://w3id.org/policykg/eli/vn-long-an/tu/kh/2024/07/10/146")
    assert (iri, PKG.implements, province_plan_iri) in graph
    assert len(set(graph.subjects(RDF.type, PKG.Task))) == 2
