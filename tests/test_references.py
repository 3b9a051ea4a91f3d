"""Tests for loaders.references: the reference grammar and mention finding (research-extraction §2)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.contract import to_contract
from loaders.layout import segment
from loaders.models import AdminUnit, Jurisdiction, PartialDate, Reference, SourceText
from loaders.parse import parse_text
from loaders.patterns import references as pr
from loaders.references import extract_references, title_key

LONG_AN = Jurisdiction((AdminUnit("province", "tỉnh", "Long An", "80"),))


def refs(text: str, jurisdiction: Jurisdiction = LONG_AN) -> dict[str, Reference]:
    found, _, _ = extract_references(text, segment(text), jurisdiction)
    return {r.key: r for r in found}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Căn cứ Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            ["30/2020/NĐ-CP"],
        ),
        ("theo quy định tại khoản 2 Điều 3 Nghị định số 100/2015/NĐ-CP,", ["100/2015/NĐ-CP"]),
        ("Quyết định số 1206 /QĐ-HVTC ngày 09/12/2013", ["1206/QĐ-HVTC"]),
        ("đã có quyết định số 82/2005-QĐ-UBND ngày 12/7/2005", ["82/2005/QĐ-UBND"]),
        ("Văn bản số 1234/UBND-KT ngày 5/6/2024 của UBND tỉnh", ["1234/UBND-KT"]),
        ("Công điện số 12/CĐ-TTg ngày 3/2/2024 của Thủ tướng Chính phủ", ["12/CĐ-TTg"]),
        ("Nghị quyết liên tịch số 09/2008/NQLT-BCA-VKSNDTC-TANDTC", ["09/2008/NQLT-BCA-VKSNDTC-TANDTC"]),
        ("Kế hoạch số 57-KH/ĐUTT ngày 20 tháng 6 năm 2016 của Đảng ủy Trung tâm", ["57-KH/ĐUTT"]),
        ("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", ["08-QĐi/TW"]),
        ("Chương trình hành động số 147-CTHĐ/TU ngày 09/5/2019 của Tỉnh ủy", ["147-CTHĐ/TU"]),
        ("Quyết định này thay thế Quyết định số 1836 QĐ/TWĐTN ngày 23/6/2006", ["1836-QĐ/TWĐTN"]),
        ("thực hiện Nghị quyết số 02 - NQ/TU của Thành ủy", ["02-NQ/TU"]),
        (
            "phù hợp với Luật Đất đai 2024 và Bộ luật Lao động năm 2019",
            ["Luật Đất đai 2024", "Bộ luật Lao động 2019"],
        ),
        ("Căn cứ Luật Nhà ở số 27/2023/QH15 ngày 27 tháng 11 năm 2023;", ["27/2023/QH15"]),
        ("các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW", ["18-NQ/TW", "19-NQ/TW", "20-NQ/TW"]),
        ("Quyết định của Bộ Chính trị số 31-QĐ/TW ngày 01-10-1997", ["31-QĐ/TW"]),
        (
            "triển khai Đề án “Phát triển nhà ở cho công nhân khu công nghiệp” trên địa bàn",
            ["Đề án Phát triển nhà ở cho công nhân khu công nghiệp"],
        ),
        ("Luật sư Nguyễn Văn A cho biết", []),
        ("giai đoạn 2021-2030, quý II/2026, ngày 26/8/2024, 2.440 căn, Điều 5, 20% quỹ đất", []),
        ("Kế hoạch này được triển khai đến từng xã", []),
        ("xây dựng Kế hoạch 2025 và Chương trình 135 của Chính phủ", ["Chương trình 135"]),
        ("- Căn cứ Điều lệ Đảng;\n- Căn cứ Quy định số 232-QĐ/TW", ["232-QĐ/TW"]),
        ("Căn cứ Luật Phòng, chống thiên tai năm 2013;", ["Luật Phòng, chống thiên tai 2013"]),
        (
            "theo Luật Phòng, chống tham nhũng ngày 20/11/2018 và Luật Phòng, chống ma túy năm 2021",
            ["Luật Phòng, chống tham nhũng 2018", "Luật Phòng, chống ma túy 2021"],
        ),
        (
            "Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025",
            ["Luật Khoa học, công nghệ và đổi mới sáng tạo 2025"],
        ),
        ("theo Luật Đất đai, các quy định hiện hành năm 2024", []),
        ("Căn cứ Luật Phòng, chống thiên tai;", []),
        (
            "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Quy hoạch ngày 29/11/2024;",
            ["Luật Sửa đổi, bổ sung một số điều của Luật Quy hoạch 2024"],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu ngày 29/11/2024;",
            ["Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu 2024"],
        ),
        (
            "theo Luật Đất đai, Luật Nhà ở năm 2023 và Luật Xây dựng 2014",
            ["Luật Nhà ở 2023", "Luật Xây dựng 2014"],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch và Luật Đầu tư ngày 29 tháng 11 năm 2024;",
            ["Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch và Luật Đầu tư 2024"],
        ),
    ],
)
def test_reference_keys(text: str, keys: list[str]) -> None:
    assert list(refs(text)) == keys


def test_metadata_of_a_full_reference() -> None:
    ref = refs(
        "Thực hiện Chỉ thị số 34-CT/TW, ngày 24/5/2024 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng."
    )["34-CT/TW"]
    assert (ref.kind, ref.doc_type, ref.number, ref.symbol) == ("numbered", "Chỉ thị", "34-CT/TW", "CT/TW")
    assert ref.date == PartialDate(2024, 5, 24)
    assert ref.issuer == "Ban Bí thư"
    assert ref.title == "tăng cường sự lãnh đạo của Đảng"


def test_issuer_phrase_stops_at_verbs_and_keeps_compound_names() -> None:
    found = refs(
        "theo Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP ngày 06/5/2005 của Bộ Nội vụ - Văn phòng Chính phủ "
        "hướng dẫn thể thức; Kết luận số 160-KL/TW ngày 31/5/2025 của Bộ Chính trị đến cán bộ."
    )
    assert found["55/2005/TTLT-BNV-VPCP"].issuer == "Bộ Nội vụ - Văn phòng Chính phủ"
    assert found["160-KL/TW"].issuer == "Bộ Chính trị"


def test_mentions_are_merged_and_missing_parts_filled() -> None:
    text = (
        "Thực hiện Nghị quyết số 07-NQ/TU ngày 15/4/2024 của Ban Thường vụ Tỉnh ủy. "
        "Quán triệt Nghị quyết số 07-NQ/TU đến đảng viên. Tổng kết Nghị quyết 7-NQ/TU."
    )
    ref = refs(text)["07-NQ/TU"]
    assert len(ref.mentions) == 3
    assert all(text[s.start : s.end] == s.quote for s in ref.mentions)
    assert ref.date == PartialDate(2024, 4, 15)


def test_typo_year_repaired_from_another_mention() -> None:
    text = "Thực hiện Nghị quyết số 02-NQ/TU, ngày 10/12/2025 của Thành ủy. Tuyên truyền Nghị quyết số 02-NQ/TU, ngày 10/12/2-25."
    ref = refs(text)["02-NQ/TU"]
    assert ref.date == PartialDate(2025, 12, 10)
    assert "year-typo" in ref.flags


def test_typo_year_repaired_alone() -> None:
    ref = refs("Tuyên truyền Nghị quyết số 05-NQ/TU, ngày 10/12/2-25 của Thành ủy.")["05-NQ/TU"]
    assert ref.date == PartialDate(2025, 12, 10)
    assert "date-repaired" in ref.flags


def test_list_items_share_a_trailing_date_and_issuer() -> None:
    found = refs(
        "Thực hiện các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương"
    )
    assert found["18-NQ/TW"].date == found["19-NQ/TW"].date == PartialDate(2017, 10, 25)
    assert found["18-NQ/TW"].issuer == "Ban Chấp hành Trung ương"


def test_short_form_resolves_to_unique_antecedent() -> None:
    found = refs(
        "Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư. Sơ kết Chỉ thị 34 vào cuối năm."
    )
    assert list(found) == ["34-CT/TW"]
    assert len(found["34-CT/TW"].mentions) == 2


def test_unresolved_short_form_is_kept_and_flagged() -> None:
    ref = refs("Sơ kết việc thực hiện Quyết định 338 trên địa bàn.")["Quyết định 338"]
    assert ref.kind == "short"
    assert ref.identity is None
    assert "unresolved-short" in ref.flags


def test_alias_resolves_later_bare_uses() -> None:
    text = (
        "Thực hiện Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội” (sau đây gọi tắt là Đề án). "
        "Mục tiêu của Đề án được cụ thể hóa. Triển khai Đề án “Đầu tư xây dựng ít nhất 1 triệu căn hộ nhà ở xã hội”."
    )
    found = refs(text)
    assert list(found) == ["Đề án Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội"]
    ref = next(iter(found.values()))
    assert ref.aliases == ("Đề án",)
    assert len(ref.mentions) == 3


def test_title_key_ignores_leading_zeros_and_case() -> None:
    assert title_key("Ít nhất 01 triệu căn") == title_key("ít nhất 1 triệu căn")


def test_own_number_is_not_a_reference() -> None:
    text = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nVề việc triển khai Kế hoạch số 5/KH-UBND ngày 2/1/2024\n\nI. MỤC ĐÍCH\n\nNội dung.\n"
    assert list(refs(text)) == ["5/KH-UBND"]


def test_congress_resolution_is_found() -> None:
    found = refs("phù hợp với Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025.")
    assert [r.kind for r in found.values()] == ["congress"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Nghị quyết số 0123456789-/NQTUCPĐ ngày.,của Ban", max_size=300))
def test_extraction_never_crashes(text: str) -> None:
    found, _, _ = extract_references(text, segment(text), LONG_AN)
    for ref in found:
        assert all(text[s.start : s.end] == s.quote for s in ref.mentions)


def test_date_after_the_issuer() -> None:
    ref = refs("theo Quyết định số 338/QĐ-TTg của Thủ tướng Chính phủ ngày 03/4/2023 về nhà ở")["338/QĐ-TTg"]
    assert (ref.issuer, ref.date) == ("Thủ tướng Chính phủ", PartialDate(2023, 4, 3))


def test_bare_symbol_needs_a_known_type_abbreviation() -> None:
    assert list(refs("kê khai theo mẫu 01/ĐK-TCT và Nghị định 15/2020/NĐ-CP")) == ["15/2020/NĐ-CP"]
    assert refs("theo Văn bản số 12/ĐK-TCT ngày 2/3/2024")["12/ĐK-TCT"].doc_type == "Công văn"


def test_alias_without_tat() -> None:
    text = "Phê duyệt Đề án “Chuyển đổi số cấp xã” (sau đây gọi là Đề án). Mục tiêu của Đề án là nâng cao chất lượng."
    ref = refs(text)["Đề án Chuyển đổi số cấp xã"]
    assert ref.aliases == ("Đề án",)
    assert len(ref.mentions) == 2


def test_issuer_printed_before_the_reference() -> None:
    found = refs("Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 45/TTr-STC ngày 02/3/2025.")
    assert found["45/TTr-STC"].issuer == "Giám đốc Sở Tài chính"


def test_issuer_phrase_stops_before_an_effect_verb() -> None:
    found = refs(
        "Điều 2. Quyết định số 11-QĐ/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy hết hiệu lực thi hành."
    )
    assert found["11-QĐ/TU"].issuer == "Ban Thường vụ Tỉnh ủy"


def test_issuer_before_the_number_holds_no_type_name() -> None:
    text = "ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024."
    found, mentions, _ = extract_references(text, segment(text), LONG_AN)
    assert [r.key for r in found] == ["57-NQ/TW"]
    assert found[0].doc_type == "Nghị quyết"
    assert text[mentions[0].start : mentions[0].end].startswith("Nghị quyết số 57-NQ/TW")


@pytest.mark.parametrize(
    ("note", "keys"),
    [
        ("(Ban hành kèm theo Quyết định số 90/QĐ-UBND ngày 04/3/2026 của Ủy ban nhân dân tỉnh)", []),
        ("(Ban hành kèm theo Quyết định số 90 /QĐ-UBND)", []),
        ("Thay thế Quyết định số 90/QĐ-UBND ngày 10/01/2019 của Ủy ban nhân dân tỉnh.", ["90/QĐ-UBND"]),
        ("(Ban hành kèm theo Quyết định số 91/QĐ-UBND)", ["91/QĐ-UBND"]),
    ],
)
def test_own_number_in_an_appended_plan_names_the_document(note: str, keys: list[str]) -> None:
    text = f"Số: 90/QĐ-UBND\nHà Bắc, ngày 04 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch\n\nĐiều 1. Nội dung.\n\nKẾ HOẠCH\nThử nghiệm\n{note}\n\nI. MỤC TIÊU\n"
    assert list(refs(text)) == keys


def test_another_issuers_document_with_the_same_number_is_a_reference() -> None:
    """Administrative numbers repeat across issuers: a commune's 09/KH-UBND may implement its province's."""
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 09/KH-UBND\n\nAn Bình, ngày 02 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nTriển khai Kế hoạch số 09/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh\n\n"
        "Thực hiện Kế hoạch số 09/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã "
        "ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n- Tổ chức thực hiện tốt Kế hoạch này.\n"
    )
    out = to_contract(parse_text(SourceText(source="x.txt", text=text)))
    assert out["implements"] == ["09/KH-UBND"]
    [ref] = out["referenced_documents"]  # type: ignore[misc]
    assert ref["date"] == "2025-01-15"


def test_type_lookahead_admits_every_letter_a_type_name_can_start_with() -> None:
    ahead = re.compile(pr.TYPE_AHEAD)
    for name in pr.TYPE_NAMES:
        starts = re.compile(f"(?i:{name[0]}){name[1]}")
        for code in range(0x10000):
            pair = chr(code) + name[1]
            if starts.fullmatch(pair):
                assert ahead.match(pair), (name, hex(code))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theo Kế hoạch này và Quyết định này", 2),
        ("thực hiện KẾ HOẠCH này", 0),
        ("xKế hoạch này", 1),
    ],
)
def test_self_references_are_found_after_the_type_lookahead(text: str, expected: int) -> None:
    assert len(pr.REF_SELF_RE.findall(text)) == expected
