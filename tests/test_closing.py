"""Tests for loaders.closing: Nơi nhận, Kính gửi addressees and the signature block."""

from __future__ import annotations

import pytest

from loaders import closing
from loaders.layout import clean_text, logical_lines, segment
from loaders.models import Recipient


@pytest.mark.parametrize(
    ("salutation", "closing", "expected"),
    [
        (
            "Kính gửi:\n- Các sở, ngành;\n- UBND các xã.\n",
            "- Như trên;\n- Lưu: VT.",
            ["Các sở, ngành", "UBND các xã"],
        ),
        (
            "Kính gửi: Ủy ban nhân dân các huyện.\n",
            "- Như trên;\n- Bộ Xây dựng;",
            ["Ủy ban nhân dân các huyện", "Bộ Xây dựng"],
        ),
        ("Kính gửi: Ủy ban nhân dân các huyện.\n", "- Bộ Xây dựng;\n- Lưu: VT.", ["Bộ Xây dựng"]),
        ("", "- Như trên;\n- Lưu: VT.", ["Như trên"]),
    ],
)
def test_as_above_in_recipients_stands_for_the_addressees(
    salutation: str, closing: str, expected: list[str]
) -> None:
    layout = segment(
        "UBND TỈNH CAO BẰNG\nSố: 12/UBND-KT\nV/v rà soát quỹ đất\nCao Bằng, ngày 5 tháng 8 năm 2025\n\n"
        f"{salutation}\nĐề nghị các đơn vị thực hiện./.\n\nNơi nhận:\n{closing}\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn An\n"
    )
    assert [r.text for r in layout.recipients] == expected


def test_with_addressees_replaces_only_as_above() -> None:
    above, archive = Recipient("Như trên"), Recipient("Bộ Xây dựng", for_report=True)
    sent = (Recipient("Các sở, ngành"), Recipient("UBND các xã"))
    assert closing.with_addressees((above, archive), sent) == (*sent, archive)
    assert closing.with_addressees((above, archive), ()) == (above, archive)


def test_signature_of_a_body_on_behalf_of_its_standing_committee() -> None:
    text = "Nội dung./.\n\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nLê Minh Tuấn\n"
    lines = logical_lines(clean_text(text))
    capacity, position, signer, span = closing.signature(text, lines, 1)
    assert (capacity, position, signer) == ("T/L Ban Thường vụ", "Chánh văn phòng", "Lê Minh Tuấn")
    assert span is not None and text[span.start : span.end] == span.quote


def test_recipients_and_signature_printed_side_by_side() -> None:
    layout = segment(
        "UBND TỈNH CAO BẰNG\nSỞ XÂY DỰNG\nSố: 15/SXD-QLN\nV/v rà soát quỹ đất\n\n"
        "Kính gửi: Ủy ban nhân dân các xã.\n\nĐề nghị các đơn vị thực hiện./.\n\n"
        "Nơi nhận:                                 KT. GIÁM ĐỐC\n"
        "- Như trên;                               PHÓ GIÁM ĐỐC\n"
        "- UBND tỉnh (b/c);\n- Lưu: VT.\n\n                                          Trần Quốc Hùng\n"
    )
    assert [(r.text, r.for_report) for r in layout.recipients] == [
        ("Ủy ban nhân dân các xã", False),
        ("UBND tỉnh", True),
    ]
    assert (layout.signature_capacity, layout.signer_position, layout.signer) == (
        "KT. Giám đốc",
        "Phó Giám đốc",
        "Trần Quốc Hùng",
    )
