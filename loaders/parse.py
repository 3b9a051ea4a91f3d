"""Orchestrate the loader stages: text → :class:`ParsedDocument`.

segment (layout) → jurisdiction → references → relations → tasks
(``loaders.responsibilities``) → targets (``loaders.targets``) → issuer agency
(``loaders.agencies``). Every stage is a pure function of what came before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.agencies import resolve_agency
from loaders.clean import collapse, is_caps, match_key, org_case
from loaders.errors import ParseError
from loaders.jurisdiction import authority_code, authority_level, find_units
from loaders.jurisdiction import document_jurisdiction as find_jurisdiction
from loaders.layout import segment
from loaders.measures import extract_dated_measures
from loaders.models import Agency, DocumentId, Jurisdiction, Layout, ParsedDocument, SourceText, Task
from loaders.patterns import layout as pl
from loaders.patterns import references as pr
from loaders.read import read_source
from loaders.reference_resolution import derived_issuer
from loaders.references import extract_references
from loaders.relations import extract_relations
from loaders.responsibilities import extract_tasks
from loaders.targets import extract_targets

HASH_CHARS = 12
NO_DOCUMENT = "no recognisable policy document: no type heading, number or references"


def parse_file(path: str | Path, *, encoding: str | None = None) -> ParsedDocument:
    """Read and parse one file.

    Raises
    ------
    ReadError
        The file cannot be read as text.
    ParseError
        The text holds nothing a policy document has.
    """
    return parse_text(read_source(path, encoding=encoding))


def parse_text(source: SourceText) -> ParsedDocument:
    """Extract everything policykg knows how to extract from one decoded document.

    Raises
    ------
    ParseError
        No type heading, no number or symbol and no reference to any document.
    """
    text = source.text
    layout = segment(text)
    jurisdiction = find_jurisdiction(layout, text)
    references, mentions, keys = extract_references(text, layout, jurisdiction)
    if layout.doc_type is None and layout.symbol is None and not references:
        raise ParseError(NO_DOCUMENT, source.source)
    relations = extract_relations(text, layout, mentions, keys, references)
    issuer = document_issuer(layout, jurisdiction)
    tasks = extract_tasks(text, layout, jurisdiction)
    tasks = tuple(sorted(tasks + extract_dated_measures(text, layout, tasks), key=lambda t: t.span.start))
    targets = extract_targets(text, layout, references)
    issuer_agency = resolve_agency(issuer, jurisdiction) if issuer else None
    return ParsedDocument(
        source=source,
        layout=layout,
        identity=document_identity(layout, jurisdiction, text),
        issuer=issuer,
        issuer_agency=issuer_agency,
        jurisdiction=jurisdiction,
        references=references,
        relations=relations,
        agencies=_agencies(issuer_agency, tasks),
        tasks=tasks,
        targets=targets,
        warnings=source.warnings,
    )


def document_identity(layout: Layout, jurisdiction: Jurisdiction, text: str) -> DocumentId:
    """The document's own identity; a blank number gets a short hash of the normalised text."""
    symbol = layout.symbol or ""
    parts = pl.SYMBOL_PART_SPLIT_RE.split(symbol) if symbol else []
    type_code = (
        parts[0]
        if parts and parts[0] in pr.TYPE_BY_ABBR
        else pr.ABBR_BY_TYPE.get(layout.doc_type or "", "VB")
    )
    year_m = pr.SYMBOL_YEAR_RE.search(layout.number or "")
    date = layout.date
    number_m = pr.LEADING_DIGITS_RE.match(layout.number or "")
    number = number_m.group(0) if number_m else None
    return DocumentId(
        jurisdiction=jurisdiction,
        authority=authority_code(symbol) or "x",
        type_code=type_code,
        year=int(year_m.group(1)) if year_m else (date.year if date else None),
        month=date.month if date else None,
        day=date.day if date else None,
        number=str(int(number)) if number else None,
        text_hash=None if number else text_hash(text),
    )


def text_hash(text: str) -> str:
    """Short sha256 of the normalised text (stable under whitespace, case and tone-style changes)."""
    return hashlib.sha256(match_key(text).encode("utf-8")).hexdigest()[:HASH_CHARS]


def document_issuer(layout: Layout, jurisdiction: Jurisdiction) -> str | None:
    """The issuing body with its locality: "Ban Thường vụ Tỉnh ủy Hậu Giang", "Ủy ban nhân dân xã Hà Bắc"."""
    code = authority_code(layout.symbol)
    body = _issuer_body(layout)
    header = _header_body(layout)
    if body is None:
        return header or (derived_issuer(code, jurisdiction) if code else None)
    if pl.PARTY_ORGAN_RE.match(body) or (
        pl.STANDING_COMMITTEE_RE.match(body) and not pl.COMMITTEE_WORD_RE.search(body)
    ):
        return f"{body} {_committee(layout, code, jurisdiction)}".strip()
    if header and match_key(header).startswith(match_key(body)) and len(header) > len(body):
        return header  # T/M ĐẢNG ỦY under the header "ĐẢNG ỦY XÃ Y": the header names it in full
    if pl.COUNCIL_RE.match(body):
        return f"{body} {_unit_label(jurisdiction, code)}".strip()
    if pl.COMMITTEE_WORD_RE.search(body) and not _has_locality(body, jurisdiction):
        return f"{body} {_locality(body, jurisdiction, code)}".strip()
    return body


