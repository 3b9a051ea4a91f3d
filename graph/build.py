"""ParsedDocument → the triples of one named graph.

``build_graph(doc)`` returns the named-graph IRI (the document IRI itself) and
an rdflib :class:`~rdflib.Graph` holding everything extracted from the
document: the document, every document it mentions, each relation edge with
its evidence, agencies, jurisdictions, tasks with deadlines, and targets.

Evidence model: for every relation edge ``s p o`` there is a node
``e a pkg:Evidence`` with ``pkg:subject s; pkg:predicate p; pkg:object o``,
``oa:hasSelector`` an ``oa:TextQuoteSelector`` (``oa:exact``) and an
``oa:TextPositionSelector`` (``oa:start``, ``oa:end``), and
``prov:wasDerivedFrom`` / ``oa:hasSource`` the source document. Tasks, targets
and deadlines point to their evidence with ``pkg:evidence``.

Only IRIs are used (no blank nodes), all minted by :mod:`ontology.terms`, so
the same input always gives the same (isomorphic, in fact equal) graph.
The graph uses rdflib's ``SimpleMemory`` store (faster to fill and iterate;
not context-aware: copy it into a ``Graph()`` for tools that need contexts).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import OWL, Graph, Literal, Namespace, URIRef
from rdflib import RDF as RDF_NAMESPACE
from rdflib import RDFS as RDFS_NAMESPACE
from rdflib import XSD as XSD_NAMESPACE
from rdflib.namespace import PROV as PROV_NAMESPACE
from rdflib.store import Store

from loaders.models import (
    SELF,
    Agency,
    Deadline,
    DocumentId,
    Jurisdiction,
    ParsedDocument,
    PartialDate,
    Reference,
    Relation,
    Span,
    Target,
    Task,
)
from ontology.terms import (
    DEFAULT_BASE,
    RELATION_PREDICATES,
    agency_iri,
    attribution_iri,
    deadline_iri,
    document_class,
    document_iri,
    evidence_iri,
    identity_path,
    is_complete,
    jurisdiction_iri,
    mention_iri,
    selector_iri,
    signer_iri,
    target_iri,
    task_iri,
)
from ontology.terms import PKG as PKG_NAMESPACE

OA_NAMESPACE = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
VI = "vi"
NATIONAL_LABEL = "Việt Nam"
CACHE_SIZE = 4096
"""IRIs and literals remembered across documents (agencies, jurisdictions, cited documents, labels)."""
CACHED_LITERAL_MAX_CHARS = 200
"""Longer strings are rarely repeated: they are not kept."""

PREFIXES: dict[str, Namespace] = {
    "pkg": Namespace(str(PKG_NAMESPACE._NS)),
    "prov": Namespace(str(PROV_NAMESPACE)),
    "oa": OA_NAMESPACE,
    "eli": ELI,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF_NAMESPACE)),
    "rdfs": Namespace(str(RDFS_NAMESPACE)),
    "xsd": Namespace(str(XSD_NAMESPACE)),
}

_Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Terms:
    """The terms of a namespace by attribute, each built once (rdflib builds a new URIRef on every access)."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


PKG = _Terms(PKG_NAMESPACE)
RDF = _Terms(RDF_NAMESPACE)
RDFS = _Terms(RDFS_NAMESPACE)
XSD = _Terms(XSD_NAMESPACE)
PROV = _Terms(PROV_NAMESPACE)
OA = _Terms(OA_NAMESPACE)


@functools.lru_cache(maxsize=CACHE_SIZE, typed=True)
def _literal(value: str | int | bool, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, lang, datatype)``, shared by the documents that state the same value."""
    return Literal(value, lang=lang, datatype=datatype)


def _string_literal(value: str, lang: str | None = None) -> Literal:
    """A string literal; short ones (names, labels, codes) are shared, long ones (task texts) built afresh."""
    if len(value) <= CACHED_LITERAL_MAX_CHARS:
        return _literal(value, lang)
    return Literal(value, lang=lang)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _agency_iri(agency: Agency, base: str) -> URIRef:
    return agency_iri(agency, base)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _jurisdiction_triples(j: Jurisdiction, base: str) -> tuple[URIRef, tuple[_Triple, ...]]:
    """A jurisdiction's IRI and the triples describing it and its parents, in the order they are added."""
    iri = jurisdiction_iri(j, base)
    triples: list[_Triple] = [
        (iri, RDF.type, PKG.Jurisdiction),
        (iri, RDFS.label, _literal(j.label() or NATIONAL_LABEL, VI)),
        (iri, PKG.level, _literal(j.level)),
    ]
    if j.units:
        if j.units[0].code:
            triples.append((iri, PKG.adminCode, _literal(j.units[0].code)))
        parent, parent_triples = _jurisdiction_triples(Jurisdiction(j.units[1:]), base)
        triples.extend(parent_triples)
        triples.append((iri, PKG.partOf, parent))
    return iri, tuple(triples)


