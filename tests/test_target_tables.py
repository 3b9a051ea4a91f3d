"""Targets laid out as pipe tables: indicator, unit and period columns; result columns are not targets."""

from __future__ import annotations

import pytest

from loaders.target_tables import canonical_unit, table_targets

HEADER = "| Chỉ tiêu | Đơn vị tính | {columns} |\n|---|---|{rules}|\n"


def table(columns: list[str], *rows: str) -> str:
    return HEADER.format(columns=" | ".join(columns), rules="---|" * len(columns)) + "".join(
        f"{row}\n" for row in rows
    )


def facts(text: str) -> list[tuple[float, float | None, str, str | None, str | None, str | None]]:
    found, _ = table_targets(text, 0, len(text))
    for target in found:
        assert text[target.span.start : target.span.end] == target.span.quote
    return [(t.quantity, t.quantity_max, t.unit, t.period, t.scope, t.qualifier) for t in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            table(["Năm 2026"], "| Hỗ trợ xây mới nhà ở cho hộ nghèo | căn | 25 |"),
            [(25.0, None, "căn", "năm 2026", "Hỗ trợ xây mới nhà ở cho hộ nghèo", None)],
        ),
        (
            table(
                ["Kế hoạch năm 2025", "Giai đoạn 2026-2030"], "| Trồng rừng mới | Héc-ta | 1.250 | 6.000 |"
            ),
            [
                (1250.0, None, "ha", "năm 2025", "Trồng rừng mới", None),
                (6000.0, None, "ha", "giai đoạn 2026-2030", "Trồng rừng mới", None),
            ],
        ),
        (
            table(
                ["Kết quả năm 2024", "Kế hoạch năm 2025"],
                "| Lao động có việc làm mới | người | 900 | 1.000 |",
            ),
            [(1000.0, None, "người", "năm 2025", "Lao động có việc làm mới", None)],
        ),
        (
            table(
                ["Thực hiện năm 2024", "Ước đạt năm 2025"], "| Lao động có việc làm mới | người | 900 | 950 |"
            ),
            [],
        ),
        (
            table(
                ["Mục tiêu đến năm 2030"],
                "| Tỷ lệ hộ dùng nước sạch | % | ≥ 95 |",
                "| Tỷ lệ hộ nghèo | | ≤ 2,5% |",
            ),
            [
                (95.0, None, "%", "đến năm 2030", "Tỷ lệ hộ dùng nước sạch", "at_least"),
                (2.5, None, "%", "đến năm 2030", "Tỷ lệ hộ nghèo", "at_most"),
            ],
        ),
        (
            table(
                ["2026"],
                "| **Xã đạt chuẩn nông thôn mới** | xã | 3-4 |",
                "| Đường giao thông | km | Theo kế hoạch |",
            ),
            [(3.0, 4.0, "xã", "năm 2026", "Xã đạt chuẩn nông thôn mới", None)],
        ),
        (
            "| Nhiệm vụ | Cơ quan chủ trì | Năm 2026 |\n|---|---|---|\n| Chỉ tiêu tuyển quân | Sở Nội vụ | 120 |\n",
            [],
        ),
        ("| STT | Nội dung | Ghi chú |\n|---|---|---|\n| 1 | Tuyên truyền | 2026 |\n", []),
    ],
)
def test_targets_from_table_cells(text: str, expected: list[tuple[object, ...]]) -> None:
    assert facts(text) == expected


def test_two_tables_are_read_with_their_own_headers() -> None:
    first = table(["Năm 2026"], "| Nhà ở xã hội | căn | 40 |")
    second = "| **Nội dung chỉ tiêu** | ĐVT | Giai đoạn 2026-2030 |\n|---|---|---|\n| Nhà ở công nhân | căn | 300 |\n"
    periods = [fact[3] for fact in facts(first + "\nVăn bản.\n\n" + second)]
    assert periods == ["năm 2026", "giai đoạn 2026-2030"]


def test_rows_of_target_tables_are_returned_for_the_sentence_scan() -> None:
    text = "Mở đầu.\n" + table(["Năm 2026"], "| Nhà ở xã hội | căn | 40 |")
    _, rows = table_targets(text, 0, len(text))
    assert [text[start:end] for start, end in rows] == ["| Nhà ở xã hội | căn | 40 |"]


@pytest.mark.parametrize(
    ("raw", "unit"), [("căn hộ", "căn"), ("hecta", "ha"), ("hộ gia  đình", "hộ"), ("km", "km")]
)
def test_canonical_unit(raw: str, unit: str) -> None:
    assert canonical_unit(raw) == unit
