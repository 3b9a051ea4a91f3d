"""Vietnamese administrative units: lookup by kind and name, parents, 2025 successors, slugs.

Data source: the JSON tables shipped inside the ``vietnamadminunits`` wheel
(``parser_legacy.json``: the 63 provinces with their districts and communes
before 1 July 2025; ``parser_from_2025.json``: the 34 provinces and their
communes/wards after the 2025 reform; ``converter_2025.json``: which legacy
provinces each new province absorbed). It was chosen because it is maintained,
offline, carries General Statistics Office codes, and — unlike
``vietnam-provinces``, which only has the current two-level map — covers both
the legacy three-level map (needed for 2024 district plans such as a Huyện ủy
Cần Đước document) and the 2025 conversion in one package. The tables are read
lazily on first use and cached; nothing touches the network.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources, util
from pathlib import Path
from typing import Any

from loaders.clean import match_key
from loaders.models import AdminUnit, Level

PROVINCE_KINDS = ("tỉnh", "thành phố")
DISTRICT_KINDS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
ALL_KINDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
"""The order a bare place name is tried in: provinces first."""


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
"""Apostrophes inside a name ("Cư M’gar") written the one way."""


@dataclass(frozen=True)
class _Unit:
    level: Level
    kind: str
    name: str
    code: str
    province_key: str
    district_key: str | None = None
    admin: AdminUnit = field(init=False, compare=False, repr=False)
    """The public form, made once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "admin", AdminUnit(self.level, self.kind, self.name, self.code))


def slug(name: str) -> str:
    """ASCII slug for IRIs: "Thành phố Hải Phòng" → "thanh-pho-hai-phong" (đ → d by hand).

    Examples
    --------
    >>> slug("xã Hà Bắc, thành phố Hải Phòng")
    'xa-ha-bac-thanh-pho-hai-phong'
    """
    text = name.translate(_APOSTROPHES).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out, dash = [], False
    for ch in text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    """The lookup key of a unit name: "Cư M’gar" = "Cư M'gar", "Phan Rang-Tháp Chàm" = "Phan Rang - Tháp Chàm"."""
    return match_key(name.translate(_APOSTROPHES).replace("–", "-").replace("-", " - "))


