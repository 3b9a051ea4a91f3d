"""What the lineage index keeps of one named graph: its document relations and document facts.

:func:`graph_rows` reads the quads of one source document's graph (as Oxigraph
writes them) and returns

- one :class:`EdgeRow` per lineage relation (and ``owl:sameAs`` link) the graph
  states, with the sentence, start and end of the graph's own evidence for it
  (None when the graph gives none), exactly what ``lineage_up.rq`` /
  ``lineage_down.rq`` read per asserting graph;
- one :class:`FactRow` per document the graph describes, with the values
  ``document_card.rq`` reduces (each the minimum within the graph, so the minimum
  over graphs is the minimum over the store).

:func:`store_quads_by_graph` reads those quads for every graph of a store, for a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from ontology.terms import ONTOLOGY_IRI, RELATION_PREDICATES

OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SAME_AS_IRI = "http://www.w3.org/2002/07/owl#sameAs"
SAME_AS = "same_as"
"""Name of ``owl:sameAs`` in the index (the relations keep their contract names)."""

EDGE_NAMES: dict[str, str] = {
    str(iri): name for name, iri in RELATION_PREDICATES.items() if name not in ("cites", "guides")
} | {SAME_AS_IRI: SAME_AS}
"""Relation IRI → name, for every edge the index keeps."""
EDGE_IRIS: dict[str, str] = {name: iri for iri, name in EDGE_NAMES.items()}

FACT_FIELDS: dict[str, str] = {
    f"{ONTOLOGY_IRI}number": "number",
    f"{ONTOLOGY_IRI}title": "title",
    f"{ONTOLOGY_IRI}docType": "type",
    f"{ONTOLOGY_IRI}date": "date",
    f"{ONTOLOGY_IRI}issuerLabel": "issuer",
    f"{ONTOLOGY_IRI}mentionText": "label",
}
"""Card property IRI → fact column."""
SOURCE_PATH = f"{ONTOLOGY_IRI}sourcePath"
DOCUMENT_CLASS = f"{ONTOLOGY_IRI}Document"
MENTION_CLASS = f"{ONTOLOGY_IRI}Mention"
EVIDENCE_SUBJECT, EVIDENCE_PREDICATE, EVIDENCE_OBJECT = (
    f"{ONTOLOGY_IRI}subject",
    f"{ONTOLOGY_IRI}predicate",
    f"{ONTOLOGY_IRI}object",
)
HAS_SELECTOR, EXACT, START, END = f"{OA}hasSelector", f"{OA}exact", f"{OA}start", f"{OA}end"
EVIDENCE_PARTS = {EVIDENCE_SUBJECT: "s", EVIDENCE_PREDICATE: "p", EVIDENCE_OBJECT: "o"}
SELECTOR_PARTS = {EXACT: "exact", START: "start", END: "end"}

INDEXED_PREDICATES: tuple[str, ...] = (
    *EDGE_NAMES,
    *FACT_FIELDS,
    SOURCE_PATH,
    RDF_TYPE,
    *EVIDENCE_PARTS,
    HAS_SELECTOR,
    *SELECTOR_PARTS,
)
"""Every predicate :func:`graph_rows` reads: the rest of a graph is never looked at."""
FACT_COLUMNS = ("number", "title", "type", "date", "issuer", "label")


class EdgeRow(NamedTuple):
    """``subject predicate object`` as stated in ``graph``, with that graph's evidence."""

    graph: str
    subject: str
    predicate: str
    object: str
    sentence: str | None
    start: int | None
    end: int | None


class FactRow(NamedTuple):
    """What ``graph`` says of document ``doc`` (each value the smallest the graph gives)."""

    graph: str
    doc: str
    number: str | None
    title: str | None
    type: str | None
    date: str | None
    issuer: str | None
    label: str | None
    is_document: bool
    has_source: bool
    is_mention: bool


@dataclass
class _Facts:
    values: dict[str, str] = field(default_factory=dict)
    is_document: bool = False
    has_source: bool = False
    is_mention: bool = False

    def keep(self, column: str, value: str) -> None:
        current = self.values.get(column)
        if current is None or value < current:
            self.values[column] = value


