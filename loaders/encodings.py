"""Bytes of a text file → Unicode text, including Vietnamese legacy encodings.

Order of decisions (:func:`decode_text`):

1. ``encoding`` given by the user (``--encoding``): use it, nothing else.
2. A byte-order mark: UTF-8 (``EF BB BF``) or UTF-16 (``FF FE`` / ``FE FF``).
3. NUL bytes or many control bytes: a binary file, refused.
4. Strict UTF-8; or UTF-8 with a few damaged bytes (at most one in 200
   characters, amid plenty of well-formed multi-byte letters), replaced by U+FFFD
   with a warning.
5. Otherwise the candidates Windows-1258, TCVN3 (ABC) and VNI-Windows are all
   decoded and scored by content (share of words that are well-formed
   Vietnamese syllables, :data:`loaders.patterns.encodings.VI_SYLLABLE_RE`);
   the best one wins if it is convincing, else the file is refused with a
   message suggesting ``--encoding``.

Text that decoded as Unicode may still be TCVN3/VNI *font* mojibake (a .docx or
PDF typed in a ``.VnTime`` or ``VNI-Times`` font gives ``Uû ban nh©n d©n``):
:func:`repair_legacy_font` applies the same content test to it. The result is
always NFC (Windows-1258 and some producers store tones as combining marks).

Why own tables rather than a package
------------------------------------
TCVN3 and VNI are *font* encodings: the bytes are ordinary Latin-1, so charset
detectors "succeed" with garbage and cannot be used. The one maintained Python
converter, ``viparse`` (0.1.x, one maintainer, MIT), is a whole RAG document
loader; its TCVN3/VNI tables are two small dictionaries. Depending on a young
loader for 130 table entries is a poor trade, so the two tables below are
written out from the published layouts (TCVN 5712:1993 "VN3" and the
VNI-Windows font chart) and tested round-trip in ``tests/test_read.py``.

TCVN3 has no precomposed tone-marked capitals (headings used the separate
``.VnTimeH`` font with the lower-case codes), so a converted line whose ASCII
letters are all capitals is upper-cased as a whole: ``KÕ HO¹CH`` → ``KẾ HOẠCH``.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import unicodedata
from collections import Counter
from collections.abc import Callable

from loaders.errors import ReadError
from loaders.patterns.encodings import CONTROL_CHAR_RE, VI_SYLLABLE_RE, WORD_SPLIT_RE

# TCVN3 (ABC): one Latin-1 code per letter; capitals exist only for the 7 base letters.
_TCVN3_ROWS = {
    "ăâêôơưđ": "¨©ª«¬\u00ad®",
    "ĂÂÊÔƠƯĐ": "¡¢£¤¥¦§",
    "àảãáạ": "µ¶·¸¹",
    "ằẳẵắặ": "»¼½¾Æ",
    "ầẩẫấậ": "ÇÈÉÊË",
    "èẻẽéẹ": "ÌÎÏÐÑ",
    "ềểễếệ": "ÒÓÔÕÖ",
    "ìỉĩíị": "×ØÜÝÞ",
    "òỏõóọ": "ßáâãä",
    "ồổỗốộ": "åæçèé",
    "ờởỡớợ": "êëìíî",
    "ùủũúụ": "ïñòóô",
    "ừửữứự": "õö÷øù",
    "ỳỷỹýỵ": "úûüýþ",
}
TCVN3_TABLE: dict[str, str] = {
    code: letter
    for letters, codes in _TCVN3_ROWS.items()
    for letter, code in zip(letters, codes, strict=True)
}
"""TCVN3 code (as its Latin-1 character) → Unicode letter."""

# VNI-Windows: base letter + mark code(s); ơ ư đ and the i-family are single codes.
_VNI_TONES = {"ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ù": "\u0301", "ï": "\u0323"}
_VNI_CIRCUMFLEX_TONES = {"â": "", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "á": "\u0301", "ä": "\u0323"}
_VNI_BREVE_TONES = {"ê": "", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "é": "\u0301", "ë": "\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (True, False):
        case: Callable[[str], str] = str.lower if lower else str.upper
        for base in "aeiouy":
            for mark, tone in _VNI_TONES.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", base + tone))
        for base in "aeo":
            for mark, tone in _VNI_CIRCUMFLEX_TONES.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", base + "\u0302" + tone))
        for mark, tone in _VNI_BREVE_TONES.items():
            table[case("a" + mark)] = case(unicodedata.normalize("NFC", "a\u0306" + tone))
        for single, letter in _VNI_SINGLE.items():
            table[case(single)] = case(letter)
            if letter in "ơư":
                for mark, tone in _VNI_TONES.items():
                    table[case(single + mark)] = case(unicodedata.normalize("NFC", letter + tone))
    table["yî"], table["YÎ"] = "ỵ", "Ỵ"
    return table


VNI_TABLE: dict[str, str] = _vni_table()
"""VNI code sequence (as Latin-1 characters, one or two) → Unicode letter."""

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MIN_SCORE = 0.6
"""Share of non-ASCII words that must be well-formed syllables to accept a decoding."""
_MIN_GAIN = 0.3
"""How much better a legacy-font reading must score than the text as it is, to replace it."""
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13} | {127}))
_WORD_CACHE_SIZE = 65536
"""Distinct words whose syllable test is remembered (a document has a few thousand)."""


def _convert_tcvn3(surface: str) -> str:
    lines = surface.split("\n")
    return "\n".join(
        _upper_if_capitals(line, "".join(TCVN3_TABLE.get(ch, ch) for ch in line)) for line in lines
    )


def _upper_if_capitals(surface: str, converted: str) -> str:
    """Upper-case a converted line whose ASCII letters are all capitals (a ``.VnTimeH`` heading)."""
    ascii_letters = [ch for ch in surface if ch.isascii() and ch.isalpha()]
    if len(ascii_letters) >= 3 and all(ch.isupper() for ch in ascii_letters):
        return converted.upper()
    return converted


def _convert_vni(surface: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(surface):
        pair = surface[i : i + 2]
        if len(pair) == 2 and pair in VNI_TABLE:
            out.append(VNI_TABLE[pair])
            i += 2
        else:
            out.append(VNI_TABLE.get(surface[i], surface[i]))
            i += 1
    return "".join(out)


LEGACY_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": _convert_tcvn3, "vni": _convert_vni}
"""Font-encoding name → converter from its Latin-1 surface to Unicode."""


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def is_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (any case, NFC or not)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONE_MARKS for ch in decomposed)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return tones <= 1 and VI_SYLLABLE_RE.fullmatch(base) is not None


def _is_scored(word: str) -> bool:
    """Words that tell decodings apart: not empty, not ASCII-only, no digit."""
    return bool(word) and not word.isascii() and not any(c.isdigit() for c in word)


def vietnamese_score(text: str) -> tuple[float, int]:
    """Share of words with non-ASCII letters that are well-formed syllables, and how many such words.

    Words with digits are ignored; ASCII-only words score the same under every
    decoding and are ignored too. Each distinct word is judged once.
    """
    counts = Counter(WORD_SPLIT_RE.split(text))
    scored = {word: n for word, n in counts.items() if _is_scored(word)}
    total = sum(scored.values())
    if not total:
        return 1.0, 0
    good = sum(n for word, n in scored.items() if is_syllable(word))
    return good / total, total


def repair_legacy_font(text: str) -> tuple[str, str | None]:
    """Convert TCVN3/VNI font mojibake found in already-decoded text.

    Returns
    -------
    tuple
        The (possibly converted) text and the legacy encoding used, or None when left alone.
    """
    score, words = vietnamese_score(text)
    if words == 0 or score >= 1 - _MIN_GAIN:
        return text, None
    best_name, best_text, best_score = None, text, score
    for name, convert in LEGACY_CONVERTERS.items():
        candidate = unicodedata.normalize("NFC", convert(text))
        cand_score, _ = vietnamese_score(candidate)
        if cand_score >= _MIN_SCORE and cand_score - score >= _MIN_GAIN and cand_score > best_score:
            best_name, best_text, best_score = name, candidate, cand_score
    return best_text, best_name


def _latin1_surface(data: bytes) -> str:
    """The characters a legacy-font document shows when read as Windows-1252/Latin-1."""
    return data.decode("latin-1")


def _candidates(data: bytes) -> dict[str, str]:
    surface = _latin1_surface(data)
    found = {name: convert(surface) for name, convert in LEGACY_CONVERTERS.items()}
    with contextlib.suppress(UnicodeDecodeError):
        found["cp1258"] = data.decode("cp1258")
    return {name: unicodedata.normalize("NFC", text) for name, text in found.items()}


def _guess_8bit(data: bytes, source: str) -> tuple[str, str]:
    scored = []
    for name, text in _candidates(data).items():
        score, words = vietnamese_score(text)
        scored.append((score, words, name, text))
    score, words, name, text = max(scored, key=lambda item: (item[0], item[2] == "cp1258"))
    if words == 0 or score < _MIN_SCORE:
        raise ReadError(
            "not UTF-8 and not a recognisable Vietnamese encoding (Windows-1258, TCVN3, VNI); "
            "pass --encoding to say which it is",
            source,
        )
    return text, name


def _forced(data: bytes, source: str, encoding: str) -> str:
    name = encoding.lower().replace("_", "-")
    if name in LEGACY_CONVERTERS:
        return LEGACY_CONVERTERS[name](_latin1_surface(data))
    try:
        codecs.lookup(encoding)
    except LookupError as err:
        raise ReadError(f"unknown encoding {encoding!r}", source) from err
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReadError(f"cannot decode as {encoding} (byte {err.start})", source) from err


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1 % control bytes in the first 64 KiB."""
    head = data[:65536]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls * 100 > len(head)


