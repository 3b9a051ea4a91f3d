"""The jurisdiction a document belongs to (research-extraction §6), most specific unit first.

Evidence, strongest first: the numbering authority of the "Số" symbol
(TW/TTg/CP… are national; TU province; HU district; ĐU commune; UBND/HĐND by
the level the text gives them), the header organisation, the place in the
date line, and unit names in the trích yếu, preamble and body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from loaders import gazetteer
from loaders.clean import collapse, is_caps, org_case
from loaders.models import NATIONAL, AdminUnit, Jurisdiction, Layout, Level
from loaders.patterns import layout as pl
from loaders.patterns import references as pr

KIND_LEVEL: dict[str, Level] = {
    "tỉnh": "province",
    "thành phố": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}
_COMMITTEE_KIND = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}
REFORM_YEAR = 2025


def authority_level(code: str | None) -> Level | None:
    """Level implied by a numbering-authority code: "TW" central, "TU" province, "HU" district …; None if context."""
    if not code:
        return None
    for suffix, level in pr.PARTY_LEVEL_SUFFIX.items():
        if code == suffix or (code.endswith(suffix) and len(code) > len(suffix) and suffix != "ĐU"):
            return level
    if code.startswith("ĐU"):
        return None  # ĐUK, ĐUQH, ĐUTT: bloc or agency committees, level from context
    if pr.LOCAL_STATE_CODE_RE.match(code):
        return "province" if code.startswith("S") else None
    if pr.CENTRAL_CODE_RE.match(code):
        return "central"
    return None


def authority_code(symbol: str | None) -> str | None:
    """The numbering authority of a symbol: "KH/HU" → "HU", "QĐ-TTg" → "TTg", "KH-UBND" → "UBND"."""
    if not symbol:
        return None
    if "/" in symbol and not pr.YEAR_FIRST_RE.match(symbol):
        return symbol.split("/", 1)[1]
    tail = symbol.split("/")[-1]
    parts = tail.split("-")
    if len(parts) == 1:
        return parts[0]
    return "-".join(parts[1:]) if parts[0] in pr.TYPE_BY_ABBR else parts[0]


MEMO_MAX_CHARS = 2000
"""Texts up to this long (headers, issuers, titles: they recur) have their units memoised; bodies do not."""


def find_units(text: str, *, legacy: bool = True) -> list[AdminUnit]:
    """Administrative units named in ``text``, in order; validated against the gazetteer when possible."""
    if len(text) <= MEMO_MAX_CHARS:
        return list(_memo_units(text, legacy))
    return list(_units_in(text, legacy))


@lru_cache(maxsize=4096)
def _memo_units(text: str, legacy: bool) -> tuple[AdminUnit, ...]:
    return _units_in(text, legacy)


def _units_in(text: str, legacy: bool) -> tuple[AdminUnit, ...]:
    found: list[tuple[int, AdminUnit]] = []
    for m in pl.UNIT_MENTION_RE.finditer(text):
        kind = collapse(m.group("kind")).lower().replace("tp.", "thành phố")
        unit = _validated(kind, m.group("name"), legacy)
        if unit is not None:
            found.append((m.start(), unit))
    for m in pl.COMMITTEE_MENTION_RE.finditer(text):
        kind = _COMMITTEE_KIND[m.group("kind").lower()]
        unit = _validated(kind, m.group("name"), legacy)
        if unit is not None:
            found.append((m.start(), unit))
    return tuple(u for _, u in sorted(found, key=lambda x: x[0]))


@lru_cache(maxsize=1 << 14)
def _validated(kind: str, name: str, legacy: bool) -> AdminUnit | None:
    """The longest prefix of ``name`` that the gazetteer knows for ``kind``; else the first word pair."""
    words = name.split()
    for n in range(len(words), 0, -1):
        if words[n - 1] == "-":
            continue
        cand = " ".join(words[:n])
        hits = gazetteer.candidates(kind, cand, legacy=legacy) or gazetteer.candidates(
            kind, cand, legacy=not legacy
        )
        provinces = [h for h in hits if h.level == "province"]
        if provinces:
            return provinces[0]
        if hits and n == 1 < len(words):
            continue  # "xã Thanh Đồng" is not the one-word "xã Thanh" of another province
        if hits:
            level = KIND_LEVEL[kind] if kind != "thành phố" else "district"
            return hits[0] if len(hits) == 1 else AdminUnit(level, kind, cand)
    words = words[: words.index("-")] if "-" in words else words  # an unknown "A B - C D": keep "A B"
    if kind in KIND_LEVEL and 2 <= len(words) <= 3:
        level = KIND_LEVEL[kind] if kind != "thành phố" else "district"
        return AdminUnit(level, kind, " ".join(words))
    return None


def document_jurisdiction(layout: Layout, text: str) -> Jurisdiction:
    """The document's own jurisdiction (empty = national).

    Parameters
    ----------
    layout : Layout
        The segmented document.
    text : str
        The source text (unit names in the body are used as the last evidence).
    """
    code = authority_code(layout.symbol)
    level = _document_level(layout, text, code)
    if level == "central":
        return NATIONAL
    legacy = (
        layout.date is None
        or layout.date.year < REFORM_YEAR
        or (layout.date.year == REFORM_YEAR and (layout.date.month or 1) < 7)
    )
    units = _evidence(layout, text, legacy)
    province = _province(units, layout, legacy)
    chain: list[AdminUnit] = []
    if level in ("district", "commune"):
        chain.extend(_pick(units, level, province, layout.place, legacy=legacy))
    if province is not None:
        chain.append(province)
    return Jurisdiction(tuple(chain))


def _document_level(layout: Layout, text: str, code: str | None) -> Level | None:
    by_code = authority_level(code)
    if by_code is not None:
        return by_code
    header = org_case(layout.header_org).replace(" / ", " ") if layout.header_org else ""
    zone = " ".join(filter(None, [layout.title, _preamble(layout)]))
    m = pl.COUNCIL_LEVEL_RE.search(header) or _council(zone, text[: layout.body_end])
    if m is not None:
        where = m.string
        kind = collapse(m.group("kind")).lower()
        line = where[m.start("kind") : m.start("kind") + 80].split("\n")[0]
        named = find_units(org_case(line))
        return named[0].level if named and kind == "thành phố" else KIND_LEVEL[kind]
    if layout.header_org:
        for unit in find_units(org_case(layout.header_org.split(" / ")[-1])):
            return unit.level
        if pl.CENTRAL_HEADER_RE.search(layout.header_org):
            return "central"
    return None


def _council(*parts: str) -> re.Match[str] | None:
    """The first People's Committee or Council in ``parts`` that is not the author of a cited document
    ("Kế hoạch số … của Ủy ban nhân dân tỉnh"); else the first one at all."""
    first: re.Match[str] | None = None
    for part in parts:
        for m in pl.COUNCIL_LEVEL_RE.finditer(part):
            if not pl.CITED_AUTHOR_TAIL_RE.search(part, max(0, m.start() - 8), m.start()):
                return m
            first = first or m
    return first


def _preamble(layout: Layout) -> str:
    return layout.preamble.quote if layout.preamble else ""


class _Evidence:
    """The units a document names, part by part (header, author line, trích yếu, preamble, body), each part
    scanned only when the units before it did not settle the question (the body seldom is)."""

    def __init__(self, parts: list[str | None], legacy: bool) -> None:
        self._parts = iter([part for part in parts if part])
        self._found: list[AdminUnit] = []
        self._legacy = legacy

    def __iter__(self) -> Iterator[AdminUnit]:
        i = 0
        while True:
            while i >= len(self._found):
                part = next(self._parts, None)
                if part is None:
                    return
                self._found.extend(find_units(part, legacy=self._legacy))
            yield self._found[i]
            i += 1


def _evidence(layout: Layout, text: str, legacy: bool) -> _Evidence:
    parts = [
        org_case(layout.header_org)
        if layout.header_org and is_caps(layout.header_org)
        else layout.header_org,
        layout.author_line and org_case(layout.author_line),
        layout.title,
        _preamble(layout),
        text[: layout.body_end],
    ]
    return _Evidence(parts, legacy)


def _province(units: Iterable[AdminUnit], layout: Layout, legacy: bool) -> AdminUnit | None:
    for u in units:
        if u.level == "province":
            return u
    if layout.place:
        found = gazetteer.is_province_name(layout.place)
        if found is not None:
            return found
    for u in units:
        if u.code is not None:
            parent = gazetteer.province_of(u, legacy=legacy) or gazetteer.province_of(u, legacy=not legacy)
            if parent is not None:
                return parent
    return None


def _pick(
    units: Iterable[AdminUnit], level: Level, province: AdminUnit | None, place: str | None, *, legacy: bool
) -> list[AdminUnit]:
    """The unit at ``level`` (and the district above a legacy commune), consistent with ``province``."""
    for u in units:
        if u.level != level:
            continue
        if province is not None and u.code is not None:
            parent = gazetteer.province_of(u) or gazetteer.province_of(u, legacy=False)
            if (
                parent is not None
                and parent.name != province.name
                and gazetteer.successor_2025(parent) != province
            ):
                continue
        unit = _recoded(u, province, legacy=legacy)
        return _with_district(unit, units, province) if legacy and level == "commune" else [unit]
    if place and gazetteer.is_province_name(place) is None:
        kind = {"commune": "xã", "district": "huyện"}.get(level, "")
        return [AdminUnit(level, kind, place)]
    return []


def _with_district(
    commune: AdminUnit, units: Iterable[AdminUnit], province: AdminUnit | None
) -> list[AdminUnit]:
    """A pre-2025 commune with the district above it: the gazetteer's, else the district the header names."""
    district = gazetteer.district_of(commune)
    if district is None:
        district = next((u for u in units if u.level == "district" and _inside(u, province)), None)
    return [commune, district] if district is not None else [commune]


def _inside(unit: AdminUnit, province: AdminUnit | None) -> bool:
    if province is None or unit.code is None:
        return True
    parent = gazetteer.province_of(unit)
    return parent is None or parent.name == province.name


def _recoded(unit: AdminUnit, province: AdminUnit | None, *, legacy: bool = False) -> AdminUnit:
    """Prefer the gazetteer entry inside ``province`` (the document's map first) for a unit named in the text."""
    if province is None:
        return unit
    for use_legacy in (True, False) if legacy else (False, True):
        hit = gazetteer.lookup(unit.kind, unit.name, within=province, legacy=use_legacy)
        if hit is not None and hit.level == unit.level:
            return hit
    return unit
