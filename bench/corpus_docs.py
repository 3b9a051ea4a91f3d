"""Document specifications of one campaign: the root, provincial plans, commune plans."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Literal

from bench.corpus_plan import Assignment, Context, DocRef, DocSpec, Kind, TargetSpec, Unit
from bench.vocab import (
    BASIS_LAWS,
    CENTRAL_AGENCIES,
    CENTRAL_PARTY_AGENCIES,
    COMMUNE_AGENCIES,
    COMMUNE_PARTY_AGENCIES,
    DEADLINES,
    PROVINCE_AGENCIES,
    PROVINCE_PARTY_AGENCIES,
    TOPICS,
)

MARKDOWN_SHARE = 0.2
WRAPPED_SHARE = 0.1
BLANK_NUMBER_SHARE = 0.05
AMENDMENT_SHARE = 0.15
COMMUNE_PARTY_SHARE = 0.2
Family = Literal["party", "state"]
Layout = Literal["heading", "inline", "subject"]
ROOTS: dict[Kind, tuple[str, str, str, Family]] = {
    "directive": ("Chỉ thị", "CT/TW", "Ban Bí thư", "party"),
    "resolution": ("Nghị quyết", "NQ/TW", "Bộ Chính trị", "party"),
    "decision": ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ", "state"),
}
ROOT_ORDER: tuple[Kind, ...] = ("directive", "decision", "resolution")


def root_document(ctx: Context, rng: random.Random, campaign: int, index: int) -> DocSpec:
    """The central document a campaign implements."""
    kind = ROOT_ORDER[campaign % len(ROOT_ORDER)]
    doc_type, symbol, issuer, family = ROOTS[kind]
    year = 2025 + campaign % 2
    issued = dt.date(year, rng.randint(7, 12) if year == 2025 else rng.randint(1, 9), rng.randint(1, 28))
    topic = campaign % len(TOPICS)
    n = ctx.numbering.take("vn", symbol, year, start=rng.randint(5, 40))
    number = f"{n:02d}/{symbol}" if family == "state" else f"{n:02d}-{symbol}"
    scheme = TOPICS[topic].scheme if kind == "decision" else None
    pool = CENTRAL_PARTY_AGENCIES if family == "party" else CENTRAL_AGENCIES
    return DocSpec(
        index=index, kind=kind, family=family, level="central", doc_type=doc_type, symbol=symbol,
        number=number, issued=issued, partial_date=False, issuer=issuer, issuer_short=issuer,
        province=None, commune=None, topic=topic, approves=scheme,
        based_on=BASIS_LAWS[:1] if kind == "decision" else (), seed=f"{ctx.seed}:doc:{index}",
        assignments=_assignments(rng, pool, pool[0] if family == "party" else TOPICS[topic].ministry, topic, year, markdown=False),
        targets=_targets(rng, topic, scale=100),
    )  # fmt: skip


def provincial_plans(
    ctx: Context,
    rng: random.Random,
    root: DocSpec,
    province: Unit,
    index: Iterator[int],
    parents: dict[int, tuple[DocRef | None, DocRef]],
) -> Iterator[DocSpec]:
    """A province's Party plan (Party roots), its People's Committee plan, maybe an amendment."""
    about = _about(root)
    party_ref: DocRef | None = None
    implements: tuple[DocRef, ...] = (root.ref(about),)
    if root.family == "party":
        party = _party_plan(ctx, rng, root, province, None, next(index), implements)
        yield party
        party_ref = party.ref(about)
        implements = (party_ref, root.ref(about))
    state = _state_plan(ctx, rng, root, province, None, next(index), implements)
    yield state
    state_ref = state.ref(about)
    parents[province.code] = (party_ref, state_ref)
    if rng.random() < AMENDMENT_SHARE:
        yield _amendment(ctx, rng, root, province, next(index), state_ref)


def commune_plans(
    ctx: Context,
    rng: random.Random,
    root: DocSpec,
    order: list[Unit],
    index: Iterator[int],
    parents: dict[int, tuple[DocRef | None, DocRef]],
) -> Iterator[DocSpec]:
    """Commune plans, round-robin over provinces so any prefix spreads over the map."""
    queues = [(p, iter(ctx.communes.get(p.code, []))) for p in order]
    while queues:
        alive = []
        for province, communes in queues:
            commune = next(communes, None)
            if commune is None:
                continue
            alive.append((province, communes))
            party_ref, state_ref = parents[province.code]
            yield _state_plan(ctx, rng, root, province, commune, next(index), (state_ref,))
            if party_ref is not None and rng.random() < COMMUNE_PARTY_SHARE:
                yield _party_plan(ctx, rng, root, province, commune, next(index), (party_ref,))
        queues = alive


def _party_plan(
    ctx: Context,
    rng: random.Random,
    root: DocSpec,
    province: Unit,
    commune: Unit | None,
    index: int,
    implements: tuple[DocRef, ...],
) -> DocSpec:
    symbol = "KH/ĐU" if commune else "KH/TU"
    committee = "Đảng ủy" if commune else _party_committee(province)
    body = f"{committee} {commune.label()}" if commune else f"{committee} {province.name}"
    issued = implements[0].issued + dt.timedelta(days=rng.randint(15, 90))
    n = ctx.numbering.take(str((commune or province).code), symbol, issued.year)
    pool = _local(COMMUNE_PARTY_AGENCIES, commune) if commune else PROVINCE_PARTY_AGENCIES
    lead = pool[0]
    return DocSpec(
        index=index, kind="party_plan", family="party", level="commune" if commune else "province",
        doc_type="Kế hoạch", symbol=symbol, number=f"{n:02d}-{symbol}", issued=issued, partial_date=False,
        issuer=f"Ban Thường vụ {body}", issuer_short=f"Ban Thường vụ {committee}",
        province=province, commune=commune, topic=root.topic, implements=implements,
        wrapped=rng.random() < WRAPPED_SHARE, seed=f"{ctx.seed}:doc:{index}",
        assignments=_assignments(rng, pool, lead, root.topic, issued.year, markdown=False),
        targets=_targets(rng, root.topic, scale=1 if commune else 10),
    )  # fmt: skip


def _state_plan(
    ctx: Context,
    rng: random.Random,
    root: DocSpec,
    province: Unit,
    commune: Unit | None,
    index: int,
    implements: tuple[DocRef, ...],
) -> DocSpec:
    unit = commune or province
    issued = implements[0].issued + dt.timedelta(days=rng.randint(10, 60))
    blank = commune is not None and rng.random() < BLANK_NUMBER_SHARE
    n = None if blank else ctx.numbering.take(str(unit.code), "KH-UBND", issued.year, start=rng.randint(1, 9))
    markdown = rng.random() < MARKDOWN_SHARE
    topic = TOPICS[root.topic]
    if commune:
        pool, lead = _local(COMMUNE_AGENCIES, commune), _local((topic.commune_office,), commune)[0]
    else:
        pool, lead = PROVINCE_AGENCIES, topic.department
    return DocSpec(
        index=index, kind="state_plan", family="state", level="commune" if commune else "province",
        doc_type="Kế hoạch", symbol="KH-UBND", number=None if n is None else f"{n:02d}/KH-UBND", issued=issued,
        partial_date=blank, issuer=f"Ủy ban nhân dân {unit.label()}",
        issuer_short="Ủy ban nhân dân " + unit.label(), province=province, commune=commune,
        topic=root.topic, implements=implements, markdown=markdown, seed=f"{ctx.seed}:doc:{index}",
        based_on=BASIS_LAWS[:1] if rng.random() < 0.3 else (),
        assignments=_assignments(rng, pool, lead, root.topic, issued.year, markdown=markdown),
        targets=_targets(rng, root.topic, scale=1 if commune else 10),
    )  # fmt: skip


def _amendment(
    ctx: Context, rng: random.Random, root: DocSpec, province: Unit, index: int, target: DocRef
) -> DocSpec:
    issued = target.issued + dt.timedelta(days=rng.randint(60, 300))
    n = ctx.numbering.take(str(province.code), "QĐ-UBND", issued.year, start=rng.randint(100, 900))
    return DocSpec(
        index=index, kind="amendment", family="state", level="province", doc_type="Quyết định",
        symbol="QĐ-UBND", number=f"{n:02d}/QĐ-UBND", issued=issued, partial_date=False,
        issuer=f"Ủy ban nhân dân {province.label()}", issuer_short=f"Ủy ban nhân dân {province.label()}",
        province=province, commune=None, topic=root.topic, amends=target, based_on=BASIS_LAWS[:1],
        seed=f"{ctx.seed}:doc:{index}", targets=_targets(rng, root.topic, scale=10),
    )  # fmt: skip


def _assignments(
    rng: random.Random, pool: tuple[str, ...], lead: str, topic: int, year: int, *, markdown: bool
) -> tuple[Assignment, ...]:
    """A lead agency and 3-6 others; layouts mixed item by item."""
    layouts: tuple[Layout, ...] = ("heading", "inline", "subject") if markdown else ("heading", "subject")
    others = [a for a in pool if a != lead]
    chosen = [lead, *rng.sample(others, k=min(len(others), rng.randint(3, 6)))]
    tasks = TOPICS[topic].tasks
    items = []
    for position, agency in enumerate(chosen):
        candidates = [a for a in chosen if a != agency]
        partners = tuple(rng.sample(candidates, k=min(len(candidates), rng.randint(0, 2))))
        deadline = rng.choice(DEADLINES).format(y=year + rng.randint(0, 2)) if rng.random() < 0.6 else None
        count = rng.randint(2, 4) if position == 0 else rng.randint(1, 3)
        items.append(
            Assignment(agency, rng.choice(layouts), tuple(rng.sample(tasks, k=count)), partners, deadline)
        )
    return tuple(items)


def _targets(rng: random.Random, topic: int, scale: int) -> tuple[TargetSpec, ...]:
    result = []
    for template, low, high, unit in TOPICS[topic].targets:
        quantity = rng.randint(low, high) if unit == "%" else max(1, rng.randint(low, high) * scale // 10)
        result.append(TargetSpec(template, quantity, unit))
    return tuple(result)


def _about(root: DocSpec) -> str:
    topic = TOPICS[root.topic]
    if root.approves:
        return f"phê duyệt Đề án “{topic.scheme}”"
    return f"về {topic.about}"


def _local(agencies: tuple[str, ...], commune: Unit) -> tuple[str, ...]:
    """Commune-level names in the unit's own kind: "Công an xã" becomes "Công an phường" in a ward."""
    return tuple(a.removesuffix(" xã") + f" {commune.kind}" if a.endswith(" xã") else a for a in agencies)


def _party_committee(province: Unit) -> str:
    return "Thành ủy" if province.kind == "thành phố" else "Tỉnh ủy"
