"""The ``policykg`` command line: one click group over ingest, extraction, queries and lineage.

Commands are thin: open the store, call one library function, format the
output. Data goes to standard output, progress and diagnostics to standard
error. Exit codes:

- 0: success;
- 1: a domain error (unreadable file, unknown document, store or query
  trouble), or some file of an ``ingest``/``extract`` batch failed (the others
  are kept);
- 2: a usage error (unknown option, bad ``--format``, missing argument);
- 3: ``validate`` found data that does not conform to the SHACL shapes.

After adding or changing a command, run ``python docs/gen_cli_reference.py``
(``tests/test_docs.py`` checks that docs/cli.md matches ``--help``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graph.format import render, render_json, render_result, result_rows, write_output
from graph.store import DEFAULT_STORE, STORE_ENV
from loaders.errors import PolicyKGError, ResolveError

if TYPE_CHECKING:
    from graph.ingest import FileResult
    from graph.store import QueryResult, Store
    from graph.validate import ValidationReport

EXIT_NOT_CONFORMING = 3
"""Exit status of ``validate`` when the data does not conform to the shapes."""
DEMO_STORE = "policykg-demo-store"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
TABLE_COLUMNS = {
    "documents": ["number", "type", "date", "issuer", "title"],
    "agencies": ["label", "jurisdiction", "leads", "partners"],
    "tasks": ["document", "agency", "jurisdiction", "role", "due", "deadline", "task"],
}
"""Columns a person sees in ``--format table`` (JSON and CSV keep every column)."""
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class AppContext:
    """What the group passes to every command through ``ctx.obj``."""

    store_spec: str


# --------------------------------------------------------------------------- shared plumbing


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a :class:`PolicyKGError` into a one-line ``click.ClickException`` (exit 1)."""
    try:
        yield
    except ResolveError as err:
        message = err.one_line()
        if err.candidates:
            message += "\ncandidates:\n" + "\n".join(f"  {c}" for c in err.candidates)
        raise click.ClickException(message) from err
    except PolicyKGError as err:
        raise click.ClickException(err.one_line()) from err


@contextmanager
def opened_store(ctx: click.Context, *, read_only: bool = False) -> Iterator[Store]:
    """Open the store named by ``--store`` for the duration of a command, then close it.

    A reading command on an on-disk store that does not exist yet fails with a
    hint instead of creating an empty store.
    """
    from graph.store import open_store

    app = ctx.find_object(AppContext)
    spec = app.store_spec if app is not None else DEFAULT_STORE
    if read_only and _is_local(spec) and not Path(spec).exists():
        raise click.ClickException(
            f"no store at {spec}: run `policykg ingest PATH...` (or `policykg demo`) first, "
            "or choose one with --store"
        )
    with reported_errors():
        store = open_store(spec, read_only=read_only)
    try:
        with reported_errors():
            yield store
    finally:
        with reported_errors():  # a failing flush (disk full) is one line too
            store.close()


def _is_local(spec: str) -> bool:
    return spec != "memory:" and not spec.startswith(("http://", "https://"))


def output_options(*formats: str, default: str) -> Callable[[F], F]:
    """``--format`` and ``-o/--output`` shared by every listing."""

    def decorate(command: F) -> F:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True, path_type=Path),
            help="Write to FILE instead of standard output (CSV files get a BOM so Excel reads Vietnamese).",
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="Output format.",
        )(command)

    return decorate


def emit(text: str, output: Path | None = None, fmt: str = "table") -> None:
    """Write command output to ``output`` or standard output."""
    if output is not None:
        write_output(text, output, fmt)
        click.echo(f"policykg: wrote {output}", err=True)
        return
    click.echo(text, nl=False)


