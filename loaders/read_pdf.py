"""``.pdf`` bytes → text from its text layer (pypdf).

pypdf keeps the reading order and copes with decomposed diacritics (pdfminer's
``extract_text`` puts each combining mark on its own line); the result is NFC
normalised by the caller. Hard line breaks are kept: the layout stage joins
wrapped lines. Pages are joined with a line break.

A PDF whose pages carry no text at all is a scan: it is refused with "no text
layer: OCR it first" (OCR is never done silently).
"""

from __future__ import annotations

import io
import logging
import zlib

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError

from loaders.errors import ReadError

_CORRUPT = (
    PdfReadError,
    PdfStreamError,
    zlib.error,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    OSError,
    EOFError,
)


def read_pdf(data: bytes, source: str) -> str:
    """The text layer of a PDF, one line per text line, pages joined by a line break.

    Raises
    ------
    ReadError
        Corrupt or encrypted PDF, or one without a text layer.
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF: remove the password first", source)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except _CORRUPT as err:
        raise ReadError(f"corrupt or truncated .pdf ({type(err).__name__})", source) from err
    if not any(page.strip() for page in pages):
        raise ReadError("no text layer: OCR it first", source)
    return "\n".join(page.rstrip("\n") for page in pages)
