"""Length-preserving normalisation of document text, and matching keys.

Every function here that returns text for extraction maps one character to
one character, so an offset found in cleaned text is an offset into the
source text (no span bookkeeping needed, unlike eyecite's ``SpanUpdater``).
:func:`match_key` is the exception: it builds a comparison key, never a span.
"""

from __future__ import annotations

import functools
import re

from loaders.patterns import text as pt

KEY_CACHE_SIZE = 8192
"""Short strings whose matching key is remembered (agency and place names repeat across documents)."""
KEY_CACHE_MAX_CHARS = 200
"""Longer strings (a whole text hashed for its identity) are keyed afresh, not kept."""
_TRANSLATION: dict[str, str] = {
    **dict.fromkeys(pt.DASH_CHARS, "-"),
    **dict.fromkeys(pt.SPACE_CHARS, " "),
    **pt.LETTER_FIXES,
}


def normalize(text: str) -> str:
    """Fold letter, dash and space variants, blank markdown markup and break ``<br>`` cells, keeping the length.

    Examples
    --------
    >>> normalize("## **KẾ HOẠCH**")
    '     KẾ HOẠCH  '
    """
    out = pt.FOLDED_CHAR_RE.sub(lambda m: _TRANSLATION[m.group()], text)
    if "<" in out:
        out = pt.HTML_BREAK_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), out)
    if "&" in out:
        out = pt.HTML_SPACE_RE.sub(lambda m: " " * len(m.group(0)), out)
    if "#" in out:
        out = pt.MD_HEADING_RE.sub(lambda m: " " * len(m.group(0)), out)
    if "**" in out or "__" in out:
        out = pt.MD_BOLD_RE.sub(lambda m: " " * len(m.group(0)), out)
    if "*" in out:  # each markup pattern above needs its character: skip the scan without it
        out = pt.MD_ITALIC_RE.sub(" ", out)
    if len(out) != len(text):  # pragma: no cover - guarded invariant
        raise AssertionError("normalisation changed the text length")
    return out


def fold_tone(text: str) -> str:
    """Move old-style tone marks ("uỷ", "hoá") to the new style ("ủy", "hóa"), keeping the length."""
    return pt.OLD_TONE_RE.sub(lambda m: _fold_pair(m.group("pair")), text)


def _fold_pair(pair: str) -> str:
    folded = pt.OLD_TONE_PAIRS.get(pair.lower(), pair.lower())
    if pair[0].isupper():
        return folded[0].upper() + (folded[1].upper() if pair[1].isupper() else folded[1])
    return folded


def match_key(text: str) -> str:
    """A comparison key: casefolded, new-style tone marks, abbreviations expanded, spaces collapsed.

    Examples
    --------
    >>> match_key("UBND  huyện  Cần Đước")
    'ủy ban nhân dân huyện cần đước'
    >>> match_key("Huyện uỷ") == match_key("Huyện ủy")
    True
    """
    return _short_key(text) if len(text) <= KEY_CACHE_MAX_CHARS else _key(text)


@functools.lru_cache(maxsize=KEY_CACHE_SIZE)
def _short_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    key = fold_tone(normalize(text)).casefold()
    key = pt.KEY_PUNCT_RE.sub(" ", key)
    for pattern, expansion, letters in pt.ABBREVIATION_EXPANSIONS:
        if letters in key:
            key = pattern.sub(expansion, key)
    return collapse(key)


def collapse(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) into one space and strip.

    ``str.split`` cuts at exactly the characters ``\\s`` matches, so this is
    ``WHITESPACE_RE.sub(" ", text).strip()``, computed faster.
    """
    return " ".join(text.split())


def sentence_case(caps: str) -> str:
    """ "KẾ HOẠCH" → "Kế hoạch": first letter upper, the rest lower."""
    low = collapse(caps).lower()
    return low[:1].upper() + low[1:]


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace every match of ``pattern`` with spaces of the same length."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into paragraphs by turning the line breaks between them into spaces.

    A line is joined to the previous non-blank one when it is not a structural
    start (heading, numbering, bullet, signature, ALL-CAPS line, body opener)
    and either starts in lower case / with punctuation, or the previous line
    ends on a connector ("ngày", "của", "số"), or is long, not ALL CAPS and
    does not end a sentence. Length-preserving.

    Examples
    --------
    >>> unwrap("của Chỉ \\n\\nthị 34-CT/TW")
    'của Chỉ   thị 34-CT/TW'
    """
    chars = list(text)
    prev_end: int | None = None
    prev_line = ""
    pos = 0
    blank = False
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            blank = True
            continue
        if prev_end is not None and _continues(prev_line, line, after_blank=blank):
            for i in range(prev_end, start):
                if chars[i] in "\n\r":
                    chars[i] = " "
        prev_end, prev_line, blank = end, line, False
    return "".join(chars)


