"""From what an analyst types to one document IRI."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph.resolve import parse_phrase, resolve_document, tokens
from graph.store_oxigraph import OxigraphStore
from loaders.errors import ResolveError
from tests.factories import chain_store

B = "https://w3id.org/policykg/"
CT34 = f"{B}eli/vn/tw/ct/2024/05/24/34"
KH146 = f"{B}eli/vn-long-an/tu/kh/2024/07/10/146"
KH21 = f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21"
NQ02_LONG_AN = f"{B}eli/vn-long-an/tu/nq/2021/03/15/02"
NQ02_HAU_GIANG = f"{B}eli/vn-hau-giang/tu/nq/2021/04/15/02"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return chain_store()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("34-CT/TW", CT34),
        ("34 - CT / TW", CT34),
        ("34/CT-TW", CT34),
        ("Chỉ thị 34", CT34),
        ("chi thi 34", CT34),
        ("CHỈ THỊ SỐ 34-CT/TW", CT34),
        ("Chỉ thị 34 năm 2024", CT34),
        ("Kế hoạch 146", KH146),
        ("146-KH/TU", KH146),
        ("21-KH/HU", KH21),
        ("ke hoach so 21", KH21),
        ("Nghị quyết 02 năm 2021", None),
        ("09-NQ/TU", f"{KH21}/mention/09-nq-tu"),
        ("Luật Lưu trữ 2024", f"{KH146}/mention/luat-luu-tru-2024"),
        ("Chỉ thị 34' . } #", CT34),
        (CT34, CT34),
        (f"<{KH146}>", KH146),
    ],
)
def test_resolves(store: OxigraphStore, phrase: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ResolveError, match="ambiguous"):
            resolve_document(store, phrase)
    else:
        assert resolve_document(store, phrase) == URIRef(expected)


def test_same_symbol_in_two_provinces_is_ambiguous_and_lists_both(store: OxigraphStore) -> None:
    with pytest.raises(ResolveError, match="ambiguous: 2 documents match") as caught:
        resolve_document(store, "02-NQ/TU")
    assert [c.split()[0] for c in caught.value.candidates] == [NQ02_HAU_GIANG, NQ02_LONG_AN]
    assert "Hậu Giang" in caught.value.candidates[0]


@pytest.mark.parametrize(
    "phrase",
    [
        "Chỉ thị 35",
        "Nghị quyết 34",
        "Chỉ thị 34 năm 2023",
        "35-CT/TW",
        "",
        '34" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #',
        "{ ?s ?p ?o }",
        "Chỉ thị 35' . }",
        "http://example.org/unknown",
        "https://bad iri>",
    ],
)
def test_no_match_is_a_resolve_error(store: OxigraphStore, phrase: str) -> None:
    before = store.triple_count()
    with pytest.raises(ResolveError):
        resolve_document(store, phrase)
    assert store.triple_count() == before


@pytest.mark.parametrize(
    ("phrase", "type_words", "serial", "symbol", "year"),
    [
        ("Chỉ thị số 34-CT/TW", "chi thi", "34", ("ct", "tw"), None),
        ("338/QĐ-TTg", "", "338", ("qd", "ttg"), None),
        ("15/2023/NĐ-CP", "", "15", ("nd", "cp"), "2023"),
        ("Nghị quyết 18-NQ/TW năm 2017", "nghi quyet", "18", ("nq", "tw"), "2017"),
        ("Luật Nhà ở 2023", "luat nha o", None, (), "2023"),
    ],
)
def test_parse_phrase(
    phrase: str, type_words: str, serial: str | None, symbol: tuple[str, ...], year: str | None
) -> None:
    query = parse_phrase(phrase)
    assert (query.type_words, query.serial, query.symbol, query.year) == (type_words, serial, symbol, year)


def test_tokens() -> None:
    assert tokens("Kế hoạch số 146-KH/HU") == ["ke", "hoach", "so", "146", "kh", "hu"]


def test_docstring_examples() -> None:
    import doctest

    import graph.resolve

    result = doctest.testmod(graph.resolve)
    assert result.attempted > 0
    assert result.failed == 0
