"""IRI minting and the closed vocabulary namespace."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from loaders.models import NATIONAL, AdminUnit, DocumentId, Jurisdiction
from ontology.terms import (
    DEFAULT_BASE,
    MENTION_SLUG_MAX,
    PKG,
    RELATION_PREDICATES,
    agency_iri,
    document_class,
    document_iri,
    evidence_iri,
    fold,
    is_complete,
    jurisdiction_iri,
    jurisdiction_slug,
    mention_iri,
    slug,
    target_iri,
    task_iri,
)
from tests.factories import CAN_DUOC, HAU_GIANG, LONG_AN, make_agency

B = DEFAULT_BASE


@pytest.mark.parametrize(
    ("identity", "expected"),
    [
        (DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34"), "eli/vn/tw/ct/2024/05/24/34"),
        (DocumentId(NATIONAL, "TTg", "QĐ", 2023, 4, 3, "338"), "eli/vn/ttg/qd/2023/04/03/338"),
        (DocumentId(LONG_AN, "TU", "NQ", 2024, 8, 26, "94"), "eli/vn-long-an/tu/nq/2024/08/26/94"),
        (DocumentId(CAN_DUOC, "HU", "KH", 2024, 8, 2, "21"), "eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21"),
        (DocumentId(NATIONAL, "TW", "CT", number="34"), "eli/vn/tw/ct/34"),
        (DocumentId(NATIONAL, "TW", "NQ", 2017, number="18"), "eli/vn/tw/nq/2017/18"),
        (DocumentId(NATIONAL, "TW", "NQ", 2017, 10, number="18"), "eli/vn/tw/nq/2017/10/18"),
        (
            DocumentId(LONG_AN, "UBND", "KH", 2025, 5, text_hash="1a2b3c4d"),
            "eli/vn-long-an/ubnd/kh/2025/05/h-1a2b3c4d",
        ),
        (
            DocumentId(NATIONAL, "QH15", "L", 2023, 11, 27, "27/2023/QH15"),
            "eli/vn/qh15/l/2023/11/27/27-2023-qh15",
        ),
    ],
)
def test_document_iri(identity: DocumentId, expected: str) -> None:
    assert document_iri(identity) == URIRef(B + expected)


def test_document_iri_base_is_configurable() -> None:
    identity = DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34")
    assert document_iri(identity, "http://example.org/kg") == URIRef(
        "http://example.org/kg/eli/vn/tw/ct/2024/05/24/34"
    )


def test_complete_citation_and_document_share_an_iri_and_undated_citation_does_not() -> None:
    ingested = DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34")
    cited = DocumentId(Jurisdiction(), "TW", "CT", 2024, 5, 24, "34")
    undated = DocumentId(NATIONAL, "TW", "CT", number="34")
    assert document_iri(cited) == document_iri(ingested)
    assert document_iri(undated) != document_iri(ingested)
    assert (is_complete(ingested), is_complete(undated)) == (True, False)


def test_same_symbol_in_two_provinces_gives_two_iris() -> None:
    long_an = DocumentId(LONG_AN, "TU", "NQ", 2021, 3, 15, "02")
    hau_giang = DocumentId(HAU_GIANG, "TU", "NQ", 2021, 3, 15, "02")
    assert document_iri(long_an) != document_iri(hau_giang)


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        (NATIONAL, "vn"),
        (LONG_AN, "vn-long-an"),
        (CAN_DUOC, "vn-long-an-can-duoc"),
        (Jurisdiction((AdminUnit("province", "thành phố", "Hồ Chí Minh"),)), "vn-ho-chi-minh"),
        (Jurisdiction((AdminUnit("province", "tỉnh", "Đắk Lắk"),)), "vn-dak-lak"),
    ],
)
def test_jurisdiction_slug(jurisdiction: Jurisdiction, expected: str) -> None:
    assert jurisdiction_slug(jurisdiction) == expected
    assert jurisdiction_iri(jurisdiction) == URIRef(f"{B}jurisdiction/{expected}")


@pytest.mark.parametrize(
    ("text", "folded", "slugged"),
    [
        ("Đường Độc Lập", "duong doc lap", "duong-doc-lap"),
        ("Sở Xây dựng", "so xay dung", "so-xay-dung"),
        ("34-CT/TW", "34-ct/tw", "34-ct-tw"),
        ("  ủy ban  ", "  uy ban  ", "uy-ban"),
    ],
)
def test_fold_and_slug(text: str, folded: str, slugged: str) -> None:
    assert (fold(text), slug(text)) == (folded, slugged)


def test_agency_iri_is_scoped_by_jurisdiction() -> None:
    long_an = agency_iri(make_agency("Sở Xây dựng", LONG_AN))
    hau_giang = agency_iri(make_agency("Sở Xây dựng", HAU_GIANG))
    assert long_an == URIRef(f"{B}org/vn-long-an/so-xay-dung")
    assert long_an != hau_giang


def test_fact_iris_hang_under_the_document() -> None:
    doc = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")
    assert task_iri(doc, "IV.3-1") == URIRef(f"{doc}/task/IV.3-1")
    assert task_iri(doc, "a b") == URIRef(f"{doc}/task/a%20b")
    assert target_iri(doc, "2") == URIRef(f"{doc}/target/2")
    assert evidence_iri(doc, "rel-1") == URIRef(f"{doc}/evidence/rel-1")
    assert mention_iri(doc, "Luật Nhà ở 2023") == URIRef(f"{doc}/mention/luat-nha-o-2023")


def test_long_mention_slugs_are_cut_and_stay_distinct() -> None:
    doc = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")
    first = mention_iri(doc, "Đề án đầu tư xây dựng ít nhất 1 triệu căn hộ nhà ở xã hội giai đoạn 2021-2030")
    second = mention_iri(doc, "Đề án đầu tư xây dựng ít nhất 1 triệu căn hộ nhà ở xã hội giai đoạn 2021-2035")
    assert first != second
    for iri in (first, second):
        name = str(iri).rsplit("/", 1)[1]
        assert name.startswith("de-an-dau-tu-xay-dung")
        assert len(name) <= MENTION_SLUG_MAX + 9


def test_namespace_is_closed() -> None:
    assert PKG.implements == URIRef("https://w3id.org/policykg/ontology#implements")
    with pytest.raises(AttributeError):
        _ = PKG.implement


@pytest.mark.parametrize(
    ("doc_type", "code", "expected"),
    [
        ("Chỉ thị", None, PKG.Directive),
        ("KẾ HOẠCH", None, PKG.Plan),
        (None, "QĐ", PKG.Decision),
        ("Đề án", "ĐA", PKG.Scheme),
        ("Tờ trình", None, None),
    ],
)
def test_document_class(doc_type: str | None, code: str | None, expected: URIRef | None) -> None:
    assert document_class(doc_type, code) == expected


def test_every_relation_kind_has_a_predicate() -> None:
    from loaders.models import RELATION_KINDS

    assert set(RELATION_PREDICATES) == set(RELATION_KINDS)


def test_docstring_examples() -> None:
    import doctest

    import ontology.terms

    result = doctest.testmod(ontology.terms)
    assert result.attempted > 0
    assert result.failed == 0
