"""Tests for loaders.contract: the extract --format json contract, and the seed scores."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from loaders.contract import to_contract
from loaders.models import NATIONAL, Agency, Deadline, Span, Target, Task
from loaders.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CONTRACT_KEYS = [
    "source",
    "iri",
    "number",
    "symbol",
    "doc_type",
    "issuer",
    "jurisdiction",
    "place",
    "date",
    "title",
    "signer",
    "signer_position",
    "signer_capacity",
    "recipients",
    "implements",
    "amends",
    "based_on",
    "cites",
    "relations",
    "referenced_documents",
    "assignments",
    "targets",
]
THRESHOLDS = {"meta": 0.95, "refs": 0.95, "rels": 0.90, "refmeta": 0.90}


def test_contract_keys_and_values() -> None:
    out = to_contract(parse_file(FIXTURES / "quyet_dinh_ubnd.txt"))
    assert list(out)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert out["iri"] == "https://w3id.org/policykg/eli/vn-bac-giang/ubnd/qd/2024/03/15/1234"
    assert (out["number"], out["symbol"], out["doc_type"]) == ("1234/QĐ-UBND", "QĐ-UBND", "Quyết định")
    assert (out["date"], out["place"], out["signer"]) == ("2024-03-15", "Bắc Giang", "Nguyễn Văn Bình")
    assert out["based_on"] == [
        "Luật Tổ chức chính quyền địa phương 2015",
        "27/2023/QH15",
        "100/2024/NĐ-CP",
        "05/2024/TT-BXD",
    ]
    assert out["replaces"] == ["567/QĐ-UBND"] and out["repeals"] == ["89/2019/QĐ-UBND"]
    cites = out["cites"]
    assert isinstance(cites, list)
    assert "567/QĐ-UBND" in cites and "100/2024/NĐ-CP" not in cites
    docs = {d["key"]: d for d in out["referenced_documents"]}  # type: ignore[attr-defined]
    assert docs["100/2024/NĐ-CP"] == {
        "key": "100/2024/NĐ-CP",
        "number": "100/2024/NĐ-CP",
        "doc_type": "Nghị định",
        "date": "2024-07-26",
        "issuer": "Chính phủ",
        "title": None,
        "iri": "https://w3id.org/policykg/eli/vn/cp/nd/2024/07/26/100",
        "kind": "numbered",
        "mentions": 1,
    }
    json.dumps(out, ensure_ascii=False)


def test_relations_between_documents_are_listed() -> None:
    out = to_contract(parse_file(FIXTURES / "chi_thi_ttg.md"))
    assert out["implements"] == ["42-NQ/TW", "34-CT/TW"]
    assert out["jurisdiction"] == "Việt Nam"


def test_assignments_and_targets_mapping() -> None:
    doc = parse_file(FIXTURES / "chi_thi_tinh_uy.txt")
    lead = Agency("Ban Tuyên giáo Tỉnh ủy", "ban tuyên giáo tỉnh ủy", NATIONAL)
    partner = Agency("Sở Thông tin và Truyền thông", "sở thông tin và truyền thông", NATIONAL)
    boss = Agency("Ban Thường vụ Tỉnh ủy", "ban thường vụ tỉnh ủy", NATIONAL)
    task = Task(
        "2-1",
        "hướng dẫn thực hiện Chỉ thị này",
        Span(0, 5, doc.text[:5]),
        lead,
        (partner,),
        (boss,),
        Deadline("hằng năm", "recurring", recurrence="P1Y"),
    )
    target = Target(1000.0, "căn", Span(0, 5, doc.text[:5]), period="2026-2030", source_key="338/QĐ-TTg")
    out = to_contract(replace(doc, tasks=(task,), targets=(target,)))
    assert [(a["agency"], a["role"], a["deadline"]) for a in out["assignments"]] == [  # type: ignore[attr-defined]
        ("Ban Tuyên giáo Tỉnh ủy", "assignee", "hằng năm"),
        ("Sở Thông tin và Truyền thông", "partner", "hằng năm"),
        ("Ban Thường vụ Tỉnh ủy", "report_to", "hằng năm"),
    ]
    assert out["targets"] == [
        {
            "quantity": 1000.0,
            "quantity_max": None,
            "unit": "căn",
            "period": "2026-2030",
            "scope": None,
            "span": [0, 5],
            "source": "338/QĐ-TTg",
        }
    ]


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "score_extract.py"
    spec = importlib.util.spec_from_file_location("score_extract", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_scores_meet_the_thresholds() -> None:
    gold_dir = SHARED / "seeds" / "gold"
    if not (gold_dir.is_dir() and (SHARED / "tools" / "score_extract.py").is_file()):
        pytest.skip("seed documents and scorer not present")
    scorer = _scorer()
    tallies = {k: scorer.Tally() for k in ("meta", "refs", "rels", "refmeta", "assign", "targets")}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        text_path = SHARED / "seeds" / gold_path.name.replace(".gold.json", ".txt")
        pred = json.loads(json.dumps(to_contract(parse_file(text_path)), ensure_ascii=False))
        scorer.score_doc(json.loads(gold_path.read_text(encoding="utf-8")), pred, tallies, False)
    scores = {k: tallies[k].f1() for k in THRESHOLDS}
    assert all(scores[k] >= v for k, v in THRESHOLDS.items()), scores


FORMS = FIXTURES / "forms"
FORM_KEYS: tuple[str, ...] = (
    "number",
    "doc_type",
    "issuer",
    "jurisdiction",
    "date",
    "title",
    "signer",
    "implements",
    "amends",
    "based_on",
    "cites",
)


def _facts(out: dict[str, object], optional: Iterable[str] = ()) -> dict[str, object]:
    """The compared facts; ``optional`` adds "assignments" and "targets" (for fixtures that list them)."""
    facts = {k: out[k] for k in FORM_KEYS}
    facts["relations"] = [[r["subject"], r["predicate"], r["object"]] for r in out["relations"]]  # type: ignore[attr-defined]
    facts["referenced_documents"] = [
        [d["key"], d["doc_type"], d["date"], d["issuer"]]
        for d in out["referenced_documents"]  # type: ignore[attr-defined]
    ]
    if "assignments" in optional:
        facts["assignments"] = [[a["task_id"], a["agency"], a["role"]] for a in out["assignments"]]  # type: ignore[attr-defined]
    if "targets" in optional:
        facts["targets"] = [[t["quantity"], t["unit"], t["period"], t["scope"]] for t in out["targets"]]  # type: ignore[attr-defined]
    return facts


@pytest.mark.parametrize(
    "expected",
    sorted(FORMS.glob("*.expected.json")),
    ids=lambda p: p.name.removesuffix(".expected.json"),
)
def test_document_forms_give_their_expected_facts(expected: Path) -> None:
    """Two-column headers (pipe tables, space runs), Công văn, Party commune and notice forms, self relations."""
    source = next(p for p in FORMS.glob(expected.name.replace(".expected.json", ".*")) if p != expected)
    facts = json.loads(expected.read_text(encoding="utf-8"))
    assert _facts(to_contract(parse_file(source)), facts) == facts


def test_forms_cover_each_header_layout() -> None:
    suffixes = {p.suffix for p in FORMS.iterdir() if not p.name.endswith(".json")}
    assert suffixes == {".md", ".txt"}
    assert len(list(FORMS.glob("*.expected.json"))) >= 8


@pytest.mark.parametrize(
    ("header", "own"),
    [
        ("Số: 1402/QĐ-UBND\nQuảng Trị, ngày 02 tháng 6 năm 2025\n", "1402/QĐ-UBND"),
        ("Số: /KH-UBND\nHà Bắc, ngày   tháng 5 năm 2026\n", "/KH-UBND 2026-05"),
        ("Số: /KH-UBND\n", "/KH-UBND"),
    ],
)
def test_self_relations_use_the_own_key_as_subject(tmp_path: Path, header: str, own: str) -> None:
    body = "KẾ HOẠCH\nVề việc phát triển nhà ở\n\nI. NỘI DUNG\n1. Kế hoạch này thay thế Kế hoạch số 15/KH-UBND ngày 02/01/2020.\n"
    path = tmp_path / "doc.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n" + header + "\n" + body, encoding="utf-8")
    out = to_contract(parse_file(path))
    assert out["replaces"] == ["15/KH-UBND"]
    assert [(r["subject"], r["predicate"], r["object"]) for r in out["relations"]] == [  # type: ignore[attr-defined]
        (own, "replaces", "15/KH-UBND")
    ]


SCORED = FIXTURES.parent / "scored"
SCORED_THRESHOLD = 0.9


def test_own_scored_documents_meet_the_thresholds() -> None:
    """Twenty documents written for policykg in forms the seeds lack, with gold facts, scored as the seeds are.

    They were held out while the extraction rules were written and are kept as a regression set.
    """
    if not (SHARED / "tools" / "score_extract.py").is_file():
        pytest.skip("scorer not present")
    scorer = _scorer()
    tallies = {k: scorer.Tally() for k in ("meta", "refs", "rels", "refmeta", "assign", "targets")}
    golds = sorted((SCORED / "gold").glob("*.gold.json"))
    assert len(golds) == 20
    for gold_path in golds:
        text_path = SCORED / gold_path.name.replace(".gold.json", ".txt")
        pred = json.loads(json.dumps(to_contract(parse_file(text_path)), ensure_ascii=False))
        scorer.score_doc(json.loads(gold_path.read_text(encoding="utf-8")), pred, tallies, False)
    scores = {k: round(t.f1(), 3) for k, t in tallies.items()}
    assert all(v >= SCORED_THRESHOLD for v in scores.values()), scores
