"""Generated test documents: invented plans in the official formats, and writers for them.

- :func:`make_plan` builds a Kế hoạch from a seed (province, district, numbers,
  dates, targets and agencies vary); the wording is written for these tests.
  :meth:`Plan.text` gives the ``.txt`` form; :func:`plan_docx` and :func:`plan_pdf`
  the same document as ``.docx`` (header block as a two-column table, as Word
  templates do) and as a PDF with a real text layer.
- :func:`write_corpus` writes a folder of them.
- ``encode_*`` turn Unicode text into the legacy encodings a file may arrive in.
- :func:`pdf_bytes` is a tiny PDF writer: a Type0/Identity-H font embedding
  DejaVuSans (Debian ``fonts-dejavu-core``) with a ToUnicode map, so text
  extraction sees exactly the code points drawn (NFC or NFD).
"""

from __future__ import annotations

import io
import random
import struct
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Pt

from loaders.encodings import TCVN3_TABLE, VNI_TABLE

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

_PLACES = {
    "Long An": ("Cần Đước", "Bến Lức"),
    "Nghệ An": ("Diễn Châu", "Quỳnh Lưu"),
    "Bắc Ninh": ("Tiên Du", "Quế Võ"),
    "Quảng Ninh": ("Vân Đồn", "Tiên Yên"),
    "Thái Bình": ("Kiến Xương", "Vũ Thư"),
    "Lạng Sơn": ("Cao Lộc", "Hữu Lũng"),
}
_TOPICS = (
    "phát triển nhà ở xã hội",
    "chuyển đổi số trong cơ quan nhà nước",
    "bảo vệ môi trường nông thôn",
    "nâng cao chất lượng nguồn nhân lực",
)
_SIGNERS = ("Trần Minh Khoa", "Lê Thị Hồng Vân", "Phạm Quốc Bảo", "Đỗ Văn Thịnh")


@dataclass(frozen=True)
class Plan:
    """One generated plan, kept as its parts so every format writes the same document."""

    header_left: tuple[str, ...]
    header_right: tuple[str, ...]
    body: tuple[str, ...]
    """Lines after the header: type, title, preamble, sections, recipients, signature."""

    def text(self) -> str:
        return "\n\n".join((*self.header_left, *self.header_right, *self.body)) + "\n"


def make_plan(seed: int) -> Plan:
    """A district Party committee's plan implementing a provincial resolution (varies with ``seed``)."""
    rng = random.Random(seed)
    province = rng.choice(sorted(_PLACES))
    district = rng.choice(_PLACES[province])
    year = rng.randint(2022, 2026)
    number, resolution, directive = rng.randint(1, 400), rng.randint(1, 120), rng.randint(10, 60)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    res_day, res_month = rng.randint(1, 28), rng.randint(1, 12)
    topic = rng.choice(_TOPICS)
    resolution_ref = f"Nghị quyết số {resolution:02d}-NQ/TU, ngày {res_day}/{res_month}/{year - 1}"
    title = f"thực hiện {resolution_ref} của Ban Thường vụ Tỉnh ủy về {topic} trên địa bàn tỉnh {province}"
    units, target = rng.randint(2, 90) * 10, rng.randint(5, 95)
    body = (
        "KẾ HOẠCH",
        title,
        f"Thực hiện Chỉ thị số {directive}-CT/TW, ngày {res_day}/{res_month}/{year - 2} của Ban Bí thư về {topic}; "
        f"{resolution_ref} của Ban Thường vụ Tỉnh ủy về {topic} trên địa bàn tỉnh {province}, "
        f"Ban Thường vụ Huyện ủy {district} ban hành kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        f"- Cụ thể hóa các nhiệm vụ tại Nghị quyết số {resolution:02d}-NQ/TU phù hợp với điều kiện của huyện.",
        "- Phân công rõ trách nhiệm của từng cơ quan, đơn vị; bảo đảm thực hiện đồng bộ, hiệu quả.",
        "II. CHỈ TIÊU",
        f"- Phấn đấu đến năm 2030 hoàn thành {units} căn nhà ở xã hội trên địa bàn huyện {district}.",
        f"- Đến cuối năm {year + 1} có ít nhất {target}% cơ quan, đơn vị hoàn thành nhiệm vụ được giao.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Ủy ban nhân dân huyện",
        "Chủ trì xây dựng kế hoạch cụ thể, phân công trách nhiệm cho các phòng, ban; "
        f"định kỳ hằng năm báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày {rng.randint(5, 25)} tháng 12.",
        "2. Ban Tuyên giáo Huyện ủy",
        f"Chủ trì, phối hợp với Ủy ban nhân dân huyện tuyên truyền, phổ biến Nghị quyết số {resolution:02d}-NQ/TU.",
        "3. Văn phòng Huyện ủy",
        "Theo dõi, đôn đốc việc thực hiện Kế hoạch này, tổng hợp báo cáo Ban Thường vụ Huyện ủy.",
        "Nơi nhận:",
        "- Ban Thường vụ Tỉnh ủy (để b/c),",
        "- Các đảng bộ, chi bộ trực thuộc,",
        "- Lưu Văn phòng Huyện ủy.",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        rng.choice(_SIGNERS),
    )
    return Plan(
        header_left=(f"HUYỆN ỦY {district.upper()}", "*", f"Số {number}-KH/HU"),
        header_right=("ĐẢNG CỘNG SẢN VIỆT NAM", f"{district}, ngày {day} tháng {month} năm {year}"),
        body=body,
    )