def _issuer_body(layout: Layout) -> str | None:
    if (
        layout.author_line
        and pl.AUTHOR_PREFIX_RE.match(layout.author_line)
        and not pl.CONFERENCE_AUTHOR_RE.match(layout.author_line)
    ):
        return org_case(pl.AUTHOR_PREFIX_RE.sub("", layout.author_line))
    for part in (layout.signature_capacity or "").split(";"):
        m = pl.SIGNATURE_PREFIX_RE.match(part.strip())
        if m and m.group("rest") and _on_behalf_of_body(m.group("prefix"), m.group("rest")):
            return collapse(m.group("rest"))
    zone = layout.preamble.quote if layout.preamble else ""
    m2 = pl.PREAMBLE_SUBJECT_RE.search(collapse(zone))
    if m2:
        return (
            collapse(m2.group("org")).replace("UBND", "Ủy ban nhân dân").replace("HĐND", "Hội đồng nhân dân")
        )
    return None


def _on_behalf_of_body(prefix: str, rest: str) -> bool:
    """T/M names the body; T/L (thừa lệnh) names it only when followed by an organ ("T/L BAN THƯỜNG VỤ")."""
    return prefix in {"T/M", "TM."} or (
        prefix in {"T/L", "TL."} and pl.PARTY_ORGAN_RE.match(rest) is not None
    )


def _header_body(layout: Layout) -> str | None:
    if not layout.header_org:
        return None
    lines = [ln for ln in layout.header_org.split(" / ") if ln.strip(" *")]
    if not lines:
        return None
    last = lines[-1]
    if len(lines) > 1 and pl.UNIT_LINE_RE.match(last):
        last = f"{lines[-2]} {last}"
    body = org_case(last) if is_caps(last) else collapse(last)
    if len(lines) > 1 and pl.PARTY_BOARD_RE.match(body) and pl.COMMITTEE_WORD_RE.search(lines[-2]):
        return f"{body} {_committee_suffix(lines[-2])}"
    if len(lines) > 1 and not pl.UNIT_LINE_RE.match(lines[-1]) and not find_units(body):
        parent = find_units(org_case(lines[-2]))
        if parent:
            body = f"{body} {parent[0].label()}"
    return body


def _committee_suffix(line: str) -> str:
    """ "BAN CHẤP HÀNH TRUNG ƯƠNG" → "Trung ương"; "TỈNH ỦY LONG AN" → "Tỉnh ủy Long An"."""
    return "Trung ương" if pl.CENTRAL_COMMITTEE_LINE_RE.match(line) else org_case(line)


def _committee(layout: Layout, code: str | None, jurisdiction: Jurisdiction) -> str:
    header = _header_body(layout)
    if header and pl.COMMITTEE_WORD_RE.search(header):
        return header
    base = pr.ISSUER_NAMES.get(code or "", "")
    return f"{base} {_locality(base, jurisdiction, code)}".strip() if base else ""


def _has_locality(body: str, jurisdiction: Jurisdiction) -> bool:
    return any(match_key(u.name) in match_key(body) for u in jurisdiction.units)


def _unit_for(jurisdiction: Jurisdiction, code: str | None) -> int | None:
    if not jurisdiction.units:
        return None
    level = authority_level(code)
    for i, unit in enumerate(jurisdiction.units):
        if unit.level == level:
            return i
    return 0


def _locality(body: str, jurisdiction: Jurisdiction, code: str | None) -> str:
    """The place to append to a committee: "Hậu Giang" after "Tỉnh ủy", "xã Hà Bắc" after "Đảng ủy"."""
    i = _unit_for(jurisdiction, code)
    if i is None:
        return ""
    unit = jurisdiction.units[i]
    return unit.label() if pl.PARTY_GRASSROOTS_RE.search(body) else unit.name


def _unit_label(jurisdiction: Jurisdiction, code: str | None) -> str:
    i = _unit_for(jurisdiction, code)
    return jurisdiction.units[i].label() if i is not None else ""


def _agencies(issuer: Agency | None, tasks: tuple[Task, ...]) -> tuple[Agency, ...]:
    seen: dict[tuple[str, str], Agency] = {}
    candidates: list[Agency | None] = [issuer]
    for task in tasks:
        candidates.extend([task.assignee, *task.partners, *task.report_to])
    for agency in candidates:
        if agency is not None:
            seen.setdefault((agency.key, agency.jurisdiction.label()), agency)
    return tuple(seen.values())
