"""Hostile text: the parser and the reader fail only with their own one-line errors, and never hang.

Property tests (hypothesis) over arbitrary text and over mutations of a valid
generated plan (slices cut, doubled or moved, document cues and stray
punctuation inserted, digits changed). Each example runs under a generous
alarm (:data:`HANG_S`): the test fails only if one example takes that long,
which catches runaway loops and catastrophic backtracking without asserting
speed.
"""

from __future__ import annotations

import io
import signal
import struct
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.errors import ParseError, ReadError
from loaders.models import ParsedDocument, SourceText
from loaders.parse import parse_text
from loaders.read import read_bytes
from tests.corpus import make_docx_bytes, make_plan

HANG_S = 30
"""Seconds one example may take before it counts as a hang."""
CUES = (
    "Số ", "KẾ HOẠCH", "Căn cứ ", "Thực hiện ", "Nghị quyết số ", "-NQ/TU", "/QĐ-UBND", "Chỉ thị ", "ngày ",
    " tháng ", " năm ", "Nơi nhận:", "T/M ", "KT. ", "I. ", "IV. TỔ CHỨC THỰC HIỆN", "1. ", "a) ", "- ", "\n",
    "\n\n\n", "(", ")", "“", "”", "/", "*", "#", "|", "**", "2030", "12/5/2024", "phối hợp với ", "chủ trì",
    "trước ngày ", "quý II/", "%", "căn", "Ủy ban nhân dân ", "Sở ", "huyện ", "tỉnh ", "\t", "\u00a0", "\u0301",
)  # fmt: skip
HOSTILE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


class Hang(Exception):
    """Raised by the alarm when one example runs for :data:`HANG_S` seconds."""


@contextmanager
def hang_guard(seconds: int = HANG_S) -> Iterator[None]:
    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parses_or_refuses(text: str) -> None:
    """``parse_text`` returns a document or raises ParseError with a one-line reason; nothing else."""
    with hang_guard():
        try:
            document = parse_text(SourceText(source="hostile.txt", text=text))
        except ParseError as err:
            assert "\n" not in err.one_line()
            return
    assert isinstance(document, ParsedDocument)
    for task in document.tasks:
        assert text[task.span.start : task.span.end] == task.span.quote
    for relation in document.relations:
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.quote


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    text = make_plan(draw(st.integers(0, 50))).text()
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        operation = draw(st.sampled_from(["cut", "double", "insert", "move", "digits", "truncate"]))
        if operation == "cut":
            text = text[:start] + text[end:]
        elif operation == "double":
            text = text[:end] + text[start:end] * draw(st.integers(2, 30)) + text[end:]
        elif operation == "insert":
            pieces = draw(st.lists(st.sampled_from(CUES) | st.text(max_size=5), min_size=1, max_size=12))
            text = text[:start] + "".join(pieces) + text[start:]
        elif operation == "move":
            text = text[:start] + text[end:] + text[start:end]
        elif operation == "digits":
            text = (
                text[:start]
                + text[start:end].translate(str.maketrans("0123456789", "9876543210"))
                + text[end:]
            )
        else:
            text = text[:start]
    return text


@HOSTILE
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes_the_parser(text: str) -> None:
    parses_or_refuses(text)


@HOSTILE
@given(st.lists(st.sampled_from(CUES), max_size=200).map("".join))
def test_a_soup_of_document_cues_never_crashes_the_parser(text: str) -> None:
    parses_or_refuses(text)


@settings(HOSTILE, max_examples=100)
@given(mutated_plan())
def test_mutated_plans_never_crash_the_parser(text: str) -> None:
    parses_or_refuses(text)


RUN = " " * 20_000
"""A run of white space: with "\\s* X? \\s*" patterns this took minutes to hours per match."""
WHITESPACE_BOMBS = {
    "after-a-listed-symbol": f"KẾ HOẠCH\nThực hiện Nghị quyết số 18-NQ/TW, 19-NQ/TW{RUN}x của Ban Chấp hành.\n",
    "after-so": f"Số{RUN}:\nKẾ HOẠCH\nvề việc thực hiện Chỉ thị số 12-CT/TW\n",
    "after-an-agency-heading": make_plan(5)
    .text()
    .replace("1. Ủy ban nhân dân huyện", f"1. Ủy ban nhân dân huyện{RUN}"),
    "in-an-alias": f"{make_plan(5).text()}(sau đây gọi tắt là{RUN}x",
    "in-a-bold-heading": f"**1.{RUN}\n{make_plan(5).text()}",
    "blank-lines": make_plan(5).text().replace("\n\n", "\n" + " \t\n" * 5000, 3),
    "after-a-date": f"KẾ HOẠCH\nThực hiện Quyết định số 338/QĐ-TTg ngày 3/4/2023{RUN},{RUN}x\n",
}


@pytest.mark.parametrize("name", sorted(WHITESPACE_BOMBS))
def test_long_runs_of_white_space_do_not_hang_the_parser(name: str) -> None:
    parses_or_refuses(WHITESPACE_BOMBS[name])


@HOSTILE
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "x.md", "x.html", "x.docx", "x.pdf", "x.doc"]))
def test_arbitrary_bytes_are_read_or_refused(data: bytes, name: str) -> None:
    with hang_guard():
        try:
            source = read_bytes(data, name)
        except ReadError as err:
            assert err.subject == name
            assert "\n" not in err.one_line()
            return
    assert source.text.strip()


DOCX = make_docx_bytes(
    paragraphs=["KẾ HOẠCH", "Thực hiện Nghị quyết số 12-NQ/TU"], table=[("a", "b"), ("c", "d")]
)


@HOSTILE
@given(st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_corrupted_docx_is_read_or_refused(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DOCX)
    for position, value in flips:
        data[position] = value
    with hang_guard():
        try:
            read_bytes(bytes(data), "plan.docx")
        except ReadError as err:
            assert "\n" not in err.one_line()


def test_docx_whose_directory_understates_sizes_is_refused() -> None:
    """A zip bomb that lies about its sizes in both headers is stopped while inflating: one line."""
    bomb = make_docx_bytes(paragraphs=["Kế hoạch " * 300_000])
    data = bytearray(bomb)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        member = archive.getinfo("word/document.xml")
    assert member.file_size > 2_000_000
    struct.pack_into("<I", data, member.header_offset + 22, 1000)  # local header: uncompressed size
    name = member.filename.encode()
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 1000)  # central directory: uncompressed size
    with hang_guard(), pytest.raises(ReadError, match=r"corrupt \.docx") as caught:
        read_bytes(bytes(data), "lie.docx")
    assert caught.value.subject == "lie.docx"
