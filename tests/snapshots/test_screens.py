"""Snapshots of every screen at 80x24 and 120x40 (fixture pack, fixed clock and seed).

Update with ``pytest tests/snapshots --snapshot-update`` only after looking at the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.ui.settings import Settings
from tests.ui.helpers import (
    STRONG,
    FakeClock,
    FakeStore,
    build,
    settle,
    start_round,
    submit_answer,
    type_answer,
)

SIZES = [(80, 24), (120, 40)]
SAVES = Path("/home/ada/.local/share/counterpoint")


def game(theme: str = "textual-dark") -> Any:
    clock = FakeClock()
    app = build(
        store=FakeStore(),
        clock=clock,
        settings=Settings(theme=theme, cursor_blink=False),
        scripted=True,
        saves_dir=SAVES,
    )
    return app


async def to_position(pilot: Pilot[Any]) -> None:
    await start_round(pilot)
    type_answer(pilot, "Four longer school days tire pupils out")


async def to_feedback(pilot: Pilot[Any]) -> None:
    await start_round(pilot)
    type_answer(
        pilot,
        STRONG.replace(" Pupils lose teaching time and fall behind in reading and maths.", ""),
    )
    pilot.app.clock.advance(75)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def to_summary(pilot: Pilot[Any]) -> None:
    await to_feedback(pilot)
    await pilot.press("n")
    await pilot.pause()
    await submit_answer(pilot, "Schools save on buses.")
    await pilot.press("n")
    await pilot.pause()


async def to_help(pilot: Pilot[Any]) -> None:
    await to_feedback(pilot)
    await pilot.press("f1")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_position(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_position)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_feedback(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_feedback)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_summary(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_summary)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_help)


def test_summary_light_theme(snap_compare: Any) -> None:
    assert snap_compare(game("textual-light"), terminal_size=(80, 24), run_before=to_summary)
