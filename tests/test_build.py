"""ParsedDocument → triples: golden graphs, identity, evidence, tasks, targets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import PROV

from graph.build import build_graph, date_literal
from loaders.models import SELF, PartialDate, Reference, Relation
from ontology.terms import PKG
from tests.factories import (
    HAU_GIANG,
    LONG_AN,
    directive,
    district_plan,
    province_plan,
    resolution_02,
    small_plan,
    span_of,
)

GOLDEN = Path(__file__).parent / "fixtures" / "graph"
B = "https://w3id.org/policykg/"
KH21 = URIRef(f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21")
KH146 = URIRef(f"{B}eli/vn-long-an/tu/kh/2024/07/10/146")
CT34 = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")

EVIDENCE = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?s ?p ?o ?quote ?start ?end WHERE {
  ?e pkg:subject ?s ; pkg:predicate ?p ; pkg:object ?o ; oa:hasSelector ?q , ?r .
  ?q oa:exact ?quote . ?r oa:start ?start ; oa:end ?end .
}
"""


def _golden(name: str) -> Graph:
    return Graph().parse(GOLDEN / name, format="turtle")


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


@pytest.mark.parametrize(
    ("factory", "base", "golden"),
    [(directive, B, "directive.ttl"), (small_plan, "http://ex.org/", "small_plan.ttl")],
)
def test_golden_graph(factory: object, base: str, golden: str) -> None:
    _, graph = build_graph(factory(), base)  # type: ignore[operator]
    assert isomorphic(_copy(graph), _golden(golden))


def test_golden_comparison_detects_a_changed_literal() -> None:
    doc = directive()
    changed = replace(doc, layout=replace(doc.layout, title="về một việc khác"))
    assert not isomorphic(_copy(build_graph(changed)[1]), _golden("directive.ttl"))


def test_build_is_deterministic() -> None:
    first, second = build_graph(province_plan())[1], build_graph(province_plan())[1]
    assert to_isomorphic(_copy(first)) == to_isomorphic(_copy(second))
    assert set(first) == set(second)


def test_graph_iri_is_the_document_iri() -> None:
    iri, graph = build_graph(province_plan())
    assert iri == KH146
    assert (iri, RDF.type, PKG.Plan) in graph


def test_same_symbol_in_two_provinces_lands_on_two_iris() -> None:
    long_an, _ = build_graph(resolution_02(LONG_AN))
    hau_giang, _ = build_graph(resolution_02(HAU_GIANG))
    assert long_an == URIRef(f"{B}eli/vn-long-an/tu/nq/2021/03/15/02")
    assert hau_giang == URIRef(f"{B}eli/vn-hau-giang/tu/nq/2021/03/15/02")


def test_complete_citation_lands_on_the_cited_document_iri() -> None:
    _, district = build_graph(district_plan())
    province_iri, _ = build_graph(province_plan())
    assert (KH21, PKG.implements, province_iri) in district
    assert (province_iri, RDF.type, PKG.Mention) not in district


def test_relation_between_two_other_documents_is_kept_with_its_sentence() -> None:
    doc = district_plan()
    _, graph = build_graph(doc)
    nq02 = URIRef(f"{B}eli/vn-long-an/tu/nq/02")
    nq09 = URIRef(f"{KH21}/mention/09-nq-tu")
    assert (nq02, PKG.amends, nq09) in graph
    rows = {(r.s, r.p, r.o): r for r in graph.query(EVIDENCE)}  # type: ignore[union-attr]
    row = rows[(nq02, PKG.amends, nq09)]
    assert doc.text[int(row.start) : int(row.end)] == str(row.quote)
    assert str(row.quote).startswith("Nghị quyết 02-NQ/TU sửa đổi")


def test_every_relation_edge_has_evidence_from_the_document() -> None:
    for factory in (province_plan, district_plan):
        doc = factory()
        iri, graph = build_graph(doc)
        evidenced = {(r.s, r.p, r.o) for r in graph.query(EVIDENCE)}  # type: ignore[union-attr]
        edges = {(s, p, o) for s, p, o in graph if p in {PKG.implements, PKG.basedOn, PKG.amends, PKG.cites}}
        assert edges and edges == evidenced
        assert set(graph.objects(None, PROV.wasDerivedFrom)) == {iri}


def test_undated_and_unresolved_references_become_mentions() -> None:
    _, graph = build_graph(district_plan())
    undated = URIRef(f"{B}eli/vn-long-an/tu/nq/02")
    unresolved = URIRef(f"{KH21}/mention/09-nq-tu")
    for node, text in ((undated, "02-NQ/TU"), (unresolved, "09-NQ/TU")):
        assert (node, RDF.type, PKG.Mention) in graph
        assert (node, PKG.mentionText, Literal(text)) in graph
    assert (undated, PKG.identifier, Literal("vn-long-an/tu/nq/02")) in graph


def test_reference_aliases_are_kept_as_mention_texts() -> None:
    doc = district_plan()
    aliased = replace(doc.references[2], aliases=("Nghị quyết số 09",))
    _, graph = build_graph(replace(doc, references=(*doc.references[:2], aliased)))
    texts = set(graph.objects(URIRef(f"{KH21}/mention/09-nq-tu"), PKG.mentionText))
    assert texts == {Literal("09-NQ/TU"), Literal("Nghị quyết số 09")}


