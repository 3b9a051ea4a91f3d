"""Tests of bench/run.py: option checking and reusing a store's saved ingest result."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

import bench.run as run


def options(**changes: Any) -> argparse.Namespace:
    defaults = {"reuse_store": False, "jobs": 1, "ingest_limit": None, "timeout": 10.0}
    return argparse.Namespace(**{**defaults, **changes})


@pytest.mark.parametrize("skip", ["bogus", "html,bogus"])
def test_unknown_skip_block_is_refused(skip: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        run.main(["--sizes", "200", "--skip", skip])
    assert stopped.value.code == 2


@pytest.mark.parametrize(
    ("reuse", "exists", "ingested"), [(True, True, False), (True, False, True), (False, True, True)]
)
def test_reuse_store_skips_the_ingest_only_when_store_and_result_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reuse: bool, exists: bool, ingested: bool
) -> None:
    calls: list[dict[str, Any]] = []

    def child(task: str, args: dict[str, Any], timeout: float) -> dict[str, Any]:
        calls.append(args)
        return {"s": 1.0, "fresh": True}

    monkeypatch.setattr(run, "child", child)
    if exists:
        (tmp_path / "store-5").mkdir()
        (tmp_path / "ingest-5.json").write_text(json.dumps({"s": 9.0}))
    result = run.ingest(tmp_path, tmp_path / "corpus", 5, options(reuse_store=reuse, ingest_limit=3))
    assert bool(calls) is ingested
    assert result.get("reused", False) is not ingested
    if ingested:
        assert calls[0]["limit"] == 3
        assert json.loads((tmp_path / "ingest-5.json").read_text()) == {"s": 1.0, "fresh": True}


def test_remove_store_deletes_its_sidecars_only(tmp_path: Path) -> None:
    (tmp_path / "store-5").mkdir()
    for name in ("store-5.lineage.sqlite", "store-5.lineage.sqlite.lock", "store-50.lineage.sqlite"):
        (tmp_path / name).write_text("")
    run.remove_store(tmp_path / "store-5")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store-50.lineage.sqlite"]
