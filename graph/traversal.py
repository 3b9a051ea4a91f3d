"""Lineage: the networkx projection of relations between documents, up and down the chain.

"Up" from a document is what it implements, rests on (Căn cứ), amends,
replaces, repeals or approves, and what those rest on in turn; "down" is what
implements it (or rests on it…), transitively. Oxigraph finds the reachable
edges with one property-path query per direction (``lineage_up.rq``,
``lineage_down.rq``); networkx measures depths and cuts at ``depth``.

Every edge keeps each assertion of it: which document's graph states it and
the sentence it was read from.

- :func:`relation_graph` — the whole store's document relations as a networkx MultiDiGraph;
- :func:`relation_edges` — the edges reachable from one document, up or down;
- :func:`levels` — signed distances from a root in such a graph;
- :func:`lineage` — a :class:`Lineage` (nodes described, edges with evidence), ``to_dict()`` for JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, cast

import networkx as nx
from rdflib import OWL, URIRef

from graph.queries import run_named
from graph.store import Store, Term
from ontology.terms import PKG, RELATION_PREDICATES

Direction = Literal["up", "down", "both"]

LINEAGE_PREDICATES: dict[URIRef, str] = {
    iri: name for name, iri in RELATION_PREDICATES.items() if name not in ("cites", "guides")
}
"""The relations lineage follows, by ontology IRI → contract name ("implements", "based_on"…)."""


@dataclass(frozen=True)
class Assertion:
    """One document's statement of an edge, with the sentence it came from."""

    source: str
    """IRI of the named graph (source document) asserting the edge."""
    sentence: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class LineageEdge:
    """``source predicate target``, e.g. a district plan ``implements`` a province plan."""

    source: str
    predicate: str
    """Contract name: implements, based_on, amends, replaces, repeals, approves."""
    target: str
    assertions: tuple[Assertion, ...]


@dataclass(frozen=True)
class LineageNode:
    """A document in a lineage with what identifies it for display."""

    iri: str
    level: int
    """0 for the root, +k for k steps up, -k for k steps down."""
    number: str | None = None
    doc_type: str | None = None
    title: str | None = None
    date: str | None = None
    label: str | None = None
    """The raw citation of an unresolved mention."""
    ingested: bool = False


@dataclass(frozen=True)
class Lineage:
    """The documents above and/or below a root document and the edges between them."""

    root: str
    direction: Direction
    depth: int | None
    nodes: tuple[LineageNode, ...]
    edges: tuple[LineageEdge, ...]

    def node(self, iri: str) -> LineageNode:
        """The node with IRI ``iri`` (KeyError when absent)."""
        for node in self.nodes:
            if node.iri == iri:
                return node
        raise KeyError(iri)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: root, direction, depth, nodes and edges."""
        return asdict(self)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The lineage as a MultiDiGraph (edge key = predicate), attributes from the nodes/edges."""
        graph = nx.MultiDiGraph()
        for node in self.nodes:
            graph.add_node(node.iri, **asdict(node))
        for edge in self.edges:
            graph.add_edge(edge.source, edge.target, key=edge.predicate, assertions=edge.assertions)
        return graph


def _text(value: Term | None) -> str | None:
    return None if value is None else str(value)


def _int(value: Term | None) -> int | None:
    return None if value is None else int(str(value))


def _add_assertion(graph: nx.MultiDiGraph, row: dict[str, Term | None], predicate: str, source: str) -> None:
    s, o = str(row["s"]), str(row["o"])
    if not graph.has_edge(s, o, key=predicate):
        graph.add_edge(s, o, key=predicate, assertions=[])
    if row[source] is not None:
        assertion = Assertion(str(row[source]), _text(row["quote"]), _int(row["start"]), _int(row["end"]))
        graph.edges[s, o, predicate]["assertions"].append(assertion)


def relation_graph(store: Store, *, with_citations: bool = False) -> nx.MultiDiGraph:
    """Every relation between documents in ``store`` as a MultiDiGraph.

    Nodes are IRI strings; edges run subject → object, are keyed by predicate
    name ("implements", "based_on"…) and carry ``assertions`` (a list of
    :class:`Assertion`). ``cites`` and ``guides`` edges are left out unless
    ``with_citations``.
    """
    graph = nx.MultiDiGraph()
    names = {iri: name for name, iri in RELATION_PREDICATES.items()}
    for row in run_named(store, "edges").rows:
        predicate = names.get(cast(URIRef, row["p"]))
        if predicate is not None and (with_citations or cast(URIRef, row["p"]) in LINEAGE_PREDICATES):
            _add_assertion(graph, row, predicate, "g")
    return graph


