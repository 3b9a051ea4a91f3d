"""Small factories of ParsedDocument objects for graph-side tests.

The texts are invented for the tests (never copied from real documents); spans
are computed by searching the text, so ``text[span.start:span.end] == quote``.
Other engineers may add factories here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from loaders.models import (
    NATIONAL,
    SELF,
    AdminUnit,
    Agency,
    Deadline,
    DocumentId,
    Jurisdiction,
    Layout,
    ParsedDocument,
    PartialDate,
    Recipient,
    Reference,
    Relation,
    SourceText,
    Span,
    Target,
    Task,
)

LONG_AN = Jurisdiction((AdminUnit("province", "tỉnh", "Long An", "80"),))
HAU_GIANG = Jurisdiction((AdminUnit("province", "tỉnh", "Hậu Giang", "93"),))
CAN_DUOC = Jurisdiction((AdminUnit("district", "huyện", "Cần Đước", "806"), *LONG_AN.units))


def span_of(text: str, quote: str, after: int = 0) -> Span:
    """The span of the first ``quote`` in ``text`` at or after ``after``."""
    start = text.index(quote, after)
    return Span(start, start + len(quote), quote)


def make_agency(
    name: str, jurisdiction: Jurisdiction = NATIONAL, *, key: str | None = None, **kw: Any
) -> Agency:
    """An agency whose key is its lower-cased name unless given."""
    return Agency(name=name, key=key or name.lower(), jurisdiction=jurisdiction, as_written=name, **kw)


def make_layout(**overrides: Any) -> Layout:
    """A Layout with every field empty except those given."""
    fields: dict[str, Any] = {
        "family": "party",
        "header_org": None,
        "number": None,
        "symbol": None,
        "number_span": None,
        "place": None,
        "date": None,
        "date_span": None,
        "doc_type": None,
        "author_line": None,
        "title": None,
        "title_span": None,
        "preamble": None,
        "sections": (),
        "recipients": (),
        "signature_capacity": None,
        "signer_position": None,
        "signer": None,
        "signature_span": None,
        "body_end": 0,
    }
    fields.update(overrides)
    return Layout(**fields)


def make_document(
    *,
    text: str = "",
    source: str = "doc.txt",
    identity: DocumentId | None = None,
    layout: Layout | None = None,
    jurisdiction: Jurisdiction = NATIONAL,
    **kw: Any,
) -> ParsedDocument:
    """A ParsedDocument; defaults describe Chỉ thị 34-CT/TW of 24/05/2024 with nothing extracted."""
    identity = identity or DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34")
    layout = layout or make_layout(
        number="34-CT/TW",
        symbol="CT/TW",
        doc_type="Chỉ thị",
        date=PartialDate(2024, 5, 24),
        body_end=len(text),
    )
    return ParsedDocument(
        source=SourceText(source, text),
        layout=layout,
        identity=identity,
        issuer=kw.pop("issuer", None),
        issuer_agency=kw.pop("issuer_agency", None),
        jurisdiction=jurisdiction,
        **kw,
    )


DIRECTIVE_TEXT = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số 34-CT/TW
Hà Nội, ngày 24 tháng 5 năm 2024
CHỈ THỊ
của Ban Bí thư về đẩy mạnh số hóa hồ sơ lưu trữ của các cấp ủy
Các tỉnh ủy, thành ủy xây dựng kế hoạch thực hiện Chỉ thị này.
T/M BAN BÍ THƯ
Nguyễn Văn Một
"""

PROVINCE_TEXT = """TỈNH ỦY LONG AN
Số 146-KH/TU
Long An, ngày 10 tháng 7 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư về số hóa hồ sơ lưu trữ
Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.
Căn cứ Luật Lưu trữ năm 2024.
1. Văn phòng Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ số hóa 3.000 hồ sơ trước ngày 31/12/2025, báo cáo Ban Thường vụ Tỉnh ủy.
Đạt ít nhất 3.000 hồ sơ được số hóa trong giai đoạn 2024-2025.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Thị Hai
Nơi nhận:
- Ban Bí thư (để b/c),
- Các huyện ủy.
"""

