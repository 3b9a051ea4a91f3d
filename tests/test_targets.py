"""Numeric targets: Vietnamese numbers, units, ranges, qualifiers, periods, sources, non-targets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.models import Layout, Reference, Section, Span, Target
from loaders.targets import extract_targets, parse_number

KINDS = (("TỔ CHỨC THỰC HIỆN", "assignments"), ("CHỈ TIÊU", "targets"), ("MỤC TIÊU", "targets"))


def layout_of(text: str) -> Layout:
    """A layout with one top-level section per Roman heading (no children)."""
    end = text.find("Nơi nhận") if "Nơi nhận" in text else len(text)
    heads = list(re.finditer(r"(?m)^[#* ]*([IVX]+)\. (.+)$", text[:end]))
    sections = []
    for index, head in enumerate(heads):
        stop = heads[index + 1].start() if index + 1 < len(heads) else end
        kind = next((k for word, k in KINDS if word in head.group(2)), "measures")
        span = Span(head.start(), stop, text[head.start() : stop])
        body = Span(head.end(), stop, text[head.end() : stop])
        sections.append(Section(head.group(1), head.group(1), head.group(2), kind, span, body))
    first = heads[0].start() if heads else 0
    return Layout(
        family="state", header_org=None, number=None, symbol=None, number_span=None, place=None,
        date=None, date_span=None, doc_type="Kế hoạch", author_line=None, title=None, title_span=None,
        preamble=Span(first, first, ""), sections=tuple(sections), recipients=(),
        signature_capacity=None, signer_position=None, signer=None, signature_span=None, body_end=end,
    )  # fmt: skip


PLAN = """KẾ HOẠCH
Phát triển nhà ở xã hội tỉnh Bình Định

I. MỤC TIÊU, CHỈ TIÊU

1. Mục tiêu chung
- Bảo đảm 100% hộ nghèo có nhà ở an toàn.

2. Chỉ tiêu
- Chỉ tiêu của tỉnh đến năm 2030 là 5.600 căn theo Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ.
- Giai đoạn 2025-2027: phấn đấu hoàn thành khoảng 1.250 căn nhà ở xã hội.
- Tỷ lệ đô thị hóa đạt 15-20% vào năm 2030.
- Hỗ trợ tối thiểu 2,5 nghìn hộ gia đình cải thiện nhà ở.
- Năm 2023, toàn tỉnh đã hoàn thành 850 căn nhà ở xã hội.
- Thực hiện nghiêm việc dành 20% quỹ đất ở trong các dự án nhà ở thương mại.

II. GIẢI PHÁP
- Tạo điều kiện tiếp cận Chương trình tín dụng 120.000 tỷ đồng.
- Triển khai Đề án “Đầu tư xây dựng ít nhất 1 triệu căn hộ nhà ở xã hội”.
- Lồng ghép vào kế hoạch phát triển kinh tế - xã hội 05 năm và hằng năm.
- Huy động khoảng 1.500 tỷ đồng từ ngân sách tỉnh cho nhà ở công nhân.
- Phấn đấu đến năm 2026 có thêm 3 dự án khởi công.
- Rà soát 12 dự án đang triển khai trên địa bàn.

