"""The bundled sample corpus and the store ``policykg demo`` builds from it.

The sample lives in ``loaders/data/sample`` (package data): nine short,
fictional documents in the formats of real Party and State documents (see the
``ABOUT`` file there). Tests of any module may use them as fixtures.

``open_demo_store(target)`` never touches a user's data: it opens a new store,
or an earlier demo store that holds nothing but sample documents, and refuses
anything else.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from rdflib import URIRef

from graph.ingest import FileResult, IngestSummary, extract_file, ingest_paths
from graph.store import Store, open_store
from loaders.errors import PolicyKGError, StoreError

OXIGRAPH_MARKER = "CURRENT"
"""A file every on-disk Oxigraph (RocksDB) store has."""


def sample_corpus() -> Path:
    """The folder of the bundled sample corpus.

    Examples
    --------
    >>> sorted(p.suffix for p in sample_corpus().glob("0*"))[0]
    '.md'
    """
    return Path(str(resources.files("loaders") / "data" / "sample"))


def sample_files() -> list[Path]:
    """The sample documents, in order."""
    return sorted(p for p in sample_corpus().iterdir() if p.suffix in (".txt", ".md"))


def open_demo_store(target: str, sample_iris: set[str]) -> Store:
    """Open the store the demo writes to, making sure no one else's data is in it.

    Parameters
    ----------
    target
        ``memory:`` or a folder that is absent, empty, or an earlier demo store.
    sample_iris
        The graph IRIs the sample corpus produces; an existing store may hold only these.

    Raises
    ------
    StoreError
        ``target`` is a remote server, a file, a folder that is not a store,
        or a store that holds other documents.
    """
    if target == "memory:":
        return open_store(target)
    if target.startswith(("http://", "https://")):
        raise StoreError("the demo builds a local or in-memory store, not a remote one", target)
    folder = Path(target)
    if folder.exists() and not folder.is_dir():
        raise StoreError("exists and is not a folder; choose another place with --into", target)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / OXIGRAPH_MARKER).exists():
        raise StoreError("is a folder that is not a policykg store; choose another place with --into", target)
    store = open_store(target)
    foreign = [g for g in store.named_graphs() if str(g) not in sample_iris]
    if foreign:
        store.close()
        raise StoreError(
            f"holds {len(foreign)} documents that are not from the sample corpus; "
            "the demo will not touch it (choose another place with --into)",
            target,
        )
    return store


def build_demo(
    target: str, *, on_result: Callable[[FileResult], None] | None = None
) -> tuple[Store, IngestSummary]:
    """Ingest the sample corpus into ``target`` (see :func:`open_demo_store`); the caller closes the store.

    Raises
    ------
    StoreError
        ``target`` is not a place the demo may write to.
    """
    files = sample_files()
    sample_iris = set(filter(None, (_graph_iri(path) for path in files)))
    store = open_demo_store(target, sample_iris)
    try:
        summary = ingest_paths(store, files, on_result=on_result)
    except BaseException:
        store.close()
        raise
    return store, summary


def _graph_iri(path: Path) -> str | None:
    try:
        return str(extract_file(path)[0])
    except PolicyKGError:  # reported when the file is ingested
        return None


DEMO_LINEAGE_DOC = ("45-CT/TW", "01_chi-thi-45-CT-TW.txt")
DEMO_TASKS_DOC = ("3456/KH-UBND", "08_ke-hoach-3456-KH-UBND-ha-tinh.md")
"""(number shown, sample file) of the documents the demo shows."""


def demo_report(store: Store, summary: IngestSummary, task_columns: list[str]) -> str:
    """What the demo prints: the store's counts, a lineage tree and a tasks table, as commands would."""
    from graph.format import render, render_lineage_tree
    from graph.listings import TaskFilter, list_tasks, store_stats
    from graph.traversal import lineage

    counts = store_stats(store)
    parts = [
        "$ policykg stats",
        render(["what", "count"], [{"what": k, "count": v} for k, v in counts.items()], "table"),
    ]
    number, sample = DEMO_LINEAGE_DOC
    parts += [
        f"$ policykg lineage {number} --down",
        render_lineage_tree(lineage(store, _iri(store, summary, number, sample), "down")),
    ]
    number, sample = DEMO_TASKS_DOC
    _, rows = list_tasks(store, TaskFilter(doc=str(_iri(store, summary, number, sample))))
    parts += [f"$ policykg tasks --doc {number}", render(task_columns, rows, "table")]
    return "\n".join(parts) + "\n"


def _iri(store: Store, summary: IngestSummary, number: str, sample: str) -> URIRef:
    """The IRI the sample file was stored under (known from the ingest; no need to resolve the number)."""
    from graph.resolve import resolve_document

    for result in summary.succeeded:
        if Path(result.path).name == sample and result.iri:
            return URIRef(result.iri)
    return resolve_document(store, number)


def next_steps(target: str) -> str:
    """The commands the demo suggests trying on the store it built."""
    if target == "memory:":
        return "The demo store was in memory and is gone; run `policykg demo` to keep one on disk.\n"
    prefix = f"policykg --store {shlex.quote(target)}"
    return (
        "Try next:\n"
        f"  {prefix} lineage 97-KH/HU --up\n"
        f'  {prefix} query --name implementing --param doc="Chỉ thị 45"\n'
        f'  {prefix} tasks --agency "sở thông tin" --format csv -o tasks.csv\n'
        f"  {prefix} docs --format json\n"
        "Then ingest your own documents: policykg ingest FOLDER\n"
    )
