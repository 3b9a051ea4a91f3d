"""Resolve mentions into references (eyecite's ``resolve_citations``) and give each its identity.

Mentions of the same document are merged (quoted titles also by token
Jaccard ≥ 0.75), a missing date or issuer is filled from the other mentions
and a typo year ("10/12/2-25") is repaired from a mention with the same day
and month. Identity is scoped by the citing document's jurisdiction: central
authorities (TW, TTg, CP, QH15, ministries) are national; a /TU symbol is the
Tỉnh ủy of the province its issuer phrase names, else of the citing document's
province; /HU and /ĐU likewise at district and commune level; a UBND/HĐND
symbol takes its level from the issuer phrase ("Ủy ban nhân dân tỉnh").
Symbols without a year (Party and administrative documents) need the year
from the date. Anything unresolvable gives None.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from loaders import gazetteer
from loaders.jurisdiction import KIND_LEVEL as _KIND_LEVEL
from loaders.jurisdiction import authority_level, find_units
from loaders.layout import partial_date
from loaders.models import (
    NATIONAL,
    DocumentId,
    Jurisdiction,
    Level,
    PartialDate,
    Reference,
    ReferenceKind,
    Span,
)
from loaders.patterns import layout as pl
from loaders.patterns import references as pr

MentionKind = ReferenceKind | None
JACCARD_SAME_TITLE = 0.75


@dataclass
class Mention:
    """One place the text names a document; ``group`` ties mentions of the same document."""

    start: int
    end: int
    kind: MentionKind
    group: str
    doc_type: str | None = None
    key: str | None = None
    abbr: str | None = None
    authority: str | None = None
    year_in_symbol: int | None = None
    number: str | None = None
    date: PartialDate | None = None
    typo_date: tuple[int, int, str] | None = None
    issuer: str | None = None
    title: str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def is_self(self) -> bool:
        return self.kind is None


def _fuzzy_merge(mentions: list[Mention]) -> None:
    """Merge quoted titles whose wording differs slightly (token Jaccard ≥ 0.75)."""
    groups: list[tuple[str, set[str]]] = []
    for m in mentions:
        if m.kind != "quoted":
            continue
        tokens = set(m.group.split(":", 2)[2].split())
        for group, toks in groups:
            if (
                group.split(":")[1] == m.group.split(":")[1]
                and len(tokens & toks) / len(tokens | toks) >= 0.75
            ):
                m.group = group
                break
        else:
            groups.append((m.group, tokens))


def resolve(
    mentions: list[Mention], jurisdiction: Jurisdiction = NATIONAL
) -> tuple[tuple[Reference, ...], dict[str, str]]:
    """Merge mentions into references; returns them and the reference key of every group.

    Parameters
    ----------
    mentions : list of Mention
        From :func:`find_mentions` (SELF mentions are skipped).
    jurisdiction : Jurisdiction
        The citing document's jurisdiction, used to scope local symbols (/TU, /HU, UBND).
    """
    _fuzzy_merge(mentions)
    by_group: dict[str, list[Mention]] = {}
    for m in mentions:
        if not m.is_self:
            by_group.setdefault(m.group, []).append(m)
    refs = [_reference(ms, jurisdiction) for ms in by_group.values()]
    keys = {group: ref.key for group, ref in zip(by_group, refs, strict=True)}
    return tuple(refs), keys


def _reference(ms: list[Mention], jurisdiction: Jurisdiction) -> Reference:
    head = next((m for m in ms if m.kind in {"numbered", "law", "quoted", "congress"}), ms[0])
    flags = sorted({f for m in ms for f in m.flags if not f.startswith("alias:") and f != "alias-use"})
    date = next((m.date for m in ms if m.date and m.date.day), None) or next(
        (m.date for m in ms if m.date), None
    )
    typo = next((m.typo_date for m in ms if m.typo_date), None)
    if date is None and typo is not None:
        date = _repair(typo, ms)
        flags.append("date-repaired")
    issuer = next((m.issuer for m in ms if m.issuer), None)
    kind = head.kind or "short"
    ref = Reference(
        key=head.key or head.group,
        kind=kind,
        doc_type=next((m.doc_type for m in ms if m.doc_type and m.doc_type != "Văn bản"), head.doc_type),
        number=head.key if kind == "numbered" else None,
        symbol=_symbol(head.key) if kind == "numbered" and head.key else None,
        date=date,
        issuer=issuer,
        title=next((m.title for m in ms if m.title), None),
        mentions=tuple(Span(m.start, m.end, "") for m in ms),
        aliases=tuple(dict.fromkeys(f[6:] for m in ms for f in m.flags if f.startswith("alias:"))),
        flags=tuple(flags),
    )
    if ref.issuer is None and head.authority:
        ref = replace(ref, issuer=derived_issuer(head.authority, jurisdiction))
    return replace(ref, identity=_identity(head, ref, issuer, jurisdiction))


def _repair(typo: tuple[int, int, str], ms: list[Mention]) -> PartialDate | None:
    day, month, year = typo
    for m in ms:
        if m.date and m.date.day == day and m.date.month == month:
            return m.date
    fixed = year.replace("-", "0")
    return partial_date(str(day), str(month), fixed) if fixed.isdigit() else None


def _symbol(key: str) -> str:
    return pr.LEADING_NUMBER_RE.sub("", key)


def _identity(
    head: Mention, ref: Reference, issuer_text: str | None, jurisdiction: Jurisdiction
) -> DocumentId | None:
    if ref.kind != "numbered" or head.authority is None or head.number is None:
        return None
    return reference_identity(
        authority=head.authority,
        type_code=head.abbr or pr.ABBR_BY_TYPE.get(ref.doc_type or "", "VB"),
        number=head.number,
        year=head.year_in_symbol,
        date=ref.date,
        issuer_text=issuer_text,
        citing=jurisdiction,
    )


def with_spans(refs: tuple[Reference, ...], text: str) -> tuple[Reference, ...]:
    """Fill each mention span's quote from the source text."""
    return tuple(
        replace(r, mentions=tuple(Span(s.start, s.end, text[s.start : s.end]) for s in r.mentions))
        for r in refs
    )


