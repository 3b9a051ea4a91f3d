"""Tests for loaders.jurisdiction: authority codes, unit mentions, a document's own jurisdiction."""

from __future__ import annotations

import pytest

from loaders.jurisdiction import authority_code, authority_level, document_jurisdiction, find_units
from loaders.layout import segment


@pytest.mark.parametrize(
    ("symbol", "code"),
    [
        ("KH/HU", "HU"),
        ("QĐ-TTg", "TTg"),
        ("KH-UBND", "UBND"),
        ("NQ/TU", "TU"),
        ("BXD-QLN", "BXD"),
        ("TTLT-BNV-VPCP", "BNV-VPCP"),
        ("QH15", "QH15"),
        (None, None),
    ],
)
def test_authority_code(symbol: str | None, code: str | None) -> None:
    assert authority_code(symbol) == code


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("TW", "central"),
        ("BTGTW", "central"),
        ("TTg", "central"),
        ("CP", "central"),
        ("QH15", "central"),
        ("BXD", "central"),
        ("TU", "province"),
        ("BTGTU", "province"),
        ("HU", "district"),
        ("ĐUK", None),
        ("ĐU", "commune"),
        ("SXD", "province"),
        ("UBND", None),
        ("HĐND", None),
        (None, None),
    ],
)
def test_authority_level(code: str | None, level: str | None) -> None:
    assert authority_level(code) == level


def test_find_units_in_running_text() -> None:
    units = find_units("chỉ tiêu cấp huyện Cần Đước cụ thể trên địa bàn tỉnh Long An và Thành phố Hải Phòng")
    assert [(u.kind, u.name, u.level) for u in units] == [
        ("huyện", "Cần Đước", "district"),
        ("tỉnh", "Long An", "province"),
        ("thành phố", "Hải Phòng", "province"),
    ]


def test_committee_and_caps_forms() -> None:
    assert [u.name for u in find_units("Ban Thường vụ Tỉnh ủy Hậu Giang")] == ["Hậu Giang"]
    assert find_units("Huyện ủy chỉ đạo; Ủy ban nhân dân tỉnh") == []


TEMPLATE = "{header}Số: {number}\n{place}\n\nKẾ HOẠCH\n{title}\n\n{preamble}\n\nI. MỤC ĐÍCH\n\n{body}\n"


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        (
            {
                "number": "146-KH/HU",
                "title": "triển khai Nghị quyết của Tỉnh ủy về nhà ở trên địa bàn tỉnh Long An",
                "body": "Chỉ tiêu cấp huyện Cần Đước là 400 căn.",
            },
            "huyện Cần Đước, tỉnh Long An",
        ),
        (
            {
                "header": "TỈNH ỦY HẬU GIANG\n*\n",
                "number": "290-KH/TU",
                "place": "Hậu Giang, ngày 22 tháng 8 năm 2024",
            },
            "tỉnh Hậu Giang",
        ),
        (
            {
                "number": "/KH-UBND",
                "place": "Hà Bắc, ngày tháng 5 năm 2026",
                "title": "Về việc triển khai Nghị quyết của Ban Chấp hành Đảng bộ thành phố Hải Phòng",
                "preamble": "Ủy ban nhân dân xã Hà Bắc xây dựng Kế hoạch như sau:",
            },
            "xã Hà Bắc, thành phố Hải Phòng",
        ),
        (
            {
                "number": "/KH-UBND",
                "place": "Lạng Sơn, ngày tháng 5 năm 2024",
                "preamble": "UBND tỉnh ban hành Kế hoạch trên địa bàn tỉnh Lạng Sơn như sau:",
            },
            "tỉnh Lạng Sơn",
        ),
        (
            {
                "header": "THỦ TƯỚNG CHÍNH PHỦ\n",
                "number": "05/CT-TTg",
                "place": "Hà Nội, ngày 3 tháng 2 năm 2025",
            },
            "",
        ),
        (
            {"header": "ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIUỘC\n", "number": "15/KH-UBND"},
            "huyện Cần Giuộc, tỉnh Long An",
        ),
        (
            {"header": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LẠNG SƠN\n", "number": "15/KH-UBND"},
            "thành phố Lạng Sơn, tỉnh Lạng Sơn",
        ),
        ({"header": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n", "number": "15/KH-UBND"}, "thành phố Hải Phòng"),
        (
            {"header": "ĐẢNG BỘ TỈNH BẮC NINH\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\n", "number": "15-KH/ĐUK"},
            "tỉnh Bắc Ninh",
        ),
        (  # pre-2025 commune: the district from the gazetteer
            {
                "header": "ĐẢNG BỘ HUYỆN NAM ĐÀN\nĐẢNG ỦY XÃ NAM GIANG\n*\n",
                "number": "15-KH/ĐU",
                "place": "Nam Giang, ngày 3 tháng 4 năm 2024",
            },
            "xã Nam Giang, huyện Nam Đàn, tỉnh Nghệ An",
        ),
        (  # pre-2025 commune the gazetteer lacks: the district the header names
            {
                "header": "ĐẢNG BỘ HUYỆN THANH CHƯƠNG\nĐẢNG ỦY XÃ THANH ĐỒNG\n*\n",
                "number": "37-KH/ĐU",
                "place": "Thanh Đồng, ngày 8 tháng 5 năm 2024",
            },
            "xã Thanh Đồng, huyện Thanh Chương, tỉnh Nghệ An",
        ),
        (  # post-2025 commune: no district level any more
            {
                "header": "ĐẢNG BỘ TỈNH QUẢNG NGÃI\nĐẢNG ỦY XÃ BA TƠ\n*\n",
                "number": "05-NQ/ĐU",
                "place": "Ba Tơ, ngày 20 tháng 9 năm 2025",
            },
            "xã Ba Tơ, tỉnh Quảng Ngãi",
        ),
    ],
)
def test_document_jurisdiction(fields: dict[str, str], label: str) -> None:
    values = {
        "header": "",
        "place": "",
        "title": "Về việc thử nghiệm",
        "preamble": "Nội dung mở đầu.",
        "body": "Nội dung.",
    }
    text = TEMPLATE.format(**(values | fields))
    assert document_jurisdiction(segment(text), text).label() == label
