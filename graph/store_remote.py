"""A remote SPARQL 1.1 server as a :class:`graph.store.Store`.

``RemoteStore(url)`` speaks the SPARQL 1.1 Query, Update and Graph Store
Protocols with the standard library only. The URL names the server and,
optionally, its family in the fragment; the family fixes the endpoint layout:

=============  ================================  ==========================  ====================
family         spec                              endpoints                   union default graph
=============  ================================  ==========================  ====================
``oxigraph``   ``http://host:7878``              ``/query /update /store``   ``union-default-graph``
                                                                             parameter, sent
``fuseki``     ``http://host:3030/ds``           ``/ds/sparql /ds/update``   server config
                                                 ``/ds/data``                (``tdb2:unionDefaultGraph``)
``virtuoso``   ``http://host:8890/sparql``       ``/sparql`` (query+update)  always (all graphs)
                                                 ``/sparql-graph-crud``
=============  ================================  ==========================  ====================

Without a fragment the family is read from the URL's shape: no path or a path
ending in ``/query`` → oxigraph; exactly ``/sparql`` → virtuoso; any other path
(``/ds``, ``/ds/sparql``) → fuseki. ``$POLICYKG_QUERY_URL``,
``$POLICYKG_UPDATE_URL`` and ``$POLICYKG_STORE_URL`` override single endpoints
(``POLICYKG_STORE_URL=none``: the server has no Graph Store Protocol; write
through SPARQL Update instead).

Credentials come from ``$POLICYKG_TOKEN`` (bearer, wins) or
``$POLICYKG_USER``/``$POLICYKG_PASSWORD`` or the URL's ``user:password@``
(HTTP basic). They never appear in ``location``, ``repr`` or error messages.
Redirects are refused, so credentials are never replayed to another host.
Each request waits at most ``$POLICYKG_HTTP_TIMEOUT`` seconds (default 120).

Variables are bound by a ``VALUES`` block placed first in the query's top-level
group (the same pre-binding as rdflib's ``initBindings``), built only from
validated rdflib terms and checked by parsing; see :mod:`graph.sparql_bind`.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.exceptions import Error as RdflibError

from graph.sparql_bind import bind_variables, term_n3
from graph.store import Quad, QueryResult, Term
from loaders.errors import QueryError, StoreError

QUERY_URL_ENV = "POLICYKG_QUERY_URL"
UPDATE_URL_ENV = "POLICYKG_UPDATE_URL"
STORE_URL_ENV = "POLICYKG_STORE_URL"
USER_ENV, PASSWORD_ENV, TOKEN_ENV = "POLICYKG_USER", "POLICYKG_PASSWORD", "POLICYKG_TOKEN"
TIMEOUT_ENV = "POLICYKG_HTTP_TIMEOUT"
DEFAULT_TIMEOUT_S = 120.0
VIRTUOSO_BATCH = 1000  # Virtuoso fails on INSERT DATA with more than ~1,000 triples
RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
RDF_FORMATS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
RDF_FORMATS |= {"application/rdf+xml": "xml", "application/ld+json": "json-ld"}

# Fixed internal queries (constants, no parameters); Virtuoso's own graphs are left out.
NAMED_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
QUADS_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
VIRTUOSO_SYSTEM_GRAPHS = (
    'FILTER(!STRSTARTS(STR(?g), "http://www.openlinksw.com/") '
    "&& ?g NOT IN (<http://www.w3.org/ns/ldp#>, <http://localuriqaserver/sparql>)) "
)


@dataclass(frozen=True)
class Endpoints:
    """Where one server answers queries, updates and Graph Store requests."""

    family: str
    query: str
    update: str
    store: str | None
    union_parameter: bool = False
    update_batch: int | None = None


_LAYOUTS: dict[str, tuple[str, str, str | None]] = {
    "oxigraph": ("/query", "/update", "/store"),
    "fuseki": ("/sparql", "/update", "/data"),
    "virtuoso": ("/sparql", "/sparql", "/sparql-graph-crud"),
}


def mask_url(url: str) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@``."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def _family_and_base(parts: urllib.parse.SplitResult) -> tuple[str, str]:
    """The server family and the base path the layout hangs from."""
    path = parts.path.rstrip("/")
    family = parts.fragment.lower()
    if family and family not in _LAYOUTS:
        raise StoreError(f"unknown server family #{family}; use one of {', '.join(_LAYOUTS)}")
    if not family:
        if path in ("", "/query") or path.endswith("/query"):
            family = "oxigraph"
        elif path == "/sparql":
            family = "virtuoso"
        else:
            family = "fuseki"
    suffix = _LAYOUTS[family][0]
    if path.endswith(suffix):
        path = path[: -len(suffix)]
    return family, path


def resolve_endpoints(url: str, env: Mapping[str, str]) -> Endpoints:
    """The endpoints of the server named by ``url`` (see the module docstring).

    Raises
    ------
    StoreError
        The URL is not http(s) or names an unknown family.
    """
    parts = urllib.parse.urlsplit(url)
    try:
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        valid = False
    if not valid:
        raise StoreError("a remote store needs an http:// or https:// URL with a host", mask_url(url))
    family, base = _family_and_base(parts)
    netloc = parts.netloc.rpartition("@")[2]
    root = urllib.parse.urlunsplit((parts.scheme, netloc, base, "", ""))
    query, update, store = (root + p if p else None for p in _LAYOUTS[family])
    assert query is not None and update is not None
    return Endpoints(
        family=family,
        query=env.get(QUERY_URL_ENV) or query,
        update=env.get(UPDATE_URL_ENV) or update,
        store=None if env.get(STORE_URL_ENV) == "none" else env.get(STORE_URL_ENV) or store,
        union_parameter=family == "oxigraph",
        update_batch=VIRTUOSO_BATCH if family == "virtuoso" else None,
    )


def _auth_header(url: str, env: Mapping[str, str]) -> tuple[str | None, tuple[str, ...]]:
    """The ``Authorization`` header value and the secrets to scrub from messages."""
    token = env.get(TOKEN_ENV)
    if token:
        return f"Bearer {token}", (token,)
    parts = urllib.parse.urlsplit(url)
    user = env.get(USER_ENV) or urllib.parse.unquote(parts.username or "")
    password = env.get(PASSWORD_ENV) or urllib.parse.unquote(parts.password or "")
    if not user and not password:
        return None, ()
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    secrets = tuple(s for s in (password, encoded, parts.password or "") if s)
    return f"Basic {encoded}", secrets


def _term_from_json(cell: Mapping[str, Any]) -> Term:
    """An rdflib term from one SPARQL JSON results binding."""
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        datatype = cell.get("datatype")
        return RdfLiteral(value, lang=cell.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)
    raise StoreError(f"unexpected term in SPARQL results: {kind!r}")


def _parse_results(body: bytes, content_type: str) -> QueryResult:
    """A :class:`QueryResult` from a SPARQL JSON results or RDF response body.

    Raises
    ------
    StoreError
        The body is not what its content type says, or not SPARQL results at all.
    """
    media = content_type.split(";")[0].strip().lower()
    try:
        if media in RDF_FORMATS:
            graph = Graph()
            graph.parse(data=body.decode("utf-8"), format=RDF_FORMATS[media])
            return QueryResult(kind="graph", graph=graph)
        return _json_results(json.loads(body))
    except (ValueError, KeyError, TypeError, AttributeError, SyntaxError, RdflibError) as err:
        raise StoreError(
            f"the server's {media or 'untyped'} answer is not SPARQL results: {err!r:.100}"
        ) from err


def _json_results(data: dict[str, Any]) -> QueryResult:
    if "boolean" in data:
        return QueryResult(kind="ask", boolean=bool(data["boolean"]))
    variables = tuple(data["head"].get("vars", ()))
    if variables == ("__ASK_RETVAL",):  # Virtuoso 7 answers ASK as a one-cell SELECT
        cells = data["results"]["bindings"]
        return QueryResult(kind="ask", boolean=bool(cells) and cells[0]["__ASK_RETVAL"]["value"] != "0")
    rows = tuple(
        {v: (_term_from_json(row[v]) if v in row else None) for v in variables}
        for row in data["results"]["bindings"]
    )
    return QueryResult(kind="select", variables=variables, rows=rows)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class RemoteStore:
    """A SPARQL 1.1 server as a store (see the module docstring)."""

    def __init__(self, url: str, *, timeout: float | None = None, env: Mapping[str, str] | None = None):
        env = os.environ if env is None else env
        try:
            timeout = timeout or float(env.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT_S)
        except ValueError:
            raise StoreError(f"${TIMEOUT_ENV} must be a number of seconds") from None
        self.location = mask_url(url)
        self.endpoints = resolve_endpoints(url, env)
        self._authorization, self._secrets = _auth_header(url, env)
        self._timeout = timeout
        self._graph_filter = VIRTUOSO_SYSTEM_GRAPHS if self.endpoints.family == "virtuoso" else ""
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1"):
            handlers.append(urllib.request.ProxyHandler({}))
        self._opener = urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return " ".join(mask_url(word) if "@" in word else word for word in text.split())

    def _send(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str],
        bad_request: type = StoreError,
    ) -> tuple[bytes, str]:
        """One HTTP request; the body and content type of a 2xx answer.

        An HTTP 400 raises ``bad_request``; any other failure a :class:`StoreError`.
        """
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        if self._authorization:
            request.add_unredirected_header("Authorization", self._authorization)
        where = f"{method} {mask_url(url.split('?')[0])}"
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace") if err.fp else ""
            message = self._scrub(f"{where}: HTTP {err.code} {err.reason}: {detail}")[:400]
            raise (bad_request if err.code == 400 else StoreError)(message) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise StoreError(f"{where}: no answer within {self._timeout:g} s (${TIMEOUT_ENV})") from None
            raise StoreError(self._scrub(f"{where}: cannot reach the server: {reason}")) from None

    def _post_form(
        self, url: str, fields: dict[str, str], bad_request: type = StoreError
    ) -> tuple[bytes, str]:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_ACCEPT}
        return self._send("POST", url, body, headers, bad_request)

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        """Run ``sparql`` over the union of the named graphs, ``bindings`` pre-bound."""
        text = bind_variables(sparql, bindings or {})
        url = self.endpoints.query
        if self.endpoints.union_parameter:
            url += ("&" if "?" in url else "?") + "union-default-graph"
        return _parse_results(*self._post_form(url, {"query": text}, QueryError))

    def _update(self, text: str) -> None:
        self._post_form(self.endpoints.update, {"update": text})

    def replace_graph(self, graph_iri: URIRef, triples: Graph) -> None:
        """Replace the named graph ``graph_iri`` with ``triples``.

        Graph Store Protocol ``PUT`` (one request, atomic on Oxigraph and
        Fuseki) when the server has a store endpoint; otherwise one update
        ``DROP SILENT GRAPH …; INSERT DATA …``, or for Virtuoso a drop followed
        by batches of ≤ 1,000 triples (not atomic).
        """
        graph_n3 = term_n3(graph_iri)
        labels: dict[BNode, str] = {}
        lines = [" ".join(term_n3(t, labels) for t in triple) + " ." for triple in triples]
        if self.endpoints.store:
            url = self.endpoints.store + "?" + urllib.parse.urlencode({"graph": str(graph_iri)})
            body = "\n".join(lines).encode("utf-8")
            self._send("PUT", url, body, {"Content-Type": "text/turtle; charset=utf-8"})
            return
        drop = "DROP SILENT GRAPH " + graph_n3
        size = self.endpoints.update_batch or max(len(lines), 1)
        batches = [lines[i : i + size] for i in range(0, len(lines), size)]
        inserts = ["INSERT DATA { GRAPH " + graph_n3 + " {\n" + "\n".join(b) + "\n} }" for b in batches]
        if self.endpoints.update_batch:
            for update in [drop, *inserts]:
                self._update(update)
        else:
            self._update(" ;\n".join([drop, *inserts]))

    def replace_graphs(self, items: Iterable[tuple[URIRef, Graph]]) -> None:
        """Replace several graphs, one request (and transaction) per graph."""
        for graph_iri, triples in items:
            self.replace_graph(graph_iri, triples)

    def remove_graph(self, graph_iri: URIRef) -> None:
        """Drop one named graph (no error when absent)."""
        self._update("DROP SILENT GRAPH " + term_n3(graph_iri))

    def quads(self) -> Iterator[Quad]:
        """Every quad in the named graphs (one query: fine for exports of modest size)."""
        for row in self.query(QUADS_QUERY + self._graph_filter + "}").rows:
            s, p, o, g = row["s"], row["p"], row["o"], row["g"]
            if isinstance(p, URIRef) and isinstance(g, URIRef) and s is not None and o is not None:
                yield (s, p, o, g)

    def named_graphs(self) -> list[URIRef]:
        """The named graphs holding at least one triple."""
        rows = self.query(NAMED_GRAPHS_QUERY + self._graph_filter + "}").rows
        return sorted(g for row in rows if isinstance(g := row["g"], URIRef))

    def triple_count(self) -> int:
        """Number of quads in the named graphs."""
        rows = self.query(COUNT_QUERY + self._graph_filter + "}").rows
        return int(rows[0]["n"]) if rows and isinstance(rows[0]["n"], RdfLiteral) else 0

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""
