"""Text → :class:`Layout`: header, number, place and date, type and trích yếu, preamble,
section tree, Nơi nhận and signature (NĐ 30/2020 and HD 36-HD/VPTW forms).

Works on ``unwrap(normalize(text))``: both are length-preserving, so every
offset found here indexes the source text.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Literal

from loaders import closing
from loaders.clean import collapse, is_caps, normalize, unwrap
from loaders.lines import Line, lines_between, logical_lines
from loaders.lines import trimmed_span as _span
from loaders.models import Layout, PartialDate, Section, Span
from loaders.patterns import layout as pl
from loaders.patterns import references as pr
from loaders.sections import build_sections
from loaders.title import TITLE_MAX_LINES, join_title, split_heading, title_lines, type_heading

CLEAN_TEXT_CACHE_SIZE = 4
"""Documents whose cleaned text is kept (one document is cleaned by three stages in turn)."""
APPENDIX_PREFIX = "PL"
"""Path prefix of the sections of a document appended after the signature ("PL1.II")."""

__all__ = ["Line", "clean_text", "lines_between", "logical_lines", "partial_date", "segment"]


@functools.lru_cache(maxsize=CLEAN_TEXT_CACHE_SIZE)
def clean_text(text: str) -> str:
    """The text layout analysis runs on (normalised, unwrapped; same length as ``text``).

    Layout, references and relations all read it: the last few are remembered.
    """
    return unwrap(normalize(text))


def segment(text: str) -> Layout:
    """Split a document into its official components.

    Parameters
    ----------
    text : str
        The NFC source text (``SourceText.text``).

    Returns
    -------
    Layout
        Every span indexes ``text``.
    """
    clean = clean_text(text)
    lines = split_heading(clean, logical_lines(clean))
    head, after_title = _head(text, clean, lines)
    body_end, tail_start = _body_end(clean, lines, after_title)
    sections = build_sections(text, clean, lines_between(lines, after_title, body_end), body_end)
    first_section = sections[0].span.start if sections else body_end
    preamble = _span(text, lines[after_title].start, first_section) if after_title < len(lines) else None
    if preamble is not None and (not preamble.quote.strip() or preamble.start >= first_section):
        preamble = None
    appended, content_end, closing_end = _appended(text, clean, lines, tail_start)
    sections, body_end = sections + appended, max(body_end, content_end)
    lines = lines[:tail_start] + _split_columns(text, clean, lines[tail_start:closing_end])
    capacity, position, signer, sig_span = closing.signature(text, lines, tail_start)
    return replace(
        head,
        preamble=preamble,
        sections=sections,
        recipients=closing.with_addressees(
            closing.recipients(text, lines, tail_start), closing.addressees(text, lines, after_title)
        ),
        signature_capacity=capacity,
        signer_position=position,
        signer=signer,
        signature_span=sig_span,
        body_end=body_end,
    )


def _head(text: str, clean: str, lines: list[Line]) -> tuple[Layout, int]:
    """Header, number, place and date, type, author line and trích yếu; and the first line after them."""
    head_idx, doc_type, title_from_heading = type_heading(lines)
    header = lines[: head_idx if head_idx is not None else min(len(lines), 8)]
    number, symbol, number_span = _number(clean, text, header)
    place, date, date_span = _place_date(clean, text, lines[: (head_idx or 0) + TITLE_MAX_LINES + 3])
    author, taken, after_title = title_lines(clean, lines, head_idx, title_from_heading)
    if doc_type is None:
        doc_type = _type_from_symbol(symbol) or ("Công văn" if taken else None)
    title, title_span = join_title(text, clean, taken, title_from_heading, vv=head_idx is None)
    layout = Layout(
        family=_family(clean, header, symbol),
        header_org=_header_org(header),
        number=number,
        symbol=symbol,
        number_span=number_span,
        place=place,
        date=date,
        date_span=date_span,
        doc_type=doc_type,
        author_line=author,
        title=title,
        title_span=title_span,
        preamble=None,
        sections=(),
        recipients=(),
        signature_capacity=None,
        signer_position=None,
        signer=None,
        signature_span=None,
        body_end=len(text),
    )
    return layout, after_title


def _split_columns(text: str, clean: str, rows: list[Line]) -> list[Line]:
    """Closing rows printed as two columns ("Nơi nhận:      KT. GIÁM ĐỐC") → the left line, then the right one."""
    out: list[Line] = []
    for row in rows:
        gap = pl.COLUMN_GAP_RE.search(normalize(text[row.start : row.end]))
        if gap is None or "\n" in text[row.start : row.end]:
            out.append(row)
            continue
        left_end, right_start = row.start + gap.start(), row.start + gap.end()
        out.append(Line(row.start, left_end, collapse(clean[row.start : left_end])))
        out.append(Line(right_start, row.end, collapse(clean[right_start : row.end])))
    return out


# --- header -----------------------------------------------------------------


def _number(clean: str, text: str, header: list[Line]) -> tuple[str | None, str | None, Span | None]:
    limit = header[-1].end if header else 0
    m = pl.SO_RE.search(clean, 0, limit) if limit else None
    if m is None:
        return None, None, None
    symbol = "".join(m.group("symbol").split())
    if m.group("year"):
        symbol = symbol[len(m.group("year")) + 1 :]
    start = m.start("num") if m.group("num") else (m.start("sep") if m.group("sep") else m.start("symbol"))
    span = _span(text, start, m.end())
    if not m.group("num"):
        return None, symbol, span
    sep = m.group("sep") or ("/" if "-" in symbol else "-")
    year = f"{m.group('year')}/" if m.group("year") else ""
    return f"{m.group('num')}{sep}{year}{symbol}", symbol, span


def _place_date(
    clean: str, text: str, zone: list[Line]
) -> tuple[str | None, PartialDate | None, Span | None]:
    if not zone:
        return None, None, None
    m = (
        pl.PLACE_DATE_RE.search(clean, zone[0].start, zone[-1].end)
        or pl.LOOSE_PLACE_DATE_RE.search(clean, zone[0].start, zone[-1].end)
        or pl.DATE_ONLY_RE.search(clean, zone[0].start, zone[-1].end)
    )
    if m is None:
        return None, None, None
    place = collapse(m.group("place")) if "place" in m.groupdict() and m.group("place") else None
    date = partial_date(m.group("day"), m.group("month"), m.group("year"))
    return place, date, _span(text, m.start(), m.end())


def partial_date(day: str | None, month: str | None, year: str | None) -> PartialDate | None:
    """A :class:`PartialDate` from possibly blank parts ("", "…", None); None without a full year."""
    if not year or not year.isdigit():
        return None
    m = int(month) if month and month.isdigit() and 1 <= int(month) <= 12 else None
    d = int(day) if m and day and day.isdigit() and 1 <= int(day) <= 31 else None
    return PartialDate(int(year), m, d)


def _family(clean: str, header: list[Line], symbol: str | None) -> Literal["party", "state", "unknown"]:
    head_text = "\n".join(ln.text for ln in header)
    if symbol and pl.PARTY_SYMBOL_SHAPE_RE.fullmatch(symbol):
        return "party"
    if pl.PARTY_MARK_RE.search(head_text) or any(pl.STAR_LINE_RE.match(ln.text) for ln in header):
        return "party"
    if pl.NATIONAL_MOTTO_RE.search(head_text) or symbol:
        return "state"
    return "unknown"


def _header_org(header: list[Line]) -> str | None:
    keep = []
    for ln in header:
        if pl.SO_RE.match(ln.text) or pl.PLACE_DATE_RE.search(ln.text):
            continue
        rest = collapse(pl.HEADER_NOISE_RE.sub(" ", ln.text)).strip(" -")
        if rest and is_caps(rest) and not pl.DASHES_ONLY_RE.fullmatch(rest):
            keep.append(rest)
    return " / ".join(keep) if keep else None


def _type_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    first = pl.SYMBOL_PART_SPLIT_RE.split(symbol)[0]
    if first in pr.TYPE_BY_ABBR:
        return pr.TYPE_BY_ABBR[first]
    return "Công văn" if "-" in symbol and "/" not in symbol else None


# --- end of content, recipients, signature -----------------------------------


def _body_end(clean: str, lines: list[Line], after_title: int) -> tuple[int, int]:
    """(offset where the content ends, index of the first line of the closing block)."""
    n = len(lines)
    closing = n
    for i in range(after_title, n):
        t = lines[i].text
        if pl.RECIPIENTS_RE.match(t) or pl.SIGNATURE_PREFIX_RE.match(t):
            closing = i
            break
    end = lines[closing].start if closing < n else len(clean)
    start = lines[after_title].start if after_title < n else 0
    marks = list(pl.END_MARK_RE.finditer(clean, start, end))
    if marks:
        end = marks[-1].end()
    return end, closing


def _appended(text: str, clean: str, lines: list[Line], tail: int) -> tuple[tuple[Section, ...], int, int]:
    """Sections of documents appended after the closing block, the offset where they end, and the
    index of the first appended line (``len(lines)`` when none).

    "KẾ HOẠCH / <trích yếu> / (Ban hành kèm theo Quyết định số …)" after the signature of
    the Quyết định that issues it: its sections belong to this document, under the path
    prefix "PL1" ("PL1.II.3"), so the paths of the document's own sections do not move.
    """
    sections: tuple[Section, ...] = ()
    first, end, start, count = len(lines), 0, tail + 1, 0
    while (head := _appended_heading(lines, start)) is not None:
        first, count = min(first, head), count + 1
        content_end, closing_idx = _body_end(clean, lines, head + 1)
        prefix = f"{APPENDIX_PREFIX}{count}"
        found = build_sections(text, clean, lines_between(lines, head + 1, content_end), content_end, prefix)
        sections, end, start = sections + found, content_end, closing_idx + 1
    return sections, end, first


def _appended_heading(lines: list[Line], start: int) -> int | None:
    """Index of a type heading at or after ``start`` with an attachment note a few lines below it."""
    for i in range(start, len(lines)):
        if not pl.TYPE_HEADING_RE.match(lines[i].text):
            continue
        below = lines[i + 1 : i + 2 + TITLE_MAX_LINES]
        if any(pl.ATTACHED_NOTE_RE.match(ln.text) for ln in below):
            return i
    return None
