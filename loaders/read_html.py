"""HTML text → its visible text, one line per block element (stdlib ``html.parser``).

Scripts, styles, templates and the ``<head>`` are dropped; block elements
(paragraphs, headings, list items, ``<br>``, divisions…) end a line; table rows
become Markdown pipe rows ``| a | b |`` as in the .docx reader. White space
inside a line is collapsed, except inside ``<pre>``. Character references are
decoded by the parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "ul",
    }
)  # fmt: skip


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._dropped: list[str] = []
        self._pre = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self._dropped == ["head"]:
            self._dropped.clear()  # an unclosed <head>
        if tag in _DROPPED:
            self._dropped.append(tag)
        elif self._dropped:
            return
        elif tag == "tr":
            self._end_line()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._dropped and tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self._dropped:
            if tag == self._dropped[-1]:
                self._dropped.pop()
            return
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()).replace("|", "\\|"))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.lines.append("| " + " | ".join(self._row) + " |")
            self._row = self._cell = None
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._dropped:
            return
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._line.append(data)

    def _end_line(self) -> None:
        text = "".join(self._line)
        self._line = []
        if self._pre:
            self.lines.extend(text.split("\n"))
        elif text.strip():
            self.lines.append(" ".join(text.split()))

    def text(self) -> str:
        self._end_line()
        return "\n".join(self.lines)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, one line per block."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return parser.text()
