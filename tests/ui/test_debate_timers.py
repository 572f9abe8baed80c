"""Debate timers: presets and custom seconds, preparation time before the box opens (fake clock)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from game.ui.screens.club_answer import ClubAnswerScreen
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.position import PositionScreen
from game.ui.screens.prep import PrepScreen
from game.ui.screens.start import StartScreen
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.choice import Choice
from game.ui.widgets.claim_card import ClaimCard
from tests.ui.club_helpers import add_players, club_app, to_setup
from tests.ui.helpers import FakeClock, build, settle, start_round, submit_answer, type_answer


async def test_the_presets_clubs_use_and_custom_seconds(tmp_path: Path) -> None:
    app = build(saves=tmp_path, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timer = app.screen.query_one("#timer", Choice)
        assert [label for label, _ in timer.options] == [
            "No timer", "30 s", "1 min", "2 min", "4 min", "Custom…",
        ]  # fmt: skip
        assert not app.screen.query("#timer-seconds")  # no seconds box until Custom is picked
        timer.focus()
        for _ in range(5):
            await pilot.press("right")
        await pilot.pause()
        seconds = app.screen.query_one("#timer-seconds", Input)
        assert seconds.display and seconds.has_focus  # Custom: type the seconds
        await pilot.press(*"x0")  # only digits go in; 0 seconds is refused
        assert seconds.value == "0"
        app.screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("backspace", *"45")
        app.screen.action_start()
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert app.session is not None and app.session.round.time_limit == 45
        await pilot.press("escape")
        await pilot.pause()
        timer.focus()
        await pilot.press("right")  # from Custom round to No timer: the seconds box goes
        await pilot.pause()
        assert timer.value == 0 and not seconds.display
    assert app.settings.timer == 45


async def test_practice_prep_shows_the_position_then_opens_the_box(tmp_path: Path) -> None:
    clock = FakeClock()
    app = build(saves=tmp_path, clock=clock, scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#prep", Choice).value = 30
        await start_round(pilot, timer=60)
        prep = app.screen
        assert isinstance(prep, PrepScreen)
        assert prep.query(ClaimCard) and not prep.query(AnswerBox)  # position shown, box shut
        clock.advance(20)
        prep.tick()
        await pilot.pause()
        assert "0:10" in str(prep.query_one("#prep-timer", Static).render())
        clock.advance(10)
        prep.tick()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PositionScreen)
        assert app.session is not None and app.session.round.remaining() == 60  # prep not taken
        type_answer(pilot, "Longer days exhaust children.")
        clock.advance(12)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen) and app.screen.attempt.seconds == 12
        await pilot.press("r")  # a retry goes straight to the box
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        await submit_answer(pilot, " Pupils flag.")
        await pilot.press("n")  # the next position has its own preparation; Enter skips it
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
    assert app.settings.prep == 30


async def test_club_prep_comes_after_the_handover_for_each_player(tmp_path: Path) -> None:
    clock = FakeClock()
    app = club_app(saves=tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "headtohead", prep=15, timer=30)
        await add_players(pilot, "Bo")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # Ada takes the keyboard
        await pilot.pause()
        prep = app.screen
        assert isinstance(prep, PrepScreen)
        assert "Ada" in str(prep.query_one("#prep-heading", Static).render())
        clock.advance(15)
        prep.tick()
        await pilot.pause()
        answer = app.screen
        assert isinstance(answer, ClubAnswerScreen)
        assert answer.flow.round.remaining() == 30
        clock.advance(31)
        answer.tick()  # nothing typed: an empty answer goes in when time is up
        await settle(pilot)
        assert isinstance(app.screen, HandoverScreen) and app.screen.player == "Bo"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)  # Bo gets the same preparation
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ClubAnswerScreen)
        first = app.screen.flow.round.answers[0]
        assert first.player == "Ada" and first.graded.timed_out and first.score == 0
