"""A read-only SPARQL 1.1 endpoint over a policykg store (``policykg serve``).

Routes::

    GET/POST /sparql  (alias /query)   SPARQL 1.1 Protocol query operation
    GET/POST /                         the query page: form, results table, named queries
    GET      /serve_page.css           the page's style sheet

Safety, in the order a request meets it:

- **Read-only.** ``update=``, ``application/sparql-update``, ``/update``, PUT,
  DELETE and PATCH get **403**; an update sent as ``query=`` gets 403 too.
- **Nothing reaches outside the store.** The query is parsed with rdflib's
  SPARQL parser before it runs (:mod:`graph.serve_check`); ``SERVICE`` anywhere (also inside ``EXISTS``),
  ``FROM``/``FROM NAMED``, and the ``default-graph-uri``/``named-graph-uri``
  parameters get **400** with a message. A query rdflib cannot parse gets 400.
- **A real time limit.** Each query runs in a forked child process that opens
  its own read-only handle (``pyoxigraph.Store.read_only``) and is killed at the
  deadline: **503** with an error body. The threading server keeps answering
  other requests meanwhile; at most :data:`MAX_CHILDREN` queries run at once
  (a request waiting longer than the time limit for a slot gets 503).
- **A row cap.** An answer with more than ``max_rows`` rows (SELECT) or triples
  (CONSTRUCT/DESCRIBE) is refused with **413** — never silently truncated. A
  SELECT without ``LIMIT`` runs with ``LIMIT max_rows+1`` appended, so the store
  never materialises more; the child's address space is capped as well.
- Binds 127.0.0.1 unless told otherwise. The page loads nothing from the
  network, escapes every value and is sent with a strict Content-Security-Policy.

Results: ``application/sparql-results+json`` (default), ``…+xml``, ``text/csv``,
``text/tab-separated-values`` for SELECT (JSON/XML for ASK); ``text/turtle``
(default), ``application/n-triples``, ``application/ld+json``,
``application/rdf+xml`` for CONSTRUCT/DESCRIBE; chosen from ``Accept``
(:mod:`graph.serve_results`).

Needs ``fork`` (Linux). Opening read-only while another process writes the
store is undefined behaviour in Oxigraph: stop ``serve`` while ingesting.
"""

from __future__ import annotations

import html
import multiprocessing
import resource
import sys
import threading
import urllib.parse
import warnings
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from string import Template
from typing import TYPE_CHECKING, Any

from graph.serve_check import Refusal, check_query
from graph.serve_results import HTML, Answer, error_answer, negotiate, render
from graph.store import Store, open_store
from loaders.errors import PolicyKGError, QueryError, StoreError

if TYPE_CHECKING:
    from graph.queries import NamedQuery

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7879
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_ROWS = 10_000
MAX_CHILDREN = 4
MAX_BODY_BYTES = 1 << 20
CHILD_MEMORY_HEADROOM = 2 << 30
"""Bytes of address space a query child may add to what the server already uses."""

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DEFAULT_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"


