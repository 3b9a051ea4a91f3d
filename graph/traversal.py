"""Lineage: the networkx projection of relations between documents, up and down the chain.

"Up" from a document is what it implements, rests on (Căn cứ), amends,
replaces, repeals or approves, and what those rest on in turn; "down" is what
implements it (or rests on it…), transitively. On an on-disk store the lineage
index (:mod:`graph.lineage_index`, a SQLite file kept beside the store) finds
the reachable edges and describes the documents; elsewhere SPARQL does, with one
property-path query per direction (``lineage_up.rq``, ``lineage_down.rq``) and
one ``document_card.rq`` per document. A breadth-first search measures depths
and cuts at ``depth``; networkx is imported only for the graph-returning helpers.

Every edge keeps each assertion of it: which document's graph states it and
the sentence it was read from.

- :func:`relation_graph` — the whole store's document relations as a networkx MultiDiGraph;
- :func:`relation_edges` — the edges reachable from one document, up or down;
- :func:`levels` — signed distances from a root in such a graph;
- :func:`lineage` — a :class:`Lineage` (nodes described, edges with evidence), ``to_dict()`` for JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, cast

from rdflib import OWL, URIRef

from graph.lineage_rows import SAME_AS, EdgeRow
from graph.queries import run_named
from graph.store import Store, Term
from ontology.terms import PKG, RELATION_PREDICATES

if TYPE_CHECKING:
    import networkx as nx

    from graph.lineage_index import LineageIndex

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

    @cached_property
    def _by_iri(self) -> dict[str, LineageNode]:
        return {node.iri: node for node in self.nodes}

    def node(self, iri: str) -> LineageNode:
        """The node with IRI ``iri`` (KeyError when absent)."""
        return self._by_iri[iri]

    @cached_property
    def _by_end(self) -> tuple[dict[str, list[LineageEdge]], dict[str, list[LineageEdge]]]:
        outgoing: dict[str, list[LineageEdge]] = {}
        incoming: dict[str, list[LineageEdge]] = {}
        for edge in self.edges:
            outgoing.setdefault(edge.source, []).append(edge)
            incoming.setdefault(edge.target, []).append(edge)
        return outgoing, incoming

    def edges_from(self, iri: str) -> list[LineageEdge]:
        """The edges whose source is ``iri``, in edge order (a lookup, not a scan)."""
        return self._by_end[0].get(iri, [])

    def edges_to(self, iri: str) -> list[LineageEdge]:
        """The edges whose target is ``iri``, in edge order (a lookup, not a scan)."""
        return self._by_end[1].get(iri, [])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: root, direction, depth, nodes and edges (what ``dataclasses.asdict`` gives)."""
        return {
            "root": self.root,
            "direction": self.direction,
            "depth": self.depth,
            "nodes": tuple(dict(node.__dict__) for node in self.nodes),
            "edges": tuple(
                {
                    "source": edge.source,
                    "predicate": edge.predicate,
                    "target": edge.target,
                    "assertions": tuple(dict(a.__dict__) for a in edge.assertions),
                }
                for edge in self.edges
            ),
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """The lineage as a MultiDiGraph (edge key = predicate), attributes from the nodes/edges."""
        import networkx as nx

        graph = nx.MultiDiGraph()
        for node in self.nodes:
            graph.add_node(node.iri, **asdict(node))
        for edge in self.edges:
            graph.add_edge(edge.source, edge.target, key=edge.predicate, assertions=edge.assertions)
        return graph


Claim = tuple[str, str, str, "Assertion | None"]
"""``(subject, predicate name, object, assertion)`` as one asserting graph states it."""
EdgeMap = dict[tuple[str, str, str], list["Assertion"]]
"""``(subject, predicate name, object)`` → every assertion of that edge."""


def _text(value: Term | None) -> str | None:
    return None if value is None else str(value)


def _int(value: Term | None) -> int | None:
    return None if value is None else int(str(value))


def _sparql_claims(rows: Iterable[Mapping[str, Term | None]], names: Mapping[URIRef, str]) -> Iterator[Claim]:
    """Rows of ``edges.rq`` / ``lineage_*.rq`` as claims (relations not in ``names`` left out)."""
    for row in rows:
        name = SAME_AS if row["p"] == OWL.sameAs else names.get(cast(URIRef, row["p"]))
        if name is None:
            continue
        graph = row["g"]
        assertion = (
            None
            if graph is None
            else Assertion(str(graph), _text(row["quote"]), _int(row["start"]), _int(row["end"]))
        )
        yield str(row["s"]), name, str(row["o"]), assertion


def index_claims(index: LineageIndex, iri: str, direction: Literal["up", "down"]) -> Iterator[Claim]:
    """The claims ``lineage_{direction}.rq`` gives for ``iri``, read from ``index`` instead.

    An edge keeps one claim per graph that states it with a sentence; an edge
    no graph gives a sentence for keeps one claim without an assertion.
    """
    grouped: dict[tuple[str, str, str], list[EdgeRow]] = {}
    for row in index.lineage_rows(iri, direction):
        grouped.setdefault((row.subject, row.predicate, row.object), []).append(row)
    for (s, p, o), rows in grouped.items():
        quoted = {r.graph: r for r in rows if r.sentence is not None}
        if not quoted:
            yield s, p, o, None
        for r in quoted.values():
            yield s, p, o, Assertion(r.graph, r.sentence, r.start, r.end)


def _edge_map(claims: Iterable[Claim], root: str) -> EdgeMap:
    """Claims gathered per edge, each ``owl:sameAs`` mention merged into its document."""
    edges: EdgeMap = {}
    same: list[tuple[str, str]] = []
    for s, name, o, assertion in claims:
        if name == SAME_AS:
            same.append((s, o))
            continue
        found = edges.setdefault((s, name, o), [])
        if assertion is not None:
            found.append(assertion)
    for mention, document in sorted(same):
        if mention == root:
            mention, document = document, mention
        _merge(edges, mention, document)
    return edges


def _merge(edges: EdgeMap, node: str, into: str) -> None:
    """Move every edge of ``node`` onto ``into`` (merging assertions; loops dropped)."""
    if node == into:
        return
    for (s, p, o), assertions in [(k, v) for k, v in edges.items() if node in (k[0], k[2])]:
        del edges[(s, p, o)]
        s, o = (into if s == node else s), (into if o == node else o)
        if s != o:
            edges.setdefault((s, p, o), []).extend(assertions)


def _as_networkx(edges: EdgeMap, root: str | None = None) -> nx.MultiDiGraph:
    import networkx as nx

    graph = nx.MultiDiGraph()
    if root is not None:
        graph.add_node(root)
    for (s, p, o), assertions in edges.items():
        graph.add_edge(s, o, key=p, assertions=assertions)
    return graph


def relation_graph(store: Store, *, with_citations: bool = False) -> nx.MultiDiGraph:
    """Every relation between documents in ``store`` as a MultiDiGraph.

    Nodes are IRI strings; edges run subject → object, are keyed by predicate
    name ("implements", "based_on"…) and carry ``assertions`` (a list of
    :class:`Assertion`). ``cites`` and ``guides`` edges are left out unless
    ``with_citations``.
    """
    names = {iri: name for name, iri in RELATION_PREDICATES.items()}
    if not with_citations:
        names = dict(LINEAGE_PREDICATES)
    claims = _sparql_claims(run_named(store, "edges").rows, names)
    return _as_networkx(_edge_map((c for c in claims if c[1] != SAME_AS), ""))


def _lineage_edges(store: Store, doc: URIRef, direction: Literal["up", "down"]) -> EdgeMap:
    index = _lineage_index(store)
    if index is not None:
        claims: Iterable[Claim] = index_claims(index, str(doc), direction)
    else:
        rows = run_named(store, f"lineage_{direction}", {"doc": doc}).rows
        claims = _sparql_claims(rows, LINEAGE_PREDICATES)
    return _edge_map(claims, str(doc))


def relation_edges(store: Store, doc: URIRef, direction: Literal["up", "down"]) -> nx.MultiDiGraph:
    """Every lineage edge reachable from ``doc`` in ``direction``, as a MultiDiGraph.

    Nodes are IRI strings; edges are keyed by predicate name and carry
    ``assertions`` (a list of :class:`Assertion`). Read from the store's lineage
    index when it has one (:mod:`graph.lineage_index`), else with SPARQL.
    """
    return _as_networkx(_lineage_edges(store, doc, direction), str(doc))


def merge_into(graph: nx.MultiDiGraph, node: str, into: str) -> None:
    """Move every edge of ``node`` onto ``into`` (merging assertions) and drop ``node``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("plan", "mention", key="implements", assertions=["a"])
    'implements'
    >>> merge_into(g, "mention", "directive")
    >>> list(g.edges(keys=True, data=True))
    [('plan', 'directive', 'implements', {'assertions': ['a']})]
    """
    if node not in graph or node == into:
        return
    edges: EdgeMap = {(s, k, o): d["assertions"] for s, o, k, d in graph.edges(keys=True, data=True)}
    _merge(edges, node, into)
    graph.remove_node(node)
    graph.add_node(into)
    graph.remove_edges_from(list(graph.edges(keys=True)))
    for (s, p, o), assertions in edges.items():
        graph.add_edge(s, o, key=p, assertions=list(assertions))


def levels(
    graph: nx.MultiDiGraph, root: str, direction: Literal["up", "down"], depth: int | None
) -> dict[str, int]:
    """Signed distance of each node within ``depth`` steps of ``root`` (up: +, down: −).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("district", "province"), ("province", "central")])
    >>> levels(g, "district", "up", None)
    {'district': 0, 'province': 1, 'central': 2}
    >>> levels(g, "central", "down", 1)
    {'central': 0, 'province': -1}
    """
    return _levels([(s, o) for s, o in graph.edges()], root, direction, depth)


def _levels(
    pairs: Iterable[tuple[str, str]], root: str, direction: Literal["up", "down"], depth: int | None
) -> dict[str, int]:
    """Breadth-first signed distances from ``root`` over ``(subject, object)`` pairs."""
    following: dict[str, list[str]] = {}
    for s, o in pairs:
        a, b = (s, o) if direction == "up" else (o, s)
        following.setdefault(a, []).append(b)
    sign = 1 if direction == "up" else -1
    found = {root: 0}
    frontier = [root]
    distance = 0
    while frontier and (depth is None or distance < depth):
        distance += 1
        following_step: list[str] = []
        for node in frontier:
            for other in following.get(node, ()):
                if other not in found:
                    found[other] = sign * distance
                    following_step.append(other)
        frontier = following_step
    return found


def _lineage_index(store: Store) -> LineageIndex | None:
    """The store's lineage index when it keeps one (on-disk Oxigraph), else None."""
    method = getattr(store, "lineage_index", None)
    return None if method is None else cast("LineageIndex | None", method())


def index_cards(index: LineageIndex, found: Mapping[str, int]) -> list[LineageNode]:
    """:class:`LineageNode` of each ``iri → level`` in ``found``, described as ``document_card.rq`` does."""
    cards = index.cards(list(found))
    nodes = []
    for iri, level in found.items():
        card = cards.get(iri)
        nodes.append(
            LineageNode(iri, level)
            if card is None
            else LineageNode(
                iri, level, card.number, card.type, card.title, card.date, card.label, card.ingested
            )
        )
    return nodes


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

    On an on-disk store the lineage index answers (one recursive SQL query per
    direction, one for the cards); elsewhere SPARQL (one property-path query per
    direction, one ``document_card`` query per node). Both give the same lineage.

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
        reachable = _lineage_edges(store, doc, way)
        kept = _levels([(s, o) for s, _, o in reachable], root, way, depth)
        for node, level in kept.items():
            found.setdefault(node, level)
        edges.extend((s, p, o, a) for (s, p, o), a in reachable.items() if s in kept and o in kept)
    unique = {(s, p, o): tuple(sorted(set(a), key=lambda x: x.source)) for s, p, o, a in edges}
    index = _lineage_index(store)
    cards = (
        index_cards(index, found)
        if index is not None
        else [_card(store, iri, level) for iri, level in found.items()]
    )
    return Lineage(
        root=root,
        direction=direction,
        depth=depth,
        nodes=tuple(sorted(cards, key=lambda n: (-n.level, n.iri))),
        edges=tuple(LineageEdge(s, p, o, a) for (s, p, o), a in sorted(unique.items())),
    )


def predicate_name(predicate: URIRef) -> str:
    """Contract name of an ontology relation ("implements", "based_on"…), or its local name."""
    names = {iri: name for name, iri in RELATION_PREDICATES.items()}
    return names.get(predicate, str(predicate).removeprefix(str(PKG._NS)))
