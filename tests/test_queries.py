"""Named queries: catalogue, headers, parameters bound as data, answers on the chain corpus."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.queues import Queue
from queue import Empty

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from graph.queries import list_named, load, parse_query, run, run_named
from graph.store_oxigraph import OxigraphStore
from loaders.errors import QueryError
from loaders.models import SELF, ParsedDocument, PartialDate, Relation
from ontology.terms import PKG, RELATION_PREDICATES
from tests.factories import chain_store

B = "https://w3id.org/policykg/"
CT34 = URIRef(f"{B}eli/vn/tw/ct/2024/05/24/34")
KH146 = URIRef(f"{B}eli/vn-long-an/tu/kh/2024/07/10/146")
KH21 = URIRef(f"{B}eli/vn-long-an-can-duoc/hu/kh/2024/08/02/21")
ORG = f"{B}org/vn-long-an/"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return chain_store()  # type: ignore[no-any-return]


def _column(rows: Sequence[Mapping[str, object]], name: str) -> list[str | None]:
    return [None if row[name] is None else str(row[name]) for row in rows]


MINE = ["implementing", "rests_on", "edges", "documents", "tasks", "agencies", "stats", "lookup_number",
        "lineage_up", "lineage_down", "document_card", "same_as_candidates"]  # fmt: skip


@pytest.mark.parametrize("name", MINE)
def test_named_query_has_a_header(name: str) -> None:
    query = load(name)
    assert query.name == name
    assert query.answers
    assert query.text.startswith("# name:")


def test_catalogue_is_sorted_and_complete() -> None:
    names = [q.name for q in list_named()]
    assert names == sorted(names)
    assert set(MINE) <= set(names)


@pytest.mark.parametrize(
    ("text", "name", "params"),
    [
        ("# name: a\n# answers: x\n# params: doc (IRI) the doc\nSELECT", "a", ("doc",)),
        (
            "# name: b\n# params: doc (IRI, optional) x; agency (IRI)\n#   more words\nSELECT",
            "b",
            ("doc", "agency"),
        ),
        ("# params: none\nSELECT", "stem", ()),
        ("SELECT * WHERE {}", "stem", ()),
    ],
)
def test_parse_query_header(text: str, name: str, params: tuple[str, ...]) -> None:
    query = parse_query("stem", text)
    assert (query.name, query.params) == (name, params)


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        (
            "# name: a\n# answers: What implements X?\n#   directly or not.\nSELECT",
            "What implements X? directly or not.",
        ),
        (
            "# stem: every edge, with\n# its source.\n# Variables: ?s.\nSELECT",
            "every edge, with its source. Variables: ?s.",
        ),
        ("SELECT", ""),
    ],
)
def test_parse_query_answers(text: str, answers: str) -> None:
    assert parse_query("stem", text).answers == answers


def test_unknown_query_and_unknown_parameter_are_query_errors(store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="no query named"):
        load("nope")
    with pytest.raises(QueryError, match="no parameter agency"):
        run_named(store, "implementing", {"agency": CT34})


def test_implementing_follows_the_chain_down(store: OxigraphStore) -> None:
    rows = run_named(store, "implementing", {"doc": CT34}).rows
    assert {(str(r["document"]), str(r["via"])) for r in rows} == {
        (str(KH146), str(CT34)),
        (str(KH21), str(KH146)),
    }
    assert _column(rows, "number") == ["146-KH/TU", "21-KH/HU"]


def test_rests_on_follows_the_chain_up(store: OxigraphStore) -> None:
    rows = run_named(store, "rests_on", {"doc": KH21}).rows
    reached = {str(r["document"]): str(r["predicate"]) for r in rows}
    assert reached == {
        str(KH146): str(PKG.implements),
        str(CT34): str(PKG.implements),
        f"{KH146}/mention/luat-luu-tru-2024": str(PKG.basedOn),
    }


def test_edges_carry_sentence_span_and_source(store: OxigraphStore) -> None:
    rows = run_named(store, "edges").rows
    amends = [r for r in rows if r["p"] == PKG.amends]
    assert len(amends) == 1
    assert amends[0]["g"] == KH21
    assert str(amends[0]["quote"]).startswith("Nghị quyết 02-NQ/TU sửa đổi")
    assert int(str(amends[0]["end"])) - int(str(amends[0]["start"])) == len(str(amends[0]["quote"]))


def test_documents_lists_ingested_documents_only(store: OxigraphStore) -> None:
    rows = run_named(store, "documents").rows
    assert sorted(map(str, _column(rows, "number"))) == [
        "02-NQ/TU",
        "02-NQ/TU",
        "146-KH/TU",
        "21-KH/HU",
        "34-CT/TW",
    ]
    province = next(r for r in rows if r["doc"] == KH146)
    assert (str(province["jurisdiction"]), str(province["source"])) == ("tỉnh Long An", "kh146.txt")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [("146-KH/TU", "assignee"), ("21-KH/HU", "assignee")]),
        ({"doc": KH21}, [("21-KH/HU", "assignee")]),
        ({"agency": URIRef(ORG + "so-noi-vu")}, [("146-KH/TU", "partner")]),
        ({"agency": URIRef(ORG + "ban-thuong-vu-tinh-uy")}, [("146-KH/TU", "report_to")]),
        ({"agency": URIRef(ORG + "van-phong-tinh-uy")}, [("146-KH/TU", "assignee")]),
        ({"agency": URIRef(ORG + "nobody")}, []),
        ({"due_before": Literal("2025-12-31", datatype=XSD.date)}, [("146-KH/TU", "assignee")]),
        ({"due_before": Literal("2025-12-30", datatype=XSD.date)}, []),
        ({"doc": KH21, "agency": URIRef(ORG + "so-noi-vu")}, []),
    ],
)
def test_tasks_filters(
    store: OxigraphStore, params: dict[str, URIRef | Literal], expected: list[tuple[str, str]]
) -> None:
    rows = run_named(store, "tasks", params).rows
    assert sorted((str(r["number"]), str(r["role"])) for r in rows) == expected


def test_tasks_row_content(store: OxigraphStore) -> None:
    (row,) = run_named(store, "tasks", {"doc": KH146}).rows
    assert str(row["assignee_label"]) == "Văn phòng Tỉnh ủy"
    assert (str(row["partners"]), str(row["report_to"])) == ("Sở Nội vụ", "Ban Thường vụ Tỉnh ủy")
    assert (str(row["deadline_text"]), str(row["due"])) == ("trước ngày 31/12/2025", "2025-12-31")
    assert str(row["quote"]).startswith("1. Văn phòng Tỉnh ủy chủ trì")


def test_agencies_and_stats(store: OxigraphStore) -> None:
    agencies = {str(r["agency"]): r for r in run_named(store, "agencies").rows}
    assert str(agencies[ORG + "so-noi-vu"]["partners"]) == "1"
    assert str(agencies[ORG + "van-phong-tinh-uy"]["parent"]) == ORG + "tinh-uy"
    (stats,) = run_named(store, "stats").rows
    counted = {k: int(str(v)) for k, v in stats.items()}
    assert counted == {"documents": 5, "referenced": 8, "mentions": 3, "relations": 6, "agencies": 6,
                       "tasks": 2, "targets": 1}  # fmt: skip


@pytest.mark.parametrize(
    ("number", "count"),
    [("02-NQ/TU", 3), ("34", 1), ("146-KH/TU", 1), ('34" } ; DROP ALL ; SELECT * {', 0), ("{?s ?p ?o}", 0)],
)
def test_lookup_number_binds_the_value_as_data(store: OxigraphStore, number: str, count: int) -> None:
    before = store.triple_count()
    rows = run_named(store, "lookup_number", {"number": Literal(number)}).rows
    assert len(rows) == count
    assert store.triple_count() == before


def test_run_with_bindings(store: OxigraphStore) -> None:
    result = run(
        store, "SELECT ?doc ?n WHERE { ?doc <https://w3id.org/policykg/ontology#number> ?n }", {"doc": KH21}
    )
    assert _column(result.rows, "n") == ["21-KH/HU"]


def test_task_without_assignee_has_no_role_unless_the_agency_is_asked_for() -> None:
    from graph.build import build_graph
    from tests.factories import province_plan

    doc = province_plan()
    orphan = replace(doc, tasks=(replace(doc.tasks[0], assignee=None),))
    with OxigraphStore(None) as store:
        store.replace_graph(*build_graph(orphan))
        (row,) = run_named(store, "tasks").rows
        assert (row["role"], row["assignee"]) == (None, None)
        (row,) = run_named(store, "tasks", {"agency": URIRef(ORG + "so-noi-vu")}).rows
        assert str(row["role"]) == "partner"


# --- Fan-out regression: one document described by many graphs --------------------------------
# A cited document (and a shared agency) is described by every graph that cites it. A query that
# joins several of its properties before aggregating needs k^m rows (40^8 here) and never ends;
# each named query must finish within FANOUT_TIMEOUT and agree with a brute-force reading of
# the quads. No wall-clock time is asserted: only "finished at all" and the rows.

FANOUT = 40
FANOUT_TIMEOUT = 60.0
CT35 = URIRef(f"{B}eli/vn/tw/ct/2024/06/01/35")


def _fanout_plan(i: int) -> ParsedDocument:
    """Plan ``i``: cites 34-CT/TW and 35-CT/TW and names shared agencies, each in its own spelling."""
    from tests.factories import LONG_AN, make_agency, small_plan, span_of

    base = small_plan()
    ct34, cited = base.references[0], base.relations[0].evidence
    spell = ("Chỉ thị", "CHỈ THỊ", "Chỉ Thị")[i % 3]
    ct34 = replace(ct34, doc_type=spell, title=f"về số hóa hồ sơ ({i})", issuer=f"Ban Bí thư {i}",
                   number=("34-CT/TW", "34/CT-TW")[i % 2])  # fmt: skip
    ct35 = replace(ct34, key="35-CT/TW", number="35-CT/TW", date=PartialDate(2024, 6, 1),
                   identity=replace(ct34.identity, month=6, day=1, number="35") if ct34.identity else None)  # fmt: skip
    task = replace(
        base.tasks[0],
        assignee=make_agency(("Sở Nội vụ", "SỞ NỘI VỤ", f"Sở Nội vụ ({i})")[i % 3], LONG_AN, key="sở nội vụ"),
        partners=(make_agency(f"Sở Tư pháp ({i})", LONG_AN, key="sở tư pháp"),),
        report_to=(make_agency(f"Ủy ban nhân dân tỉnh ({i})", LONG_AN, key="ủy ban nhân dân tỉnh"),),
    )
    number = f"{100 + i}-KH/TU"
    return replace(
        base,
        identity=replace(base.identity, number=str(100 + i)),
        layout=replace(base.layout, number=number),
        references=(ct34, ct35),
        relations=(*base.relations, Relation(SELF, "based_on", "35-CT/TW", span_of(base.text, cited.quote))),
        tasks=(task,),
    )


def _fanout_graphs() -> list[tuple[URIRef, Graph]]:
    from graph.build import build_graph
    from tests.factories import directive

    return [build_graph(directive()), *(build_graph(_fanout_plan(i)) for i in range(FANOUT))]


Row = dict[str, str | None]
LINEAGE = (PKG.implements, PKG.basedOn, PKG.amends, PKG.replaces, PKG.repeals, PKG.approves, OWL.sameAs)


class _Quads:
    """Brute-force reading of the fan-out quads: what every query should answer."""

    def __init__(self, graphs: list[tuple[URIRef, Graph]]) -> None:
        self.quads = [(str(s), str(p), str(o), str(g)) for g, graph in graphs for s, p, o in graph]
        self.quad_set = set(self.quads)
        self.triples = {q[:3] for q in self.quads}

    def values(self, subject: str | None, *path: URIRef) -> set[str]:
        found = {subject} if subject is not None else set()
        for step in path:
            found = {o for s, p, o in self.triples if s in found and p == str(step)}
        return found

    def subjects(self, predicate: URIRef, obj: str | None = None) -> set[str]:
        return {s for s, p, o in self.triples if p == str(predicate) and obj in (None, o)}

    def reach(self, start: str, preds: tuple[URIRef, ...], down: bool) -> set[str]:
        """Nodes linked to ``start`` by ``preds`` (owl:sameAs both ways), upward or downward."""
        wanted = {str(p) for p in preds}
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            for s, p, o in self.triples:
                step = {s: o, o: s}.get(node) if p == str(OWL.sameAs) else (s if o == node else None) if down \
                    else (o if s == node else None)  # fmt: skip
                if p in wanted and step is not None and step not in seen:
                    seen.add(step)
                    todo.append(step)
        return seen

    def evidenced(self, s: str, p: str, o: str) -> set[str | None]:
        """The graphs holding the sentence behind ``s p o`` ({None} when none does)."""
        graphs: set[str | None] = set()
        for e, _, _, g in [q for q in self.quads if q[1] == str(PKG.subject) and q[2] == s]:
            if {(e, str(PKG.predicate), p, g), (e, str(PKG.object), o, g)} <= self.quad_set:
                graphs.add(g)
        return graphs or {None}

    def lineage(self, doc: str, down: bool) -> set[tuple[str | None, ...]]:
        nodes = self.reach(doc, LINEAGE, down)
        edges = {(s, p, o) for s, p, o in self.triples if p in {str(x) for x in LINEAGE}}
        return {
            (s, p, o, g) for s, p, o in edges if (o if down else s) in nodes for g in self.evidenced(s, p, o)
        }


PLAN0 = f"{B}eli/vn-long-an/tu/kh/2025/01/06/100"
DOC_VALUES = {"number": (PKG.number,), "type": (PKG.docType,), "title": (PKG.title,), "date": (PKG.date,)}
PLACE = (PKG.jurisdiction, RDFS.label)
EXPORTED = (*LINEAGE[:-1], PKG.cites, PKG.guides, PKG.issuedBy, PKG.assigns, PKG.assignee, PKG.partner,
            PKG.reportsTo, PKG.statesTarget, PKG.quotedFrom, PKG.subOrganizationOf)  # fmt: skip
JOINED = {"partners", "report_to"}


@dataclass(frozen=True)
class FanoutCase:
    """A named query, its parameters, the columns that identify a row, and where values come from.

    ``expected(quads)`` gives the identifying tuples (None: only finishing is checked); ``values`` maps a column to (subject column,
    path): its value must be one of the values the quads give for that path (any graph's spelling).
    """

    name: str
    params: dict[str, str]
    keys: tuple[str, ...]
    expected: Callable[[_Quads], set[tuple[str | None, ...]]] | None
    values: dict[str, tuple[str, tuple[URIRef, ...]]] = field(default_factory=dict)


def _tasks_of(q: _Quads) -> set[str]:
    return q.subjects(RDF.type, str(PKG.Task))


def _leads(q: _Quads, agency: str, role: URIRef) -> str:
    return str(len(q.subjects(role, agency)))


def _doc_values(column: str) -> dict[str, tuple[str, tuple[URIRef, ...]]]:
    return {name: (column, path) for name, path in DOC_VALUES.items()}


FANOUT_CASES = [
    FanoutCase("document_card", {"doc": str(CT34)}, ("doc", "ingested"), lambda q: {(str(CT34), "true")},
               {**_doc_values("doc"), "issuer": ("doc", (PKG.issuerLabel,))}),
    FanoutCase("document_card", {"doc": str(CT35)}, ("doc", "ingested"), lambda q: {(str(CT35), "false")},
               {**_doc_values("doc"), "issuer": ("doc", (PKG.issuerLabel,))}),
    FanoutCase("lookup_number", {"number": "34-CT/TW"}, ("doc",),
               lambda q: {(s,) for p in (PKG.number, PKG.serial, PKG.mentionText) for s in q.subjects(p, "34-CT/TW")
                          if s in q.subjects(RDF.type, str(PKG.Document))},
               {"printed": ("doc", (PKG.number,)), "title": ("doc", (PKG.title,))}),
    FanoutCase("implementing", {"doc": str(CT34)}, ("document", "via"),
               lambda q: {(d, v) for v in q.reach(str(CT34), (PKG.implements,), True)
                          for d in q.subjects(PKG.implements, v) if d != str(CT34)}, _doc_values("document")),
    FanoutCase("rests_on", {"doc": PLAN0}, ("document", "via", "predicate"),
               lambda q: {(d, v, str(p)) for v in q.reach(PLAN0, (PKG.implements, PKG.basedOn), False)
                          for p in (PKG.implements, PKG.basedOn) for d in q.values(v, p)}, _doc_values("document")),
    FanoutCase("lineage_up", {"doc": PLAN0}, ("s", "p", "o", "g"), lambda q: q.lineage(PLAN0, down=False)),
    FanoutCase("lineage_down", {"doc": str(CT35)}, ("s", "p", "o", "g"), lambda q: q.lineage(str(CT35), down=True)),
    FanoutCase("tasks", {}, ("task", "assignee", "role"),
               lambda q: {(t, a, "assignee") for t in _tasks_of(q) for a in q.values(t, PKG.assignee)},
               {"assignee_label": ("assignee", (RDFS.label,)), "partners": ("task", (PKG.partner, RDFS.label)),
                "report_to": ("task", (PKG.reportsTo, RDFS.label))}),
    FanoutCase("tasks", {"agency": f"{ORG}so-tu-phap"}, ("task", "role"),
               lambda q: {(t, "partner") for t in q.subjects(PKG.partner, f"{ORG}so-tu-phap")}),
    FanoutCase("agencies", {}, ("agency", "leads", "partners"),
               lambda q: {(a, _leads(q, a, PKG.assignee), _leads(q, a, PKG.partner))
                          for a in q.subjects(RDF.type, str(PKG.Agency))},
               {"label": ("agency", (RDFS.label,)), "jurisdiction": ("agency", PLACE)}),
    FanoutCase("export_agencies", {}, ("agency",), lambda q: {(a,) for a in q.subjects(RDF.type, str(PKG.Agency))},
               {"name": ("agency", (RDFS.label,)), "jurisdiction": ("agency", PLACE)}),
    FanoutCase("documents", {}, ("doc",), lambda q: {(s,) for s in q.subjects(PKG.sourcePath)},
               {**_doc_values("doc"), "jurisdiction": ("doc", PLACE)}),
    FanoutCase("export_documents", {}, ("doc",), lambda q: {(s,) for s in q.subjects(RDF.type, str(PKG.Document))},
               {"number": ("doc", (PKG.number,)), "title": ("doc", (PKG.title,)),
                "issuer": ("doc", (PKG.issuerLabel,)), "jurisdiction": ("doc", PLACE)}),
    FanoutCase("export_tasks", {}, ("task", "doc"),
               lambda q: {(t, d) for t in _tasks_of(q) for d in q.subjects(PKG.assigns, t)},
               {"jurisdiction": ("doc", PLACE)}),
    FanoutCase("export_targets", {}, ("target", "doc"),
               lambda q: {(t, d) for t in q.subjects(RDF.type, str(PKG.Target)) for d in q.subjects(PKG.statesTarget, t)},
               {"jurisdiction": ("doc", PLACE)}),
    FanoutCase("responsibility_matrix", {}, ("agency", "role", "task"),
               lambda q: {(a, role, t) for role, p in (("assignee", PKG.assignee), ("partner", PKG.partner),
                          ("report_to", PKG.reportsTo)) for t in _tasks_of(q) for a in q.values(t, p)},
               {"label": ("agency", (RDFS.label,)), "jurisdiction": ("agency", PLACE),
                "number": ("doc", (PKG.number,)), "doc_jurisdiction": ("doc", PLACE)}),
    FanoutCase("edges", {}, ("s", "p", "o", "g"),
               lambda q: {(s, p, o, g) for s, p, o in q.triples if p in {str(x) for x in LINEAGE}
                          for g in q.evidenced(s, p, o)}),
    FanoutCase("export_edges", {}, ("s", "p", "o"),
               lambda q: {(s, p, o) for s, p, o in q.triples if p in {str(x) for x in EXPORTED}}),
    FanoutCase("same_as_candidates", {}, (), None),
    FanoutCase("document_neighbours", {"doc": str(CT34)}, ("neighbour",),
               lambda q: {(o if s == str(CT34) else s,) for s, p, o in q.triples
                          if p in {str(x) for x in RELATION_PREDICATES.values()} and str(CT34) in (s, o)}),
    FanoutCase("graph_triples", {"graph": str(CT34)}, ("s", "p", "o"),
               lambda q: {(s, p, o) for s, p, o, g in q.quads if g == str(CT34)}),
    FanoutCase("stats", {}, ("documents", "referenced", "agencies", "tasks"),
               lambda q: {tuple(str(len(n)) for n in (q.subjects(PKG.sourcePath),
                          q.subjects(RDF.type, str(PKG.Document)), q.subjects(RDF.type, str(PKG.Agency)),
                          _tasks_of(q)))}),
]  # fmt: skip


def _fanout_answers(cases: list[tuple[str, dict[str, str]]], answers: Queue[list[Row]]) -> None:
    """Child process: build the fan-out store and put each query's rows on ``answers``, in order."""
    with OxigraphStore(None) as store:
        store.replace_graphs(_fanout_graphs())
        for text, params in cases:
            terms = {k: Literal(v) if k == "number" else URIRef(v) for k, v in params.items()}
            rows = run(store, text, terms).rows
            answers.put([{k: None if v is None else str(v) for k, v in row.items()} for row in rows])


def fanout_run(texts: list[str]) -> dict[int, list[Row]]:
    """Run FANOUT_CASES (with these query texts) in a child; cases not done in time are missing."""
    context = multiprocessing.get_context("spawn")
    answers: Queue[list[Row]] = context.Queue()
    cases = [(text, case.params) for text, case in zip(texts, FANOUT_CASES, strict=True)]
    child = context.Process(target=_fanout_answers, args=(cases, answers), daemon=True)
    child.start()
    done: dict[int, list[Row]] = {}
    try:
        for index in range(len(cases)):
            done[index] = answers.get(timeout=FANOUT_TIMEOUT)
    except Empty:
        pass
    finally:
        child.terminate()
        child.join()
    return done


@pytest.fixture(scope="module")
def fanout() -> tuple[_Quads, dict[int, list[Row]]]:
    return _Quads(_fanout_graphs()), fanout_run([load(case.name).text for case in FANOUT_CASES])


def test_fanout_cases_cover_every_named_query() -> None:
    assert {case.name for case in FANOUT_CASES} == {query.name for query in list_named()}


@pytest.mark.parametrize("index", range(len(FANOUT_CASES)), ids=lambda i: FANOUT_CASES[i].name)
def test_query_on_a_document_many_graphs_describe(
    fanout: tuple[_Quads, dict[int, list[Row]]], index: int
) -> None:
    quads, done = fanout
    case = FANOUT_CASES[index]
    if index not in done:
        pytest.fail(
            f"{case.name} {case.params} did not finish within {FANOUT_TIMEOUT:.0f} s (or an earlier one)"
        )
    rows = done[index]
    if case.expected is not None:
        keys = [tuple(row[k] for k in case.keys) for row in rows]
        assert sorted(map(str, keys)) == sorted(map(str, set(keys)))
        assert set(keys) == case.expected(quads)
    for row in rows:
        for column, (subject, path) in case.values.items():
            allowed = quads.values(row[subject], *path)
            value = row[column]
            parts = value.split("; ") if value is not None and column in JOINED else [value]
            assert all(part in allowed for part in parts) if value is not None else not allowed, (column, row)
