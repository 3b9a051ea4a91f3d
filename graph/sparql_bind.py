"""Bind variables into SPARQL text for a remote server: a ``VALUES`` block of validated terms.

A remote SPARQL 1.1 server has no ``initBindings``; the same pre-binding is a
``VALUES`` block placed first in the query's top-level WHERE group. The block is
built only from terms rdflib has validated (:func:`term_n3`), evaluated alone to
prove it carries exactly the bindings, and inserted where parsing shows it
becomes the group's first element (:func:`bind_variables`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from rdflib import BNode, Graph, URIRef, Variable
from rdflib import Literal as RdfLiteral
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.term import Node

from graph.store import Term
from loaders.errors import QueryError

__all__ = ["bind_variables", "term_n3"]


def term_n3(term: Node, bnode_labels: dict[BNode, str] | None = None) -> str:
    """SPARQL/Turtle text of ``term``, only after rdflib has validated it.

    IRIs (and literal datatypes) go through ``URIRef.n3()``, which refuses
    characters such as ``>`` or spaces; lexical forms are escaped by rdflib;
    language tags were validated when the ``Literal`` was built. Blank nodes are
    relabelled ``_:b0``, ``_:b1``… when ``bnode_labels`` is given, else refused.

    Raises
    ------
    QueryError
        The term cannot be written safely.
    """
    try:
        if isinstance(term, URIRef):
            return term.n3()
        if isinstance(term, RdfLiteral):
            if term.datatype is not None:
                URIRef(term.datatype).n3()
            return term.n3().replace("\t", "\\t")  # rdflib's SPARQL parser expands raw tabs
    except Exception as err:
        raise QueryError(f"refusing unsafe term: {' '.join(str(err).split())}") from err
    if isinstance(term, BNode) and bnode_labels is not None:
        return bnode_labels.setdefault(term, f"_:b{len(bnode_labels)}")
    raise QueryError(f"cannot send this term to a remote store: {type(term).__name__}")


def _values_block(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` for validated names and terms."""
    for name in bindings:
        if not (name.isidentifier() and name.isascii()):
            raise QueryError(f"invalid variable name: {name!r}")
    names = " ".join("?" + name for name in bindings)
    values = " ".join(term_n3(term) for term in bindings.values())
    return "VALUES (" + names + ") { (" + values + ") }"


def _check_values_block(block: str, bindings: Mapping[str, Term]) -> None:
    """Evaluate ``block`` alone with rdflib and demand exactly ``bindings`` back."""
    rows = Graph().query("SELECT * WHERE { " + block + " }").bindings
    if rows != [{Variable(k): v for k, v in bindings.items()}]:
        raise QueryError("bound values did not survive escaping; refusing to send the query")


def _skip_string(text: str, i: int) -> int:
    """Index just past the string literal starting at ``text[i]``."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = i + 3
        while True:
            end = text.find(quote * 3, end)
            if end < 0:
                return len(text)
            if _escaped(text, end):
                end += 1
                continue
            end += 3
            while end < len(text) and text[end] == quote:
                end += 1
            return end
    j = i + 1
    while j < len(text) and text[j] != quote and text[j] != "\n":
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _escaped(text: str, i: int) -> bool:
    """Whether ``text[i]`` is preceded by an odd number of backslashes."""
    k = i
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (i - k) % 2 == 1


def _skip_iri(text: str, i: int) -> int:
    """Index past an ``<IRI>`` at ``text[i]``, or ``i + 1`` when ``<`` is an operator."""
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == ">":
            return j + 1
        if c in '<"{}|^`\\' or ord(c) <= 0x20:
            break
        j += 1
    return i + 1


def _top_group_start(sparql: str, needs_where: bool) -> int:
    """Offset of the ``{`` opening the query's top-level WHERE group, or -1."""
    depth, seen_where, i = 0, not needs_where, 0
    while i < len(sparql):
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = len(sparql) if end < 0 else end
        elif c in "\"'":
            i = _skip_string(sparql, i)
        elif c == "<":
            i = _skip_iri(sparql, i)
        elif c.isalnum() or c in "?$_:":
            j = i + 1
            while j < len(sparql) and (sparql[j].isalnum() or sparql[j] in "_:.-"):
                j += 1
            seen_where |= depth == 0 and sparql[i:j].upper() == "WHERE"
            i = j
        else:
            if c == "{" and depth == 0 and seen_where:
                return i
            depth += (c in "{(") - (c in "})")
            i += 1
    return -1


@functools.lru_cache(maxsize=256)
def _binding_site(sparql: str, names: tuple[str, ...]) -> int:
    """Offset just inside the top-level WHERE group, verified once per query and variable names.

    The query must parse; a ``VALUES`` block with these names and placeholder
    values is inserted at the offset found, and the result must parse with that
    block as the first element of its WHERE group.
    """
    try:
        form = parseQuery(sparql)[1]
    except Exception as err:
        raise QueryError(f"cannot bind variables: {' '.join(str(err).split())[:200]}") from err
    is_short_construct = form.name == "ConstructQuery" and "template" not in form
    start = -1 if is_short_construct else _top_group_start(sparql, form.name == "ConstructQuery")
    if start < 0:
        raise QueryError("cannot bind variables: the query has no WHERE group to bind into")
    placeholder = _values_block(dict.fromkeys(names, URIRef("urn:policykg:placeholder")))
    try:
        first = parseQuery(sparql[: start + 1] + " " + placeholder + " " + sparql[start + 1 :])[1]["where"][
            "part"
        ][0]
    except Exception as err:
        raise QueryError("cannot bind variables into this query") from err
    if getattr(first, "name", None) != "InlineData":
        raise QueryError("cannot bind variables into this query")
    return start + 1


def bind_variables(sparql: str, bindings: Mapping[str, Term]) -> str:
    """``sparql`` with ``bindings`` as a leading ``VALUES`` block in its WHERE group.

    The insertion point comes from parsing (see :func:`_binding_site`); the
    block is built from validated terms and evaluated alone to prove that it
    carries exactly ``bindings`` before it is inserted.

    Raises
    ------
    QueryError
        The query does not parse, has no group to bind into, or a term is unsafe.
    """
    if not bindings:
        return sparql
    block = _values_block(bindings)
    site = _binding_site(sparql, tuple(bindings))
    _check_values_block(block, bindings)
    return sparql[:site] + " " + block + " " + sparql[site:]
