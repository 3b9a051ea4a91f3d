"""The interactive graph page: one self-contained HTML file drawn with pyvis and vis-network.

:func:`render_html` turns the property-graph projection made by :mod:`graph.export`
(a ``networkx.MultiDiGraph`` whose nodes carry ``kind``, ``label`` and metadata, and
whose edges carry ``label``, ``quote`` and ``source``) into a page that works with no
network at all:

- pyvis renders with ``cdn_resources="in_line"`` (vis-network is embedded); the
  Bootstrap ``<link>``/``<script>`` it always adds and its heading are removed;
- a Content-Security-Policy ``<meta>`` allows only the page's own inline scripts (by
  hash), inline styles and ``data:`` images; ``connect-src 'none'`` and
  ``default-src 'none'`` forbid every fetch;
- document text never reaches HTML: node labels go through pyvis' ``tojson``, the
  metadata shown on hover through a JSON block (``<``, ``>``, ``&``, U+2028/2029
  escaped) read by ``static/page.js``, which writes it with ``textContent``; no node
  has a ``title``, so pyvis' ``innerHTML`` popup is never switched on;
- the layout is computed in Python (networkx + scipy); physics runs only on small
  graphs, so a few thousand nodes open in seconds.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter
from importlib import resources
from typing import Any

import networkx as nx

from loaders.errors import PolicyKGError

DEFAULT_MAX_NODES = 5000
"""Largest graph the page draws; beyond it :class:`GraphTooLargeError` says to use ``--focus``."""
PHYSICS_LIMIT = 300
"""Above this many nodes the precomputed layout is drawn as is, with physics off."""

NodeStyle = tuple[str, str, str, str, int]
"""(Vietnamese legend label, vis shape, colour, legend glyph, size)."""
NODE_STYLES: dict[str, NodeStyle] = {
    "directive": ("Chỉ thị", "star", "#d62728", "★", 20),
    "resolution": ("Nghị quyết", "diamond", "#9467bd", "◆", 18),
    "decision": ("Quyết định", "square", "#ff7f0e", "■", 15),
    "plan": ("Kế hoạch", "dot", "#1f77b4", "●", 14),
    "document": ("Văn bản khác", "triangle", "#8c564b", "▲", 14),
    "agency": ("Cơ quan", "hexagon", "#2ca02c", "⬢", 13),
    "task": ("Nhiệm vụ", "triangleDown", "#bcbd22", "▼", 8),
    "target": ("Chỉ tiêu", "diamond", "#17becf", "◆", 8),
}
SATELLITE_LINKS = frozenset({"assigns", "statesTarget"})
"""Links from a document to a task or target it owns (laid out around it)."""
LABEL_SIZES = {"agency": 11, "target": 10}
"""Label font size by kind (documents 14)."""
SEARCHABLE_KINDS = frozenset({"directive", "resolution", "decision", "plan", "document", "agency"})

NODE_META: tuple[tuple[str, str], ...] = (
    ("number", "Số, ký hiệu"),
    ("doc_type", "Loại"),
    ("date", "Ngày"),
    ("issuer", "Cơ quan ban hành"),
    ("title", "Trích yếu"),
    ("name", "Tên"),
    ("text", "Nội dung"),
    ("deadline", "Thời hạn"),
    ("quantity", "Chỉ tiêu"),
    ("jurisdiction", "Địa bàn"),
    ("iri", "IRI"),
)
EDGE_META: tuple[tuple[str, str], ...] = (
    ("label", "Quan hệ"),
    ("quote", "Câu gốc"),
    ("source", "Theo văn bản"),
)

_SCRIPT_RE = re.compile(r"(<script\b(?![^>]*\bsrc=)[^>]*>)(.*?)(</script>)", re.DOTALL | re.IGNORECASE)
"""An inline script (one with ``src`` is markup to strip)."""
_REMOTE_TAG_RE = re.compile(r"<link\b[^>]*>|<script\b[^>]*\bsrc=[^>]*>\s*</script>", re.IGNORECASE)
_HEADING_RE = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.DOTALL | re.IGNORECASE)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_EXTERNAL_REF_RE = re.compile(r"<(?:link|script|img|iframe)\b[^>]*\b(?:src|href)\s*=", re.IGNORECASE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class GraphTooLargeError(PolicyKGError):
    """The graph has more nodes than the page can draw usefully."""


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "policykg",
    focus: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> str:
    """Render the projection as one self-contained, offline HTML page.

    Parameters
    ----------
    graph
        Projection from :func:`graph.export.project`: node attribute ``kind`` (a key of
        :data:`NODE_STYLES`), ``label`` and optional metadata (:data:`NODE_META`); edge
        attributes ``label``, ``quote``, ``source``.
    title
        Page title (escaped).
    focus
        Node drawn larger (the ``--focus`` document).
    max_nodes
        Cap on the number of nodes.

    Returns
    -------
    str
        The page; write it with ``encoding="utf-8"``.

    Raises
    ------
    GraphTooLargeError
        ``graph`` has more than ``max_nodes`` nodes.
    """
    if graph.number_of_nodes() > max_nodes:
        raise GraphTooLargeError(
            f"the graph has {graph.number_of_nodes()} nodes, more than the {max_nodes} an HTML page can "
            "draw; draw part of it with --focus DOC --depth N or --agency A (or raise --max-nodes)",
            "html",
        )
    order = sorted(graph.nodes)
    index = {node: i for i, node in enumerate(order)}
    positions = _layout(graph, order)
    physics = len(order) <= PHYSICS_LIMIT
    vis_nodes = [_vis_node(graph.nodes[n], i, positions[n], n == focus) for n, i in index.items()]
    edge_rows = list(graph.edges(data=True))
    vis_edges = [_vis_edge(i, index[s], index[o], attrs) for i, (s, o, attrs) in enumerate(edge_rows)]
    page = _pyvis_page(vis_nodes, vis_edges, _vis_options(physics, len(edge_rows)))
    page_data = _page_data(graph, order, edge_rows)
    return _harden(page, title, page_data, len(order), len(edge_rows))


def _layout(graph: nx.MultiDiGraph, order: list[str]) -> dict[str, tuple[float, float]]:
    """Seeded spring layout of documents and agencies; tasks and targets ring their document.

    Leaving the satellites out of the force layout keeps it fast on big graphs (its cost grows
    with the square of the node count).
    """
    rings = _satellites(graph)
    placed = {kid for kids in rings.values() for kid in kids}
    core = [node for node in order if node not in placed]
    simple = nx.Graph()
    simple.add_nodes_from(core)
    simple.add_edges_from((s, o) for s, o in graph.edges() if s != o and s not in placed and o not in placed)
    raw = nx.spring_layout(simple, seed=7, iterations=100 if len(core) <= 500 else 30) if core else {}
    spacing = 1.0 / math.sqrt(max(len(core), 1))
    positions = {node: (float(raw[node][0]), float(raw[node][1])) for node in core}
    for parent, kids in rings.items():
        radius = spacing * (0.5 + 0.03 * len(kids))
        for k, kid in enumerate(kids):
            angle = 2 * math.pi * k / len(kids)
            x, y = positions[parent]
            positions[kid] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    scale = 90.0 * math.sqrt(len(order)) + 100.0
    return {node: (positions[node][0] * scale, positions[node][1] * scale) for node in order}


def _satellites(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Tasks and targets by the one document that assigns or states them."""
    rings: dict[str, list[str]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") not in {"task", "target"}:
            continue
        parents = [s for s, _, a in graph.in_edges(node, data=True) if a.get("relation") in SATELLITE_LINKS]
        if len(parents) == 1 and graph.nodes[parents[0]].get("kind") not in {"task", "target"}:
            rings.setdefault(parents[0], []).append(node)
    return {parent: sorted(kids) for parent, kids in rings.items()}


def _vis_node(attrs: dict[str, Any], index: int, xy: tuple[float, float], focus: bool) -> dict[str, Any]:
    """A vis node: shape, colour and size by kind; tasks are unlabelled dots (their text is on hover)."""
    kind = attrs.get("kind", "")
    _, shape, colour, _, size = NODE_STYLES.get(kind, NODE_STYLES["document"])
    return {
        "id": index,
        "label": "" if kind == "task" else str(attrs.get("label", "")),
        "shape": shape,
        "color": colour,
        "size": size * 1.6 if focus else size,
        "x": round(xy[0], 1),
        "y": round(xy[1], 1),
        "borderWidth": 3 if focus else 1,
        "font": {"size": LABEL_SIZES.get(kind, 14)},
    }


def _vis_edge(index: int, source: int, target: int, attrs: dict[str, Any]) -> dict[str, Any]:
    structural = attrs.get("relation") in {"assigns", "assignee", "partner", "reportsTo", "target"}
    return {
        "id": index,
        "from": source,
        "to": target,
        "arrows": "to",
        "color": "#c0c0c0" if structural else "#555555",
        "dashes": attrs.get("relation") == "partner",
        "width": 1 if structural else 2,
    }


def _vis_options(physics: bool, edge_count: int) -> dict[str, Any]:
    return {
        "nodes": {"font": {"size": 13, "face": "DejaVu Sans, Arial, sans-serif"}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": edge_count > 2000},
        "layout": {"improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 150, "fit": True},
        },
    }


def _pyvis_page(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], options: dict[str, Any]) -> str:
    """pyvis' page with vis-network inlined; the template runs with autoescaping on."""
    from jinja2 import Environment, FileSystemLoader
    from pyvis.network import Network

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv = Environment(loader=FileSystemLoader(net.template_dir), autoescape=True)
    net.nodes = nodes
    net.edges = edges
    net.options = options
    return str(net.generate_html())


def _page_data(graph: nx.MultiDiGraph, order: list[str], edge_rows: list[Any]) -> dict[str, Any]:
    """What page.js needs: per node kind/jurisdiction/search text/tooltip rows, per edge rows."""
    kinds = Counter(str(graph.nodes[n].get("kind", "document")) for n in order)
    edges = [
        {"m": [[caption, str(attrs[key])] for key, caption in EDGE_META if attrs.get(key) not in (None, "")]}
        for _, _, attrs in edge_rows
    ]
    legend = [
        {"key": key, "label": style[0], "color": style[2], "glyph": style[3], "count": kinds[key]}
        for key, style in NODE_STYLES.items()
        if kinds[key]
    ]
    places = sorted({str(graph.nodes[n].get("jurisdiction", "")) for n in order} - {""})
    nodes = [_node_entry(graph.nodes[n]) for n in order]
    return {"nodes": nodes, "edges": edges, "kinds": legend, "jurisdictions": places}


def _node_entry(attrs: dict[str, Any]) -> dict[str, Any]:
    kind = str(attrs.get("kind", "document"))
    label = str(attrs.get("label", ""))
    searchable = kind in SEARCHABLE_KINDS
    search = (
        " ".join(str(attrs.get(key, "")) for key in ("label", "number", "title", "name"))
        if searchable
        else ""
    )
    rows = [[caption, str(attrs[key])] for key, caption in NODE_META if attrs.get(key) not in (None, "")]
    rows.insert(0, ["Lớp", NODE_STYLES.get(kind, NODE_STYLES["document"])[0]])
    return {"k": kind, "j": str(attrs.get("jurisdiction", "")), "l": label, "s": search, "m": rows}


def script_json(value: Any) -> str:
    """JSON safe to embed in a ``<script>`` element: no ``</``, ``<!--``, ``&`` or U+2028/2029 left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def _panel(title: str, node_count: int, edge_count: int) -> str:
    return (
        '<div id="pkg-panel">'
        f'<h1 id="pkg-title">{html.escape(title)}</h1>'
        f'<div id="pkg-count">{node_count} nút · {edge_count} cạnh</div>'
        '<input id="pkg-search" type="search" list="pkg-search-list" autocomplete="off" '
        'placeholder="Tìm văn bản hoặc cơ quan…" aria-label="Tìm văn bản hoặc cơ quan">'
        '<datalist id="pkg-search-list"></datalist><div id="pkg-search-status"></div>'
        '<fieldset id="pkg-kinds"><legend>Loại nút</legend></fieldset>'
        '<fieldset><legend>Địa bàn</legend><select id="pkg-jurisdiction" aria-label="Địa bàn">'
        '<option value="">Tất cả</option></select></fieldset>'
        '</div><div id="pkg-tip" role="tooltip" hidden></div>'
    )


def _harden(page: str, title: str, page_data: dict[str, Any], node_count: int, edge_count: int) -> str:
    """Strip remote tags and headings, add the panel, the data, page.js and a hash-based CSP."""
    static = resources.files("graph") / "static"
    css = static.joinpath("page.css").read_text(encoding="utf-8")
    js = static.joinpath("page.js").read_text(encoding="utf-8")
    page = _outside_scripts(page, _strip_template_markup)
    page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="vi">', 1)
    head = f"<title>{html.escape(title)}</title><style>{css}</style></head>"
    page = page.replace("</head>", head, 1)
    page = page.replace("<body>", "<body>" + _panel(title, node_count, edge_count), 1)
    tail = (
        f'<script type="application/json" id="pkg-data">{script_json(page_data)}</script>'
        f"<script>{js}</script></body>"
    )
    page = page.replace("</body>", tail, 1)
    if _EXTERNAL_REF_RE.search(_SCRIPT_RE.sub(lambda m: m.group(1) + m.group(3), page)):
        raise RuntimeError("the page still references an external resource")
    return page.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + _csp_meta(page), 1)


def _strip_template_markup(segment: str) -> str:
    segment = _REMOTE_TAG_RE.sub("", segment)
    segment = _HEADING_RE.sub("", segment)
    return _COMMENT_RE.sub("", segment)


def _outside_scripts(page: str, change: Any) -> str:
    """Apply ``change`` to the markup between ``<script>`` elements, leaving scripts untouched."""
    parts: list[str] = []
    last = 0
    for match in _SCRIPT_RE.finditer(page):
        parts.append(change(page[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(change(page[last:]))
    return "".join(parts)


def _csp_meta(page: str) -> str:
    hashes = " ".join(
        "'sha256-"
        + base64.b64encode(hashlib.sha256(m.group(2).encode("utf-8")).digest()).decode("ascii")
        + "'"
        for m in _SCRIPT_RE.finditer(page)
    )
    policy = (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
    )
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
