"""loaders.read and loaders.encodings: encodings, formats by content, refusals with one-line reasons."""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from loaders import read_doc
from loaders.encodings import TCVN3_TABLE, VNI_TABLE, is_syllable, repair_legacy_font
from loaders.errors import ReadError
from loaders.read import DOCX_TYPE, MAX_BYTES_ENV, read_bytes, read_source
from tests.corpus import encode_cp1258, encode_tcvn3, encode_vni, make_docx_bytes

PLAN = (
    "KẾ HOẠCH\n"
    "Về việc triển khai thực hiện Nghị quyết số 07-NQ/TU của Ban Thường vụ Tỉnh ủy\n"
    "Ủy ban nhân dân huyện giao Phòng Kinh tế chủ trì, phối hợp với các xã thực hiện; "
    "hằng năm báo cáo kết quả về Sở Xây dựng trước ngày 15 tháng 12.\n"
)


# --- encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("utf-16"), "utf-16"),
        (unicodedata.normalize("NFD", PLAN).encode("utf-8"), "utf-8"),
        (encode_cp1258(PLAN), "cp1258"),
        (PLAN.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "nfd", "cp1258", "crlf"],
)
def test_text_encodings_decode_to_the_same_nfc_text(data: bytes, encoding: str) -> None:
    source = read_bytes(data, "plan.txt")
    assert source.text == PLAN
    assert source.encoding == encoding
    assert source.media_type == "text/plain"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        # Published examples of the two font encodings, as their bytes show in Latin-1.
        ("hép møt tÕt", "hộp mứt tết"),
        ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
        ("KÕ HO¹CH\nph¸t triÓn nhµ ë x· héi", "KẾ HOẠCH\nphát triển nhà ở xã hội"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Ñaø Naüng, ngaøy 12 thaùng 5 naêm 2026", "Đà Nẵng, ngày 12 tháng 5 năm 2026"),
    ],
)
def test_legacy_font_text_is_detected_by_content(surface: str, expected: str) -> None:
    assert read_bytes(surface.encode("cp1252"), "old.txt").text == expected


