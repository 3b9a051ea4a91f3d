"""What the synthetic corpus contains: a stream of document specifications.

A *campaign* is one central document (Chỉ thị ...-CT/TW, Nghị quyết ...-NQ/TW or
Quyết định .../QĐ-TTg approving a Đề án) and the plans that implement it down
the administrative map: a provincial Party plan and a provincial People's
Committee plan in each of the 34 provinces, amendments to some of them, then
commune plans (People's Committee, sometimes also the commune Party committee)
implementing the provincial plans. Parents are always emitted before their
children, so truncating the stream never leaves a dangling reference, and only
small per-campaign state is kept: the corpus is never held in memory.

Everything is derived from ``random.Random(f"{seed}:...")`` so the same seed
gives the same corpus whatever the size asked for (a 10^3 corpus is a prefix of
the 10^4 one).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import vietnam_provinces as vp

CAMPAIGN_SIZE = 4_000
ROOT_KINDS = ("directive", "decision", "resolution")
Kind = Literal["directive", "decision", "resolution", "party_plan", "state_plan", "amendment"]


@dataclass(frozen=True)
class Unit:
    """An administrative unit of the post-2025 map: kind ("tỉnh", "xã"...) and name."""

    kind: str
    name: str
    code: int

    def label(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class DocRef:
    """What a child document needs to cite its parent."""

    file_id: str
    key: str
    doc_type: str
    issued: dt.date
    issuer: str
    about: str


@dataclass(frozen=True)
class Assignment:
    """One numbered item of TỔ CHỨC THỰC HIỆN."""

    agency: str
    layout: Literal["heading", "inline", "subject"]
    tasks: tuple[str, ...]
    partners: tuple[str, ...] = ()
    deadline: str | None = None


@dataclass(frozen=True)
class TargetSpec:
    text: str
    quantity: int
    unit: str


@dataclass(frozen=True)
class DocSpec:
    """Everything needed to render one document and to state its expected facts."""

    index: int
    kind: Kind
    family: Literal["party", "state"]
    level: Literal["central", "province", "commune"]
    doc_type: str
    symbol: str
    number: str | None
    issued: dt.date
    partial_date: bool
    issuer: str
    issuer_short: str
    province: Unit | None
    commune: Unit | None
    topic: int
    implements: tuple[DocRef, ...] = ()
    amends: DocRef | None = None
    approves: str | None = None
    based_on: tuple[str, ...] = ()
    markdown: bool = False
    wrapped: bool = False
    seed: str = ""
    assignments: tuple[Assignment, ...] = field(default=())
    targets: tuple[TargetSpec, ...] = field(default=())

    @property
    def file_id(self) -> str:
        return f"d{self.index:07d}"

    @property
    def key(self) -> str:
        return self.number or f"/{self.symbol}"

    @property
    def jurisdiction(self) -> str:
        units = [u for u in (self.commune, self.province) if u is not None]
        return ", ".join(u.label() for u in units)

    def ref(self, about: str) -> DocRef:
        return DocRef(self.file_id, self.key, self.doc_type, self.issued, self.issuer_short, about)


def provinces() -> list[Unit]:
    """The 34 provinces and centrally governed cities, in gazetteer order."""
    units = []
    for p in vp.Province.iter_all():
        city = p.division_type.name == "THANH_PHO_TRUNG_UONG"
        name = p.name.removeprefix("Thành phố ")
        units.append(Unit("thành phố" if city else "tỉnh", name, int(p.code)))
    return units


def communes_by_province() -> dict[int, list[Unit]]:
    """Communes, wards and special zones (3,321), grouped by province code."""
    grouped: dict[int, list[Unit]] = {}
    for w in vp.Ward.iter_all():
        kind = w.division_type.value
        name = w.name[len(kind) + 1 :] if w.name.lower().startswith(kind) else w.name
        grouped.setdefault(int(w.province_code), []).append(Unit(kind, name, int(w.code)))
    return grouped


class Numbering:
    """Issues document numbers per (issuer, symbol, year), as real registries do."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, str, int], int] = {}

    def take(self, issuer: str, symbol: str, year: int, start: int = 1) -> int:
        key = (issuer, symbol, year)
        value = self._next.get(key, start)
        self._next[key] = value + 1
        return value


@dataclass
class Context:
    """State shared by the whole stream: the gazetteer and the number registries."""

    seed: int
    provinces: list[Unit]
    communes: dict[int, list[Unit]]
    numbering: Numbering = field(default_factory=Numbering)


def plan_corpus(n_docs: int, seed: int) -> Iterator[DocSpec]:
    """Yield ``n_docs`` document specifications, parents before children."""
    ctx = Context(seed, provinces(), communes_by_province())
    emitted = 0
    campaign = 0
    while emitted < n_docs:
        budget = min(CAMPAIGN_SIZE, n_docs - emitted)
        for spec in _campaign(ctx, campaign, emitted, budget):
            yield spec
            emitted += 1
        campaign += 1


def _campaign(ctx: Context, campaign: int, first: int, budget: int) -> Iterator[DocSpec]:
    from bench.corpus_docs import commune_plans, provincial_plans, root_document

    rng = random.Random(f"{ctx.seed}:campaign:{campaign}")
    index = itertools.count(first)
    root = root_document(ctx, rng, campaign, next(index))
    order = list(ctx.provinces)
    rng.shuffle(order)
    parents: dict[int, tuple[DocRef | None, DocRef]] = {}
    stream = itertools.chain(
        [root],
        itertools.chain.from_iterable(
            provincial_plans(ctx, rng, root, province, index, parents) for province in order
        ),
        commune_plans(ctx, rng, root, order, index, parents),
    )
    yield from itertools.islice(stream, budget)