@dataclass
class _Reading:
    """Quads of one graph sorted by role."""

    edges: set[tuple[str, str, str]] = field(default_factory=set)
    facts: dict[str, _Facts] = field(default_factory=dict)
    evidence: dict[ox.NamedNode | ox.BlankNode, dict[str, str]] = field(default_factory=dict)
    selectors_of: dict[ox.NamedNode | ox.BlankNode, list[ox.NamedNode | ox.BlankNode]] = field(
        default_factory=dict
    )
    selectors: dict[ox.NamedNode | ox.BlankNode, dict[str, str]] = field(default_factory=dict)

    def read(
        self,
        subject: ox.NamedNode | ox.BlankNode,
        predicate: str,
        obj: ox.Literal | ox.NamedNode | ox.BlankNode,
    ) -> None:
        value = obj.value
        if (name := EDGE_NAMES.get(predicate)) is not None:
            if isinstance(subject, ox.NamedNode) and isinstance(obj, ox.NamedNode):
                self.edges.add((subject.value, name, value))
        elif (part := EVIDENCE_PARTS.get(predicate)) is not None:
            self.evidence.setdefault(subject, {})[part] = value
        elif predicate == HAS_SELECTOR and not isinstance(obj, ox.Literal):
            self.selectors_of.setdefault(subject, []).append(obj)
        elif (part := SELECTOR_PARTS.get(predicate)) is not None:
            self.selectors.setdefault(subject, {})[part] = value
        elif isinstance(subject, ox.NamedNode):
            self._fact(subject.value, predicate, value)

    def _fact(self, doc: str, predicate: str, value: str) -> None:
        if (column := FACT_FIELDS.get(predicate)) is not None:
            self.facts.setdefault(doc, _Facts()).keep(column, value)
        elif predicate == SOURCE_PATH:
            self.facts.setdefault(doc, _Facts()).has_source = True
        elif predicate == RDF_TYPE and value in (DOCUMENT_CLASS, MENTION_CLASS):
            facts = self.facts.setdefault(doc, _Facts())
            facts.is_document |= value == DOCUMENT_CLASS
            facts.is_mention |= value == MENTION_CLASS

    def sentences(self) -> dict[tuple[str, str, str], tuple[str, int, int]]:
        """(s, predicate name, o) → (sentence, smallest start, smallest end) from this graph's evidence."""
        found: dict[tuple[str, str, str], tuple[str, int, int]] = {}
        for node, parts in self.evidence.items():
            name = EDGE_NAMES.get(parts.get("p", ""))
            if name is None or "s" not in parts or "o" not in parts:
                continue
            selectors = [self.selectors.get(s, {}) for s in self.selectors_of.get(node, [])]
            quotes = [s["exact"] for s in selectors if "exact" in s]
            spans = [(int(s["start"]), int(s["end"])) for s in selectors if "start" in s and "end" in s]
            if not quotes or not spans:
                continue
            key = (parts["s"], name, parts["o"])
            quote, start, end = min(quotes), min(s for s, _ in spans), min(e for _, e in spans)
            if key in found:
                old = found[key]
                quote, start, end = min(quote, old[0]), min(start, old[1]), min(end, old[2])
            found[key] = (quote, start, end)
        return found


def _fact_row(graph: str, doc: str, facts: _Facts) -> FactRow:
    number, title, kind, date, issuer, label = (facts.values.get(column) for column in FACT_COLUMNS)
    return FactRow(
        graph,
        doc,
        number,
        title,
        kind,
        date,
        issuer,
        label,
        facts.is_document,
        facts.has_source,
        facts.is_mention,
    )


def graph_rows(graph: str, quads: Iterable[ox.Quad]) -> tuple[list[EdgeRow], list[FactRow]]:
    """The index rows of named graph ``graph`` from its quads (other graphs' quads must not be given).

    Examples
    --------
    >>> g, plan, law = ox.NamedNode("http://x/g"), ox.NamedNode("http://x/plan"), ox.NamedNode("http://x/law")
    >>> implements = ox.NamedNode(EDGE_IRIS["implements"])
    >>> edges, facts = graph_rows("http://x/g", [ox.Quad(plan, implements, law, g)])
    >>> edges
    [EdgeRow(graph='http://x/g', subject='http://x/plan', predicate='implements', object='http://x/law', \
sentence=None, start=None, end=None)]
    """
    reading = _Reading()
    for quad in quads:
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
            continue
        if isinstance(obj, ox.BlankNode) and predicate != HAS_SELECTOR:
            continue
        reading.read(subject, predicate, obj)
    sentences = reading.sentences()
    edges = [
        EdgeRow(graph, s, p, o, *sentences.get((s, p, o), (None, None, None)))
        for s, p, o in sorted(reading.edges)
    ]
    facts = [_fact_row(graph, doc, f) for doc, f in sorted(reading.facts.items())]
    return edges, facts


def store_quads_by_graph(db: ox.Store) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The quads :func:`graph_rows` needs, graph by graph, read through the store's indexes.

    Relations and document properties are read by predicate; evidence only for
    lineage relations (a few per document), not for every task and target. One
    graph is held in memory at a time.
    """
    for name in db.named_graphs():
        if isinstance(name, ox.NamedNode):
            yield name.value, list(_indexed_quads(db, name))


def _indexed_quads(db: ox.Store, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    for predicate in _READ_BY_PREDICATE:
        yield from db.quads_for_pattern(None, predicate, None, graph)
    for kind in _CLASSES:
        yield from db.quads_for_pattern(None, _TYPE, kind, graph)
    for relation in _RELATIONS:
        for claim in db.quads_for_pattern(None, _SAID, relation, graph):
            for quad in db.quads_for_pattern(claim.subject, None, None, graph):
                yield quad
                if quad.predicate.value == HAS_SELECTOR and not isinstance(quad.object, ox.Literal):
                    yield from db.quads_for_pattern(quad.object, None, None, graph)


_READ_BY_PREDICATE = [ox.NamedNode(p) for p in (*EDGE_NAMES, *FACT_FIELDS, SOURCE_PATH)]
_CLASSES = [ox.NamedNode(DOCUMENT_CLASS), ox.NamedNode(MENTION_CLASS)]
_TYPE, _SAID = ox.NamedNode(RDF_TYPE), ox.NamedNode(EVIDENCE_PREDICATE)
_RELATIONS = [ox.NamedNode(p) for p in EDGE_NAMES]
