"""Club screens behave like practice ones: context toggle, paste notice, drafts, labels."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.club_answer import ClubAnswerScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.prep import PrepScreen
from game.ui.widgets.claim_card import ClaimCard
from tests.ui.club_helpers import add_players, club_app, to_setup


def palette_command(app: object, title: str) -> object:
    from game.ui.app_commands import commands_for

    commands = {c[0]: c[2] for c in commands_for(app, app.screen)}  # type: ignore[attr-defined]
    return commands[title]


async def test_the_palette_context_command_redraws_the_club_answer_card(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat")
        await add_players(pilot, "Bo")
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, HandoverScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClubAnswerScreen)
        card = app.screen.query_one(ClaimCard)
        assert not card.show_context
        palette_command(app, "Show context")()  # type: ignore[operator]
        await pilot.pause()
        assert card.show_context
        palette_command(app, "Hide context")()  # type: ignore[operator]
        await pilot.pause()
        assert not card.show_context


async def test_the_palette_context_command_redraws_the_club_preparation_card(
    tmp_path: Path,
) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat", prep=30)
        await add_players(pilot, "Bo")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        card = app.screen.query_one(ClaimCard)
        palette_command(app, "Show context")()  # type: ignore[operator]
        await pilot.pause()
        assert card.show_context


async def test_the_start_button_says_where_it_leads_in_each_mode(tmp_path: Path) -> None:
    from textual.widgets import Button

    from game.ui.widgets.choice import Choice

    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        button = app.screen.query_one("#start", Button)
        assert str(button.label) == "Start round"
        mode = app.screen.query_one("#mode", Choice)
        for value, label in [
            ("hotseat", "Choose players"),
            ("headtohead", "Choose players"),
            ("solo", "Start round"),
        ]:
            mode.value = value
            await pilot.pause()
            assert str(button.label) == label


async def to_club_answer(pilot: object) -> None:
    """Hot-seat with Ada and Bo, up to Ada's answer box."""
    await to_setup(pilot, "hotseat")  # type: ignore[arg-type]
    await add_players(pilot, "Bo")  # type: ignore[arg-type]
    await pilot.press("f5")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_paste_cut_short_is_reported_on_the_club_answer_screen(tmp_path: Path) -> None:
    from game.ui.widgets.answer_box import AnswerBox

    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_club_answer(pilot)
        screen = app.screen
        assert isinstance(screen, ClubAnswerScreen)
        box = screen.query_one(AnswerBox)
        box.focus()
        box._replace_via_keyboard("x" * (box.cap + 50), *box.selection)
        await pilot.pause()
        titles = [n.title for n in app._notifications]
        assert "Paste cut short" in titles


async def test_the_round_results_hide_the_ranking_when_the_coach_hid_the_leaderboard(
    tmp_path: Path,
) -> None:
    from textual.widgets import DataTable

    from game.progress.settings import hide_leaderboard
    from game.progress.store import Store
    from game.ui.screens.club_summary import ClubSummaryScreen
    from tests.ui.club_helpers import answer_seat, screen_text

    store = Store.open(tmp_path)
    hide_leaderboard(store, True)
    app = club_app(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat")
        await add_players(pilot, "Bo")
        await pilot.press("f5")
        await pilot.pause()
        await answer_seat(pilot)  # Ada makes the point
        await answer_seat(pilot, "No idea.")  # Bo does not
        await pilot.press("escape", "y")  # end the round after one position
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClubSummaryScreen)
        shown = screen_text(screen)
        assert "The coach has hidden the leaderboard" in shown
        assert "tops the round" not in shown and "Ranked by" not in shown
        table = screen.query_one("#club-results", DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert headers == ["Player", "P1", "P2", "P3"]  # no rank, average or total
    store.close()
