"""Patterns used to tell which character encoding a text file was written in.

A decoding candidate is judged by how many of its words are well-formed
Vietnamese syllables: onset consonant(s), a vowel nucleus from the closed set of
Vietnamese rhymes, an optional final consonant. Tones are stripped before
matching (at most one tone per syllable is checked separately), so the pattern
only sees the base letters ``a ă â e ê i o ô ơ u ư y đ``.

Every alternation is anchored and bounded (no nested quantifiers), so matching
is linear in the length of the word.
"""

from __future__ import annotations

import re

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x"
_NUCLEUS = (
    "uyêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|iêu|yêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|uy|iê|yê|ươ|uô|"
    "oa|oă|oe|oo|uâ|uê|uơ|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODA = "ch|ng|nh|c|m|n|p|t"

VI_SYLLABLE_RE = re.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:{_CODA})?")
"""A toneless, lower-case Vietnamese syllable; use with ``fullmatch``."""

WORD_SPLIT_RE = re.compile(r"[\s\"'()\[\]{}<>,.;:!?/\\|*_=+#%&@`~^$-]+")
"""Separators between words when scoring a decoding (ASCII punctuation and white space)."""

CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
"""A control character (Unicode category Cc) other than tab, line feed and form feed."""

HTML_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
"""The ``charset`` of an HTML ``<meta>`` tag, searched in the first bytes of the file."""

MARKDOWN_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n){0,200}?---[ \t]*\n")
"""A YAML front-matter block at the very start of a Markdown file."""
