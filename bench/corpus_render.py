"""Render a :class:`DocSpec` as the text of a policy document, in the seeds' layouts.

Three layouts: a Party document (``Số 12-KH/TU`` under ``*``), a State document
(``Số: 45/KH-UBND`` with place and date line) and a State document converted from
Word to markdown (``## KẾ HOẠCH``, ``#### I. ...``, ``**2. Sở X:** ...``).
Some Party documents are hard-wrapped as if extracted from a PDF.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap

from bench.corpus_plan import Assignment, DocRef, DocSpec
from bench.vocab import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    MEASURE_SENTENCES,
    MIDDLE_NAMES,
    PURPOSE_SENTENCES,
    REQUIREMENT_SENTENCES,
    TOPICS,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def render(spec: DocSpec) -> str:
    """The full text of the document ``spec`` describes."""
    rng = random.Random(spec.seed)
    head = _header(spec)
    if spec.kind == "amendment":
        body = _amendment_body(spec, rng)
    elif spec.level == "central":
        body = _central_body(spec, rng)
    else:
        body = _plan_body(spec, rng)
    text = "\n\n".join([*head, *body, *_closing(spec, rng)]) + "\n"
    return _wrap(text) if spec.wrapped else text


def cite(ref: DocRef) -> str:
    """ "Kế hoạch số 12-KH/TU ngày 3/6/2024 của Ban Thường vụ Tỉnh ủy về ..." """
    d = ref.issued
    return f"{ref.doc_type} số {ref.key} ngày {d.day}/{d.month}/{d.year} của {ref.issuer} {ref.about}"


def fmt_quantity(q: int) -> str:
    """Vietnamese thousands separator: 71250 → "71.250"."""
    return f"{q:,}".replace(",", ".")


def _date_line(spec: DocSpec) -> str:
    place = spec.commune.name if spec.commune else (spec.province.name if spec.province else "Hà Nội")
    d = spec.issued
    if spec.partial_date:
        return f"{place}, ngày    tháng {d.month} năm {d.year}"
    return f"{place}, ngày {d.day} tháng {d.month} năm {d.year}"


def _header(spec: DocSpec) -> list[str]:
    if spec.family == "party":
        org = _party_org(spec)
        return [
            org + "\n*",
            f"Số {spec.number}",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            _date_line(spec),
            *_type_block(spec),
        ]
    number = f"Số: {spec.number or '/' + spec.symbol}"
    lines = [number, _date_line(spec), *_type_block(spec)]
    if spec.markdown:
        return lines
    org = "THỦ TƯỚNG CHÍNH PHỦ" if spec.level == "central" else "ỦY BAN NHÂN DÂN\n" + _unit_upper(spec)
    return [org + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", *lines]


def _party_org(spec: DocSpec) -> str:
    if spec.level == "central":
        return "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert spec.province is not None
    committee = "THÀNH ỦY" if spec.province.kind == "thành phố" else "TỈNH ỦY"
    if spec.commune is None:
        return f"{committee} {spec.province.name.upper()}"
    return f"ĐẢNG BỘ {spec.province.label().upper()}\nĐẢNG ỦY {spec.commune.label().upper()}"


def _unit_upper(spec: DocSpec) -> str:
    unit = spec.commune or spec.province
    return unit.label().upper() if unit else ""


def _type_block(spec: DocSpec) -> list[str]:
    title = _title(spec)
    kind = spec.doc_type.upper()
    if spec.markdown:
        return [f"## {kind}", f"### {title}"]
    if spec.level == "central" and spec.family == "party":
        return [f"{kind}\nCỦA {spec.issuer.upper()}\n{title}"]
    return [f"{kind}\n{title}"]


def _title(spec: DocSpec) -> str:
    topic = TOPICS[spec.topic]
    if spec.kind == "decision":
        return f"Phê duyệt Đề án “{topic.scheme}”"
    if spec.level == "central":
        return f"về {topic.about}"
    if spec.kind == "amendment":
        assert spec.amends is not None
        return f"Về việc sửa đổi, bổ sung một số nội dung của {_short(spec.amends)}"
    parent = spec.implements[0]
    if spec.level == "commune":
        return f"Về việc triển khai thực hiện {_short(parent)} trên địa bàn {spec.commune.label() if spec.commune else ''}"
    verb = "Thực hiện" if spec.family == "party" else "Triển khai thực hiện"
    return f"{verb} {cite(parent)}"


def _short(ref: DocRef) -> str:
    d = ref.issued
    return f"{ref.doc_type} số {ref.key} ngày {d.day}/{d.month}/{d.year} của {ref.issuer}"


def _preamble(spec: DocSpec) -> list[str]:
    basis = [f"Căn cứ {law};" for law in spec.based_on]
    unit = spec.commune or spec.province
    where = unit.label() if unit else ""
    actor = (
        spec.issuer_short if spec.level == "commune" or spec.family == "party" else f"Ủy ban nhân dân {where}"
    )
    sources = "; ".join(cite(ref) for ref in reversed(spec.implements))
    line = (
        f"Thực hiện {sources}, {actor} ban hành Kế hoạch triển khai thực hiện trên địa bàn {where} như sau:"
    )
    return [*basis, line]


def _section(spec: DocSpec, level: int, text: str) -> str:
    if not spec.markdown:
        return text
    return f"{'#' * level} {text}" if level != 2 else f"## **{text}**"


def _plan_body(spec: DocSpec, rng: random.Random) -> list[str]:
    parts = _preamble(spec)
    numbers = iter(ROMAN)
    parts.append(_section(spec, 4, f"{next(numbers)}. MỤC ĐÍCH, YÊU CẦU"))
    parts.append(_section(spec, 5, "1. Mục đích"))
    parts += [f"- {s}" for s in rng.sample(PURPOSE_SENTENCES, k=rng.randint(2, 4))]
    parts.append(_section(spec, 2, "2. Yêu cầu"))
    parts += [f"- {s}" for s in rng.sample(REQUIREMENT_SENTENCES, k=rng.randint(2, 3))]
    parts.append(_section(spec, 2, f"{next(numbers)}. MỤC TIÊU"))
    parts += _targets(spec)
    parts.append(_section(spec, 2, f"{next(numbers)}. NHIỆM VỤ, GIẢI PHÁP"))
    parts += _measures(spec, rng)
    parts.append(_section(spec, 2, f"{next(numbers)}. TỔ CHỨC THỰC HIỆN"))
    parts += _organisation(spec)
    return parts


def _targets(spec: DocSpec) -> list[str]:
    year = 2030 if spec.issued.year < 2028 else spec.issued.year + 3
    unit = spec.commune or spec.province
    where = unit.label() if unit else "cả nước"
    return [
        f"- Phấn đấu đến năm {year}, trên địa bàn {where} {t.text.format(q=fmt_quantity(t.quantity))}."
        for t in spec.targets
    ]


def _measures(spec: DocSpec, rng: random.Random) -> list[str]:
    topic = TOPICS[spec.topic]
    parts = []
    for k, task in enumerate(rng.sample(topic.tasks, k=4), start=1):
        parts.append(_section(spec, 5, f"{k}. {task[0].upper()}{task[1:]}"))
        parts += [f"- {s}" for s in rng.sample(MEASURE_SENTENCES, k=rng.randint(2, 4))]
    return parts


def _organisation(spec: DocSpec) -> list[str]:
    parts: list[str] = []
    for k, item in enumerate(spec.assignments, start=1):
        parts += _assignment(spec, k, item)
    lead = spec.assignments[0].agency if spec.assignments else "Văn phòng"
    parts.append(
        f"Định kỳ hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về {lead} để tổng hợp, "
        f"báo cáo {spec.issuer_short}./."
    )
    return parts


def _assignment(spec: DocSpec, k: int, item: Assignment) -> list[str]:
    partners = " và ".join(item.partners)
    lead = f"chủ trì, phối hợp với {partners} {item.tasks[0]}" if partners else f"chủ trì {item.tasks[0]}"
    duties = "; ".join([lead, *item.tasks[1:]])
    when = f" Thời gian thực hiện: {item.deadline}." if item.deadline else ""
    if item.layout == "heading":
        head = f"### **{k}. {item.agency}**" if spec.markdown else f"{k}. {item.agency}"
        rest = [f"- {t[0].upper()}{t[1:]}." for t in item.tasks[1:]]
        return [head, f"- C{lead[1:]}.{when}", *rest]
    if item.layout == "inline":
        return [f"**{k}. {item.agency}:** {duties}.{when}"]
    return [f"{k}. {item.agency} {duties}.{when}"]


def _central_body(spec: DocSpec, rng: random.Random) -> list[str]:
    if spec.kind == "decision":
        return _decision_body(spec, rng)
    topic = TOPICS[spec.topic]
    parts = [
        f"Thời gian qua, công tác {topic.about} đã đạt được những kết quả quan trọng; "
        "tuy nhiên vẫn còn những hạn chế, bất cập cần sớm khắc phục.",
        f"Để khắc phục hạn chế, {spec.issuer} yêu cầu các cấp ủy, tổ chức đảng, chính quyền thực hiện tốt các nhiệm vụ sau:",
        "I. NHIỆM VỤ, GIẢI PHÁP",
    ]
    for k, task in enumerate(topic.tasks, start=1):
        parts.append(f"{k}. {task[0].upper()}{task[1:]}. {' '.join(rng.sample(MEASURE_SENTENCES, k=2))}")
    parts += ["II. MỤC TIÊU", *_targets(spec), "III. TỔ CHỨC THỰC HIỆN", *_organisation(spec)]
    return parts


def _decision_body(spec: DocSpec, rng: random.Random) -> list[str]:
    topic = TOPICS[spec.topic]
    parts = [f"Căn cứ {law};" for law in spec.based_on]
    parts += [f"Theo đề nghị của Bộ trưởng {topic.ministry.removeprefix('Bộ ')}.", "QUYẾT ĐỊNH:"]
    parts.append(
        f"Điều 1. Phê duyệt Đề án “{topic.scheme}” (sau đây gọi tắt là Đề án) với những nội dung chủ yếu sau:"
    )
    parts.append("1. Mục tiêu")
    parts += _targets(spec)
    parts.append("2. Nhiệm vụ, giải pháp")
    parts += [f"- {t[0].upper()}{t[1:]}." for t in topic.tasks]
    parts.append(f"- {rng.choice(MEASURE_SENTENCES)}")
    parts.append("Điều 2. Tổ chức thực hiện")
    parts += _organisation(spec)
    parts.append("Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành.")
    return parts


def _amendment_body(spec: DocSpec, rng: random.Random) -> list[str]:
    assert spec.amends is not None and spec.province is not None
    topic = TOPICS[spec.topic]
    parts = [f"ỦY BAN NHÂN DÂN {spec.province.label().upper()}"]
    parts += [f"Căn cứ {law};" for law in spec.based_on]
    parts += [f"Theo đề nghị của Giám đốc {topic.department}.", "QUYẾT ĐỊNH:"]
    parts.append(f"Điều 1. Sửa đổi, bổ sung một số nội dung của {_short(spec.amends)} như sau:")
    parts.append("1. Sửa đổi mục II về mục tiêu như sau:")
    parts += _targets(spec)
    parts.append(f"2. Bổ sung nhiệm vụ: {rng.choice(topic.tasks)}.")
    parts.append("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Các nội dung khác giữ nguyên.")
    parts.append(
        f"Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc {topic.department} và thủ trưởng các "
        "cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./."
    )
    return parts


def _closing(spec: DocSpec, rng: random.Random) -> list[str]:
    name = f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
    recipients = "Nơi nhận:\n- Như trên;\n- Các cơ quan, đơn vị liên quan;\n- Lưu: VT."
    if spec.level == "central":
        capacity = "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG" if spec.family == "state" else f"T/M {spec.issuer.upper()}"
    elif spec.family == "party":
        capacity = "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"
    else:
        capacity = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    return [recipients, f"{capacity}\n\n{name}"]


def _wrap(text: str) -> str:
    """Hard-wrap long lines with a trailing space, as text pulled out of a PDF."""
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, width=84) if len(line) > 84 else [line]
    return " \n".join(lines)


def issued_iso(spec: DocSpec) -> str:
    """The date as the JSON contract prints it (``YYYY-MM`` for a partial date)."""
    d: dt.date = spec.issued
    return f"{d.year:04d}-{d.month:02d}" if spec.partial_date else d.isoformat()