def emit_rows(
    columns: Sequence[str],
    rows: Sequence[Mapping[str, object]],
    fmt: str,
    output: Path | None,
    listing: str = "",
) -> None:
    """Render rows; a table shows the listing's :data:`TABLE_COLUMNS` when it has some."""
    if fmt == "table" and listing in TABLE_COLUMNS:
        columns = [c for c in TABLE_COLUMNS[listing] if c in columns] or columns
    emit(render(columns, rows, fmt), output, fmt)


def emit_listing(result: QueryResult, listing: str, fmt: str, output: Path | None) -> None:
    """Render a named query's result as a listing."""
    columns, rows = result_rows(result)
    emit_rows(columns, rows, fmt, output, listing)


def _iso(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


# --------------------------------------------------------------------------- the group


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="policykg")
@click.option(
    "--store",
    "store_spec",
    envvar=STORE_ENV,
    default=DEFAULT_STORE,
    show_default=True,
    show_envvar=True,
    metavar="PATH|memory:|URL",
    help="Where the graph lives: a folder (Oxigraph on disk), memory: (gone at exit), "
    "or the http(s) URL of a SPARQL 1.1 server.",
)
@click.pass_context
def main(ctx: click.Context, store_spec: str) -> None:
    """policykg turns Vietnamese policy documents into a knowledge graph and answers questions about it.

    Start with `policykg demo`, or `policykg ingest FOLDER` followed by
    `policykg docs`, `policykg lineage "Chỉ thị 34" --down` or `policykg tasks`.
    """
    ctx.obj = AppContext(store_spec=store_spec)


# --------------------------------------------------------------------------- ingest


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--encoding", help="Decode text files with this encoding instead of detecting it.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes."
)
@click.option("-v", "--verbose", is_flag=True, help="List every stored document on standard error.")
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[Path, ...], encoding: str | None, jobs: int, verbose: bool
) -> None:
    """Read, extract and store documents (files, folders walked recursively, or - for standard input).

    Picks up .txt .md .docx .pdf .html .doc files. Each file is stored on its
    own, replacing what an earlier ingest of the same document stored; a file
    that fails gets a one-line error and the batch goes on. Exits 1 if any file
    failed.
    """
    from graph.ingest import discover_files, ingest_paths
    from graph.ingest_parallel import ingest_parallel

    if jobs > 1 and Path("-") in paths:
        raise click.UsageError("standard input (-) cannot be read with --jobs", ctx)
    files = discover_files(paths)
    if not files:
        raise click.ClickException(
            "no files to ingest (.txt .md .docx .pdf .html .doc) under the given paths"
        )
    with opened_store(ctx) as store, _progress(len(files)) as advance:

        def report(result: FileResult) -> None:
            _report_file(result, verbose, over_bar=sys.stderr.isatty())
            advance()

        if jobs > 1:
            summary = ingest_parallel(store, files, jobs=jobs, encoding=encoding, on_result=report)
        else:
            summary = ingest_paths(store, files, encoding=encoding, on_result=report)
        total = store.triple_count()
    failed = len(summary.failed)
    click.echo(
        f"policykg: stored {len(summary.succeeded)} of {len(summary.results)} files "
        f"({summary.triples} triples written, {total} in the store)"
        + (f"; {failed} failed" if failed else ""),
        err=True,
    )
    if failed:
        ctx.exit(1)