Nơi nhận:
- Lưu: VT.
"""

DECISION = Reference(
    key="338/QĐ-TTg",
    kind="numbered",
    mentions=(Span(PLAN.index("Quyết định số 338"), PLAN.index("Quyết định số 338") + 27, ""),),
)


def targets() -> dict[float, Target]:
    return {t.quantity: t for t in extract_targets(PLAN, layout_of(PLAN), (DECISION,))}


@pytest.mark.parametrize(
    ("quantity", "quantity_max", "unit", "qualifier", "period"),
    [
        (100.0, None, "%", None, None),
        (5600.0, None, "căn", None, "đến năm 2030"),
        (1250.0, None, "căn", "about", "Giai đoạn 2025-2027"),
        (15.0, 20.0, "%", None, "vào năm 2030"),
        (2500.0, None, "hộ", "at_least", None),
        (1.5e12, None, "đồng", "about", None),
        (3.0, None, "dự án", "aspirational", "đến năm 2026"),
    ],
)
def test_target(
    quantity: float, quantity_max: float | None, unit: str, qualifier: str | None, period: str | None
) -> None:
    target = targets()[quantity]
    assert (target.quantity_max, target.unit, target.qualifier, target.period) == (
        quantity_max,
        unit,
        qualifier,
        period,
    )


@pytest.mark.parametrize(
    "quantity",
    [
        850.0,  # a statistic about the past
        20.0,  # the 20% land fund, a standing policy parameter
        1.2e14,  # a credit package size
        120000.0,
        1e6,  # inside a quoted title
        5.0,  # "05 năm", a duration
        12.0,  # no aim in its sentence, outside a targets section
        338.0,
        2023.0,
    ],
)
def test_not_a_target(quantity: float) -> None:
    assert quantity not in targets()


def test_quoted_target_keeps_its_source() -> None:
    target = targets()[5600.0]
    assert target.source_key == "338/QĐ-TTg"
    assert "Bình Định" not in (target.scope or "")


def test_spans_point_into_the_text() -> None:
    for target in extract_targets(PLAN, layout_of(PLAN), ()):
        assert PLAN[target.span.start : target.span.end] == target.span.quote


def test_a_target_stated_twice_is_listed_once() -> None:
    text = (
        "I. MỤC TIÊU\n- Phấn đấu hoàn thành chỉ tiêu 3.000 căn hộ.\n"
        "- Trong giai đoạn 2021-2030 hoàn thành ít nhất 3.000 căn nhà ở xã hội.\n"
    )
    found = extract_targets(text, layout_of(text), ())
    assert [(t.quantity, t.period) for t in found] == [(3000.0, "giai đoạn 2021-2030")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("71.250", 71250.0), ("3.000", 3000.0), ("1,5", 1.5), ("01", 1.0), ("1.234.567,25", 1234567.25)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='0123456789.,% -/\nabcăđêhnotuưằấ()“”"I:', max_size=300))
def test_never_crashes(text: str) -> None:
    for target in extract_targets(text, layout_of(text), ()):
        assert text[target.span.start : target.span.end] == target.span.quote


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Phấn đấu thành lập mới ít nhất 08 hợp tác xã và 12 tổ hợp tác trong năm 2026.",
            [(8.0, "hợp tác xã"), (12.0, "tổ hợp tác")],
        ),
        (
            "Giảm ít nhất 20% thời gian đi lại của người dân và 20% chi phí tuân thủ thủ tục hành chính.",
            [(20.0, "%"), (20.0, "%")],
        ),
        ("Phấn đấu hỗ trợ sửa chữa nhà ở: 30 triệu đồng/hộ.", []),
        ("Bảo đảm mức hỗ trợ xây mới 40 triệu đồng / căn cho hộ nghèo.", []),
        # a share of a counted population is a coverage target, even in a clause with no cue
        (
            "Đến năm 2030, tỷ lệ che phủ rừng của xã đạt 46%; 100% thôn có tổ xung kích phòng, chống thiên tai.",
            [(46.0, "%"), (100.0, "%")],
        ),
        ("95% hộ gia đình được sử dụng nước sạch.", [(95.0, "%")]),
        ("100% cán bộ, đảng viên được quán triệt Nghị quyết.", [(100.0, "%")]),
        ("Năm 2024, 100% xã đã có phương án ứng phó.", []),
        ("100% xã đã có phương án ứng phó.", []),
        ("Dành 30% thời lượng cho phần thảo luận.", []),
        ("Người dân tộc thiểu số chiếm 30% lao động của huyện.", []),
        # a rate per period is a level to reach; an amount per beneficiary is a support level
        ("Thu nhập bình quân của thành viên hợp tác xã đạt khoảng 2,4 tỷ đồng/năm.", [(2.4e9, "đồng")]),
        ("Thu nhập bình quân đầu người đạt 85 triệu đồng/người/năm.", [(85e6, "đồng")]),
        ("Hỗ trợ xây dựng mới: 50 triệu đồng/hộ.", []),
        ("Bảo đảm hỗ trợ 2 triệu đồng/người/tháng cho người lao động.", []),
        ("Phấn đấu doanh thu của mỗi tổ hợp tác đạt 300 triệu đồng/năm.", [(300e6, "đồng")]),
        # plan units, and a count with a completion date after it
        ("Thanh tra 04 dự án khu đô thị mới, hoàn thành trong quý IV/2026.", [(4.0, "dự án")]),
        ("Xây dựng mới 18 km đường trục xã trong năm 2026.", [(18.0, "km")]),
        ("Phấn đấu có thêm 07 xã đạt chuẩn nông thôn mới nâng cao.", [(7.0, "xã")]),
        (
            "Đến năm 2027 có 15 sản phẩm OCOP và 03 trường học đạt chuẩn.",
            [(15.0, "sản phẩm"), (3.0, "trường học")],
        ),
        ("Bảo đảm 25 cơ sở giáo dục nghề nghiệp được kiểm định.", [(25.0, "cơ sở")]),
        (
            "Hỗ trợ 120 lượt doanh nghiệp và 40 hộ gia đình, hoàn thành trước ngày 30/11/2026.",
            [(120.0, "lượt"), (40.0, "hộ")],
        ),
        # durations, dates, section numbers and past counts stay out
        ("Kiểm tra 06 dự án trong thời hạn 30 ngày kể từ ngày 15/3/2026.", []),
        ("Thực hiện theo Điều 12 Quy chế, hoàn thành trong tháng 6/2026.", []),
        ("Năm 2025 đã kiểm tra 09 dự án, hoàn thành trong quý II/2025.", []),
        ("Các xã tổ chức 12 cuộc họp dân, hoàn thành trong năm 2026.", []),
    ],
)
def test_target_forms(sentence: str, expected: list[tuple[float, str]]) -> None:
    text = f"II. NHIỆM VỤ\n- {sentence}\n"
    assert [(t.quantity, t.unit) for t in extract_targets(text, layout_of(text), ())] == expected


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Doanh thu bình quân của hợp tác xã đạt 2 tỷ đồng/năm.", None),
        ("Phấn đấu thu nhập đạt 90 triệu đồng/người/năm ở khu vực nông thôn.", "ở khu vực nông thôn"),
        ("Phấn đấu 100% xã có điểm tập kết rác thải.", "xã có điểm tập kết rác thải"),
    ],
)
def test_scope_after_a_rate_or_a_share(sentence: str, scope: str | None) -> None:
    text = f"II. NHIỆM VỤ\n- {sentence}\n"
    (target,) = extract_targets(text, layout_of(text), ())
    assert target.scope == scope


def test_a_target_table_is_read_once_and_its_result_column_is_not_a_target() -> None:
    text = (
        "I. MỤC TIÊU\n\n"
        "| Chỉ tiêu | Đơn vị tính | Kết quả năm 2024 | Kế hoạch năm 2026 |\n|---|---|---|---|\n"
        "| Tỷ lệ hộ dùng nước sạch | % | 60% | 95% |\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
    )
    found = extract_targets(text, layout_of(text), ())
    assert [(t.quantity, t.unit, t.period, t.scope) for t in found] == [
        (95.0, "%", "năm 2026", "Tỷ lệ hộ dùng nước sạch")
    ]
