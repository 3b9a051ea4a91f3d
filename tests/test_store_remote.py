"""``graph.store_remote``: endpoint layout, credentials, and a real Oxigraph server.

Tests marked ``server`` start ``oxigraph serve`` (the ``oxigraph`` PyPI
package's binary) on a free loopback port; it is killed at the end of the module.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from graph.build import build_graph
from graph.queries import list_named, run_named
from graph.serve import make_server
from graph.store import open_store
from graph.store_oxigraph import OxigraphStore
from graph.store_remote import (
    QUERY_URL_ENV,
    STORE_URL_ENV,
    RemoteStore,
    _parse_results,
    mask_url,
    resolve_endpoints,
)
from graph.traversal import lineage
from loaders.errors import QueryError, StoreError
from tests.factories import directive, district_plan, hostile_plan, province_plan

PKG = Namespace("https://w3id.org/policykg/ontology#")
DIRECTIVE = URIRef("https://w3id.org/policykg/eli/vn/tw/ct/2024/05/24/34")
HOSTILE = [
    'x" } ; DROP ALL ; INSERT DATA { <urn:pwned> <urn:by> "x',
    "line\nbreak \\ and ''' and \"\"\" and } # comment",
    "Kế hoạch 146-KH/TU > } UNION { ?s ?p ?o }",
]


# --------------------------------------------------------------------------- endpoint layout


@pytest.mark.parametrize(
    ("url", "family", "query", "update", "store"),
    [
        ("http://h:7878", "oxigraph", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:7878/", "oxigraph", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
        (
            "http://h:7878/query",
            "oxigraph",
            "http://h:7878/query",
            "http://h:7878/update",
            "http://h:7878/store",
        ),
        ("http://h/kg/query", "oxigraph", "http://h/kg/query", "http://h/kg/update", "http://h/kg/store"),
        (
            "http://h:3030/ds",
            "fuseki",
            "http://h:3030/ds/sparql",
            "http://h:3030/ds/update",
            "http://h:3030/ds/data",
        ),
        (
            "http://h:3030/ds/sparql",
            "fuseki",
            "http://h:3030/ds/sparql",
            "http://h:3030/ds/update",
            "http://h:3030/ds/data",
        ),
        ("https://h/x#fuseki", "fuseki", "https://h/x/sparql", "https://h/x/update", "https://h/x/data"),
        (
            "http://h:8890/sparql",
            "virtuoso",
            "http://h:8890/sparql",
            "http://h:8890/sparql",
            "http://h:8890/sparql-graph-crud",
        ),
        (
            "http://h:8890#virtuoso",
            "virtuoso",
            "http://h:8890/sparql",
            "http://h:8890/sparql",
            "http://h:8890/sparql-graph-crud",
        ),
        (
            "http://u:p@h:7878#oxigraph",
            "oxigraph",
            "http://h:7878/query",
            "http://h:7878/update",
            "http://h:7878/store",
        ),
        (
            "http://[::1]:7878",
            "oxigraph",
            "http://[::1]:7878/query",
            "http://[::1]:7878/update",
            "http://[::1]:7878/store",
        ),
    ],
)
def test_resolve_endpoints(url: str, family: str, query: str, update: str, store: str | None) -> None:
    endpoints = resolve_endpoints(url, {})
    assert (endpoints.family, endpoints.query, endpoints.update, endpoints.store) == (
        family,
        query,
        update,
        store,
    )
    assert endpoints.union_parameter is (family == "oxigraph")


def test_environment_overrides_endpoints() -> None:
    env = {QUERY_URL_ENV: "http://q/sparql", STORE_URL_ENV: "http://s/gsp"}
    endpoints = resolve_endpoints("http://h:7878", env)
    assert (endpoints.query, endpoints.update, endpoints.store) == (
        "http://q/sparql",
        "http://h:7878/update",
        "http://s/gsp",
    )


@pytest.mark.parametrize("url", ["ftp://h/x", "http://", "http://h#blazegraph", "http://u:p@h:port/x"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(StoreError):
        RemoteStore(url, env={})


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("http://alice:s3cret@h:7878/ds#fuseki", "http://***@h:7878/ds#fuseki"),
        ("https://token@h/x", "https://***@h/x"),
        ("http://h:7878", "http://h:7878"),
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked
    store = RemoteStore(url, env={})
    assert "s3cret" not in repr(store) and "s3cret" not in store.location
    assert store.location == masked


# --------------------------------------------------------------------------- credentials and errors


class _Recorder(BaseHTTPRequestHandler):
    """Answers 401 (echoing the Authorization header back) or a redirect."""

    seen: ClassVar[list[tuple[str, str | None]]] = []

    def _answer(self) -> None:
        auth = self.headers.get("Authorization")
        self.seen.append((self.path, auth))
        if self.path.startswith("/moved"):
            self.send_response(302)
            self.send_header("Location", "/elsewhere/query")
            self.end_headers()
            return
        body = f"bad credentials: {auth}".encode()
        self.send_response(401)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.seen.clear()
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("url", "env", "header", "secret"),
    [
        ("http://{host}", {"POLICYKG_TOKEN": "tok-123"}, "Bearer tok-123", "tok-123"),
        (
            "http://{host}",
            {"POLICYKG_USER": "alice", "POLICYKG_PASSWORD": "pw-456"},
            "Basic YWxpY2U6cHctNDU2",
            "pw-456",
        ),
        ("http://alice:pw-789@{host}", {}, "Basic " + base64.b64encode(b"alice:pw-789").decode(), "pw-789"),
    ],
)
def test_credentials_are_sent_and_never_shown(
    recorder: str, url: str, env: dict[str, str], header: str, secret: str
) -> None:
    store = RemoteStore(url.replace("{host}", recorder), env=env)
    for call in (
        lambda: store.query("ASK { ?s ?p ?o }"),
        lambda: store.replace_graph(URIRef("urn:g"), Graph()),
    ):
        with pytest.raises(StoreError) as caught:
            call()
        message = caught.value.one_line()
        assert "HTTP 401" in message
        assert secret not in message and header.split()[1] not in message
        assert "\n" not in message
    assert [auth for _, auth in _Recorder.seen] == [header, header]
    assert secret not in repr(store)


def test_redirects_are_not_followed(recorder: str) -> None:
    store = RemoteStore(f"http://{recorder}/moved#oxigraph", env={"POLICYKG_TOKEN": "tok"})
    with pytest.raises(StoreError, match="302"):
        store.query("ASK { ?s ?p ?o }")
    assert [path for path, _ in _Recorder.seen] == ["/moved/query?union-default-graph"]


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"<html>proxy error</html>", "text/html"),
        (b'{"head": {}}', "application/sparql-results+json"),
        (
            b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "triple"}}]}}',
            "application/json",
        ),
        (b"<urn:a> <urn:b> .", "application/n-triples"),
    ],
)
def test_unexpected_answers_are_store_errors(body: bytes, media: str) -> None:
    with pytest.raises(StoreError, match="SPARQL results"):
        _parse_results(body, media)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"head": {}, "boolean": false}', False),
        (
            b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [{"__ASK_RETVAL": {"type": "literal", "value": "1"}}]}}',
            True,
        ),
        (
            b'{"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [{"__ASK_RETVAL": {"type": "literal", "value": "0"}}]}}',
            False,
        ),
    ],
)
def test_ask_answers(body: bytes, expected: bool) -> None:
    result = _parse_results(body, "application/sparql-results+json")
    assert (result.kind, result.boolean) == ("ask", expected)


def test_unreachable_server_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = RemoteStore(f"http://bob:hunter2@127.0.0.1:{port}", env={})
    with pytest.raises(StoreError, match="cannot reach") as caught:
        store.named_graphs()
    assert "hunter2" not in caught.value.one_line()


def test_silent_server_times_out_with_one_line() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        store = RemoteStore(
            f"http://127.0.0.1:{silent.getsockname()[1]}", env={"POLICYKG_HTTP_TIMEOUT": "0.3"}
        )
        with pytest.raises(StoreError, match=r"no answer within 0\.3 s"):
            store.triple_count()


def test_bad_timeout_setting() -> None:
    with pytest.raises(StoreError, match="POLICYKG_HTTP_TIMEOUT"):
        RemoteStore("http://127.0.0.1:1", env={"POLICYKG_HTTP_TIMEOUT": "soon"})


# --------------------------------------------------------------------------- a real Oxigraph server


def _oxigraph_binary() -> str:
    binary = shutil.which("oxigraph") or str(Path(__import__("sys").executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary (PyPI `oxigraph`) is not installed")
    return binary


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail("oxigraph serve did not start in 30 s")


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _oxigraph_binary()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph") / "db"
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.kill()
        process.wait(10)


def _graphs() -> list[tuple[URIRef, Graph]]:
    return [build_graph(factory()) for factory in (directive, province_plan, district_plan, hostile_plan)]


@pytest.fixture
def stores(server_url: str) -> Iterator[tuple[RemoteStore, OxigraphStore]]:
    remote = RemoteStore(server_url, env={})
    for graph_iri in remote.named_graphs():
        remote.remove_graph(graph_iri)
    local = OxigraphStore(None)
    graphs = _graphs()
    remote.replace_graphs(graphs)
    local.replace_graphs(graphs)
    yield remote, local
    local.close()


def _rows(result: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(row[v] for v in result.variables) for row in result.rows)


LINEAGE = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
SELECT ?doc ?root WHERE { ?doc pkg:implements+ ?root }"""
BY_LABEL = "SELECT ?s ?p ?label WHERE { ?s ?p ?label }"  # the embedded store wants bound variables projected