DISTRICT_TEXT = """HUYỆN ỦY CẦN ĐƯỚC
Số 21-KH/HU
Cần Đước, ngày 02 tháng 8 năm 2024
KẾ HOẠCH
thực hiện Kế hoạch số 146-KH/TU của Ban Thường vụ Tỉnh ủy
Thực hiện Kế hoạch số 146-KH/TU ngày 10/7/2024 của Ban Thường vụ Tỉnh ủy Long An, Ban Thường vụ Huyện ủy ban hành Kế hoạch.
Nghị quyết 02-NQ/TU sửa đổi, bổ sung Nghị quyết 09-NQ/TU.
1. Văn phòng Huyện ủy hằng quý báo cáo tiến độ.
"""


def directive() -> ParsedDocument:
    """Chỉ thị 34-CT/TW (national), the top of the chain."""
    text = DIRECTIVE_TEXT
    layout = make_layout(
        number="34-CT/TW",
        symbol="CT/TW",
        doc_type="Chỉ thị",
        date=PartialDate(2024, 5, 24),
        place="Hà Nội",
        title="về đẩy mạnh số hóa hồ sơ lưu trữ của các cấp ủy",
        signature_capacity="T/M Ban Bí thư",
        signer="Nguyễn Văn Một",
        body_end=len(text),
    )
    issuer = make_agency("Ban Bí thư", key="ban bi thu")
    return make_document(
        text=text, source="ct34.txt", layout=layout, issuer="Ban Bí thư", issuer_agency=issuer
    )


def province_plan() -> ParsedDocument:
    """Kế hoạch 146-KH/TU of Long An implementing 34-CT/TW, with a task and a target."""
    text = PROVINCE_TEXT
    identity = DocumentId(LONG_AN, "TU", "KH", 2024, 7, 10, "146")
    layout = make_layout(
        number="146-KH/TU",
        symbol="KH/TU",
        doc_type="Kế hoạch",
        date=PartialDate(2024, 7, 10),
        place="Long An",
        title="thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư về số hóa hồ sơ lưu trữ",
        recipients=(Recipient("Ban Bí thư", for_report=True), Recipient("Các huyện ủy")),
        signature_capacity="T/M Ban Thường vụ",
        signer_position="Phó Bí thư",
        signer="Trần Thị Hai",
        body_end=len(text),
    )
    ct34 = Reference(
        key="34-CT/TW",
        kind="numbered",
        doc_type="Chỉ thị",
        number="34-CT/TW",
        symbol="CT/TW",
        date=PartialDate(2024, 5, 24),
        issuer="Ban Bí thư",
        identity=DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34"),
        mentions=(span_of(text, "Chỉ thị số 34-CT/TW"),),
    )
    law = Reference(
        key="Luật Lưu trữ 2024",
        kind="law",
        doc_type="Luật",
        title="Lưu trữ",
        date=PartialDate(2024),
        mentions=(span_of(text, "Luật Lưu trữ năm 2024"),),
    )
    sentence = "Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch."
    relations = (
        Relation(SELF, "implements", "34-CT/TW", span_of(text, sentence), cue="Thực hiện"),
        Relation(
            SELF,
            "based_on",
            "Luật Lưu trữ 2024",
            span_of(text, "Căn cứ Luật Lưu trữ năm 2024."),
            cue="Căn cứ",
        ),
    )
    office = make_agency("Văn phòng Tỉnh ủy", LONG_AN, parent_key="tỉnh ủy")
    home = make_agency("Sở Nội vụ", LONG_AN)
    standing = make_agency("Ban Thường vụ Tỉnh ủy", LONG_AN)
    task_line = text[text.index("1. Văn phòng Tỉnh ủy") : text.index("\nĐạt")]
    task = Task(
        local_id="1-1",
        text=task_line[3:],
        span=span_of(text, task_line),
        assignee=office,
        partners=(home,),
        report_to=(standing,),
        deadline=Deadline(
            "trước ngày 31/12/2025", "date", end="2025-12-31", span=span_of(text, "trước ngày 31/12/2025")
        ),
    )
    target = Target(
        quantity=3000.0,
        unit="hồ sơ",
        span=span_of(text, "ít nhất 3.000 hồ sơ"),
        period="giai đoạn 2024-2025",
        period_start=2024,
        period_end=2025,
        scope="hồ sơ được số hóa",
        qualifier="at_least",
    )
    return make_document(
        text=text,
        source="kh146.txt",
        identity=identity,
        layout=layout,
        jurisdiction=LONG_AN,
        issuer="Ban Thường vụ Tỉnh ủy Long An",
        issuer_agency=standing,
        references=(ct34, law),
        relations=relations,
        agencies=(office, home, standing),
        tasks=(task,),
        targets=(target,),
    )


