"""The listings behind ``policykg stats`` and ``policykg tasks``: named queries plus the filters a person types.

``store_stats`` adds the store's triple count to the ``stats`` query's counts.
``list_tasks`` runs the ``tasks`` query and applies :class:`TaskFilter`: a
document phrase is resolved to its IRI, an agency is matched as an accent- and
case-insensitive substring of its label, deadlines are compared as ISO dates.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import XSD, Literal, URIRef

from graph.format import plain_value
from graph.queries import NamedQuery, run_named
from graph.store import Store, Term
from loaders.errors import ResolveError
from ontology.terms import fold

TASK_COLUMNS = [
    "document", "agency", "jurisdiction", "role", "due", "deadline", "task", "partners", "report_to",
    "document_iri", "iri",
]  # fmt: skip
"""Columns of the tasks listing, in order."""


@dataclass(frozen=True)
class TaskFilter:
    """What ``policykg tasks`` was asked for; None means no filter."""

    agency: str | None = None
    """Substring of an agency's label, accents and case ignored ("so xay dung")."""
    doc: str | None = None
    """The assigning document: IRI, number-symbol or phrase."""
    role: str | None = None
    """assignee, partner or report_to."""
    due_before: str | None = None
    """ISO date: tasks due on or before it."""
    overdue_on: str | None = None
    """ISO date: tasks with a due date before it (recurring duties have none, so never appear)."""


def store_stats(store: Store) -> dict[str, int]:
    """Counts of documents, agencies, tasks, relations… and ``triples`` (quads in the store)."""
    result = run_named(store, "stats", {})
    row = result.rows[0] if result.rows else {}
    counts = {name: _int(row.get(name)) for name in result.variables}
    counts["triples"] = store.triple_count()
    return counts


def _int(value: object) -> int:
    plain = plain_value(value)
    return int(plain) if isinstance(plain, int | float) else 0


def list_tasks(store: Store, wanted: TaskFilter) -> tuple[list[str], list[dict[str, object]]]:
    """The tasks listing: columns and rows, in document order.

    Without an agency filter there is one row per task, naming its lead
    agency; with ``--agency`` (or ``--role partner``/``report_to``) one row per
    task and matching agency, ``role`` saying how the agency takes part.

    Raises
    ------
    ResolveError
        ``wanted.doc`` names no document, or several.
    """
    params: dict[str, Term] = {}
    if wanted.doc:
        params["doc"] = _document_iri(store, wanted.doc)
    if wanted.due_before:
        params["due_before"] = Literal(wanted.due_before, datatype=XSD.date)
    agencies = _agencies(store)
    documents = _document_names(store)
    by_agency = wanted.agency is not None or wanted.role in ("partner", "report_to")
    focus = matching_agencies(agencies, wanted.agency or "") if by_agency else [None]
    rows: list[dict[str, object]] = []
    for agency in focus:
        bound = params if agency is None else {**params, "agency": agency}
        for row in run_named(store, "tasks", bound).rows:
            lead = agency or row.get("assignee")
            rows.append(_task_row(row, agencies.get(str(lead), _NO_AGENCY), documents))
    return TASK_COLUMNS, [row for row in rows if _keep(row, wanted)]


_NO_AGENCY = (None, None)


def _document_iri(store: Store, phrase: str) -> URIRef:
    from graph.resolve import resolve_document

    return URIRef(str(resolve_document(store, phrase)))


