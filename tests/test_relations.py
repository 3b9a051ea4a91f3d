"""Tests for loaders.relations: self relations by scope and cue, statements between other documents."""

from __future__ import annotations

import pytest

from loaders.layout import segment
from loaders.models import NATIONAL, SELF, Relation
from loaders.references import extract_references
from loaders.relations import extract_relations, self_relations

PLAN = """Số: /KH-UBND

Tân Phú, ngày tháng 4 năm 2026

KẾ HOẠCH
{title}

{preamble}

I. MỤC ĐÍCH

{body}

II. TỔ CHỨC THỰC HIỆN

1. Phòng Kinh tế

- {task}

Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Văn Tám
"""


def relations(
    title: str = "Về việc thử nghiệm",
    preamble: str = "Ủy ban nhân dân xã ban hành kế hoạch:",
    body: str = "Nội dung.",
    task: str = "Rà soát quỹ đất.",
) -> tuple[Relation, ...]:
    text = PLAN.format(title=title, preamble=preamble, body=body, task=task)
    layout = segment(text)
    refs, mentions, keys = extract_references(text, layout, NATIONAL)
    rels = extract_relations(text, layout, mentions, keys, refs)
    for r in rels:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.quote
    return rels


def own(rels: tuple[Relation, ...]) -> dict[str, str]:
    return {r.object: r.predicate for r in rels if r.subject == SELF}


def between(rels: tuple[Relation, ...]) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in rels if r.subject != SELF}


@pytest.mark.parametrize(
    ("title", "preamble", "expected"),
    [
        (
            "Về việc triển khai thực hiện Nghị quyết số 02-NQ/TU của Thành ủy",
            "Ủy ban nhân dân xã ban hành:",
            {"02-NQ/TU": "implements"},
        ),
        (
            "Về việc thử nghiệm",
            "Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư về nhà ở; Nghị quyết số "
            "94-NQ/TU ngày 26/8/2024 của Ban Thường vụ Tỉnh ủy về nhà ở, Ủy ban nhân dân xã ban hành kế hoạch:",
            {"34-CT/TW": "implements", "94-NQ/TU": "implements"},
        ),
        (
            "Cụ thể hóa Chương trình hành động số 15-CTr/TU của Tỉnh ủy",
            "Ủy ban nhân dân xã ban hành:",
            {"15-CTr/TU": "implements"},
        ),
        (
            "Về việc thử nghiệm",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\nCăn cứ các chính "
            "sách hiện hành, Ủy ban nhân dân xã ban hành:",
            {"30/2020/NĐ-CP": "based_on"},
        ),
        (
            "Sửa đổi, bổ sung một số điều của Kế hoạch số 12/KH-UBND ngày 3/1/2025",
            "Ủy ban nhân dân xã ban hành:",
            {"12/KH-UBND": "amends"},
        ),
        (
            "Về việc thử nghiệm",
            "Ủy ban nhân dân xã ban hành kế hoạch phù hợp với Luật Nhà ở năm 2023:",
            {"Luật Nhà ở 2023": "cites"},
        ),
    ],
)
def test_self_relations_in_the_lead(title: str, preamble: str, expected: dict[str, str]) -> None:
    assert own(relations(title=title, preamble=preamble)) == expected


def test_task_objects_are_cited_not_implemented() -> None:
    rels = relations(
        task="Tuyên truyền, triển khai thực hiện Nghị quyết số 33/NQ-CP ngày 11/3/2023 của Chính phủ."
    )
    assert own(rels) == {"33/NQ-CP": "cites"}


