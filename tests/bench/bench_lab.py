"""Rubric lab: does live grading slow typing down? Key press times in the lab against the
answer box of an ordinary round, both on the op-ed pack with the real grader (headless).

Each key press is timed from sending it to the app being idle again (the pilot's own cost is
in both figures); typing pauses briefly after each word, so the lab grades in its thread while
the next word is typed. Also: how long one grade takes, first
(the position's index is built) and then warm.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from game.packs.discovery import discover
from game.ui.screens.lab import open_lab
from game.ui.settings import Settings
from tests.ui.helpers import FakeClock, build, start_round

PACK = "nk-talks-2019"
TEXT = (
    "Sanctions have never stopped a determined state from building the bomb, and talking "
    "costs nothing while the missiles keep coming. Pyongyang sees its weapons as the only "
    "guarantee that it will not share Libya's fate, so a freeze is the realistic goal. "
)


def entries() -> list[Any]:
    return [e for e in discover() if e.id == PACK]


async def type_timed(pilot: Any, text: str) -> list[float]:
    """Type word by word with a short pause after each, so that the lab grades meanwhile."""
    times = []
    for char in text:
        started = time.perf_counter()
        await pilot.press("space" if char == " " else char)
        times.append((time.perf_counter() - started) * 1000)
        if char == " ":
            await asyncio.sleep(0.16)  # just past the lab's typing pause: a grade starts
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    return times


async def in_lab() -> tuple[list[float], int]:
    app = build(entries=entries(), settings=Settings(cursor_blink=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        open_lab(app, app.entries[0])
        await pilot.pause()
        times = await type_timed(pilot, TEXT)
        return times, app.screen._generation


async def in_round() -> list[float]:
    app = build(entries=entries(), settings=Settings(cursor_blink=False), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_round(pilot, pack_title="North Korea", kind="all")
        return await type_timed(pilot, TEXT)


def describe(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95)]
    print(
        f"{name:<28} keys {len(times)}: median {statistics.median(times):5.1f} ms,"
        f" p95 {p95:5.1f} ms, slowest {', '.join(f'{t:.0f}' for t in ordered[-3:])} ms"
    )


def main() -> None:
    from game.grading.grader import Grader

    pack = entries()[0].pack
    grader = Grader(pack)
    position = pack.positions[0]
    stance = position.stances[0]
    started = time.perf_counter()
    grader.grade(TEXT, position.id, stance)
    first = time.perf_counter() - started
    warm = []
    for cut in range(40, len(TEXT), 10):  # a different answer each time, as when typing
        started = time.perf_counter()
        grader.grade(TEXT[:cut], position.id, stance)
        warm.append(time.perf_counter() - started)
    median, slowest = statistics.median(warm) * 1000, max(warm) * 1000
    print(
        f"one grade (up to {len(TEXT)} chars): first {first * 1000:.1f} ms (index built),"
        f" then median {median:.1f} ms, max {slowest:.1f} ms"
    )
    round_times = asyncio.run(in_round())
    lab_times, grades = asyncio.run(in_lab())
    describe("answer box in a round", round_times)
    describe("answer box in the lab", lab_times)
    print(f"grading requests in the lab while typing: {grades}")
