"""Regenerate ``docs/seed-graph.png``: the seed documents' graph as the HTML export draws it.

Ingests a folder of documents (default ``../shared/seeds`` beside the repository) into an
in-memory store, exports it with ``policykg``'s HTML exporter and screenshots the page in
headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright), with every
request that is not ``file:``/``data:`` aborted, so the picture is what an analyst sees offline.

Usage::

    python docs/gen_screenshot.py [SEEDS_DIR] [-o docs/seed-graph.png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from graph.export import export
from graph.ingest import ingest_paths
from graph.store import open_store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 1400, 860


def export_html(seeds: Path, out: Path) -> int:
    """Ingest ``seeds`` into a memory store and export the whole graph to ``out``; the node count."""
    store = open_store("memory:")
    try:
        ingest_paths(store, [seeds])
        return export(store, "html", out).nodes
    finally:
        store.close()


def screenshot(page_file: Path, png: Path, chromium: str) -> None:
    """Open ``page_file`` offline in headless Chromium and save a PNG of the viewport."""
    from playwright.sync_api import Route, sync_playwright

    def offline(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.route("**/*", offline)
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_function("() => document.body.dataset.pkgStill === '1'", timeout=60_000)
        page.evaluate("() => network.fit({animation: false})")
        page.wait_for_timeout(300)
        _hover_first_directive(page)
        page.screenshot(path=str(png))
        browser.close()


def _hover_first_directive(page: Any) -> None:
    """Show a tooltip in the picture: hover the first Chỉ thị (directive) node, if any."""
    point = page.evaluate(
        """() => {
            const kinds = JSON.parse(document.getElementById('pkg-data').textContent).nodes.map(n => n.k);
            const id = kinds.indexOf('directive');
            if (id < 0) { return null; }
            const dom = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: dom.x + box.left, y: dom.y + box.top};
        }"""
    )
    if point is not None:
        page.mouse.move(point["x"], point["y"])
        page.wait_for_timeout(600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "seed-graph.png")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not args.seeds.is_dir():
        parser.error(f"{args.seeds}: no such folder of documents")
    if not Path(chromium).exists():
        parser.error("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "seed-graph.html"
        nodes = export_html(args.seeds, page_file)
        screenshot(page_file, args.output, chromium)
    sys.stderr.write(f"{args.output}: {nodes} nodes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
