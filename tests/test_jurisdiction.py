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


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("tại phường Lâm Viên - Đà Lạt", [("phường", "Lâm Viên - Đà Lạt")]),
        ("các xã Đam Rông 3 và Bảo Lâm", [("xã", "Đam Rông 3")]),
        ("Đảng ủy phường 2 Bảo Lộc", [("phường", "2 Bảo Lộc")]),
        ("Ủy ban nhân dân Quận 5 chủ trì", [("quận", "5")]),
        ("hộ nghèo của xã Cư M’ta", [("xã", "Cư M'ta")]),
        ("ban hành tại tỉnh Long An 12/2024", [("tỉnh", "Long An")]),
        ("về thành phố Huế. Tăng cường kiểm tra", [("thành phố", "Huế")]),
        ("đặc khu Côn Đảo, thành phố Hồ Chí Minh", [("đặc khu", "Côn Đảo"), ("thành phố", "Hồ Chí Minh")]),
    ],
)
def test_find_units_keeps_numbers_hyphens_and_apostrophes(text: str, units: list[tuple[str, str]]) -> None:
    assert [(u.kind, u.name) for u in find_units(text)] == units


@pytest.mark.parametrize(
    ("line", "place", "iso"),
    [
        ("Bảo Lâm 4, ngày 03 tháng 02 năm 2026", "Bảo Lâm 4", "2026-02-03"),
        ("2 Bảo Lộc, ngày 9 tháng 1 năm 2026", "2 Bảo Lộc", "2026-01-09"),
        ("Lâm Viên - Đà Lạt, ngày 15 tháng 12 năm 2025", "Lâm Viên - Đà Lạt", "2025-12-15"),
        ("Cư M’ta, ngày 4 tháng 11 năm 2025", "Cư M’ta", "2025-11-04"),
        ("Đắk song, ngày 20 tháng 3 năm 2026", "Đắk song", "2026-03-20"),
        ("TP. Hồ Chí Minh, ngày 2 tháng 9 năm 2024", "TP. Hồ Chí Minh", "2024-09-02"),
    ],
)
def test_place_and_date_of_numbered_or_hyphenated_places(line: str, place: str, iso: str) -> None:
    text = (
        f"ỦY BAN NHÂN DÂN\nXÃ THỬ\n\nSố: 04/KH-UBND\n\n{line}\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\nNội dung.\n"
    )
    layout = segment(text)
    assert layout.place == place
    assert layout.date is not None and layout.date.iso() == iso


def test_find_units_gives_a_fresh_list_each_call() -> None:
    first = find_units("Ủy ban nhân dân xã Bảo Lâm 2")
    first.clear()
    assert [u.name for u in find_units("Ủy ban nhân dân xã Bảo Lâm 2")] == ["Bảo Lâm 2"]


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
        (  # numbered commune: the number is part of the name (and of the IRI)
            {
                "header": "ỦY BAN NHÂN DÂN\nXÃ BẢO LÂM 3\n",
                "number": "04/KH-UBND",
                "place": "Bảo Lâm 3, ngày 05 tháng 3 năm 2026",
            },
            "xã Bảo Lâm 3, tỉnh Lâm Đồng",
        ),
        (  # hyphenated ward, no header: the issuer is the preamble's subject, not the cited author
            {
                "number": "11/KH-UBND",
                "place": "Lâm Viên - Đà Lạt, ngày 15 tháng 12 năm 2025",
                "title": "Về việc thực hiện Chương trình số 05/CTr-UBND ngày 3/11/2025 của Ủy ban nhân dân "
                "tỉnh Lâm Đồng tại phường Lâm Viên - Đà Lạt",
                "preamble": "Để cụ thể hóa Chương trình của Ủy ban nhân dân tỉnh, Ủy ban nhân dân phường "
                "Lâm Viên - Đà Lạt ban hành Kế hoạch như sau:",
            },
            "phường Lâm Viên - Đà Lạt, tỉnh Lâm Đồng",
        ),
        (  # no header, a commune whose name the province shares in part
            {
                "number": "06/KH-UBND",
                "place": "Nam Khánh Vĩnh, ngày 2 tháng 3 năm 2026",
                "title": "Về việc thực hiện Kế hoạch số 07/KH-UBND của Ủy ban nhân dân tỉnh Khánh Hòa",
                "preamble": "Ủy ban nhân dân xã Nam Khánh Vĩnh xây dựng Kế hoạch như sau:",
            },
            "xã Nam Khánh Vĩnh, tỉnh Khánh Hòa",
        ),
        (  # no header and only a cited council: its level is still the best evidence
            {
                "number": "09/KH-UBND",
                "place": "Lạng Sơn, ngày 3 tháng 3 năm 2024",
                "title": "Về việc thực hiện Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh Lạng Sơn",
            },
            "tỉnh Lạng Sơn",
        ),
        (  # apostrophe inside the name, either form
            {
                "header": "ỦY BAN NHÂN DÂN\nXÃ EA M’DROH\n",
                "number": "02/KH-UBND",
                "place": "Ea M’Droh, ngày 9 tháng 12 năm 2025",
            },
            "xã Ea M'Droh, tỉnh Đắk Lắk",
        ),
        (  # special zone (đặc khu)
            {
                "header": "ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\n",
                "number": "03/KH-UBND",
                "place": "Phú Quốc, ngày 8 tháng 1 năm 2026",
            },
            "đặc khu Phú Quốc, tỉnh An Giang",
        ),
        (  # legacy urban district named by a number
            {
                "header": "ỦY BAN NHÂN DÂN\nQUẬN 3\n",
                "number": "21/KH-UBND",
                "place": "Quận 3, ngày 4 tháng 6 năm 2024",
            },
            "quận 3, thành phố Hồ Chí Minh",
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
