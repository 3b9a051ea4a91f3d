"""Named queries: catalogue, headers, parameters bound as data, answers on the chain corpus."""

from __future__ import annotations

import pytest
from rdflib import XSD, Literal, URIRef

from graph.queries import list_named, load, parse_query, run, run_named
from graph.store_oxigraph import OxigraphStore
from loaders.errors import QueryError
from ontology.terms import PKG
from tests.factories import chain_store

B = "https://w3id.org/policykg/"
CT34 = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")
KH146 = URIRef(f"{B}eli/vn-long-an/tu/kh/2024/07/10/146")
KH21 = URIRef(f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21")
ORG = f"{B}org/vn-long-an/"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return chain_store()  # type: ignore[no-any-return]


def _column(rows: tuple[dict[str, object], ...], name: str) -> list[str | None]:
    return [None if row[name] is None else str(row[name]) for row in rows]


MINE = ["implementing", "rests_on", "edges", "documents", "tasks", "agencies", "stats", "lookup_number",
        "lineage_up", "lineage_down", "document_card", "same_as_candidates"]  # fmt: skip


@pytest.mark.parametrize("name", MINE)
def test_named_query_has_a_header(name: str) -> None:
    query = load(name)
    assert query.name == name
    assert query.answers
    assert query.text.startswith("# name:")


def test_catalogue_is_sorted_and_complete() -> None:
    names = [q.name for q in list_named()]
    assert names == sorted(names)
    assert set(MINE) <= set(names)


@pytest.mark.parametrize(
    ("text", "name", "params"),
    [
        ("# name: a\n# answers: x\n# params: doc (IRI) the doc\nSELECT", "a", ("doc",)),
        (
            "# name: b\n# params: doc (IRI, optional) x; agency (IRI)\n#   more words\nSELECT",
            "b",
            ("doc", "agency"),
        ),
        ("# params: none\nSELECT", "stem", ()),
        ("SELECT * WHERE {}", "stem", ()),
    ],
)
def test_parse_query_header(text: str, name: str, params: tuple[str, ...]) -> None:
    query = parse_query("stem", text)
    assert (query.name, query.params) == (name, params)


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        (
            "# name: a\n# answers: What implements X?\n#   directly or not.\nSELECT",
            "What implements X? directly or not.",
        ),
        (
            "# stem: every edge, with\n# its source.\n# Variables: ?s.\nSELECT",
            "every edge, with its source. Variables: ?s.",
        ),
        ("SELECT", ""),
    ],
)
def test_parse_query_answers(text: str, answers: str) -> None:
    assert parse_query("stem", text).answers == answers


def test_unknown_query_and_unknown_parameter_are_query_errors(store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="no query named"):
        load("nope")
    with pytest.raises(QueryError, match="no parameter agency"):
        run_named(store, "implementing", {"agency": CT34})


def test_implementing_follows_the_chain_down(store: OxigraphStore) -> None:
    rows = run_named(store, "implementing", {"doc": CT34}).rows
    assert {(str(r["document"]), str(r["via"])) for r in rows} == {
        (str(KH146), str(CT34)),
        (str(KH21), str(KH146)),
    }
    assert _column(rows, "number") == ["146-KH/TU", "21-KH/HU"]


def test_rests_on_follows_the_chain_up(store: OxigraphStore) -> None:
    rows = run_named(store, "rests_on", {"doc": KH21}).rows
    reached = {str(r["document"]): str(r["predicate"]) for r in rows}
    assert reached == {
        str(KH146): str(PKG.implements),
        str(CT34): str(PKG.implements),
        f"{KH146}/mention/luat-luu-tru-2024": str(PKG.basedOn),
    }


def test_edges_carry_sentence_span_and_source(store: OxigraphStore) -> None:
    rows = run_named(store, "edges").rows
    amends = [r for r in rows if r["p"] == PKG.amends]
    assert len(amends) == 1
    assert amends[0]["g"] == KH21
    assert str(amends[0]["quote"]).startswith("Nghị quyết 02-NQ/TU sửa đổi")
    assert int(str(amends[0]["end"])) - int(str(amends[0]["start"])) == len(str(amends[0]["quote"]))