@pytest.mark.server
def test_same_answers_as_the_embedded_store(stores: tuple[RemoteStore, OxigraphStore]) -> None:
    remote, local = stores
    assert remote.named_graphs() == local.named_graphs()
    assert remote.triple_count() == local.triple_count()
    assert set(remote.quads()) == set(local.quads())
    lineage = remote.query(LINEAGE, {"root": DIRECTIVE})
    assert _rows(lineage) == _rows(local.query(LINEAGE, {"root": DIRECTIVE}))
    assert len(lineage.rows) >= 2
    for graph_iri, graph in _graphs():
        construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
        remote_graph, local_graph = remote.query(construct).graph, local.query(construct).graph
        assert remote_graph is not None and local_graph is not None
        assert isomorphic(remote_graph, local_graph)  # both print "3000.0"^^xsd:decimal as "3000"
        assert len(remote_graph) == len(graph)
    assert remote.query("ASK { ?s a ?t }", {"t": PKG.Directive}).boolean is True


NON_EMPTY = {"implementing", "lineage_down", "lineage_up", "rests_on", "documents", "tasks", "edges", "stats"}
NON_EMPTY |= {"responsibility_matrix"}
"""Named queries that must find rows in the factory documents (so that equality means something)."""


def _named_bindings(named: Any) -> dict[str, Any]:
    """Values that give every named query some rows: the directive, or for upward queries the district plan."""
    upward = named.name in ("lineage_up", "rests_on", "tasks", "responsibility_matrix")
    values = {"doc": build_graph(district_plan())[0] if upward else DIRECTIVE, "number": Literal("34-CT/TW")}
    return {name: values[name] for name in named.params if name in values}


