"""Tests for loaders.parse: the whole loader pipeline on documents of each family and form."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.errors import ParseError, PolicyKGError
from loaders.models import SELF, SourceText
from loaders.parse import document_identity, parse_file, parse_text, text_hash

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


@pytest.mark.parametrize(
    ("name", "issuer", "jurisdiction", "identity"),
    [
        (
            "quyet_dinh_ubnd.txt",
            "Ủy ban nhân dân tỉnh Bắc Giang",
            "tỉnh Bắc Giang",
            ("UBND", "QĐ", 2024, 3, 15, "1234"),
        ),
        (
            "chi_thi_tinh_uy.txt",
            "Ban Thường vụ Tỉnh ủy Quảng Ninh",
            "tỉnh Quảng Ninh",
            ("TU", "CT", 2024, 9, None, None),
        ),
        (
            "cong_van_phong.txt",
            "Phòng Kinh tế và Hạ tầng huyện Cần Giuộc",
            "huyện Cần Giuộc, tỉnh Long An",
            ("KTHT", "CV", 2024, 6, 5, "215"),
        ),
        ("chi_thi_ttg.md", "Thủ tướng Chính phủ", "", ("TTg", "CT", 2025, 2, 3, "5")),
        (
            "nghi_quyet_hdnd.txt",
            "Hội đồng nhân dân tỉnh Thái Bình",
            "tỉnh Thái Bình",
            ("HĐND", "NQ", 2024, 7, 12, "22"),
        ),
    ],
)
def test_fixture_documents(name: str, issuer: str, jurisdiction: str, identity: tuple[object, ...]) -> None:
    doc = parse_file(FIXTURES / name)
    assert doc.issuer == issuer
    assert doc.jurisdiction.label() == jurisdiction
    ident = doc.identity
    assert (ident.authority, ident.type_code, ident.year, ident.month, ident.day, ident.number) == identity
    assert (ident.text_hash is None) == (ident.number is not None)
    assert doc.issuer_agency is not None


def test_decision_relations_end_to_end() -> None:
    doc = parse_file(FIXTURES / "quyet_dinh_ubnd.txt")
    own = {(r.predicate, r.object) for r in doc.relations if r.subject == SELF}
    assert ("based_on", "100/2024/NĐ-CP") in own
    assert ("replaces", "567/QĐ-UBND") in own
    assert ("repeals", "89/2019/QĐ-UBND") in own


def test_blank_number_gets_a_stable_text_hash() -> None:
    text = "Số: /KH-UBND\nTân Phú, ngày tháng 4 năm 2026\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\nI. MỤC ĐÍCH\n\nNội dung.\n"
    a = parse_text(SourceText("a.txt", text)).identity
    b = parse_text(SourceText("b.txt", text.replace("\n\n", "\n\n\n"))).identity
    assert a.number is None and a.text_hash and a.text_hash == b.text_hash
    assert text_hash(text) != text_hash(text.replace("thử nghiệm", "khác"))


@pytest.mark.parametrize(
    "text",
    ["Hôm nay trời đẹp, chúng tôi đi dạo ở công viên.", "1234567890", "lorem ipsum dolor sit amet"],
)
def test_text_without_a_document_raises_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_text(SourceText("note.txt", text))
    assert (
        err.value.one_line()
        == "note.txt: no recognisable policy document: no type heading, number or references"
    )


def test_parse_file_reads_through_read_source(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text("Số 12-KH/HU\n\nKẾ HOẠCH\ntriển khai Nghị quyết số 3-NQ/TU\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.layout.number == "12-KH/HU"
    assert doc.source.source == str(path)


def test_missing_file_is_a_policykg_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyKGError):
        parse_file(tmp_path / "absent.txt")


def test_document_identity_of_a_normative_number() -> None:
    doc = parse_file(FIXTURES / "nghi_quyet_hdnd.txt")
    assert document_identity(doc.layout, doc.jurisdiction, doc.text).year == 2024


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet="KẾ HOẠCH Số:/-KHUBNDTU12 \nI.1-ab Nơi nhận T/M Thực hiện Nghị quyết số 5-NQ/TU,",
        max_size=400,
    )
)
def test_parse_never_crashes(text: str) -> None:
    try:
        doc = parse_text(SourceText("x.txt", text))
    except ParseError:
        return
    for ref in doc.references:
        assert all(text[s.start : s.end] == s.quote for s in ref.mentions)


def test_grassroots_party_committee_issuer_carries_the_unit_kind() -> None:
    text = (
        "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nĐẢNG ỦY XÃ HÀ BẮC\n*\nSố 12-KH/ĐU\nHà Bắc, ngày 3 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\ntriển khai Nghị quyết số 02-NQ/TU của Ban Chấp hành Đảng bộ thành phố\n\n"
        "Thực hiện Nghị quyết số 02-NQ/TU, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\nNội dung./.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nPhạm Văn Hùng\n"
    )
    doc = parse_text(SourceText("du.txt", text))
    assert doc.jurisdiction.label() == "xã Hà Bắc, thành phố Hải Phòng"
    assert doc.issuer == "Ban Thường vụ Đảng ủy xã Hà Bắc"


@pytest.mark.parametrize(
    ("signature", "issuer"),
    [
        ("T/M ĐẢNG ỦY\nBÍ THƯ", "Đảng ủy xã Thanh Đồng"),  # the header names the body in full
        ("T/M BAN THƯỜNG VỤ\nBÍ THƯ", "Ban Thường vụ Đảng ủy xã Thanh Đồng"),
        ("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "Ban Thường vụ Đảng ủy xã Thanh Đồng"),  # thừa lệnh of a body
    ],
)
def test_issuer_of_a_pre_2025_commune_committee(signature: str, issuer: str) -> None:
    text = (
        "ĐẢNG BỘ HUYỆN THANH CHƯƠNG                ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ THANH ĐỒNG\n*\n"
        "Số 37-KH/ĐU                Thanh Đồng, ngày 08 tháng 5 năm 2024\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 09-NQ/HU\n\n"
        f"I. MỤC ĐÍCH\n\nNội dung./.\n\n{signature}\n\nNguyễn Văn Lâm\n"
    )
    doc = parse_text(SourceText("du.txt", text))
    assert doc.issuer == issuer
    assert doc.jurisdiction.label() == "xã Thanh Đồng, huyện Thanh Chương, tỉnh Nghệ An"
