"""Write a deterministic synthetic corpus of policy documents, with a manifest of expected facts.

Usage::

    python bench/generate.py --docs 10000 --seed 1 --out bench/out/c1e4

writes ``OUT/docs/NNNN/dNNNNNNN.txt`` (1,000 files a folder), ``OUT/manifest.jsonl``
(one line per document: number, type, issuer, jurisdiction, expected
implements/amends/approves edges as keys *and* file ids, assignments, targets)
and ``OUT/summary.json``. Documents are streamed to disk one at a time, so
memory stays flat from 10^2 to 10^6 documents. The same seed gives the same
bytes, and a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus_plan import DocSpec, plan_corpus
from bench.corpus_render import issued_iso, render

FILES_PER_FOLDER = 1_000


def manifest_entry(spec: DocSpec, path: str) -> dict[str, Any]:
    """The facts a correct extraction must find in the document ``spec`` renders."""
    assignments: list[dict[str, str]] = []
    for item in spec.assignments:
        assignments.append({"agency": item.agency, "role": "assignee", "layout": item.layout})
        assignments += [{"agency": p, "role": "partner", "layout": item.layout} for p in item.partners]
    return {
        "id": spec.file_id,
        "path": path,
        "kind": spec.kind,
        "level": spec.level,
        "layout": "markdown" if spec.markdown else spec.family,
        "wrapped": spec.wrapped,
        "number": spec.number,
        "symbol": spec.symbol,
        "doc_type": spec.doc_type,
        "issuer": spec.issuer,
        "jurisdiction": spec.jurisdiction,
        "date": issued_iso(spec),
        "implements": [ref.key for ref in spec.implements],
        "implements_ids": [ref.file_id for ref in spec.implements],
        "amends": [spec.amends.key] if spec.amends else [],
        "amends_ids": [spec.amends.file_id] if spec.amends else [],
        "approves": [spec.approves] if spec.approves else [],
        "based_on": list(spec.based_on),
        "assignments": assignments,
        "targets": [{"quantity": t.quantity, "unit": t.unit} for t in spec.targets],
    }


def iter_documents(n_docs: int, seed: int) -> Iterator[tuple[DocSpec, str]]:
    """``(spec, text)`` for each document of the corpus, in order."""
    for spec in plan_corpus(n_docs, seed):
        yield spec, render(spec)


def relative_path(spec: DocSpec) -> str:
    return f"docs/{spec.index // FILES_PER_FOLDER:04d}/{spec.file_id}.txt"


def write_corpus(n_docs: int, seed: int, out: Path) -> dict[str, Any]:
    """Write the corpus under ``out`` and return the summary (also written to ``summary.json``)."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    edges: Counter[str] = Counter()
    total_bytes = 0
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for spec, text in iter_documents(n_docs, seed):
            rel = relative_path(spec)
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            total_bytes += len(data)
            entry = manifest_entry(spec, rel)
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
            kinds[spec.kind] += 1
            edges["implements"] += len(entry["implements"])
            edges["amends"] += len(entry["amends"])
            edges["assignments"] += len(entry["assignments"])
    summary = {
        "documents": n_docs,
        "seed": seed,
        "bytes": total_bytes,
        "mean_bytes": round(total_bytes / max(n_docs, 1)),
        "kinds": dict(kinds),
        "edges": dict(edges),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / "summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return summary


def read_manifest(out: Path) -> Iterator[dict[str, Any]]:
    """The manifest entries of a generated corpus, streamed."""
    with (out / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for line in manifest:
            yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents (10^2 ... 10^6)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    summary = write_corpus(args.docs, args.seed, args.out)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
