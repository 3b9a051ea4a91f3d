"""Relations between documents (research-extraction §4.1), read from the gaps between mentions.

Scope decides the subject. In the trích yếu and preamble ("lead") a cue before
a reference relates *this* document to it: "Thực hiện/Triển khai/Cụ thể hóa X"
→ implements, "Căn cứ X" → based_on. Everywhere, a cue between two references
of one sentence relates the earlier to the later: "X về sửa đổi, bổ sung … Y"
→ X amends Y, "X phê duyệt Y" → X approves Y, "Y được phê duyệt tại X" → X
approves Y; likewise thay thế / bãi bỏ / hướng dẫn thi hành. A reference with
no cue of its own, separated from the previous one only by its description or
a connector, inherits the previous label. Everything else mentioned is cited;
a reference inside TỔ CHỨC THỰC HIỆN is the object of a task, so it is cited.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.layout import clean_text
from loaders.models import SELF, Layout, Reference, Relation, RelationKind, Span
from loaders.patterns import references as pr
from loaders.reference_resolution import Mention

SELF_STRENGTH: tuple[RelationKind, ...] = (
    "implements",
    "based_on",
    "amends",
    "replaces",
    "repeals",
    "guides",
    "approves",
    "cites",
)
"""The self relation kept when a reference is mentioned several ways (strongest first)."""
_BETWEEN = {"amends", "replaces", "repeals", "approves", "guides"}
_PASSIVE = {
    "approved_by": "approves",
    "amended_by": "amends",
    "replaced_by": "replaces",
    "guided_by": "guides",
}
"""Passive cues ("Y được sửa đổi, bổ sung tại X"): the later reference is the subject."""
SENTENCE_LOOKBACK = 3000
"""How far back a sentence start is looked for (bounds the work per mention)."""
_SELF_CHANGES = {"amends", "replaces", "repeals", "guides"}
_CHAINED = {
    "approves": "(approved by an implemented document)",
    "implements": "(implemented by an implemented document)",
}
"""Statements whose object an implemented document carries over to this document."""


@dataclass(frozen=True)
class _Label:
    """``subject predicate object`` read for one mention; ``object`` None means the mention itself."""

    subject: str
    predicate: str
    cue: str
    object: str | None = None


def extract_relations(
    text: str,
    layout: Layout,
    mentions: list[Mention],
    keys: dict[str, str],
    references: tuple[Reference, ...],
) -> tuple[Relation, ...]:
    """Relations with :data:`SELF` as subject (one per reference) and statements between other documents.

    Parameters
    ----------
    text : str
        Source text (spans index it).
    layout : Layout
        Gives the lead (trích yếu + preamble) and the end of the content.
    mentions, keys
        From :func:`loaders.references.extract_references`.
    references : tuple of Reference
        The resolved references (every one gets at least a ``cites`` relation).
    """
    clean = clean_text(text)
    self_best: dict[str, Relation] = {}
    between: dict[tuple[str, str, str], Relation] = {}
    for key, label, (s_start, s_end) in _labels(clean, layout, mentions, keys):
        _record(label, key, _evidence(text, s_start, s_end), self_best, between)
    _implement_approved(self_best, between)
    for ref in references:
        if ref.key not in self_best and ref.mentions:
            sentence = _sentence(clean, ref.mentions[0].start)
            self_best[ref.key] = Relation(SELF, "cites", ref.key, _evidence(text, *sentence))
    return tuple(self_best.values()) + tuple(between.values())


def _labels(
    clean: str, layout: Layout, mentions: list[Mention], keys: dict[str, str]
) -> list[tuple[str, _Label, tuple[int, int]]]:
    """(reference key, label, sentence bounds) for every mention of a reference, in text order."""
    lead = _lead(layout, clean)
    articles = [(s.span.start, s.span.end) for s in layout.sections if s.path.startswith("art")]
    labels: dict[int, _Label] = {}
    outer: dict[int, _Label] = {}
    out = []
    for i, m in enumerate(mentions):
        if m.is_self or m.group not in keys:
            continue
        s_start, s_end = _sentence(clean, m.start)
        prev = mentions[i - 1] if i and s_start < mentions[i - 1].end <= m.start else None
        gap = clean[prev.end if prev else s_start : m.start]
        in_article = any(a <= m.start < b for a, b in articles)
        inheritable = outer if prev is not None and pr.CLAUSE_BREAK_RE.search(gap) else labels
        label = _label(
            m, prev, gap, keys, inheritable, in_lead=lead[0] <= m.start < lead[1], in_article=in_article
        )
        if label.subject == SELF and label.predicate == "cites":
            label = _trailing(clean, mentions, i, (s_start, s_end), in_article=in_article) or label
        labels[m.start] = label
        outer[m.start] = label if label.subject == SELF or prev is None else outer.get(prev.start, label)
        out.append((keys[m.group], label, (s_start, s_end)))
    return out


def _trailing(
    clean: str, mentions: list[Mention], i: int, sentence: tuple[int, int], *, in_article: bool
) -> _Label | None:
    """A self relation read after the mention: "Quyết định số X … hết hiệu lực" in a sentence about this document."""
    m = mentions[i]
    nxt = next((n for n in mentions[i + 1 :] if n.start >= m.end), None)
    if nxt is not None and nxt.start < sentence[1] and not nxt.is_self:
        end = nxt.start
        if not pr.CLAUSE_BREAK_RE.search(clean, m.end, end):
            return None  # "X được thay thế bằng Y" is a statement between X and Y
    else:
        end = sentence[1]
    about_self = in_article or any(n.is_self and sentence[0] <= n.start < sentence[1] for n in mentions)
    if not about_self:
        return None
    tail = clean[m.end : end]
    for name, regex in pr.TRAILING_CUE_RES:
        if cue := regex.search(tail):
            return _Label(SELF, name, cue.group(0).strip())
    return None


def _lead(layout: Layout, clean: str) -> tuple[int, int]:
    """Trích yếu and preamble; without sections (a công văn) the preamble's first paragraph only."""
    start = layout.title_span.start if layout.title_span else 0
    if layout.sections:
        return start, layout.sections[0].span.start
    if layout.preamble is None:
        return start, layout.title_span.end if layout.title_span else 0
    end = layout.preamble.start
    for m in pr.PARAGRAPH_RE.finditer(clean, layout.preamble.start, layout.preamble.end):
        end = m.end()
        if not pr.SALUTATION_RE.match(m.group(0)):
            break
    return start, end