def decode_text(
    data: bytes, source: str, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """Decode the bytes of a text file (see the module docstring for the order of decisions).

    Parameters
    ----------
    encoding
        Forced by the user: used as is, no detection, no legacy-font repair.
    declared
        Declared by the file itself (an HTML ``<meta charset>``): used instead of
        detection when it is a known codec and decodes, then checked for legacy-font mojibake.

    Returns
    -------
    tuple
        NFC text with ``\\n`` line ends, the encoding used, and warnings worth recording.

    Raises
    ------
    ReadError
        Binary data, an unknown or failing forced encoding, or no convincing decoding.
    """
    warnings: list[str] = []
    if encoding:
        text, used = _forced(data, source, encoding), encoding
    elif data.startswith(codecs.BOM_UTF8):
        text, used = _strict(data, source, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, used = _strict(data, source, "utf-16"), "utf-16"
    elif looks_binary(data):
        raise ReadError("binary file, not text", source)
    elif declared and _decodes(data, declared):
        text, used = data.decode(declared), declared
    else:
        text, used, warning = _utf8_or_guess(data, source)
        if warning:
            warnings.append(warning)
    if not encoding and used not in LEGACY_CONVERTERS:
        text, legacy = repair_legacy_font(text)
        if legacy:
            warnings.append(f"converted from the {legacy} font encoding")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _too_many_controls(text):
        raise ReadError("binary file, not text", source)
    return text, used, tuple(warnings)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _strict(data: bytes, source: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise ReadError(f"cannot decode as {codec} (byte {err.start})", source) from err


def _utf8_or_guess(data: bytes, source: str) -> tuple[str, str, str | None]:
    """Text, encoding and a warning: strict UTF-8, lightly damaged UTF-8, or an 8-bit guess."""
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd")
    multibyte = sum(1 for ch in damaged if ord(ch) > 127) - bad
    if bad * 200 <= len(damaged) and multibyte >= 20 * bad:
        return damaged, "utf-8", f"{bad} damaged UTF-8 byte sequence(s) replaced by U+FFFD"
    text, used = _guess_8bit(data, source)
    return text, used, f"decoded as {used}"


def _too_many_controls(text: str) -> bool:
    head = text[:65536]
    controls = sum(1 for _ in CONTROL_CHAR_RE.finditer(head))
    return controls * 100 > max(len(head), 1)
