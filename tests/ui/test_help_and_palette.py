"""Help built from the live key bindings, remapped keys, q and ?, and the palette's commands."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from game.ui.app_commands import commands_for, export_round
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.position import PositionScreen
from game.ui.screens.start import StartScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.settings import Settings
from game.ui.widgets.answer_box import AnswerBox
from tests.ui.helpers import (
    STRONG,
    build,
    fixture_entries,
    settle,
    start_round,
    submit_answer,
    type_answer,
)


def key_table(screen: HelpScreen) -> dict[str, str]:
    table = screen.query_one("#keys", DataTable)
    rows = [table.get_row_at(i) for i in range(table.row_count)]
    return {str(row[1]): str(row[0]) for row in rows}


async def test_f1_shows_the_keys_that_are_active_on_the_position_screen(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await pilot.press("?")  # typed into the answer box, not a help key here
        assert app.screen.query_one(AnswerBox).text == "?"
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = key_table(help_screen)
        assert keys["Submit"] == "^s/f5"
        assert keys["Context"] == "f2" and keys["Quit"] == "^q"
        assert "Retry" not in keys
        assert str(tmp_path) in str(help_screen.query_one("#saves", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)


async def test_question_mark_and_q_work_where_no_text_box_has_focus(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await submit_answer(pilot, STRONG)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = key_table(app.screen)  # type: ignore[arg-type]
        assert keys["Retry"] == "r" and keys["Next"] == "n / ⏎"
        assert list(keys)[:3] == ["Retry", "Next", "End round"]  # the screen's own keys first
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_keys_can_be_remapped_in_the_settings(tmp_path: Path) -> None:
    settings = Settings(keys={"submit": "ctrl+g"})
    app = build(saves=tmp_path, settings=settings, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        type_answer(pilot, STRONG)
        await pilot.press("f1")
        await pilot.pause()
        assert key_table(app.screen)["Submit"] == "^g"  # type: ignore[arg-type]
        await pilot.press("escape", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PositionScreen)  # ctrl+s no longer submits
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)


async def test_palette_new_round_goes_back_to_the_start(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"new round")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.session is None


async def test_palette_commands_follow_the_game_state(tmp_path: Path) -> None:
    reloads: list[int] = []

    def reload() -> list:
        reloads.append(1)
        return [e for e in fixture_entries() if e.ok]

    app = build(saves=tmp_path, scripted=True, reload_packs=reload)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c[0] for c in commands_for(app, app.screen)]
        assert "Reload packs" in titles and "Export results" not in titles
        assert "End round" not in titles
        dict((c[0], c[2]) for c in commands_for(app, app.screen))["Reload packs"]()
        await pilot.pause()
        assert reloads and all(e.ok for e in app.entries)

        await start_round(pilot)
        titles = [c[0] for c in commands_for(app, app.screen)]
        assert "End round" in titles and "Export results" not in titles
        await submit_answer(pilot, STRONG)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        titles = [c[0] for c in commands_for(app, app.screen)]
        assert "Export results" in titles and "Show history" in titles
        exported = export_round(app)
        assert exported is not None and exported.parent == tmp_path / "exports"
        text = exported.read_text()
        assert "| 1 | A three-day weekend leaves pupils rested" in text
        assert "Total 100 of 100" in text


async def test_history_reads_the_saves_when_recording(tmp_path: Path) -> None:
    from textual.widgets import Label

    from game.progress.store import Store
    from game.ui.app_commands import show_history
    from game.ui.screens.history import HistoryScreen

    store = Store.open(tmp_path)
    app = build(saves=tmp_path, store=store, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await submit_answer(pilot, STRONG)
        show_history(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert "all sessions" in str(screen.query_one(".dialog-title", Label).render())
        table = screen.query_one(DataTable)
        assert table.row_count == 1 and "three-day weekend" in str(table.get_row_at(0)[2])
    store.close()
