"""Tests for loaders.sections: the section tree, stable paths, the three TỔ CHỨC THỰC HIỆN layouts."""

from __future__ import annotations

import pytest

from loaders.layout import clean_text, logical_lines, segment
from loaders.models import Section
from loaders.sections import build_sections, iter_sections

HEAD = "Số: /KH-UBND\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\nThực hiện Nghị quyết số 01-NQ/TU.\n\n"
TAIL = "\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tám\n"

HEADING_THEN_BULLETS = """I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức.

II. TỔ CHỨC THỰC HIỆN

1. Phòng Kinh tế

- Xây dựng kế hoạch chi tiết.

- Rà soát quỹ đất; báo cáo kết quả.

2. Phòng Văn hóa - Xã hội

Phối hợp với Phòng Kinh tế tuyên truyền Nghị quyết.
"""

MARKDOWN_INLINE = """## **I. TỔ CHỨC THỰC HIỆN**

### **1. Sở Xây dựng**

- Chủ trì rà soát các dự án.

**2. Sở Tài chính:** hướng dẫn sử dụng nguồn kinh phí.

**3. Các sở, ngành khác** theo chức năng phối hợp thực hiện.

a) Báo cáo định kỳ hằng quý.
"""

SENTENCE_ITEMS = """IV. TỔ CHỨC THỰC HIỆN

1. Các đảng ủy trực thuộc tổ chức quán triệt Kế hoạch này đến cán bộ, đảng viên và nhân dân trong toàn huyện, bảo đảm thiết thực, hiệu quả.

2. Ban Tuyên giáo Huyện ủy chủ trì, hướng dẫn việc tuyên truyền Kế hoạch này đến các tầng lớp nhân dân trên địa bàn huyện một cách sâu rộng.
"""


def _tree(body: str) -> list[Section]:
    return iter_sections(segment(HEAD + body + TAIL).sections)


def test_heading_then_bullets_paths_and_kinds() -> None:
    sections = _tree(HEADING_THEN_BULLETS)
    assert [s.path for s in sections] == ["I", "I.1", "I.1.b1", "II", "II.1", "II.1.b1", "II.1.b2", "II.2"]
    by_path = {s.path: s for s in sections}
    assert by_path["I"].kind == "purpose"
    assert by_path["II"].kind == by_path["II.1.b2"].kind == "assignments"
    assert by_path["II.1"].heading == "Phòng Kinh tế"
    assert by_path["II.2"].body.quote == "Phối hợp với Phòng Kinh tế tuyên truyền Nghị quyết."
    assert by_path["II.1.b2"].body.quote == "Rà soát quỹ đất; báo cáo kết quả."


def test_markdown_inline_and_bold_heads() -> None:
    by_path = {s.path: s for s in _tree(MARKDOWN_INLINE)}
    assert by_path["I"].heading == "TỔ CHỨC THỰC HIỆN"
    assert by_path["I.1"].heading == "Sở Xây dựng"
    assert by_path["I.2"].heading == "Sở Tài chính"
    assert by_path["I.2"].body.quote == "hướng dẫn sử dụng nguồn kinh phí."
    assert by_path["I.3"].heading == "Các sở, ngành khác"
    assert by_path["I.3"].body.quote.startswith("theo chức năng")
    assert by_path["I.3.a"].number == "a"


def test_sentence_items_have_no_heading_and_body_is_the_sentence() -> None:
    by_path = {s.path: s for s in _tree(SENTENCE_ITEMS)}
    assert by_path["IV.1"].heading == ""
    assert by_path["IV.1"].body.quote.startswith("Các đảng ủy trực thuộc tổ chức quán triệt")
    assert by_path["IV.2"].body.quote.startswith("Ban Tuyên giáo Huyện ủy chủ trì")


def test_spans_index_the_source_text() -> None:
    text = HEAD + MARKDOWN_INLINE + TAIL
    for s in iter_sections(segment(text).sections):
        assert text[s.span.start : s.span.end] == s.span.quote
        assert text[s.body.start : s.body.end] == s.body.quote
        assert s.span.start <= s.body.start <= s.body.end <= s.span.end


def test_articles_of_a_decision() -> None:
    text = (
        "Số: 05/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nCăn cứ Luật Tổ chức chính quyền địa phương"
        " ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\n"
        "Điều 2. Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    layout = segment(text)
    assert [(s.path, s.kind) for s in layout.sections] == [("art1", "other"), ("art2", "assignments")]
    assert layout.preamble is not None and layout.preamble.quote.startswith("Căn cứ Luật")


def test_top_level_numbered_items_of_a_directive() -> None:
    text = (
        "Số 45-CT/TW\n\nCHỈ THỊ\nvề chuyển đổi số\n\nBan Bí thư yêu cầu thực hiện tốt các nhiệm vụ sau:\n\n"
        "1. Nâng cao nhận thức của cấp ủy\n\nCấp ủy xác định đây là nhiệm vụ trọng tâm.\n\n"
        "2. Tổ chức thực hiện\n\n- Văn phòng Trung ương Đảng theo dõi, đôn đốc./.\n"
    )
    assert [(s.path, s.kind) for s in segment(text).sections] == [("1", "measures"), ("2", "assignments")]


@pytest.mark.parametrize(
    ("prefix", "paths"), [("", ["I", "I.1", "II"]), ("PL2", ["PL2.I", "PL2.I.1", "PL2.II"])]
)
def test_path_prefix_keeps_the_printed_numbering(prefix: str, paths: list[str]) -> None:
    text = "I. MỤC TIÊU\n1. Giảm nghèo.\nII. TỔ CHỨC THỰC HIỆN\n"
    clean = clean_text(text)
    lines = [(ln.start, ln.end, ln.text) for ln in logical_lines(clean)]
    assert [s.path for s in iter_sections(build_sections(text, clean, lines, len(text), prefix))] == paths
