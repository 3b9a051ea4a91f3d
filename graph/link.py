"""Cross-document identity: link an incomplete citation to the one document it certainly names.

A citation with a complete identity lands on the cited document's IRI when it
is built (:mod:`ontology.terms`). A citation giving only the year ("Nghị quyết
số 02-NQ/TU năm 2021") lands on its own mention node; once the document it
names is ingested, :func:`link_documents` adds ``mention owl:sameAs document``
when that is certain (same jurisdiction, authority, type and number, a date
inside the cited year or month, and exactly one such document — see
``same_as_candidates.rq``). Undated citations are never linked.

The links live in one named graph, ``{base}graph/links``, recomputed as a
whole on every call (idempotent). Lineage follows them (``lineage_*.rq``,
:mod:`graph.traversal`).
"""

from __future__ import annotations

from rdflib import OWL, Graph, URIRef

from graph.queries import run_named
from graph.store import Store
from ontology.terms import DEFAULT_BASE, links_graph_iri


def same_as_links(store: Store) -> Graph:
    """The certain ``mention owl:sameAs document`` links the store supports now."""
    links = Graph()
    for row in run_named(store, "same_as_candidates").rows:
        if isinstance(row["mention"], URIRef) and isinstance(row["doc"], URIRef):
            links.add((row["mention"], OWL.sameAs, row["doc"]))
    return links


def link_documents(store: Store, base: str = DEFAULT_BASE) -> int:
    """Recompute the links graph of ``store``; returns the number of links.

    Call it after an ingest (it reads the whole store; cheap next to parsing).
    """
    links = same_as_links(store)
    store.replace_graph(links_graph_iri(base), links)
    return len(links)
