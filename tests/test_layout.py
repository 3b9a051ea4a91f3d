"""Tests for loaders.layout: header, number, place/date, type, preamble, recipients, signature.

The trích yếu (title) rules are tested in test_title.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.layout import segment
from loaders.models import PartialDate

PARTY_DISTRICT = """
*

Số 57-KH/HU

KẾ HOẠCH

CỦA BAN THƯỜNG VỤ HUYỆN ỦY

triển khai thực hiện Nghị quyết số 12-NQ/TU, ngày 02/3/2024 của
Ban Thường vụ Tỉnh ủy về phát triển nhà ở xã hội trên địa bàn tỉnh
Bến Tre giai đoạn đến năm 2030

Thực hiện Nghị quyết số 12-NQ/TU, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Quán triệt đầy đủ nội dung Nghị quyết.

II. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân huyện chủ trì triển khai Kế hoạch này./.

Nơi nhận:
- Thường trực Tỉnh ủy,
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Phạm Văn Tâm
"""

STATE_COMMUNE = """Số: /KH-UBND

Tân Phú, ngày tháng 4 năm 2026

## KẾ HOẠCH

### Về việc triển khai Nghị quyết số 05-NQ/TU của Ban Chấp hành Đảng bộ tỉnh

Ủy ban nhân dân xã Tân Phú xây dựng Kế hoạch như sau:

#### I. MỤC ĐÍCH

Bảo đảm thực hiện đúng tiến độ.

## **II. TỔ CHỨC THỰC HIỆN**

**1. Phòng Kinh tế:** rà soát quỹ đất trên địa bàn xã.

**Nơi nhận:**
- Thường trực HĐND xã (để b/c);
- CT, các PCT UBND xã;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Trần Thị Mai**
"""

PARTY_PROVINCE = """TỈNH ỦY AN GIANG
*
Số 301-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
An Giang, ngày 09 tháng 10 năm 2024

KẾ HOẠCH
Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư
-----

Thực hiện Chỉ thị số 34-CT/TW, Ban Thường vụ Tỉnh ủy ban hành kế hoạch:

I. NHIỆM VỤ

1. Các cấp ủy quán triệt Chỉ thị.

