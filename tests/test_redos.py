"""ReDoS audit: no compiled ``*_RE`` in ``loaders/patterns/*`` backtracks catastrophically.

For every pattern, adversarial inputs are built from the pattern itself (what a
match reads up to a repeated sub-pattern, then that sub-pattern's typical match
repeated many times, then a character that makes the match fail: the classic
trigger of polynomial and exponential backtracking) and from generic fillers
(runs of spaces, digits, letters, punctuation, "1." …). Each module's patterns
run in a child process (n = :data:`SIZE`); the test fails only when the child
does not finish within a
generous timeout, naming the pattern it was stuck on. Every input runs at n; the
one that took longest (timing only picks it, it is never compared with a limit)
runs again at 4n. Speed is never asserted: ``bench/redos_scaling.py`` prints
the timings.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

import loaders.patterns

ROOT = Path(__file__).resolve().parents[1]
SIZE = 1000
"""The smaller input size; the larger is four times it."""
TIMEOUT_S = 30.0
"""Per pattern, added up for a module's child process (generous: a linear pattern takes milliseconds)."""
BREAKERS = ("\x00", "!", "\n")
KNOWN_BACKTRACKING: dict[tuple[str, str], str] = {}
"""Patterns known to backtrack badly, each with the reason; checked separately as strict xfails."""
FILLERS = (
    "a",
    "A",
    " ",
    "1",
    "đ",
    "Đ",
    "-",
    ".",
    ",",
    "/",
    "\n",
    "1.",
    "a ",
    "- ",
    "Số ",
    "ngày ",
    "I. ",
    "a-",
)


def pattern_modules() -> list[str]:
    return sorted(
        f"loaders.patterns.{info.name}"
        for info in pkgutil.iter_modules(loaders.patterns.__path__)
        if not info.ispkg
    )


def compiled_patterns(module_name: str) -> dict[str, re.Pattern[Any]]:
    module = importlib.import_module(module_name)
    return {
        name: value
        for name, value in vars(module).items()
        if name.endswith("_RE") and isinstance(value, re.Pattern)
    }


# --- building a typical match of a (sub-)pattern from its parse tree ----------------------------------


def _sample(items: Any, depth: int = 0) -> str:
    return "".join(_sample_item(op, arg, depth) for op, arg in items)


def _sample_item(op: Any, arg: Any, depth: int) -> str:
    c = sre_constants
    if depth > 20:
        return ""
    if op is c.LITERAL:
        return chr(arg)
    if op is c.NOT_LITERAL:
        return "a" if arg != ord("a") else "b"
    if op is c.ANY:
        return "a"
    if op is c.IN:
        return _sample_class(arg)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = arg
        count: int = max(low, min(high, 2))
        return _sample(body, depth + 1) * count
    if op is c.SUBPATTERN:
        return _sample(arg[-1], depth + 1)
    if op is c.ATOMIC_GROUP:
        return _sample(arg, depth + 1)
    if op is c.BRANCH:
        return _sample(arg[1][0], depth + 1)
    return ""  # anchors, look-arounds, back-references, group references


def _sample_class(items: Any) -> str:
    c = sre_constants
    for op, arg in items:
        if op is c.NEGATE:
            return "a" if not any(o is c.LITERAL and a == ord("a") for o, a in items) else "Z"
        if op is c.LITERAL:
            return chr(arg)
        if op is c.RANGE:
            return chr(arg[0])
        if op is c.CATEGORY:
            return str({c.CATEGORY_DIGIT: "1", c.CATEGORY_SPACE: " ", c.CATEGORY_WORD: "a"}.get(arg, "!"))
    return "a"