def _continues(prev: str, line: str, *, after_blank: bool = False) -> bool:
    from loaders.patterns import layout as pl

    if pl.STRUCTURAL_START_RE.match(line) or pl.BODY_OPENER_RE.match(line) or pl.ATTACHED_NOTE_RE.match(line):
        return False
    prev_s, head = prev.strip(), line.lstrip()
    if _is_caps(prev_s) or pl.SIGNATURE_PREFIX_RE.match(prev_s):
        return False
    if head[:1].islower() or head[:1] in "(,;:":
        return True
    if pt.CONNECTOR_END_RE.search(prev_s):
        return True  # "… ngày" / "02/10/2024 của …": a line ending on a connector goes on
    if after_blank:
        return False
    return len(prev_s) >= 55 and not pl.SENTENCE_END_RE.search(prev_s)


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_caps(line: str) -> bool:
    """True when every letter of ``line`` is upper case (and there is at least one)."""
    return _is_caps(line)


# --- casing of ALL-CAPS names (header lines, signature blocks) -------------------

_PHRASES = {
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "trung ương": "Trung ương",
    "đảng": "Đảng",
    "bộ chính trị": "Bộ Chính trị",
    "ban bí thư": "Ban Bí thư",
    "mặt trận tổ quốc": "Mặt trận Tổ quốc",
    "việt nam": "Việt Nam",
    "nhà nước": "Nhà nước",
    "thường trực": "Thường trực",
    "hội đồng nhân dân": "Hội đồng nhân dân",
    "ủy ban nhân dân": "Ủy ban nhân dân",
}
_HEADS = {"bộ", "sở", "ban", "phòng", "cục", "chi", "tổng", "văn", "đài", "báo", "viện"}
_NOT_HEADS = {("ủy", "ban"), ("đảng", "bộ"), ("chi", "bộ")}
_NO_CAP_NEXT = {("chi", "cục"), ("tổng", "cục"), ("chi", "nhánh"), ("chi", "bộ"), ("văn", "phòng")}
_HEAD_PREFIXES = {"chi", "tổng", "văn"}
"""Words that make the head after them part of one compound ("Chi cục", "Tổng cục")."""
_LOWER_AFTER_HEAD = {
    "nhân",
    "ban",
    "phòng",
    "cục",
    "cán",
    "thành",
    "thị",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
}
"""Word pairs where the second word is not the head of an agency name ("Ủy ban", "Đảng bộ")."""
_KEEP_UPPER = {"ubnd", "hđnd", "mttq", "ubmttq", "ct-xh", "tw"}
_UNIT_KINDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
_COMMITTEE_ONLY = ("thành ủy", "thị ủy")
"""Committees whose level word is not a unit kind by itself ("THÀNH ỦY HUẾ" → "Thành ủy Huế")."""


def org_case(caps: str) -> str:
    """Case an ALL-CAPS organisation name the way running text writes it.

    Examples
    --------
    >>> org_case("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")
    'Ủy ban nhân dân tỉnh Lạng Sơn'
    >>> org_case("BAN THƯỜNG VỤ")
    'Ban Thường vụ'
    """
    if not is_caps(caps):
        return collapse(caps)
    words = fold_tone(collapse(caps)).lower().split(" ")
    out = [w.upper() if w in _KEEP_UPPER else w for w in words]
    for i, w in enumerate(words):
        pair = " ".join(words[i : i + 2])
        if pair in _UNIT_KINDS or w in _UNIT_KINDS or pair in _COMMITTEE_ONLY:
            _case_place(words, out, i, 2 if pair in _UNIT_KINDS else 1)
            break
        if w == "và" and i + 1 < len(words) and i > 1:
            out[i + 1] = _cap(words[i + 1])
        if w in _HEADS:
            _case_head(words, out, i)
    text = " ".join(out)
    for low, cased in _PHRASES.items():
        text = pt.word_re(low).sub(cased, text)
    return text[:1].upper() + text[1:]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _case_place(words: list[str], out: list[str], i: int, k: int) -> None:
    """A unit kind at ``i`` (``k`` words): the place name after it is capitalised ("tỉnh Lạng Sơn", "Tỉnh ủy X")."""
    first = i + k
    if first < len(words) and words[first] == "ủy":
        out[i] = _cap(words[i])
        first += 1
    for m in range(first, len(words)):
        out[m] = _cap(words[m])


def _case_head(words: list[str], out: list[str], i: int) -> None:
    """A head noun ("Bộ", "Sở", "Ban" …) is capitalised, and so is the first word of the name after it."""
    w = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if (prev, w) in _NOT_HEADS:
        return
    if prev not in _HEAD_PREFIXES:
        out[i] = _cap(w)
    if nxt and (w, nxt) not in _NO_CAP_NEXT and nxt not in _LOWER_AFTER_HEAD and nxt not in _KEEP_UPPER:
        out[i + 1] = _cap(nxt)


def position_case(caps: str) -> str:
    """ "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "BÍ THƯ" → "Bí thư"."""
    words = collapse(caps).lower().split(" ")
    if words and words[0] in {"phó", "tổng"} and len(words) > 1:
        words[1] = words[1][:1].upper() + words[1][1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:]