Nơi nhận:
- Ban Bí thư Trung ương Đảng,
- Lưu VPTU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Lê Văn Nưng
"""


def test_party_district_plan() -> None:
    layout = segment(PARTY_DISTRICT)
    assert layout.family == "party"
    assert (layout.number, layout.symbol) == ("57-KH/HU", "KH/HU")
    assert layout.date is None and layout.place is None
    assert layout.doc_type == "Kế hoạch"
    assert layout.author_line == "CỦA BAN THƯỜNG VỤ HUYỆN ỦY"
    assert layout.title == (
        "triển khai thực hiện Nghị quyết số 12-NQ/TU, ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy về phát triển"
        " nhà ở xã hội trên địa bàn tỉnh Bến Tre giai đoạn đến năm 2030"
    )
    assert layout.preamble is not None and layout.preamble.quote.startswith(
        "Thực hiện Nghị quyết số 12-NQ/TU"
    )
    assert [s.path for s in layout.sections] == ["I", "II"]
    assert [r.text for r in layout.recipients] == ["Thường trực Tỉnh ủy"]
    assert layout.signature_capacity == "T/M Ban Thường vụ"
    assert (layout.signer_position, layout.signer) == ("Bí thư", "Phạm Văn Tâm")
    assert PARTY_DISTRICT[layout.body_end - 3 : layout.body_end] == "./."


def test_state_commune_plan_with_markdown_and_blank_number() -> None:
    layout = segment(STATE_COMMUNE)
    assert layout.family == "state"
    assert (layout.number, layout.symbol) == (None, "KH-UBND")
    assert layout.number_span is not None and layout.number_span.quote == "/KH-UBND"
    assert layout.place == "Tân Phú"
    assert layout.date == PartialDate(2026, 4)
    assert layout.title == "Về việc triển khai Nghị quyết số 05-NQ/TU của Ban Chấp hành Đảng bộ tỉnh"
    assert layout.title_span is not None
    assert STATE_COMMUNE[layout.title_span.start : layout.title_span.end] == layout.title_span.quote
    assert [(r.text, r.for_report) for r in layout.recipients] == [
        ("Thường trực HĐND xã", True),
        ("CT, các PCT UBND xã", False),
    ]
    assert layout.signature_capacity == "TM. Ủy ban nhân dân; KT. Chủ tịch"
    assert (layout.signer_position, layout.signer) == ("Phó Chủ tịch", "Trần Thị Mai")


def test_party_province_header_and_separator() -> None:
    layout = segment(PARTY_PROVINCE)
    assert layout.header_org == "TỈNH ỦY AN GIANG"
    assert layout.date == PartialDate(2024, 10, 9)
    assert layout.place == "An Giang"
    assert layout.title == "Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư"
    assert layout.preamble is not None and "Ban Thường vụ Tỉnh ủy ban hành" in layout.preamble.quote
    assert (layout.signer_position, layout.signer) == ("Phó Bí thư", "Lê Văn Nưng")


@pytest.mark.parametrize(
    ("so_line", "number", "symbol"),
    [
        ("Số 146-KH/HU", "146-KH/HU", "KH/HU"),
        ("Số: /KH-UBND", None, "KH-UBND"),
        ("Số       -KH/ĐU", None, "KH/ĐU"),
        ("Số: 12/2024/QĐ-UBND", "12/2024/QĐ-UBND", "QĐ-UBND"),
        ("Số: 338/QĐ-TTg", "338/QĐ-TTg", "QĐ-TTg"),
        ("Số 15-CTr/TU", "15-CTr/TU", "CTr/TU"),
        ("Số: 1234/BXD-QLN", "1234/BXD-QLN", "BXD-QLN"),
        ("Số: 5 /KH-UBND", "5/KH-UBND", "KH-UBND"),
    ],
)
def test_number_line(so_line: str, number: str | None, symbol: str) -> None:
    layout = segment(f"{so_line}\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\nI. MỤC ĐÍCH\n\nNội dung.\n")
    assert (layout.number, layout.symbol) == (number, symbol)


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Hà Nội, ngày 03 tháng 02 năm 2025", "Hà Nội", PartialDate(2025, 2, 3)),
        ("Hà Bắc, ngày tháng 5 năm 2026", "Hà Bắc", PartialDate(2026, 5)),
        ("Lạng Sơn, ngày … tháng … năm 2024", "Lạng Sơn", PartialDate(2024)),
        ("TP. Hồ Chí Minh, ngày 1 tháng 7 năm 2025", "TP. Hồ Chí Minh", PartialDate(2025, 7, 1)),
        ("Cần Thơ, ngày … tháng … năm 20…", "Cần Thơ", None),
    ],
)
def test_place_and_partial_date(line: str, place: str, date: PartialDate | None) -> None:
    layout = segment(f"Số: 01/KH-UBND\n{line}\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\nI. MỤC ĐÍCH\n\nNội dung.\n")
    assert (layout.place, layout.date) == (place, date)


@pytest.mark.parametrize(
    ("block", "capacity", "position", "signer"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nHồ Văn An", "TM. Ủy ban nhân dân", "Chủ tịch", "Hồ Văn An"),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn Sinh", "KT. Bộ trưởng", "Thứ trưởng", "Nguyễn Văn Sinh"),
        ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLê Thị Lan", "TL. Chủ tịch", "Chánh văn phòng", "Lê Thị Lan"),
        (
            "TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ XÂY DỰNG\n\nVõ Minh",
            "TUQ. Chủ tịch",
            "Giám đốc sở xây dựng",
            "Võ Minh",
        ),
        ("Q. CHỦ TỊCH\n\nĐinh Công Sứ", "Q. Chủ tịch", "Chủ tịch", "Đinh Công Sứ"),
        (
            "T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n\nTrần Hữu Hậu",
            "T/M Ban Thường vụ; K/T Bí thư",
            "Phó Bí thư",
            "Trần Hữu Hậu",
        ),
        ("CHỦ TỊCH\n\nNguyễn Tiến Thành", None, "Chủ tịch", "Nguyễn Tiến Thành"),
        ("T/M BAN BÍ THƯ\n\nLê Quang Vĩnh", "T/M Ban Bí thư", None, "Lê Quang Vĩnh"),
    ],
)
def test_signature_forms(block: str, capacity: str | None, position: str | None, signer: str) -> None:
    text = f"Số: 01/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc thử nghiệm\n\nĐiều 1. Nội dung./.\n\nNơi nhận:\n- Như Điều 1;\n\n{block}\n"
    layout = segment(text)
    assert (layout.signature_capacity, layout.signer_position, layout.signer) == (capacity, position, signer)


def test_cong_van_title_from_vv_line() -> None:
    text = "UBND TỈNH LONG AN\nSỞ XÂY DỰNG\nSố: 45/SXD-QLN\nV/v góp ý dự thảo kế hoạch\nLong An, ngày 2 tháng 3 năm 2024\n\nKính gửi: Ủy ban nhân dân các huyện.\n\nSở Xây dựng đề nghị góp ý./.\n"
    layout = segment(text)
    assert layout.doc_type == "Công văn"
    assert layout.title == "góp ý dự thảo kế hoạch"
    assert layout.header_org == "UBND TỈNH LONG AN / SỞ XÂY DỰNG"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Số:/-KHUBNDIV.12ab \nđĐ*#ngàytháng", max_size=300))
def test_segment_never_crashes(text: str) -> None:
    layout = segment(text)
    assert 0 <= layout.body_end <= len(text)


def test_table_header_of_a_converted_document() -> None:
    text = (
        "| ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 88/KH-UBND | Độc lập - Tự do - Hạnh phúc |\n| | Nam Định, ngày 12 tháng 4 năm 2024 |\n\n"
        "KẾ HOẠCH\nTriển khai Chỉ thị số 34-CT/TW\n\nI. MỤC ĐÍCH\n\nNội dung.\n"
    )
    layout = segment(text)
    assert layout.header_org == "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH"
    assert (layout.number, layout.place, layout.date) == ("88/KH-UBND", "Nam Định", PartialDate(2024, 4, 12))
    assert layout.title == "Triển khai Chỉ thị số 34-CT/TW"


def test_two_column_party_header_on_one_line() -> None:
    text = (
        "TỈNH ỦY BẮC NINH                    ĐẢNG CỘNG SẢN VIỆT NAM\n        *\n"
        "Số 215-KH/TU              Bắc Ninh, ngày 05 tháng 9 năm 2024\n\nKẾ HOẠCH\nthực hiện Kết luận số 160-KL/TW\n"
    )
    layout = segment(text)
    assert (layout.header_org, layout.number, layout.place) == ("TỈNH ỦY BẮC NINH", "215-KH/TU", "Bắc Ninh")
    assert layout.family == "party"


def test_cong_van_type_from_its_symbol() -> None:
    layout = segment(
        "UBND TỈNH LONG AN\nSố: 12/UBND-KT\n\nKính gửi: Các sở, ngành.\n\nThực hiện Công văn số 3/BXD-QLN.\n"
    )
    assert layout.doc_type == "Công văn"


@pytest.mark.parametrize(
    ("header", "number", "title"),
    [
        (  # both columns on one line, the V/v trích yếu wrapped onto a second line
            "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "   TỈNH CAO BẰNG                      Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 1234/BXD-QLN                 Cao Bằng, ngày 05 tháng 8 năm 2025\n"
            "V/v triển khai Nghị định số 100/2024/NĐ-CP\n      của Chính phủ\n",
            "1234/BXD-QLN",
            "triển khai Nghị định số 100/2024/NĐ-CP của Chính phủ",
        ),
        (  # pipe table with the V/v line in the left column
            "| UBND TỈNH CAO BẰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
            "| Số: 77/UBND-KT | *Cao Bằng, ngày 05 tháng 8 năm 2025* |\n| V/v rà soát quỹ đất | |\n",
            "77/UBND-KT",
            "rà soát quỹ đất",
        ),
        (  # the date of the right column printed on the V/v line
            "UBND TỈNH CAO BẰNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 78/UBND-KT\n"
            "V/v rà soát quỹ đất         Cao Bằng, ngày 05 tháng 8 năm 2025\n     ở các xã\n",
            "78/UBND-KT",
            "rà soát quỹ đất ở các xã",
        ),
    ],
)
def test_cong_van_with_two_column_header(header: str, number: str, title: str) -> None:
    layout = segment(
        header + "\nKính gửi:\n- Các sở, ngành;\n- UBND các xã.\n\nĐề nghị các đơn vị thực hiện./.\n"
    )
    assert (layout.number, layout.doc_type, layout.title) == (number, "Công văn", title)
    assert (layout.place, layout.date) == ("Cao Bằng", PartialDate(2025, 8, 5))


ISSUING_DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÀ BẮC
Số: 90/QĐ-UBND
Hà Bắc, ngày 04 tháng 3 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống thiên tai năm 2026

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH

Phan Thị Hạnh

{heading}
Phòng, chống thiên tai năm 2026
{note}

I. MỤC TIÊU

1. Giảm thiểu thiệt hại về người và tài sản.

II. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường
- Chủ trì tổ chức diễn tập.
"""


