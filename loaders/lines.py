"""Logical lines of a cleaned document and trimmed spans over the source text.

Shared by :mod:`loaders.layout`, :mod:`loaders.title` and :mod:`loaders.closing`;
every offset indexes the source text (cleaning is length-preserving).
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.clean import collapse
from loaders.models import Span


@dataclass(frozen=True)
class Line:
    """One logical (unwrapped) line: ``text`` is stripped, ``start``/``end`` index the source."""

    start: int
    end: int
    text: str


def logical_lines(clean: str) -> list[Line]:
    """Non-blank lines of already-cleaned text, with offsets of their stripped content."""
    out: list[Line] = []
    pos = 0
    for raw in clean.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), collapse(stripped)))
        pos += len(raw) + 1
    return out


def lines_between(lines: list[Line], first: int, end: int) -> list[tuple[int, int, str]]:
    """Lines from index ``first`` whose start is before offset ``end``, as (start, end, text)."""
    return [(ln.start, min(ln.end, end), ln.text) for ln in lines[first:] if ln.start < end]


def trimmed_span(text: str, start: int, end: int) -> Span:
    """The span ``text[start:end]`` without its leading and trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])