def test_unknown_relation_key_becomes_a_bare_mention() -> None:
    doc = province_plan()
    span = span_of(doc.text, "Căn cứ Luật Lưu trữ năm 2024.")
    changed = replace(doc, relations=(Relation(SELF, "based_on", "Hiến pháp", span),))
    _, graph = build_graph(changed)
    mention = URIRef(f"{KH146}/mention/hien-phap")
    assert (KH146, PKG.basedOn, mention) in graph
    assert (mention, PKG.mentionText, Literal("Hiến pháp")) in graph


def test_reference_without_relation_is_cited() -> None:
    doc = province_plan()
    ref = Reference("99-CT/TW", "numbered", mentions=(span_of(doc.text, "Luật Lưu trữ"),))
    _, graph = build_graph(replace(doc, references=(*doc.references, ref)))
    assert (KH146, PKG.cites, URIRef(f"{KH146}/mention/99-ct-tw")) in graph


@pytest.mark.parametrize(
    ("date", "datatype"),
    [
        (PartialDate(2024, 5, 24), XSD.date),
        (PartialDate(2024, 5), XSD.gYearMonth),
        (PartialDate(2024), XSD.gYear),
    ],
)
def test_date_literal(date: PartialDate, datatype: URIRef) -> None:
    literal = date_literal(date)
    assert (str(literal), literal.datatype) == (date.iso(), datatype)


def test_document_description_and_signature() -> None:
    _, graph = build_graph(province_plan())
    signer = URIRef(f"{KH146}/signer")
    attribution = URIRef(f"{KH146}/signature")
    assert (KH146, PKG.signedBy, signer) in graph
    assert (signer, RDFS.label, Literal("Trần Thị Hai", lang="vi")) in graph
    assert (attribution, PROV.hadRole, PKG.Signatory) in graph
    assert (attribution, PKG.capacity, Literal("T/M Ban Thường vụ", lang="vi")) in graph
    assert (KH146, PKG.reportRecipient, Literal("Ban Bí thư", lang="vi")) in graph
    assert (KH146, PKG.recipient, Literal("Các huyện ủy", lang="vi")) in graph
    assert (KH146, PKG.jurisdiction, URIRef(f"{B}jurisdiction/vn-long-an")) in graph
    assert (URIRef(f"{B}jurisdiction/vn-long-an"), PKG.partOf, URIRef(f"{B}jurisdiction/vn")) in graph


def test_task_triples() -> None:
    _, graph = build_graph(province_plan())
    task = URIRef(f"{KH146}/task/1-1")
    org = f"{B}org/vn-long-an/"
    assert (KH146, PKG.assigns, task) in graph
    assert (task, PKG.assignee, URIRef(org + "van-phong-tinh-uy")) in graph
    assert (task, PKG.partner, URIRef(org + "so-noi-vu")) in graph
    assert (task, PKG.reportsTo, URIRef(org + "ban-thuong-vu-tinh-uy")) in graph
    assert (URIRef(org + "van-phong-tinh-uy"), PKG.subOrganizationOf, URIRef(org + "tinh-uy")) in graph
    deadline = URIRef(f"{task}/deadline")
    assert (deadline, PKG.dueDate, Literal("2025-12-31", datatype=XSD.date)) in graph
    assert (deadline, PKG.deadlineText, Literal("trước ngày 31/12/2025", lang="vi")) in graph


def test_recurring_deadline() -> None:
    _, graph = build_graph(district_plan())
    deadline = URIRef(f"{KH21}/task/1-1/deadline")
    assert (deadline, PKG.recurrence, Literal("P3M", datatype=XSD.duration)) in graph
    assert (deadline, PKG.dueDate, None) not in graph


def test_target_triples() -> None:
    doc = province_plan()
    quoted = replace(doc.targets[0], quantity=15.0, quantity_max=20.5, source_key="34-CT/TW")
    _, graph = build_graph(replace(doc, targets=(doc.targets[0], quoted)))
    first, second = URIRef(f"{KH146}/target/1"), URIRef(f"{KH146}/target/2")
    assert (first, PKG.quantity, Literal("3000.0", datatype=XSD.decimal)) in graph
    assert (first, PKG.qualifier, Literal("at_least")) in graph
    assert (first, PKG.periodStartYear, Literal("2024", datatype=XSD.gYear)) in graph
    assert (first, PKG.unit, Literal("hồ sơ", lang="vi")) in graph
    assert (second, PKG.quantityMax, Literal("20.5", datatype=XSD.decimal)) in graph
    assert (second, PKG.quotedFrom, CT34) in graph


def test_vietnamese_literals_are_tagged() -> None:
    _, graph = build_graph(province_plan())
    for prop in (PKG.title, PKG.text, PKG.docType, PKG.issuerLabel, RDFS.label):
        values = list(graph.objects(None, prop))
        assert values and all(isinstance(v, Literal) and v.language == "vi" for v in values)


@pytest.mark.parametrize(
    ("first", "second"),
    [(True, 1), (1, True), (False, 0), ("1", 1)],
)
def test_shared_literals_keep_their_datatype(first: object, second: object) -> None:
    from graph.build import _literal

    assert isinstance(first, str | int)
    assert isinstance(second, str | int)
    _literal(first)
    assert _literal(second).datatype == Literal(second).datatype


def test_rebuilding_a_document_adds_the_same_triples_in_the_same_order() -> None:
    first, second = build_graph(province_plan())[1], build_graph(province_plan())[1]
    assert list(first) == list(second)
    assert len(first) == len(set(first))