def write_corpus(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """Write ``count`` generated plans as ``.txt`` files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + count):
        path = folder / f"plan_{seed:04d}.txt"
        path.write_text(make_plan(seed).text(), encoding="utf-8")
        paths.append(path)
    return paths


# --- .docx ------------------------------------------------------------------------------------------


def make_docx_bytes(
    *,
    paragraphs: list[str],
    header: list[tuple[str, str]] | None = None,
    table: list[tuple[str, ...]] | None = None,
    after: list[str] | None = None,
    vmerge: tuple[int, int] | None = None,
    hmerge_row: int | None = None,
) -> bytes:
    """A .docx: optional header table, paragraphs, optional body table, closing paragraphs.

    ``vmerge=(top, bottom)`` merges the first column of those body-table rows;
    ``hmerge_row`` merges the first two cells of that row.
    """
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    if header:
        _fill(document.add_table(rows=len(header), cols=2), header)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        _fill(grid, table)
        if vmerge:
            grid.cell(vmerge[0], 0).merge(grid.cell(vmerge[1], 0))
        if hmerge_row is not None:
            grid.cell(hmerge_row, 0).merge(grid.cell(hmerge_row, 1))
    for text in after or []:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(grid: object, rows: Sequence[Sequence[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text  # type: ignore[attr-defined]


def plan_docx(plan: Plan) -> bytes:
    """The plan as Word writes it: the header block (if any) is a borderless two-column table."""
    rows = max(len(plan.header_left), len(plan.header_right))
    left = [*plan.header_left, *[""] * rows][:rows]
    right = [*plan.header_right, *[""] * rows][:rows]
    document = docx.Document()
    if rows:
        grid = document.add_table(rows=1, cols=2)
        for column, lines in enumerate((left, right)):
            cell = grid.cell(0, column)
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for index, line in enumerate(plan.body):
        document.add_heading(line, level=1) if index == 0 and rows else document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- .pdf -------------------------------------------------------------------------------------------


def plan_pdf(plan: Plan, *, nfd: bool = False, width: int = 95) -> bytes:
    """The plan as a PDF with a text layer, long lines wrapped at ``width`` characters."""
    lines: list[str] = []
    for paragraph in plan.text().split("\n"):
        lines.extend(_wrap(paragraph, width))
    if nfd:
        lines = [unicodedata.normalize("NFD", line) for line in lines]
    return pdf_bytes(lines)


def _wrap(paragraph: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in paragraph.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current]


def _glyph_ids(font: bytes) -> dict[int, int]:
    """Unicode code point → glyph id, from the font's (3, 1) format-4 ``cmap`` subtable."""
    tables = {
        font[12 + 16 * i : 16 + 16 * i]: struct.unpack(">II", font[20 + 16 * i : 28 + 16 * i])[0]
        for i in range(struct.unpack(">H", font[4:6])[0])
    }
    cmap = tables[b"cmap"]
    subtables = struct.unpack(">H", font[cmap + 2 : cmap + 4])[0]
    for i in range(subtables):
        platform, encoding, offset = struct.unpack(">HHI", font[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        if (platform, encoding) == (3, 1):
            return _format4(font, cmap + offset)
    raise ValueError("font has no Unicode BMP cmap")


def _format4(font: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack(">H", font[at + 6 : at + 8])[0] // 2
    ends_at = at + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at, ranges_at = starts_at + 2 * segments, starts_at + 4 * segments

    def u16(pos: int) -> int:
        return int(struct.unpack(">H", font[pos : pos + 2])[0])

    glyphs: dict[int, int] = {}
    for s in range(segments):
        start, end = u16(starts_at + 2 * s), u16(ends_at + 2 * s)
        delta, range_offset = u16(deltas_at + 2 * s), u16(ranges_at + 2 * s)
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyphs[code] = (code + delta) & 0xFFFF
            else:
                glyph = u16(ranges_at + 2 * s + range_offset + 2 * (code - start))
                glyphs[code] = (glyph + delta) & 0xFFFF if glyph else 0
    return glyphs


def pdf_bytes(lines: list[str], *, lines_per_page: int = 50) -> bytes:
    """A PDF drawing ``lines`` in DejaVuSans; no lines gives a scanned-looking page with no text layer."""
    if not lines:
        return _scanned_page()
    font = DEJAVU.read_bytes()
    glyphs = _glyph_ids(font)
    used = {ch for line in lines for ch in line}
    to_unicode = "".join(
        f"<{glyphs.get(ord(ch), 0):04X}> <{ch.encode('utf-16-be').hex().upper()}>\n" for ch in used
    )
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        packed = zlib.compress(data)
        return (
            f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )

    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PKG-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(used)} beginbfchar\n{to_unicode}endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    file_ref = add(stream(font, f"/Length1 {len(font)} "))
    descriptor = add(
        f"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 1232] "
        f"/ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 /FontFile2 {file_ref} 0 R >>".encode()
    )
    cid_font = add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) "
        f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 600 /CIDToGIDMap /Identity >>".encode()
    )
    unicode_ref = add(stream(cmap.encode()))
    font_ref = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
        f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {unicode_ref} 0 R >>".encode()
    )
    pages_ref = len(objects) + 2 * len(pages) + 1
    kids = []
    for page in pages:
        content = add(stream(_page_content(page, glyphs)))
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
            )
        )
    add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages_ref} 0 R >>".encode())
    return _assemble(objects, catalog)