def district_plan() -> ParsedDocument:
    """Kế hoạch 21-KH/HU of Cần Đước implementing 146-KH/TU; states 02-NQ/TU amends 09-NQ/TU."""
    text = DISTRICT_TEXT
    identity = DocumentId(CAN_DUOC, "HU", "KH", 2024, 8, 2, "21")
    layout = make_layout(
        number="21-KH/HU",
        symbol="KH/HU",
        doc_type="Kế hoạch",
        date=PartialDate(2024, 8, 2),
        place="Cần Đước",
        title="thực hiện Kế hoạch số 146-KH/TU của Ban Thường vụ Tỉnh ủy",
        body_end=len(text),
    )
    kh146 = Reference(
        key="146-KH/TU",
        kind="numbered",
        doc_type="Kế hoạch",
        number="146-KH/TU",
        date=PartialDate(2024, 7, 10),
        issuer="Ban Thường vụ Tỉnh ủy Long An",
        identity=DocumentId(LONG_AN, "TU", "KH", 2024, 7, 10, "146"),
        mentions=(span_of(text, "Kế hoạch số 146-KH/TU"),),
    )
    nq02 = Reference(
        key="02-NQ/TU",
        kind="numbered",
        doc_type="Nghị quyết",
        number="02-NQ/TU",
        identity=DocumentId(LONG_AN, "TU", "NQ", number="02"),
        mentions=(span_of(text, "Nghị quyết 02-NQ/TU"),),
    )
    nq09 = Reference(
        key="09-NQ/TU", kind="numbered", doc_type="Nghị quyết", number="09-NQ/TU",
        mentions=(span_of(text, "Nghị quyết 09-NQ/TU"),),
    )  # fmt: skip
    sentence = span_of(text, "Thực hiện Kế hoạch số 146-KH/TU ngày 10/7/2024")
    amend = span_of(text, "Nghị quyết 02-NQ/TU sửa đổi, bổ sung Nghị quyết 09-NQ/TU.")
    relations = (
        Relation(SELF, "implements", "146-KH/TU", sentence, cue="Thực hiện"),
        Relation("02-NQ/TU", "amends", "09-NQ/TU", amend, cue="sửa đổi, bổ sung"),
    )
    office = make_agency("Văn phòng Huyện ủy", CAN_DUOC)
    line = "Văn phòng Huyện ủy hằng quý báo cáo tiến độ."
    task = Task(
        "1-1", line, span_of(text, line), office, deadline=Deadline("hằng quý", "recurring", recurrence="P3M")
    )
    return make_document(
        text=text,
        source="kh21.txt",
        identity=identity,
        layout=layout,
        jurisdiction=CAN_DUOC,
        issuer="Ban Thường vụ Huyện ủy Cần Đước",
        issuer_agency=make_agency("Ban Thường vụ Huyện ủy", CAN_DUOC),
        references=(kh146, nq02, nq09),
        relations=relations,
        tasks=(task,),
    )


def resolution_02(jurisdiction: Jurisdiction, month: int = 3) -> ParsedDocument:
    """A Nghị quyết 02-NQ/TU of the province ``jurisdiction`` (every province has its own)."""
    name = jurisdiction.units[0].name
    identity = DocumentId(jurisdiction, "TU", "NQ", 2021, month, 15, "02")
    layout = make_layout(
        number="02-NQ/TU",
        symbol="NQ/TU",
        doc_type="Nghị quyết",
        date=PartialDate(2021, month, 15),
        title=f"về phát triển kinh tế số tỉnh {name}",
    )
    return make_document(
        text=f"TỈNH ỦY {name.upper()}\nSố 02-NQ/TU\n",
        source=f"nq02-{identity.month}.txt",
        identity=identity,
        layout=layout,
        jurisdiction=jurisdiction,
    )