def _sentence(clean: str, pos: int) -> tuple[int, int]:
    start = 0
    for b in pr.SENTENCE_BREAK_RE.finditer(clean, max(0, pos - SENTENCE_LOOKBACK), pos):
        start = b.end()
    nxt = pr.SENTENCE_BREAK_RE.search(clean, pos)
    return start, (nxt.end() if nxt else len(clean))


def _evidence(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _nearest_cue(gap: str) -> tuple[str, str] | None:
    weak = pr.WEAK_CITE_CUE_RE.search(gap)
    best: tuple[int, int, str, str] | None = None
    for rank, (name, regex) in enumerate(pr.CUE_RES):
        for m in regex.finditer(gap):
            cand = (m.end(), -rank, name, m.group(0))
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None:
        return ("cites", weak.group(0)) if weak else None
    return best[2], best[3]


def _label(
    m: Mention,
    prev: Mention | None,
    gap: str,
    keys: dict[str, str],
    labels: dict[int, _Label],
    *,
    in_lead: bool,
    in_article: bool,
) -> _Label:
    if in_lead and (prev is None or prev.is_self) and (attached := pr.ATTACHED_TO_CUE_RE.search(gap)):
        return _Label(keys[m.group], "approves", " ".join(attached.group(0).split()), SELF)
    cue = _nearest_cue(gap[gap.rfind(";") + 1 :])  # "X về thực hiện …; Y": X's description cues nothing for Y
    if prev is not None and not prev.is_self:
        return _after_reference(m, prev, gap, cue, keys, labels, in_lead=in_lead)
    if cue is None:
        return _Label(SELF, "cites", "")
    name, text = cue
    if prev is not None and prev.is_self and name in _SELF_CHANGES | {"implements"}:
        return _Label(SELF, name, text)
    if in_lead and name in _SELF_CHANGES | {"implements", "based_on", "approves"}:
        return _Label(SELF, name, text)
    if in_article and name in _SELF_CHANGES:
        return _Label(SELF, name, text)
    return _Label(SELF, "cites", "")


def _after_reference(
    m: Mention,
    prev: Mention,
    gap: str,
    cue: tuple[str, str] | None,
    keys: dict[str, str],
    labels: dict[int, _Label],
    *,
    in_lead: bool,
) -> _Label:
    """Label of a mention that follows another reference in the same sentence."""
    prev_key, key = keys[prev.group], keys[m.group]
    same_clause = prev.group != m.group and not pr.CLAUSE_BREAK_RE.search(gap)
    if same_clause and (described := _described_implements(gap)):
        return _Label(prev_key, "implements", described)
    if cue and same_clause and cue[0] in _PASSIVE:
        return _Label(key, _PASSIVE[cue[0]], cue[1], prev_key)
    if cue and same_clause and cue[0] in _BETWEEN:
        return _Label(prev_key, cue[0], cue[1])
    if cue and in_lead and cue[0] in {"implements", "based_on"}:
        return _Label(SELF, cue[0], cue[1])
    inherited = labels.get(prev.start)
    if cue is None and inherited is not None and inherited.object is None:
        return inherited
    return _Label(SELF, "cites", "")


def _described_implements(gap: str) -> str | None:
    """The cue of a reference described as implementing the next one, or None.

    "X về thực hiện Y" and "X, ngày … của Chính phủ ban hành Chương trình hành động … thực hiện Y".
    """
    if described := pr.DESCRIBED_IMPLEMENTS_RE.match(gap):
        return described.group(0).strip()
    programme = pr.ISSUES_PROGRAMME_RE.search(gap)
    if programme is None or pr.LIST_AND_RE.search(gap, 0, programme.start()):
        return None
    if pr.IMPLEMENTING_END_RE.search(gap, programme.end()) is None:
        return None
    return " ".join(gap[programme.start() :].split())


def _record(
    label: _Label,
    key: str,
    evidence: Span,
    self_best: dict[str, Relation],
    between: dict[tuple[str, str, str], Relation],
) -> None:
    if label.subject == SELF:
        _keep_self(SELF, label.predicate, key, evidence, label.cue, self_best)
        return
    obj = label.object or key
    if label.subject != obj:
        predicate: RelationKind = label.predicate  # type: ignore[assignment]
        triple = (label.subject, predicate, obj)
        between.setdefault(triple, Relation(label.subject, predicate, obj, evidence, label.cue))
    _keep_self(SELF, "cites", key, evidence, "", self_best)


def _keep_self(
    subject: str, predicate: str, key: str, evidence: Span, cue: str, self_best: dict[str, Relation]
) -> None:
    kind: RelationKind = predicate  # type: ignore[assignment]
    old = self_best.get(key)
    if old is None or SELF_STRENGTH.index(kind) < SELF_STRENGTH.index(old.predicate):
        self_best[key] = Relation(subject, kind, key, evidence, cue)


def _implement_approved(
    self_best: dict[str, Relation], between: dict[tuple[str, str, str], Relation]
) -> None:
    """What an implemented document approves or implements is implemented too.

    "Thực hiện Kế hoạch số 146-KH/HU … về thực hiện Chỉ thị số 34-CT/TW": this
    document implements both, and 146-KH/HU implements 34-CT/TW.
    """
    for (subject, predicate, obj), rel in between.items():
        implemented = self_best.get(subject)
        if predicate in _CHAINED and implemented is not None and implemented.predicate == "implements":
            _keep_self(SELF, "implements", obj, rel.evidence, _CHAINED[predicate], self_best)


def self_relations(relations: tuple[Relation, ...], kind: str) -> list[str]:
    """Keys of the documents this document relates to by ``kind``, in order."""
    return [r.object for r in relations if r.subject == SELF and r.predicate == kind]


def is_between(relation: Relation) -> bool:
    """True for a statement between two other documents."""
    return relation.subject != SELF