@dataclass
class _Builder:
    """Accumulates the triples of one document graph."""

    doc: ParsedDocument
    base: str
    iri: URIRef
    graph: Graph = field(default_factory=lambda: Graph(store="SimpleMemory", bind_namespaces="none"))
    ref_iris: dict[str, URIRef] = field(default_factory=dict)
    store: Store = field(init=False)

    def __post_init__(self) -> None:
        self.store = self.graph.store  # add to the store directly: every term here is an rdflib term

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.store.add((s, p, o), self.graph)

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.store.add((s, p, _string_literal(value, VI)), self.graph)

    def plain(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.store.add((s, p, _string_literal(value)), self.graph)


def build_graph(doc: ParsedDocument, base: str = DEFAULT_BASE) -> tuple[URIRef, Graph]:
    """The named-graph IRI and all triples extracted from ``doc``.

    Parameters
    ----------
    doc
        A parsed document.
    base
        IRI base for minted IRIs (default ``https://w3id.org/policykg/``).

    Returns
    -------
    tuple[URIRef, Graph]
        The graph IRI (equal to the document IRI) and the document's triples.
    """
    b = _Builder(doc, base, document_iri(doc.identity, base))
    for prefix, namespace in PREFIXES.items():
        b.graph.bind(prefix, namespace)
    _add_document(b)
    for reference in doc.references:
        _add_reference(b, reference)
    for agency in _all_agencies(doc):
        _add_agency(b, agency)
    _add_relations(b)
    for task in doc.tasks:
        _add_task(b, task)
    for index, target in enumerate(doc.targets, start=1):
        _add_target(b, target, index)
    return b.iri, b.graph


def date_literal(date: PartialDate) -> Literal:
    """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` for a (partial) date."""
    datatype = XSD.gYear if date.month is None else XSD.gYearMonth if date.day is None else XSD.date
    return Literal(date.iso(), datatype=datatype)


def _identity_date(identity: DocumentId) -> PartialDate | None:
    if identity.year is None:
        return None
    month = identity.month
    return PartialDate(identity.year, month, identity.day if month is not None else None)


def _add_document(b: _Builder) -> None:
    doc, layout, iri = b.doc, b.doc.layout, b.iri
    _add_identity(b, iri, doc.identity, layout.doc_type)
    b.plain(iri, PKG.number, layout.number)
    b.plain(iri, PKG.symbol, layout.symbol)
    b.text(iri, PKG.title, layout.title)
    b.text(iri, PKG.place, layout.place)
    b.plain(iri, PKG.sourcePath, doc.source.source)
    b.plain(iri, PKG.textHash, doc.identity.text_hash)
    date = layout.date or _identity_date(doc.identity)
    b.add(iri, PKG.date, date_literal(date) if date else None)
    b.text(iri, PKG.issuerLabel, doc.issuer)
    if doc.issuer_agency is not None:
        b.add(iri, PKG.issuedBy, _agency_iri(doc.issuer_agency, b.base))
    b.add(iri, PKG.jurisdiction, _add_jurisdiction(b, doc.jurisdiction))
    for recipient in layout.recipients:
        b.text(iri, PKG.reportRecipient if recipient.for_report else PKG.recipient, recipient.text)
    _add_signature(b)


def _add_identity(b: _Builder, iri: URIRef, identity: DocumentId, doc_type: str | None) -> None:
    b.add(iri, RDF.type, PKG.Document)
    b.add(iri, RDF.type, document_class(doc_type, identity.type_code))
    b.plain(iri, PKG.identifier, identity_path(identity))
    b.plain(iri, PKG.serial, identity.number)
    b.plain(iri, PKG.typeCode, identity.type_code)
    b.plain(iri, PKG.authority, identity.authority)
    b.text(iri, PKG.docType, doc_type)


def _add_signature(b: _Builder) -> None:
    layout = b.doc.layout
    if not layout.signer:
        return
    person, attribution = signer_iri(b.iri), attribution_iri(b.iri)
    b.add(b.iri, PKG.signedBy, person)
    b.add(person, RDF.type, PKG.Person)
    b.text(person, RDFS.label, layout.signer)
    b.text(person, PKG.position, layout.signer_position)
    b.add(b.iri, PROV.qualifiedAttribution, attribution)
    b.add(attribution, RDF.type, PROV.Attribution)
    b.add(attribution, PROV.agent, person)
    b.add(attribution, PROV.hadRole, PKG.Signatory)
    b.text(attribution, PKG.capacity, layout.signature_capacity)
    b.text(attribution, PKG.position, layout.signer_position)


def _add_jurisdiction(b: _Builder, j: Jurisdiction) -> URIRef:
    iri, triples = _jurisdiction_triples(j, b.base)
    for s, p, o in triples:
        b.add(s, p, o)
    return iri


def _all_agencies(doc: ParsedDocument) -> list[Agency]:
    found: list[Agency] = [doc.issuer_agency] if doc.issuer_agency else []
    found.extend(doc.agencies)
    for task in doc.tasks:
        found.extend([task.assignee] if task.assignee else [])
        found.extend(task.partners + task.report_to)
    return list(dict.fromkeys(found))


def _add_agency(b: _Builder, agency: Agency) -> None:
    iri = _agency_iri(agency, b.base)
    b.add(iri, RDF.type, PKG.Agency)
    b.text(iri, RDFS.label, agency.name)
    b.plain(iri, PKG.matchKey, agency.key)
    b.add(iri, PKG.generic, _literal(agency.generic))
    b.add(iri, PKG.jurisdiction, _add_jurisdiction(b, agency.jurisdiction))
    if agency.parent_key:
        parent = Agency(agency.parent_key, agency.parent_key, agency.jurisdiction)
        b.add(iri, PKG.subOrganizationOf, _agency_iri(parent, b.base))


def _reference_iri(b: _Builder, reference: Reference) -> URIRef:
    if reference.identity is not None:
        return document_iri(reference.identity, b.base)
    return mention_iri(b.iri, reference.key)


def _add_reference(b: _Builder, reference: Reference) -> None:
    iri = _reference_iri(b, reference)
    for key in (reference.key, *reference.aliases):
        b.ref_iris.setdefault(key, iri)
    if iri == b.iri:
        return
    identity = reference.identity
    if identity is not None:
        _add_identity(b, iri, identity, reference.doc_type)
    else:
        b.add(iri, RDF.type, PKG.Document)
        b.add(iri, RDF.type, document_class(reference.doc_type))
        b.text(iri, PKG.docType, reference.doc_type)
    if identity is None or not is_complete(identity):
        b.add(iri, RDF.type, PKG.Mention)
    for text in (reference.key, *reference.aliases):
        b.plain(iri, PKG.mentionText, text)
    b.plain(iri, PKG.referenceKind, reference.kind)
    b.plain(iri, PKG.number, reference.number)
    b.plain(iri, PKG.symbol, reference.symbol)
    b.add(iri, PKG.date, date_literal(reference.date) if reference.date else None)
    b.text(iri, PKG.issuerLabel, reference.issuer)
    b.text(iri, PKG.title, reference.title)


def _key_iri(b: _Builder, key: str) -> URIRef:
    """The IRI a relation key stands for; an unknown key becomes a bare mention node."""
    if key == SELF:
        return b.iri
    if key not in b.ref_iris:
        iri = mention_iri(b.iri, key)
        b.add(iri, RDF.type, PKG.Document)
        b.add(iri, RDF.type, PKG.Mention)
        b.plain(iri, PKG.mentionText, key)
        b.ref_iris[key] = iri
    return b.ref_iris[key]


def _add_relations(b: _Builder) -> None:
    related: set[URIRef] = set()
    for relation in b.doc.relations:
        _add_relation(b, relation)
        if relation.subject == SELF:
            related.add(_key_iri(b, relation.object))
    for reference in b.doc.references:
        iri = b.ref_iris[reference.key]
        if iri not in related and iri != b.iri and reference.mentions:
            _add_relation(b, Relation(SELF, "cites", reference.key, reference.mentions[0]))


def _add_relation(b: _Builder, relation: Relation) -> None:
    s, o = _key_iri(b, relation.subject), _key_iri(b, relation.object)
    p = RELATION_PREDICATES[relation.predicate]
    b.add(s, p, o)
    evidence = _add_evidence(b, "rel", f"{s}|{p}|{o}", relation.evidence)
    b.add(evidence, PKG.subject, s)
    b.add(evidence, PKG.predicate, p)
    b.add(evidence, PKG.object, o)
    b.text(evidence, PKG.cue, relation.cue)


def _add_evidence(b: _Builder, kind: str, fact: str, span: Span) -> URIRef:
    digest = hashlib.sha1(f"{fact}|{span.start}|{span.end}".encode(), usedforsecurity=False)
    iri = evidence_iri(b.iri, f"{kind}-{digest.hexdigest()[:12]}")
    quote, position = selector_iri(iri, "quote"), selector_iri(iri, "position")
    b.add(iri, RDF.type, PKG.Evidence)
    b.add(iri, PROV.wasDerivedFrom, b.iri)
    b.add(iri, OA.hasSource, b.iri)
    b.add(iri, OA.hasSelector, quote)
    b.add(iri, OA.hasSelector, position)
    b.add(quote, RDF.type, OA.TextQuoteSelector)
    b.add(quote, OA.exact, Literal(span.quote, lang=VI))
    b.add(position, RDF.type, OA.TextPositionSelector)
    b.add(position, OA.start, _literal(span.start))
    b.add(position, OA.end, _literal(span.end))
    return iri


def _add_task(b: _Builder, task: Task) -> None:
    iri = task_iri(b.iri, task.local_id)
    b.add(b.iri, PKG.assigns, iri)
    b.add(iri, RDF.type, PKG.Task)
    b.plain(iri, PKG.localId, task.local_id)
    b.text(iri, PKG.text, task.text)
    b.add(iri, PKG.supporting, _literal(task.supporting))
    if task.assignee is not None:
        b.add(iri, PKG.assignee, _agency_iri(task.assignee, b.base))
    for partner in task.partners:
        b.add(iri, PKG.partner, _agency_iri(partner, b.base))
    for receiver in task.report_to:
        b.add(iri, PKG.reportsTo, _agency_iri(receiver, b.base))
    if task.deadline is not None:
        b.add(iri, PKG.deadline, _add_deadline(b, iri, task.deadline))
    b.add(iri, PKG.evidence, _add_evidence(b, "task", task.local_id, task.span))


def _add_deadline(b: _Builder, task: URIRef, deadline: Deadline) -> URIRef:
    iri = deadline_iri(task)
    b.add(iri, RDF.type, PKG.Deadline)
    b.text(iri, PKG.deadlineText, deadline.text)
    b.plain(iri, PKG.deadlineKind, deadline.kind)
    if deadline.start:
        b.add(iri, PKG.periodStart, Literal(deadline.start, datatype=XSD.date))
    if deadline.end:
        b.add(iri, PKG.dueDate, Literal(deadline.end, datatype=XSD.date))
    if deadline.recurrence:
        b.add(iri, PKG.recurrence, Literal(deadline.recurrence, datatype=XSD.duration))
    if deadline.span is not None:
        b.add(iri, PKG.evidence, _add_evidence(b, "deadline", str(task), deadline.span))
    return iri


def _decimal(value: float) -> Literal:
    """``xsd:decimal`` in canonical form: ``3000.0``, ``20.5`` (what Turtle round-trips to)."""
    number = Decimal(repr(value))
    lexical = f"{int(number)}.0" if number == number.to_integral_value() else str(number.normalize())
    return Literal(lexical, datatype=XSD.decimal)


def _add_target(b: _Builder, target: Target, index: int) -> None:
    iri = target_iri(b.iri, str(index))
    b.add(b.iri, PKG.statesTarget, iri)
    b.add(iri, RDF.type, PKG.Target)
    b.add(iri, PKG.quantity, _decimal(target.quantity))
    if target.quantity_max is not None:
        b.add(iri, PKG.quantityMax, _decimal(target.quantity_max))
    b.text(iri, PKG.unit, target.unit)
    b.text(iri, PKG.period, target.period)
    for prop, year in ((PKG.periodStartYear, target.period_start), (PKG.periodEndYear, target.period_end)):
        if year is not None:
            b.add(iri, prop, Literal(f"{year:04d}", datatype=XSD.gYear))
    b.text(iri, PKG.scope, target.scope)
    b.plain(iri, PKG.qualifier, target.qualifier)
    if target.source_key:
        b.add(iri, PKG.quotedFrom, _key_iri(b, target.source_key))
    b.add(iri, PKG.evidence, _add_evidence(b, "target", str(index), target.span))
