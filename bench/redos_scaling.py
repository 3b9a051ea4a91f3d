"""How the time of each ``loaders/patterns`` regex grows with adversarial input size.

For every compiled ``*_RE``, the adversarial inputs of ``tests/test_redos.py``
are tried at n = 1,000 characters; the worst one is then timed (``finditer``
over the whole input, best of 3) at n = 10^3 … 10^6 in a child process, and the
slowest patterns are printed with the growth ratio between sizes (≈10 per step
is linear, ≈100 quadratic). A size that takes longer than ``--timeout`` seconds
is shown as ``>T`` and larger sizes are skipped.

Usage::

    python bench/redos_scaling.py [--top 15] [--timeout 10] [--max-exp 6]

This prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_redos import attack_strings, compiled_patterns, pattern_modules  # noqa: E402

_TIMER = """
import sys, time
from tests.test_redos import attack_strings, compiled_patterns
pattern = compiled_patterns(sys.argv[1])[sys.argv[2]]
attack = attack_strings(pattern, int(sys.argv[4]))[int(sys.argv[3])]
text = attack if isinstance(pattern.pattern, str) else attack.encode("utf-8")
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    best = min(best, time.perf_counter() - start)
print(best)
"""


def worst_attack(module: str, name: str, size: int) -> tuple[int, float]:
    """Index of the slowest adversarial input at ``size`` and its time (in this process)."""
    pattern = compiled_patterns(module)[name]
    worst, worst_time = 0, 0.0
    for index, attack in enumerate(attack_strings(pattern, size)):
        text = attack if isinstance(pattern.pattern, str) else attack.encode("utf-8")
        start = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        elapsed = time.perf_counter() - start
        if elapsed > worst_time:
            worst, worst_time = index, elapsed
    return worst, worst_time


def timed(module: str, name: str, index: int, size: int, timeout: float) -> float | None:
    """Seconds for one run in a child process, None when it exceeds ``timeout``."""
    try:
        child = subprocess.run(
            [sys.executable, "-c", _TIMER, module, name, str(index), str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(child.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=15, help="how many of the slowest patterns to scale")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a size is given up")
    parser.add_argument("--max-exp", type=int, default=6, help="largest size is 10**max_exp characters")
    args = parser.parse_args()
    ranking = []
    for module in pattern_modules():
        for name in compiled_patterns(module):
            ranking.append((*worst_attack(module, name, 1000), module, name))
    ranking.sort(key=lambda item: -item[1])
    sizes = [10**e for e in range(3, args.max_exp + 1)]
    print(f"{'pattern':55} " + " ".join(f"{f'n=1e{len(str(s)) - 1}':>10}" for s in sizes) + "  growth/step")
    for index, _, module, name in ranking[: args.top]:
        cells, times = [], []
        for size in sizes:
            seconds = timed(module, name, index, size, args.timeout)
            if seconds is None:
                cells.append(f">{args.timeout:.0f}s".rjust(10))
                break
            times.append(seconds)
            cells.append(f"{seconds * 1000:9.1f}ms")
        growth = [later / earlier for earlier, later in itertools.pairwise(times) if earlier > 0]
        label = f"{module.rsplit('.', 1)[-1]}.{name}"
        print(f"{label:55} " + " ".join(cells) + "  " + " ".join(f"{g:.0f}×" for g in growth))


if __name__ == "__main__":
    main()
