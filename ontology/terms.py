"""The policykg vocabulary as a closed namespace, and the only place IRIs are minted.

``PKG`` lists every class and property of ``ontology/policy.ttl``; a misspelt
term (``PKG.implement``) raises ``AttributeError`` instead of minting a new IRI.

Identity follows DESIGN.md::

    {base}eli/{jurisdiction}/{authority}/{type}/{yyyy}[/{mm}[/{dd}]]/{number}
    {base}eli/vn/tw/ct/2024/05/24/34            complete citation = ingested document
    {base}eli/vn/tw/ct/34                       a citation without a date (a "mention" node)
    {base}eli/vn-long-an/tu/kh/2024/h-1a2b3c4d  blank number: the date parts it has + text hash

A complete citation (jurisdiction, authority, type, full date, number) and the
document it cites mint the same IRI, so ingesting the cited document later joins
them. A citation lacking the date mints a distinct IRI (year omitted), which is
never merged with a dated document by accident.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import quote

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from loaders.models import Agency, DocumentId, Jurisdiction

DEFAULT_BASE = "https://w3id.org/policykg/"
ONTOLOGY_IRI = "https://w3id.org/policykg/ontology#"
MENTION_SLUG_MAX = 60


class PKG(DefinedNamespace):
    """Terms of the policykg ontology (``https://w3id.org/policykg/ontology#``)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Documents
    Document: URIRef
    Directive: URIRef
    Resolution: URIRef
    Decision: URIRef
    Plan: URIRef
    Decree: URIRef
    Circular: URIRef
    Law: URIRef
    Scheme: URIRef
    Programme: URIRef
    Conclusion: URIRef
    Guidance: URIRef
    Notice: URIRef
    OfficialLetter: URIRef
    Report: URIRef
    Mention: URIRef
    # Other classes
    Agency: URIRef
    Jurisdiction: URIRef
    Person: URIRef
    Task: URIRef
    Deadline: URIRef
    Target: URIRef
    Evidence: URIRef
    Signatory: URIRef
    # Relations between documents
    implements: URIRef
    amends: URIRef
    replaces: URIRef
    repeals: URIRef
    basedOn: URIRef
    cites: URIRef
    approves: URIRef
    guides: URIRef
    # Document description
    number: URIRef
    serial: URIRef
    symbol: URIRef
    typeCode: URIRef
    authority: URIRef
    docType: URIRef
    title: URIRef
    date: URIRef
    place: URIRef
    identifier: URIRef
    mentionText: URIRef
    referenceKind: URIRef
    sourcePath: URIRef
    textHash: URIRef
    issuerLabel: URIRef
    recipient: URIRef
    reportRecipient: URIRef
    issuedBy: URIRef
    signedBy: URIRef
    jurisdiction: URIRef
    assigns: URIRef
    statesTarget: URIRef
    # Signature
    capacity: URIRef
    position: URIRef
    # Agencies and jurisdictions
    subOrganizationOf: URIRef
    generic: URIRef
    matchKey: URIRef
    level: URIRef
    adminCode: URIRef
    partOf: URIRef
    # Tasks
    assignee: URIRef
    partner: URIRef
    reportsTo: URIRef
    deadline: URIRef
    text: URIRef
    localId: URIRef
    supporting: URIRef
    # Deadlines
    deadlineText: URIRef
    deadlineKind: URIRef
    periodStart: URIRef
    dueDate: URIRef
    recurrence: URIRef
    # Targets
    quantity: URIRef
    quantityMax: URIRef
    unit: URIRef
    period: URIRef
    periodStartYear: URIRef
    periodEndYear: URIRef
    scope: URIRef
    qualifier: URIRef
    quotedFrom: URIRef
    # Evidence
    evidence: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    cue: URIRef


RELATION_PREDICATES: dict[str, URIRef] = {
    "implements": PKG.implements,
    "based_on": PKG.basedOn,
    "amends": PKG.amends,
    "replaces": PKG.replaces,
    "repeals": PKG.repeals,
    "cites": PKG.cites,
    "approves": PKG.approves,
    "guides": PKG.guides,
}
"""``loaders.models.RelationKind`` → ontology property."""

_CLASS_BY_CODE: dict[str, URIRef] = {
    "ct": PKG.Directive,
    "nq": PKG.Resolution,
    "qd": PKG.Decision,
    "kh": PKG.Plan,
    "nd": PKG.Decree,
    "tt": PKG.Circular,
    "l": PKG.Law,
    "da": PKG.Scheme,
    "ctr": PKG.Programme,
    "kl": PKG.Conclusion,
    "hd": PKG.Guidance,
    "tb": PKG.Notice,
    "cv": PKG.OfficialLetter,
    "bc": PKG.Report,
}

_CLASS_BY_NAME: dict[str, URIRef] = {
    "chi thi": PKG.Directive,
    "nghi quyet": PKG.Resolution,
    "quyet dinh": PKG.Decision,
    "ke hoach": PKG.Plan,
    "nghi dinh": PKG.Decree,
    "thong tu": PKG.Circular,
    "luat": PKG.Law,
    "bo luat": PKG.Law,
    "de an": PKG.Scheme,
    "chuong trinh": PKG.Programme,
    "ket luan": PKG.Conclusion,
    "huong dan": PKG.Guidance,
    "thong bao": PKG.Notice,
    "cong van": PKG.OfficialLetter,
    "bao cao": PKG.Report,
}


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: accents stripped, ``đ`` → ``d``.

    Examples
    --------
    >>> fold("Chỉ thị số 34-CT/TW")
    'chi thi so 34-ct/tw'
    >>> fold("Cần Đước")
    'can duoc'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    """IRI-safe slug: folded ASCII, runs of other characters collapsed to ``-``.

    Examples
    --------
    >>> slug("Long An")
    'long-an'
    >>> slug("Sở Xây dựng")
    'so-xay-dung'
    """
    out: list[str] = []
    for char in fold(text):
        if char.isascii() and char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def _base(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def document_class(doc_type: str | None, type_code: str | None = None) -> URIRef | None:
    """The ontology class of a document type ("Chỉ thị" or code "CT" → ``PKG.Directive``), or None."""
    if doc_type and fold(doc_type).strip() in _CLASS_BY_NAME:
        return _CLASS_BY_NAME[fold(doc_type).strip()]
    if type_code:
        return _CLASS_BY_CODE.get(slug(type_code))
    return None


def jurisdiction_slug(j: Jurisdiction) -> str:
    """``vn`` for national, else ``vn-`` + the unit names from the broadest down.

    Examples
    --------
    >>> from loaders.models import AdminUnit
    >>> jurisdiction_slug(Jurisdiction((AdminUnit("district", "huyện", "Cần Đước"),
    ...                                 AdminUnit("province", "tỉnh", "Long An"))))
    'vn-long-an-can-duoc'
    """
    parts = ["vn", *(slug(unit.name) for unit in reversed(j.units))]
    return "-".join(part for part in parts if part)


def jurisdiction_iri(j: Jurisdiction, base: str = DEFAULT_BASE) -> URIRef:
    """``{base}jurisdiction/{slug}``, e.g. ``…/jurisdiction/vn-long-an``."""
    return URIRef(f"{_base(base)}jurisdiction/{jurisdiction_slug(j)}")


def identity_path(identity: DocumentId) -> str:
    """The ELI path of a document identity, without the base (see module docstring)."""
    parts = [jurisdiction_slug(identity.jurisdiction), slug(identity.authority) or "x"]
    parts.append(slug(identity.type_code) or "x")
    if identity.year is not None:
        parts.append(f"{identity.year:04d}")
        if identity.month is not None:
            parts.append(f"{identity.month:02d}")
            if identity.day is not None:
                parts.append(f"{identity.day:02d}")
    number = slug(identity.number or "")
    if number:
        parts.append(number)
    else:
        parts.append(f"h-{slug(identity.text_hash or '') or 'unknown'}")
    return "/".join(parts)


def document_iri(identity: DocumentId, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the document ``identity`` names.

    Parameters
    ----------
    identity
        Jurisdiction, authority, type, date parts and number (or text hash).
    base
        IRI base, ending in ``/`` (added when missing).

    Examples
    --------
    >>> from loaders.models import NATIONAL
    >>> str(document_iri(DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34")))
    'https://w3id.org/policykg/eli/vn/tw/ct/2024/05/24/34'
    >>> str(document_iri(DocumentId(NATIONAL, "TW", "CT", number="34")))
    'https://w3id.org/policykg/eli/vn/tw/ct/34'
    """
    return URIRef(f"{_base(base)}eli/{identity_path(identity)}")


def is_complete(identity: DocumentId) -> bool:
    """True when the identity has a full date and a number (or text hash): a citable document."""
    has_key = bool(slug(identity.number or "") or identity.text_hash)
    return has_key and None not in (identity.year, identity.month, identity.day)


def links_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """``{base}graph/links``: the named graph of ``owl:sameAs`` links between documents."""
    return URIRef(f"{_base(base)}graph/links")


def agency_iri(agency: Agency, base: str = DEFAULT_BASE) -> URIRef:
    """``{base}org/{jurisdiction}/{slug of the agency key}``."""
    name = slug(agency.key) or slug(agency.name) or "unknown"
    return URIRef(f"{_base(base)}org/{jurisdiction_slug(agency.jurisdiction)}/{name}")


def _local(text: str) -> str:
    return quote(text, safe="-._~") or "_"


def task_iri(document: URIRef, local_id: str) -> URIRef:
    """``{document}/task/{local_id}``; ``local_id`` is position-derived ("IV.3-1")."""
    return URIRef(f"{document}/task/{_local(local_id)}")


def deadline_iri(task: URIRef) -> URIRef:
    """``{task}/deadline``."""
    return URIRef(f"{task}/deadline")


def target_iri(document: URIRef, key: str) -> URIRef:
    """``{document}/target/{key}``; ``key`` is the target's position in the document."""
    return URIRef(f"{document}/target/{_local(key)}")


def evidence_iri(document: URIRef, key: str) -> URIRef:
    """``{document}/evidence/{key}``; ``key`` is derived from the fact and its span."""
    return URIRef(f"{document}/evidence/{_local(key)}")


def selector_iri(evidence: URIRef, kind: str) -> URIRef:
    """``{evidence}/{kind}`` for its ``quote`` and ``position`` selectors."""
    return URIRef(f"{evidence}/{_local(kind)}")


def signer_iri(document: URIRef) -> URIRef:
    """``{document}/signer``: the person who signed (people are not identified across documents)."""
    return URIRef(f"{document}/signer")


def attribution_iri(document: URIRef) -> URIRef:
    """``{document}/signature``: the qualified attribution carrying the signing capacity."""
    return URIRef(f"{document}/signature")


def mention_iri(citing_document: URIRef, key: str) -> URIRef:
    """``{citing document}/mention/{slug of key}``: a reference that could not be resolved.

    Slugs longer than :data:`MENTION_SLUG_MAX` characters are cut at a word
    boundary and suffixed with a short hash of the key, so distinct long titles
    stay distinct.
    """
    name = slug(key)
    if len(name) > MENTION_SLUG_MAX:
        digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:8]
        name = f"{name[:MENTION_SLUG_MAX].rsplit('-', 1)[0]}-{digest}"
    return URIRef(f"{citing_document}/mention/{name or _local(key)}")
