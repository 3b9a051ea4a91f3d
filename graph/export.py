"""Export the store: RDF serialisations, property-graph files and the interactive HTML page.

::

    ttl, nt        the union of every document graph, one plain graph
    nq, trig       one named graph per source document (provenance kept)
    jsonld         the dataset, one ``@graph`` per document, with an embedded ``@context``
    graphml, gexf  the property-graph projection (documents, agencies, tasks, targets), for Gephi/yEd
    csv            one edges CSV with the labels of both ends, ``utf-8-sig`` for Excel
    html           the projection drawn as one self-contained page (:mod:`graph.html`)
    matrix         agencies × documents with their roles, ``utf-8-sig`` CSV (:mod:`graph.matrix`)

``focus``/``depth`` and ``agency`` select part of the graph (see :mod:`graph.projection`).
RDF formats then keep the quads describing the kept nodes and the resources hanging off
them (evidence, selectors, deadlines, jurisdictions); triples pointing at nodes left out
are dropped.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

import networkx as nx
from rdflib import RDFS, XSD, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral

from graph.build import PREFIXES
from graph.html import DEFAULT_MAX_NODES, GraphTooLargeError, render_html
from graph.matrix import responsibility_matrix, write_matrix_csv
from graph.projection import focus_projection, project, select
from graph.store import Quad, Store, Term
from ontology.terms import PKG

__all__ = ["FORMATS", "ExportSummary", "GraphTooLargeError", "export", "project", "select"]

ExportFormat = Literal["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv", "html", "matrix"]
FORMATS: tuple[ExportFormat, ...] = (
    "ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv", "html", "matrix",
)  # fmt: skip
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}

CSV_COLUMNS = (
    "source",
    "relation",
    "target",
    "source_label",
    "target_label",
    "relation_label",
    "quote",
    "graph",
)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: node/edge counts for property graphs, triple/graph counts for RDF."""

    format: str
    nodes: int = 0
    edges: int = 0
    triples: int = 0
    graphs: int = 0
    bytes: int = 0

    def describe(self) -> str:
        """ "12 nodes, 30 edges" or "307 triples from 3 document graphs"."""
        if self.format in RDF_FORMATS:
            return f"{self.triples} triples from {self.graphs} document graphs"
        if self.format == "matrix":
            return f"agencies × documents: {self.nodes} × {self.edges}"
        return f"{self.nodes} nodes, {self.edges} edges"