@pytest.mark.server
@pytest.mark.parametrize("named", list_named(), ids=lambda q: q.name)
def test_named_queries_match_the_embedded_store(
    stores: tuple[RemoteStore, OxigraphStore], named: Any
) -> None:
    remote, local = stores
    bindings = _named_bindings(named)
    found = run_named(remote, named.name, bindings)
    assert _rows(found) == _rows(run_named(local, named.name, bindings))
    assert found.kind == "select"
    assert found.rows or named.name not in NON_EMPTY


@pytest.mark.server
@pytest.mark.parametrize("direction", ["up", "down", "both"])
def test_lineage_matches_the_embedded_store(
    stores: tuple[RemoteStore, OxigraphStore], direction: Any
) -> None:
    remote, local = stores
    doc = build_graph(district_plan())[0] if direction == "up" else DIRECTIVE
    found = lineage(remote, doc, direction)
    assert found == lineage(local, doc, direction)
    assert len(found.nodes) >= 2 and found.edges


@pytest.mark.server
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_bindings_are_data(stores: tuple[RemoteStore, OxigraphStore], value: str) -> None:
    remote, local = stores
    label = Literal(value, lang="vi")
    before = remote.triple_count()
    assert (
        _rows(remote.query(BY_LABEL, {"label": label}))
        == _rows(local.query(BY_LABEL, {"label": label}))
        == []
    )
    assert remote.triple_count() == before


