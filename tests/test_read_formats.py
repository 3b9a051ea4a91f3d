"""The same document as .txt, .docx, .pdf, .html, .md or in a legacy encoding yields the same facts.

The .docx and .pdf files are generated here (python-docx; the small PDF writer in
``tests/corpus.py``), from generated plans and, when ``../shared/seeds`` is
present, from the seed documents. Facts are compared through the extraction
contract (``loaders.contract.to_contract``) with character spans left out, since
offsets differ between formats by construction.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from loaders.contract import to_contract
from loaders.errors import ReadError
from loaders.parse import parse_text
from loaders.read import read_bytes
from tests.corpus import DEJAVU, Plan, encode_cp1258, encode_vni, make_plan, pdf_bytes, plan_docx, plan_pdf

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
OFFSET_KEYS = frozenset({"span", "evidence", "source", "warnings"})
needs_font = pytest.mark.skipif(not DEJAVU.is_file(), reason=f"{DEJAVU} missing (Debian fonts-dejavu-core)")


def facts(data: bytes, name: str) -> dict[str, Any]:
    """The extraction contract of ``data`` read as file ``name``, without offsets."""
    result: dict[str, Any] = _without_offsets(to_contract(parse_text(read_bytes(data, name))))
    return result


def _without_offsets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_offsets(v) for k, v in value.items() if k not in OFFSET_KEYS}
    if isinstance(value, list):
        return [_without_offsets(v) for v in value]
    return value


def _html(plan: Plan) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in plan.text().split("\n") if line)
    return f"<!DOCTYPE html><html><head><title>x</title></head><body>{paragraphs}</body></html>".encode()


FORMATS: dict[str, tuple[str, Callable[[Plan], bytes]]] = {
    "docx": ("plan.docx", plan_docx),
    "pdf": ("plan.pdf", plan_pdf),
    "pdf-nfd": ("plan.pdf", lambda plan: plan_pdf(plan, nfd=True)),
    "html": ("plan.html", _html),
    "markdown": ("plan.md", lambda plan: b"---\nsource: test\n---\n" + plan.text().encode("utf-8")),
    "utf-16": ("plan.txt", lambda plan: plan.text().encode("utf-16")),
    "cp1258": ("plan.txt", lambda plan: encode_cp1258(plan.text())),
    "vni": ("plan.txt", lambda plan: encode_vni(plan.text())),
}


@needs_font
@pytest.mark.parametrize("seed", [3, 11, 42])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_generated_plan_gives_the_same_facts_in_every_format(seed: int, fmt: str) -> None:
    plan = make_plan(seed)
    expected = facts(plan.text().encode("utf-8"), "plan.txt")
    assert expected["number"] and expected["implements"] and expected["assignments"]
    name, render = FORMATS[fmt]
    assert facts(render(plan), name) == expected


def _seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def _seed_as_plan(path: Path) -> Plan:
    return Plan(header_left=(), header_right=(), body=tuple(path.read_text(encoding="utf-8").split("\n")))


@needs_font
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("seed_path", _seed_paths() or [None], ids=lambda p: p.name if p else "no-seeds")
def test_seed_documents_give_the_same_facts_as_docx_and_pdf(seed_path: Path | None, fmt: str) -> None:
    if seed_path is None:
        pytest.skip(f"no seed documents at {SEEDS}")
    plan = _seed_as_plan(seed_path)
    expected = facts(seed_path.read_bytes(), seed_path.name)
    name, render = FORMATS[fmt]
    got = facts(render(plan), name)
    for key in ("number", "doc_type", "title", "implements", "amends", "based_on", "cites", "relations"):
        assert got[key] == expected[key], key


def test_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(ReadError, match="no text layer: OCR it first"):
        read_bytes(pdf_bytes([]), "scan.pdf")


@needs_font
def test_pdf_text_is_nfc_and_media_type_set() -> None:
    source = read_bytes(plan_pdf(make_plan(1), nfd=True), "plan.pdf")
    assert source.media_type == "application/pdf"
    assert "KẾ HOẠCH" in source.text.split("\n")
    assert unicodedata.is_normalized("NFC", source.text)