def export(
    store: Store,
    fmt: str,
    out: Path | BinaryIO,
    *,
    focus: URIRef | None = None,
    depth: int = 2,
    agency: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> ExportSummary:
    """Write the store (or the part ``focus``/``agency`` select) to ``out`` in ``fmt``.

    Parameters
    ----------
    store
        An open store.
    fmt
        One of :data:`FORMATS`.
    out
        A file path, or a binary stream.
    focus, depth
        Keep the lineage neighbourhood of the document ``focus``, ``depth`` relation hops wide.
    agency
        Keep the tasks of the agencies this IRI or name names.
    max_nodes
        Largest graph the HTML page draws.

    Returns
    -------
    ExportSummary

    Raises
    ------
    ResolveError
        ``focus`` is not a document of the store, or ``agency`` names no agency.
    GraphTooLargeError
        HTML only: the graph has more than ``max_nodes`` nodes.
    ValueError
        ``fmt`` is not a known format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unexpected export format: {fmt!r}")
    if fmt == "matrix":  # focus keeps one document's column; depth does not apply
        matrix = responsibility_matrix(store, agency=agency, doc=focus)
        written = write_matrix_csv(matrix, out)
        return ExportSummary(fmt, nodes=len(matrix.rows), edges=len(matrix.columns), bytes=written)
    if focus is not None and agency is None and fmt not in RDF_FORMATS:
        projection = focus_projection(store, focus, depth)  # the neighbourhood only, not the store
    else:
        projection = project(store)
    keep = select(projection, focus=focus, depth=depth, agency=agency)
    if fmt in RDF_FORMATS:
        quads = list(store.quads())
        if keep is not None:
            quads = _bounded_quads(quads, keep, set(projection.nodes))
        data, summary = _rdf_bytes(quads, fmt)
    else:
        view = projection if keep is None else nx.MultiDiGraph(projection.subgraph(keep))
        data = _property_bytes(view, fmt, focus, _title(projection, focus, depth, agency), max_nodes)
        summary = ExportSummary(fmt, nodes=view.number_of_nodes(), edges=view.number_of_edges())
    _write(out, data)
    return ExportSummary(
        summary.format, summary.nodes, summary.edges, summary.triples, summary.graphs, len(data)
    )


def _write(out: Path | BinaryIO, data: bytes) -> None:
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)


def resolve_focus(store: Store, phrase: str) -> URIRef:
    """The document ``--focus`` names: an IRI, a number-symbol ("34-CT/TW") or a phrase ("Chỉ thị 34").

    Raises
    ------
    ResolveError
        The phrase names no document, or several.
    """
    from graph.resolve import resolve_document

    return resolve_document(store, phrase)


def _title(graph: nx.MultiDiGraph, focus: URIRef | None, depth: int, agency: str | None) -> str:
    parts = []
    if focus is not None:
        parts.append(f"quanh {graph.nodes[str(focus)]['label']} (độ sâu {depth})")
    if agency is not None:
        parts.append(f"nhiệm vụ của {agency}")
    return "policykg — " + ("; ".join(parts) if parts else "toàn bộ đồ thị")


# --- writers --------------------------------------------------------------------------------------


def _property_bytes(
    graph: nx.MultiDiGraph, fmt: str, focus: URIRef | None, title: str, max_nodes: int
) -> bytes:
    if fmt == "html":
        page = render_html(
            graph, title=title, focus=None if focus is None else str(focus), max_nodes=max_nodes
        )
        return page.encode("utf-8")
    if fmt == "csv":
        return _edges_csv(graph).encode("utf-8-sig")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def _edges_csv(graph: nx.MultiDiGraph) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for source, target, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[2]["relation"], e[1])):
        writer.writerow(
            (
                source,
                attrs["relation"],
                target,
                graph.nodes[source]["label"],
                graph.nodes[target]["label"],
                attrs.get("label", ""),
                attrs.get("quote", ""),
                attrs.get("graph", ""),
            )
        )
    return text.getvalue()


def _bounded_quads(quads: list[Quad], keep: set[str], entities: set[str]) -> list[Quad]:
    """Quads about the kept nodes and the non-entity resources reachable from them."""
    by_subject: dict[Term, list[Quad]] = defaultdict(list)
    evidence_ends: dict[Term, list[str]] = defaultdict(list)
    for quad in quads:
        by_subject[quad[0]].append(quad)
        if quad[1] in (PKG.subject, PKG.object):
            evidence_ends[quad[0]].append(str(quad[2]))
    frontier: list[Term] = [URIRef(node) for node in keep]
    frontier += [e for e, ends in evidence_ends.items() if ends and all(end in keep for end in ends)]
    seen = set(frontier)
    chosen: list[Quad] = []
    while frontier:
        for quad in by_subject.get(frontier.pop(), ()):
            obj = quad[2]
            if isinstance(obj, RdfLiteral):
                chosen.append(quad)
            elif str(obj) in entities:
                if str(obj) in keep:
                    chosen.append(quad)
            else:
                chosen.append(quad)
                if obj not in seen:
                    seen.add(obj)
                    frontier.append(obj)
    return chosen


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("rdfs", RDFS)
    graph.bind("xsd", XSD)


def jsonld_context() -> dict[str, Any]:
    """The embedded JSON-LD ``@context``: the project's prefixes (never a URL to fetch)."""
    context: dict[str, Any] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    context.update({"rdfs": str(RDFS), "xsd": str(XSD)})
    return context


def _rdf_bytes(quads: list[Quad], fmt: str) -> tuple[bytes, ExportSummary]:
    graphs = {quad[3] for quad in quads}
    if fmt in {"ttl", "nt"}:
        union = Graph()
        _bind(union)
        for s, p, o, _ in quads:
            union.add((s, p, o))
        data = union.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
        return data, ExportSummary(fmt, triples=len(union), graphs=len(graphs))
    dataset = Dataset()
    _bind(dataset)
    named = {g: dataset.graph(g) for g in graphs}
    for s, p, o, g in quads:
        named[g].add((s, p, o))
    options: dict[str, Any] = {"context": jsonld_context(), "auto_compact": True} if fmt == "jsonld" else {}
    with warnings.catch_warnings():
        # rdflib's own quad serialisers still call Dataset.contexts / default_context
        warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
        data = dataset.serialize(format=RDF_FORMATS[fmt], encoding="utf-8", **options)
    return data, ExportSummary(fmt, triples=len(set(quads)), graphs=len(graphs))
