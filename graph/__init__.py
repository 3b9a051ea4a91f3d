"""The graph side: build triples, store them, query, traverse, export and serve."""
