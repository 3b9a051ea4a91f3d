"""The HTML page, read as text: self-contained, a strict CSP, document text escaped, size cap."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator

import networkx as nx
import pytest

from graph.build import build_graph
from graph.export import project
from graph.html import PHYSICS_LIMIT, GraphTooLargeError, render_html, script_json
from graph.store import open_store
from tests.factories import XSS_IMG, XSS_SCRIPT, directive, hostile_plan, province_plan

INLINE_SCRIPT_RE = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
CSP_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
DATA_RE = re.compile(r'<script type="application/json" id="pkg-data">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def projection() -> Iterator[nx.MultiDiGraph]:
    store = open_store("memory:")
    store.replace_graphs([build_graph(make()) for make in (directive, province_plan, hostile_plan)])
    yield project(store)
    store.close()


@pytest.fixture(scope="module")
def page(projection: nx.MultiDiGraph) -> str:
    return render_html(projection, title=f"policykg {XSS_IMG}")


def _page_data(page: str) -> dict[str, object]:
    match = DATA_RE.search(page)
    assert match is not None
    data: dict[str, object] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize(
    ("value", "raw_forbidden"),
    [
        ("</script><script>alert(1)</script>", "</script"),
        ("<!-- comment", "<!--"),
        ("a & b", "&"),
        ("line\u2028separator", "\u2028"),
        ("para\u2029separator", "\u2029"),
    ],
)
def test_script_json_escapes_what_could_end_or_break_a_script(value: str, raw_forbidden: str) -> None:
    embedded = script_json({"v": value})
    assert raw_forbidden not in embedded
    assert json.loads(embedded) == {"v": value}


@pytest.mark.parametrize("remote", ["cdn.jsdelivr.net", "cdnjs.cloudflare.com", "bootstrap.min.css"])
def test_page_references_no_remote_resource(page: str, remote: str) -> None:
    assert remote not in page


def test_page_has_no_src_or_href_outside_scripts(page: str) -> None:
    markup = INLINE_SCRIPT_RE.sub("", page)
    assert not re.search(r"<[a-z][^>]*\b(?:src|href)\s*=", markup, re.IGNORECASE)


def test_csp_forbids_every_fetch_and_allows_exactly_the_inline_scripts(page: str) -> None:
    match = CSP_RE.search(page)
    assert match is not None
    policy = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'none'"
    assert policy["img-src"] == "data:"
    assert "unsafe-inline" not in policy["script-src"]
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT_RE.findall(page)
    }
    assert set(policy["script-src"].split()) == hashes
    assert page.index("Content-Security-Policy") < page.index("<script")


@pytest.mark.parametrize("payload", [XSS_IMG, XSS_SCRIPT, "<img", "<script>alert"])
def test_document_text_never_appears_as_markup(page: str, payload: str) -> None:
    assert payload not in page


def test_hostile_text_survives_as_data(page: str) -> None:
    data = _page_data(page)
    rows = [value for node in data["nodes"] for _, value in node["m"]]  # type: ignore[attr-defined]
    assert any(XSS_IMG in value and XSS_SCRIPT in value for value in rows)


def test_no_node_has_a_title_so_vis_and_pyvis_popups_stay_off(page: str) -> None:
    assert '"title":' not in page.split("nodes = new vis.DataSet(", 1)[1].split(");", 1)[0]
    assert "popup.innerHTML" not in page


def test_legend_lists_the_kinds_present_in_vietnamese(page: str) -> None:
    data = _page_data(page)
    legend = {kind["key"]: (kind["label"], kind["count"]) for kind in data["kinds"]}  # type: ignore[attr-defined]
    assert legend["directive"] == ("Chỉ thị", 1)
    assert legend["plan"] == ("Kế hoạch", 2)
    assert legend["task"][0] == "Nhiệm vụ"
    assert "decision" not in legend


def test_edges_carry_relation_and_sentence_for_the_tooltip(page: str) -> None:
    data = _page_data(page)
    rows = [dict(edge["m"]) for edge in data["edges"]]  # type: ignore[attr-defined]
    implements = [row for row in rows if row.get("Quan hệ") == "thực hiện"]
    assert implements
    assert implements[0]["Câu gốc"].startswith("Thực hiện Chỉ thị số 34-CT/TW")


def test_title_is_escaped(page: str) -> None:
    assert "<title>policykg &lt;img src=x onerror=alert(1)&gt;</title>" in page


def _chain(count: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(count):
        graph.add_node(f"n{i}", kind="plan", label=f"Kế hoạch {i}")
    graph.add_edges_from((f"n{i}", f"n{i + 1}") for i in range(count - 1))
    return graph


def test_a_graph_over_the_cap_gets_a_message_with_a_hint() -> None:
    with pytest.raises(GraphTooLargeError) as caught:
        render_html(_chain(12), max_nodes=10)
    message = caught.value.one_line()
    assert "12 nodes" in message
    assert "--focus" in message


@pytest.mark.parametrize(("count", "physics"), [(5, True), (PHYSICS_LIMIT + 1, False)])
def test_physics_runs_only_on_small_graphs(count: int, physics: bool) -> None:
    page = render_html(_chain(count))
    options = page.split("var options = ", 1)[1].split(";\n", 1)[0]
    assert json.loads(options)["physics"]["enabled"] is physics
    coordinates = re.findall(r'"x": (-?[\d.]+), "y": (-?[\d.]+)', page)
    assert len(coordinates) == count
