"""Tests of the policykg command line, through click's CliRunner: exit codes, messages, formats."""

from __future__ import annotations

import csv
import io
import json
import shutil
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Graph, URIRef

from cli import EXIT_NOT_CONFORMING, main
from graph.demo import sample_corpus, sample_files
from graph.store import open_store
from ontology.terms import PKG

SAMPLE = sample_corpus()
DIRECTIVE = next(p for p in sample_files() if "45-CT-TW" in p.name)
PLAN = next(p for p in sample_files() if "215-KH-TU" in p.name)
DIRECTIVE_IRI = "https://w3id.org/policykg/eli/vn/tw/ct/2024/09/10/45"


def run(*args: str, store: Path | str | None = None, stdin: str | None = None) -> Result:
    prefix = ["--store", str(store)] if store is not None else []
    return CliRunner().invoke(main, [*prefix, *args], input=stdin, prog_name="policykg")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the sample corpus (read-only use)."""
    path = tmp_path_factory.mktemp("cli") / "store"
    result = run("ingest", str(SAMPLE), store=path)
    assert result.exit_code == 0, result.stderr
    return path


def stats_of(store: Path) -> dict[str, int]:
    result = run("stats", "--format", "json", store=store)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------- the group


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"policykg, version {version('policykg')}"


@pytest.mark.parametrize(
    "args",
    [["-h"], ["--help"], ["ingest", "-h"], ["tasks", "-h"], ["query", "--help"], ["lineage", "-h"]],
)
def test_help(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: policykg")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["docs", "--format", "xml"], "Invalid value for '--format'"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["ingest"], "Missing argument 'PATHS...'"),
        (["tasks", "--due-before", "tomorrow"], "Invalid value for '--due-before'"),
        (["query", "--name", "implementing", "--param", "doc"], "expected KEY=VALUE"),
        (["query"], "give a SPARQL query"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*args, store=tmp_path / "store")
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize("command", ["docs", "stats", "agencies", "tasks", "validate", "lineage 45-CT/TW"])
def test_reading_a_missing_store_says_how_to_make_one(command: str, tmp_path: Path) -> None:
    result = run(*command.split(), store=tmp_path / "nothing-here")
    assert result.exit_code == 1
    assert "no store at" in result.stderr and "policykg ingest" in result.stderr
    assert not (tmp_path / "nothing-here").exists()


def test_store_comes_from_the_environment(store: Path) -> None:
    result = CliRunner(env={"POLICYKG_STORE": str(store)}).invoke(main, ["stats", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"] >= 9


# ---------------------------------------------------------------- ingest


def test_ingest_reports_on_stderr_only(tmp_path: Path) -> None:
    result = run("ingest", str(PLAN), store=tmp_path / "s")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "stored 1 of 1 files" in result.stderr


def test_ingest_a_bad_file_continues_the_batch_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(PLAN, folder / PLAN.name)
    result = run("ingest", str(folder), str(tmp_path / "missing.md"), store=tmp_path / "s")
    assert result.exit_code == 1
    errors = [
        line for line in result.stderr.splitlines() if line.startswith("policykg: ") and "stored" not in line
    ]
    assert [line.split(": ")[1] for line in errors] == [
        str(folder / "empty.txt"),
        str(tmp_path / "missing.md"),
    ]
    assert "stored 1 of 3 files" in result.stderr and "2 failed" in result.stderr
    assert stats_of(tmp_path / "s")["documents"] >= 1


def test_ingest_and_extract_read_standard_input(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    stored = run("ingest", "-", store=tmp_path / "s", stdin=text)
    assert stored.exit_code == 0, stored.stderr
    assert "stored 1 of 1 files" in stored.stderr
    extracted = run("extract", "-", stdin=text)
    assert extracted.exit_code == 0
    assert json.loads(extracted.stdout)["number"] == "215-KH/TU"
    assert run("ingest", "--jobs", "2", "-", store=tmp_path / "s", stdin=text).exit_code == 2


def test_ingest_of_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path), store=tmp_path / "s")
    assert result.exit_code == 1
    assert "no files to ingest" in result.stderr


def test_ingesting_twice_leaves_the_triple_count_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "s"
    assert run("ingest", str(SAMPLE), store=target).exit_code == 0
    first = stats_of(target)
    assert run("ingest", str(SAMPLE), store=target).exit_code == 0
    assert stats_of(target) == first
    assert first["triples"] > 0


def test_ingest_with_jobs_stores_the_same_triples(tmp_path: Path, store: Path) -> None:
    result = run("ingest", "--jobs", "2", str(SAMPLE), store=tmp_path / "s")
    assert result.exit_code == 0, result.stderr
    assert stats_of(tmp_path / "s")["triples"] == stats_of(store)["triples"]


# ---------------------------------------------------------------- extract


def test_extract_json_of_one_file_is_an_object() -> None:
    result = run("extract", str(PLAN))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["number"] == "215-KH/TU"
    assert data["source"] == str(PLAN)


def test_extract_json_of_several_files_is_an_array_and_a_bad_file_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(PLAN), str(empty), str(DIRECTIVE))
    assert result.exit_code == 1
    assert [d["number"] for d in json.loads(result.stdout)] == ["215-KH/TU", "45-CT/TW"]
    assert result.stderr.startswith(f"policykg: {empty}: ")


@pytest.mark.parametrize(("fmt", "rdf_format"), [("ttl", "ttl"), ("nq", "nq")])
def test_extract_rdf_parses(fmt: str, rdf_format: str) -> None:
    result = run("extract", "--format", fmt, str(PLAN))
    assert result.exit_code == 0
    quads = list(ox.parse(result.stdout.encode(), format=ox.RdfFormat.from_extension(rdf_format)))
    assert quads


# ---------------------------------------------------------------- lineage


def test_lineage_down_follows_the_three_level_chain(store: Path) -> None:
    result = run("lineage", "45-CT/TW", "--down", store=store)
    assert result.exit_code == 0, result.stderr
    for number in ("215-KH/TU", "188-KH/TU", "97-KH/HU"):
        assert number in result.stdout
    lines = result.stdout.splitlines()
    province = next(line for line in lines if "── 215-KH/TU" in line)
    district = next(line for line in lines[lines.index(province) :] if "── 97-KH/HU" in line)
    assert district.index("97-KH/HU") > province.index("215-KH/TU")  # nested one level deeper


def test_lineage_up_shows_predicates_and_sentences(store: Path) -> None:
    result = run("lineage", "97-KH/HU", "--up", store=store)
    assert result.exit_code == 0, result.stderr
    assert "215-KH/TU" in result.stdout and "45-CT/TW" in result.stdout
    assert "implements" in result.stdout
    assert "Thực hiện Chỉ thị số 45-CT/TW" in result.stdout


@pytest.mark.parametrize(("depth", "reaches_the_commune_plan"), [("1", False), ("2", True)])
def test_lineage_depth_limits_the_chain(store: Path, depth: str, reaches_the_commune_plan: bool) -> None:
    result = run("lineage", DIRECTIVE_IRI, "--down", "--depth", depth, store=store)
    assert result.exit_code == 0
    assert "215-KH/TU" in result.stdout
    assert ("(no number)" in result.stdout) is reaches_the_commune_plan


def test_lineage_json_parses(store: Path) -> None:
    result = run("lineage", "Chỉ thị 45", "--format", "json", store=store)
    assert result.exit_code == 0, result.stderr
    assert "215-KH/TU" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_lineage_of_an_unknown_document_is_a_one_line_error(store: Path) -> None:
    result = run("lineage", "Chỉ thị 999", store=store)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "999" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- query


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_query_from_argument_stdin_and_file_agree(store: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "count.rq"
    query_file.write_text(COUNT, encoding="utf-8")
    outputs = [
        run("query", COUNT, "--format", "json", store=store),
        run("query", "-", "--format", "json", store=store, stdin=COUNT),
        run("query", "--file", str(query_file), "--format", "json", store=store),
        run("query", "--format", "json", store=store, stdin=COUNT),
    ]
    assert [r.exit_code for r in outputs] == [0, 0, 0, 0], [repr(r.exception) for r in outputs]
    data = [json.loads(r.stdout) for r in outputs]
    assert data[0] == data[1] == data[2] == data[3]
    assert data[0][0]["n"] == stats_of(store)["triples"]


def test_query_named_implementing(store: Path) -> None:
    result = run(
        "query", "--name", "implementing", "--param", "doc=45-CT/TW", "--format", "json", store=store
    )
    assert result.exit_code == 0, result.stderr
    text = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    for number in ("215-KH/TU", "188-KH/TU", "97-KH/HU"):
        assert number in text


def test_query_list_names_the_listing_queries() -> None:
    result = run("query", "--list", "--format", "json")
    assert result.exit_code == 0
    names = {row["name"] for row in json.loads(result.stdout)}
    assert {"documents", "tasks", "agencies", "stats", "implementing"} <= names


def test_malformed_sparql_is_a_one_line_error(store: Path) -> None:
    result = run("query", "SELECT WHERE {", store=store)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1


def test_query_csv_has_a_header(store: Path) -> None:
    result = run("query", COUNT, "--format", "csv", store=store)
    assert result.exit_code == 0
    assert next(csv.reader(io.StringIO(result.stdout))) == ["n"]


# ---------------------------------------------------------------- listings


def test_stats_counts(store: Path) -> None:
    counts = stats_of(store)
    assert {"documents", "agencies", "tasks", "relations", "triples"} <= set(counts)
    assert counts["documents"] >= 9 and counts["tasks"] > 0 and counts["relations"] > 0


@pytest.mark.parametrize("command", ["docs", "agencies", "tasks"])
def test_listings_in_json_and_csv(command: str, store: Path) -> None:
    as_json = run(command, "--format", "json", store=store)
    as_csv = run(command, "--format", "csv", store=store)
    assert as_json.exit_code == as_csv.exit_code == 0
    rows = json.loads(as_json.stdout)
    assert isinstance(rows, list) and rows
    assert len(list(csv.reader(io.StringIO(as_csv.stdout)))) == len(rows) + 1


def test_docs_table_shows_numbers(store: Path) -> None:
    result = run("docs", store=store)
    assert result.exit_code == 0
    assert "45-CT/TW" in result.stdout and "3456/KH-UBND" in result.stdout


def test_listing_to_a_csv_file_has_a_bom(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    result = run("tasks", "--format", "csv", "-o", str(out), store=store)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def task_rows(store: Path, *args: str) -> list[dict[str, object]]:
    result = run("tasks", *args, "--format", "json", store=store)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_tasks_agency_filter_ignores_accents_and_case(store: Path) -> None:
    rows = task_rows(store, "--agency", "SO THONG TIN")
    assert rows
    assert all("thông tin" in str(r["agency"]).lower() for r in rows)
    assert task_rows(store, "--agency", "Sở Thông tin") == rows


def test_tasks_of_one_document(store: Path) -> None:
    rows = task_rows(store, "--doc", "3456/KH-UBND")
    assert rows and {r["document"] for r in rows} == {"3456/KH-UBND"}


def test_tasks_overdue_on_a_date(store: Path) -> None:
    overdue = task_rows(store, "--overdue-on", "2026-07-01")
    assert overdue
    assert all(str(r["due"]) < "2026-07-01" for r in overdue)
    assert not any(r["due"] == "2026-09-30" for r in overdue)  # quý III/2026 is not overdue yet
    later = task_rows(store, "--overdue-on", "2026-10-01")
    assert any(r["due"] == "2026-09-30" for r in later)


def test_tasks_due_before_includes_the_day(store: Path) -> None:
    rows = task_rows(store, "--due-before", "30/06/2026")
    assert any(r["due"] == "2026-06-30" for r in rows)
    assert all(str(r["due"]) <= "2026-06-30" for r in rows)


def test_tasks_role_filter(store: Path) -> None:
    rows = task_rows(store, "--role", "partner")
    assert rows and {r["role"] for r in rows} == {"partner"}


# ---------------------------------------------------------------- validate


def test_validate_sample_store_conforms(store: Path) -> None:
    result = run("validate", store=store)
    assert result.exit_code == 0, result.stdout
    assert "Conforms: True" in result.stdout


def test_validate_exits_3_when_the_data_does_not_conform(tmp_path: Path) -> None:
    target = tmp_path / "s"
    assert run("ingest", str(PLAN), store=target).exit_code == 0
    store = open_store(str(target))
    nameless = Graph()
    nameless.add((URIRef("urn:policykg-test:agency"), RDF.type, PKG.Agency))  # an agency needs a label
    store.replace_graph(URIRef("urn:policykg-test:graph"), nameless)
    store.close()
    result = run("validate", "--format", "json", store=target)
    assert result.exit_code == EXIT_NOT_CONFORMING == 3
    assert json.loads(result.stdout)["conforms"] is False
    assert "exit 3" in run("validate", "-h").stdout


# ---------------------------------------------------------------- demo


def test_demo_in_memory_shows_stats_lineage_and_tasks() -> None:
    result = run("demo", "--into", "memory:")
    assert result.exit_code == 0, result.stderr
    for expected in ("documents", "215-KH/TU", "97-KH/HU", "Sở Thông tin và Truyền thông"):
        assert expected in result.stdout


def test_demo_on_disk_can_be_run_again_and_says_what_to_try(tmp_path: Path) -> None:
    target = tmp_path / "demo-store"
    first = run("demo", "--into", str(target))
    again = run("demo", "--into", str(target))
    assert first.exit_code == again.exit_code == 0, again.stderr
    assert f"policykg --store {target} lineage" in again.stdout
    assert (
        first.stdout.split("$ policykg lineage")[0] == again.stdout.split("$ policykg lineage")[0]
    )  # same stats


def test_demo_never_touches_another_store(tmp_path: Path) -> None:
    user_store = tmp_path / "mine"
    other = tmp_path / "other.txt"
    shutil.copy(PLAN, other)
    other.write_text(other.read_text(encoding="utf-8").replace("215-KH/TU", "216-KH/TU"), encoding="utf-8")
    assert run("ingest", str(other), store=user_store).exit_code == 0
    before = stats_of(user_store)
    result = run("demo", "--into", str(user_store))
    assert result.exit_code == 1
    assert "not from the sample corpus" in result.stderr
    assert stats_of(user_store) == before


def test_demo_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = run("demo", "--into", str(tmp_path))
    assert result.exit_code == 1
    assert "not a policykg store" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