def _scanned_page() -> bytes:
    """A one-page PDF with a filled rectangle and no text, as a scanner without OCR makes."""
    drawing = b"0.2 0.2 0.6 rg 72 600 300 150 re f"
    objects = [
        f"<< /Length {len(drawing)} >>\nstream\n".encode() + drawing + b"\nendstream",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 1 0 R /Resources << >> >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 3 0 R >>",
    ]
    return _assemble(objects, 4)


def _page_content(lines: list[str], glyphs: dict[int, int]) -> bytes:
    drawn = " T*\n".join(f"<{''.join(f'{glyphs.get(ord(ch), 0):04X}' for ch in line)}> Tj" for line in lines)
    return f"BT /F1 10 Tf 14 TL 40 800 Td\n{drawn}\nET".encode()


def _assemble(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- legacy encodings -------------------------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        tones = "".join(c for c in decomposed if c in _TONES)
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            out += (base + tones).encode("cp1258")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) bytes; tone-marked capitals take the lower-case code, as with the .VnTimeH font."""
    inverse = {letter: code for code, letter in TCVN3_TABLE.items()}
    return "".join(inverse.get(ch, inverse.get(ch.lower(), ch)) for ch in text).encode("latin-1")


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes (as cp1252)."""
    inverse: dict[str, str] = {}
    for code, letter in VNI_TABLE.items():
        inverse.setdefault(letter, code)
    return "".join(inverse.get(ch, ch) for ch in text).encode("cp1252")
