"""Tests of graph.format: table, JSON and CSV rendering of rows and query results."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef

from graph.format import (
    MAX_CELL_WIDTH,
    cell_text,
    plain_value,
    render,
    render_result,
    result_rows,
    write_output,
)
from graph.store import QueryResult

DOC = URIRef("https://w3id.org/policykg/eli/vn/tw/ct/2024/09/10/45")
LABEL = Literal("Sở Thông tin và Truyền thông", lang="vi")


def select(*rows: dict[str, object]) -> QueryResult:
    variables = tuple(rows[0]) if rows else ("doc", "label")
    return QueryResult(kind="select", variables=variables, rows=rows)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (Literal(3), 3),
        (Literal("2.5", datatype=XSD.decimal), 2.5),
        (Literal("3000", datatype=XSD.decimal), 3000),
        (Literal(True), True),
        (Literal("2026-09-30", datatype=XSD.date), "2026-09-30"),
        (LABEL, "Sở Thông tin và Truyền thông"),
        (DOC, str(DOC)),
        (BNode("b1"), "b1"),
        ((1, Literal("a")), [1, "a"]),
        (7, 7),
    ],
)
def test_plain_value(value: object, expected: object) -> None:
    assert plain_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "true"),
        (Literal("  hai\n dòng  "), "hai dòng"),
        (["a", Literal(2)], "a; 2"),
    ],
)
def test_cell_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected


def test_json_is_a_list_of_objects_with_vietnamese_intact() -> None:
    text = render(["doc", "label", "n"], [{"doc": DOC, "label": LABEL, "n": Literal(4)}], "json")
    assert "Sở Thông tin" in text  # not \\u escapes
    assert json.loads(text) == [{"doc": str(DOC), "label": "Sở Thông tin và Truyền thông", "n": 4}]


def test_json_of_no_rows_is_an_empty_list() -> None:
    assert json.loads(render(["a"], [], "json")) == []


def test_csv_has_a_header_and_quotes_commas() -> None:
    text = render(["agency", "task"], [{"agency": LABEL, "task": "rà soát, báo cáo"}], "csv")
    assert list(csv.reader(io.StringIO(text))) == [
        ["agency", "task"],
        ["Sở Thông tin và Truyền thông", "rà soát, báo cáo"],
    ]


def test_table_aligns_columns_and_cuts_long_cells() -> None:
    long_text = "nhiệm vụ " * 20
    text = render(["n", "task"], [{"n": 1, "task": long_text}, {"n": 22, "task": "ngắn"}], "table")
    lines = text.splitlines()
    assert lines[0].split() == ["n", "task"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("1   ") and lines[3].startswith("22  ")
    assert lines[2].endswith("…") and len(lines[2]) == 4 + MAX_CELL_WIDTH


def test_table_says_when_there_are_no_results() -> None:
    assert render(["a"], [], "table") == "(no results)\n"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        render(["a"], [], "xml")


@pytest.mark.parametrize(
    ("result", "columns", "rows"),
    [
        (select({"doc": DOC}), ["doc"], [{"doc": DOC}]),
        (QueryResult(kind="ask", boolean=True), ["boolean"], [{"boolean": True}]),
        (QueryResult(kind="graph", graph=None), ["subject", "predicate", "object"], []),
    ],
)
def test_result_rows(result: QueryResult, columns: list[str], rows: list[dict[str, object]]) -> None:
    assert result_rows(result) == (columns, rows)


def test_construct_result_renders_one_row_per_triple() -> None:
    graph = Graph()
    graph.add((DOC, URIRef("https://w3id.org/policykg/ontology#title"), LABEL))
    data = json.loads(render_result(QueryResult(kind="graph", graph=graph), "json"))
    assert data == [
        {"subject": str(DOC), "predicate": "https://w3id.org/policykg/ontology#title", "object": str(LABEL)}
    ]


def test_ask_result_in_json_is_an_object() -> None:
    assert json.loads(render_result(QueryResult(kind="ask", boolean=False), "json")) == {"boolean": False}


def test_csv_file_starts_with_a_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    write_output(render(["agency"], [{"agency": LABEL}], "csv"), out, "csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "agency\r\nSở Thông tin và Truyền thông\r\n"


def test_json_file_has_no_bom(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    write_output(render(["a"], [{"a": "đ"}], "json"), out, "json")
    assert json.loads(out.read_text(encoding="utf-8")) == [{"a": "đ"}]
