"""Nothing typed is lost: quitting, signals and leaving a round keep the answer as a draft."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from textual.widgets import Static

from game.progress.drafts import Drafts
from game.ui.screens.draft_modal import DraftModal
from game.ui.screens.position import PositionScreen
from game.ui.screens.start import NAME_SETTLE, StartScreen
from game.ui.settings import Settings
from game.ui.widgets.answer_box import AnswerBox
from tests.ui.helpers import build, start_round, submit_answer, type_answer

KEY = "Ada/ui-tiny/rest-helps/rebut"


async def test_quit_mid_answer_then_get_the_draft_back_next_run(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        type_answer(pilot, "Half an answer about longer days")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert Drafts(tmp_path).load(KEY) == "Half an answer about longer days"

    again = build(saves=tmp_path, scripted=True)
    async with again.run_test(size=(80, 24)) as pilot:
        start = again.screen
        assert isinstance(start, StartScreen)
        start.query_one("#player").value = "Ada"  # type: ignore[attr-defined]
        await pilot.pause(NAME_SETTLE + 0.2)  # drafts are looked for once typing stops
        notice = start.query_one("#draft-notice", Static)
        assert notice.display and "Unsent answer" in str(notice.render())
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(again.screen, DraftModal)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, PositionScreen)
        assert again.screen.query_one(AnswerBox).text == "Half an answer about longer days"
        await submit_answer(pilot, ", and they tire pupils.")
    assert Drafts(tmp_path).load(KEY) is None  # graded: the draft is gone


async def test_the_same_position_offers_its_draft_and_esc_throws_it_away(tmp_path: Path) -> None:
    Drafts(tmp_path).save(KEY, "an old answer")
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        assert isinstance(app.screen, DraftModal)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(AnswerBox).text == ""
    assert Drafts(tmp_path).load(KEY) is None


async def test_sigterm_saves_the_draft_and_exits_with_128_plus_the_signal(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        type_answer(pilot, "typed just before the terminal closed")
        app._on_fatal_signal(signal.SIGTERM)  # what the loop's signal handler calls
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    assert Drafts(tmp_path).load(KEY) == "typed just before the terminal closed"


async def test_typing_is_autosaved_after_a_pause(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        screen = app.screen
        assert isinstance(screen, PositionScreen)
        await pilot.press(*"abc")
        assert Drafts(tmp_path).load(KEY) is None  # not on every key press
        screen.save_draft_now()  # what the debounce timer calls
        assert Drafts(tmp_path).load(KEY) == "abc"


async def test_theme_choice_is_saved_and_restored(tmp_path: Path) -> None:
    app = build(saves=tmp_path, settings=Settings.load(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_theme.dark  # starts dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["theme"] == "textual-light"
    again = build(saves=tmp_path, settings=Settings.load(tmp_path))
    async with again.run_test(size=(80, 24)):
        assert again.theme == "textual-light"


async def test_a_store_that_fails_is_reported_and_the_game_goes_on(tmp_path: Path) -> None:
    message = "the saves file is damaged; it was left untouched"
    app = build(saves=tmp_path, store_error=message, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(message in str(n.message) for n in app._notifications)
        status = str(app.screen.query_one("#store-status", Static).render())
        assert status.startswith("Not recording") and "damaged" in status
        await start_round(pilot)
        await submit_answer(pilot, "Longer days exhaust children in the afternoon.")
        assert app.session is not None and len(app.session.round.attempts) == 1


async def test_damaged_saves_are_moved_aside_only_when_the_player_says_so(
    tmp_path: Path,
) -> None:
    from game.commands.play import _open_store
    from game.ui.app_commands import commands_for
    from game.ui.screens.confirm import ConfirmModal

    damaged = b"this is not a database" * 200
    (tmp_path / "counterpoint.db").write_bytes(damaged)
    app = build(saves=tmp_path, open_store=lambda: _open_store(tmp_path), scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is None and app.recorder.damaged
        status = str(app.screen.query_one("#store-status", Static).render())
        assert status.startswith("Not recording")
        assert (tmp_path / "counterpoint.db").read_bytes() == damaged  # untouched
        command = {c[0]: c[2] for c in commands_for(app, app.screen)}["Start saves afresh"]
        command()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")  # no: nothing moves
        await pilot.pause()
        assert (tmp_path / "counterpoint.db").read_bytes() == damaged
        command()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.store is not None
        moved = list(tmp_path.glob("counterpoint.db.bad-*"))
        assert len(moved) == 1 and moved[0].read_bytes() == damaged
        assert "recorded" in str(app.screen.query_one("#store-status", Static).render())
    app.store.close()