def test_a_document_mentioned_everywhere_keeps_its_strongest_relation() -> None:
    rels = relations(
        title="Về việc triển khai Nghị quyết số 02-NQ/TU ngày 10/12/2025 của Thành ủy",
        task="Tuyên truyền Nghị quyết số 02-NQ/TU.",
    )
    assert own(rels) == {"02-NQ/TU": "implements"}
    assert self_relations(rels, "implements") == ["02-NQ/TU"]


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "Thực hiện Nghị quyết số 02-NQ/TU ngày 10/12/2025 của Thành ủy về sửa đổi, bổ sung một số điều của "
            "Nghị quyết 09-NQ/TU ngày 13/11/2023 về nhà ở.",
            ("02-NQ/TU", "amends", "09-NQ/TU"),
        ),
        (
            "Thực hiện Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ phê duyệt Đề án “Phát triển "
            "nhà ở xã hội”.",
            ("338/QĐ-TTg", "approves", "Đề án Phát triển nhà ở xã hội"),
        ),
        (
            "Triển khai Đề án “Phát triển nhà ở xã hội” được phê duyệt tại Quyết định số 338/QĐ-TTg ngày 03/4/2023.",
            ("338/QĐ-TTg", "approves", "Đề án Phát triển nhà ở xã hội"),
        ),
        (
            "Thực hiện Thông tư số 05/2024/TT-BXD hướng dẫn thi hành Nghị định số 100/2024/NĐ-CP.",
            ("05/2024/TT-BXD", "guides", "100/2024/NĐ-CP"),
        ),
        (
            "Thực hiện Quyết định số 12/2024/QĐ-UBND thay thế Quyết định số 08/2019/QĐ-UBND.",
            ("12/2024/QĐ-UBND", "replaces", "08/2019/QĐ-UBND"),
        ),
        (
            "gắn với Nghị quyết số 02-NQ/TU ngày 05/3/2021 của Tỉnh ủy, đã được sửa đổi, bổ sung tại Nghị quyết số "
            "07-NQ/TU ngày 12/7/2024.",
            ("07-NQ/TU", "amends", "02-NQ/TU"),
        ),
        (
            "Thực hiện Kế hoạch số 97-KH/HU ngày 20/11/2024 của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch số "
            "215-KH/TU của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân huyện xây dựng kế hoạch:",
            ("97-KH/HU", "implements", "215-KH/TU"),
        ),
    ],
)
def test_statements_between_other_documents(sentence: str, statement: tuple[str, str, str]) -> None:
    assert statement in between(relations(preamble=sentence))


def test_no_statement_across_a_clause_break() -> None:
    rels = relations(body="Thực hiện Nghị định số 100/2024/NĐ-CP; hướng dẫn thi hành Luật Nhà ở năm 2023.")
    assert between(rels) == set()


def test_approved_document_of_an_implemented_decision_is_implemented() -> None:
    rels = relations(
        preamble="Thực hiện Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ phê duyệt "
        "Đề án “Phát triển nhà ở xã hội”, Ủy ban nhân dân xã ban hành:"
    )
    assert own(rels) == {"338/QĐ-TTg": "implements", "Đề án Phát triển nhà ở xã hội": "implements"}


DECISION = """Số: 20/2024/QĐ-UBND

QUYẾT ĐỊNH
Ban hành Quy chế quản lý nhà ở xã hội

Căn cứ Luật Nhà ở số 27/2023/QH15 ngày 27 tháng 11 năm 2023;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nhà ở xã hội.

Điều 2. Quyết định này thay thế Quyết định số 08/2019/QĐ-UBND ngày 02/4/2019. Bãi bỏ Quyết định số 15/2020/QĐ-UBND.

Điều 3. Sửa đổi, bổ sung Điều 5 Quyết định số 30/2021/QĐ-UBND./.
"""


def test_decision_articles_replace_repeal_and_amend() -> None:
    layout = segment(DECISION)
    refs, mentions, keys = extract_references(DECISION, layout, NATIONAL)
    assert own(extract_relations(DECISION, layout, mentions, keys, refs)) == {
        "27/2023/QH15": "based_on",
        "08/2019/QĐ-UBND": "replaces",
        "15/2020/QĐ-UBND": "repeals",
        "30/2021/QĐ-UBND": "amends",
    }


def test_cong_van_lead_is_its_first_paragraph() -> None:
    text = (
        "UBND TỈNH LONG AN\nSỞ XÂY DỰNG\nSố: 45/SXD-QLN\nV/v triển khai nhà ở xã hội\n\n"
        "Kính gửi: Ủy ban nhân dân các huyện.\n\n"
        "Thực hiện Công văn số 3/BXD-QLN ngày 2/1/2024 của Bộ Xây dựng, Sở Xây dựng đề nghị như sau:\n\n"
        "Các huyện triển khai thực hiện Nghị định số 100/2024/NĐ-CP ngày 26/7/2024 của Chính phủ./.\n"
    )
    layout = segment(text)
    refs, mentions, keys = extract_references(text, layout, NATIONAL)
    assert own(extract_relations(text, layout, mentions, keys, refs)) == {
        "3/BXD-QLN": "implements",
        "100/2024/NĐ-CP": "cites",
    }


def test_a_plan_described_as_implementing_another_is_not_implemented_directly() -> None:
    rels = relations(
        preamble="Thực hiện Kế hoạch số 97-KH/HU ngày 20/11/2024 của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch số "
        "215-KH/TU của Ban Thường vụ Tỉnh ủy; gắn với Nghị quyết số 02-NQ/TU của Tỉnh ủy, Ủy ban nhân dân xã ban hành:"
    )
    assert own(rels) == {"97-KH/HU": "implements", "215-KH/TU": "cites", "02-NQ/TU": "cites"}
