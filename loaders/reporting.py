"""Reporting duties: whom a task reports to, and who reports in a "Chế độ báo cáo" clause.

Both read the flat view of a task (see :class:`loaders.responsibilities.FlatText`):
"báo cáo kết quả định kỳ 6 tháng *về Ban Thường vụ Huyện ủy*", "gửi về Sở Xây dựng",
"các sở, ngành *có trách nhiệm báo cáo* …".
"""

from __future__ import annotations

from loaders.agencies import AgencyPhrase, resolve_agencies, split_agency_list, unique_agencies
from loaders.models import Agency, Jurisdiction
from loaders.patterns import tasks as pat

RELAY_LOOKBACK = 20
"""How far before a "báo cáo" cue a relay ("để tổng hợp,") is looked for."""


def report_recipients(flat: str, start: int, end: int, jurisdiction: Jurisdiction) -> tuple[Agency, ...]:
    """Who receives the reports of the task ``flat[start:end]``, in text order, each once.

    In a relay ("gửi Sở Xây dựng để tổng hợp, báo cáo UBND tỉnh và Chính phủ") the
    second hop is kept up to the document's own level: forwarding to the Government
    is the issuer's duty, not the task's.

    Parameters
    ----------
    flat
        The flat text of the task's item or sentence.
    start, end
        The task's bounds in ``flat``.
    jurisdiction
        The document's jurisdiction, in which bare agency names are resolved.

    Returns
    -------
    tuple of Agency
        Empty when the task reports to no one named.
    """
    found: list[Agency] = []
    for cue in pat.REPORT_RE.finditer(flat, start, end):
        position = cue.end()
        while position < end and flat[position] == " ":
            position += 1
        gap = pat.REPORT_RECIPIENT_RE.match(flat, position, end)
        phrases = split_agency_list(flat, gap.end() if gap else position, limit=end)
        recipients = resolve_agencies([p.text for p in phrases], jurisdiction)
        if pat.REPORT_RELAY_RE.search(flat, max(start, cue.start() - RELAY_LOOKBACK), cue.start()):
            recipients = tuple(
                r for r in recipients if jurisdiction.is_national or not r.jurisdiction.is_national
            )
        found.extend(recipients)
    return unique_agencies(found)


def reporter_phrases(flat: str, start: int, end: int) -> tuple[AgencyPhrase, ...]:
    """The agencies a reporting clause names as reporters ("các sở, ngành … có trách nhiệm báo cáo").

    Empty when the unit ``flat[start:end]`` names none.
    """
    reporter = pat.REPORTER_RE.search(flat, start, end)
    return split_agency_list(flat, reporter.start("who"), allow_weak=False) if reporter else ()
