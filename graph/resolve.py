"""Turn what an analyst types into a document IRI.

Accepted: an IRI; a number-symbol ("34-CT/TW", "146-KH/HU", "338/QĐ-TTg",
spacing and dash variants); a phrase ("Chỉ thị 34", "chi thi 34", "Chỉ thị số
34-CT/TW", "Nghị quyết 18-NQ/TW năm 2017"). Matching is accent-insensitive on
type, number, symbol and year. The phrase only ever reaches SPARQL as a bound
literal.

Ingested documents win over documents only cited, which win over unresolved
mentions; several winners make the phrase ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from graph.queries import run_named
from graph.store import Store, Term
from loaders.errors import QueryError, ResolveError
from ontology.terms import document_class, fold

_IRI_SCHEMES = ("http://", "https://", "urn:")
_FILLER = {"so"}
"""Folded words skipped between type and number ("Chỉ thị số 34")."""
_YEAR_WORDS = {"nam"}


@dataclass(frozen=True)
class _Query:
    """What the phrase asks for, in folded tokens."""

    type_words: str
    serial: str | None
    symbol: tuple[str, ...]
    year: str | None


@dataclass(frozen=True)
class _Candidate:
    iri: URIRef
    label: str
    rank: int
    """2 ingested, 1 cited with a full identity, 0 unresolved mention."""


def tokens(text: str) -> list[str]:
    """Folded alphanumeric runs of ``text``.

    Examples
    --------
    >>> tokens("Chỉ thị số 34-CT/TW")
    ['chi', 'thi', 'so', '34', 'ct', 'tw']
    """
    out: list[str] = []
    current: list[str] = []
    for char in fold(text) + " ":
        if char.isalnum():
            current.append(char)
        elif current:
            out.append("".join(current))
            current = []
    return out


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1930 <= int(token) <= 2100


def parse_phrase(phrase: str) -> _Query:
    """Split a phrase into type words, serial number, symbol tokens and year."""
    words = tokens(phrase)
    index = next((i for i, w in enumerate(words) if w[0].isdigit() and not _is_year(w)), None)
    if index is None:
        year = next((w for w in words if _is_year(w)), None)
        return _Query(" ".join(w for w in words if not _is_year(w)), None, (), year)
    type_words = " ".join(w for w in words[:index] if w not in _FILLER)
    rest = words[index + 1 :]
    year = next((w for w in rest if _is_year(w)), None)
    symbol = []
    for word in rest:
        if _is_year(word):
            continue
        if word[0].isdigit() or word in _YEAR_WORDS:
            break
        symbol.append(word)
    return _Query(type_words, words[index], tuple(symbol[:3]), year)


def _variants(query: _Query, phrase: str) -> list[str]:
    values = [phrase.strip()]
    if query.serial:
        values += [query.serial, query.serial.lstrip("0") or "0", query.serial.zfill(2)]
    return list(dict.fromkeys(v for v in values if v))


def _matches(query: _Query, row: dict[str, Term | None]) -> bool:
    code, authority = fold(str(row["type_code"] or "")), fold(str(row["authority"] or ""))
    printed = tokens(str(row["printed"] or ""))
    if query.type_words:
        wanted = document_class(query.type_words)
        found = document_class(str(row["type"] or ""), str(row["type_code"] or "") or None)
        if wanted is None or wanted != found:
            return False
    if query.symbol:
        have = (code, authority) if code else tuple(printed[1:3])
        if tuple(query.symbol[:2]) != have[: len(query.symbol[:2])]:
            return False
    return not (query.year and not str(row["date"] or "").startswith(query.year))


def _label(row: dict[str, Term | None]) -> str:
    parts = [str(row[key]) for key in ("type", "printed", "date", "title") if row.get(key)]
    return " ".join(parts) or str(row["doc"])


def _candidates(store: Store, phrase: str) -> list[_Candidate]:
    query = parse_phrase(phrase)
    found: dict[URIRef, _Candidate] = {}
    for value in _variants(query, phrase):
        for row in run_named(store, "lookup_number", {"number": Literal(value)}).rows:
            exact = str(row["number"]) == phrase.strip()
            if not exact and (query.serial is None or not _matches(query, row)):
                continue
            rank = 2 if str(row["ingested"]) == "true" else 0 if str(row["mention"]) == "true" else 1
            iri = URIRef(str(row["doc"]))
            found.setdefault(iri, _Candidate(iri, _label(row), rank))
    return list(found.values())


def _resolve_iri(store: Store, phrase: str) -> URIRef:
    iri = URIRef(phrase.strip().strip("<>"))
    try:
        rows = run_named(store, "document_card", {"doc": iri}).rows
    except QueryError as err:
        raise ResolveError("not a valid IRI", subject=phrase) from err
    if not rows:
        raise ResolveError("no document with this IRI in the store", subject=phrase)
    return iri


def resolve_document(store: Store, phrase: str) -> URIRef:
    """The IRI of the one document ``phrase`` names.

    Parameters
    ----------
    store
        Any store.
    phrase
        An IRI, a number-symbol or an analyst's phrase (see module docstring).

    Raises
    ------
    ResolveError
        Nothing matches, or several documents do (``candidates`` lists
        ``"IRI  label"`` strings, best first).
    """
    if phrase.strip().strip("<>").startswith(_IRI_SCHEMES):
        return _resolve_iri(store, phrase)
    candidates = _candidates(store, phrase)
    if not candidates:
        raise ResolveError("no document matches", subject=phrase)
    best = max(c.rank for c in candidates)
    winners = sorted((c for c in candidates if c.rank == best), key=lambda c: str(c.iri))
    if len(winners) > 1:
        listing = tuple(f"{c.iri}  {c.label}" for c in winners)
        raise ResolveError(f"ambiguous: {len(winners)} documents match", subject=phrase, candidates=listing)
    return winners[0].iri
