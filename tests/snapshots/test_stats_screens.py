"""Snapshots of the statistics screen after two rounds on two days (fixed clock and seed).

Update with ``pytest tests/snapshots --snapshot-update`` only after looking at the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.progress.store import Store
from game.ui.settings import Settings
from tests.ui.helpers import FakeClock, build
from tests.ui.history import two_days

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def game(tmp_path: Path) -> Any:
    clock = FakeClock()
    store = Store.open(tmp_path, clock=clock, backups=False)
    yield build(
        store=store,
        clock=clock,
        settings=Settings(cursor_blink=False),
        scripted=True,
    )
    store.close()


def opened(tab: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await two_days(pilot)
        await pilot.press("t")
        await pilot.pause()
        if tab != "o":
            await pilot.press(tab)
            await pilot.pause()
        pilot.app.clear_notifications()  # the personal-best toast of the summary
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stats_overview(snap_compare: Any, game: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game, terminal_size=size, run_before=opened("o"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stats_flow_sheet(snap_compare: Any, game: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game, terminal_size=size, run_before=opened("f"))


def test_stats_mastery(snap_compare: Any, game: Any) -> None:
    assert snap_compare(game, terminal_size=(80, 24), run_before=opened("m"))
