"""``.docx`` bytes → text, paragraphs and tables in reading order.

python-docx's ``Document.paragraphs`` silently drops tables, and Vietnamese
plans put their task tables ("Nhiệm vụ | Cơ quan chủ trì | Thời hạn") exactly
there, so the body is walked with ``iter_inner_content()`` (python-docx ≥ 1.1).

- A paragraph is one line (headings included, as their text).
- A table is a Markdown pipe table, one row per line (``| a | b |``), with a
  ``| --- |`` delimiter after the first row. A horizontally merged cell is
  written once; the continuation of a vertically merged cell is left empty.
- A table that comes before any body paragraph is the official header block
  (issuing body | national motto, number | place and date): it is written as
  plain lines, left column first, as the text versions of these documents read.

The archive is checked before python-docx opens it: a member that inflates to
more than :data:`MAX_UNCOMPRESSED` bytes in total, or with a compression ratio
over :data:`MAX_RATIO`, is refused as a zip bomb.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from loaders.errors import ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Total uncompressed size of all members a .docx may have."""
MAX_RATIO = 200
"""Largest compression ratio accepted for a member bigger than 1 MiB."""
_BIG_MEMBER = 1024 * 1024
_CORRUPT = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    SyntaxError,  # lxml's XMLSyntaxError derives from it
    PackageNotFoundError,
    NotImplementedError,
    OSError,
)


def check_archive(data: bytes, source: str) -> None:
    """Refuse a truncated, corrupt or zip-bomb archive from its central directory alone.

    Raises
    ------
    ReadError
        Not a zip archive, no ``word/document.xml``, or members that inflate too much.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise ReadError("corrupt or truncated .docx (not a readable zip archive)", source) from err
    if not any(m.filename == "word/document.xml" for m in members):
        raise ReadError("not a Word document (.docx has no word/document.xml)", source)
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise ReadError(f"refused: .docx inflates to {total} bytes (zip bomb?)", source)
    for member in members:
        if member.file_size > _BIG_MEMBER and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ReadError(
                f"refused: {member.filename} is compressed {MAX_RATIO}× or more (zip bomb?)", source
            )


def read_docx(data: bytes, source: str) -> str:
    """The text of a .docx file (see the module docstring for the layout).

    Raises
    ------
    ReadError
        Corrupt, truncated or zip-bomb archive.
    """
    check_archive(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_body_lines(document))
    except _CORRUPT as err:
        raise ReadError(f"corrupt .docx ({type(err).__name__})", source) from err


def _body_lines(document: Any) -> Iterator[str]:
    seen_body_text = False
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            yield from (_header_lines(block) if not seen_body_text else _table_lines(block))
        else:
            text = block.text
            seen_body_text = seen_body_text or bool(text.strip())
            yield text


def _header_lines(table: Any) -> Iterator[str]:
    """A layout table written as plain lines, column by column."""
    columns: dict[int, list[str]] = {}
    seen: dict[int, Any] = {}
    for row in table.rows:
        for index, cell in enumerate(_distinct_cells(row, seen)):
            if cell is not None:
                columns.setdefault(index, []).extend(p.text for p in cell.paragraphs)
    for index in sorted(columns):
        yield from columns[index]
        yield ""


def _table_lines(table: Any) -> Iterator[str]:
    seen: dict[int, Any] = {}
    yield ""
    for number, row in enumerate(table.rows):
        cells = [_cell_text(cell) for cell in _distinct_cells(row, seen)]
        yield "| " + " | ".join(cells) + " |"
        if number == 0:
            yield "| " + " | ".join("---" for _ in cells) + " |"
    yield ""


def _distinct_cells(row: Any, seen: dict[int, Any]) -> Iterator[Any]:
    """Cells of a row, each merged cell once; None for a vertical-merge continuation.

    ``seen`` maps ``id`` → ``<w:tc>`` element of earlier rows and keeps the
    elements alive, so lxml hands back the same proxy and ids are not reused.
    """
    in_row: dict[int, Any] = {}
    for cell in row.cells:
        element = cell._tc
        if id(element) in in_row:
            continue
        in_row[id(element)] = element
        yield None if id(element) in seen else cell
    seen.update(in_row)


def _cell_text(cell: Any) -> str:
    if cell is None:
        return ""
    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
    return text.replace("|", "\\|")
