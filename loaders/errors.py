"""The one exception tree of policykg.

::

    PolicyKGError                 anything policykg reports as a one-line message
    ├── ReadError                 a file cannot be turned into text (missing, empty, binary,
    │                             wrong encoding, no text layer, too large, corrupt container)
    ├── ParseError                text holds no recognisable policy document
    ├── StoreError                the store cannot be opened or written (locked, disk full, remote down)
    │   └── StoreLockedError      another process holds the embedded store
    ├── QueryError                a SPARQL query is malformed, refused or failed
    └── ResolveError              a document phrase ("Chỉ thị 34") names no document or several

Every error carries the path (or phrase) it is about in ``subject`` so the CLI
can print ``policykg: FILE: reason`` and carry on with the batch.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Base class; ``str(err)`` is a one-line reason."""

    def __init__(self, reason: str, subject: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.subject = subject

    def one_line(self) -> str:
        text = f"{self.subject}: {self.reason}" if self.subject else self.reason
        return " ".join(text.split())


class ReadError(PolicyKGError):
    """The file cannot be read as text."""


class ParseError(PolicyKGError):
    """The text is not a recognisable policy document."""


class StoreError(PolicyKGError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store."""


class QueryError(PolicyKGError):
    """A query is malformed, refused or failed."""


class ResolveError(PolicyKGError):
    """A document phrase names no document, or more than one."""

    def __init__(self, reason: str, subject: str | None = None, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(reason, subject)
        self.candidates = candidates