def _address_space() -> int:
    """Bytes of virtual memory this process uses now (Linux), else 0."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _refuse_network(event: str, args: tuple[Any, ...]) -> None:
    if event in ("socket.connect", "urllib.Request"):
        raise PermissionError("the query process may not open network connections")


def _child_main(sender: Connection, opener: Callable[[], Store], text: str, media: str, limits: Any) -> None:
    """Run one query in the forked child and send back its answer."""
    max_rows, memory, offline = limits
    try:
        if offline:
            sys.addaudithook(_refuse_network)
        if memory:
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            soft = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        answer = render(opener().query(text), media, max_rows)
    except QueryError as err:
        answer = error_answer(400, f"query failed: {err.one_line()}")
    except PolicyKGError as err:
        answer = error_answer(500, err.one_line())
    except MemoryError:
        answer = error_answer(500, "the query ran out of memory")
    except Exception as err:
        answer = error_answer(500, f"the query failed: {type(err).__name__}")
    sender.send(answer)
    sender.close()


class QueryRunner:
    """Runs each query in a killable forked child, a bounded number at a time."""

    def __init__(self, opener: Callable[[], Store], timeout: float, max_rows: int, offline: bool) -> None:
        if "fork" not in multiprocessing.get_all_start_methods():
            raise StoreError("serve needs the fork start method (Linux)")
        self.opener, self.timeout, self.max_rows, self.offline = opener, timeout, max_rows, offline
        self._slots = threading.BoundedSemaphore(MAX_CHILDREN)

    def run(self, text: str, media: str) -> Answer:
        """The answer to ``text``, or 503 when it outlives the time limit."""
        if not self._slots.acquire(timeout=self.timeout):
            return error_answer(503, "too many queries are running; try again later")
        try:
            return self._run_child(text, media)
        finally:
            self._slots.release()

    def _run_child(self, text: str, media: str) -> Answer:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        memory = _address_space() + CHILD_MEMORY_HEADROOM if _address_space() else 0
        limits = (self.max_rows, memory, self.offline)
        child = context.Process(
            target=_child_main, args=(sender, self.opener, text, media, limits), daemon=True
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            child.start()
        sender.close()
        try:
            if not receiver.poll(self.timeout):
                return error_answer(503, f"the query was stopped: it ran longer than {self.timeout:g} s")
            try:
                answer: Answer = receiver.recv()
            except EOFError:
                return error_answer(500, "the query process ended without an answer (out of memory?)")
            return answer
        finally:
            if child.is_alive():
                child.kill()
            child.join(10)
            receiver.close()


def _named_queries() -> list[NamedQuery]:
    from graph.queries import list_named

    return list_named()


class SparqlService:
    """What the HTTP handler asks: answers and the query page."""

    def __init__(self, runner: QueryRunner, label: str) -> None:
        self.runner, self.label = runner, label
        self._page = Template(resources.files("graph").joinpath("static/serve_page.html").read_text("utf-8"))
        self.css = resources.files("graph").joinpath("static/serve_page.css").read_bytes()

    def answer(self, sparql: str, accept: str, *, page: bool = False) -> Answer:
        """Check and run one query; ``page`` asks for an HTML table."""
        try:
            form, text = check_query(sparql, self.runner.max_rows)
        except Refusal as refusal:
            return error_answer(refusal.status, refusal.message)
        return self.runner.run(text, HTML if page else negotiate(accept, form))

    def page(self, sparql: str | None, name: str | None) -> Answer:
        """The query page, with the answer to ``sparql`` or the text of named query ``name``."""
        status, message, results = 200, "", ""
        named = _named_queries()
        if name is not None:
            found = [q for q in named if q.name == name]
            sparql = found[0].text if found else sparql
            status, message = (200, "") if found else (404, f"no named query {name!r}")
        elif sparql:
            status, _, body = self.answer(sparql, "", page=True)
            results, message = (body.decode("utf-8"), "") if status == 200 else ("", body.decode("utf-8"))
        links = "\n".join(
            f'<li><a href="/?name={urllib.parse.quote(q.name)}">{html.escape(q.name)}</a>'
            f'<span class="desc">{html.escape(q.answers)}</span></li>'
            for q in named
        )
        text = self._page.substitute(
            query=html.escape(sparql if sparql is not None else DEFAULT_QUERY),
            results=results,
            message=f'<p class="error">{html.escape(message.strip())}</p>' if message else "",
            named=links,
            timeout=html.escape(f"{self.runner.timeout:g}"),
            max_rows=html.escape(str(self.runner.max_rows)),
        )
        return status, HTML, text.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation only) and the query page."""

    server: SparqlServer
    server_version = "policykg"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the server reports errors in its answers, not on the console."""

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        self._route(url.path, urllib.parse.parse_qs(url.query, keep_blank_values=True))

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if media == "application/sparql-update":
            return self._reply(*error_answer(403, "this endpoint is read-only: updates are refused"))
        if not 0 <= length <= MAX_BODY_BYTES:
            return self._reply(*error_answer(413, f"the request body must be at most {MAX_BODY_BYTES} bytes"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            return self._reply(*error_answer(415, "send application/sparql-query or a form"))
        return self._route(url.path, params)

    def _refuse_write(self) -> None:
        self._reply(*error_answer(403, "this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _route(self, path: str, params: dict[str, list[str]]) -> None:
        service = self.server.service
        if "update" in params or path == "/update":
            return self._reply(*error_answer(403, "this endpoint is read-only: updates are refused"))
        if path == "/serve_page.css":
            return self._reply(200, "text/css", service.css)
        if path == "/":
            query, name = params.get("query", [None])[0], params.get("name", [None])[0]
            return self._reply(*service.page(query, name), extra=PAGE_HEADERS)
        if path not in ("/sparql", "/query"):
            return self._reply(*error_answer(404, "not found; the endpoint is /sparql"))
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._reply(*error_answer(400, "default-graph-uri and named-graph-uri are refused"))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._reply(*error_answer(400, "give exactly one non-empty query parameter"))
        return self._reply(*service.answer(queries[0], self.headers.get("Accept", "")))

    def _reply(self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server carrying its :class:`SparqlService`."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: SparqlService) -> None:
        super().__init__(address, _Handler)
        self.service = service

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up before its answer is not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _opener(store: str | Store) -> tuple[Callable[[], Store], bool, str]:
    """How a query child gets its store, whether it runs offline, and a label."""
    if not isinstance(store, str):
        return (lambda: store), not store.location.startswith("http"), store.location
    if store == "memory:" or store.startswith(("http://", "https://")):
        opened = open_store(store)
        return (lambda: opened), store == "memory:", opened.location
    open_store(store, read_only=True).close()  # fail now, not on the first query
    return (lambda: open_store(store, read_only=True)), True, store


def make_server(
    store: str | Store,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> SparqlServer:
    """A ready (not yet serving) endpoint over ``store``: a spec or an open store.

    Raises
    ------
    StoreError
        The store cannot be opened, the address is in use, or fork is missing.
    """
    opener, offline, label = _opener(store)
    service = SparqlService(QueryRunner(opener, timeout, max_rows, offline), label)
    try:
        return SparqlServer((host, port), service)
    except OSError as err:
        raise StoreError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err


def run_server(store: str, *, echo: Callable[[str], None], **options: Any) -> None:
    """Serve ``store`` until interrupted (Ctrl+C)."""
    server = make_server(store, **options)
    host, port = server.server_address[:2]
    echo(f"policykg: serving {server.service.label} at http://{host!s}:{port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        echo("policykg: stopped")
    finally:
        server.server_close()
