"""The type heading and the trích yếu (title) of a document, with its author line.

"KẾ HOẠCH / CỦA BAN THƯỜNG VỤ … / triển khai … / -----", "QUYẾT ĐỊNH / PHÊ DUYỆT … /
THỦ TƯỚNG CHÍNH PHỦ", "V/v …" (NĐ 30/2020 and HD 36-HD/VPTW forms). Works on the
logical lines of :mod:`loaders.lines`; every span indexes the source text.
"""

from __future__ import annotations

import re

from loaders.clean import collapse, is_caps, normalize, org_case, sentence_case
from loaders.lines import Line, trimmed_span
from loaders.models import Span
from loaders.patterns import layout as pl
from loaders.patterns import text as pt

HEADER_SCAN_LINES = 40
TITLE_MAX_LINES = 4


def type_heading(lines: list[Line]) -> tuple[int | None, str | None, str | None]:
    """The type heading ("KẾ HOẠCH", "QUYẾT ĐỊNH", "KẾT LUẬN CỦA …") among the first lines.

    Parameters
    ----------
    lines : list[Line]
        Logical lines of the document.

    Returns
    -------
    tuple[int | None, str | None, str | None]
        (line index, sentence-cased type, text printed after the type on that line),
        all None when no heading comes before the first section or article.
    """
    for i, ln in enumerate(lines[:HEADER_SCAN_LINES]):
        if pl.ROMAN_RE.match(ln.text) or pl.ARTICLE_RE.match(ln.text):
            break
        m = _heading(ln.text)
        if m:
            return i, sentence_case(m.group("type")), m.group("rest")
    return None, None, None


def title_lines(
    clean: str, lines: list[Line], head_idx: int | None, rest: str | None
) -> tuple[str | None, list[Line], int]:
    """Author line, the trích yếu lines and the index of the first line after them.

    Parameters
    ----------
    clean : str
        The cleaned text the ``lines`` index.
    lines : list[Line]
        Logical lines (the heading already split by :func:`split_heading`).
    head_idx : int | None
        Index of the type heading; None for a Công văn ("V/v …" trích yếu).
    rest : str | None
        Text printed after the type on the heading line.

    Returns
    -------
    tuple[str | None, list[Line], int]
        (author line, trích yếu lines, index of the first line after them).
    """
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


def split_heading(clean: str, lines: list[Line]) -> list[Line]:
    """ "KẾT LUẬN CỦA BỘ CHÍNH TRỊ" on one line → the type heading line and the author line."""
    idx, _, rest = type_heading(lines)
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
    if pl.ATTACHED_NOTE_RE.match(t):
        return True  # "(Ban hành kèm theo Quyết định số …)" follows the trích yếu, it is not part of it
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


def join_title(
    text: str, clean: str, taken: list[Line], rest: str | None, *, vv: bool
) -> tuple[str | None, Span | None]:
    """The trích yếu as one string, and its span in ``text``.

    Parameters
    ----------
    text, clean : str
        The source text and its cleaned form (same length).
    taken : list[Line]
        The trích yếu lines from :func:`title_lines`.
    rest : str | None
        Text after the type on the heading line (the title when ``taken`` is empty).
    vv : bool
        Whether the title is a Công văn's "V/v …" line (the "V/v" prefix is dropped).

    Returns
    -------
    tuple[str | None, Span | None]
        The collapsed title (None when there is none) and its source span.
    """
    if not taken:
        return (collapse(rest), None) if rest else (None, None)
    start, end = taken[0].start, taken[-1].end
    m = pl.VV_RE.match(clean[start:end])
    if vv and m and m.group("title"):
        start += m.start("title")
    elif not vv and (author := pl.INLINE_AUTHOR_RE.match(clean, start, end)):
        start = author.end()
    span = trimmed_span(text, start, end)
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
