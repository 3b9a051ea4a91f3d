"""Find the documents a text mentions and resolve the mentions into one :class:`Reference` each.

Follows eyecite's pipeline: ``find_mentions`` walks the cleaned text with the
grammar of ``loaders.patterns.references`` (typed and bare symbols, list
continuations, named laws, quoted titles, congress resolutions, short forms,
aliases, "Kế hoạch này"), in text order; ``resolve`` merges mentions of the
same document (short forms only into a *unique* earlier antecedent), fills a
missing date or issuer from other mentions, repairs typo years and computes
each document's identity in the citing document's jurisdiction.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from loaders.clean import collapse, match_key
from loaders.layout import clean_text, partial_date
from loaders.models import (
    NATIONAL,
    Jurisdiction,
    Layout,
    PartialDate,
    Reference,
)
from loaders.patterns import references as pr
from loaders.patterns.text import DIGIT_RE, ZERO_PADDED_RE
from loaders.reference_resolution import Mention, resolve, with_spans

ALIAS_WINDOW = 400
YEAR_MIN, YEAR_MAX = 1945, 2100


class _Collector:
    """Mentions accepted so far; a later pattern never claims text an earlier one matched."""

    def __init__(self, reserved: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.found: list[Mention] = []
        for start, end in sorted(reserved):
            self._insert(start, end)

    def _insert(self, start: int, end: int) -> None:
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)

    def free(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, start)
        if k > 0 and self.ends[k - 1] > start:
            return False
        return not (k < len(self.starts) and self.starts[k] < end)

    def add(self, mention: Mention) -> bool:
        if not self.free(mention.start, mention.end):
            return False
        self._insert(mention.start, mention.end)
        self.found.append(mention)
        return True


def find_mentions(text: str, layout: Layout) -> list[Mention]:
    """Every mention of a document in ``text`` (the source), in text order; ``kind`` None means SELF."""
    clean = clean_text(text)
    found = _Collector([(s.start, s.end) for s in (layout.number_span, layout.date_span) if s])
    for m in pr.REF_FULL_RE.finditer(clean):
        mention = _numbered(m, clean)
        if mention is not None and found.add(mention):
            _continuations(clean, m.end(), mention, found)
    for m in pr.REF_LAW_RE.finditer(clean):
        found.add(_law(m))
    for m in pr.REF_QUOTED_RE.finditer(clean):
        found.add(_quoted(m))
    for m in pr.REF_CONGRESS_RE.finditer(clean):
        title = collapse(m.group("title"))
        group = f"congress:{match_key(title)}"
        found.add(
            Mention(m.start(), m.end(), "congress", group, "Nghị quyết", f"Nghị quyết {title}", title=title)
        )
    for m in pr.REF_BARE_RE.finditer(clean):
        mention = _numbered(m, clean, bare=True)
        if mention is not None:
            found.add(mention)
    _shorts_and_selves(clean, found)
    _aliases(clean, found)
    return sorted((_own_number_as_self(x, layout, clean) for x in found.found), key=lambda x: x.start)


def _own_number_as_self(mention: Mention, layout: Layout, clean: str) -> Mention:
    """A mention of the document's own number ("Ban hành kèm theo Quyết định số 742/QĐ-UBND" over an
    appended plan) names this document: a SELF mention, not a reference.

    Administrative numbers repeat across issuers ("09/KH-UBND" of a commune and of its province), so the
    same number alone is not enough: the mention must carry the document's own date, or stand in the
    "(… kèm theo …)" note of an appended text.
    """
    own = "".join((layout.number or "").split()).casefold()
    if mention.kind != "numbered" or not own or "".join((mention.key or "").split()).casefold() != own:
        return mention
    if mention.date is not None:
        same_day = layout.date is not None and _same_date(mention.date, layout.date)
        return Mention(mention.start, mention.end, None, "self", mention.doc_type) if same_day else mention
    if pr.ATTACHED_TO_CUE_RE.search(clean, max(0, mention.start - 40), mention.start):
        return Mention(mention.start, mention.end, None, "self", mention.doc_type)
    return mention


def _same_date(a: PartialDate, b: PartialDate) -> bool:
    """Equal on every part both dates have."""
    return (
        a.year == b.year
        and (a.month is None or b.month is None or a.month == b.month)
        and (a.day is None or b.day is None or a.day == b.day)
    )


def _type_name(raw: str) -> str:
    low = collapse(raw).lower()
    return low[:1].upper() + low[1:]


class _Symbol(NamedTuple):
    num: str
    key: str
    abbr: str | None
    authority: str
    year: int | None
    default_type: str | None


def _symbol_parts(g: dict[str, str | None], flags: list[str]) -> _Symbol:
    """Canonical key, type abbreviation, numbering authority and year of a matched Party or State symbol."""
    if g.get("p_num"):
        num, abbr, authority = g["p_num"] or "", g["p_abbr"] or "", g["p_issuer"] or ""
        if (g["p_sep"] or "").strip() != "-":
            flags.append("malformed-separator")
        default_type = pr.PARTY_TYPE_OVERRIDES.get(abbr) or pr.TYPE_BY_ABBR.get(abbr)
        return _Symbol(num, f"{num}-{abbr}/{authority}", abbr, authority, None, default_type)
    num, code1, code2, year_s = g["s_num"] or "", g["s_code1"] or "", g["s_code2"], g["s_year"]
    if g.get("s_ysep") == "-":
        flags.append("malformed-separator")
    tail = f"{code1}-{code2}" if code2 else code1
    key = f"{num}/{year_s}/{tail}" if year_s else f"{num}/{tail}"
    if code1 in pr.TYPE_BY_ABBR:
        return _Symbol(
            num, key, code1, code2 or code1, int(year_s) if year_s else None, pr.TYPE_BY_ABBR[code1]
        )
    return _Symbol(num, key, None, code1, int(year_s) if year_s else None, "Công văn" if code2 else None)


def _about(clean: str, pos: int) -> str | None:
    """The "về ..." description right after a reference, cut where the next list item starts."""
    m = pr.ABOUT_RE.match(clean, pos)
    if m is None:
        return None
    about = m.group("about")
    cut = pr.ABOUT_CUT_RE.search(about)
    return collapse(about[: cut.start()] if cut else about).rstrip(" ,") or None


def _issuer_before(clean: str, pos: int) -> str | None:
    """ "Theo đề nghị của Sở Tài chính tại" right before a reference: its issuer."""
    line_start = clean.rfind("\n", max(0, pos - pr.ISSUER_BEFORE_WINDOW), pos) + 1
    window_start = max(line_start, pos - pr.ISSUER_BEFORE_WINDOW)
    m = pr.ISSUER_BEFORE_RE.search(clean, window_start, pos)
    return m.group("issuer") if m else None


def _numbered(m: re.Match[str], clean: str, *, bare: bool = False) -> Mention | None:
    g = m.groupdict()
    flags: list[str] = []
    sym = _symbol_parts(g, flags)
    if bare and sym.abbr is None and sym.year is None:
        return None
    doc_type = _type_name(g["type"]) if g.get("type") else sym.default_type
    if doc_type == "Văn bản" and sym.default_type:
        doc_type = sym.default_type
    date, typo = _date(g, "r_", flags)
    if date is None and typo is None:
        date, typo = _date(g, "r2_", flags)
    issuer = g.get("issuer") or g.get("issuer_pre") or _issuer_before(clean, m.start())
    return Mention(
        m.start(),
        m.end(),
        "numbered",
        f"num:{_group_key(sym.key)}",
        doc_type,
        sym.key,
        sym.abbr,
        sym.authority,
        sym.year,
        str(int(sym.num)),
        date,
        typo,
        collapse(issuer) if issuer else None,
        _about(clean, m.end()),
        flags,
    )


def _group_key(key: str) -> str:
    m = pr.NUMBER_PREFIX_RE.match(key)
    if m is None:
        return key
    num, rest = m.groups()
    return f"{int(num)}{rest}"


def _date(
    g: dict[str, str | None], p: str, flags: list[str]
) -> tuple[PartialDate | None, tuple[int, int, str] | None]:
    if g.get(f"{p}y"):
        day, month, year = g[f"{p}d"], g[f"{p}m"], g[f"{p}y"] or ""
        if not year.isdigit():
            flags.append("year-typo")
            return None, (int(day or 0), int(month or 0), year)
        return partial_date(day, month, year), None
    if g.get(f"{p}wy"):
        return partial_date(g[f"{p}wd"], g[f"{p}wm"], g[f"{p}wy"]), None
    return None, None


def _continuations(clean: str, pos: int, head: Mention, found: _Collector) -> None:
    """Further symbols of a list after a full reference, typed like the head.

    A date or issuer printed once after the last item ("các Nghị quyết số 18-NQ/TW,
    19-NQ/TW và 20-NQ/TW ngày 25/10/2017") is shared by the items printed bare before it.
    """
    items = [head]
    while True:
        m = pr.LIST_CONT_RE.match(clean, pos)
        if m is None:
            break
        mention = _numbered(m, clean)
        if mention is None:
            break
        if m.group("type") is None:
            mention.doc_type = mention.doc_type or head.doc_type
            mention.start = m.start("symbol")
            mention.flags.append("list-continuation")
        else:
            mention.start = m.start("type")
        if not found.add(mention):
            break
        items.append(mention)
        pos = m.end()
    _share_trailing(items)


def _share_trailing(items: list[Mention]) -> None:
    if not all("list-continuation" in x.flags for x in items[1:]):
        return  # separately typed references each carry their own date
    last = items[-1]
    for item in items[:-1]:
        if item.date is None and item.issuer is None and item.typo_date is None:
            item.date, item.issuer = last.date, last.issuer


def _law(m: re.Match[str]) -> Mention:
    doc_type = _type_name(m.group("type"))
    name = collapse(m.group("name"))
    flags: list[str] = []
    date, _ = _date(m.groupdict(), "l_", flags)
    year_s = m.group("year") or m.group("year2") or (str(date.year) if date else None)
    if m.group("lawno"):
        key = m.group("lawno")
        return Mention(
            m.start(),
            m.end(),
            "numbered",
            f"num:{_group_key(key)}",
            doc_type,
            key,
            "L",
            key.rsplit("/", 1)[1],
            int(key.split("/")[1]),
            str(int(key.split("/")[0])),
            date,
            title=name,
        )
    label = f"{doc_type} {name} {year_s}" if year_s else f"{doc_type} {name}"
    return Mention(
        m.start(),
        m.end(),
        "law",
        f"law:{match_key(label)}",
        doc_type,
        label,
        "L",
        "QH",
        int(year_s) if year_s else None,
        None,
        date,
        title=name,
    )


def title_key(title: str) -> str:
    """Matching key of a quoted title: casefolded, leading zeros dropped ("01 triệu" = "1 triệu")."""
    return ZERO_PADDED_RE.sub(r"\1", match_key(title))


def _quoted(m: re.Match[str]) -> Mention:
    doc_type = _type_name(m.group("type"))
    title = collapse(m.group("title"))
    return Mention(
        m.start(),
        m.end(),
        "quoted",
        f"quoted:{doc_type}:{title_key(title)}",
        doc_type,
        f"{doc_type} {title}",
        title=title,
    )


def _shorts_and_selves(clean: str, found: _Collector) -> None:
    for m in pr.REF_SELF_RE.finditer(clean):
        found.add(Mention(m.start(), m.end(), None, "self", _type_name(m.group("type"))))
    numbered: dict[tuple[str | None, str | None], list[tuple[int, str]]] = {}
    for x in found.found:
        if x.kind == "numbered":
            numbered.setdefault((x.doc_type, x.number), []).append((x.start, x.group))
    for m in pr.REF_SHORT_RE.finditer(clean):
        doc_type, num = _type_name(m.group("type")), str(int(m.group("num")))
        if YEAR_MIN <= int(num) <= YEAR_MAX and "số" not in m.group(0):
            continue  # "Kế hoạch 2024" names a year's plan, not a number
        earlier = {g for start, g in numbered.get((doc_type, num), []) if start < m.start()}
        group = earlier.pop() if len(earlier) == 1 else f"short:{doc_type}:{num}"
        flags = [] if group.startswith("num:") else ["unresolved-short"]
        key = f"{doc_type} {num}"
        found.add(Mention(m.start(), m.end(), "short", group, doc_type, key, number=num, flags=flags))


def _aliases(clean: str, found: _Collector) -> None:
    """Attach "(sau đây gọi tắt là X)" to the mention before it and resolve later bare uses of X."""
    ordered = sorted((x for x in found.found if not x.is_self), key=lambda x: x.end)
    ends = [x.end for x in ordered]
    for m in pr.ALIAS_RE.finditer(clean):
        k = bisect.bisect_right(ends, m.start())
        if k == 0 or m.start() - ends[k - 1] >= ALIAS_WINDOW:
            continue
        antecedent = ordered[k - 1]
        alias = collapse(m.group("alias"))
        antecedent.flags.append(f"alias:{alias}")
        if DIGIT_RE.search(alias):
            continue
        for use in pr.alias_use_re(alias).finditer(clean, m.end()):
            found.add(
                Mention(
                    use.start(),
                    use.end(),
                    antecedent.kind,
                    antecedent.group,
                    antecedent.doc_type,
                    antecedent.key,
                    flags=["alias-use"],
                )
            )


def extract_references(
    text: str, layout: Layout, jurisdiction: Jurisdiction = NATIONAL
) -> tuple[tuple[Reference, ...], list[Mention], dict[str, str]]:
    """Find and resolve every referenced document: (references, mentions, key by group)."""
    mentions = find_mentions(text, layout)
    refs, keys = resolve(mentions, jurisdiction)
    return with_spans(refs, text), mentions, keys