@contextmanager
def _progress(length: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error, shown only when it is a terminal."""
    hidden = not sys.stderr.isatty()
    with click.progressbar(length=length, label="ingesting", file=sys.stderr, hidden=hidden) as bar:
        yield lambda: bar.update(1)


def _report_file(result: FileResult, verbose: bool, over_bar: bool = False) -> None:
    """One line per warning or error on standard error (clearing the progress bar's line first)."""
    lines = [f"policykg: warning: {warning}" for warning in result.warnings]
    if result.error is not None:
        lines.append(f"policykg: {result.error}")
    elif verbose:
        lines.append(f"policykg: {result.path} -> {result.iri} ({result.triples} triples)")
    for line in lines:
        click.echo(("\r\x1b[2K" if over_bar else "") + line, err=True)


# --------------------------------------------------------------------------- extract


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "ttl", "nq"]),
    default="json",
    show_default=True,
    help="json: the extraction contract, one object per file (an array for several); "
    "ttl: Turtle of all triples; nq: N-Quads, one named graph per file.",
)
@click.option("--encoding", help="Decode text files with this encoding instead of detecting it.")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], fmt: str, encoding: str | None) -> None:
    """Extract documents (files, folders, or - for standard input) without storing them; print what was found.

    A file that fails gets a one-line error on standard error; the others are
    still printed, and the exit status is 1.
    """
    from graph.ingest import extract_documents

    outcome = extract_documents(files, fmt, encoding=encoding)
    for error in outcome.errors:
        click.echo(f"policykg: {error}", err=True)
    if outcome.text:
        click.echo(outcome.text, nl=False)
    if outcome.errors:
        ctx.exit(1)


# --------------------------------------------------------------------------- lineage


@main.command()
@click.argument("doc")
@click.option("--up", "up", is_flag=True, help="What DOC implements or rests on, up to the top.")
@click.option("--down", "down", is_flag=True, help="What implements DOC, down the chain.")
@click.option(
    "--depth", type=click.IntRange(min=1), default=None, help="Follow at most N edges (default: no limit)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tree", "json"]),
    default="tree",
    show_default=True,
    help="tree: indented, with the sentence behind each edge; json: nodes and edges.",
)
@click.pass_context
def lineage(ctx: click.Context, doc: str, up: bool, down: bool, depth: int | None, fmt: str) -> None:
    """Show the chain of documents above and below DOC (default: both directions).

    DOC is an IRI, a number-symbol (34-CT/TW) or a phrase (\"Chỉ thị 34\").
    The tree names each edge's predicate and the sentence it was read from.
    """
    from graph.format import render_lineage_tree
    from graph.resolve import resolve_document
    from graph.traversal import Direction
    from graph.traversal import lineage as trace

    direction: Direction = "both" if up == down else ("up" if up else "down")
    with opened_store(ctx, read_only=True) as store:
        result = trace(store, resolve_document(store, doc), direction, depth)
    emit(render_json(result.to_dict()) if fmt == "json" else render_lineage_tree(result))


@main.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the lineage index kept beside an on-disk store (STORE.lineage.sqlite).

    Every write keeps it in step and a reader rebuilds it when it finds it stale
    (after a crash, or a store written by an older version); run this after
    copying or repairing a store by hand.
    """
    from graph.lineage_index import reindex_store

    with opened_store(ctx) as store:
        click.echo(reindex_store(store), err=True)


# --------------------------------------------------------------------------- query


@main.command()
@click.argument("sparql", required=False)
@click.option(
    "-f", "--file", "query_file", type=click.File("r", encoding="utf-8-sig"), help="Read the query from FILE."
)
@click.option("-n", "--name", help="Run a named query (see --list).")
@click.option(
    "-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A named query's parameter."
)
@click.option("--list", "list_names", is_flag=True, help="List the named queries and their parameters.")
@output_options("table", "json", "csv", default="table")
@click.pass_context
def query(
    ctx: click.Context,
    sparql: str | None,
    query_file: Any,
    name: str | None,
    params: tuple[str, ...],
    list_names: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Run SPARQL (an argument, --file, or standard input) or a named query.

    \b
    Examples:
      policykg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      policykg query --name implementing --param doc="Chỉ thị 34"
    """
    from graph import queries
    from graph.listings import bind_params

    if list_names:
        rows = [
            {"name": q.name, "params": ", ".join(q.params), "answers": q.answers}
            for q in queries.list_named()
        ]
        emit_rows(["name", "params", "answers"], rows, fmt, output)
        return
    raw_params = _parse_params(params)
    text = None if name else _query_text(sparql, query_file)
    with opened_store(ctx, read_only=True) as store:
        if name:
            result = queries.run_named(store, name, bind_params(store, queries.load(name), raw_params))
        else:
            result = queries.run(store, text or "", {})
    emit(render_result(result, fmt), output, fmt)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--param")
        parsed[key.strip()] = value
    return parsed


