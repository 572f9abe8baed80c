"""Snapshots of the rubric lab at 80x24 and 120x40, and of a reload that found a broken file.

Scripted grader, fixture pack, fixed clock. Update with ``--snapshot-update`` only after
looking at the report.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from game.packs.discovery import load_entry
from game.ui.screens.lab import open_lab
from game.ui.settings import Settings
from tests.fixtures.ui.scripted import HERE as FIXTURES
from tests.ui.helpers import FakeClock, FakeStore, build

SIZES = [(80, 24), (120, 40)]
SAVES = Path("/home/ada/.local/share/counterpoint")
ANSWER = (
    "Four longer school days tire pupils out. Parents must pay for childcare. "
    "Schools that switched say teachers are rested."
)
BROKEN = "pack: 1\nid: ui-tiny\ntitle: [unclosed\n"


def game(**options: Any) -> Any:
    return build(
        store=FakeStore(),
        clock=FakeClock(),
        settings=Settings(cursor_blink=False),
        scripted=True,
        saves_dir=SAVES,
        **options,
    )


async def graded(pilot: Pilot[Any]) -> None:
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def to_lab(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    app: Any = pilot.app
    open_lab(app, next(e for e in app.entries if e.id == "ui-tiny"), answer=ANSWER)
    await graded(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_lab(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(game(), terminal_size=size, run_before=to_lab)


def test_lab_reload_broken(snap_compare: Any, tmp_path: Path) -> None:
    path = tmp_path / "lab.yaml"
    shutil.copy(FIXTURES / "tiny.yaml", path)

    async def to_broken(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app: Any = pilot.app
        open_lab(app, app.entries[0], answer=ANSWER)
        await graded(pilot)
        path.write_text(BROKEN, "utf-8")
        await pilot.press("ctrl+r")
        await graded(pilot)

    assert snap_compare(
        game(entries=[load_entry(path)]), terminal_size=(80, 24), run_before=to_broken
    )
