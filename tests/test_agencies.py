"""Agency names: keys, canonical names, lists, generic collectives, resolution in a jurisdiction."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.agencies import (
    agency_key,
    canonical_name,
    is_generic,
    list_is_whole,
    resolve_agencies,
    resolve_agency,
    split_agency_list,
)
from loaders.models import AdminUnit, Jurisdiction


def province(name: str, kind: str = "tỉnh") -> Jurisdiction:
    return Jurisdiction((AdminUnit("province", kind, name),))


def district(name: str, province_name: str) -> Jurisdiction:
    return Jurisdiction((AdminUnit("district", "huyện", name), AdminUnit("province", "tỉnh", province_name)))


BINH_DINH = province("Bình Định")
PHU_YEN = province("Phú Yên")
HOAI_NHON = district("Hoài Nhơn", "Bình Định")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Uỷ ban nhân dân huyện", "UBND huyện"),
        ("Huyện uỷ", "Huyện ủy"),
        ("Phòng Văn hoá - Xã hội", "phòng Văn hóa - Xã hội"),
        ("UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("HĐND huyện", "Hội đồng nhân dân huyện"),
        ("các tổ chức chính trị - xã hội huyện", "Các tổ chức CT-XH huyện"),
        ("**Sở Xây dựng**", "Sở  Xây dựng"),
    ],
)
def test_same_key(first: str, second: str) -> None:
    assert agency_key(first) == agency_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh"),
        ("Ban Tuyên giáo Huyện ủy", "Huyện ủy"),
        ("Sở Xây dựng", "Bộ Xây dựng"),
    ],
)
def test_different_key(first: str, second: str) -> None:
    assert agency_key(first) != agency_key(second)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        ("phòng Kinh tế", "Phòng Kinh tế"),
        ("Văn phòng Huyện uỷ", "Văn phòng Huyện ủy"),
        ("Các trường thôn", "Các trưởng thôn"),
        ("MTTQ Việt Nam xã", "Mặt trận Tổ quốc Việt Nam xã"),
    ],
)
def test_canonical_name(written: str, canonical: str) -> None:
    assert canonical_name(written) == canonical


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("các cơ quan, đơn vị liên quan", True),
        ("các cơ quan có liên quan", True),
        ("chính quyền", True),
        ("cơ quan cấp trên", True),
        ("cấp có thẩm quyền", True),
        ("các sở, ngành, địa phương", True),
        ("Sở Tài chính", False),
        ("Các ban xây dựng Đảng Huyện ủy", False),
        ("Ủy ban nhân dân các xã, thị trấn", False),
    ],
)
def test_generic(name: str, generic: bool) -> None:
    assert is_generic(name) is generic


def test_one_agency_for_both_spellings_in_one_document() -> None:
    written = resolve_agency("Uỷ ban nhân dân huyện", HOAI_NHON)
    abbreviated = resolve_agency("UBND huyện Hoài Nhơn", HOAI_NHON)
    assert (written.key, written.jurisdiction) == (abbreviated.key, abbreviated.jurisdiction)
    assert written.name == "Ủy ban nhân dân huyện"


def test_same_department_of_two_provinces_is_two_agencies() -> None:
    in_binh_dinh = resolve_agency("Sở Xây dựng", BINH_DINH)
    in_phu_yen = resolve_agency("Sở Xây dựng", PHU_YEN)
    assert in_binh_dinh != in_phu_yen
    assert in_binh_dinh.jurisdiction.label() == "tỉnh Bình Định"


@pytest.mark.parametrize(
    ("name", "where", "label"),
    [
        ("Tỉnh uỷ", HOAI_NHON, "tỉnh Bình Định"),
        ("Ban Thường vụ Tỉnh ủy", HOAI_NHON, "tỉnh Bình Định"),
        ("Ủy ban nhân dân huyện", HOAI_NHON, "huyện Hoài Nhơn, tỉnh Bình Định"),
        ("Sở Tài chính", HOAI_NHON, "tỉnh Bình Định"),
        ("Chính phủ", BINH_DINH, ""),
        ("Bộ Xây dựng", HOAI_NHON, ""),
        ("Sở Xây dựng tỉnh Phú Yên", BINH_DINH, "tỉnh Phú Yên"),
        ("Báo Bình Định", BINH_DINH, "tỉnh Bình Định"),
    ],
)
def test_resolved_jurisdiction(name: str, where: Jurisdiction, label: str) -> None:
    assert resolve_agency(name, where).jurisdiction.label() == label


@pytest.mark.parametrize(
    ("name", "where", "parent"),
    [
        ("Ban Tuyên giáo Huyện uỷ", HOAI_NHON, "huyện ủy"),
        ("Văn phòng Huyện ủy", HOAI_NHON, "huyện ủy"),
        ("Ban cán sự đảng UBND tỉnh", BINH_DINH, "tỉnh ủy"),
        ("Sở Xây dựng", BINH_DINH, "ủy ban nhân dân tỉnh"),
        ("Phòng Kinh tế", HOAI_NHON, "ủy ban nhân dân huyện"),
        ("Thường trực HĐND tỉnh", BINH_DINH, "hội đồng nhân dân tỉnh"),
        ("Ủy ban nhân dân huyện", HOAI_NHON, None),
        ("Đảng ủy Ủy ban nhân dân tỉnh", BINH_DINH, "tỉnh ủy"),
        ("Đảng ủy Công an tỉnh", BINH_DINH, "tỉnh ủy"),
        ("Đảng ủy các cơ quan Đảng tỉnh", BINH_DINH, "tỉnh ủy"),
        ("Đảng ủy xã Hoài Hảo", HOAI_NHON, None),
    ],
)
def test_parent_key(name: str, where: Jurisdiction, parent: str | None) -> None:
    assert resolve_agency(name, where).parent_key == parent


def test_key_drops_the_locality_its_jurisdiction_holds() -> None:
    own = resolve_agency("Sở Xây dựng tỉnh Bình Định", BINH_DINH)
    other = resolve_agency("Sở Xây dựng tỉnh Phú Yên", BINH_DINH)
    assert own.key == other.key == "sở xây dựng"
    assert own.jurisdiction != other.jurisdiction
    assert resolve_agency("Cục Thuế tỉnh Bình Định", BINH_DINH).key == "cục thuế tỉnh"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sở Tài chính, Sở Kế hoạch và Đầu tư rà soát", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
        (
            "Sở Lao động - Thương binh và Xã hội và các cơ quan, đơn vị liên quan đề xuất",
            ["Sở Lao động - Thương binh và Xã hội", "các cơ quan, đơn vị liên quan"],
        ),
        ("UBND các xã, thị trấn tổ chức", ["UBND các xã, thị trấn"]),
        ("phòng Nội vụ, đẩy mạnh", ["phòng Nội vụ"]),
        ("chính quyền đẩy mạnh vận động", ["chính quyền"]),
        ("Văn phòng Huyện ủy, các ban xây dựng Đảng Huyện ủy thường xuyên", None),
        ("tổ chức học tập", []),
        ("Văn phòng HĐND và UBND huyện thực hiện", ["Văn phòng HĐND và UBND huyện"]),
        ("HĐND và UBND huyện chỉ đạo", ["HĐND", "UBND huyện"]),
        ("Phòng Văn hóa và Thông tin mở 3 lớp bồi dưỡng", ["Phòng Văn hóa và Thông tin"]),
        ("Sở Nông nghiệp và Phát triển nông thôn, Sở Công Thương kiểm tra", None),
        # names end by their grammar, whatever (unlisted) verb follows
        ("Sở Giáo dục và Đào tạo khám sàng lọc", ["Sở Giáo dục và Đào tạo"]),
        ("Sở Giao thông vận tải sơn lại vạch kẻ đường", ["Sở Giao thông vận tải"]),
        ("Văn phòng Đảng ủy thẩm tra, xác minh đơn thư", ["Văn phòng Đảng ủy"]),
        (
            "Hội Cựu chiến binh xã, Đoàn Thanh niên xã vận động",
            ["Hội Cựu chiến binh xã", "Đoàn Thanh niên xã"],
        ),
        ("Ban Thường vụ Huyện ủy trước ngày 12 tháng 12", ["Ban Thường vụ Huyện ủy"]),
        ("Ban Thường vụ Huyện ủy trong quý IV", ["Ban Thường vụ Huyện ủy"]),
        ("Văn phòng Ủy ban nhân dân tỉnh chậm nhất ngày 5", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("Sở Nội vụ định kỳ hằng năm", ["Sở Nội vụ"]),
        ("Ủy ban kiểm tra Đảng ủy xã giám sát", ["Ủy ban kiểm tra Đảng ủy xã"]),
        ("Liên minh Hợp tác xã tỉnh hỗ trợ", ["Liên minh Hợp tác xã tỉnh"]),
        ("Ngân hàng Chính sách xã hội tỉnh cho vay", ["Ngân hàng Chính sách xã hội tỉnh"]),
        ("Đảng ủy các xã, thị trấn quán triệt", ["Đảng ủy các xã, thị trấn"]),
        ("Các huyện ủy, thị ủy trực thuộc Tỉnh ủy lãnh đạo", ["Các huyện ủy, thị ủy trực thuộc Tỉnh ủy"]),
        ("Sở Tài chính và Ủy ban nhân dân các huyện rà soát", ["Sở Tài chính", "Ủy ban nhân dân các huyện"]),
        # local offices, stations, teams and public service units open a name of their own
        (
            "Phòng Nông nghiệp và Môi trường, Hạt Kiểm lâm huyện kiểm kê rừng",
            ["Phòng Nông nghiệp và Môi trường", "Hạt Kiểm lâm huyện"],
        ),
        ("Trạm Y tế xã, Trạm Khuyến nông huyện tập huấn", ["Trạm Y tế xã", "Trạm Khuyến nông huyện"]),
        (
            "Đội Quản lý thị trường số 3 và Công an huyện kiểm tra",
            ["Đội Quản lý thị trường số 3", "Công an huyện"],
        ),
        (
            "Kho bạc Nhà nước khu vực, Bảo hiểm xã hội huyện, Bệnh viện Đa khoa huyện bảo đảm",
            ["Kho bạc Nhà nước khu vực", "Bảo hiểm xã hội huyện", "Bệnh viện Đa khoa huyện"],
        ),
        (
            "Chi nhánh Ngân hàng Phát triển, Trường Chính trị tỉnh, Ban Chỉ huy Quân sự huyện tham gia",
            ["Chi nhánh Ngân hàng Phát triển", "Trường Chính trị tỉnh", "Ban Chỉ huy Quân sự huyện"],
        ),
        ("Đội ngũ cán bộ thực hiện", []),
        ("Trạm dừng nghỉ được xây dựng", []),
        # delegations and deputies of a council are addressees of their own
        (
            "Thường trực HĐND huyện, các Ban của HĐND huyện, các Tổ đại biểu và đại biểu HĐND huyện giám sát",
            ["Thường trực HĐND huyện", "các Ban của HĐND huyện", "các Tổ đại biểu và đại biểu HĐND huyện"],
        ),
        ("các đại biểu Hội đồng nhân dân xã tiếp xúc", ["các đại biểu Hội đồng nhân dân xã"]),
        # a Party body named after another agency keeps that agency's whole name
        (
            "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh ban hành kế hoạch",
            ["Đảng ủy Ủy ban nhân dân tỉnh"],
        ),
        ("Đảng ủy Công an tỉnh chỉ đạo Công an tỉnh", ["Đảng ủy Công an tỉnh"]),
        ("Đảng ủy Quân sự tỉnh quán triệt", ["Đảng ủy Quân sự tỉnh"]),
        ("Đảng ủy các cơ quan Đảng tỉnh lãnh đạo", ["Đảng ủy các cơ quan Đảng tỉnh"]),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo", ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]),
        ("Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo", ["Đảng đoàn Hội đồng nhân dân tỉnh"]),
        (
            "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh, Đảng ủy Công an tỉnh quán triệt",
            ["Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Công an tỉnh"],
        ),
        ("Đảng ủy xã Tân Phú lãnh đạo", ["Đảng ủy xã Tân Phú"]),
        ("Tỉnh ủy Lâm Đồng chỉ đạo", ["Tỉnh ủy Lâm Đồng"]),
        # a committee named after bodies that share one locality word is one body
        (
            "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh lãnh đạo",
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"],
        ),
        (
            "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương quán triệt",
            ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"],
        ),
        (  # the committee names its own place: the next piece is another body
            "Đảng ủy Mặt trận Tổ quốc tỉnh, các đoàn thể tỉnh lãnh đạo",
            ["Đảng ủy Mặt trận Tổ quốc tỉnh", "các đoàn thể tỉnh"],
        ),
        (  # not a committee: two bodies
            "Ủy ban Mặt trận Tổ quốc huyện, các đoàn thể huyện vận động",
            ["Ủy ban Mặt trận Tổ quốc huyện", "các đoàn thể huyện"],
        ),
        (  # the joint office is one body, also second in a list and without a locality
            "Trung tâm Phục vụ hành chính công và Văn phòng HĐND và UBND rà soát",
            ["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND"],
        ),
        (
            "Công an xã, Văn phòng Đoàn ĐBQH và HĐND tỉnh tổng hợp",
            ["Công an xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"],
        ),
        (  # a plain "và" between an office and a People's Committee still separates two bodies
            "Văn phòng Tỉnh ủy và UBND các xã theo dõi",
            ["Văn phòng Tỉnh ủy", "UBND các xã"],
        ),
        ("Thuế tỉnh Quảng Trị hướng dẫn", ["Thuế tỉnh Quảng Trị"]),  # the tax authority since 2025
        ("Thuế cơ sở 5 thành phố Huế chủ trì", ["Thuế cơ sở 5 thành phố Huế"]),
        ("Hải quan khu vực XII phối hợp", ["Hải quan khu vực XII"]),
        ("Thuế thu nhập cá nhân", []),  # a tax, not the tax authority
        (  # an institute's name runs in lower case up to its locality
            "Viện Khoa học nông nghiệp và phát triển vùng cao tỉnh chủ trì, phối hợp",
            ["Viện Khoa học nông nghiệp và phát triển vùng cao tỉnh"],
        ),
        (  # no locality before the verb: the name ends at the first verb as before
            "Trung tâm Khuyến nông hướng dẫn nông dân xã",
            ["Trung tâm Khuyến nông"],
        ),
    ],
)
def test_split_agency_list(text: str, names: list[str] | None) -> None:
    found = [p.text for p in split_agency_list(text, 0)]
    defaults = {
        "V": ["Văn phòng Huyện ủy", "các ban xây dựng Đảng Huyện ủy"],
        "S": ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Công Thương"],
    }
    assert found == (names if names is not None else defaults[text[0]])


@pytest.mark.parametrize(
    ("subject", "whole"),
    [
        ("Các đảng ủy, chi bộ trực thuộc Huyện ủy tổ chức", True),
        ("Ban cán sự đảng, đảng đoàn, huyện, thị ủy lãnh đạo", True),
        ("Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh theo", False),
        ("Báo Bình Định, Đài Phát thanh và Truyền hình tỉnh:", False),
        ("Sở Nội vụ và các cơ quan liên quan chủ trì", True),
        ("Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường tổ chức", False),
    ],
)
def test_list_is_whole(subject: str, whole: bool) -> None:
    assert list_is_whole(subject, split_agency_list(subject, 0, allow_weak=False)) is whole


@pytest.mark.parametrize(
    ("name", "where", "successor"),
    [
        ("Sở Kế hoạch và Đầu tư", BINH_DINH, "sở tài chính"),
        ("Sở Tài nguyên và Môi trường tỉnh Bình Định", BINH_DINH, "sở nông nghiệp và môi trường"),
        ("Sở Giao thông vận tải", HOAI_NHON, "sở xây dựng"),
        ("Bộ Lao động - Thương binh và Xã hội", BINH_DINH, "bộ nội vụ"),
        ("Bộ Thông tin và Truyền thông", BINH_DINH, "bộ khoa học và công nghệ"),
        ("Sở Xây dựng", BINH_DINH, None),
    ],
)
def test_successor_of_a_merged_body(name: str, where: Jurisdiction, successor: str | None) -> None:
    assert resolve_agency(name, where).successor_key == successor


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["UBND huyện", "Uỷ ban nhân dân huyện", "Phòng Nội vụ"], ["Ủy ban nhân dân huyện", "Phòng Nội vụ"]),
        (["Sở Xây dựng", "Sở Xây dựng tỉnh Phú Yên"], ["Sở Xây dựng", "Sở Xây dựng tỉnh Phú Yên"]),
        ([], []),
    ],
)
def test_resolve_agencies_keeps_each_agency_once(names: list[str], expected: list[str]) -> None:
    assert [a.name for a in resolve_agencies(names, HOAI_NHON)] == expected


_OLD_STYLE_LOOKBEHIND_FIRST = re.compile(r"(?<![qQ])([oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")


@given(st.text(alphabet=st.sampled_from(list("qQoOuUàỳÁỴa 1_\nđ"))))
def test_old_style_pairs_are_found_where_the_lookbehind_first_form_finds_them(text: str) -> None:
    from loaders.patterns.agencies import OLD_STYLE_TONE_RE

    assert [m.span() for m in OLD_STYLE_TONE_RE.finditer(text)] == [
        m.span() for m in _OLD_STYLE_LOOKBEHIND_FIRST.finditer(text)
    ]
