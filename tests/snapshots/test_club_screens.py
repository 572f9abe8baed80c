"""Snapshots of club play: handover, both sides of a head-to-head, the round's leaderboard.

Fixture packs, the scripted grader, a fixed clock and seed. Update with
``pytest tests/snapshots/test_club_screens.py --snapshot-update`` only after looking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.ui.settings import Settings
from tests.ui.club_helpers import add_players, answer_seat, club_app, to_setup
from tests.ui.helpers import FakeClock, FakeStore

SIZES = [(80, 24), (120, 40)]
SAVES = Path("/home/ada/.local/share/counterpoint")


def game() -> Any:
    return club_app(
        store=FakeStore(),
        clock=FakeClock(),
        settings=Settings(cursor_blink=False),
        saves_dir=SAVES,
    )


async def hot_seat(pilot: Pilot[Any]) -> None:
    await to_setup(pilot, "hotseat", timer=60)
    await add_players(pilot, "Bo", "Cy")
    await pilot.press("enter")
    await pilot.pause()


async def to_handover(pilot: Pilot[Any]) -> None:
    await hot_seat(pilot)
    await answer_seat(pilot)  # Ada's answer is in; the keyboard goes to Bo


async def to_round_leaderboard(pilot: Pilot[Any]) -> None:
    await hot_seat(pilot)
    for position in range(3):
        for seat in range(3):
            weak = seat == 2 or (seat == 1 and position == 0)
            await answer_seat(pilot, "No idea." if weak else None)
        await pilot.press("enter")
        await pilot.pause()


async def to_both_sides(pilot: Pilot[Any]) -> None:
    await to_setup(pilot, "headtohead")
    await add_players(pilot, "Bo")
    await pilot.press("enter")
    await pilot.pause()
    await answer_seat(pilot)
    await answer_seat(pilot, "Small amounts of homework build a routine.")


async def to_setup_screen(pilot: Pilot[Any]) -> None:
    await to_setup(pilot, "hotseat", kind="random:3", timer=120, prep=30)
    await add_players(pilot, "Bo", "Cy")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_handover(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_handover)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_both_sides(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_both_sides)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_round_leaderboard(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_round_leaderboard)


def test_players_setup(snap_compare: Any) -> None:
    assert snap_compare(game(), terminal_size=(80, 24), run_before=to_setup_screen)
