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
        (
            "Về tình hình triển khai Nghị quyết số 12-NQ/HU ngày 3/3/2023 của Huyện ủy",
            "Ủy ban nhân dân xã ban hành:",
            {"12-NQ/HU": "cites"},
        ),
        (
            "Về việc thử nghiệm",
            "Để đánh giá kết quả thực hiện Chỉ thị số 05-CT/TU của Tỉnh ủy, Ủy ban nhân dân xã ban hành:",
            {"05-CT/TU": "cites"},
        ),
        (
            "Sơ kết 5 năm thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương",
            "Ủy ban nhân dân xã ban hành:",
            {"21-KL/TW": "cites"},
        ),
        (
            "Về việc tổng kết việc thực hiện Chỉ thị số 05-CT/TU",
            "Ủy ban nhân dân xã ban hành:",
            {"05-CT/TU": "cites"},
        ),
        (
            "Về việc tiếp tục triển khai thực hiện Chỉ thị số 05-CT/TU",
            "Ủy ban nhân dân xã ban hành:",
            {"05-CT/TU": "implements"},
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
        (  # a reference described as issuing a programme that implements the next one
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 03/NQ-CP, ngày "
            "09/01/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số "
            "57-NQ/TW, Ủy ban nhân dân xã ban hành kế hoạch:",
            ("03/NQ-CP", "implements", "57-NQ/TW"),
        ),
        (
            "Căn cứ Quyết định số 21/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh về Kế hoạch hành động "
            "triển khai Chỉ thị số 45-CT/TW, Ủy ban nhân dân xã ban hành kế hoạch:",
            ("21/QĐ-UBND", "implements", "45-CT/TW"),
        ),
    ],
)
def test_statements_between_other_documents(sentence: str, statement: tuple[str, str, str]) -> None:
    assert statement in between(relations(preamble=sentence))


def test_both_references_of_a_described_programme_stay_based_on() -> None:
    rels = relations(
        preamble="Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 03/NQ-CP ngày "
        "09/01/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW, "
        "Ủy ban nhân dân xã ban hành kế hoạch:"
    )
    assert own(rels) == {"57-NQ/TW": "based_on", "03/NQ-CP": "based_on"}


@pytest.mark.parametrize(
    "sentence",
    [
        # "và" before the cue starts another subject: the programme is not the reference's description
        "Căn cứ Nghị quyết số 03/NQ-CP của Chính phủ và Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện "
        "Nghị quyết số 57-NQ/TW, Ủy ban nhân dân xã ban hành kế hoạch:",
        # the description must end on the implementing verb
        "Căn cứ Nghị quyết số 03/NQ-CP của Chính phủ ban hành Chương trình thực hiện đột phá theo "
        "Nghị quyết số 57-NQ/TW, Ủy ban nhân dân xã ban hành kế hoạch:",
    ],
)
def test_no_implements_statement_without_a_described_programme(sentence: str) -> None:
    assert ("03/NQ-CP", "implements", "57-NQ/TW") not in between(relations(preamble=sentence))


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


def test_what_an_implemented_plan_implements_is_implemented_too() -> None:
    rels = relations(
        preamble="Thực hiện Kế hoạch số 97-KH/HU ngày 20/11/2024 của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch số "
        "215-KH/TU của Ban Thường vụ Tỉnh ủy; gắn với Nghị quyết số 02-NQ/TU của Tỉnh ủy, Ủy ban nhân dân xã ban hành:"
    )
    assert own(rels) == {"97-KH/HU": "implements", "215-KH/TU": "implements", "02-NQ/TU": "cites"}
    assert ("97-KH/HU", "implements", "215-KH/TU") in between(rels)


