"""``graph.matrix``: the agency × document responsibility matrix and its Excel-ready CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from cli import main
from graph.build import build_graph
from graph.ingest import ingest_paths
from graph.matrix import Matrix, matrix_csv, responsibility_matrix, write_matrix_csv
from graph.store import Store, open_store
from loaders.errors import ResolveError
from loaders.models import ParsedDocument, Task
from ontology.terms import agency_iri, document_iri
from tests.factories import (
    LONG_AN,
    directive,
    district_plan,
    make_agency,
    province_plan,
    span_of,
    with_changes,
)

SAMPLE = Path(__file__).resolve().parents[1] / "loaders" / "data" / "sample"
BOM = b"\xef\xbb\xbf"
OFFICE = agency_iri(make_agency("Văn phòng Tỉnh ủy", LONG_AN))
HOME = agency_iri(make_agency("Sở Nội vụ", LONG_AN))
STANDING = agency_iri(make_agency("Ban Thường vụ Tỉnh ủy", LONG_AN))
KH146 = document_iri(province_plan().identity)
KH21 = document_iri(district_plan().identity)
DISTRICT_TITLE = "thực hiện Kế hoạch số 146-KH/TU của Ban Thường vụ Tỉnh ủy"


def _province_with_two_tasks() -> ParsedDocument:
    """146-KH/TU with a second task: Sở Nội vụ leads it, Văn phòng Tỉnh ủy helps."""
    doc = province_plan()
    line = "Đạt ít nhất 3.000 hồ sơ được số hóa trong giai đoạn 2024-2025."
    office, home = doc.tasks[0].assignee, doc.tasks[0].partners[0]
    second = Task("1-2", line, span_of(doc.source.text, line), home, partners=(office,) if office else ())
    return with_changes(doc, tasks=(*doc.tasks, second))


def _district_without_number() -> ParsedDocument:
    doc = district_plan()
    return with_changes(doc, layout=replace(doc.layout, number=None))


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened = open_store("memory:")
    docs = [directive(), _province_with_two_tasks(), _district_without_number()]
    opened.replace_graphs([build_graph(doc) for doc in docs])
    yield opened
    opened.close()


def _table(matrix: Matrix) -> list[tuple[str, ...]]:
    return [(r.label, r.jurisdiction, *r.cells, str(r.tasks)) for r in matrix.rows]


def test_cells_hold_each_agencys_roles_per_document(store: Store) -> None:
    matrix = responsibility_matrix(store)
    assert matrix.header() == ("agency", "jurisdiction", "146-KH/TU", DISTRICT_TITLE, "tasks")
    assert _table(matrix) == [
        ("Ban Thường vụ Tỉnh ủy", "tỉnh Long An", "nhận báo cáo", "", "1"),
        ("Sở Nội vụ", "tỉnh Long An", "chủ trì; phối hợp", "", "2"),
        ("Văn phòng Huyện ủy", "huyện Cần Đước, tỉnh Long An", "", "chủ trì", "1"),
        ("Văn phòng Tỉnh ủy", "tỉnh Long An", "chủ trì; phối hợp", "", "2"),
    ]
    assert matrix.cell(STANDING, KH146) == "nhận báo cáo"


@pytest.mark.parametrize(
    ("kw", "agencies", "headings"),
    [
        ({"doc": KH21}, ["Văn phòng Huyện ủy"], [DISTRICT_TITLE]),
        ({"agency": "so noi vu"}, ["Sở Nội vụ"], ["146-KH/TU"]),
        ({"agency": str(STANDING)}, ["Ban Thường vụ Tỉnh ủy"], ["146-KH/TU"]),
        ({"agency": "Văn phòng"}, ["Văn phòng Huyện ủy", "Văn phòng Tỉnh ủy"], ["146-KH/TU", DISTRICT_TITLE]),
        ({"doc": URIRef("urn:no-such-document")}, [], []),
    ],
)
def test_agency_and_doc_select_rows_and_columns(
    store: Store, kw: dict[str, object], agencies: list[str], headings: list[str]
) -> None:
    matrix = responsibility_matrix(store, **kw)  # type: ignore[arg-type]
    assert [r.label for r in matrix.rows] == agencies
    assert [c.heading for c in matrix.columns] == headings


def test_unknown_agency_is_a_resolve_error(store: Store) -> None:
    with pytest.raises(ResolveError) as caught:
        responsibility_matrix(store, agency="Bộ Không Tồn Tại")
    assert caught.value.one_line() == "Bộ Không Tồn Tại: no agency with tasks in the store matches this name"


def test_unknown_cell_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        responsibility_matrix(store).cell(HOME, KH21 + "/other")


def test_csv_has_a_bom_and_rereads_with_the_vietnamese(store: Store, tmp_path: Path) -> None:
    matrix = responsibility_matrix(store)
    out = tmp_path / "matrix.csv"
    written = write_matrix_csv(matrix, out)
    data = out.read_bytes()
    assert data.startswith(BOM) and written == len(data) == len(matrix_csv(matrix))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(matrix.header())
    assert rows[1:] == [list(row) for row in _table(matrix)]
    assert rows[3][:3] == ["Văn phòng Huyện ủy", "huyện Cần Đước, tỉnh Long An", ""]


def _matrix_of_one(label: str) -> Matrix:
    opened = open_store("memory:")
    doc = province_plan()
    task = replace(doc.tasks[0], assignee=make_agency(label, LONG_AN, key="k"), partners=(), report_to=())
    opened.replace_graphs([build_graph(with_changes(doc, tasks=(task,)))])
    try:
        return responsibility_matrix(opened)
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("label", "written"),
    [('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("-1+2", "'-1+2"), ("Sở Y tế", "Sở Y tế")],
)
def test_csv_defuses_spreadsheet_formulas(label: str, written: str) -> None:
    matrix = _matrix_of_one(label)
    rows = list(csv.reader(io.StringIO(matrix_csv(matrix).decode("utf-8-sig"))))
    assert rows[1][0] == written


def test_sample_corpus_matrix_rereads(tmp_path: Path) -> None:
    if not SAMPLE.is_dir():
        pytest.skip("no sample corpus")
    opened = open_store("memory:")
    ingest_paths(opened, [SAMPLE])
    matrix = responsibility_matrix(opened)
    opened.close()
    rows = list(csv.DictReader(io.StringIO(matrix_csv(matrix).decode("utf-8-sig"))))
    assert len(rows) == len(matrix.rows) > 0
    assert len(matrix.columns) > 1
    assert all(int(row["tasks"]) >= 1 for row in rows)
    headings = [c.heading for c in matrix.columns]
    assert len(set(headings)) == len(headings)
    roles = {part for row in rows for h in headings for part in row[h].split("; ") if part}
    assert "chủ trì" in roles and roles <= {"chủ trì", "phối hợp", "nhận báo cáo"}


# --------------------------------------------------------------------------- policykg export --format matrix


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("matrix") / "store"
    opened = open_store(str(path))
    opened.replace_graphs([build_graph(make()) for make in (directive, province_plan, district_plan)])
    opened.close()
    return path


@pytest.mark.parametrize(
    ("args", "summary", "rows"),
    [
        ([], "agencies × documents: 4 × 2", 5),
        (["--agency", "Sở Nội vụ"], "agencies × documents: 1 × 1", 2),
        (["--focus", "21-KH/HU"], "agencies × documents: 1 × 1", 2),
    ],
)
def test_cli_export_matrix(store_dir: Path, tmp_path: Path, args: list[str], summary: str, rows: int) -> None:
    out = tmp_path / "matrix.csv"
    result = CliRunner().invoke(
        main, ["--store", str(store_dir), "export", "--format", "matrix", *args, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"policykg: wrote {out} ({summary})\n"
    data = out.read_bytes()
    assert data.startswith(BOM)
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == rows


def test_cli_export_matrix_unknown_agency_is_one_line(store_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["--store", str(store_dir), "export", "--format", "matrix", "--agency", "Bộ Không Tồn Tại", "-o",
         str(tmp_path / "m.csv")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Bộ Không Tồn Tại: no agency with tasks in the store matches this name" in result.stderr
    assert "Traceback" not in result.output
