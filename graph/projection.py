"""The property-graph view of the store: documents, agencies, tasks and targets, and their links.

:func:`project` reads it with the named queries ``export_*.rq`` into a
``networkx.MultiDiGraph`` (GraphML, GEXF, CSV and the HTML page are drawn from
it); :func:`select` picks part of it. ``focus`` keeps the lineage neighbourhood
of a document: the documents within ``depth`` relation hops, their issuers, and
the focus' own tasks, targets and the agencies on those tasks. ``agency`` keeps
the tasks of the agencies it names (an IRI, or a name matched without accents
or case) with the documents assigning them and the other agencies on them.
With both, the union is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import Graph, URIRef

from graph.queries import run_named
from graph.store import Store, Term, open_store
from loaders.errors import ResolveError
from ontology.terms import fold

DOC_KINDS = {"Directive": "directive", "Resolution": "resolution", "Decision": "decision", "Plan": "plan"}
RELATION_LABELS: dict[str, str] = {
    "implements": "thực hiện",
    "amends": "sửa đổi, bổ sung",
    "replaces": "thay thế",
    "repeals": "bãi bỏ",
    "basedOn": "căn cứ",
    "cites": "dẫn chiếu",
    "approves": "phê duyệt",
    "guides": "hướng dẫn",
    "issuedBy": "cơ quan ban hành",
    "assigns": "giao nhiệm vụ",
    "assignee": "chủ trì",
    "partner": "phối hợp",
    "reportsTo": "báo cáo",
    "statesTarget": "chỉ tiêu",
    "quotedFrom": "trích từ",
    "subOrganizationOf": "trực thuộc",
}
DOC_RELATIONS = frozenset(
    {"implements", "amends", "replaces", "repeals", "basedOn", "cites", "approves", "guides"}
)
TASK_ROLES = frozenset({"assignee", "partner", "reportsTo"})
TASK_LABEL_CHARS = 40


def _rows(store: Store, name: str) -> Iterable[dict[str, Term | None]]:
    return run_named(store, name).rows


def _text(value: Term | None) -> str:
    return "" if value is None else str(value)


def _local_name(iri: Term | None) -> str:
    text = _text(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _add_node(graph: nx.MultiDiGraph, iri: Term | None, kind: str, label: str, **meta: str) -> None:
    attrs = {key: value for key, value in meta.items() if value}
    graph.add_node(str(iri), kind=kind, label=label or _local_name(iri), iri=str(iri), **attrs)


def project(store: Store) -> nx.MultiDiGraph:
    """The property graph of the store: documents, agencies, tasks and targets, and the links between them.

    Node ids are IRI strings; attributes are non-empty strings (``kind``, ``label``, ``iri`` and
    metadata). Edge keys are relation names; edge attributes ``relation``, ``label`` (Vietnamese),
    ``quote`` (the sentence behind it, when known), ``graph`` (the asserting document) and ``source``
    (its label).
    """
    graph = nx.MultiDiGraph()
    for row in _rows(store, "export_documents"):
        _add_document(graph, row)
    for row in _rows(store, "export_agencies"):
        _add_node(
            graph,
            row["agency"],
            "agency",
            _text(row["name"]),
            name=_text(row["name"]),
            jurisdiction=_text(row["jurisdiction"]),
        )
    quotes: dict[str, str] = {}
    for row in _rows(store, "export_tasks"):
        text = _text(row["text"])
        short = text if len(text) <= TASK_LABEL_CHARS else text[: TASK_LABEL_CHARS - 1] + "…"
        _add_node(
            graph,
            row["task"],
            "task",
            short,
            text=text,
            deadline=_text(row["deadline"]),
            jurisdiction=_text(row["jurisdiction"]),
        )
        quotes[str(row["task"])] = _text(row["quote"])
    for row in _rows(store, "export_targets"):
        _add_target(graph, row)
        quotes[str(row["target"])] = _text(row["quote"])
    for row in _rows(store, "export_edges"):
        _add_edge(graph, row, quotes)
    return graph


def _add_document(graph: nx.MultiDiGraph, row: dict[str, Term | None]) -> None:
    kind = DOC_KINDS.get(_local_name(row["class"]), "document")
    number, doc_type = _text(row["number"]), _text(row["docType"])
    _add_node(
        graph,
        row["doc"],
        kind,
        _document_label(number, doc_type, _text(row["date"]), _text(row["mentionText"])),
        number=number,
        doc_type=doc_type,
        date=_text(row["date"]),
        issuer=_text(row["issuer"]),
        title=_text(row["title"]),
        jurisdiction=_text(row["jurisdiction"]),
    )


def _document_label(number: str, doc_type: str, date: str, mention: str) -> str:
    """ "Kế hoạch 146-KH/TU"; without a number "Kế hoạch (05/2026)" or the citation as written.

    Examples
    --------
    >>> _document_label("", "Kế hoạch", "2026-05", "")
    'Kế hoạch (05/2026)'
    """
    if number:
        return " ".join(part for part in (doc_type, number) if part)
    if mention:
        return mention
    when = "/".join(reversed(date.split("-"))) if date else ""
    return f"{doc_type} ({when})" if doc_type and when else doc_type or when


def _add_target(graph: nx.MultiDiGraph, row: dict[str, Term | None]) -> None:
    quantity = _text(row["quantity"])
    if row["quantityMax"] is not None:
        quantity = f"{quantity}–{_text(row['quantityMax'])}"
    amount = " ".join(part for part in (quantity, _text(row["unit"])) if part)
    details = " · ".join(part for part in (amount, _text(row["period"]), _text(row["scope"])) if part)
    _add_node(
        graph, row["target"], "target", amount, quantity=details, jurisdiction=_text(row["jurisdiction"])
    )


def _add_edge(graph: nx.MultiDiGraph, row: dict[str, Term | None], quotes: dict[str, str]) -> None:
    source, target, relation = str(row["s"]), str(row["o"]), _local_name(row["p"])
    if source not in graph or target not in graph:
        return
    quote = _text(row["quote"])
    if not quote and relation in TASK_ROLES:
        quote = quotes.get(source, "")
    elif not quote and relation in {"assigns", "statesTarget"}:
        quote = quotes.get(target, "")
    asserting = _text(row["graph"])
    attrs = {
        "relation": relation,
        "label": RELATION_LABELS.get(relation, relation),
        "quote": quote,
        "graph": asserting,
        "source": graph.nodes[asserting]["label"] if asserting in graph else asserting,
    }
    graph.add_edge(source, target, key=relation, **{key: value for key, value in attrs.items() if value})


def focus_projection(store: Store, focus: URIRef, depth: int) -> nx.MultiDiGraph:
    """:func:`project` of only the documents within ``depth`` relation hops of ``focus``.

    The neighbourhood is walked with one ``document_neighbours`` query per document
    reached, then the named graphs of those documents are copied into an in-memory
    store and projected: the cost follows the neighbourhood, not the store. Nodes are
    described by the graphs of the documents shown (a document by its own graph and
    those of its neighbours), which is what :func:`select` keeps of the whole projection.

    Raises
    ------
    ResolveError
        ``focus`` is not a document of the store.
    """
    documents = _documents_within(store, focus, depth)
    graphs = {doc: _graph_of(store, doc) for doc in documents}
    for doc in [doc for doc, graph in graphs.items() if not graph]:  # cited only: its citers describe it
        for neighbour in _neighbours(store, doc) - graphs.keys():
            graphs[neighbour] = _graph_of(store, neighbour)
    part = open_store("memory:")
    try:
        part.replace_graphs((URIRef(doc), graph) for doc, graph in sorted(graphs.items()) if graph)
        return project(part)
    finally:
        part.close()


def _documents_within(store: Store, focus: URIRef, depth: int) -> set[str]:
    reached = {str(focus)}
    frontier = {str(focus)}
    for _ in range(max(depth, 0)):
        following: set[str] = set()
        for doc in frontier:
            following |= _neighbours(store, doc) - reached
        reached |= following
        frontier = following
    return reached


def _neighbours(store: Store, doc: str) -> set[str]:
    return {
        str(row["neighbour"]) for row in run_named(store, "document_neighbours", {"doc": URIRef(doc)}).rows
    }


def _graph_of(store: Store, doc: str) -> Graph:
    graph = Graph()
    for row in run_named(store, "graph_triples", {"graph": URIRef(doc)}).rows:
        graph.add((row["s"], row["p"], row["o"]))  # type: ignore[arg-type]
    return graph


def select(
    graph: nx.MultiDiGraph, *, focus: URIRef | None = None, depth: int = 2, agency: str | None = None
) -> set[str] | None:
    """The node ids ``focus``/``agency`` keep (see module docstring), or None for everything.

    Raises
    ------
    ResolveError
        ``focus`` is not a document of the graph, or ``agency`` names no agency.
    """
    if focus is None and agency is None:
        return None
    keep: set[str] = set()
    if focus is not None:
        keep |= _neighbourhood(graph, str(focus), depth)
    if agency is not None:
        keep |= _agency_tasks(graph, agency)
    return keep


def _out(graph: nx.MultiDiGraph, node: str, relations: Iterable[str]) -> set[str]:
    wanted = set(relations)
    return {o for _, o, key in graph.out_edges(node, keys=True) if key in wanted}


def _neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int) -> set[str]:
    if focus not in graph or graph.nodes[focus]["kind"] in {"agency", "task", "target"}:
        raise ResolveError("no such document in the store", focus)
    lineage = nx.Graph()
    lineage.add_node(focus)
    lineage.add_edges_from((s, o) for s, o, key in graph.edges(keys=True) if key in DOC_RELATIONS)
    documents = set(nx.single_source_shortest_path_length(lineage, focus, cutoff=max(depth, 0)))
    keep = set(documents)
    for doc in documents:
        keep |= _out(graph, doc, {"issuedBy"})
    own = _out(graph, focus, {"assigns", "statesTarget"})
    keep |= own
    for item in own:
        keep |= _out(graph, item, TASK_ROLES)
    return keep


def _agency_tasks(graph: nx.MultiDiGraph, agency: str) -> set[str]:
    wanted = fold(agency).strip()
    agencies = {
        node
        for node, attrs in graph.nodes(data=True)
        if attrs["kind"] == "agency" and (node == agency or (wanted and wanted in fold(attrs["label"])))
    }
    if not agencies:
        raise ResolveError("no agency of the store matches this name", agency)
    keep = set(agencies)
    for task, target, key in graph.edges(keys=True):
        if key in TASK_ROLES and target in agencies:
            keep.add(task)
            keep |= _out(graph, task, TASK_ROLES)
            keep |= {doc for doc, _, k in graph.in_edges(task, keys=True) if k == "assigns"}
    return keep
