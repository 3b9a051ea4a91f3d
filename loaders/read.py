"""Path or bytes → :class:`SourceText` (decoded, NFC-normalised).

The format is told from the content first (``%PDF-``, a zip archive, an OLE2
compound file), then from the file name (``.html``, ``.md``), so a renamed file
is still read correctly:

========================  =============================  =====================
format                    reader                         ``media_type``
========================  =============================  =====================
``.txt`` (any encoding)   :mod:`loaders.encodings`       ``text/plain``
``.md``                   same, YAML front matter cut    ``text/markdown``
``.html`` / ``.htm``      :mod:`loaders.read_html`       ``text/html``
``.docx``                 :mod:`loaders.read_docx`       :data:`DOCX_TYPE`
``.pdf`` (text layer)     :mod:`loaders.read_pdf`        ``application/pdf``
``.doc``                  :mod:`loaders.read_doc`        ``application/msword``
========================  =============================  =====================

Whatever the format, the text is checked for TCVN3/VNI font mojibake, line ends
become ``\\n`` and the text is NFC. Every failure is a :class:`ReadError` with a
one-line reason: missing, empty, too large, binary, undecodable, corrupt,
zip bomb, scanned PDF.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from loaders.encodings import decode_text, repair_legacy_font
from loaders.errors import ReadError
from loaders.models import SourceText
from loaders.patterns.encodings import HTML_META_CHARSET_RE, MARKDOWN_FRONT_MATTER_RE
from loaders.read_doc import read_doc
from loaders.read_docx import read_docx
from loaders.read_html import html_to_text
from loaders.read_pdf import read_pdf

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "POLICYKG_MAX_BYTES"
"""Environment variable that replaces :data:`DEFAULT_MAX_BYTES` (a number of bytes)."""

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "html": "text/html",
    "docx": DOCX_TYPE,
    "pdf": "application/pdf",
    "doc": "application/msword",
}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SUFFIX_KINDS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
}


def read_source(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceText:
    """Read one file into text.

    Parameters
    ----------
    path
        The file; its suffix is a hint, the content decides.
    encoding
        Force a text encoding (any Python codec, or ``tcvn3`` / ``vni``) instead of detecting it.
    max_bytes
        Files larger than this are refused before being read. When left at
        :data:`DEFAULT_MAX_BYTES`, ``$POLICYKG_MAX_BYTES`` replaces it if set.

    Raises
    ------
    ReadError
        Missing, unreadable, empty, too large, binary, undecodable or corrupt file.
    """
    p = Path(path)
    max_bytes = _configured_limit(str(path)) if max_bytes == DEFAULT_MAX_BYTES else max_bytes
    try:
        if p.is_dir():
            raise ReadError("is a directory, not a file", str(path))
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size} bytes, over the {max_bytes}-byte limit", str(path))
        data = p.read_bytes()
    except OSError as err:
        raise ReadError(err.strerror or str(err), str(path)) from err
    return read_bytes(data, str(path), encoding=encoding)


def _configured_limit(source: str) -> int:
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit():
        raise ReadError(f"${MAX_BYTES_ENV} must be a number of bytes, not {raw!r}", source)
    return int(raw)


def read_bytes(data: bytes, source: str, *, encoding: str | None = None) -> SourceText:
    """Decode ``data`` read from ``source`` (a path or a label such as ``-`` for stdin).

    Raises
    ------
    ReadError
        Empty, binary, undecodable or corrupt content.
    """
    if not data.strip():
        raise ReadError("empty file", source)
    kind = sniff_kind(data, source)
    warnings: list[str] = []
    if kind in ("text", "markdown", "html"):
        text, used, found = decode_text(data, source, encoding, declared=_html_charset(data, kind))
        warnings.extend(found)
        text = _strip_front_matter(text) if kind == "markdown" else text
        text = html_to_text(text) if kind == "html" else text
    else:
        text, used = _read_container(data, source, kind), "utf-8"
        text, legacy = repair_legacy_font(text)
        if legacy:
            warnings.append(f"converted from the {legacy} font encoding")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ReadError("empty file (no visible text)", source)
    return SourceText(
        source=source, text=text, media_type=MEDIA_TYPES[kind], encoding=used, warnings=tuple(warnings)
    )


def sniff_kind(data: bytes, source: str) -> str:
    """``text``, ``markdown``, ``html``, ``docx``, ``pdf`` or ``doc``: content first, then the suffix.

    Raises
    ------
    ReadError
        The suffix names a container format the content is not (a truncated download).
    """
    head = data[:1024]
    suffix = Path(source).suffix.lower()
    if data.lstrip().startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        return "doc"
    kind = _SUFFIX_KINDS.get(suffix, "text")
    if kind in ("docx", "pdf"):
        raise ReadError(
            f"corrupt or truncated .{kind} (it does not start like a {kind.upper()} file)", source
        )
    if kind == "text" and head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return kind


def _read_container(data: bytes, source: str, kind: str) -> str:
    if kind == "docx":
        return read_docx(data, source)
    if kind == "pdf":
        return read_pdf(data, source)
    return read_doc(data, source)


def _html_charset(data: bytes, kind: str) -> str | None:
    """The charset an HTML file declares in a ``<meta>`` tag, if any."""
    if kind != "html":
        return None
    match = HTML_META_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    return match.group(1).decode("ascii").lower()


def _strip_front_matter(text: str) -> str:
    match = MARKDOWN_FRONT_MATTER_RE.match(text)
    return text[match.end() :] if match else text
