"""Tests for loaders.title: the type heading, the author line and the trích yếu."""

from __future__ import annotations

import pytest

from loaders.layout import clean_text, segment
from loaders.lines import Line, logical_lines
from loaders.title import join_title, split_heading, title_lines, type_heading


def _lines(text: str) -> tuple[str, list[Line]]:
    clean = clean_text(text)
    return clean, split_heading(clean, logical_lines(clean))


@pytest.mark.parametrize(
    ("text", "index", "doc_type", "rest"),
    [
        ("TỈNH ỦY HÀ GIANG\n*\nKẾ HOẠCH\nvề du lịch\n", 2, "Kế hoạch", None),
        ("CHỈ THỊ CỦA BAN THƯỜNG VỤ\nvề du lịch\n", 0, "Chỉ thị", None),
        ("Số: 5/UBND-KT\nV/v góp ý\n", None, None, None),
        ("I. MỤC ĐÍCH\nKẾ HOẠCH\n", None, None, None),
    ],
)
def test_type_heading_after_the_heading_is_split(
    text: str, index: int | None, doc_type: str | None, rest: str | None
) -> None:
    _, lines = _lines(text)
    assert type_heading(lines) == (index, doc_type, rest)


def test_split_heading_puts_the_author_on_its_own_line() -> None:
    clean, lines = _lines("NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN\nvề nông nghiệp\n")
    assert [ln.text for ln in lines] == ["NGHỊ QUYẾT", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN", "về nông nghiệp"]
    assert all(clean[ln.start : ln.end].strip() == ln.text for ln in lines)


def test_title_lines_and_join_title_index_the_source() -> None:
    text = "KẾ HOẠCH\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề chuyển đổi số\ntrên địa bàn huyện\n\nI. MỤC ĐÍCH\n"
    clean, lines = _lines(text)
    author, taken, after = title_lines(clean, lines, 0, None)
    assert (author, [ln.text for ln in taken], lines[after].text) == (
        "CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
        ["về chuyển đổi số trên địa bàn huyện"],  # unwrapped into one logical line
        "I. MỤC ĐÍCH",
    )
    title, span = join_title(text, clean, taken, None, vv=False)
    assert title == "về chuyển đổi số trên địa bàn huyện"
    assert span is not None and text[span.start : span.end] == span.quote


def test_join_title_falls_back_to_the_heading_rest() -> None:
    assert join_title("", "", [], "về  du lịch", vv=False) == ("về du lịch", None)
    assert join_title("", "", [], None, vv=True) == (None, None)


def test_cong_van_title_without_v_v_prefix() -> None:
    text = "Số: 9/UBND-VX\nV/v  tổ chức hội nghị\n\nKính gửi: Các sở.\n"
    clean, lines = _lines(text)
    author, taken, _ = title_lines(clean, lines, None, None)
    assert author is None
    assert join_title(text, clean, taken, None, vv=True)[0] == "tổ chức hội nghị"


def test_notice_with_a_caps_first_title_line() -> None:
    layout = segment(
        "TỈNH ỦY BÌNH ĐỊNH\n*\nSố 512-TB/TU\nBình Định, ngày 25 tháng 10 năm 2024\n\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác cán bộ\n\nNgày 21/10/2024, Ban Thường vụ họp.\n"
    )
    assert layout.doc_type == "Thông báo"
    assert layout.title == "Kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ"
    assert layout.author_line == "CỦA BAN THƯỜNG VỤ TỈNH ỦY"


def test_author_phrase_in_lower_case_is_not_part_of_the_title() -> None:
    layout = segment(
        "ĐẢNG ỦY XÃ BA TƠ\n*\nSố 05-NQ/ĐU\nBa Tơ, ngày 20 tháng 9 năm 2025\n\nNGHỊ QUYẾT\n"
        "của Ban Thường vụ Đảng ủy xã về phát triển kinh tế tập thể\n\nI. MỤC TIÊU\nNội dung.\n"
    )
    assert layout.title == "về phát triển kinh tế tập thể"


@pytest.mark.parametrize(
    ("heading", "doc_type", "author", "title"),
    [
        (
            "KẾT LUẬN CỦA BỘ CHÍNH TRỊ\nvề tiếp tục thực hiện Nghị quyết",
            "Kết luận",
            "CỦA BỘ CHÍNH TRỊ",
            "về tiếp tục thực hiện Nghị quyết",
        ),
        (
            "NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nvề phát triển du lịch",
            "Nghị quyết",
            "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
            "về phát triển du lịch",
        ),
        (
            "THÔNG BÁO KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY\nvề công tác cán bộ",
            "Thông báo",
            "CỦA THƯỜNG TRỰC TỈNH ỦY",
            "Kết luận của Thường trực Tỉnh ủy về công tác cán bộ",
        ),
        (
            "KẾT LUẬN\nCỦA HỘI NGHỊ TRUNG ƯƠNG 11 KHÓA XIII\nvề nhiệm vụ năm 2025",
            "Kết luận",
            "CỦA HỘI NGHỊ TRUNG ƯƠNG 11 KHÓA XIII",
            "về nhiệm vụ năm 2025",
        ),
    ],
)
def test_author_printed_on_or_under_the_type_heading(
    heading: str, doc_type: str, author: str, title: str
) -> None:
    layout = segment(
        f"BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 70-KL/TW\nHà Nội, ngày 31 tháng 01 năm 2024\n\n{heading}\n\nNội dung.\n"
    )
    assert (layout.doc_type, layout.author_line, layout.title) == (doc_type, author, title)


@pytest.mark.parametrize(
    ("title_block", "title"),
    [
        (
            "triển khai Kế hoạch số 146-KH/TU ngày\n02/10/2024 của Ban Thường vụ Tỉnh ủy",
            "triển khai Kế hoạch số 146-KH/TU ngày 02/10/2024 của Ban Thường vụ Tỉnh ủy",
        ),
        (
            "về xây dựng\n2.500 căn nhà ở xã hội",
            "về xây dựng 2.500 căn nhà ở xã hội",
        ),
        (
            "thực hiện Kế hoạch số 146-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện\nChỉ thị số 34-CT/TW\n-----",
            "thực hiện Kế hoạch số 146-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 34-CT/TW",
        ),
        (
            "về phát triển nhà ở xã hội của\nBan Thường vụ Tỉnh ủy",
            "về phát triển nhà ở xã hội của Ban Thường vụ Tỉnh ủy",
        ),
        ("về phát triển nhà ở xã hội\n1. Mục tiêu chung", "về phát triển nhà ở xã hội"),
        ("về phát triển nhà ở xã hội\nBan Thường vụ Huyện ủy đề ra", "về phát triển nhà ở xã hội"),
    ],
)
def test_a_wrapped_title_goes_on_after_a_date_a_connector_or_up_to_its_rule(
    title_block: str, title: str
) -> None:
    layout = segment(
        f"HUYỆN ỦY ĐỨC TRỌNG\n*\nSố 88-KH/HU\nĐức Trọng, ngày 15 tháng 11 năm 2024\n\nKẾ HOẠCH\n{title_block}\n\n"
        "I. MỤC ĐÍCH\nNội dung.\n"
    )
    assert layout.title == title


@pytest.mark.parametrize(
    ("block", "title", "author"),
    [
        (
            "PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN NHÀ Ở GIAI ĐOẠN 2025 - 2030\nTHỦ TƯỚNG CHÍNH PHỦ",
            "PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN NHÀ Ở GIAI ĐOẠN 2025 - 2030",
            "THỦ TƯỚNG CHÍNH PHỦ",
        ),
        (
            "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC\nCỦA ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
            "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH",
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        ),
        (
            "Về việc phê duyệt đề án\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "Về việc phê duyệt đề án",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        ),
        ("HỘI NGHỊ LẦN THỨ MƯỜI\nvề phát triển du lịch", "về phát triển du lịch", "HỘI NGHỊ LẦN THỨ MƯỜI"),
        ("TRIỂN KHAI CHỈ THỊ SỐ 34-CT/TW\n-----", "TRIỂN KHAI CHỈ THỊ SỐ 34-CT/TW", None),
        (
            "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nvề phát triển du lịch",
            "về phát triển du lịch",
            "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
        ),
    ],
)
def test_caps_title_ends_at_the_issuing_authority(block: str, title: str, author: str | None) -> None:
    layout = segment(
        f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 412/QĐ-TTg\nHà Nội, ngày 05 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n{block}\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nội dung.\n"
    )
    assert (layout.title, layout.author_line) == (title, author)


@pytest.mark.parametrize(
    "note",
    [
        "(Ban hành kèm theo Quyết định số 8/QĐ-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)",
        "(Kèm theo Quyết định số 8/QĐ-UBND)",
        "[Ban hành kèm theo Quyết định số 8/QĐ-UBND]",
    ],
)
def test_attachment_note_under_the_title_is_not_part_of_it(note: str) -> None:
    layout = segment(
        f"ỦY BAN NHÂN DÂN TỈNH HÀ BẮC\n\nKẾ HOẠCH\nPhát triển du lịch năm 2026\n{note}\n\nI. MỤC TIÊU\n"
    )
    assert layout.title == "Phát triển du lịch năm 2026"
    assert layout.preamble is not None and layout.preamble.quote == note