@pytest.mark.parametrize(
    ("preamble", "expected_own", "expected_between"),
    [
        (  # the item after ";" takes the label of the list, not the statement inside the previous item
            "Thực hiện Kết luận số 70-KL/TW ngày 31/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số "
            "20-NQ/TW; Chương trình hành động số 15-CTHĐ/TU ngày 12/3/2025 của Tỉnh ủy, Đảng ủy xã ban hành:",
            {"70-KL/TW": "implements", "20-NQ/TW": "implements", "15-CTHĐ/TU": "implements"},
            {("70-KL/TW", "implements", "20-NQ/TW")},
        ),
        (  # "quy định chi tiết … thi hành" between two other documents: guides; the object is only cited
            "Ngày 10/7/2025, Chính phủ ban hành Nghị định số 205/2025/NĐ-CP quy định chi tiết một số điều và biện pháp "
            "thi hành Nghị quyết số 198/2025/QH15 của Quốc hội. Ủy ban nhân dân tỉnh đề nghị:",
            {"205/2025/NĐ-CP": "cites", "198/2025/QH15": "cites"},
            {("205/2025/NĐ-CP", "guides", "198/2025/QH15")},
        ),
        (  # every ";" item of a Căn cứ paragraph is based_on; the amending one also amends
            "Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15/3/2024 của Chính phủ; Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 "
            "của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 68/2017/NĐ-CP ngày 25/5/2017;",
            {"32/2024/NĐ-CP": "based_on", "66/2021/NĐ-CP": "based_on", "68/2017/NĐ-CP": "cites"},
            {("66/2021/NĐ-CP", "amends", "68/2017/NĐ-CP")},
        ),
        (  # the previous item's own description ("về thực hiện …") gives no cue to the next item
            "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa; Nghị định "
            "số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP;",
            {"61/2018/NĐ-CP": "based_on", "107/2021/NĐ-CP": "based_on"},
            {("107/2021/NĐ-CP", "amends", "61/2018/NĐ-CP")},
        ),
    ],
)
def test_lead_lists_and_statements_between_documents(
    preamble: str, expected_own: dict[str, str], expected_between: set[tuple[str, str, str]]
) -> None:
    rels = relations(preamble=preamble)
    assert own(rels) == expected_own
    assert between(rels) == expected_between


@pytest.mark.parametrize(
    ("body", "expected_own", "expected_between"),
    [
        (
            "Kế hoạch này có hiệu lực từ ngày ký; Kế hoạch số 15/KH-UBND ngày 02/01/2020 của UBND tỉnh hết hiệu lực.",
            {"15/KH-UBND": "repeals"},
            set(),
        ),
        (
            "Kế hoạch này có hiệu lực từ ngày ký và bãi bỏ Kế hoạch số 15/KH-UBND ngày 02/01/2020.",
            {"15/KH-UBND": "repeals"},
            set(),
        ),
        (  # a statement between two other documents, not about this one
            "Kế hoạch này nêu rõ Quyết định số 15/QĐ-UBND được thay thế bằng Quyết định số 20/QĐ-UBND.",
            {"15/QĐ-UBND": "cites", "20/QĐ-UBND": "cites"},
            {("20/QĐ-UBND", "replaces", "15/QĐ-UBND")},
        ),
        (  # not a sentence about this document
            "Quyết định số 9/QĐ-UBND ngày 02/01/2019 đã hết hiệu lực.",
            {"9/QĐ-UBND": "cites"},
            set(),
        ),
    ],
)
def test_self_changes_with_the_cue_after_the_reference(
    body: str, expected_own: dict[str, str], expected_between: set[tuple[str, str, str]]
) -> None:
    rels = relations(body=body)
    assert own(rels) == expected_own
    assert between(rels) == expected_between


@pytest.mark.parametrize(
    ("note", "approves"),
    [
        ("(Ban hành kèm theo Quyết định số 815/QĐ-UBND ngày 12/9/2025 của Ủy ban nhân dân xã)", True),
        ("(Kèm theo Quyết định số 815/QĐ-UBND ngày 12/9/2025)", True),
        ("Căn cứ Quyết định số 815/QĐ-UBND ngày 12/9/2025 của Ủy ban nhân dân xã;", False),
    ],
)
def test_the_decision_an_attached_plan_is_issued_with_approves_it(note: str, approves: bool) -> None:
    rels = relations(title=f"Về việc thử nghiệm\n{note}")
    assert (("815/QĐ-UBND", "approves", SELF) in between(rels)) is approves
    assert own(rels)["815/QĐ-UBND"] in ({"cites"} if approves else {"based_on"})
    assert "815/QĐ-UBND" not in self_relations(rels, "implements")
