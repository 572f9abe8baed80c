"""Club answers are kept as drafts while they are typed, like practice answers."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.club_answer import ClubAnswerScreen
from tests.ui.club_helpers import club_app
from tests.ui.test_club_screens_share import to_club_answer


async def test_club_answers_are_autosaved_as_they_are_typed(tmp_path: Path) -> None:
    from game.progress.drafts import Drafts
    from game.ui.screens.answering import DRAFT_DELAY
    from tests.ui.helpers import type_answer

    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_club_answer(pilot)
        screen = app.screen
        assert isinstance(screen, ClubAnswerScreen)
        type_answer(pilot, "Half an argument")
        await pilot.pause()
        assert Drafts(tmp_path).load(screen.key) is None  # not on every key press
        await pilot.pause(DRAFT_DELAY + 0.5)
        assert Drafts(tmp_path).load(screen.key) == "Half an argument"
        assert app.screen is screen  # still answering: nothing was quit or ended
