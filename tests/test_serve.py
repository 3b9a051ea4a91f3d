"""The read-only SPARQL endpoint (``graph.serve``), exercised over loopback HTTP.

One server (threads in this process, each query in a forked child) runs over a
temporary on-disk store built from the graph factories; it stops at the end of
the module.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

import graph.serve as serve
from cli import main
from graph.build import build_graph
from graph.serve import make_server
from graph.store_oxigraph import OxigraphStore
from loaders.errors import StoreError
from tests.factories import XSS_IMG, directive, district_plan, hostile_plan, province_plan

TIMEOUT_S = 4.0
MAX_ROWS = 120  # more than the typed resources (70), fewer than the triples (344)
EXPLOSIVE = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
)


@dataclass(frozen=True)
class Reply:
    status: int
    media: str
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass(frozen=True)
class Endpoint:
    base: str
    union: Graph
    quads: int  # the union default graph repeats a triple once per named graph holding it

    def call(
        self, path: str, *, data: bytes | None = None, method: str | None = None, **headers: str
    ) -> Reply:
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Reply(
                    response.status, response.headers["Content-Type"], response.read(), dict(response.headers)
                )
        except urllib.error.HTTPError as err:
            return Reply(err.code, err.headers["Content-Type"], err.read(), dict(err.headers))

    def get(self, query: str, accept: str = "", path: str = "/sparql") -> Reply:
        headers = {"Accept": accept} if accept else {}
        return self.call(path + "?" + urllib.parse.urlencode({"query": query}), **headers)

    def count(self) -> int:
        reply = self.get("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def _graphs() -> list[tuple[URIRef, Graph]]:
    return [build_graph(factory()) for factory in (directive, province_plan, district_plan, hostile_plan)]


def _union(graphs: list[tuple[URIRef, Graph]]) -> Graph:
    union = Graph()
    for _, graph in graphs:
        union += graph
    return union


def _store_dir(tmp: Path) -> Path:
    graphs = _graphs()
    store = OxigraphStore(str(tmp / "store"))
    store.replace_graphs(graphs)
    store.close()
    return tmp / "store"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    path = _store_dir(tmp_path_factory.mktemp("serve"))
    server = make_server(str(path), port=0, timeout=TIMEOUT_S, max_rows=MAX_ROWS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Endpoint(
            f"http://127.0.0.1:{server.server_address[1]}",
            _union(_graphs()),
            sum(len(g) for _, g in _graphs()),
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@dataclass(frozen=True)
class FakeNamed:
    name: str
    answers: str
    text: str


@pytest.fixture
def named_queries(monkeypatch: pytest.MonkeyPatch) -> list[FakeNamed]:
    named = [
        FakeNamed("documents", "Every document", "SELECT ?d WHERE { ?d a ?t }"),
        FakeNamed(XSS_IMG, XSS_IMG, 'SELECT ?x WHERE { ?x ?p "</textarea><script>alert(1)</script>" }'),
    ]
    monkeypatch.setattr(serve, "_named_queries", lambda: named)
    return named


def _typed(union: Graph) -> set[tuple[str, str]]:
    return {(str(s), str(o)) for s, o in union.subject_objects(RDF.type)}


TYPED_QUERY = "SELECT ?s ?o WHERE { ?s a ?o }"


# --------------------------------------------------------------------------- protocol over HTTP


def test_sparqlwrapper_json(endpoint: Endpoint) -> None:
    client = SPARQLWrapper(endpoint.base + "/sparql")
    client.setQuery(TYPED_QUERY)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    rows = {(b["s"]["value"], b["o"]["value"]) for b in data["results"]["bindings"]}  # type: ignore[index]
    assert rows == _typed(endpoint.union)


def test_sparqlwrapper_csv(endpoint: Endpoint) -> None:
    client = SPARQLWrapper(endpoint.base + "/sparql")
    client.setQuery(TYPED_QUERY)
    client.setReturnFormat(CSV)
    body = client.query().convert()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))  # type: ignore[union-attr]
    assert rows[0] == ["s", "o"]
    assert {(s, o) for s, o in rows[1:]} == _typed(endpoint.union)


def test_sparqlwrapper_xml(endpoint: Endpoint) -> None:
    client = SPARQLWrapper(endpoint.base + "/sparql")
    client.setQuery(TYPED_QUERY)
    client.setReturnFormat(XML)
    document = client.query().convert()
    rows = set()
    for result in document.getElementsByTagName("result"):  # type: ignore[union-attr]
        cells = {
            b.getAttribute("name"): b.getElementsByTagName("uri")[0].firstChild.data
            for b in result.getElementsByTagName("binding")
        }
        rows.add((cells["s"], cells["o"]))
    assert rows == _typed(endpoint.union)


def test_post_forms_and_tsv(endpoint: Endpoint) -> None:
    direct = endpoint.call(
        "/sparql",
        data=TYPED_QUERY.encode(),
        **{"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    form = endpoint.call(
        "/query",
        data=urllib.parse.urlencode({"query": TYPED_QUERY}).encode(),
        **{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/tab-separated-values"},
    )
    assert direct.status == form.status == 200
    assert direct.media.startswith("text/tab-separated-values")
    lines = direct.text.splitlines()
    assert lines[0] == "?s\t?o"
    assert {tuple(cell.strip("<>") for cell in line.split("\t")) for line in lines[1:]} == _typed(
        endpoint.union
    )
    assert sorted(form.text.splitlines()) == sorted(lines)


def test_construct_as_turtle_and_ntriples(endpoint: Endpoint) -> None:
    query = "CONSTRUCT { ?s a ?o } WHERE { ?s a ?o . FILTER(CONTAINS(STR(?s), '/ct/')) }"
    expected = {(s, o) for s, o in endpoint.union.subject_objects(RDF.type) if "/ct/" in s}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt")):
        reply = endpoint.get(query, accept)
        assert reply.status == 200
        assert reply.media.startswith(accept)
        graph = Graph().parse(data=reply.text, format=fmt)
        assert {(s, o) for s, _, o in graph} == expected


def test_ask(endpoint: Endpoint) -> None:
    assert json.loads(endpoint.get("ASK { ?s a ?o }").body)["boolean"] is True
    assert json.loads(endpoint.get("ASK { <urn:none> ?p ?o }").body)["boolean"] is False


@pytest.mark.parametrize(
    ("method", "path", "body", "media"),
    [
        ("POST", "/sparql", b"DROP ALL", "application/sparql-update"),
        ("POST", "/sparql", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
        ("POST", "/update", b"update=CLEAR+DEFAULT", "application/x-www-form-urlencoded"),
        ("POST", "/", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
        ("GET", "/sparql?update=DROP+ALL", None, ""),
        ("GET", "/sparql?query=DROP+ALL", None, ""),
        (
            "POST",
            "/sparql",
            b"query=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D",
            "application/x-www-form-urlencoded",
        ),
        ("PUT", "/sparql?graph=urn:g", b"<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
        ("DELETE", "/sparql?graph=urn:g", None, ""),
    ],
)
def test_updates_are_refused_and_change_nothing(
    endpoint: Endpoint, method: str, path: str, body: bytes | None, media: str
) -> None:
    before = endpoint.count()
    headers = {"Content-Type": media} if media else {}
    reply = endpoint.call(path, data=body, method=method, **headers)
    assert reply.status == 403
    assert "read-only" in reply.text
    assert endpoint.count() == before == endpoint.quads


class _Canary(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def canary() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/probe"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s a ?t FILTER NOT EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
        "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ],
)
def test_reaching_outside_is_refused(endpoint: Endpoint, canary: str, template: str) -> None:
    reply = endpoint.get(template.replace("{url}", canary))
    assert reply.status == 400
    assert "refused" in reply.text
    assert _Canary.hits == []


@pytest.mark.parametrize(
    ("path", "status", "needle"),
    [
        ("/sparql?query=SELECT+*+WHERE+%7B&x=1", 400, "malformed"),
        ("/sparql", 400, "query parameter"),
        ("/sparql?query=ASK%7B%7D&default-graph-uri=urn:g", 400, "default-graph-uri"),
        ("/nowhere", 404, "/sparql"),
    ],
)
def test_bad_requests(endpoint: Endpoint, path: str, status: int, needle: str) -> None:
    reply = endpoint.call(path)
    assert (reply.status, reply.media) == (status, "text/plain; charset=utf-8")
    assert needle in reply.text


def test_row_cap(endpoint: Endpoint) -> None:
    assert len(endpoint.union) > MAX_ROWS
    assert endpoint.get("SELECT * WHERE { ?s ?p ?o }").status == 413
    assert endpoint.get("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").status == 413
    capped = endpoint.get(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert capped.status == 200
    assert len(json.loads(capped.body)["results"]["bindings"]) == MAX_ROWS


def test_explosive_query_is_stopped_while_others_answer(endpoint: Endpoint) -> None:
    replies: dict[str, Reply] = {}
    slow = threading.Thread(target=lambda: replies.update(slow=endpoint.get(EXPLOSIVE)))
    slow.start()
    for _ in range(200):
        if multiprocessing.active_children():
            break
        time.sleep(0.02)
    quick = endpoint.get("ASK { ?s a ?o }")
    assert slow.is_alive()
    slow.join(TIMEOUT_S * 10)
    assert quick.status == 200
    assert json.loads(quick.body)["boolean"] is True
    assert replies["slow"].status == 503
    assert "stopped" in replies["slow"].text
    assert multiprocessing.active_children() == []


# --------------------------------------------------------------------------- the query page


def test_page_is_offline_escaped_and_locked_down(endpoint: Endpoint, named_queries: list[FakeNamed]) -> None:
    reply = endpoint.call("/")
    assert reply.status == 200
    assert "default-src 'none'" in reply.headers["Content-Security-Policy"]
    assert "<script" not in reply.text
    assert XSS_IMG not in reply.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in reply.text
    assert 'href="/?name=documents"' in reply.text
    assert "src=" not in reply.text.replace("img src=x", "")
    assert "http://" not in reply.text and "https://" not in reply.text
    assert endpoint.call("/serve_page.css").status == 200


def test_page_named_query_text_is_escaped(endpoint: Endpoint, named_queries: list[FakeNamed]) -> None:
    reply = endpoint.call("/?" + urllib.parse.urlencode({"name": XSS_IMG}))
    assert reply.status == 200
    assert "</textarea><script>" not in reply.text
    assert "&lt;/textarea&gt;&lt;script&gt;" in reply.text
    assert endpoint.call("/?name=missing").status == 404


def test_page_results_table_escapes_document_text(endpoint: Endpoint, named_queries: list[FakeNamed]) -> None:
    query = "SELECT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'onerror')) }"
    reply = endpoint.call("/", data=urllib.parse.urlencode({"query": query}).encode())
    assert reply.status == 200
    assert "<table>" in reply.text
    assert "onerror" in reply.text
    assert XSS_IMG not in reply.text


def test_page_lists_the_real_named_queries(endpoint: Endpoint) -> None:
    from graph.queries import list_named

    page = endpoint.call("/").text
    named = list_named()
    assert named
    for query in named:
        assert f'href="/?name={urllib.parse.quote(query.name)}"' in page
    implementing = endpoint.call("/?name=implementing")
    assert implementing.status == 200
    assert "?doc" in implementing.text


def test_page_shows_errors(endpoint: Endpoint, named_queries: list[FakeNamed]) -> None:
    reply = endpoint.call(
        "/", data=urllib.parse.urlencode({"query": "SELECT * FROM <file:///x> {}"}).encode()
    )
    assert reply.status == 400
    assert 'class="error"' in reply.text


# --------------------------------------------------------------------------- opening and the CLI


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        make_server(str(tmp_path / "absent"), port=0)


def test_port_in_use_is_a_store_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(StoreError, match="cannot listen"):
            make_server(OxigraphStore(None), port=taken.getsockname()[1])


def test_cli_help() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--max-rows" in result.output and "--timeout" in result.output


def test_cli_serve_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "absent"), "serve", "--port", "0"])
    assert result.exit_code == 1
    assert "no store" in result.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_cli_serve_subprocess(tmp_path: Path) -> None:
    path = _store_dir(tmp_path)
    port = _free_port()
    command = [
        sys.executable,
        "-c",
        "from cli import main; main()",
        "--store",
        str(path),
        "serve",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = Endpoint(f"http://127.0.0.1:{port}", _union(_graphs()), sum(len(g) for _, g in _graphs()))
        for _ in range(100):
            try:
                reply = endpoint.get("ASK { ?s ?p ?o }")
                break
            except urllib.error.URLError:
                time.sleep(0.1)
        else:
            pytest.fail("policykg serve did not start")
        assert reply.status == 200
        assert endpoint.count() == endpoint.quads
    finally:
        process.terminate()
        process.wait(10)
        assert process.stderr is not None
        banner = process.stderr.read()
        process.stderr.close()
    assert f"127.0.0.1:{port}" in banner