@pytest.mark.parametrize(("encode", "name"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni")])
def test_legacy_encodings_round_trip_a_whole_plan(encode: object, name: str) -> None:
    source = read_bytes(encode(PLAN), "old.txt")  # type: ignore[operator]
    # TCVN3 has no tone-marked capitals outside all-capital headings: "Ủy" comes back "ủy".
    assert (source.text.lower() if name == "tcvn3" else source.text) == (
        PLAN.lower() if name == "tcvn3" else PLAN
    )
    assert source.text.startswith("KẾ HOẠCH\n")
    assert source.encoding == name
    assert f"decoded as {name}" in source.warnings


@pytest.mark.parametrize(("name", "encode"), [("tcvn3", encode_tcvn3), ("vni", encode_vni)])
def test_legacy_mojibake_inside_unicode_text_is_repaired(name: str, encode: object) -> None:
    mojibake = encode("Ủy ban nhân dân tỉnh giao Sở Tài chính bố trí kinh phí").decode("cp1252")  # type: ignore[operator]
    repaired, used = repair_legacy_font(mojibake)
    assert used == name
    assert repaired.lower() == "ủy ban nhân dân tỉnh giao sở tài chính bố trí kinh phí"


def test_real_unicode_vietnamese_is_left_alone() -> None:
    assert repair_legacy_font(PLAN) == (PLAN, None)


def test_every_table_entry_is_a_vietnamese_letter() -> None:
    letters = set(TCVN3_TABLE.values()) | set(VNI_TABLE.values())
    assert all(unicodedata.name(ch).startswith("LATIN") for ch in letters)
    assert len(set(TCVN3_TABLE.values())) == len(TCVN3_TABLE) == 74


@pytest.mark.parametrize(
    ("word", "ok"),
    [("nghiêng", True), ("Quyết", True), ("khuya", True), ("tỉnh", True), ("nh©n", False), ("Quyờỡt", False)],
)
def test_syllable_check(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


def test_utf8_with_one_damaged_byte_is_kept_with_a_warning() -> None:
    damaged = (PLAN * 3).encode("utf-8").replace("Phòng".encode(), b"\xffPh\xc3\xb2ng", 1)
    source = read_bytes(damaged, "plan.txt")
    assert source.text.replace("\ufffd", "", 1) == PLAN * 3
    assert source.encoding == "utf-8"
    assert source.warnings == ("1 damaged UTF-8 byte sequence(s) replaced by U+FFFD",)


def test_forced_encoding_is_used_as_is() -> None:
    assert read_bytes(encode_cp1258(PLAN), "p.txt", encoding="cp1258").text == PLAN
    assert read_bytes(encode_tcvn3("hộp mứt tết"), "p.txt", encoding="tcvn3").text == "hộp mứt tết"


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        (PLAN.encode("utf-8"), "ascii", "cannot decode as ascii"),
        (PLAN.encode("utf-8"), "no-such-codec", "unknown encoding"),
        ("café été à Paris, déjà vu".encode("latin-1"), None, "not UTF-8 and not a recognisable"),
        ("日本語のテキストです".encode("shift_jis"), None, "not UTF-8"),
    ],
)
def test_wrong_encodings_are_refused_in_one_line(data: bytes, encoding: str | None, reason: str) -> None:
    with pytest.raises(ReadError, match=reason) as caught:
        read_bytes(data, "bad.txt", encoding=encoding)
    assert caught.value.subject == "bad.txt"
    assert "\n" not in caught.value.one_line()


# --- refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 32)) * 40, "binary file, not text"),
        (b"<html><body><script>var a = 1;</script></body></html>", "no visible text"),
    ],
)
def test_unreadable_content_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(data, "x.txt" if not data.startswith(b"<html") else "x.html")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="No such file"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_source(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(PLAN, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ReadError, match="Permission denied") as caught:
        read_source(path)
    assert caught.value.subject == str(path)


def test_size_limit_argument_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PLAN * 10, encoding="utf-8")
    with pytest.raises(ReadError, match="over the 100-byte limit"):
        read_source(path, max_bytes=100)
    monkeypatch.setenv(MAX_BYTES_ENV, "200")
    with pytest.raises(ReadError, match="over the 200-byte limit"):
        read_source(path)
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(ReadError, match="must be a number"):
        read_source(path)
    monkeypatch.delenv(MAX_BYTES_ENV)
    assert read_source(path).text == PLAN * 10


# --- formats ---------------------------------------------------------------------------------------


def test_markdown_front_matter_is_cut() -> None:
    source = read_bytes(b"---\ntitle: x\n---\n" + PLAN.encode(), "plan.md")
    assert source.text == PLAN
    assert source.media_type == "text/markdown"


def test_html_visible_text_by_blocks() -> None:
    markup = (
        '<!DOCTYPE html><html><head><meta charset="windows-1258"><title>Tiêu đề</title>'
        "<style>p {color: red}</style></head><body><h1>KẾ HOẠCH</h1><p>Một &amp; hai<br>ba   bốn</p>"
        "<script>alert('x')</script><table><tr><th>Nhiệm vụ</th><th>Cơ quan</th></tr>"
        "<tr><td>Tuyên truyền</td><td>Sở Văn hóa | Thể thao</td></tr></table><ul><li>một</li><li>hai</li></ul>"
        "</body></html>"
    )
    source = read_bytes(encode_cp1258(markup), "page.html")
    assert source.media_type == "text/html"
    assert source.text.split("\n") == [
        "KẾ HOẠCH",
        "Một & hai",
        "ba bốn",
        "| Nhiệm vụ | Cơ quan |",
        "| Tuyên truyền | Sở Văn hóa \\| Thể thao |",
        "một",
        "hai",
    ]


@pytest.mark.parametrize(
    ("name", "media_type"),
    [("renamed.txt", DOCX_TYPE), ("renamed.pdf", DOCX_TYPE), ("no-suffix", DOCX_TYPE)],
)
def test_container_format_is_told_by_content_not_name(name: str, media_type: str) -> None:
    source = read_bytes(make_docx_bytes(paragraphs=["Kế hoạch số 5"]), name)
    assert (source.media_type, source.text) == (media_type, "Kế hoạch số 5")


