"""Text → :class:`Layout`: header, number, place and date, type and trích yếu, preamble,
section tree, Nơi nhận and signature (NĐ 30/2020 and HD 36-HD/VPTW forms).

Works on ``unwrap(normalize(text))``: both are length-preserving, so every
offset found here indexes the source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from loaders import closing
from loaders.clean import collapse, is_caps, normalize, org_case, sentence_case, unwrap
from loaders.models import Layout, PartialDate, Span
from loaders.patterns import layout as pl
from loaders.patterns import references as pr
from loaders.patterns import text as pt
from loaders.sections import build_sections

HEADER_SCAN_LINES = 40
TITLE_MAX_LINES = 4


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


def clean_text(text: str) -> str:
    """The text layout analysis runs on (normalised, unwrapped; same length as ``text``)."""
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
    lines = _split_heading(clean, logical_lines(clean))
    head, after_title = _head(text, clean, lines)
    body_end, tail_start = _body_end(clean, lines, after_title)
    sections = build_sections(text, clean, lines_between(lines, after_title, body_end), body_end)
    first_section = sections[0].span.start if sections else body_end
    preamble = _span(text, lines[after_title].start, first_section) if after_title < len(lines) else None
    if preamble is not None and (not preamble.quote.strip() or preamble.start >= first_section):
        preamble = None
    lines = lines[:tail_start] + _split_columns(text, clean, lines[tail_start:])
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
    head_idx, doc_type, title_from_heading = _type_heading(lines)
    header = lines[: head_idx if head_idx is not None else min(len(lines), 8)]
    number, symbol, number_span = _number(clean, text, header)
    place, date, date_span = _place_date(clean, text, lines[: (head_idx or 0) + TITLE_MAX_LINES + 3])
    author, title_lines, after_title = _title(clean, lines, head_idx, title_from_heading)
    if doc_type is None:
        doc_type = _type_from_symbol(symbol) or ("Công văn" if title_lines else None)
    title, title_span = _join_title(text, clean, title_lines, title_from_heading, vv=head_idx is None)
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


def lines_between(lines: list[Line], first: int, end: int) -> list[tuple[int, int, str]]:
    """Lines from index ``first`` whose start is before offset ``end``, as (start, end, text)."""
    return [(ln.start, min(ln.end, end), ln.text) for ln in lines[first:] if ln.start < end]


def _span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])


# --- header -----------------------------------------------------------------


def _type_heading(lines: list[Line]) -> tuple[int | None, str | None, str | None]:
    for i, ln in enumerate(lines[:HEADER_SCAN_LINES]):
        if pl.ROMAN_RE.match(ln.text) or pl.ARTICLE_RE.match(ln.text):
            break
        m = _heading(ln.text)
        if m:
            return i, sentence_case(m.group("type")), m.group("rest")
    return None, None, None


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
    m = pl.PLACE_DATE_RE.search(clean, zone[0].start, zone[-1].end) or pl.DATE_ONLY_RE.search(
        clean, zone[0].start, zone[-1].end
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


# --- title ------------------------------------------------------------------


def _title(
    clean: str, lines: list[Line], head_idx: int | None, rest: str | None
) -> tuple[str | None, list[Line], int]:
    """Author line, the trích yếu lines and the index of the first line after them."""
    if head_idx is None:
        return _vv_title(lines)
    i, author = head_idx + 1, None
    taken: list[Line] = []
    if i < len(lines) and (notice := pl.NOTICE_SUBTITLE_RE.match(lines[i].text)):
        author = notice.group("author")
        taken.append(lines[i])
        i += 1
    elif i < len(lines) and (m := pl.AUTHOR_LINE_RE.match(clean[lines[i].start : lines[i].end])):
        author = collapse(m.group("author"))
        if m.group("rest"):
            taken.append(Line(lines[i].start + m.start("rest"), lines[i].end, collapse(m.group("rest"))))
        i += 1
    elif i + 1 < len(lines) and _is_authority_line(lines[i].text) and lines[i + 1].text[:1].islower():
        author, i = collapse(lines[i].text), i + 1  # "HỘI NGHỊ LẦN THỨ 10 …" / "về …"
    if author is None and not taken and (caps := _caps_title(lines, i)):
        taken, i = caps, i + len(caps)
    while i < len(lines) and len(taken) < TITLE_MAX_LINES:
        t = lines[i].text
        if pl.SEPARATOR_RE.match(t):
            i += 1
            break
        if _ends_title(t, bool(taken) or rest is not None):
            break
        if taken and not _continues_title(taken[-1].text, t, _rule_ahead(lines, i)):
            break
        taken.append(lines[i])
        i += 1
        if t.endswith(":") or pl.BODY_OPENER_RE.match(lines[i].text if i < len(lines) else ""):
            break
    if author is None and i < len(lines) and _is_authority_line(lines[i].text):
        author, i = collapse(lines[i].text), i + 1
    return author, taken, i


def _caps_title(lines: list[Line], i: int) -> list[Line]:
    """An ALL-CAPS trích yếu under the type heading, ended by its issuing authority.

    "QUYẾT ĐỊNH / PHÊ DUYỆT CHƯƠNG TRÌNH … / THỦ TƯỚNG CHÍNH PHỦ": the caps lines
    are the title only when an authority line ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN
    NHÂN DÂN TỈNH X", "BAN THƯỜNG VỤ TỈNH ỦY"), the "-----" rule or the body
    ("Căn cứ …") follows them; a caps line followed by a lower-case trích yếu is
    a subtitle ("HỘI NGHỊ LẦN THỨ …") instead.
    """
    taken: list[Line] = []
    for ln in lines[i : i + TITLE_MAX_LINES + 1]:
        t = ln.text
        if pl.AUTHORITY_LINE_RE.match(t) or pl.BODY_OPENER_RE.match(t) or pl.SEPARATOR_RE.match(t):
            return taken
        if not is_caps(t) or _heading(t) or pl.ROMAN_RE.match(t) or pl.ARTICLE_RE.match(t):
            return []
        if not taken and pl.AUTHOR_PREFIX_RE.match(t):
            return []
        taken.append(ln)
    return []


def _continues_title(prev: str, line: str, rule_ahead: bool) -> bool:
    """Whether a hard-wrapped trích yếu goes on with ``line``.

    It does when the line starts in lower case or with a number that is not
    numbering (a date "02/10/2024", a quantity "2.500 căn"; "1." / "1)" was
    already refused by :func:`_ends_title`), when the previous line ends on a
    connector ("ngày", "của", "về") or on a verb that takes a document ("về
    thực hiện" / "Chỉ thị số 34-CT/TW"), or when the "-----" rule printed under
    the trích yếu is still ahead.
    """
    if line[:1].islower() or line[:1].isdigit() or rule_ahead:
        return True
    return pt.CONNECTOR_END_RE.search(prev) is not None or pl.TITLE_VERB_END_RE.search(prev) is not None


def _rule_ahead(lines: list[Line], i: int) -> bool:
    """A "-----" rule within the trích yếu budget from line ``i``, before anything that ends a title."""
    for ln in lines[i : i + TITLE_MAX_LINES]:
        if pl.SEPARATOR_RE.match(ln.text):
            return True
        if _ends_title(ln.text, True):
            return False
    return False


def _is_authority_line(t: str) -> bool:
    """An ALL-CAPS line after the trích yếu of a Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X"."""
    return is_caps(t) and not _heading(t) and not pl.ROMAN_RE.match(t)


def _heading(line: str) -> re.Match[str] | None:
    """The type heading, alone, followed by a trích yếu that has lower-case letters, or by its author."""
    m = pl.TYPE_HEADING_RE.match(line)
    if m is None or (m.group("rest") and is_caps(m.group("rest")) and not _caps_subtitle(m.group("rest"))):
        return None
    return m


def _caps_subtitle(rest: str) -> bool:
    """ "CỦA BỘ CHÍNH TRỊ" or "KẾT LUẬN CỦA …" printed on the type heading's line."""
    return bool(pl.AUTHOR_PREFIX_RE.match(rest) or pl.NOTICE_SUBTITLE_RE.match(rest))


def _split_heading(clean: str, lines: list[Line]) -> list[Line]:
    """ "KẾT LUẬN CỦA BỘ CHÍNH TRỊ" on one line → the type heading line and the author line."""
    idx, _, rest = _type_heading(lines)
    if idx is None or not rest or not is_caps(rest):
        return lines
    line = lines[idx]
    m = pl.TYPE_HEADING_RE.match(clean[line.start : line.end])
    if m is None or m.start("rest") < 0:
        return lines
    cut = line.start + m.start("rest")
    heading = Line(line.start, line.start + m.end("type"), collapse(m.group("type")))
    return [*lines[:idx], heading, Line(cut, line.end, collapse(clean[cut : line.end])), *lines[idx + 1 :]]


def _ends_title(t: str, have_some: bool) -> bool:
    if pl.ROMAN_RE.match(t) or pl.ARTICLE_RE.match(t) or pl.RECIPIENTS_RE.match(t):
        return True
    if pl.SIGNATURE_PREFIX_RE.match(t) or is_caps(t):
        return True
    return have_some and (pl.BODY_OPENER_RE.match(t) is not None or pl.NUMBERED_RE.match(t) is not None)


def _vv_title(lines: list[Line]) -> tuple[str | None, list[Line], int]:
    for i, ln in enumerate(lines[:HEADER_SCAN_LINES]):
        if pl.ROMAN_RE.match(ln.text) or pl.BODY_OPENER_RE.match(ln.text):
            break
        if pl.VV_RE.match(ln.text):
            return None, [ln], i + 1
    # no heading and no V/v: the body starts after the header block
    for i, ln in enumerate(lines[:HEADER_SCAN_LINES]):
        if pl.BODY_OPENER_RE.match(ln.text) or pl.ROMAN_RE.match(ln.text) or pl.ARTICLE_RE.match(ln.text):
            return None, [], i
    return None, [], 0


def _join_title(
    text: str, clean: str, taken: list[Line], rest: str | None, *, vv: bool
) -> tuple[str | None, Span | None]:
    if not taken:
        return (collapse(rest), None) if rest else (None, None)
    start, end = taken[0].start, taken[-1].end
    m = pl.VV_RE.match(clean[start:end])
    if vv and m and m.group("title"):
        start += m.start("title")
    elif not vv and (author := pl.INLINE_AUTHOR_RE.match(clean, start, end)):
        start = author.end()
    span = _span(text, start, end)
    printed = _without_column_date(text, clean, span)
    title = collapse(printed).strip(" :")
    if (
        is_caps(taken[0].text) and len(taken) > 1 and not is_caps(taken[1].text)
    ):  # "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về …"
        title = f"{org_case(taken[0].text)} {collapse(printed[taken[1].start - span.start :])}".strip(" :")
    return title, span


def _without_column_date(text: str, clean: str, span: Span) -> str:
    """The cleaned span with the right column's date blanked ("V/v …        Thái Nguyên, ngày …" on one line)."""
    piece = clean[span.start : span.end]
    for m in pl.COLUMN_DATE_RE.finditer(normalize(span.quote)):
        piece = piece[: m.start()] + " " * (m.end() - m.start()) + piece[m.end() :]
    return piece


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
