"""Loader speed: a generated 1,000-position pack, against PyYAML's C loader parsing it alone.

Target (issue 2): ``counterpoint validate`` takes at most 2x the time of
``yaml.load(text, Loader=yaml.CSafeLoader)`` on the same file. Prints medians and the ratios.
"""

from __future__ import annotations

import contextlib
import io
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from game.cli import main as cli_main
from game.packs.loader import load_pack

POSITIONS = 1000
RUNS = 7
_WORDS = (
    "policy tax school budget voters evidence cost risk trade growth health rights court city"
    " market region teachers parents pupils prices housing jobs energy climate safety"
).split()


def make_pack_text(positions: int = POSITIONS, seed: int = 2) -> str:
    """A valid pack with ``positions`` positions, both stances, 3 points each, with phrases."""
    rng = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."

    out = [
        "# yaml-language-server: $schema=pack.schema.json",
        "pack: 1",
        "id: generated-bench",
        "title: A generated pack for the loader benchmark",
        "language: en",
        "source:",
        "  title: Generated text",
        "  date: 2024-01-01",
        "positions:",
    ]
    for p in range(positions):
        out += [
            f"  - id: position-{p}",
            f"    claim: {sentence(12)}",
            f'    quote: "{sentence(8)}"',
            "    context: >-",
            f"      {sentence(10)}",
            f"      {sentence(8)}",
        ]
        for stance in ("rebut", "defend"):
            out += [f"    {stance}:", "      points:"]
            for k in range(3):
                out += [
                    f"        - id: {stance}-{k}",
                    f"          argument: {sentence(12)}",
                    "          phrases:",
                    *(f"            - {sentence(7)}" for _ in range(3)),
                    f"          weight: {rng.choice(['1', '2', '1.5'])}",
                    f"          explanation: {sentence(12)}",
                    "          examples:",
                    f'            match: ["{sentence(9)}"]',
                    f'            miss: ["{sentence(9)}"]',
                ]
    return "\n".join(out) + "\n"


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _validate_in_process(path: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["validate", str(path)])
    if code != 0:
        raise RuntimeError("the generated pack did not validate")


def main() -> None:
    text = make_pack_text()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(text, encoding="utf-8")
        pack = load_pack(path)  # warm up imports and check the pack is valid
        points = sum(len(r.points) for p in pack.positions for r in (p.rebut, p.defend) if r)
        print(f"pack: {len(pack.positions)} positions, {points} points, {len(text) / 1e6:.2f} MB")
        print(f"libyaml available: {yaml.__with_libyaml__}; median of {RUNS} runs")
        base = _median(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
        ours = _median(lambda: load_pack(path))
        cli = _median(lambda: _validate_in_process(path))
        command = [sys.executable, "-m", "game", "validate", str(path)]
        process = _median(lambda: subprocess.run(command, check=True, capture_output=True), 3)
    print(f"  yaml.load(CSafeLoader) alone : {base * 1000:8.1f} ms")
    print(f"  load_pack (read+parse+check) : {ours * 1000:8.1f} ms   ratio {ours / base:.2f}")
    print(f"  counterpoint validate        : {cli * 1000:8.1f} ms   ratio {cli / base:.2f}")
    print(
        f"  ... as a new process         : {process * 1000:8.1f} ms   ratio {process / base:.2f}"
        " (includes Python start-up and imports)"
    )
    verdict = "ok" if cli / base <= 2.0 else "OVER TARGET"
    print(f"target: validate <= 2.0 x yaml.load -> {verdict}")


if __name__ == "__main__":
    main()
