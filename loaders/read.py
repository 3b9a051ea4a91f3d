"""Path or bytes → :class:`SourceText` (decoded, NFC-normalised).

Minimal first version: UTF-8 text (with or without BOM). Other formats and
encodings are added behind the same two functions.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from loaders.errors import ReadError
from loaders.models import SourceText

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_source(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file into text.

    Raises
    ------
    ReadError
        Missing, unreadable, empty, too large or undecodable file.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size} bytes, over the {max_bytes}-byte limit", str(path))
        data = p.read_bytes()
    except OSError as err:
        raise ReadError(err.strerror or str(err), str(path)) from err
    return read_bytes(data, str(path), encoding=encoding)


def read_bytes(data: bytes, source: str, *, encoding: str | None = None) -> SourceText:
    """Decode ``data`` read from ``source``."""
    if not data.strip():
        raise ReadError("empty file", source)
    codec = encoding or "utf-8-sig"
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as err:
        raise ReadError(f"cannot decode as {codec}", source) from err
    return SourceText(source=source, text=unicodedata.normalize("NFC", text), encoding=codec)
