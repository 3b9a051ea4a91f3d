"""SHACL validation of built graphs and stores against ``ontology/shapes.ttl``.

``validate(x)`` accepts an rdflib Graph, a Dataset (validated as the union of
its graphs), or anything with a ``quads()`` method (a :class:`graph.store.Store`).
Warnings (e.g. a task without a lead agency) are reported but do not break
conformance; violations do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

import pyshacl
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from graph.store import Quad


class _HasQuads(Protocol):
    def quads(self) -> object: ...


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL validation."""

    conforms: bool
    """True when there is no violation (warnings allowed)."""
    text: str
    """pyshacl's human-readable report."""
    results: int
    """Number of validation results, warnings included."""


@cache
def shapes_graph() -> Graph:
    """The parsed ``ontology/shapes.ttl`` (cached)."""
    text = resources.files("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _union(data: Graph | Dataset | _HasQuads) -> Graph:
    union = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
    elif isinstance(data, Graph):
        if data.store.context_aware:
            return data
        union += data
    else:
        quads: list[Quad] = list(data.quads())  # type: ignore[call-overload]
        for s, p, o, _ in quads:
            union.add((s, p, o))
    return union


def validate(data: Graph | Dataset | _HasQuads) -> ValidationReport:
    """Validate ``data`` against the policykg shapes.

    Parameters
    ----------
    data
        A Graph, a Dataset, or a store exposing ``quads()``.

    Returns
    -------
    ValidationReport
        ``conforms`` is False when any shape is violated.
    """
    conforms, report, text = pyshacl.validate(
        _union(data), shacl_graph=shapes_graph(), inference="none", allow_warnings=True, advanced=True
    )
    if not isinstance(report, Graph):
        return ValidationReport(conforms=False, text=str(text), results=0)
    results = len(set(report.subjects(predicate=URIRef(SH.resultSeverity))))
    return ValidationReport(conforms=bool(conforms), text=str(text), results=results)
