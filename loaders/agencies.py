"""Agency names: canonical display names, matching keys, lists, and resolution in a jurisdiction.

A bare "Sở Xây dựng" or "Ủy ban nhân dân huyện" is relative to the document that names
it: :func:`resolve_agency` places it in the document's jurisdiction at the level the
name implies ("Tỉnh ủy" named in a district plan is the parent province's).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from loaders import gazetteer
from loaders.models import AdminUnit, Agency, Jurisdiction, Level
from loaders.patterns import agencies as pat

_LEVEL_ORDER: tuple[Level, ...] = ("commune", "district", "province")
NAME_CACHE_SIZE = 8192
"""Agency names whose canonical form, key and resolution are remembered (names repeat across documents)."""
SUCCESSORS_FILE = Path(__file__).resolve().parent / "data" / "agency_successors.csv"
"""Merged ministries and provincial departments (2025) with their successor and legal source."""


@dataclass(frozen=True)
class AgencyPhrase:
    """An agency named in a list, with its offsets in the string it was read from."""

    start: int
    end: int
    text: str
    generic: bool


def new_style_tones(text: str) -> str:
    """Move old-style tone marks of a final oa/oe/uy to the first vowel ("uỷ" → "ủy").

    Examples
    --------
    >>> new_style_tones("Huyện uỷ Định Hoá")
    'Huyện ủy Định Hóa'
    """
    return pat.OLD_STYLE_TONE_RE.sub(lambda m: pat.OLD_STYLE_TONES.get(m.group(1), m.group(1)), text)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def canonical_name(name: str) -> str:
    """The display name a careful reader would write: abbreviations expanded, new-style tones.

    Examples
    --------
    >>> canonical_name("UBND các huyện, thành phố")
    'Ủy ban nhân dân các huyện, thành phố'
    >>> canonical_name("phòng Kinh tế")
    'Phòng Kinh tế'
    """
    text = unicodedata.normalize("NFC", name)
    text = pat.MARKUP_RE.sub(" ", text)
    text = " ".join(text.split()).strip(" ,;:.-")
    text = new_style_tones(text)
    for abbreviation_re, expansion in pat.ABBREVIATIONS:
        text = abbreviation_re.sub(expansion, text)
    for typo_re, fix in pat.SPELLING_FIXES:
        text = typo_re.sub(fix, text)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def agency_key(name: str) -> str:
    """Normalised matching key: casefolded, abbreviations expanded, tones unified, no "các".

    Examples
    --------
    >>> agency_key("Uỷ ban nhân dân huyện") == agency_key("UBND huyện")
    True
    """
    text = canonical_name(name).casefold()
    text = pat.KEY_PUNCTUATION_RE.sub(" ", text)
    text = pat.KEY_COMMA_RE.sub(", ", text)
    text = " ".join(text.split())
    return pat.KEY_PLURAL_RE.sub("", text)


def is_generic(name: str) -> bool:
    """True for a collective that names no particular body ("các cơ quan, đơn vị liên quan")."""
    return bool(pat.GENERIC_AGENCY_RE.search(agency_key(name)))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def resolve_agency(name: str, jurisdiction: Jurisdiction) -> Agency:
    """Place an agency named in a document of ``jurisdiction`` at the level its name implies.

    Parameters
    ----------
    name
        The name as written ("Uỷ ban nhân dân huyện", "Sở Xây dựng", "Tỉnh uỷ").
    jurisdiction
        The jurisdiction of the document that names it.

    Returns
    -------
    Agency
        Canonical display name, key (without the document's own locality name),
        the resolved jurisdiction, the generic flag and the parent's key.
    """
    display = canonical_name(name)
    where = _jurisdiction_for(display, jurisdiction)
    key = _drop_own_locality(agency_key(display), where)
    return Agency(
        name=display,
        key=key,
        jurisdiction=where,
        generic=is_generic(display),
        parent_key=_parent_key(key, where),
        as_written=name,
        successor_key=successor_keys().get(key),
    )


def resolve_agencies(names: list[str], jurisdiction: Jurisdiction) -> tuple[Agency, ...]:
    """Resolve several names in ``jurisdiction`` (see :func:`resolve_agency`), each agency once."""
    return unique_agencies([resolve_agency(name, jurisdiction) for name in names])


def unique_agencies(agencies: list[Agency]) -> tuple[Agency, ...]:
    """Agencies in order, each (key, jurisdiction) once."""
    seen: dict[tuple[str, Jurisdiction], Agency] = {}
    for agency in agencies:
        seen.setdefault((agency.key, agency.jurisdiction), agency)
    return tuple(seen.values())


@cache
def successor_keys() -> dict[str, str]:
    """Key of a merged body → key of its successor, from :data:`SUCCESSORS_FILE`.

    Examples
    --------
    >>> successor_keys()["sở kế hoạch và đầu tư"]
    'sở tài chính'
    """
    with SUCCESSORS_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            agency_key(row["predecessor"]): agency_key(row["successor"]) for row in csv.DictReader(handle)
        }


def _jurisdiction_for(display: str, jurisdiction: Jurisdiction) -> Jurisdiction:
    if pat.CENTRAL_LEVEL_RE.search(display):
        return Jurisdiction()
    named = _named_place(display, jurisdiction)
    if named is not None:
        return named
    for level, level_re in (
        ("province", pat.PROVINCE_LEVEL_RE),
        ("district", pat.DISTRICT_LEVEL_RE),
        ("commune", pat.COMMUNE_LEVEL_RE),
    ):
        if level_re.search(display):
            return _at_level(jurisdiction, level)
    return jurisdiction


def _named_place(display: str, jurisdiction: Jurisdiction) -> Jurisdiction | None:
    """The jurisdiction of a place the name ends with ("Sở Xây dựng tỉnh Cà Mau", "Báo Lạng Sơn")."""
    match = pat.NAMED_PLACE_RE.search(display)
    if match is None:
        return None
    kind, name = (match.group("kind") or "").casefold(), match.group("name")
    for index, unit in enumerate(jurisdiction.units):
        if agency_key(unit.name) == agency_key(name) and kind in ("", unit.kind.casefold()):
            return Jurisdiction(jurisdiction.units[index:])
    province = jurisdiction.province()
    within = province.units[0] if province.units else None
    found = gazetteer.lookup(kind, name, within=within) or gazetteer.lookup(kind, name)
    if found is None or (not kind and found.level != "province"):
        return None
    parent = gazetteer.province_of(found)
    return Jurisdiction((found,) if parent is None or parent == found else (found, parent))


def _at_level(jurisdiction: Jurisdiction, level: str) -> Jurisdiction:
    """The part of ``jurisdiction`` at ``level`` or coarser (itself when it has no finer unit)."""
    if level not in _LEVEL_ORDER:
        return jurisdiction
    finer = set(_LEVEL_ORDER[: _LEVEL_ORDER.index(level)])
    units = tuple(u for u in jurisdiction.units if u.level not in finer)
    return Jurisdiction(units) if units else jurisdiction


def _drop_own_locality(key: str, where: Jurisdiction) -> str:
    """ "ủy ban nhân dân huyện cần đước" in Cần Đước → "ủy ban nhân dân huyện"."""
    match = pat.LOCALITY_SUFFIX_RE.search(key)
    if match is None or not where.units:
        return key
    unit: AdminUnit = where.units[0]
    if match.group(1) != unit.kind.casefold() or match.group(2) != agency_key(unit.name):
        return key
    stem = key[: match.start()]
    return stem if pat.PROVINCIAL_ONLY_RE.match(stem) else f"{stem} {match.group(1)}"


def _parent_key(key: str, where: Jurisdiction) -> str | None:
    level = where.level
    if pat.APPOINTED_PARTY_BODY_RE.match(key):
        return pat.PARTY_COMMITTEE_BY_LEVEL.get(level)
    if pat.DEPARTMENT_RE.match(key):
        return pat.PEOPLES_COMMITTEE_BY_LEVEL.get(level)
    match = pat.PARENT_BODY_RE.search(key)
    return match.group(1) if match else None


def split_agency_list(
    text: str, start: int, *, allow_weak: bool = True, limit: int | None = None
) -> tuple[AgencyPhrase, ...]:
    """Read the agencies listed from ``start`` in a flat string, up to the first task verb.

    A name also ends after its locality tail ("Hội Nông dân xã", "Văn phòng Ủy ban nhân
    dân tỉnh") when a lower-case word follows, whatever verb that is.

    Items are separated by ", " or " và "; a piece that does not open an agency
    ("Đầu tư" in "Sở Kế hoạch và Đầu tư", "thành phố" in "UBND các huyện, thành phố")
    is part of the previous name.

    Parameters
    ----------
    text
        Flat text (whitespace collapsed; see :mod:`loaders.patterns.agencies`).
    start
        Where the list starts.
    allow_weak
        Accept a lower-case collective ("chính quyền") as the first item.
    limit
        Where the list must end at the latest (the end of the task); default the text's end.

    Returns
    -------
    tuple of AgencyPhrase
        Empty when no agency starts at ``start``.
    """
    first_re = pat.AGENCY_START_RE
    if not (first_re.match(text, start) or (allow_weak and pat.WEAK_AGENCY_START_RE.match(text, start))):
        return ()
    bound = len(text) if limit is None else limit
    stop = pat.AGENCY_STOP_RE.search(text, start + 1, bound)
    end = stop.start() if stop else bound
    institute = pat.INSTITUTE_NAME_RE.match(text, start, bound)
    end = max(end, institute.end()) if institute else end
    tail = pat.LOCALITY_TAIL_RE.search(text, start, end)
    end = tail.end() if tail else end
    department = pat.DEPARTMENT_NAME_RE.search(text, start, end + 1)
    end = _trim_end(text, start, department.end() if department and department.end() < end else end)
    pieces = _pieces(text, start, end)
    return tuple(AgencyPhrase(s, e, text[s:e], is_generic(text[s:e])) for s, e in _merge_pieces(text, pieces))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " ,-":
        end -= 1
    if text[start:end].endswith(" và"):
        end -= 3
    return end


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split [start, end) on list separators; flag pieces that open an agency."""
    pieces: list[tuple[int, int, bool]] = []
    position = start
    for separator in pat.LIST_SEPARATOR_RE.finditer(text, start, end):
        pieces.append((position, separator.start(), True))
        position = separator.end()
    pieces.append((position, end, True))
    flagged = []
    for index, (s, e, _) in enumerate(pieces):
        joint_office = index > 0 and _joint_office(text, pieces[index - 1], s)
        opens = index == 0 or (
            bool(pat.AGENCY_START_RE.match(text, s))
            and not joint_office
            and not _shared_place_member(text, pieces[index - 1], (s, e))
        )
        flagged.append((s, e, opens))
    return [piece for piece in flagged if piece[1] > piece[0]]


def _joint_office(text: str, previous: tuple[int, int, bool], start: int) -> bool:
    """ "UBND xã" after "Văn phòng HĐND và": the office's name goes on."""
    return bool(
        pat.JOINT_OFFICE_RE.match(text[previous[0] : previous[1]])
        and pat.JOINT_OFFICE_PARTNER_RE.match(text, start)
    )


def _shared_place_member(text: str, previous: tuple[int, int, bool], piece: tuple[int, int]) -> bool:
    """ "các đoàn thể Trung ương" after "Đảng ủy Mặt trận Tổ quốc": the committee's name goes on."""
    return bool(
        pat.COMMITTEE_WITHOUT_PLACE_RE.match(text[previous[0] : previous[1]])
        and pat.SHARED_PLACE_MEMBERS_RE.match(text[piece[0] : piece[1]])
    )


def _merge_pieces(text: str, pieces: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e, opens in pieces:
        if opens or not merged:
            merged.append([s, e])
        else:
            merged[-1][1] = e
    return [(s, e) for s, e in merged]


def list_is_whole(text: str, phrases: tuple[AgencyPhrase, ...]) -> bool:
    """True when a subject list reads as one collective rather than several bodies.

    "Các đảng ủy, chi bộ trực thuộc Huyện ủy" and "Ban cán sự đảng, đảng đoàn, huyện,
    thành, thị ủy" are one addressee; "Mặt trận Tổ quốc huyện, các tổ chức chính trị -
    xã hội huyện" are two.
    """
    named = [p for p in phrases if not p.generic]
    if len(named) <= 1:
        return True
    if all(pat.PERSON_TITLE_RE.match(p.text) for p in named):
        return False
    return any(m.group(1).islower() for p in named for m in pat.ELLIPTICAL_ITEM_RE.finditer(p.text))
