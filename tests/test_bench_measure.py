"""Tests of bench/measure.py: the regex-scan ceiling, the task registry, the extraction stages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.generate import write_corpus
from bench.measure import REFERENCE_GRAMMAR, TASKS, pattern_regexes, reference_grammar, task, task_extract


def test_ceiling_is_the_reference_grammar_of_the_references_patterns() -> None:
    import loaders.patterns.references as references

    grammar = reference_grammar()
    assert [rx.pattern for rx in grammar] == [getattr(references, name).pattern for name in REFERENCE_GRAMMAR]
    assert all(isinstance(rx, re.Pattern) for rx in grammar)
    assert len(pattern_regexes()) > len(grammar)


@pytest.mark.parametrize("name", sorted(TASKS))
def test_every_task_resolves_to_a_function(name: str) -> None:
    assert callable(task(name))


def test_extraction_is_reported_against_the_ceiling(tmp_path: Path) -> None:
    write_corpus(3, 1, tmp_path)
    files = sorted(str(p) for p in (tmp_path / "docs").rglob("*.txt"))
    result = task_extract({"files": files})
    stages = list(result["stages"])
    assert stages[0].startswith("scan: reference grammar") and stages[0].endswith("= ceiling")
    assert result["stages"][stages[0]]["vs_ceiling"] == 1.0
    assert result["extract_vs_ceiling"] == result["stages"]["parse+build"]["vs_ceiling"]
    assert result["documents"] == 3 and result["triples"] > 0
