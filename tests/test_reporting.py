"""Reporting duties: report recipients (relays, deadlines, gaps) and reporters of a clause."""

from __future__ import annotations

import pytest

from loaders.models import AdminUnit, Jurisdiction
from loaders.reporting import report_recipients, reporter_phrases

DISTRICT = Jurisdiction(
    (AdminUnit("district", "huyện", "Tây Sơn"), AdminUnit("province", "tỉnh", "Bình Định"))
)
PROVINCE = Jurisdiction((AdminUnit("province", "tỉnh", "Gia Lai"),))
NATION = Jurisdiction()


@pytest.mark.parametrize(
    ("task", "where", "expected"),
    [
        (
            "tổng hợp, báo cáo Ban Thường vụ Huyện ủy trong tháng 10/2026.",
            DISTRICT,
            ["Ban Thường vụ Huyện ủy"],
        ),
        ("tổng hợp, báo cáo Ban Thường vụ Huyện ủy trong quý IV/2026.", DISTRICT, ["Ban Thường vụ Huyện ủy"]),
        ("tổng hợp, báo cáo Ban Thường vụ Huyện ủy trong năm 2026.", DISTRICT, ["Ban Thường vụ Huyện ủy"]),
        (
            "định kỳ 6 tháng báo cáo kết quả thực hiện về Thường trực Huyện ủy (qua Văn phòng Huyện ủy).",
            DISTRICT,
            ["Thường trực Huyện ủy"],
        ),
        ("lập danh sách gửi về Phòng Nội vụ trước ngày 15/11/2026.", DISTRICT, ["Phòng Nội vụ"]),
        (  # a relay keeps the second hop up to the document's own level
            "báo cáo Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Thủ tướng Chính phủ.",
            PROVINCE,
            ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân tỉnh"],
        ),
        (  # a national document keeps the national hop
            "báo cáo Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.",
            NATION,
            ["Bộ Tài chính", "Thủ tướng Chính phủ"],
        ),
        ("báo cáo Ủy ban nhân dân tỉnh; báo cáo Ủy ban nhân dân tỉnh.", PROVINCE, ["Ủy ban nhân dân tỉnh"]),
        ("thực hiện chế độ báo cáo theo đúng quy định.", PROVINCE, []),
        ("rà soát hồ sơ đất đai.", PROVINCE, []),
    ],
)
def test_report_recipients(task: str, where: Jurisdiction, expected: list[str]) -> None:
    assert [a.name for a in report_recipients(task, 0, len(task), where)] == expected


def test_recipient_outside_the_task_bounds_is_ignored() -> None:
    text = "rà soát hồ sơ. Báo cáo Ủy ban nhân dân tỉnh."
    assert report_recipients(text, 0, text.index(".") + 1, PROVINCE) == ()


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (
            "Các sở, ban, ngành, Ủy ban nhân dân các huyện có trách nhiệm báo cáo kết quả định kỳ.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"],
        ),
        ("Sở Nội vụ chịu trách nhiệm báo cáo tổng hợp.", ["Sở Nội vụ"]),
        ("Thời gian gửi báo cáo trước ngày 15 tháng cuối quý.", []),
    ],
)
def test_reporter_phrases(unit: str, expected: list[str]) -> None:
    assert [p.text for p in reporter_phrases(unit, 0, len(unit))] == expected
