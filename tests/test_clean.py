"""Tests for loaders.clean: length-preserving normalisation, tone folding, keys, unwrapping, casing."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from loaders.clean import (
    collapse,
    fold_tone,
    is_caps,
    match_key,
    normalize,
    org_case,
    position_case,
    sentence_case,
    unwrap,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ðảng ủy", "Đảng ủy"),
        ("lao động – thương binh", "lao động - thương binh"),
        ("2021—2030", "2021-2030"),
        ("Sở\u00a0Xây\u200bdựng", "Sở Xây dựng"),
        ("### **1. Sở Tài chính**", "      1. Sở Tài chính  "),
        ("  ## Điều 1", "     Điều 1"),  # an indented heading keeps its length
        ("(*khi có hướng dẫn*)", "( khi có hướng dẫn )"),
        ("*\n", "*\n"),
        ("| ỦY BAN NHÂN DÂN<br>HUYỆN A |", "  ỦY BAN NHÂN DÂN\n   HUYỆN A  "),
        ("Sở<BR/>Tài&nbsp;chính", "Sở\n    Tài      chính"),
    ],
)
def test_normalize_folds_variants_and_blanks_markup(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalize_and_unwrap_preserve_length(text: str) -> None:
    assert len(normalize(text)) == len(text)
    assert len(unwrap(text)) == len(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Huyện uỷ", "Huyện ủy"),
        ("cụ thể hoá", "cụ thể hóa"),
        ("HUYỆN UỶ ĐỊNH HOÁ", "HUYỆN ỦY ĐỊNH HÓA"),
        ("thuỷ lợi", "thủy lợi"),
        ("quý II", "quý II"),
        ("hoàn thành", "hoàn thành"),
        ("khoẻ", "khỏe"),
    ],
)
def test_fold_tone_moves_old_style_marks(raw: str, expected: str) -> None:
    assert fold_tone(raw) == expected
    assert len(fold_tone(raw)) == len(raw)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UBND huyện Cần Đước", "Ủy ban nhân dân huyện  Cần Đước"),
        ("Ban Thường vụ Huyện uỷ", "ban thường vụ huyện ủy"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("UBMTTQ và các tổ chức CT-XH", "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"),
    ],
)
def test_match_key_equates_spellings(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_match_key_keeps_different_names_apart() -> None:
    assert match_key("Sở Xây dựng") != match_key("Sở Tài chính")


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("tuyên truyền nội dung của Chỉ \n\nthị 34-CT/TW", True),
        ("phối hợp với ngành Lao động - Thương binh và Xã hội,\nvà các ngành có liên quan", True),
        ("triển khai thực hiện Nghị quyết số 94-NQ/TU, ngày 26/8/2024 của\nBan Thường vụ Tỉnh ủy", True),
        ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích", False),
        ("- Nhiệm vụ thứ nhất;\n- Nhiệm vụ thứ hai.", False),
        ("KẾ HOẠCH\ntriển khai thực hiện", False),
        ("Về việc triển khai thực hiện Nghị quyết số 02-NQ/TU của Thành ủy\nThực hiện Nghị quyết", False),
        (
            "V/v triển khai Kế hoạch số 88-KH/HU của Ban Thường vụ Huyện ủy\nCần Giuộc, ngày 5 tháng 6 năm 2024",
            False,
        ),
        ("Nơi nhận:\n- Như trên;", False),
        ("Phát triển thương mại điện tử năm 2026\n(Ban hành kèm theo Quyết định số 8/QĐ-UBND)", False),
        ("Hỗ trợ nhà ở cho hộ nghèo\n(Kèm theo Quyết định số 8/QĐ-UBND)", False),
        ("danh mục công trình trọng điểm\n(kèm theo Phụ lục) của tỉnh", True),
        ("thực hiện Kế hoạch số 146-KH/TU ngày\n02/10/2024 của Tỉnh ủy", True),
        ("căn cứ Nghị định số\n100/2024/NĐ-CP", True),
        ("Ban Thường vụ Huyện ủy đề ra\n2. Nhiệm vụ", False),
        (  # two-column header printed on one line: the V/v line under the number is its own line
            "Số: 2716/UBND-KT                       Bắc Kạn, ngày 18 tháng 8 năm 2025\nV/v triển khai Nghị định",
            False,
        ),
    ],
)
def test_unwrap_joins_only_continuations(raw: str, joined: bool) -> None:
    assert ("\n" not in unwrap(raw)) is joined


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("THÀNH ỦY HUẾ", "Thành ủy Huế"),
        ("BAN THƯỜNG VỤ THÀNH ỦY", "Ban Thường vụ Thành ủy"),
        ("THỊ ỦY SƠN TÂY", "Thị ủy Sơn Tây"),
        ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
        ("TỈNH UỶ QUẢNG NINH", "Tỉnh ủy Quảng Ninh"),
        ("BỘ XÂY DỰNG", "Bộ Xây dựng"),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("UBND HUYỆN CẦN GIUỘC", "UBND huyện Cần Giuộc"),
        ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "Ban Chấp hành Đảng bộ tỉnh"),
        ("CHI CỤC THUẾ", "Chi cục Thuế"),
        ("VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"),
        ("NGÂN HÀNG NHÀ NƯỚC CHI NHÁNH TỈNH LẠNG SƠN", "Ngân hàng Nhà nước Chi nhánh tỉnh Lạng Sơn"),
        ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
        ("Sở Xây dựng", "Sở Xây dựng"),
    ],
)
def test_org_case(caps: str, expected: str) -> None:
    assert org_case(caps) == expected


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
        ("BÍ THƯ", "Bí thư"),
        ("PHÓ BÍ THƯ", "Phó Bí thư"),
        ("CHỦ TỊCH", "Chủ tịch"),
    ],
)
def test_position_case(caps: str, expected: str) -> None:
    assert position_case(caps) == expected


def test_small_helpers() -> None:
    assert collapse("  a \n\n b ") == "a b"
    assert sentence_case("KẾ HOẠCH") == "Kế hoạch"
    assert is_caps("TỈNH ỦY HẬU GIANG")
    assert not is_caps("Tỉnh ủy")
    assert not is_caps("123")


_WHITESPACE_RUN = re.compile(r"\s+")


@given(st.text(alphabet=st.sampled_from(list("ab Đ\t\n\r\x0b\x0c\x1c\x85\u00a0\u2003\u3000"))))
def test_collapse_is_a_regex_whitespace_collapse(text: str) -> None:
    assert collapse(text) == _WHITESPACE_RUN.sub(" ", text).strip()


def _normalize_every_pattern(text: str) -> str:
    """What :func:`normalize` computes, running every markup pattern whether its character is there or not."""
    from loaders.clean import _TRANSLATION
    from loaders.patterns import text as pt

    out = "".join(_TRANSLATION.get(ch, ch) for ch in text)
    out = pt.HTML_BREAK_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), out)
    out = pt.HTML_SPACE_RE.sub(lambda m: " " * len(m.group(0)), out)
    out = pt.MD_HEADING_RE.sub(lambda m: " " * len(m.group(1)), out)
    out = pt.MD_BOLD_RE.sub(lambda m: " " * len(m.group(0)), out)
    return pt.MD_ITALIC_RE.sub(" ", out)


@given(st.lists(st.sampled_from([*"ab Đ#*_<>&|\n\t\u2013\u00a0", "<br/>", "&nbsp;", "**", "## "])))
def test_normalize_skips_only_patterns_that_cannot_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = _normalize_every_pattern(text)
    assume(len(expected) == len(text))  # "  ## x": the heading's indent is lost (normalize refuses it)
    assert normalize(text) == expected


_ITALIC_LOOKBEHIND_FIRST = re.compile(r"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")


@given(st.text(alphabet=st.sampled_from(list("ab* \n_Đ1."))))
def test_italic_star_is_found_where_the_lookbehind_first_form_finds_it(text: str) -> None:
    from loaders.patterns.text import MD_ITALIC_RE

    assert [m.span() for m in MD_ITALIC_RE.finditer(text)] == [
        m.span() for m in _ITALIC_LOOKBEHIND_FIRST.finditer(text)
    ]


_TONE_PAIR_LOOKBEHIND_FIRST = re.compile(
    r"(?<![qQ])(?P<pair>[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])"
)


@given(st.text(alphabet=st.sampled_from(list("qQoOuUàỳÁỴa 1_\nđ"))))
def test_old_tone_pairs_are_found_where_the_lookbehind_first_form_finds_them(text: str) -> None:
    from loaders.patterns.text import OLD_TONE_RE

    assert [m.span() for m in OLD_TONE_RE.finditer(text)] == [
        m.span() for m in _TONE_PAIR_LOOKBEHIND_FIRST.finditer(text)
    ]