def test_text_mentioning_pdf_magic_is_still_text() -> None:
    assert read_bytes("Tệp %PDF-1.7 đính kèm".encode(), "note.txt").media_type == "text/plain"


def test_html_is_sniffed_from_content() -> None:
    assert read_bytes(b"<!doctype html><p>Xin ch\xc3\xa0o</p>", "page.txt").text == "Xin chào"


def test_docx_paragraphs_and_tables_in_reading_order() -> None:
    data = make_docx_bytes(
        header=[
            ("TỈNH ỦY LONG AN", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("Số 12-KH/TU", "Long An, ngày 3 tháng 2 năm 2026"),
        ],
        paragraphs=["KẾ HOẠCH", "phát triển nhà ở xã hội"],
        table=[
            ("Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
            ("Tuyên truyền", "Sở Nội vụ", "Quý II/2026"),
            ("", "Sở Tài chính", "Quý III/2026"),
        ],
        after=["Nơi nhận:"],
        vmerge=(1, 2),
    )
    source = read_bytes(data, "plan.docx")
    assert source.media_type == DOCX_TYPE
    lines = [line for line in source.text.split("\n") if line]
    assert lines == [
        "TỈNH ỦY LONG AN",
        "Số 12-KH/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Long An, ngày 3 tháng 2 năm 2026",
        "KẾ HOẠCH",
        "phát triển nhà ở xã hội",
        "| Nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
        "| --- | --- | --- |",
        "| Tuyên truyền | Sở Nội vụ | Quý II/2026 |",
        "|  | Sở Tài chính | Quý III/2026 |",
        "Nơi nhận:",
    ]


def test_docx_horizontal_merge_is_read_once() -> None:
    data = make_docx_bytes(paragraphs=["Bảng"], table=[("a", "b", "c"), ("Sở Nội vụ", "", "x")], hmerge_row=1)
    assert "| Sở Nội vụ | x |" in read_bytes(data, "t.docx").text.split("\n")


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (make_docx_bytes(paragraphs=["Kế hoạch"])[:700], "corrupt or truncated .docx"),
        (b"this is not a zip", "corrupt or truncated .docx"),
        (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
        (_zip({"word/document.xml": b"\0" * (8 * 1024 * 1024)}), "zip bomb"),
        (_zip({"word/document.xml": b"<w:document"}), "corrupt .docx"),
    ],
    ids=["truncated", "not-zip", "no-document", "bomb", "bad-xml"],
)
def test_bad_docx_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(data, "plan.docx")


def test_doc_without_libreoffice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_doc, "find_soffice", lambda: None)
    with pytest.raises(ReadError, match=r"\.doc needs LibreOffice"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")


def test_doc_is_converted_by_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in ``soffice`` that copies a prepared .docx where LibreOffice would write it."""
    prepared = tmp_path / "prepared.docx"
    prepared.write_bytes(make_docx_bytes(paragraphs=["Quyết định về việc giao nhiệm vụ"]))
    fake = tmp_path / "soffice"
    fake.write_text(
        '#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\n'
        f'mkdir -p "$2" && cp "{prepared}" "$2/input.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(read_doc, "find_soffice", lambda: str(fake))
    source = read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")
    assert source.text == "Quyết định về việc giao nhiệm vụ"
    assert source.media_type == "application/msword"


def test_control_characters_are_exactly_category_cc_but_tab_line_feed_and_form_feed() -> None:
    from loaders.patterns.encodings import CONTROL_CHAR_RE

    for code in range(0x10000):
        char = chr(code)
        expected = unicodedata.category(char) == "Cc" and char not in "\t\n\f"
        assert bool(CONTROL_CHAR_RE.fullmatch(char)) is expected, hex(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân tỉnh", (1.0, 4)),
        ("Uû ban nh©n d©n tØnh", (0.0, 4)),
        ("Ủy ban Ủy ban xyzư", (2 / 3, 3)),
        ("2024 ABC", (1.0, 0)),
    ],
)
def test_vietnamese_score_counts_every_occurrence_of_a_word(text: str, expected: tuple[float, int]) -> None:
    from loaders.encodings import vietnamese_score

    assert vietnamese_score(text) == pytest.approx(expected)
