"""The HTML page in headless Chromium: it draws offline, hovering shows the sentence, no script injection.

Drives Debian's ``/usr/bin/chromium`` through Playwright (never ``playwright install``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.build import build_graph
from graph.export import export
from graph.store import open_store
from ontology.terms import document_iri
from tests.factories import XSS_IMG, directive, district_plan, hostile_plan, province_plan

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INLINE_SCRIPT_RE = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
KH146 = str(document_iri(province_plan().identity))
HOSTILE = str(document_iri(hostile_plan().identity))


@dataclass
class Session:
    """A loaded page and everything it tried to do."""

    page: Any
    ids: dict[str, int]
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def html_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = open_store("memory:")
    store.replace_graphs([build_graph(m()) for m in (directive, province_plan, district_plan, hostile_plan)])
    out = tmp_path_factory.mktemp("html") / "graph.html"
    export(store, "html", out)
    store.close()
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def session(browser: Any, html_file: Path) -> Iterator[Session]:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    state = Session(page, {})

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            state.requests.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (state.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: state.errors.append(str(error)))
    page.on("console", lambda msg: state.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(html_file.as_uri(), wait_until="load")
    page.wait_for_function("() => document.body.dataset.pkgReady === '1'", timeout=20_000)
    page.wait_for_function("() => document.body.dataset.pkgStill === '1'", timeout=20_000)
    labels = page.evaluate("() => network.body.data.nodes.get().map(n => [n.id, n.label])")
    iris = page.evaluate(
        "() => JSON.parse(document.getElementById('pkg-data').textContent).nodes.map(n => n.m)"
    )
    state.ids = {dict(rows).get("IRI", label): node for (node, label), rows in zip(labels, iris, strict=True)}
    yield state
    page.close()


def _node_point(session: Session, iri: str) -> dict[str, float]:
    point: dict[str, float] = session.page.evaluate(
        """(id) => {
            const point = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: point.x + box.left, y: point.y + box.top};
        }""",
        session.ids[iri],
    )
    return point


def _tip(session: Session) -> str:
    text: str = session.page.evaluate(
        "() => { const t = document.getElementById('pkg-tip'); return t.hidden ? '' : t.textContent; }"
    )
    return text


def test_the_graph_draws_every_node_on_the_canvas(session: Session) -> None:
    drawn = session.page.evaluate("() => network.body.data.nodes.length")
    assert drawn == len(session.ids) > 10
    inked = session.page.evaluate(
        """() => {
            const canvas = document.querySelector('#mynetwork canvas');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 0; i < pixels.length; i += 4) { if (pixels[i + 3] > 0) { count++; } }
            return count;
        }"""
    )
    assert inked > 1000


def test_the_page_makes_no_network_request_and_logs_no_error(session: Session) -> None:
    session.page.wait_for_timeout(300)
    assert session.requests == []
    assert session.errors == []


def test_hovering_a_node_shows_its_metadata(session: Session) -> None:
    point = _node_point(session, KH146)
    session.page.mouse.move(point["x"], point["y"])
    session.page.wait_for_function("() => !document.getElementById('pkg-tip').hidden", timeout=5_000)
    tip = _tip(session)
    assert "Số, ký hiệu: 146-KH/TU" in tip
    assert "Ngày: 2024-07-10" in tip
    assert "Trích yếu: thực hiện Chỉ thị số 34-CT/TW" in tip


def _edge_point(session: Session, source: str, target: str) -> dict[str, float]:
    """A point on the drawn edge ``source → target`` where no node or other edge is on top."""
    point: dict[str, float] = session.page.evaluate(
        """([from, to]) => {
            const edge = network.body.data.edges.get({filter: e => e.from === from && e.to === to})[0];
            const ends = network.getPositions([from, to]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            for (let t = 0.5; t > 0.1; t -= 0.05) {
                for (const u of [t, 1 - t]) {
                    const dom = network.canvasToDOM({
                        x: ends[from].x + u * (ends[to].x - ends[from].x),
                        y: ends[from].y + u * (ends[to].y - ends[from].y),
                    });
                    if (network.getNodeAt(dom) === undefined && network.getEdgeAt(dom) === edge.id) {
                        return {x: dom.x + box.left, y: dom.y + box.top};
                    }
                }
            }
            return null;
        }""",
        [session.ids[source], session.ids[target]],
    )
    assert point is not None, "the edge is hidden under other nodes or edges everywhere"
    return point


def test_hovering_an_edge_shows_the_relation_and_its_sentence(session: Session) -> None:
    point = _edge_point(session, KH146, str(document_iri(directive().identity)))
    session.page.mouse.move(point["x"], point["y"])
    session.page.wait_for_function("() => !document.getElementById('pkg-tip').hidden", timeout=5_000)
    tip = _tip(session)
    assert "Quan hệ: thực hiện" in tip
    assert "Câu gốc: Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024" in tip


def test_hostile_text_runs_no_script_and_shows_literally(session: Session, html_file: Path) -> None:
    point = _node_point(session, HOSTILE)
    session.page.mouse.move(point["x"], point["y"])
    session.page.wait_for_function("() => !document.getElementById('pkg-tip').hidden", timeout=5_000)
    session.page.wait_for_timeout(300)
    assert XSS_IMG in _tip(session)
    assert session.dialogs == []
    assert session.page.evaluate("() => document.querySelectorAll('img, iframe, object').length") == 0
    scripts = len(INLINE_SCRIPT_RE.findall(html_file.read_text(encoding="utf-8")))
    assert session.page.evaluate("() => document.querySelectorAll('script').length") == scripts


def test_search_selects_the_document(session: Session) -> None:
    session.page.fill("#pkg-search", "ke hoach 146")
    session.page.press("#pkg-search", "Enter")
    selected = session.page.evaluate("() => network.getSelectedNodes()")
    assert selected[0] == session.ids[KH146]
    assert session.page.text_content("#pkg-search-status") == "1 kết quả"


def test_filters_hide_a_kind_and_other_jurisdictions(session: Session) -> None:
    hidden = "() => network.body.data.nodes.get({filter: n => n.hidden}).length"
    session.page.uncheck("#pkg-kinds input[value='task']")
    assert session.page.evaluate(hidden) == 3
    session.page.check("#pkg-kinds input[value='task']")
    session.page.select_option("#pkg-jurisdiction", "tỉnh Long An")
    shown = session.page.evaluate(
        "() => network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.label)"
    )
    assert "Kế hoạch 146-KH/TU" in shown
    assert "Chỉ thị 34-CT/TW" not in shown
