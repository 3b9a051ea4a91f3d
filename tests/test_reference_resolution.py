"""Tests for loaders.reference_resolution: identity scoping of referenced documents, derived issuers."""

from __future__ import annotations

import pytest

from loaders.layout import segment
from loaders.models import NATIONAL, AdminUnit, DocumentId, Jurisdiction, PartialDate
from loaders.reference_resolution import derived_issuer, issuer_jurisdiction, reference_identity
from loaders.references import extract_references

LONG_AN = AdminUnit("province", "tỉnh", "Long An", "80")
CAN_DUOC = AdminUnit("district", "huyện", "Cần Đước", "806")
DISTRICT = Jurisdiction((CAN_DUOC, LONG_AN))
HAI_PHONG = AdminUnit("province", "thành phố", "Hải Phòng", "31")
COMMUNE = Jurisdiction((AdminUnit("commune", "xã", "Hà Bắc", "10816"), HAI_PHONG))


def identity_of(text: str, citing: Jurisdiction) -> DocumentId | None:
    refs, _, _ = extract_references(text, segment(text), citing)
    assert len(refs) == 1
    return refs[0].identity


@pytest.mark.parametrize(
    ("text", "citing", "expected"),
    [
        (
            "Thực hiện Nghị quyết số 94-NQ/TU, ngày 26/8/2024 của Ban Thường vụ Tỉnh ủy",
            DISTRICT,
            DocumentId(Jurisdiction((LONG_AN,)), "TU", "NQ", 2024, 8, 26, "94"),
        ),
        (
            "Thực hiện Chỉ thị số 34-CT/TW, ngày 24/5/2024 của Ban Bí thư",
            DISTRICT,
            DocumentId(NATIONAL, "TW", "CT", 2024, 5, 24, "34"),
        ),
        (
            "theo Quyết định số 338/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ",
            COMMUNE,
            DocumentId(NATIONAL, "TTg", "QĐ", 2023, 4, 3, "338"),
        ),
        (
            "Thực hiện Nghị quyết số 02-NQ/TU, ngày 10/12/2025 của Ban Chấp hành Đảng bộ thành phố Hải Phòng",
            COMMUNE,
            DocumentId(Jurisdiction((HAI_PHONG,)), "TU", "NQ", 2025, 12, 10, "2"),
        ),
        (
            "theo Kế hoạch số 57-KH/HU ngày 3/4/2024 của Ban Thường vụ Huyện ủy",
            DISTRICT,
            DocumentId(DISTRICT, "HU", "KH", 2024, 4, 3, "57"),
        ),
        (
            "theo Nghị định số 100/2015/NĐ-CP của Chính phủ",
            DISTRICT,
            DocumentId(NATIONAL, "CP", "NĐ", 2015, None, None, "100"),
        ),
    ],
)
def test_identity_is_scoped_by_the_citing_jurisdiction(
    text: str, citing: Jurisdiction, expected: DocumentId
) -> None:
    assert identity_of(text, citing) == expected


@pytest.mark.parametrize(
    "text",
    [
        "theo Quyết định số 338/QĐ-TTg của Thủ tướng Chính phủ",  # administrative symbol without a year
        "Thực hiện Nghị quyết số 94-NQ/TU của Ban Thường vụ Tỉnh ủy",  # Party symbol without a date
        "theo Kế hoạch số 217/KH-UBND ngày 20/11/2023",  # UBND of unknown level
    ],
)
def test_unresolvable_references_get_no_identity(text: str) -> None:
    assert identity_of(text, DISTRICT) is None


def test_hu_symbol_cited_from_a_province_is_unresolved() -> None:
    assert issuer_jurisdiction("HU", None, Jurisdiction((LONG_AN,))) is None


def test_ubnd_level_comes_from_the_issuer_phrase() -> None:
    assert issuer_jurisdiction("UBND", "Ủy ban nhân dân tỉnh", DISTRICT) == Jurisdiction((LONG_AN,))
    assert issuer_jurisdiction("UBND", "UBND huyện", DISTRICT) == DISTRICT


@pytest.mark.parametrize(
    ("authority", "citing", "issuer"),
    [
        ("BXD", NATIONAL, "Bộ Xây dựng"),
        ("TTg", DISTRICT, "Thủ tướng Chính phủ"),
        ("QH15", NATIONAL, "Quốc hội"),
        ("TU", DISTRICT, "Tỉnh ủy Long An"),
        ("BTGTU", DISTRICT, "Ban Tuyên giáo Tỉnh ủy Long An"),
        ("SXD", DISTRICT, "Sở Xây dựng Long An"),
        ("UBND", DISTRICT, "Ủy ban nhân dân tỉnh Long An"),
        ("XYZ", DISTRICT, None),
    ],
)
def test_derived_issuer(authority: str, citing: Jurisdiction, issuer: str | None) -> None:
    assert derived_issuer(authority, citing) == issuer


def test_reference_identity_keeps_only_date_parts_of_the_same_year() -> None:
    identity = reference_identity(
        authority="CP",
        type_code="NĐ",
        number="49",
        year=2021,
        date=PartialDate(2020, 12, 1),
        issuer_text=None,
        citing=NATIONAL,
    )
    assert identity == DocumentId(NATIONAL, "CP", "NĐ", 2021, None, None, "49")