_LEVEL_ORDER: dict[Level, int] = {"commune": 0, "district": 1, "province": 2, "central": 3, "unknown": 4}


def derived_issuer(authority: str, citing: Jurisdiction) -> str | None:
    """The issuing body implied by an authority code ("BXD" → "Bộ Xây dựng", "TU" → "Tỉnh ủy Long An")."""
    base = pr.TRAILING_DIGITS_RE.sub("", authority)
    name = pr.ISSUER_NAMES.get(authority) or pr.ISSUER_NAMES.get(base)
    if name is None:
        for prefix, organ in sorted(pr.PARTY_ORGAN_PREFIX.items(), key=lambda x: -len(x[0])):
            rest = authority[len(prefix) :]
            if authority.startswith(prefix) and rest in pr.ISSUER_NAMES:
                name = f"{organ} {pr.ISSUER_NAMES[rest]}"
                break
    if name is None and authority.startswith("S") and f"B{authority[1:]}" in pr.ISSUER_NAMES:
        name = "Sở" + pr.ISSUER_NAMES[f"B{authority[1:]}"][2:]
    if name is None:
        return None
    level = authority_level(authority)
    if level == "province" and citing.province().units:
        return f"{name} {citing.province().units[0].name}"
    if authority in {"UBND", "HĐND"} and citing.province().units:
        return f"{name} {citing.province().units[0].label()}"
    return name


def issuer_jurisdiction(authority: str, issuer_text: str | None, citing: Jurisdiction) -> Jurisdiction | None:
    """Where the issuer of a referenced document sits; None when it cannot be told."""
    level = authority_level(authority)
    if level == "central":
        return NATIONAL
    named = find_units(issuer_text) if issuer_text else []
    if level is None and issuer_text:
        m = pl.COUNCIL_LEVEL_RE.search(issuer_text)
        if m:
            kind = " ".join(m.group("kind").split()).lower()
            level = _KIND_LEVEL.get(kind, "commune")
    if level is None:
        return None
    if named:
        target = ([u for u in named if u.level == level] or named)[0]
        if target.level == "province":
            return Jurisdiction((target,))
        province = [u for u in named if u.level == "province"] or list(citing.province().units)
        if target.code is not None:
            parent = gazetteer.province_of(target)
            province = [parent] if parent is not None else province
        return Jurisdiction((target, *province[:1]))
    return _at_level(citing, level)


def _at_level(citing: Jurisdiction, level: Level) -> Jurisdiction | None:
    units = tuple(u for u in citing.units if _LEVEL_ORDER[u.level] >= _LEVEL_ORDER[level])
    if not units or units[0].level != level:
        return None
    return Jurisdiction(units)


def reference_identity(
    *,
    authority: str,
    type_code: str,
    number: str,
    year: int | None,
    date: PartialDate | None,
    issuer_text: str | None,
    citing: Jurisdiction,
) -> DocumentId | None:
    """The :class:`DocumentId` of a numbered reference, or None when it is not certain."""
    jurisdiction = issuer_jurisdiction(authority, issuer_text, citing)
    full_year = year or (date.year if date else None)
    if jurisdiction is None or full_year is None:
        return None
    same_year = date is not None and date.year == full_year
    return DocumentId(
        jurisdiction=jurisdiction,
        authority=authority,
        type_code=type_code,
        year=full_year,
        month=date.month if same_year and date else None,
        day=date.day if same_year and date else None,
        number=number,
    )
