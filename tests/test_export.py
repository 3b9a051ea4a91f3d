"""Exports: RDF round trips, GraphML/GEXF/CSV projections, focus and agency selection."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from cli import EXPORT_FORMATS, main
from graph.build import build_graph
from graph.export import FORMATS, ExportSummary, export, project
from graph.store import Store, open_store
from loaders.errors import ResolveError
from ontology.terms import document_iri
from tests.factories import directive, district_plan, province_plan

CT34 = document_iri(directive().identity)
KH146 = document_iri(province_plan().identity)
KH21 = document_iri(district_plan().identity)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened = open_store("memory:")
    opened.replace_graphs([build_graph(make()) for make in (directive, province_plan, district_plan)])
    yield opened
    opened.close()


def _export(store: Store, fmt: str, **kw: object) -> tuple[bytes, ExportSummary]:
    buffer = io.BytesIO()
    summary = export(store, fmt, buffer, **kw)  # type: ignore[arg-type]
    return buffer.getvalue(), summary


def _canonical(term: Node) -> Node:
    """Decimal literals in canonical form: Turtle writes ``3000`` as ``3000.0`` (same value)."""
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        return Literal(format(Decimal(str(term)).normalize(), "f"), datatype=XSD.decimal)
    return term


def _canonical_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    for s, p, o in triples:
        graph.add((s, p, _canonical(o)))
    return graph


def _union(store: Store) -> Graph:
    return _canonical_graph((s, p, o) for s, p, o, _ in store.quads())


def _parse_dataset(data: bytes, rdflib_format: str) -> Dataset:
    parsed = Dataset()
    with warnings.catch_warnings():
        # rdflib's quad parsers still use Dataset.default_context and ConjunctiveGraph
        warnings.filterwarnings(
            "ignore", r"(Dataset\.\w+|ConjunctiveGraph) is deprecated", DeprecationWarning
        )
        parsed.parse(data=data, format=rdflib_format)
    return parsed


def _store_quads(store: Store) -> set[tuple[object, ...]]:
    return {(s, p, _canonical(o), g) for s, p, o, g in store.quads()}


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt")])
def test_turtle_and_ntriples_hold_the_union_of_all_document_graphs(
    store: Store, fmt: str, rdflib_format: str
) -> None:
    data, summary = _export(store, fmt)
    parsed = _canonical_graph(Graph().parse(data=data, format=rdflib_format))
    assert isomorphic(parsed, _union(store))
    assert summary.triples == len(parsed) > 0
    assert summary.graphs == 3


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")]
)
def test_quad_formats_keep_one_named_graph_per_document(store: Store, fmt: str, rdflib_format: str) -> None:
    data, summary = _export(store, fmt)
    parsed = _parse_dataset(data, rdflib_format)
    quads = {
        (s, p, _canonical(o), g) for s, p, o, g in parsed.quads((None, None, None, None)) if g is not None
    }
    assert quads == _store_quads(store)
    assert {g for *_, g in quads} == {CT34, KH146, KH21}
    assert summary.triples == len(quads)


def test_jsonld_embeds_its_context_instead_of_linking_one(store: Store) -> None:
    data, _ = _export(store, "jsonld")
    document = json.loads(data)
    context = document["@context"] if isinstance(document, dict) else document[0]["@context"]
    assert isinstance(context, dict)
    assert context["pkg"] == "https://w3id.org/policykg/ontology#"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_property_graph_files_reread_with_the_same_counts(store: Store, fmt: str) -> None:
    data, summary = _export(store, fmt)
    reread = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    projection = project(store)
    assert (reread.number_of_nodes(), reread.number_of_edges()) == (
        projection.number_of_nodes(),
        projection.number_of_edges(),
    )
    assert (summary.nodes, summary.edges) == (projection.number_of_nodes(), projection.number_of_edges())
    assert str(KH146) in reread
    assert reread.nodes[str(KH146)]["label"] == "Kế hoạch 146-KH/TU"


def test_csv_is_one_edges_table_with_a_bom_and_vietnamese_labels(store: Store) -> None:
    data, summary = _export(store, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == summary.edges == project(store).number_of_edges()
    implements = [r for r in rows if r["relation"] == "implements" and r["source"] == str(KH146)]
    assert implements[0]["target_label"] == "Chỉ thị 34-CT/TW"
    assert implements[0]["relation_label"] == "thực hiện"


@pytest.mark.parametrize(
    ("kw", "subject"),
    [
        ({"focus": URIRef("https://w3id.org/policykg/eli/vn/tw/ct/1999/01/01/1")}, "ct/1999"),
        ({"focus": URIRef(f"{KH146}/task/1-1")}, "task/1-1"),
        ({"agency": "Bộ Không Tồn Tại"}, "Bộ Không Tồn Tại"),
    ],
)
def test_unknown_focus_or_agency_is_a_resolve_error(
    store: Store, kw: dict[str, object], subject: str
) -> None:
    with pytest.raises(ResolveError) as caught:
        _export(store, "ttl", **kw)
    assert subject in caught.value.one_line()


def test_focus_rdf_export_keeps_the_kept_nodes_and_their_evidence_only(store: Store) -> None:
    data, _ = _export(store, "nq", focus=KH21, depth=1)
    parsed = _parse_dataset(data, "nquads")
    subjects = {str(s) for s, *_ in parsed.quads((None, None, None, None))}
    assert str(KH21) in subjects
    assert str(KH146) in subjects
    assert str(CT34) not in subjects
    objects = {str(o) for _, _, o, _ in parsed.quads((None, None, None, None))}
    assert str(CT34) not in objects
    quotes = {str(o) for _, p, o, _ in parsed.quads((None, None, None, None)) if str(p).endswith("#exact")}
    assert any(q.startswith("Thực hiện Kế hoạch số 146-KH/TU") for q in quotes)
    assert not any("Chỉ thị số 34-CT/TW" in q for q in quotes)
    assert not any("phối hợp với Sở Nội vụ" in q for q in quotes), "a task of a document left out"
    assert any(q.startswith("Văn phòng Huyện ủy hằng quý") for q in quotes), "the focus' own task"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_to_a_path(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    summary = export(store, fmt, out, focus=KH146, depth=1)
    assert out.stat().st_size == summary.bytes > 0
    assert summary.format == fmt


def test_unknown_format_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="Unexpected export format"):
        _export(store, "xlsx")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    opened = open_store(str(path))
    opened.replace_graphs([build_graph(make()) for make in (directive, province_plan, district_plan)])
    opened.close()
    return path


def _cli(store_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store_dir), "export", *args])


@pytest.mark.parametrize(
    ("args", "summary"),
    [
        (["--format", "ttl"], "triples from 3 document graphs"),
        (["--format", "graphml", "--focus", "146-KH/TU", "--depth", "1"], "nodes,"),
        (["--format", "html", "--agency", "Sở Nội vụ"], "5 nodes, 5 edges"),
    ],
)
def test_cli_export_writes_the_file_and_says_what_it_wrote(
    store_dir: Path, tmp_path: Path, args: list[str], summary: str
) -> None:
    out = tmp_path / "out"
    result = _cli(store_dir, *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"policykg: wrote {out} (" in result.stderr
    assert summary in result.stderr
    assert out.stat().st_size > 0


def test_cli_export_to_standard_output(store_dir: Path) -> None:
    result = _cli(store_dir, "--format", "nt", "-o", "-")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout_bytes, format="nt")) > 100


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["--format", "ttl", "--focus", "Chỉ thị 999"], 1, "Chỉ thị 999: no document matches"),
        (["--format", "html", "--max-nodes", "3"], 1, "draw part of it with --focus DOC"),
        (["--format", "csv", "--agency", "Bộ Không Tồn Tại"], 1, "no agency of the store matches"),
        (["--format", "xlsx"], 2, "Invalid value for '--format'"),
    ],
)
def test_cli_export_errors_are_one_line(
    store_dir: Path, tmp_path: Path, args: list[str], exit_code: int, message: str
) -> None:
    result = _cli(store_dir, *args, "-o", str(tmp_path / "out"))
    assert result.exit_code == exit_code
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_cli_offers_exactly_the_export_formats() -> None:
    assert EXPORT_FORMATS == FORMATS