@pytest.mark.server
def test_bound_literal_matches_like_the_embedded_store(stores: tuple[RemoteStore, OxigraphStore]) -> None:
    remote, local = stores
    label = {"label": Literal("trước ngày 31/12/2025", lang="vi")}
    found = _rows(remote.query(BY_LABEL, label))
    assert found
    assert found == _rows(local.query(BY_LABEL, label))


@pytest.mark.server
def test_reingest_replaces_rather_than_duplicates(stores: tuple[RemoteStore, OxigraphStore]) -> None:
    remote, _ = stores
    before = remote.triple_count()
    graph_iri, graph = build_graph(province_plan())
    remote.replace_graph(graph_iri, graph)
    remote.replace_graphs([(graph_iri, graph)])
    assert remote.triple_count() == before
    smaller = Graph()
    smaller.add((graph_iri, RDF.type, PKG.Plan))
    remote.replace_graph(graph_iri, smaller)
    assert remote.triple_count() == before - len(graph) + 1
    remote.remove_graph(graph_iri)
    remote.remove_graph(graph_iri)
    assert graph_iri not in remote.named_graphs()


@pytest.mark.server
def test_update_only_layout_and_open_store(server_url: str) -> None:
    remote = open_store(server_url)
    assert isinstance(remote, RemoteStore)
    update_only = RemoteStore(server_url, env={STORE_URL_ENV: "none"})
    assert update_only.endpoints.store is None
    graph = Graph()
    graph.add((URIRef("urn:x"), URIRef("urn:p"), Literal(HOSTILE[0], lang="vi")))
    graph.add((URIRef("urn:x"), URIRef("urn:q"), BNode()))
    update_only.replace_graph(URIRef("urn:update-only"), graph)
    update_only.replace_graph(URIRef("urn:update-only"), graph)
    found = remote.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <urn:update-only> { ?s ?p ?o } }").graph
    assert found is not None and isomorphic(found, graph)
    remote.remove_graph(URIRef("urn:update-only"))


@pytest.mark.server
def test_malformed_query_is_a_query_error(server_url: str) -> None:
    with pytest.raises(QueryError, match="HTTP 400"):
        RemoteStore(server_url, env={}).query("SELECT WHERE nonsense")


@pytest.mark.server
def test_serve_in_front_of_a_remote_store(stores: tuple[RemoteStore, OxigraphStore]) -> None:
    remote, _ = stores
    server = make_server(remote, port=0, timeout=30)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql?query=" + urllib.parse.quote(LINEAGE)
        with urllib.request.urlopen(url, timeout=60) as response:
            rows = json.loads(response.read())["results"]["bindings"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
    expected = {(str(row["doc"]), str(row["root"])) for row in remote.query(LINEAGE).rows}
    assert {(row["doc"]["value"], row["root"]["value"]) for row in rows} == expected
    assert expected
