"""Typing a name reads the player's drafts and drills once typing stops, not on every key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from game.progress.drafts import Drafts
from game.ui.screens.start import NAME_SETTLE
from game.ui.session import draft_key
from tests.ui.helpers import build

KEY = draft_key("Bob", "ui-tiny", "rest-helps", "rebut")


async def test_the_name_box_looks_for_drafts_once_typing_stops(tmp_path: Path) -> None:
    Drafts(tmp_path).save(KEY, "An answer Bob left unsent")
    app = build(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reads: list[str] = []
        waiting = app.drafts.waiting

        def counted(player: str, entries: Any) -> list[tuple[str, str, str]]:
            reads.append(player)
            return waiting(player, entries)

        app.drafts.waiting = counted  # type: ignore[method-assign]
        box = app.screen.query_one("#player", Input)
        box.value = ""
        box.focus()
        await pilot.press(*"Bob")
        assert reads == []  # nothing read while the name is being typed
        await pilot.pause(NAME_SETTLE + 0.3)
        assert reads == ["Bob"]
        notice = app.screen.query_one("#draft-notice", Static)
        assert notice.display and "Unsent answer waiting" in str(notice.render())
