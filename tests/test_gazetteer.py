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
