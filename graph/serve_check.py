"""What the SPARQL endpoint agrees to run: a parsed, read-only, self-contained query.

:func:`check_query` parses a query with rdflib and raises :class:`Refusal`
(carrying the HTTP status) for updates (403), malformed text, ``SERVICE``
anywhere and ``FROM``/``FROM NAMED`` (400); a SELECT without ``LIMIT`` gets
``LIMIT max_rows+1`` so the store never materialises more than the cap.
"""

from __future__ import annotations

from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue


class Refusal(Exception):
    """A request the endpoint will not run; carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _contains_service(node: object) -> bool:
    """Whether a parse tree holds a ``SERVICE`` pattern anywhere."""
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_contains_service(v) for v in node.values())
    if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        return any(_contains_service(v) for v in node)  # type: ignore[attr-defined]
    return False


def _parses_as_update(sparql: str) -> bool:
    try:
        parseUpdate(sparql)
    except Exception:
        return False
    return True


def check_query(sparql: str, max_rows: int) -> tuple[str, str]:
    """Parse ``sparql`` and refuse what a read-only, self-contained endpoint must not run.

    Returns
    -------
    tuple[str, str]
        The query form (``SelectQuery``, ``AskQuery``, ``ConstructQuery``,
        ``DescribeQuery``) and the text to run (with ``LIMIT max_rows+1``
        appended to a SELECT that has no LIMIT).

    Raises
    ------
    Refusal
        403 for an update; 400 for a malformed query, ``SERVICE`` or ``FROM``.
    """
    try:
        tree = parseQuery(sparql)
    except Exception as err:
        if _parses_as_update(sparql):
            raise Refusal(403, "this endpoint is read-only: updates are refused") from err
        raise Refusal(400, f"malformed query: {' '.join(str(err).split())[:300]}") from err
    form = tree[1]
    if "datasetClause" in form:
        raise Refusal(400, "FROM and FROM NAMED are refused: this endpoint only queries its own store")
    try:
        has_service = _contains_service(tree)
    except RecursionError as err:
        raise Refusal(400, "query is nested too deeply") from err
    if has_service:
        raise Refusal(400, "SERVICE is refused: this endpoint never contacts other servers")
    has_limit = "limitoffset" in form and "limit" in form["limitoffset"]
    if form.name == "SelectQuery" and not has_limit and "valuesClause" not in form:
        sparql = sparql + "\nLIMIT " + str(max_rows + 1)
    return form.name, sparql
