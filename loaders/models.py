"""The data that flows through policykg: frozen dataclasses, one stage to the next.

file → ``read`` → :class:`SourceText` → ``clean``/``layout`` → :class:`Layout`
→ ``references``/``relations``/``responsibilities``/``targets``/``agencies``
→ :class:`ParsedDocument` → ``graph.build`` → triples.

Every extracted fact carries a :class:`Span`: character offsets into
:attr:`SourceText.text` (the decoded, NFC-normalised text the user can read).
Cleaning is length-preserving, so offsets found in cleaned text are offsets
into the source text too.

Nothing here does work at construction time; helper methods only format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SELF = "self"
"""Reference key that stands for the document being parsed ("Kế hoạch này")."""

RelationKind = Literal[
    "implements", "based_on", "amends", "replaces", "repeals", "cites", "approves", "guides"
]
RELATION_KINDS: tuple[RelationKind, ...] = (
    "implements",
    "based_on",
    "amends",
    "replaces",
    "repeals",
    "cites",
    "approves",
    "guides",
)
Role = Literal["assignee", "partner", "report_to"]
Level = Literal["central", "province", "district", "commune", "unknown"]
ReferenceKind = Literal["numbered", "law", "quoted", "congress", "named", "generic", "short"]


@dataclass(frozen=True)
class Span:
    """A range of the source text: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class SourceText:
    """Decoded text of one input file, NFC-normalised, as the user can read it."""

    source: str
    text: str
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartialDate:
    """A date whose day or month may be blank ("ngày tháng 5 năm 2026")."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class AdminUnit:
    """One administrative unit, e.g. kind "huyện", name "Cần Đước"."""

    level: Level
    kind: str
    name: str
    code: str | None = None
    """Code from the gazetteer (General Statistics Office code) when known."""

    def label(self) -> str:
        return f"{self.kind} {self.name}".strip()


@dataclass(frozen=True)
class Jurisdiction:
    """Where a body sits, most specific unit first; empty ``units`` means national ("vn")."""

    units: tuple[AdminUnit, ...] = ()

    @property
    def is_national(self) -> bool:
        return not self.units

    @property
    def level(self) -> Level:
        return self.units[0].level if self.units else "central"

    def label(self) -> str:
        """ "huyện Cần Đước, tỉnh Long An"; "" for national."""
        return ", ".join(u.label() for u in self.units)

    def province(self) -> Jurisdiction:
        """The province-level part of this jurisdiction (itself when already a province)."""
        return Jurisdiction(tuple(u for u in self.units if u.level == "province"))


NATIONAL = Jurisdiction()


@dataclass(frozen=True)
class DocumentId:
    """What identifies a document: (jurisdiction, numbering authority, type, date or year, number).

    ``ontology.terms.document_iri`` turns it into an ELI-style IRI. ``number`` is
    None for a blank "Số: /KH-UBND"; ``text_hash`` then disambiguates.
    """

    jurisdiction: Jurisdiction
    authority: str
    """Numbering authority code as printed in the symbol: "TW", "TU", "HU", "TTg", "CP", "UBND", "QH15"."""
    type_code: str
    """Type abbreviation: "CT", "NQ", "KH", "QĐ", "NĐ", "TT", "L" (law), "ĐA" ..."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    number: str | None = None
    text_hash: str | None = None