def _query_text(sparql: str | None, query_file: Any) -> str:
    if query_file is not None:
        text = str(query_file.read())
    elif sparql == "-":
        text = sys.stdin.read()
    elif sparql:
        text = sparql
    elif not sys.stdin.isatty() and (piped := sys.stdin.read()).strip():
        text = piped
    else:
        raise click.UsageError(
            "give a SPARQL query, --file FILE, - for standard input, --name NAME or --list"
        )
    if not text.strip():
        raise click.UsageError("the query is empty")
    return text


# --------------------------------------------------------------------------- listings


@main.command()
@output_options("table", "json", "csv", default="table")
@click.pass_context
def docs(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """List the stored documents: number, type, date, issuer and title."""
    from graph import queries

    with opened_store(ctx, read_only=True) as store:
        result = queries.run_named(store, "documents", {})
    emit_listing(result, "documents", fmt, output)


@main.command()
@output_options("table", "json", "csv", default="table")
@click.pass_context
def stats(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Count documents, agencies, tasks, relations and triples in the store."""
    from graph.listings import store_stats

    with opened_store(ctx, read_only=True) as store:
        counts = store_stats(store)
    if fmt == "json":
        emit(render_json(counts), output, fmt)
        return
    rows = [{"what": key, "count": value} for key, value in counts.items()]
    emit_rows(["what", "count"], rows, fmt, output)


@main.command()
@output_options("table", "json", "csv", default="table")
@click.pass_context
def agencies(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """List the agencies named in the documents, with their jurisdiction and number of tasks."""
    from graph import queries

    with opened_store(ctx, read_only=True) as store:
        result = queries.run_named(store, "agencies", {})
    emit_listing(result, "agencies", fmt, output)


@main.command()
@click.option("--agency", help="Agencies whose name contains this text (accents and case ignored).")
@click.option("--doc", help="Tasks of this document (IRI, number-symbol or phrase).")
@click.option("--role", type=click.Choice(["assignee", "partner", "report_to"]), help="The agency's role.")
@click.option(
    "--due-before",
    type=click.DateTime(DATE_FORMATS),
    metavar="DATE",
    help="Tasks due on or before DATE (YYYY-MM-DD or DD/MM/YYYY).",
)
@click.option(
    "--overdue-on",
    type=click.DateTime(DATE_FORMATS),
    metavar="DATE",
    help="One-off tasks whose deadline had passed on DATE (recurring duties are never overdue).",
)
@output_options("table", "json", "csv", default="table")
@click.pass_context
def tasks(
    ctx: click.Context,
    agency: str | None,
    doc: str | None,
    role: str | None,
    due_before: datetime | None,
    overdue_on: datetime | None,
    fmt: str,
    output: Path | None,
) -> None:
    """List the tasks documents assign: agency, role, deadline, task text and document."""
    from graph.listings import TaskFilter, list_tasks

    wanted = TaskFilter(
        agency=agency, doc=doc, role=role, due_before=_iso(due_before), overdue_on=_iso(overdue_on)
    )
    with opened_store(ctx, read_only=True) as store:
        columns, rows = list_tasks(store, wanted)
    emit_rows(columns, rows, fmt, output, "tasks")


# --------------------------------------------------------------------------- validate


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the SHACL report; json: {conforms, results}.",
)
@click.pass_context
def validate(ctx: click.Context, fmt: str) -> None:
    """Check the store against the SHACL shapes; exit 3 when the data does not conform."""
    from graph.validate import validate as check

    with opened_store(ctx, read_only=True) as store:
        report = check(store)
    if fmt == "json":
        emit(render_json(_report_json(report)))
    else:
        emit(_report_text(report))
    if not report.conforms:
        ctx.exit(EXIT_NOT_CONFORMING)


def _report_json(report: ValidationReport) -> dict[str, object]:
    return {"conforms": report.conforms, "results": report.results, "report": report.text}


def _report_text(report: ValidationReport) -> str:
    text = report.text if report.text.endswith("\n") else report.text + "\n"
    return text if report.results or not report.conforms else "Conforms: True (no violations, no warnings)\n"


# --------------------------------------------------------------------------- demo


@main.command()
@click.option(
    "--into",
    "target",
    default=DEMO_STORE,
    show_default=True,
    metavar="PATH|memory:",
    help="The store to build; it must be new, or an earlier demo store (never your own store).",
)
@click.pass_context
def demo(ctx: click.Context, target: str) -> None:
    """Ingest the bundled sample corpus into a fresh store and show what policykg does.

    The sample is nine short fictional documents: a Chỉ thị of the Ban Bí thư,
    the plans of two provinces, a district and its People's Committee that
    implement it, a Quyết định of the Thủ tướng and a Nghị quyết amending
    another. The demo never writes to the store given with --store.
    """
    from graph.demo import build_demo, demo_report, next_steps

    click.echo(f"policykg demo: ingesting the sample corpus into {target}", err=True)
    with reported_errors():
        store, summary = build_demo(target, on_result=lambda r: _report_file(r, verbose=False))
    try:
        with reported_errors():
            click.echo(demo_report(store, summary, TABLE_COLUMNS["tasks"]), nl=False)
    finally:
        store.close()
    click.echo(next_steps(target), nl=False)
    if summary.failed:
        ctx.exit(1)


# --- export command (issue 4) ---

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv", "html", "matrix")


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option(
    "--focus", metavar="DOC", help="Only the lineage neighbourhood of DOC (IRI, 34-CT/TW or a phrase)."
)
@click.option(
    "--depth", type=click.IntRange(min=0), default=2, show_default=True, help="Relation hops around DOC."
)
@click.option("--agency", metavar="A", help="Only the tasks of the agencies named A, with their documents.")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Largest graph html draws.",
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (- for standard output).",
)  # fmt: skip
@click.pass_context
def export_command(
    ctx: click.Context,
    fmt: str,
    focus: str | None,
    depth: int,
    agency: str | None,
    max_nodes: int,
    output: Path,
) -> None:
    """Write the graph, or part of it, as RDF (ttl nt nq trig jsonld), GraphML, GEXF, CSV or HTML.

    nq/trig/jsonld keep one named graph per source document; ttl/nt are their
    union. html is one self-contained page (no network needed) to open in a
    browser; for big stores draw part of it with --focus or --agency. matrix is
    an agency × document CSV of roles (chủ trì, phối hợp, nhận báo cáo) for
    Excel; --focus keeps one document's column, --agency some rows.
    """
    from graph.export import export, resolve_focus

    out = sys.stdout.buffer if str(output) == "-" else output
    with opened_store(ctx, read_only=True) as store:
        iri = resolve_focus(store, focus) if focus else None
        summary = export(store, fmt, out, focus=iri, depth=depth, agency=agency, max_nodes=max_nodes)
    click.echo(f"policykg: wrote {output} ({summary.describe()})", err=True)


# --- serve command (issue 5) ---


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback).")
@click.option("--port", default=7879, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run; it is then stopped (HTTP 503).",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) an answer may hold; more is refused (HTTP 413).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, timeout: float, max_rows: int) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint, with a query page at /.

    The endpoint is /sparql (JSON, XML, CSV, TSV; Turtle or N-Triples for
    CONSTRUCT). Updates, SERVICE and FROM are refused. Stop with Ctrl+C.
    """
    from graph.serve import run_server

    app = ctx.find_object(AppContext)
    spec = app.store_spec if app else DEFAULT_STORE
    with reported_errors():
        run_server(spec, host=host, port=port, timeout=timeout, max_rows=max_rows, echo=_echo_err)


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