def _load(name: str) -> dict[str, Any]:
    """A data table of the ``vietnamadminunits`` wheel, read without importing the package (which loads
    shapely and its parsers: most of a second)."""
    spec = util.find_spec("vietnamadminunits")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations)), "data", name)
        data = path.read_text(encoding="utf-8")
    else:  # pragma: no cover - a zipped install
        data = resources.files("vietnamadminunits").joinpath("data", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


@cache
def _legacy() -> tuple[dict[tuple[str, str], list[_Unit]], dict[str, _Unit]]:
    """Index of legacy units by (kind, name key), and provinces by key."""
    raw = _load("parser_legacy.json")
    index: dict[tuple[str, str], list[_Unit]] = {}
    provinces = _index_provinces(raw, index)
    for pkey, districts in raw["DICT_PROVINCE_DISTRICT"].items():
        for dkey, d in districts.items():
            _add(index, _unit("district", d["district"], d["districtCode"], pkey, dkey))
    for table in ("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", "DICT_PROVINCE_DISTRICT_WARD_ACCENTED"):
        for pkey, districts in raw[table].items():
            for dkey, wards in districts.items():
                _index_wards(index, wards, pkey, dkey)
    return index, provinces


@cache
def _current() -> tuple[dict[tuple[str, str], list[_Unit]], dict[str, _Unit], dict[str, str]]:
    """Index of post-2025 units, provinces by key, and legacy province key → successor key."""
    raw = _load("parser_from_2025.json")
    index: dict[tuple[str, str], list[_Unit]] = {}
    provinces = _index_provinces(raw, index)
    for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED"):
        for pkey, wards in raw[table].items():
            _index_wards(index, wards, pkey, None)
    successor = {
        old: new for new, olds in _load("converter_2025.json")["DICT_PROVINCE"].items() for old in olds
    }
    return index, provinces, successor


def _add(index: dict[tuple[str, str], list[_Unit]], unit: _Unit) -> None:
    """Index ``unit`` by kind and name key (once: the accented tables repeat some units of the unaccented ones)."""
    units = index.setdefault((unit.kind, _key(unit.name)), [])
    if unit not in units:
        units.append(unit)


def _index_provinces(raw: dict[str, Any], index: dict[tuple[str, str], list[_Unit]]) -> dict[str, _Unit]:
    """Add the provinces of one map to ``index``; return them by province key."""
    provinces: dict[str, _Unit] = {}
    for pkey, p in raw["DICT_PROVINCE"].items():
        provinces[pkey] = unit = _unit("province", p["province"], p["provinceCode"], pkey)
        _add(index, unit)
    return provinces


def _index_wards(
    index: dict[tuple[str, str], list[_Unit]], wards: dict[str, Any], pkey: str, dkey: str | None
) -> None:
    for w in wards.values():
        if isinstance(w.get("ward"), str):
            _add(index, _unit("commune", w["ward"], w["wardCode"], pkey, dkey))


def _unit(level: Level, full: str, code: str, pkey: str, dkey: str | None = None) -> _Unit:
    kind, name = split_kind(full)
    return _Unit(level, kind, name, code, pkey, dkey)


def warm() -> None:
    """Load both maps now (a process that will parse many documents pays it once, up front)."""
    _legacy()
    _current()
    _legacy_districts()


def split_kind(full: str) -> tuple[str, str]:
    """ "Thành phố Hải Phòng" → ("thành phố", "Hải Phòng"); a bare name gives ("", name)."""
    low = full.lower()
    for kind in ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường"):
        if low.startswith(kind + " "):
            return kind, full[len(kind) + 1 :].strip()
    return "", full.strip()


def _admin(u: _Unit) -> AdminUnit:
    return u.admin


def lookup(kind: str, name: str, *, within: AdminUnit | None = None, legacy: bool = True) -> AdminUnit | None:
    """Find a unit by kind ("huyện", "tỉnh", "thành phố", "xã" …) and name.

    ``kind`` may be "" to try every kind (a bare place name, provinces first).
    ``within`` restricts to units of that province. Returns None when the unit
    is absent or ambiguous (several candidates and no ``within`` to decide).
    """
    found = candidates(kind, name, legacy=legacy)
    if within is not None and within.level == "province":
        found = [u for u in found if _province_of(u, legacy).name == within.name or u == within]
    if not found:
        return None
    provinces = [u for u in found if u.level == "province"]
    if provinces:
        return provinces[0]
    return found[0] if len(found) == 1 else None


def candidates(kind: str, name: str, *, legacy: bool = True) -> list[AdminUnit]:
    """Every unit with that kind (any kind for "") and name, in the legacy or the current map."""
    index = _legacy()[0] if legacy else _current()[0]
    key = _key(name)
    if kind:
        return [u.admin for u in index.get((kind, key), ())]
    return [u.admin for k in ALL_KINDS for u in index.get((k, key), ())]


def _find(unit: AdminUnit, legacy: bool) -> _Unit | None:
    index = _legacy()[0] if legacy else _current()[0]
    for u in index.get((unit.kind, _key(unit.name)), []):
        if u.code == unit.code or unit.code is None:
            return u
    return None


def _province_of(unit: AdminUnit, legacy: bool) -> AdminUnit:
    found = _find(unit, legacy)
    if found is None:
        return unit
    provinces = _legacy()[1] if legacy else _current()[1]
    return _admin(provinces[found.province_key])


def province_of(unit: AdminUnit, *, legacy: bool = True) -> AdminUnit | None:
    """The province a district or commune belongs to (the unit itself for a province)."""
    if unit.level == "province":
        return unit
    found = _find(unit, legacy)
    if found is None:
        return None
    provinces = _legacy()[1] if legacy else _current()[1]
    return _admin(provinces[found.province_key])


@cache
def _legacy_districts() -> dict[tuple[str, str], _Unit]:
    """Legacy districts by (province key, district key)."""
    return {
        (u.province_key, u.district_key): u
        for units in _legacy()[0].values()
        for u in units
        if u.level == "district" and u.district_key is not None
    }


def district_of(unit: AdminUnit) -> AdminUnit | None:
    """The legacy (pre-July-2025) district a commune belonged to; None when unknown or ambiguous.

    Examples
    --------
    >>> commune = lookup("xã", "Nam Giang", within=lookup("tỉnh", "Nghệ An"))
    >>> district_of(commune).name
    'Nam Đàn'
    """
    if unit.level != "commune":
        return None
    found = _find(unit, legacy=True)
    if found is None or found.district_key is None or (unit.code is None and _ambiguous(unit)):
        return None
    district = _legacy_districts().get((found.province_key, found.district_key))
    return _admin(district) if district is not None else None


def _ambiguous(unit: AdminUnit) -> bool:
    return len(_legacy()[0].get((unit.kind, _key(unit.name)), [])) > 1


def successor_2025(province: AdminUnit) -> AdminUnit | None:
    """The post-July-2025 province a legacy province was merged into (itself when unchanged)."""
    legacy_index = _legacy()[0]
    _, provinces, successor = _current()
    for u in legacy_index.get((province.kind, _key(province.name)), []):
        if u.level == "province" and u.province_key in successor:
            return _admin(provinces[successor[u.province_key]])
    return None


def is_province_name(name: str) -> AdminUnit | None:
    """The province (legacy or current map) called ``name`` ("Hải Phòng", "Long An"), if any."""
    for legacy in (True, False):
        for kind in PROVINCE_KINDS:
            found = [u for u in candidates(kind, name, legacy=legacy) if u.level == "province"]
            if found:
                return found[0]
    return None
