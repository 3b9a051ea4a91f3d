"""Bad input files through ``policykg ingest``: one line each, the batch goes on, the store is untouched.

Every bad file is generated in ``tmp_path`` (no binary blobs are committed). For
each kind, the test checks the line naming the file and the reason, exit status
1, and that the documents already stored are exactly as before (graph list and
quads). Hostile phrases typed by a user (quotes, braces, SPARQL syntax) are data
to ``lineage`` and never change the store. Exit statuses follow
``docs/exit-codes.md``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import cli
from graph.store_oxigraph import OxigraphStore
from loaders import read_doc
from loaders.read import MAX_BYTES_ENV
from tests.corpus import make_docx_bytes, make_plan, pdf_bytes

ROOT = Path(__file__).resolve().parents[1]
SIZE_LIMIT = 100_000


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))
    return buffer.getvalue()


BAD_FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.txt": (lambda: b"", "empty file"),
    "blank.md": (lambda: b"  \n\n\t\n", "empty file"),
    "binary.txt": (
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "binary file, not text",
    ),
    "truncated.docx": (lambda: make_docx_bytes(paragraphs=["KẾ HOẠCH"])[:900], "corrupt or truncated .docx"),
    "bomb.docx": (_zip_bomb, "zip bomb"),
    "huge.txt": (lambda: make_plan(1).text().encode() * 60, f"over the {SIZE_LIMIT}-byte limit"),
    "no-document.txt": (
        lambda: "Hôm nay trời nắng đẹp, cả nhà cùng đi dạo công viên và ăn kem.\n".encode(),
        "no recognisable policy document",
    ),
    "shift-jis.txt": (lambda: "政策文書ではありません。".encode("shift_jis") * 20, "not UTF-8"),
    "latin-1.txt": (lambda: "Ceci n'est pas un plan : été, déjà, où.".encode("latin-1"), "not UTF-8"),
    "scripts-only.html": (lambda: b"<html><script>alert(1)</script></html>", "no visible text"),
    "old.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024, ".doc needs LibreOffice"),
    "scan.pdf": (lambda: pdf_bytes([]), "no text layer: OCR it first"),
    "truncated.pdf": (lambda: pdf_bytes([])[:200], "corrupt or truncated .pdf"),
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli.main, list(args))


def snapshot(store: Path) -> tuple[list[str], set[tuple[str, ...]]]:
    """Graph list and every quad (as N-Triples-ish strings) of the store."""
    with OxigraphStore(str(store)) as opened:
        graphs = [str(g) for g in opened.named_graphs()]
        quads = {tuple(term.n3() for term in quad) for quad in opened.quads()}
    return graphs, quads


@pytest.fixture
def hostile_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small configurable size limit, and no LibreOffice (so .doc is refused the same everywhere)."""
    monkeypatch.setenv(MAX_BYTES_ENV, str(SIZE_LIMIT))
    monkeypatch.setattr(read_doc, "find_soffice", lambda: None)


@pytest.fixture
def seeded_store(tmp_path: Path) -> Path:
    """An on-disk store holding one good document."""
    good = tmp_path / "good.txt"
    good.write_text(make_plan(7).text(), encoding="utf-8")
    store = tmp_path / "store"
    result = run("--store", str(store), "ingest", str(good))
    assert result.exit_code == 0, result.stderr
    return store


def write_bad(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(BAD_FILES[name][0]())
    return path


@pytest.mark.usefixtures("hostile_env")
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gets_one_line_and_the_store_is_untouched(
    seeded_store: Path, tmp_path: Path, name: str
) -> None:
    path = write_bad(tmp_path / "bad", name)
    before = snapshot(seeded_store)
    result = run("--store", str(seeded_store), "ingest", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if str(path) in line]
    assert len(lines) == 1, result.stderr
    assert BAD_FILES[name][1] in lines[0]
    assert snapshot(seeded_store) == before


@pytest.mark.usefixtures("hostile_env")
def test_a_batch_goes_on_past_bad_files(seeded_store: Path, tmp_path: Path) -> None:
    bad = [write_bad(tmp_path / "bad", name) for name in sorted(BAD_FILES)]
    fresh = tmp_path / "bad" / "zz-good.txt"
    fresh.write_text(make_plan(8).text(), encoding="utf-8")
    graphs_before, quads_before = snapshot(seeded_store)
    result = run("--store", str(seeded_store), "ingest", str(tmp_path / "bad"))
    assert result.exit_code == 1
    for path in bad:
        assert sum(str(path) in line for line in result.stderr.splitlines()) == 1, path
    assert re.search(rf"stored 1 of {len(bad) + 1} files", result.stderr)
    graphs_after, quads_after = snapshot(seeded_store)
    assert set(graphs_before) < set(graphs_after)
    assert len(graphs_after) == len(graphs_before) + 1
    assert quads_before <= quads_after


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ('Chỉ thị 34" } ; DROP ALL ; #', "no document matches"),
        ("} UNION { ?s ?p ?o }", "no document matches"),
        ("<http://example.org/x> . DELETE WHERE { ?s ?p ?o }", "not a valid IRI"),
        ("Kế hoạch 12' OR '1'='1", "no document matches"),
        ("{{{{{{{{", "no document matches"),
        ("\\u0022) ; CLEAR DEFAULT", "no document matches"),
    ],
)
def test_user_phrases_with_query_syntax_are_data(seeded_store: Path, phrase: str, reason: str) -> None:
    before = snapshot(seeded_store)
    result = run("--store", str(seeded_store), "lineage", phrase)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Error: {phrase}: {reason}"
    assert snapshot(seeded_store) == before


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["ingest"], 2),
        (["extract", "--format", "xml", "x.txt"], 2),
        (["--no-such-option"], 2),
        (["ingest", "no-such-file.txt"], 1),
    ],
)
def test_exit_codes(args: list[str], code: int, tmp_path: Path) -> None:
    assert run("--store", str(tmp_path / "store"), *args).exit_code == code


def test_exit_codes_are_documented() -> None:
    text = (ROOT / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    documented = {int(code) for code in re.findall(r"^\|\s*(\d+)\s*\|", text, flags=re.MULTILINE)}
    assert documented == {0, 1, 2, cli.EXIT_NOT_CONFORMING}
