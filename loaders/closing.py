"""The closing block of a document: Nơi nhận (with "Như trên" expanded to the Kính gửi addressees)
and the signature (capacity, position, signer), as laid out by NĐ 30/2020 and HD 36-HD/VPTW.

Functions take the logical lines of :mod:`loaders.lines`; every span indexes the source text.
"""

from __future__ import annotations

from loaders.clean import collapse, is_caps, normalize, org_case, position_case
from loaders.lines import Line
from loaders.lines import trimmed_span as _span
from loaders.models import Recipient, Span
from loaders.patterns import layout as pl


def recipients(text: str, lines: list[Line], tail: int) -> tuple[Recipient, ...]:
    """The Nơi nhận items from line index ``tail`` on ("Lưu …" archive lines dropped)."""
    idx = next((i for i in range(tail, len(lines)) if pl.RECIPIENTS_RE.match(lines[i].text)), None)
    if idx is None:
        return ()
    items: list[list[int]] = []
    first = lines[idx]
    m = pl.RECIPIENTS_RE.match(normalize(text[first.start : first.end]))
    if m and text[first.start + m.end() : first.end].strip(" *:\t"):
        items.append([first.start + m.end(), first.end])
    for ln in lines[idx + 1 :]:
        if pl.BULLET_RE.match(ln.text) or pl.SUBBULLET_RE.match(ln.text):
            items.append([ln.start, ln.end])
        elif items and ln.text[:1].islower():
            items[-1][1] = ln.end
        elif not (pl.SIGNATURE_PREFIX_RE.match(ln.text) or is_caps(ln.text)):
            break  # the signature column printed beside Nơi nhận is skipped
    out = []
    for start, end in items:
        rec = _recipient(text, start, end)
        if rec is not None:
            out.append(rec)
    return tuple(out)


def addressees(text: str, lines: list[Line], first: int) -> tuple[Recipient, ...]:
    """The Kính gửi list right after the trích yếu: on the same line, or one bullet per line."""
    idx = next(
        (i for i in range(first, min(first + 3, len(lines))) if pl.ADDRESSEES_RE.match(lines[i].text)), None
    )
    if idx is None:
        return ()
    head = lines[idx]
    m = pl.ADDRESSEES_RE.match(normalize(text[head.start : head.end]))
    spans = (
        [(head.start + m.end(), head.end)] if m and text[head.start + m.end() : head.end].strip(" *:") else []
    )
    for ln in lines[idx + 1 :] if not spans else ():
        if not pl.BULLET_RE.match(ln.text):
            break
        spans.append((ln.start, ln.end))
    found = (_recipient(text, start, end) for start, end in spans)
    return tuple(r for r in found if r is not None)


def with_addressees(
    recipients: tuple[Recipient, ...], addressees: tuple[Recipient, ...]
) -> tuple[Recipient, ...]:
    """Nơi nhận with its "Như trên" item replaced by the Kính gửi addressees it stands for."""
    out: list[Recipient] = []
    for r in recipients:
        out.extend(addressees if pl.AS_ABOVE_RE.match(r.text) and addressees else (r,))
    return tuple(out)


def _recipient(text: str, start: int, end: int) -> Recipient | None:
    raw = normalize(text[start:end])
    lead = len(raw) - len(raw.lstrip(" -+•\t"))
    body = collapse(raw[lead:]).rstrip(",;. ")
    if not body or pl.ARCHIVE_RE.match(body):
        return None
    flag = pl.FOR_REPORT_RE.search(body)
    if flag:
        body = collapse(body[: flag.start()] + body[flag.end() :]).rstrip(",;. ")
    return Recipient(body, flag is not None, _span(text, start + lead, end))


def signature(
    text: str, lines: list[Line], tail: int
) -> tuple[str | None, str | None, str | None, Span | None]:
    """Capacity ("T/M Ban Thường vụ; KT. Chủ tịch"), signer position, signer name and the block's span."""
    idx = next((i for i in range(tail, len(lines)) if pl.SIGNATURE_PREFIX_RE.match(lines[i].text)), None)
    if idx is None:
        idx = next((i for i in range(tail, len(lines)) if pl.POSITION_RE.match(lines[i].text)), None)
    if idx is None:
        return None, None, None, None
    caps: list[str] = []
    titles: list[str] = []
    block = _block(lines, idx)
    for j in block:
        m = pl.SIGNATURE_PREFIX_RE.match(lines[j].text)
        if m:
            body = m.group("prefix") in {"T/M", "TM."} or pl.PARTY_ORGAN_RE.match(m.group("rest")) is not None
            rest = org_case(m.group("rest")) if body else position_case(m.group("rest"))
            caps.append(f"{m.group('prefix')} {rest}".strip())
        else:
            titles.append(lines[j].text)
    last = lines[block[-1]]
    position = titles[-1] if titles else _person_position(last.text)
    signer, end = _signer(lines, block[-1] + 1)
    span = _span(text, lines[idx].start, end if end else last.end)
    return ("; ".join(caps) or None), (position_case(position) if position else None), signer, span


def _block(lines: list[Line], idx: int) -> list[int]:
    """Indices of the capacity and position lines from ``idx``, skipping a Nơi nhận column printed beside them."""
    out = []
    for j in range(idx, len(lines)):
        t = lines[j].text
        if pl.SIGNATURE_PREFIX_RE.match(t) or is_caps(t):
            out.append(j)
        elif not (pl.BULLET_RE.match(t) or pl.RECIPIENTS_RE.match(t)):
            break
    return out


def _person_position(line: str) -> str | None:
    """The position in "KT. CHỦ TỊCH" (a person); None for "T/M BAN BÍ THƯ" (a body)."""
    m = pl.SIGNATURE_PREFIX_RE.match(line)
    if m is None:
        return line if pl.POSITION_RE.match(line) else None
    return m.group("rest") if m.group("prefix") not in {"T/M", "TM."} and m.group("rest") else None


def _signer(lines: list[Line], j: int) -> tuple[str | None, int]:
    for ln in lines[j:]:
        if pl.RECIPIENTS_RE.match(ln.text) or pl.BULLET_RE.match(ln.text):
            continue
        m = pl.NAME_LINE_RE.match(ln.text)
        if m and not pl.POSITION_RE.match(ln.text):
            name = m.group("name")
            return (name.title() if is_caps(name) else name), ln.end
    return None, 0
