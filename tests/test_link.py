"""owl:sameAs links from year-only citations to the one ingested document they name."""

from __future__ import annotations

from rdflib import OWL, URIRef

from graph.build import build_graph
from graph.link import link_documents, same_as_links
from graph.queries import run_named
from graph.store_oxigraph import OxigraphStore
from graph.traversal import lineage
from loaders.models import SELF, DocumentId, PartialDate, Reference, Relation
from ontology.terms import links_graph_iri
from tests.factories import (
    HAU_GIANG,
    LONG_AN,
    district_plan,
    make_document,
    make_layout,
    resolution_02,
    span_of,
)

B = "https://w3id.org/policykg/"
NQ02_LONG_AN = URIRef(f"{B}eli/vn-long-an/tu/nq/2021/03/15/02")
YEAR_ONLY = URIRef(f"{B}eli/vn-long-an/tu/nq/2021/02")
CITING = URIRef(f"{B}eli/vn-long-an/ubnd/kh/2022/01/05/3")
TEXT = "Thực hiện Nghị quyết số 02-NQ/TU năm 2021 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n"


def citing_plan() -> object:
    """A Long An plan citing 02-NQ/TU with only the year."""
    sentence = span_of(TEXT, TEXT.strip())
    reference = Reference(
        "02-NQ/TU",
        "numbered",
        "Nghị quyết",
        "02-NQ/TU",
        date=PartialDate(2021),
        identity=DocumentId(LONG_AN, "TU", "NQ", 2021, number="02"),
        mentions=(span_of(TEXT, "Nghị quyết số 02-NQ/TU năm 2021"),),
    )
    return make_document(
        text=TEXT,
        source="kh3.txt",
        identity=DocumentId(LONG_AN, "UBND", "KH", 2022, 1, 5, "3"),
        layout=make_layout(number="3/KH-UBND", doc_type="Kế hoạch", date=PartialDate(2022, 1, 5)),
        jurisdiction=LONG_AN,
        references=(reference,),
        relations=(Relation(SELF, "implements", "02-NQ/TU", sentence),),
    )


def _store(*docs: object) -> OxigraphStore:
    store = OxigraphStore(None)
    store.replace_graphs(build_graph(doc) for doc in docs)  # type: ignore[arg-type]
    return store


def test_year_only_citation_is_linked_to_the_ingested_document() -> None:
    with _store(citing_plan(), resolution_02(LONG_AN), resolution_02(HAU_GIANG), district_plan()) as store:
        assert set(same_as_links(store)) == {(YEAR_ONLY, OWL.sameAs, NQ02_LONG_AN)}
        assert link_documents(store) == 1
        count = store.triple_count()
        assert link_documents(store) == 1
        assert store.triple_count() == count
        assert links_graph_iri() in store.named_graphs()


def test_undated_citation_is_not_linked() -> None:
    with _store(district_plan(), resolution_02(LONG_AN)) as store:
        assert link_documents(store) == 0
        assert links_graph_iri() not in store.named_graphs()


def test_two_candidates_in_the_cited_year_are_not_linked() -> None:
    with _store(citing_plan(), resolution_02(LONG_AN, 3), resolution_02(LONG_AN, 9)) as store:
        assert link_documents(store) == 0


def test_links_are_dropped_when_they_no_longer_hold() -> None:
    with _store(citing_plan(), resolution_02(LONG_AN)) as store:
        assert link_documents(store) == 1
        store.replace_graph(*build_graph(resolution_02(LONG_AN, 9)))
        assert link_documents(store) == 0
        assert links_graph_iri() not in store.named_graphs()


def test_lineage_and_implementing_follow_the_link() -> None:
    with _store(citing_plan(), resolution_02(LONG_AN)) as store:
        assert {n.iri for n in lineage(store, NQ02_LONG_AN, "down").nodes} == {str(NQ02_LONG_AN)}
        link_documents(store)
        down = lineage(store, NQ02_LONG_AN, "down")
        assert {n.iri: n.level for n in down.nodes} == {str(NQ02_LONG_AN): 0, str(CITING): -1}
        (edge,) = down.edges
        assert (edge.source, edge.predicate, edge.target) == (str(CITING), "implements", str(NQ02_LONG_AN))
        assert edge.assertions[0].sentence == TEXT.strip()
        up = lineage(store, CITING, "up")
        assert {n.iri for n in up.nodes} == {str(CITING), str(NQ02_LONG_AN)}
        rows = run_named(store, "implementing", {"doc": NQ02_LONG_AN}).rows
        assert [str(r["document"]) for r in rows] == [str(CITING)]
        rows = run_named(store, "rests_on", {"doc": CITING}).rows
        assert {str(r["document"]) for r in rows} == {str(YEAR_ONLY)}