@pytest.mark.parametrize(
    "note",
    [
        "(Ban hành kèm theo Quyết định số 90/QĐ-UBND ngày 04 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh)",
        "(Kèm theo Quyết định số 90/QĐ-UBND ngày 04/3/2026)",
        "(Được phê duyệt kèm theo Quyết định số 90/QĐ-UBND)",
    ],
)
def test_plan_appended_after_the_signature_is_part_of_the_body(note: str) -> None:
    text = ISSUING_DECISION.format(heading="KẾ HOẠCH", note=note)
    layout = segment(text)
    assert [s.path for s in layout.sections] == ["art1", "art2", "PL1.I", "PL1.II"]
    assert [c.path for c in layout.sections[-1].children] == ["PL1.II.1"]
    assert layout.sections[-1].kind == "assignments"
    assert layout.body_end == len(text)
    assert [r.text for r in layout.recipients] == ["Như Điều 2"]
    assert (layout.signer_position, layout.signer) == ("Chủ tịch", "Phan Thị Hạnh")
    assert layout.sections[1].span.end < text.index("Nơi nhận")


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        ("KẾ HOẠCH", "Phòng, chống thiên tai theo Quyết định số 90/QĐ-UBND."),
        ("Kế hoạch này gồm các nội dung sau", "(Ban hành kèm theo Quyết định số 90/QĐ-UBND)"),
    ],
)
def test_text_after_the_signature_without_a_heading_and_note_is_not_appended(heading: str, note: str) -> None:
    layout = segment(ISSUING_DECISION.format(heading=heading, note=note))
    assert [s.path for s in layout.sections] == ["art1", "art2"]
    assert layout.body_end < ISSUING_DECISION.index("Nơi nhận")