def test_documents_lists_ingested_documents_only(store: OxigraphStore) -> None:
    rows = run_named(store, "documents").rows
    assert sorted(_column(rows, "number")) == ["02-NQ/TU", "02-NQ/TU", "146-KH/TU", "21-KH/HU", "34-CT/TW"]
    province = next(r for r in rows if r["doc"] == KH146)
    assert (str(province["jurisdiction"]), str(province["source"])) == ("tỉnh Long An", "kh146.txt")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [("146-KH/TU", "assignee"), ("21-KH/HU", "assignee")]),
        ({"doc": KH21}, [("21-KH/HU", "assignee")]),
        ({"agency": URIRef(ORG + "so-noi-vu")}, [("146-KH/TU", "partner")]),
        ({"agency": URIRef(ORG + "ban-thuong-vu-tinh-uy")}, [("146-KH/TU", "report_to")]),
        ({"agency": URIRef(ORG + "van-phong-tinh-uy")}, [("146-KH/TU", "assignee")]),
        ({"agency": URIRef(ORG + "nobody")}, []),
        ({"due_before": Literal("2025-12-31", datatype=XSD.date)}, [("146-KH/TU", "assignee")]),
        ({"due_before": Literal("2025-12-30", datatype=XSD.date)}, []),
        ({"doc": KH21, "agency": URIRef(ORG + "so-noi-vu")}, []),
    ],
)
def test_tasks_filters(
    store: OxigraphStore, params: dict[str, URIRef | Literal], expected: list[tuple[str, str]]
) -> None:
    rows = run_named(store, "tasks", params).rows
    assert sorted((str(r["number"]), str(r["role"])) for r in rows) == expected


def test_tasks_row_content(store: OxigraphStore) -> None:
    (row,) = run_named(store, "tasks", {"doc": KH146}).rows
    assert str(row["assignee_label"]) == "Văn phòng Tỉnh ủy"
    assert (str(row["partners"]), str(row["report_to"])) == ("Sở Nội vụ", "Ban Thường vụ Tỉnh ủy")
    assert (str(row["deadline_text"]), str(row["due"])) == ("trước ngày 31/12/2025", "2025-12-31")
    assert str(row["quote"]).startswith("1. Văn phòng Tỉnh ủy chủ trì")


def test_agencies_and_stats(store: OxigraphStore) -> None:
    agencies = {str(r["agency"]): r for r in run_named(store, "agencies").rows}
    assert str(agencies[ORG + "so-noi-vu"]["partners"]) == "1"
    assert str(agencies[ORG + "van-phong-tinh-uy"]["parent"]) == ORG + "tinh-uy"
    (stats,) = run_named(store, "stats").rows
    counted = {k: int(str(v)) for k, v in stats.items()}
    assert counted == {"documents": 5, "referenced": 8, "mentions": 3, "relations": 6, "agencies": 6,
                       "tasks": 2, "targets": 1}  # fmt: skip


@pytest.mark.parametrize(
    ("number", "count"),
    [("02-NQ/TU", 3), ("34", 1), ("146-KH/TU", 1), ('34" } ; DROP ALL ; SELECT * {', 0), ("{?s ?p ?o}", 0)],
)
def test_lookup_number_binds_the_value_as_data(store: OxigraphStore, number: str, count: int) -> None:
    before = store.triple_count()
    rows = run_named(store, "lookup_number", {"number": Literal(number)}).rows
    assert len(rows) == count
    assert store.triple_count() == before


def test_run_with_bindings(store: OxigraphStore) -> None:
    result = run(
        store, "SELECT ?doc ?n WHERE { ?doc <https://w3id.org/policykg/ontology#number> ?n }", {"doc": KH21}
    )
    assert _column(result.rows, "n") == ["21-KH/HU"]


def test_task_without_assignee_has_no_role_unless_the_agency_is_asked_for() -> None:
    from dataclasses import replace

    from graph.build import build_graph
    from tests.factories import province_plan

    doc = province_plan()
    orphan = replace(doc, tasks=(replace(doc.tasks[0], assignee=None),))
    with OxigraphStore(None) as store:
        store.replace_graph(*build_graph(orphan))
        (row,) = run_named(store, "tasks").rows
        assert (row["role"], row["assignee"]) == (None, None)
        (row,) = run_named(store, "tasks", {"agency": URIRef(ORG + "so-noi-vu")}).rows
        assert str(row["role"]) == "partner"
