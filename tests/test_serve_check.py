"""``graph.serve_check``: which queries the endpoint refuses, and the row cap added to a SELECT."""

from __future__ import annotations

import pytest

from graph.serve_check import Refusal, check_query

MAX_ROWS = 120


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("DROP ALL", 403),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
        ("LOAD <file:///etc/passwd>", 403),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400),
        ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE ?x { ?s ?p ?o } } }", 400),
        ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <http://x/> { ?s ?p ?o } } } }", 400),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 400),
        ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 400),
        ("SELECT * \\u0046ROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 400),
        ("select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }", 400),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", 400),
        ("SELEKT * WHERE { ?s ?p ?o }", 400),
    ],
)
def test_check_query_refuses(query: str, status: int) -> None:
    with pytest.raises(Refusal) as caught:
        check_query(query, MAX_ROWS)
    assert caught.value.status == status


@pytest.mark.parametrize(
    ("query", "form", "limited"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SelectQuery", True),
        ("SELECT * WHERE { ?s ?p ?o } # a trailing comment", "SelectQuery", True),
        ("SELECT * WHERE { ?s ?p ?o } OFFSET 3", "SelectQuery", True),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "SelectQuery", False),
        ("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:a> }", "SelectQuery", False),
        ("ASK { ?s ?p ?o }", "AskQuery", False),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ConstructQuery", False),
        ("DESCRIBE <urn:a>", "DescribeQuery", False),
    ],
)
def test_check_query_accepts(query: str, form: str, limited: bool) -> None:
    found, text = check_query(query, MAX_ROWS)
    assert found == form
    assert text.endswith(f"\nLIMIT {MAX_ROWS + 1}") is limited
