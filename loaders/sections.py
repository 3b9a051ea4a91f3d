"""The section tree of a document body: Roman headings (or Điều), numbered items,
points ``a)``, bullets ``-`` and ``+`` (part of ``loaders.layout``).

Paths are derived from the printed numbering only ("IV", "IV.3", "IV.3.b",
"IV.3.b2" for the second bullet), so re-extraction gives the same path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.clean import collapse, match_key
from loaders.models import Section, Span
from loaders.patterns import layout as pl

HEADING_MAX_WORDS = 40
SHORT_HEADING_WORDS = 20
INLINE_HEAD_MAX_WORDS = 20

_LEVELS = (
    ("roman", pl.ROMAN_RE, 0),
    ("article", pl.ARTICLE_RE, 0),
    ("sub", pl.SUBNUMBERED_RE, 2),
    ("number", pl.NUMBERED_RE, 1),
    ("point", pl.POINT_RE, 3),
    ("bullet", pl.BULLET_RE, 4),
    ("subbullet", pl.SUBBULLET_RE, 5),
)


@dataclass
class _Node:
    style: str
    level: int
    number: str
    start: int
    line_end: int
    text: str
    text_start: int
    heading: str = ""
    body_start: int = 0
    end: int = 0
    path: str = ""
    kind: str = "other"
    children: list[_Node] = field(default_factory=list)


def build_sections(
    text: str, clean: str, lines: list[tuple[int, int, str]], body_end: int, prefix: str = ""
) -> tuple[Section, ...]:
    """Build the section tree from logical lines (start, end, stripped text) of the body.

    Parameters
    ----------
    text, clean : str
        Source text and its cleaned form (same length).
    lines : list of (int, int, str)
        Logical lines after the trích yếu, offsets into ``text``.
    body_end : int
        Offset where the content ends (before Nơi nhận and the signature).
    prefix : str
        Path prefix of the top sections ("PL1" for a document appended after the signature:
        "PL1.II", "PL1.II.3"); "" for the document's own body.
    """
    nodes = _nodes(text, clean, lines)
    roots: list[_Node] = []
    stack: list[_Node] = []
    for node in nodes:
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    _close(roots, body_end)
    _assign_paths(roots, prefix, set())
    for root in roots:
        root.kind = _kind(root)
        _inherit_kind(root)
    return tuple(_freeze(text, clean, n) for n in roots)


def _nodes(text: str, clean: str, lines: list[tuple[int, int, str]]) -> list[_Node]:
    has_top = any(pl.ROMAN_RE.match(t) or pl.ARTICLE_RE.match(t) for _, _, t in lines)
    started = False
    out: list[_Node] = []
    for idx, (start, end, t) in enumerate(lines):
        for style, regex, level in _LEVELS:
            m = regex.match(t)
            if not m:
                continue
            if not started and (style not in {"roman", "article"} if has_top else style != "number"):
                break
            started = True
            raw = clean[start:end]
            rm = regex.match(raw)
            text_start = start + (rm.start("text") if rm else 0)
            node = _Node(style, level, m.group("num"), start, end, collapse(m.group("text")), text_start)
            _split_heading(node, text, clean, lines[idx + 1][2] if idx + 1 < len(lines) else "")
            out.append(node)
            break
    return out


def _split_heading(node: _Node, text: str, clean: str, next_line: str) -> None:
    """Set heading and body start: a heading line, an inline "Agency: task", or a sentence item."""
    node.body_start = node.line_end
    if node.style in {"roman", "article"}:
        node.heading = node.text.rstrip(" :.")
        return
    if node.style in {"bullet", "subbullet"}:
        node.body_start = node.text_start
        return
    line_start = text.rfind("\n", 0, node.start) + 1
    bold = pl.BOLD_HEAD_RE.match(text[line_start : node.line_end])
    if bold and len(bold.group("head").split()) <= INLINE_HEAD_MAX_WORDS:
        node.heading = collapse(bold.group("head"))
        node.body_start = line_start + bold.start("rest")
        return
    inline = pl.INLINE_HEAD_RE.match(clean[node.text_start : node.line_end])
    if inline and len(inline.group("head").split()) <= INLINE_HEAD_MAX_WORDS:
        node.heading = collapse(inline.group("head"))
        node.body_start = node.text_start + inline.start("rest")
        return
    words = len(node.text.split())
    ends_sentence = node.text.rstrip().endswith((".", ";"))
    next_is_child = bool(
        pl.BULLET_RE.match(next_line) or pl.POINT_RE.match(next_line) or pl.SUBBULLET_RE.match(next_line)
    )
    if (not ends_sentence and words <= HEADING_MAX_WORDS) or (next_is_child and words <= SHORT_HEADING_WORDS):
        node.heading = node.text.rstrip(" :.;")
        return
    node.body_start = node.text_start


def _close(nodes: list[_Node], end: int) -> None:
    for i, node in enumerate(nodes):
        node.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        node.end = max(node.end, min(node.line_end, end))
        _close(node.children, node.end)


def _assign_paths(nodes: list[_Node], parent: str, seen: set[str]) -> None:
    bullets = 0
    for node in nodes:
        if node.style in {"bullet", "subbullet"}:
            bullets += 1
            own = f"b{bullets}"
        elif node.style == "article":
            own = f"art{node.number}"
        else:
            own = node.number
        path = f"{parent}.{own}" if parent else own
        base, k = path, 2
        while path in seen:
            path, k = f"{base}~{k}", k + 1
        seen.add(path)
        node.path = path
        _assign_paths(node.children, path, seen)


def _kind(node: _Node) -> str:
    key = match_key(node.heading or node.text[:80])
    if node.style == "article" and pl.ARTICLE_ASSIGN_RE.search(match_key(node.text)):
        return "assignments"
    for kind, regex in pl.SECTION_KINDS:
        if regex.search(key):
            return kind
    # a numbered item at the top (no Roman headings, as in a Chỉ thị) is a task or measure
    return "measures" if node.style == "number" else "other"


def _inherit_kind(node: _Node) -> None:
    for child in node.children:
        child.kind = node.kind
        _inherit_kind(child)


def _freeze(text: str, clean: str, node: _Node) -> Section:
    end = _trim(clean, node.start, node.end)
    body_start = min(node.body_start, end)
    while body_start < end and clean[body_start].isspace():
        body_start += 1
    return Section(
        path=node.path,
        number=node.number,
        heading=collapse(node.heading),
        kind=node.kind,
        span=Span(node.start, end, text[node.start : end]),
        body=Span(body_start, end, text[body_start:end]),
        children=tuple(_freeze(text, clean, c) for c in node.children),
    )


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def iter_sections(sections: tuple[Section, ...]) -> list[Section]:
    """All sections of a tree in document order (pre-order)."""
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(iter_sections(s.children))
    return out
