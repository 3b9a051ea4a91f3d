"""``ParsedDocument`` → the ``extract --format json`` contract of DESIGN.md (one JSON object per file)."""

from __future__ import annotations

from loaders.models import SELF, ParsedDocument, Reference, Relation, Span, Target, Task
from ontology.terms import document_iri

NATIONAL_LABEL = "Việt Nam"
"""The ``jurisdiction`` of a central document (its IRI segment is ``vn``)."""
LISTED_KINDS = ("implements", "amends", "based_on")
"""Self relations with their own list; every other referenced document goes to ``cites``."""
EXTRA_SELF_KINDS = ("replaces", "repeals", "approves", "guides")
"""Self relations without a list of their own in DESIGN.md: reported in ``relations`` with the own key as subject."""
UNLISTED_REFERENCE_KINDS = frozenset({"generic", "congress"})
"""References too vague to list as cited documents (kept in ``referenced_documents``)."""


def to_contract(doc: ParsedDocument) -> dict[str, object]:
    """The JSON-ready dict for one document: the keys of DESIGN.md in order, then extras."""
    layout = doc.layout
    listed = {r.key for r in doc.references if r.kind not in UNLISTED_REFERENCE_KINDS}
    own = [r for r in doc.relations if r.subject == SELF and r.object in listed]
    by_kind = {kind: _objects(own, kind) for kind in (*LISTED_KINDS, *EXTRA_SELF_KINDS)}
    placed = {key for kind in LISTED_KINDS for key in by_kind[kind]}
    cites = [r.key for r in doc.references if r.key in listed and r.key not in placed]
    return {
        "source": doc.source.source,
        "iri": str(document_iri(doc.identity)),
        "number": layout.number,
        "symbol": layout.symbol,
        "doc_type": layout.doc_type,
        "issuer": doc.issuer,
        "jurisdiction": doc.jurisdiction.label() or NATIONAL_LABEL,
        "place": layout.place,
        "date": layout.date.iso() if layout.date else None,
        "title": layout.title,
        "signer": layout.signer,
        "signer_position": layout.signer_position,
        "signer_capacity": layout.signature_capacity,
        "recipients": [r.text for r in layout.recipients],
        "implements": by_kind["implements"],
        "amends": by_kind["amends"],
        "based_on": by_kind["based_on"],
        "cites": cites,
        "relations": [_relation(r, own_key(doc)) for r in doc.relations if _in_relations(r)],
        "referenced_documents": [_reference(r) for r in doc.references],
        "assignments": [a for task in doc.tasks for a in _assignments(task)],
        "targets": [_target(t) for t in doc.targets],
        **{kind: by_kind[kind] for kind in EXTRA_SELF_KINDS},
        "warnings": list(doc.warnings),
    }


def _objects(relations: list[Relation], kind: str) -> list[str]:
    return list(dict.fromkeys(r.object for r in relations if r.predicate == kind))


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span else None


def own_key(doc: ParsedDocument) -> str:
    """The key standing for this document as a relation subject.

    The printed number ("1402/QĐ-UBND"); for a blank number ("Số: /KH-UBND") the
    symbol with a leading "/" and the date when printed ("/KH-UBND 2026-05"), else the IRI.
    """
    layout = doc.layout
    if layout.number:
        return layout.number
    if layout.symbol:
        return f"/{layout.symbol} {layout.date.iso()}" if layout.date else f"/{layout.symbol}"
    return str(document_iri(doc.identity))


def _in_relations(r: Relation) -> bool:
    return r.subject != SELF or r.predicate in EXTRA_SELF_KINDS


def _relation(r: Relation, own: str) -> dict[str, object]:
    subject = own if r.subject == SELF else r.subject
    obj = own if r.object == SELF else r.object  # "815/QĐ-UBND approves self": an attached plan
    return {"subject": subject, "predicate": r.predicate, "object": obj, "evidence": _span(r.evidence)}


def _reference(r: Reference) -> dict[str, object]:
    return {
        "key": r.key,
        "number": r.number,
        "doc_type": r.doc_type,
        "date": r.date.iso() if r.date else None,
        "issuer": r.issuer,
        "title": r.title,
        "iri": str(document_iri(r.identity)) if r.identity else None,
        "kind": r.kind,
        "mentions": len(r.mentions),
    }


def _assignments(task: Task) -> list[dict[str, object]]:
    roles = [("assignee", task.assignee)] if task.assignee else []
    roles += [("partner", a) for a in task.partners] + [("report_to", a) for a in task.report_to]
    return [
        {
            "agency": agency.name,
            "role": role,
            "task": task.text,
            "deadline": task.deadline.text if task.deadline else None,
            "span": _span(task.span),
            "task_id": task.local_id,
        }
        for role, agency in roles
        if agency is not None and not (agency.generic and role != "assignee")  # collectives only lead
    ]


def _target(t: Target) -> dict[str, object]:
    return {
        "quantity": t.quantity,
        "quantity_max": t.quantity_max,
        "unit": t.unit,
        "period": t.period,
        "scope": t.scope,
        "span": _span(t.span),
        "source": t.source_key,
    }
