"""Character-level cues for cleaning and matching keys (see ``loaders.clean``)."""

from __future__ import annotations

import re

DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
"""Hyphen and dash variants folded to "-"."""
SPACE_CHARS = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\t"
)
"""Non-breaking, typographic and zero-width spaces folded to " "."""
LETTER_FIXES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "|": " "}
"""Icelandic eth Ð/ð typed for Vietnamese Đ/đ; markdown table pipes become spaces."""
FOLDED_CHAR_RE = re.compile("[" + re.escape(DASH_CHARS + SPACE_CHARS + "".join(LETTER_FIXES)) + "]")
"""One character that :func:`loaders.clean.normalize` folds (a dash, a space or a letter variant)."""

HTML_BREAK_RE = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
"""A line break inside a markdown table cell (Word → markdown conversion): becomes a newline."""
HTML_SPACE_RE = re.compile(r"&nbsp;", re.IGNORECASE)
MD_HEADING_RE = re.compile(r"^[ \t]*(#{1,6})(?=[ \t])", re.MULTILINE)
MD_BOLD_RE = re.compile(r"\*\*|__")
MD_ITALIC_RE = re.compile(r"\*(?:(?<![\w*]\*)(?=[^\s*])|(?<=[^\s*]\*)(?![\w*]))")
"""A single ``*`` opening or closing an italic span (a lone "*" line is kept).

The ``*`` comes first and the character before it is checked after it (a literal prefix
is found much faster than a lookbehind tried at every position)."""

OLD_TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
"""Old-style tone placement on an open oa/oe/uy syllable → new style (same length)."""
OLD_TONE_RE = re.compile(r"(?P<pair>[oOuU](?<![qQ][oOuU])[àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")
"""An old-style pair not after "q" (the "q" is checked after the vowel: a set of first letters is found faster)."""

ABBREVIATION_EXPANSIONS = (
    (re.compile(r"\bubmttq\b"), "ủy ban mặt trận tổ quốc", "ubmttq"),
    (re.compile(r"\bubnd\b"), "ủy ban nhân dân", "ubnd"),
    (re.compile(r"\bhđnd\b"), "hội đồng nhân dân", "hđnd"),
    (re.compile(r"\bmttq\b"), "mặt trận tổ quốc", "mttq"),
    (re.compile(r"\bct-xh\b"), "chính trị - xã hội", "ct-xh"),
    (re.compile(r"\btp\.\s*"), "thành phố ", "tp."),
)
"""Abbreviations expanded in matching keys (applied after casefolding): pattern, expansion, and the
letters every match contains (the pattern is not run on a key without them)."""
KEY_PUNCT_RE = re.compile(r"[“”\"'`()\[\]*_#]")
WHITESPACE_RE = re.compile(r"\s+")
CONNECTOR_END_RE = re.compile(
    r"(?:[-,]|(?<!\w)(?:của|và|với|theo|về|các|tại|cho|số|ngày|đến|từ|trong|là|hoặc|như|để|do|bởi|những|trên))$"
)
"""A line ending that cannot end a paragraph: the next line continues it even after a blank line."""
ZERO_PADDED_RE = re.compile(r"\b0+(\d)")
"""Leading zeros of a number in a title ("01 triệu" = "1 triệu")."""
DIGIT_RE = re.compile(r"\d")


def word_re(words: str) -> re.Pattern[str]:
    """``words`` as whole words (not inside a longer word)."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