def with_changes(doc: ParsedDocument, **changes: Any) -> ParsedDocument:
    """A copy of ``doc`` with some fields replaced."""
    return replace(doc, **changes)


XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(1)</script>"
HOSTILE_TEXT = f"""ỦY BAN NHÂN DÂN TỈNH LONG AN
Số 7-KH/UBND
KẾ HOẠCH
về {XSS_IMG} {XSS_SCRIPT} href="javascript:alert(1)"
1. Sở {XSS_IMG} href chủ trì {XSS_SCRIPT} rà soát hồ sơ href=x.
"""


def hostile_plan() -> ParsedDocument:
    """A plan whose title, agency name and task text carry script payloads and ``href`` (HTML tests)."""
    text = HOSTILE_TEXT
    identity = DocumentId(LONG_AN, "UBND", "KH", 2024, 9, 1, "7")
    title_line = text.splitlines()[3]
    layout = make_layout(
        number="7-KH/UBND", symbol="KH-UBND", doc_type="Kế hoạch", date=PartialDate(2024, 9, 1),
        title=title_line[3:], body_end=len(text),
    )  # fmt: skip
    agency = make_agency(f"Sở {XSS_IMG} href", LONG_AN, key="so hostile")
    task_line = text.splitlines()[4]
    task = Task("1-1", task_line[3:], span_of(text, task_line), agency)
    return make_document(
        text=text, source="hostile.txt", identity=identity, layout=layout, jurisdiction=LONG_AN,
        issuer=f"Ủy ban {XSS_SCRIPT}", issuer_agency=agency, agencies=(agency,), tasks=(task,),
    )  # fmt: skip


SMALL_PLAN_TEXT = (
    "Số 5-KH/TU\nThực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024.\n"
    "1. Sở Nội vụ rà soát trước ngày 30/6/2025.\nĐạt 90% hồ sơ.\n"
)


def small_plan() -> ParsedDocument:
    """Kế hoạch 5-KH/TU of Long An: one relation, one task with a deadline, one target (golden graph)."""
    text = SMALL_PLAN_TEXT
    ct34 = Reference(
        "34-CT/TW",
        "numbered",
        "Chỉ thị",
        "34-CT/TW",
        "CT/TW",
        PartialDate(2024, 5, 24),
        identity=DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34"),
        mentions=(span_of(text, "Chỉ thị số 34-CT/TW"),),
    )
    sentence = span_of(text, "Thực hiện Chỉ thị số 34-CT/TW ngày 24/5/2024.")
    duty = span_of(text, "Sở Nội vụ rà soát trước ngày 30/6/2025.")
    task = Task(
        "1-1",
        duty.quote,
        duty,
        make_agency("Sở Nội vụ", LONG_AN),
        deadline=Deadline("trước ngày 30/6/2025", "date", end="2025-06-30"),
    )
    return make_document(
        text=text,
        source="kh5.txt",
        identity=DocumentId(LONG_AN, "TU", "KH", 2025, 1, 6, "5"),
        layout=make_layout(
            number="5-KH/TU",
            symbol="KH/TU",
            doc_type="Kế hoạch",
            date=PartialDate(2025, 1, 6),
            title="rà soát hồ sơ",
            body_end=len(text),
        ),
        jurisdiction=LONG_AN,
        references=(ct34,),
        relations=(Relation(SELF, "implements", "34-CT/TW", sentence),),
        tasks=(task,),
        targets=(Target(90.0, "%", span_of(text, "90% hồ sơ")),),
    )


def chain_documents() -> list[ParsedDocument]:
    """Chỉ thị 34-CT/TW → Long An plan 146-KH/TU → Cần Đước plan 21-KH/HU, and two 02-NQ/TU."""
    return [
        directive(),
        province_plan(),
        district_plan(),
        resolution_02(LONG_AN),
        resolution_02(HAU_GIANG, 4),
    ]


def chain_store() -> Any:
    """An in-memory OxigraphStore holding :func:`chain_documents`."""
    from graph.build import build_graph
    from graph.store_oxigraph import OxigraphStore

    store = OxigraphStore(None)
    store.replace_graphs(build_graph(doc) for doc in chain_documents())
    return store