def relation_edges(store: Store, doc: URIRef, direction: Literal["up", "down"]) -> nx.MultiDiGraph:
    """Every lineage edge reachable from ``doc`` in ``direction``, as a MultiDiGraph.

    Nodes are IRI strings; edges are keyed by predicate name and carry
    ``assertions`` (a list of :class:`Assertion`).
    """
    graph = nx.MultiDiGraph()
    graph.add_node(str(doc))
    same: list[tuple[str, str]] = []
    for row in run_named(store, f"lineage_{direction}", {"doc": doc}).rows:
        if row["p"] == OWL.sameAs:
            same.append((str(row["s"]), str(row["o"])))
        elif (predicate := LINEAGE_PREDICATES.get(cast(URIRef, row["p"]))) is not None:
            _add_assertion(graph, row, predicate, "g")
    for mention, document in same:
        if mention == str(doc):
            mention, document = document, mention
        merge_into(graph, mention, document)
    return graph


def merge_into(graph: nx.MultiDiGraph, node: str, into: str) -> None:
    """Move every edge of ``node`` onto ``into`` (merging assertions) and drop ``node``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("plan", "mention", key="implements", assertions=["a"])
    'implements'
    >>> merge_into(g, "mention", "directive")
    >>> list(g.edges(keys=True, data=True))
    [('plan', 'directive', 'implements', {'assertions': ['a']})]
    """
    if node not in graph or node == into:
        return
    moved = [
        (into if s == node else s, into if o == node else o, k, d)
        for s, o, k, d in graph.edges(node, keys=True, data=True)
    ]
    moved += [(s, into, k, d) for s, _, k, d in graph.in_edges(node, keys=True, data=True) if s != node]
    graph.remove_node(node)
    graph.add_node(into)
    for s, o, key, data in moved:
        if s == o:
            continue
        if graph.has_edge(s, o, key=key):
            graph.edges[s, o, key]["assertions"].extend(data["assertions"])
        else:
            graph.add_edge(s, o, key=key, assertions=list(data["assertions"]))


def levels(
    graph: nx.MultiDiGraph, root: str, direction: Literal["up", "down"], depth: int | None
) -> dict[str, int]:
    """Signed distance of each node within ``depth`` steps of ``root`` (up: +, down: −).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("district", "province"), ("province", "central")])
    >>> levels(g, "district", "up", None)
    {'district': 0, 'province': 1, 'central': 2}
    >>> levels(g, "central", "down", 1)
    {'central': 0, 'province': -1}
    """
    view = graph if direction == "up" else graph.reverse(copy=False)
    sign = 1 if direction == "up" else -1
    distances = nx.single_source_shortest_path_length(view, root, cutoff=depth)
    return {node: sign * distance for node, distance in distances.items()}


def _card(store: Store, iri: str, level: int) -> LineageNode:
    rows = run_named(store, "document_card", {"doc": URIRef(iri)}).rows
    if not rows:
        return LineageNode(iri, level)
    row = rows[0]
    return LineageNode(
        iri=iri,
        level=level,
        number=_text(row["number"]),
        doc_type=_text(row["type"]),
        title=_text(row["title"]),
        date=_text(row["date"]),
        label=_text(row["label"]),
        ingested=_text(row["ingested"]) == "true",
    )


def lineage(store: Store, doc: URIRef, direction: Direction = "both", depth: int | None = None) -> Lineage:
    """What ``doc`` rests on ("up"), what rests on it ("down"), or both, with evidence.

    Parameters
    ----------
    store
        Any store.
    doc
        The root document IRI (see :func:`graph.resolve.resolve_document`).
    direction
        "up", "down" or "both".
    depth
        Maximum number of steps from the root; None for no limit.

    Returns
    -------
    Lineage
        Nodes sorted by level (up first), edges between kept nodes.
    """
    root = str(doc)
    found: dict[str, int] = {root: 0}
    edges: list[tuple[str, str, str, list[Assertion]]] = []
    ways: tuple[Literal["up", "down"], ...] = ("up", "down")
    for way in ways:
        if direction not in (way, "both"):
            continue
        graph = relation_edges(store, doc, way)
        kept = levels(graph, root, way, depth)
        for node, level in kept.items():
            found.setdefault(node, level)
        for s, o, key, data in graph.edges(keys=True, data=True):
            if s in kept and o in kept:
                edges.append((s, key, o, data["assertions"]))
    unique = {(s, p, o): tuple(sorted(set(a), key=lambda x: x.source)) for s, p, o, a in edges}
    nodes = sorted(
        (_card(store, iri, level) for iri, level in found.items()), key=lambda n: (-n.level, n.iri)
    )
    return Lineage(
        root=root,
        direction=direction,
        depth=depth,
        nodes=tuple(nodes),
        edges=tuple(LineageEdge(s, p, o, a) for (s, p, o), a in sorted(unique.items())),
    )


def predicate_name(predicate: URIRef) -> str:
    """Contract name of an ontology relation ("implements", "based_on"…), or its local name."""
    names = {iri: name for name, iri in RELATION_PREDICATES.items()}
    return names.get(predicate, str(predicate).removeprefix(str(PKG._NS)))
