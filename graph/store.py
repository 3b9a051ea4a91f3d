"""The only code that opens a store.

``open_store(spec)`` picks the backend from the spec:

- a filesystem path (default ``policykg-store/``): Oxigraph on disk (embedded default);
- ``memory:``: Oxigraph in memory, for one-shot runs and tests;
- ``http://…`` / ``https://…``: a remote SPARQL 1.1 server (Query, Update, Graph Store Protocol).

Every backend answers SPARQL over the *union* of the named graphs as its
default graph, so lineage paths cross document graphs. Each source document
lives in its own named graph, and ``replace_graph`` swaps one in a single
transaction: a reader never sees half a document.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral

Term = URIRef | RdfLiteral | BNode
Quad = tuple[Term, URIRef, Term, URIRef]

DEFAULT_STORE = "policykg-store"
STORE_ENV = "POLICYKG_STORE"


@dataclass(frozen=True)
class QueryResult:
    """The answer to one SPARQL query, as rdflib terms."""

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term | None], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


class Store(Protocol):
    """What every backend offers. Implementations live in ``store_oxigraph`` and ``store_remote``."""

    location: str

    def replace_graph(self, graph_iri: URIRef, triples: Graph) -> None:
        """Replace the named graph ``graph_iri`` with ``triples`` in one transaction."""

    def replace_graphs(self, items: Iterable[tuple[URIRef, Graph]]) -> None:
        """Bulk form of :meth:`replace_graph`; each graph is still all-or-nothing."""

    def remove_graph(self, graph_iri: URIRef) -> None:
        """Drop one named graph (no error when absent)."""

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL query with variables pre-bound; never splice values into the text."""

    def quads(self) -> Iterator[Quad]:
        """Every quad in the store (for exports)."""

    def named_graphs(self) -> list[URIRef]:
        """The named graphs, one per ingested source document."""

    def triple_count(self) -> int:
        """Number of quads in the store."""

    def close(self) -> None:
        """Release files and locks."""


def resolve_spec(spec: str | None) -> str:
    """The store spec to use: the explicit one, else ``$POLICYKG_STORE``, else ``policykg-store``."""
    return spec or os.environ.get(STORE_ENV) or DEFAULT_STORE


def open_store(spec: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store named by ``spec`` (see module docstring).

    Raises
    ------
    StoreError
        The store cannot be opened (locked by another process, unreachable, not a store).
    """
    spec = resolve_spec(spec)
    if spec.startswith(("http://", "https://")):
        from graph.store_remote import RemoteStore

        return RemoteStore(spec)
    from graph.store_oxigraph import OxigraphStore

    if spec == "memory:":
        return OxigraphStore(None)
    return OxigraphStore(spec, read_only=read_only)
