"""Tests of graph.listings: stats with the triple count, task filters, typed query parameters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import XSD, Literal, URIRef

from graph.demo import sample_files
from graph.ingest import ingest_paths
from graph.listings import TASK_COLUMNS, TaskFilter, bind_params, list_tasks, matching_agencies, store_stats
from graph.queries import load
from graph.store import Store, open_store
from loaders.errors import ResolveError

PLAN_3456 = "https://w3id.org/policykg/eli/vn-ha-tinh/ubnd/kh/2024/12/12/3456"


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened = open_store("memory:")
    ingest_paths(opened, sample_files())
    yield opened
    opened.close()


def tasks(store: Store, **wanted: str) -> list[dict[str, object]]:
    columns, rows = list_tasks(store, TaskFilter(**wanted))
    assert columns == TASK_COLUMNS
    assert all(list(row) == TASK_COLUMNS for row in rows)
    return rows


def test_stats_adds_the_triple_count(store: Store) -> None:
    counts = store_stats(store)
    assert counts["triples"] == store.triple_count()
    assert counts["documents"] == 9
    assert all(isinstance(v, int) for v in counts.values())


def test_every_task_is_listed_once_without_filters(store: Store) -> None:
    rows = tasks(store)
    assert len(rows) == store_stats(store)["tasks"]
    assert len({row["iri"] for row in rows}) == len(rows)


@pytest.mark.parametrize("spelling", ["Sở Thông tin và Truyền thông", "so thong tin", "SỞ THÔNG  TIN"])
def test_agency_filter_ignores_accents_case_and_spacing(store: Store, spelling: str) -> None:
    rows = tasks(store, agency=spelling)
    assert rows
    assert {row["agency"] for row in rows} == {"Sở Thông tin và Truyền thông"}
    assert {row["role"] for row in rows} <= {"assignee", "partner", "report_to"}


def test_document_filter_accepts_a_number(store: Store) -> None:
    rows = tasks(store, doc="3456/KH-UBND")
    assert rows and {row["document_iri"] for row in rows} == {PLAN_3456}


def test_a_blank_number_is_named_by_type_and_date(store: Store) -> None:
    documents = {row["document"] for row in tasks(store)}
    assert "Kế hoạch 2024-12 (no number)" in documents


@pytest.mark.parametrize(
    ("wanted", "check"),
    [
        ({"due_before": "2026-06-30"}, lambda due: due <= "2026-06-30"),
        ({"overdue_on": "2026-06-30"}, lambda due: due < "2026-06-30"),
    ],
)
def test_deadline_filters(store: Store, wanted: dict[str, str], check: object) -> None:
    rows = tasks(store, **wanted)
    assert rows
    assert all(isinstance(row["due"], str) and check(row["due"]) for row in rows)  # type: ignore[operator]


def test_overdue_excludes_the_day_itself_and_recurring_duties(store: Store) -> None:
    due_by = {row["iri"] for row in tasks(store, due_before="2026-06-30")}
    overdue = {row["iri"] for row in tasks(store, overdue_on="2026-06-30")}
    assert overdue < due_by  # the task due on 2026-06-30 is not yet overdue on that day
    assert all(row["due"] for row in tasks(store, overdue_on="2100-01-01"))


def test_role_filter_lists_partners(store: Store) -> None:
    rows = tasks(store, role="partner")
    assert rows and {row["role"] for row in rows} == {"partner"}


def test_bind_params_gives_typed_terms(store: Store) -> None:
    bound = bind_params(store, load("tasks"), {"doc": "3456/KH-UBND", "due_before": "2026-01-01"})
    assert bound == {"doc": URIRef(PLAN_3456), "due_before": Literal("2026-01-01", datatype=XSD.date)}
    assert bind_params(store, load("lookup_number"), {"number": "45-CT/TW"}) == {
        "number": Literal("45-CT/TW")
    }
    assert bind_params(store, load("implementing"), {"doc": PLAN_3456}) == {"doc": URIRef(PLAN_3456)}


AGENCIES = {
    "urn:a": ("Sở Xây dựng", "tỉnh Hà Tĩnh"),
    "urn:b": ("Phòng Quản lý hồ sơ số", "huyện Nghi Lộc, tỉnh Nghệ An"),
    "urn:c": ("Ủy ban nhân dân tỉnh", "tỉnh Hà Tĩnh"),
    "urn:d": ("Ban cán sự đảng", None),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở", ["urn:a"]),  # typed accents narrow the match…
        ("so", ["urn:a", "urn:b"]),  # …no accents: accent-insensitive
        ("SỞ  XÂY DỰNG", ["urn:a"]),
        ("xay dung", ["urn:a"]),
        ("Sơ Xây dựng", ["urn:a"]),  # a wrong accent still finds it
        ("uy ban", ["urn:c"]),
        ("", ["urn:a", "urn:b", "urn:c", "urn:d"]),
        ("Bộ Công an", []),
    ],
)
def test_matching_agencies(text: str, expected: list[str]) -> None:
    assert matching_agencies(AGENCIES, text) == [URIRef(i) for i in expected]


def test_an_agency_parameter_must_name_one_agency(store: Store) -> None:
    with pytest.raises(ResolveError, match="agencies") as caught:
        bind_params(store, load("tasks"), {"agency": "Sở"})
    assert len(caught.value.candidates) > 1
    with pytest.raises(ResolveError, match="names no agency"):
        bind_params(store, load("tasks"), {"agency": "Bộ Không Có"})
