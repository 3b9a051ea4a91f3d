"""Tests for loaders.gazetteer (data from the vietnamadminunits wheel, offline)."""

from __future__ import annotations

import pytest

from loaders import gazetteer
from loaders.models import AdminUnit


@pytest.mark.parametrize(
    ("kind", "name", "level", "province"),
    [
        ("huyện", "Cần Đước", "district", "Long An"),
        ("tỉnh", "Lạng Sơn", "province", "Lạng Sơn"),
        ("thành phố", "Hải Phòng", "province", "Hải Phòng"),
        ("", "Hậu Giang", "province", "Hậu Giang"),
        ("huyện", "Cần Giuộc", "district", "Long An"),
    ],
)
def test_lookup_and_province(kind: str, name: str, level: str, province: str) -> None:
    unit = gazetteer.lookup(kind, name)
    assert unit is not None and unit.level == level and unit.code
    parent = gazetteer.province_of(unit)
    assert parent is not None and parent.name == province


def test_absent_unit_is_none() -> None:
    assert gazetteer.lookup("huyện", "Không Có Thật") is None


def test_ambiguous_commune_needs_a_province() -> None:
    many = gazetteer.candidates("xã", "Tân Phú")
    assert len(many) > 1
    assert gazetteer.lookup("xã", "Tân Phú") is None


def test_current_map_commune_in_a_merged_province() -> None:
    hai_phong = gazetteer.lookup("thành phố", "Hải Phòng", legacy=False)
    assert hai_phong is not None
    unit = gazetteer.lookup("xã", "Hà Bắc", within=hai_phong, legacy=False)
    assert unit is not None and unit.level == "commune"


@pytest.mark.parametrize(
    ("legacy", "successor"),
    [("Long An", "Tây Ninh"), ("Hậu Giang", "Cần Thơ"), ("Lạng Sơn", "Lạng Sơn"), ("Hải Dương", "Hải Phòng")],
)
def test_successor_2025(legacy: str, successor: str) -> None:
    province = gazetteer.lookup("tỉnh", legacy) or gazetteer.lookup("thành phố", legacy)
    assert province is not None
    found = gazetteer.successor_2025(province)
    assert found is not None and found.name == successor


def test_successor_of_unknown_province_is_none() -> None:
    assert gazetteer.successor_2025(AdminUnit("province", "tỉnh", "Không Có")) is None


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Thành phố Hải Phòng", "thanh-pho-hai-phong"),
        ("Đắk Lắk", "dak-lak"),
        ("xã Hà Bắc, TP. Hải Phòng", "xa-ha-bac-tp-hai-phong"),
    ],
)
def test_slug(name: str, slug: str) -> None:
    assert gazetteer.slug(name) == slug


@pytest.mark.parametrize(
    ("full", "split"), [("Thành phố Hải Phòng", ("thành phố", "Hải Phòng")), ("Long An", ("", "Long An"))]
)
def test_split_kind(full: str, split: tuple[str, str]) -> None:
    assert gazetteer.split_kind(full) == split


def test_is_province_name() -> None:
    assert gazetteer.is_province_name("Hải Phòng") is not None
    assert gazetteer.is_province_name("Cần Đước") is None


@pytest.mark.parametrize(("commune", "district"), [("Nam Giang", "Nam Đàn"), ("Thanh Liên", "Thanh Chương")])
def test_district_of_a_legacy_commune(commune: str, district: str) -> None:
    unit = gazetteer.lookup("xã", commune, within=gazetteer.lookup("tỉnh", "Nghệ An"))
    assert unit is not None
    found = gazetteer.district_of(unit)
    assert found is not None and (found.level, found.kind, found.name) == ("district", "huyện", district)


def test_district_of_a_province_or_unknown_commune_is_none() -> None:
    assert gazetteer.district_of(AdminUnit("province", "tỉnh", "Nghệ An", "40")) is None
    assert gazetteer.district_of(AdminUnit("commune", "xã", "Không Có Thật")) is None


@pytest.mark.parametrize(
    ("kind", "name", "province"),
    [
        ("xã", "Văn Lăng", "Thái Nguyên"),  # pairs that differ only in their accents
        ("xã", "Văn Lang", "Thái Nguyên"),
        ("xã", "Cẩm Giàng", "Hải Phòng"),
        ("xã", "Cẩm Giang", "Hải Phòng"),
        ("xã", "Bắc Khánh Vĩnh", "Khánh Hòa"),
        ("xã", "Cư M’gar", "Đắk Lắk"),  # typographic apostrophe
        ("xã", "Cư M'gar", "Đắk Lắk"),
        ("phường", "Cam Ly-Đà Lạt", "Lâm Đồng"),  # hyphen without spaces
        ("xã", "Chân Mây – Lăng Cô", "Huế"),  # en dash
        ("xã", "Đam Rông 2", "Lâm Đồng"),
        ("phường", "1 Bảo Lộc", "Lâm Đồng"),
        ("đặc khu", "Côn Đảo", "Hồ Chí Minh"),
    ],
)
def test_current_map_names_resolve(kind: str, name: str, province: str) -> None:
    within = gazetteer.is_province_name(province)
    unit = gazetteer.lookup(kind, name, within=within, legacy=False)
    assert unit is not None and unit.level == "commune" and unit.code
    assert gazetteer.province_of(unit, legacy=False) == within


def test_accent_pairs_are_distinct_units() -> None:
    within = gazetteer.is_province_name("Thái Nguyên")
    a, b = (gazetteer.lookup("xã", name, within=within, legacy=False) for name in ("Văn Lăng", "Văn Lang"))
    assert a is not None and b is not None and a.code != b.code


def test_every_ward_of_vietnam_provinces_resolves() -> None:
    """The commune list of the other package (the corpus generator's) resolves in our gazetteer."""
    vp = pytest.importorskip("vietnam_provinces")
    missing = []
    for ward in vp.Ward.iter_all():
        kind, name = gazetteer.split_kind(ward.name)
        province_name = gazetteer.split_kind(vp.Province.from_code(ward.province_code).name)[1]
        province = gazetteer.is_province_name(province_name)
        if gazetteer.lookup(kind, name, within=province, legacy=False) is None:
            missing.append(ward.name)
    assert missing == []


@pytest.mark.parametrize(("a", "b"), [("Ea M’Droh", "Ea M'Droh"), ("Cam Ly - Đà Lạt", "Cam Ly-Đà Lạt")])
def test_slug_ignores_apostrophe_and_hyphen_spelling(a: str, b: str) -> None:
    assert gazetteer.slug(a) == gazetteer.slug(b)