@dataclass(frozen=True)
class Reference:
    """A document mentioned in the text, resolved across all of its mentions.

    ``key`` is what the JSON contract uses: the number-symbol when printed
    ("34-CT/TW", "338/QĐ-TTg"), else a label ("Luật Nhà ở 2023").
    """

    key: str
    kind: ReferenceKind
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: PartialDate | None = None
    issuer: str | None = None
    title: str | None = None
    identity: DocumentId | None = None
    """Set when the reference resolves to a full identity; None leaves an unresolved mention node."""
    mentions: tuple[Span, ...] = ()
    aliases: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A statement between documents: ``subject predicate object``, keys or :data:`SELF`."""

    subject: str
    predicate: RelationKind
    object: str
    evidence: Span
    """The sentence (or clause) the relation was read from."""
    cue: str = ""


@dataclass(frozen=True)
class Section:
    """A node of the section tree: "IV. TỔ CHỨC THỰC HIỆN", "1. Sở Xây dựng", a bullet."""

    path: str
    """Stable position, e.g. "IV", "IV.3", "IV.3.b2" (used in task IRIs)."""
    number: str
    """Numbering as printed: "IV", "3", "a", "-" for a bullet."""
    heading: str
    """Heading text without numbering/markup ("TỔ CHỨC THỰC HIỆN", "Sở Xây dựng"); "" for a bullet."""
    kind: str
    """Keyword class of a top-level section: purpose, targets, measures, assignments, viewpoints, other."""
    span: Span
    """The whole section, heading included."""
    body: Span
    """The section after its heading (for an inline "**2. Sở X:** task…" item, the text after the colon)."""
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Recipient:
    text: str
    for_report: bool = False
    """True when marked "(để b/c)": sent to it for reporting."""
    span: Span | None = None


@dataclass(frozen=True)
class Layout:
    """The document split into its official components."""

    family: Literal["party", "state", "unknown"]
    header_org: str | None
    """The issuing-body lines of the header ("TỈNH ỦY HẬU GIANG"), if any."""
    number: str | None
    """Number and symbol as printed ("146-KH/HU"), None when the number is blank."""
    symbol: str | None
    """"KH/HU", "KH-UBND"."""
    number_span: Span | None
    place: str | None
    date: PartialDate | None
    date_span: Span | None
    doc_type: str | None
    """Vietnamese type name, title-cased as in running text: "Kế hoạch"."""
    author_line: str | None
    """Optional "CỦA BAN THƯỜNG VỤ HUYỆN ỦY" line between type and title."""
    title: str | None
    title_span: Span | None
    preamble: Span | None
    sections: tuple[Section, ...]
    recipients: tuple[Recipient, ...]
    signature_capacity: str | None
    """"T/M Ban Thường vụ", "TM. Ủy ban nhân dân; KT. Chủ tịch"."""
    signer_position: str | None
    signer: str | None
    signature_span: Span | None
    body_end: int
    """Offset where the content ends (before Nơi nhận / signature)."""


@dataclass(frozen=True)
class Agency:
    """An agency resolved in the jurisdiction of the document that names it."""

    name: str
    """Canonical display name: "Ủy ban nhân dân huyện", "Sở Xây dựng"."""
    key: str
    """Normalised matching key (casefolded, UBND expanded, uỷ→ủy), scoped by ``jurisdiction`` for identity."""
    jurisdiction: Jurisdiction
    generic: bool = False
    """A collective such as "các cơ quan, đơn vị liên quan"."""
    parent_key: str | None = None
    """Key of the body it belongs to (Ban Tuyên giáo Huyện ủy ⊂ Huyện ủy), same jurisdiction."""
    as_written: str = ""
    successor_key: str | None = None
    """Key of the body that took it over in the 2025 reorganisation (loaders/data/agency_successors.csv)."""


@dataclass(frozen=True)
class Deadline:
    """When a task is due, normalised where possible while keeping the words."""

    text: str
    kind: Literal["date", "month", "quarter", "year", "period", "recurring", "relative", "ad_hoc"]
    start: str | None = None
    """ISO date the period starts (periods only)."""
    end: str | None = None
    """ISO date by which it is due (inclusive), when computable."""
    recurrence: str | None = None
    """ISO 8601 duration of a recurring duty: "P1Y", "P3M", "P1M"."""
    span: Span | None = None


@dataclass(frozen=True)
class Task:
    """A duty a document assigns: who leads, who helps, who is reported to, by when."""

    local_id: str
    """Position-derived id, unique in the document: "IV.3-1"."""
    text: str
    span: Span
    assignee: Agency | None
    partners: tuple[Agency, ...] = ()
    report_to: tuple[Agency, ...] = ()
    deadline: Deadline | None = None
    supporting: bool = False
    """The task opens with "Phối hợp …": the assignee supports another lead."""


@dataclass(frozen=True)
class Target:
    """A numeric target the text states ("400 căn by 2025")."""

    quantity: float
    unit: str
    span: Span
    quantity_max: float | None = None
    period: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    scope: str | None = None
    qualifier: Literal["at_least", "about", "at_most", "aspirational"] | None = None
    source_key: str | None = None
    """Key of the document the target is quoted from ("338/QĐ-TTg"), if any."""


@dataclass(frozen=True)
class ParsedDocument:
    """Everything policykg extracts from one source document."""

    source: SourceText
    layout: Layout
    identity: DocumentId
    issuer: str | None
    """"Ban Thường vụ Huyện ủy", with its locality when the text gives it."""
    issuer_agency: Agency | None
    jurisdiction: Jurisdiction
    references: tuple[Reference, ...] = ()
    relations: tuple[Relation, ...] = ()
    """Relations with :data:`SELF` as subject, and statements between other documents."""
    agencies: tuple[Agency, ...] = ()
    tasks: tuple[Task, ...] = ()
    targets: tuple[Target, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.source.text
