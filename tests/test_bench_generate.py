"""Tests of bench/generate.py: determinism, manifest consistency, and that documents parse as stated."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.corpus_render import fmt_quantity
from bench.generate import iter_documents, manifest_entry, read_manifest, relative_path, write_corpus
from loaders.models import SELF

SMALL = 150
SAMPLE = [(spec, text) for spec, text in iter_documents(400, seed=1)]


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "summary.json":
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    write_corpus(SMALL, 1, tmp_path / "a")
    write_corpus(SMALL, 1, tmp_path / "b")
    write_corpus(SMALL, 2, tmp_path / "c")
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


def test_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    small = [(spec.file_id, text) for spec, text in iter_documents(60, seed=1)]
    assert small == [(spec.file_id, text) for spec, text in SAMPLE[:60]]


def test_manifest_lists_every_document_and_only_earlier_parents(tmp_path: Path) -> None:
    summary = write_corpus(SMALL, 1, tmp_path)
    entries = list(read_manifest(tmp_path))
    assert [e["id"] for e in entries] == [f"d{k:07d}" for k in range(SMALL)]
    assert summary["documents"] == SMALL
    assert summary["edges"]["implements"] == sum(len(e["implements"]) for e in entries)
    position = {e["id"]: k for k, e in enumerate(entries)}
    for k, entry in enumerate(entries):
        assert (tmp_path / entry["path"]).is_file()
        assert all(position[p] < k for p in entry["implements_ids"] + entry["amends_ids"])
        assert len(entry["implements"]) == len(entry["implements_ids"])


@pytest.mark.parametrize(
    ("feature", "count"),
    [
        (lambda e: e["kind"], {"directive", "party_plan", "state_plan", "amendment"}),
        (lambda e: e["layout"], {"party", "state", "markdown"}),
        (lambda e: e["level"], {"central", "province", "commune"}),
        (lambda e: tuple(sorted({a["layout"] for a in e["assignments"]})), None),
    ],
)
def test_sample_covers_every_kind_and_layout(feature: Any, count: set[str] | None) -> None:
    values = Counter(feature(manifest_entry(spec, relative_path(spec))) for spec, _ in SAMPLE)
    if count is None:
        layouts = {layout for combo in values for layout in combo}
        assert layouts == {"heading", "inline", "subject"}
    else:
        assert set(values) == count


def test_blank_numbers_wrapped_text_and_multi_level_chains_occur() -> None:
    entries = [manifest_entry(spec, relative_path(spec)) for spec, _ in SAMPLE]
    by_id = {e["id"]: e for e in entries}
    assert any(e["number"] is None for e in entries)
    assert any(e["wrapped"] for e in entries)
    depths = []
    for entry in entries:
        depth, current = 0, entry
        while current["implements_ids"]:
            current, depth = by_id[current["implements_ids"][0]], depth + 1
        depths.append(depth)
    assert max(depths) >= 3


@pytest.mark.parametrize(
    ("quantity", "text"), [(7, "7"), (1200, "1.200"), (71250, "71.250"), (1000000, "1.000.000")]
)
def test_quantities_use_the_vietnamese_thousands_separator(quantity: int, text: str) -> None:
    assert fmt_quantity(quantity) == text


def test_targets_and_numbers_appear_in_the_text() -> None:
    for spec, text in SAMPLE[:80]:
        if spec.number:
            assert f"Số {spec.number}" in text or f"Số: {spec.number}" in text
        for target in spec.targets:
            assert fmt_quantity(target.quantity) in text
        for ref in spec.implements:
            assert ref.key in text


def _parse_cases() -> list[Any]:
    """The first 20 documents and up to 8 of each harder kind: markdown, wrapped, blank number, amendment."""
    picks = [spec for spec, _ in SAMPLE[:20]]
    for wanted in (
        lambda s: s.markdown,
        lambda s: s.wrapped,
        lambda s: s.number is None,
        lambda s: s.kind == "amendment",
        lambda s: s.family == "party" and s.level == "commune",
    ):
        picks += [spec for spec, _ in SAMPLE[20:] if wanted(spec) and spec not in picks][:8]
    return picks


PARSE_CASES = _parse_cases()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(len(SAMPLE), 1, folder)
    return folder


@pytest.mark.parametrize(
    "spec", PARSE_CASES, ids=lambda s: f"{s.file_id}-{s.kind}-{'md' if s.markdown else s.family}"
)
def test_documents_parse_into_the_manifest_facts(spec: Any, written: Path) -> None:
    parse = pytest.importorskip("loaders.parse")
    entry = manifest_entry(spec, relative_path(spec))
    document = parse.parse_file(written / entry["path"])
    assert (document.layout.number, document.layout.doc_type) == (entry["number"], entry["doc_type"])
    assert relation_keys(document, "implements") >= set(entry["implements"])
    assert relation_keys(document, "amends") >= set(entry["amends"])


def relation_keys(document: Any, predicate: str) -> set[str]:
    return {r.object for r in document.relations if r.subject == SELF and r.predicate == predicate}
