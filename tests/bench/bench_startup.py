"""Start-up: time to the first screen of ``counterpoint play``, against a bare Textual app.

Each run is a fresh Python process (imports are most of the cost), headless, that exits as soon
as its first screen has been drawn. Ours goes through the real command line: pack discovery on
the shipped packs, settings, the saves store (a fresh folder) and the drafts. The two kinds of
run alternate, and the medians are compared. Target (issue 5): at most 1.5 times the bare app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 11
ROOT = Path(__file__).resolve().parents[2]

# Both scripts start their clock before importing anything and stop it the first time the app
# hands a rendered screen to the terminal (``App._display``), then exit. A headless app skips
# the terminal write itself, which costs the same for both.
_PRELUDE = """\
import time
T0 = time.perf_counter()
from textual.app import App

_display = App._display
_shown = []

def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and not _shown:
        _shown.append(time.perf_counter() - T0)
        print(f"READY {_shown[0]:.4f}", flush=True)
        self.call_later(self.exit)

_run = App.run

def run(self, *args, **kwargs):
    return _run(self, headless=True, size=(100, 30))

App._display = display
App.run = run
"""

BARE = (
    _PRELUDE
    + """\
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

Bare().run()
"""
)

OURS = (
    _PRELUDE
    + """\
import sys
from game.cli import main
main(["play", "--saves", sys.argv[1]])
"""
)


# A player's second start finds compiled bytecode (pip compiles an installed copy too), so both
# apps run with bytecode caching on, whatever PYTHONDONTWRITEBYTECODE says, after one warm-up run.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_one(script: str, saves: Path) -> tuple[float, float]:
    """(seconds to the first screen, wall seconds for the whole process) of one fresh run."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, str(saves)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_ENV,
        timeout=120,
    )
    wall = time.perf_counter() - started
    ready = [line for line in done.stdout.splitlines() if line.startswith("READY ")]
    if done.returncode != 0 or not ready:
        raise RuntimeError(f"start-up run failed: {done.stderr[-2000:]}")
    return float(ready[-1].split()[1]), wall


def main() -> None:
    bare: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        time_one(BARE, Path(folder) / "warm")  # warm the file and bytecode caches for both
        time_one(OURS, Path(folder) / "warm-ours")
        for run in range(RUNS):
            bare.append(time_one(BARE, Path(folder) / f"bare-{run}"))
            ours.append(time_one(OURS, Path(folder) / f"saves-{run}"))
    b_first = statistics.median(t for t, _ in bare)
    o_first = statistics.median(t for t, _ in ours)
    b_wall = statistics.median(w for _, w in bare)
    o_wall = statistics.median(w for _, w in ours)
    print(f"runs: {RUNS} of each, alternating; medians")
    for label, first, wall in (
        ("bare Textual app (one Label)", b_first, b_wall),
        ("counterpoint play", o_first, o_wall),
    ):
        print(f"{label:29} first screen {first * 1000:4.0f} ms, process {wall * 1000:4.0f} ms")
    print(f"ratio (first screen): {o_first / b_first:.2f}  (target <= 1.5)")
    print(f"ratio (whole process): {o_wall / b_wall:.2f}")


if __name__ == "__main__":
    main()