def _attack_points(items: Any, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    """(what a match reads before a repeat or alternation, a typical match of its body), at any depth."""
    c = sre_constants
    read = prefix
    for op, arg in items:
        if depth > 20:
            return
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            yield read, _sample(arg[2], depth + 1)
            yield from _attack_points(arg[2], read, depth + 1)
        elif op is c.SUBPATTERN:
            yield from _attack_points(arg[-1], read, depth + 1)
        elif op is c.BRANCH:
            for branch in arg[1]:
                if any(o in _NESTING for o, _ in branch):  # plain literal alternatives cannot backtrack
                    yield read, _sample(branch, depth + 1)
                yield from _attack_points(branch, read, depth + 1)
        read += _sample_item(op, arg, depth)


_NESTING = (
    sre_constants.MAX_REPEAT,
    sre_constants.MIN_REPEAT,
    sre_constants.POSSESSIVE_REPEAT,
    sre_constants.SUBPATTERN,
    sre_constants.BRANCH,
)


def attack_strings(pattern: re.Pattern[Any], size: int) -> list[str]:
    """Adversarial inputs of about ``size`` characters for ``pattern``.

    For every repeated or alternated sub-pattern: what a match reads before it,
    then its typical match repeated up to ``size`` characters, then a character
    that makes the match fail. Generic fillers are tried after a whole typical
    match and on their own.
    """
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    parsed = sre_parse.parse(source)
    whole = _sample(parsed)
    points = {(prefix, unit) for prefix, unit in _attack_points(parsed) if unit}
    points |= {(start, filler) for filler in FILLERS for start in ("", whole)}
    attacks: dict[str, None] = {}
    for prefix, unit in sorted(points):
        body = unit * max(1, size // len(unit))
        attacks.update((f"{prefix}{body}{breaker}", None) for breaker in BREAKERS)
    return list(attacks)


# --- the audit ---------------------------------------------------------------------------------------

_CHILD = """
import sys, time
from tests.test_redos import attack_strings, compiled_patterns

def run(pattern, attack):
    text = attack if isinstance(pattern.pattern, str) else attack.encode("utf-8")
    for _ in pattern.finditer(text):
        pass

size, wanted = int(sys.argv[2]), set(sys.argv[3:])
for name, pattern in compiled_patterns(sys.argv[1]).items():
    if name not in wanted:
        continue
    print(name, flush=True)
    slowest, worst = -1.0, 0
    for index, attack in enumerate(attack_strings(pattern, size)):
        start = time.perf_counter()  # only to pick the attack to grow, never compared with a limit
        run(pattern, attack)
        if time.perf_counter() - start > slowest:
            slowest, worst = time.perf_counter() - start, index
    run(pattern, attack_strings(pattern, 4 * size)[worst])
print("DONE", flush=True)
"""


def _audit(module_name: str, names: list[str], per_pattern: float = TIMEOUT_S) -> str | None:
    """Run the attacks in a child process; the name of the pattern it got stuck on, or None."""
    timeout = per_pattern * max(len(names), 1)
    try:
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, module_name, str(SIZE), *names],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired as err:
        out = err.stdout.decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
        return out.split()[-1] if out.split() else "?"
    assert child.returncode == 0, child.stderr
    assert child.stdout.split()[-1] == "DONE"
    return None


@pytest.mark.slow
@pytest.mark.parametrize("module_name", pattern_modules())
def test_no_pattern_backtracks_catastrophically(module_name: str) -> None:
    names = [n for n in compiled_patterns(module_name) if (module_name, n) not in KNOWN_BACKTRACKING]
    stuck = _audit(module_name, names)
    assert stuck is None, f"{module_name}.{stuck} did not finish on {4 * SIZE}-character adversarial inputs"


if KNOWN_BACKTRACKING:  # defined only while some pattern is known to be slow

    @pytest.mark.slow
    @pytest.mark.parametrize(
        ("module_name", "name"),
        [
            pytest.param(m, n, marks=pytest.mark.xfail(strict=True, reason=why))
            for (m, n), why in KNOWN_BACKTRACKING.items()
        ],
    )
    def test_known_backtracking_patterns(module_name: str, name: str) -> None:
        """Fails (as expected) while the pattern is slow; an XPASS means it was fixed: drop it from the list."""
        assert _audit(module_name, [name], per_pattern=5.0) is None


def test_attacks_are_built_from_the_pattern() -> None:
    attacks = attack_strings(re.compile(r"(?:Số\s+)+\d{1,3}"), 100)
    assert any(a.startswith("Số Số 1") or "Số Số Số" in a for a in attacks)
    assert all(80 <= len(a) <= 160 for a in attacks)


@pytest.mark.parametrize(
    ("evil", "size"),
    [
        (r"^(a+)+$", 40),  # exponential: nested quantifiers
        (r"Số(?:\s*,?\s*\(?\s*(?:ban\s+hành\s+)?\d+)?\s*,?\s*của", SIZE),  # cubic: \s* X? \s* X? \s*
    ],
    ids=["exponential", "cubic"],
)
def test_the_audit_catches_catastrophic_patterns(evil: str, size: int) -> None:
    """The harness itself: one of the attacks built for a known-bad pattern must run far too long."""
    attacks = attack_strings(re.compile(evil), size)
    script = (
        "import re, sys\nfor a in sys.stdin.read().split('\\x1e'):\n    list(re.finditer(sys.argv[1], a))"
    )
    try:
        subprocess.run(
            [sys.executable, "-c", script, evil],
            input="\x1e".join(attacks),
            capture_output=True,
            text=True,
            timeout=3.0,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return
    pytest.fail(f"no attack made {evil!r} backtrack")
