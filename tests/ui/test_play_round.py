"""Playing rounds by keys alone: start, answer, feedback, retry, summary."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from game.progress.store import Store
from game.rounds.practice import Phase
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.position import PositionScreen
from game.ui.screens.start import StartScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.score_bar import ScoreBar
from tests.ui.helpers import (
    STRONG,
    WEAK,
    FakeClock,
    build,
    settle,
    start_round,
    submit_answer,
    type_answer,
)


async def test_enter_enter_enter_starts_a_round_with_the_defaults(tmp_path: Path) -> None:
    app = build(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press(*"Ada")
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert app.session is not None
        assert app.session.choice.player == "Ada"
        assert app.session.choice.stance == "rebut"
        # The first playable pack in the list (broken ones come last, never first).
        assert app.session.pack.id == "ui-markup"


async def test_a_whole_round_by_keys_with_a_retry_is_recorded(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    clock = FakeClock()
    app = build(saves=tmp_path, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)  # all positions in order, rebut: rest-helps, saves-money
        assert isinstance(app.screen, PositionScreen)
        await pilot.press("ctrl+s")  # empty answer: Submit is disabled, nothing happens
        await settle(pilot)
        assert isinstance(app.screen, PositionScreen)

        await pilot.press(*"Longer")  # typed key by key; the rest put in as one insertion
        type_answer(pilot, WEAK.removeprefix("Longer"))
        clock.advance(30)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        weak = app.screen.query_one(ScoreBar).score

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        box = app.screen.query_one(AnswerBox)
        assert box.text == WEAK  # a retry starts from the last answer
        box.clear()
        type_answer(pilot, STRONG)
        await pilot.press("f5")  # the second submit key
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.query_one(ScoreBar).score > weak

        await pilot.press("enter")  # Next
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert app.session is not None and app.session.round.position.id == "saves-money"
        await submit_answer(pilot, "The savings are small because salaries stay the same.")
        await pilot.press("n")  # the last position: n leads to the summary
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert "Total" in str(app.screen.query_one("#totals", Static).render())
    history = store.history(answers=True)
    store.close()
    assert [a.position_id for a in history] == ["rest-helps", "rest-helps", "saves-money"]
    assert history[0].answer == WEAK and history[0].seconds == 30
    assert history[1].score > history[0].score
    assert all(a.player == "Ada" and a.round_id is not None for a in history)


async def test_retry_weakest_from_the_summary_plays_that_position_again(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await submit_answer(pilot, STRONG)
        await pilot.press("n")
        await pilot.pause()
        await submit_answer(pilot, "bananas")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "saves-money" not in str(app.screen.query_one("#invitation", Static).render())
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert app.session is not None
        assert [t.position_id for t in app.session.round.turns] == ["saves-money"]


async def test_next_is_offered_only_after_an_answer_is_graded(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        screen = app.screen
        assert isinstance(screen, PositionScreen)
        assert screen.check_action("submit", ()) is None  # greyed out: nothing typed yet
        await pilot.press(*"Some")
        assert screen.check_action("submit", ()) is True
        await pilot.press("ctrl+s")
        await settle(pilot)
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        assert feedback.check_action("next", ()) is True
        assert feedback.check_action("summary", ()) is False  # not the last position yet
        await pilot.press("n")
        await pilot.pause()
        # A second press lands while the round is answering again: Next is not allowed.
        assert feedback.check_action("next", ()) is False
        assert app.session is not None and app.session.round.phase is Phase.ANSWERING


async def test_timer_runs_out_and_submits_the_answer_as_it_stands(tmp_path: Path) -> None:
    clock = FakeClock()
    app = build(saves=tmp_path, clock=clock, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot, timer=30)
        screen = app.screen
        assert isinstance(screen, PositionScreen)
        type_answer(pilot, "Longer days exhaust children")
        clock.advance(25)
        screen.tick()
        await pilot.pause()
        countdown = screen.query_one("#countdown", Static)
        assert "0:05" in str(countdown.render()) and countdown.has_class("-warning")
        clock.advance(6)
        screen.tick()
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        attempt = app.screen.attempt
        assert attempt.timed_out and attempt.answer == "Longer days exhaust children"
        assert "time ran out" in str(app.screen.query_one("#arithmetic", Static).render())


async def test_pack_browser_picks_one_position(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.screen
        packs = start.query_one("#packs", OptionList)
        packs.focus()
        packs.highlighted = next(
            i
            for i in range(packs.option_count)
            if "four-day" in packs.get_option_at_index(i).prompt.plain
        )
        await pilot.press("b")
        await pilot.pause()
        browser = app.screen
        assert "Tired" not in str(browser)  # a screen, not text: sanity for the query below
        positions = browser.query_one("#positions", OptionList)
        assert positions.option_count == 3
        assert "saves districts" in positions.get_option_at_index(1).prompt.plain
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is start
        assert start.position_id == "saves-money"
        await pilot.press("enter")  # the Start button has focus
        await pilot.pause()
        assert app.session is not None
        assert [t.position_id for t in app.session.round.turns] == ["saves-money"]


async def test_broken_packs_are_listed_with_their_error_and_cannot_start(tmp_path: Path) -> None:
    app = build(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        packs = app.screen.query_one("#packs", OptionList)
        prompts = [packs.get_option_at_index(i).prompt.plain for i in range(packs.option_count)]
        broken = [p for p in prompts if p.startswith("⚠ broken")]
        assert len(broken) == 2 and prompts[-2:] == broken
        assert any("escape.yaml" in p and "U+001B" in p for p in broken)
        packs.highlighted = len(prompts) - 1
        await pilot.pause()
        assert "Cannot be played" in str(app.screen.query_one("#pack-info", Static).render())
        app.screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_ending_a_round_early_shows_what_was_answered(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot)
        await pilot.press("escape")  # nothing answered yet: back to the start
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await start_round(pilot)
        await submit_answer(pilot, STRONG)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.answered == 1 and app.screen.summary.planned == 2
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.session is None


async def test_a_round_played_with_the_keyboard_only(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Bo", "enter")  # name, then the pack list
        await pilot.press("down", "enter")  # the second pack, then the Start button
        await pilot.press("shift+tab", "right")  # back to the timer: 30 s
        assert app.screen.query_one("#timer").value == 30  # type: ignore[attr-defined]
        await pilot.press("tab", "enter")  # on to Start
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert app.session is not None and app.session.round.time_limit == 30
        await pilot.press(*"Pupils tire", "ctrl+s")
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*" on longer days.", "f5")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.attempt.answer == "Pupils tire on longer days."
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Costs move.", "ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [row.tries for row in app.screen.summary.turns] == [2, 1]
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
