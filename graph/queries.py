"""Named SPARQL queries: the ``graph/queries/*.rq`` files, loaded and run with bound variables.

Each file opens with a comment header::

    # name: implementing
    # answers: Which documents implement ?doc, directly or down the chain?
    # params: doc (IRI) the implemented document

``name`` defaults to the file stem and ``params`` to none. Parameters are
always passed to the store as bindings, never formatted into the query text.

Binding semantics (Oxigraph ``substitutions``, pinned in the tests): a bound
variable must be projected by the query; it joins with triple patterns and is
visible to comparisons and ``COALESCE``, but ``BOUND(?param)`` and
``BIND(?param AS ?x)`` do not see it. Optional parameters are therefore read
through ``COALESCE`` in the ``.rq`` files.

Fan-out rule: queries read the union of the graphs, and a cited document or
a shared agency is described by every graph that names it (the union keeps
one copy per graph, even of equal strings). Never hang several ``OPTIONAL
{ ?x pkg:p ?v }`` on such a subject and aggregate afterwards: k graphs and m
properties make k^m rows. Reduce each property to one value per subject in
its own sub-select (``MIN``/``SAMPLE`` grouped by the subject) and join those,
so the cost is the sum of the values, not their product. Oxigraph substitutes
bound parameters inside sub-selects that project them, so a bound ``?doc``
still reads only that document. ``tests/test_queries.py`` runs every named
query on a store where 40 graphs describe one document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.store import QueryResult, Store, Term
from loaders.errors import QueryError

_HEADER_KEYS = ("name", "answers", "params")


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its name, what it answers, its parameters and its text."""

    name: str
    answers: str
    params: tuple[str, ...]
    text: str


def _header(text: str) -> dict[str, str]:
    """``key: value`` pairs of the leading comment block; indented lines continue the last key."""
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        head, _, rest = body.partition(":")
        if head.strip() in _HEADER_KEYS and rest:
            key = head.strip()
            fields[key] = rest.strip()
        elif key is not None and body:
            fields[key] = f"{fields[key]} {body}"
    return fields


def _param_names(spec: str) -> tuple[str, ...]:
    """``"doc (IRI) the document; agency (IRI, optional) …"`` → ``("doc", "agency")``."""
    names = []
    for chunk in spec.split(";"):
        words = chunk.split()
        if words and words[0].lower() != "none":
            names.append(words[0].strip("?,"))
    return tuple(names)


def _leading_comment(stem: str, text: str) -> str:
    """The leading comment block as one line, without a ``stem:`` prefix (headers in free form)."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return " ".join(" ".join(lines).removeprefix(f"{stem}:").split())


def parse_query(stem: str, text: str) -> NamedQuery:
    """A :class:`NamedQuery` from the text of an ``.rq`` file named ``stem``."""
    fields = _header(text)
    return NamedQuery(
        name=fields.get("name", stem),
        answers=fields.get("answers") or _leading_comment(stem, text),
        params=_param_names(fields.get("params", "")),
        text=text,
    )


@cache
def _catalogue() -> dict[str, NamedQuery]:
    folder = resources.files("graph").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            query = parse_query(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
            found[query.name] = query
    return found


def list_named() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return sorted(_catalogue().values(), key=lambda q: q.name)


def load(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises
    ------
    QueryError
        No query has that name.
    """
    catalogue = _catalogue()
    if name not in catalogue:
        raise QueryError(f"no query named {name!r}; known: {', '.join(sorted(catalogue))}", subject=name)
    return catalogue[name]


def run(store: Store, text: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
    """Run SPARQL ``text`` on ``store`` with ``bindings`` as pre-bound variables."""
    return store.query(text, bindings or {})


def run_named(store: Store, name: str, params: Mapping[str, Term] | None = None) -> QueryResult:
    """Run the named query ``name`` with ``params`` bound.

    Parameters
    ----------
    store
        Any :class:`graph.store.Store`.
    name
        A name from :func:`list_named`.
    params
        Values for (some of) the query's declared parameters.

    Raises
    ------
    QueryError
        Unknown query, or a parameter the query does not declare.
    """
    query = load(name)
    unknown = sorted(set(params or {}) - set(query.params))
    if unknown:
        expected = ", ".join(query.params) or "none"
        raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}; expected: {expected}")
    return run(store, query.text, params)
