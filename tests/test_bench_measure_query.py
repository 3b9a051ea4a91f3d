"""Tests of bench/measure_query.py on a tiny generated corpus: every engine and form gives the same rows."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from bench.generate import write_corpus
from bench.measure_ingest import task_ingest
from bench.measure_query import (
    BEST_FORMS,
    QUERIES,
    _native_runner,
    digest,
    query_text,
    task_index,
    task_oxigraph,
    task_slice,
)

DOCUMENTS = 40


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A store of the first documents of a generated corpus, with the root and leaf the benchmark uses."""
    folder = tmp_path_factory.mktemp("bench")
    write_corpus(DOCUMENTS, 1, folder / "corpus")
    result = task_ingest({"corpus": str(folder / "corpus"), "store": str(folder / "store"), "jobs": 1})
    assert result["failed"] == 0 and result["root"] and result["leaf"]
    return {
        "store": str(folder / "store"),
        "root": result["root"],
        "leaf": result["leaf"],
        "dir": str(folder),
    }


@pytest.fixture(scope="module")
def dataset(store: dict[str, str]) -> Dataset:
    """The same store loaded into rdflib's in-memory Dataset (union default graph)."""
    data = ox.Store.read_only(store["store"]).dump(format=ox.RdfFormat.N_QUADS)
    loaded = Dataset(default_union=True)
    with warnings.catch_warnings():  # rdflib's quad parser still uses Dataset.default_context
        warnings.filterwarnings(
            "ignore", r"(Dataset\.\w+|ConjunctiveGraph) is deprecated", DeprecationWarning
        )
        loaded.parse(data=data, format="nquads")
    return loaded


def rdflib_rows(dataset: Dataset, ids: dict[str, str], name: str) -> list[Any]:
    var, key = QUERIES[name]
    with warnings.catch_warnings():  # rdflib's SPARQL engine on a Dataset still uses default_context
        warnings.filterwarnings("ignore", r"Dataset\.\w+ is deprecated", DeprecationWarning)
        return list(dataset.query(query_text(name, "rdflib"), initBindings={var: URIRef(ids[key])}))


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_best_join_form_gives_the_plain_forms_rows(
    store: dict[str, str], dataset: Dataset, engine: str
) -> None:
    run = _native_runner(ox.Store.read_only(store["store"]))
    plain = run("agencies_join", "root", store["root"])
    if engine == "oxigraph":
        best = run("agencies_join_best", "root", store["root"])
    else:
        best = rdflib_rows(dataset, store, "agencies_join_best")
    assert plain, "the root's plans assign tasks"
    assert digest("agencies_join", best) == digest("agencies_join", plain)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rdflib_and_pyoxigraph_agree(store: dict[str, str], dataset: Dataset, name: str) -> None:
    var, key = QUERIES[name]
    native = _native_runner(ox.Store.read_only(store["store"]))(name, var, store[key])
    assert digest(name, rdflib_rows(dataset, store, name)) == digest(name, native)


def test_store_slice_and_index_answer_like_pyoxigraph(store: dict[str, str]) -> None:
    native = _native_runner(ox.Store.read_only(store["store"]))
    through_store = task_oxigraph(store)
    on_slice = task_slice({**store, "out": str(Path(store["dir"]) / "slice.nq")})
    index = task_index(store)
    for name, (var, key) in QUERIES.items():
        expected = digest(name, native(name, var, store[key]))
        assert through_store[name]["digest"] == expected, name
        assert on_slice[name]["digest"] == expected, name
    if "error" not in index:
        for name in ("lineage_down", "lineage_up"):
            assert index[name]["digest"] == through_store[name]["digest"]
        assert index["lineage_down"]["rows"] > 0


@pytest.mark.parametrize(
    ("rows_a", "rows_b", "same"),
    [
        ([(ox.NamedNode("http://a"), ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))],
         [(URIRef("http://a"), Literal(3))], True),
        ([(ox.NamedNode("http://a"), ox.Literal("3"))], [(URIRef("http://a"), Literal("4"))], False),
        ([(ox.NamedNode("http://a"), None)], [(URIRef("http://a"), None)], True),
        ([("x",), ("y",)], [("y",), ("x",)], True),
        ([{"agency": URIRef("http://a"), "tasks": Literal(3)}], [(ox.NamedNode("http://a"), ox.Literal("3"))], True),
    ],
)  # fmt: skip
def test_digest_is_engine_independent_and_order_free(
    rows_a: list[Any], rows_b: list[Any], same: bool
) -> None:
    assert (digest("agencies_join", rows_a) == digest("agencies_join", rows_b)) is same


def test_lineage_digest_compares_documents_only() -> None:
    assert digest("lineage_down", [("d1", "root")]) == digest("lineage_down", [("d1",)])
    assert digest("agencies_join", [("d1", "root")]) != digest("agencies_join", [("d1",)])


@pytest.mark.parametrize("engine", sorted(BEST_FORMS))
def test_every_engine_has_a_best_form_with_its_variable(engine: str) -> None:
    assert "?root" in query_text("agencies_join_best", engine)


def test_oxigraphs_best_form_is_not_the_plain_text() -> None:
    assert query_text("agencies_join_best", "oxigraph") != query_text("agencies_join", "oxigraph")