def _agencies(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """Every agency: IRI → (label, jurisdiction label)."""
    return {
        str(row["agency"]): (_str(row.get("label")), _str(row.get("jurisdiction")))
        for row in run_named(store, "agencies", {}).rows
    }


def _document_names(store: Store) -> dict[str, str]:
    """Ingested documents: IRI → number, or "Kế hoạch 2024-05 (no number)" when it is blank."""
    names = {}
    for row in run_named(store, "documents", {}).rows:
        number = _str(row.get("number"))
        fallback = " ".join(filter(None, (_str(row.get("type")), _str(row.get("date")), "(no number)")))
        names[str(row["doc"])] = number or fallback
    return names


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def matching_agencies(
    agencies: Mapping[str, tuple[str | None, str | None]], text: str
) -> list[URIRef | None]:
    """Agencies whose label contains ``text``, case and spacing ignored.

    Accents are ignored too ("so xay dung" finds "Sở Xây dựng"), except that
    accents the user typed are respected when that still finds something:
    "Sở" finds the Sở… but not a label containing "số".
    """
    labelled = [(iri, label) for iri, (label, _) in agencies.items() if label is not None]
    exact = _squash(text.casefold())
    found = [URIRef(iri) for iri, label in labelled if exact in _squash(label.casefold())]
    if found:
        return list(found)
    needle = _squash(fold(text))
    return [URIRef(iri) for iri, label in labelled if needle in _squash(fold(label))]


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _task_row(
    row: Mapping[str, object], agency: tuple[str | None, str | None], documents: Mapping[str, str]
) -> dict[str, object]:
    """One task as the listing shows it; ``agency`` is (label, jurisdiction) of the agency on the row."""
    doc = str(row.get("doc"))
    return {
        "document": plain_value(row.get("number")) or documents.get(doc, doc),
        "agency": agency[0],
        "jurisdiction": agency[1],
        "role": plain_value(row.get("role")),
        "due": plain_value(row.get("due")),
        "deadline": plain_value(row.get("deadline_text")),
        "task": plain_value(row.get("text")),
        "partners": plain_value(row.get("partners")) or None,
        "report_to": plain_value(row.get("report_to")) or None,
        "document_iri": doc,
        "iri": plain_value(row.get("task")),
    }


def _keep(row: Mapping[str, object], wanted: TaskFilter) -> bool:
    due = row.get("due")
    if wanted.role and row.get("role") != wanted.role:
        return False
    if wanted.overdue_on and not (isinstance(due, str) and due < wanted.overdue_on):
        return False
    return not (wanted.due_before and not (isinstance(due, str) and due <= wanted.due_before))


def bind_params(store: Store, query: NamedQuery, raw: Mapping[str, str]) -> dict[str, Term]:
    """Turn ``--param key=value`` strings into terms of the type the query's header declares.

    An ``(IRI)`` parameter takes an IRI, or for ``doc`` a document phrase
    ("Chỉ thị 34", "34-CT/TW") and for ``agency`` part of an agency's label,
    each of which must name exactly one thing; ``(xsd:date)`` takes an ISO date;
    anything else is a plain string.

    Raises
    ------
    ResolveError
        A phrase names no document or agency, or several.
    """
    types = _declared_types(query)
    return {key: _term(store, key, value, types.get(key, "")) for key, value in raw.items()}


def _declared_types(query: NamedQuery) -> dict[str, str]:
    """``{"doc": "iri", "due_before": "xsd:date, optional"}`` from the ``# params:`` header."""
    header = []
    for line in query.text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("#").strip())
    spec = " ".join(header).partition("params:")[2]
    types: dict[str, str] = {}
    for chunk in spec.split(";"):
        name, _, rest = chunk.strip().partition(" ")
        if rest.startswith("("):
            types[name] = rest[1:].partition(")")[0].lower()
    return types


def _term(store: Store, key: str, value: str, declared: str) -> Term:
    if declared.startswith("iri"):
        if value.startswith(("http://", "https://")):
            return URIRef(value)
        if key == "agency":
            return _one_agency(store, value)
        return _document_iri(store, value)
    if declared.startswith("xsd:date"):
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _one_agency(store: Store, text: str) -> URIRef:
    agencies = _agencies(store)
    found = [iri for iri in matching_agencies(agencies, text) if iri is not None]
    if len(found) != 1:
        reason = "names no agency" if not found else f"names {len(found)} agencies"
        candidates = tuple(f"{agencies[str(i)][0]} ({agencies[str(i)][1]}) <{i}>" for i in found)
        raise ResolveError(reason, text, candidates=candidates)
    return found[0]
