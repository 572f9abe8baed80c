"""Hot-seat rounds in the game: setup, handovers that hide answers, reveal, leaderboard, saves."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static

from game.progress.store import Store
from game.ui.screens.club_answer import ClubAnswerScreen
from game.ui.screens.club_feedback import ClubFeedbackScreen
from game.ui.screens.club_setup import ClubSetupScreen
from game.ui.screens.club_summary import ClubSummaryScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.start import StartScreen
from game.ui.widgets.answer_box import AnswerBox
from tests.ui.club_helpers import add_players, answer_seat, club_app, screen_text, to_setup
from tests.ui.helpers import FakeClock, settle


async def test_three_players_play_a_hot_seat_round_through_to_the_leaderboard(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    app = club_app(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat")
        assert isinstance(app.screen, ClubSetupScreen)
        await add_players(pilot, "Bo", "Cy")  # Ada came from the start screen
        await pilot.press("enter")  # Enter on the empty name box starts
        await pilot.pause()
        assert isinstance(app.screen, HandoverScreen)
        assert "Pass the keyboard to" in screen_text(app.screen)
        flow = app.screen.flow
        order = []
        for position in range(3):
            for _ in range(3):
                player = app.screen.player
                order.append(player)
                # Ada makes the points every time, Bo from the second position on, Cy never.
                weak = player == "Cy" or (player == "Bo" and position == 0)
                await answer_seat(pilot, "No idea." if weak else None)
            assert isinstance(app.screen, ClubFeedbackScreen)
            table = app.screen.query_one("#club-scores", DataTable)
            assert table.row_count == 3
            await pilot.press("enter" if position < 2 else "n")
            await pilot.pause()
        # The first seat moves round the table from one position to the next.
        assert order[0::3] == ["Ada", "Bo", "Cy"]
        assert isinstance(app.screen, ClubSummaryScreen)
        results = app.screen.query_one("#club-results", DataTable)
        assert results.row_count == 3
        rows = [[str(cell) for cell in results.get_row_at(n)][:2] for n in range(3)]
        assert rows == [["1", "Ada"], ["2", "Bo"], ["3", "Cy"]]
        title = screen_text(app.screen)
        assert "3 positions answered by everyone" in title and "Ada tops the round" in title
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "LeaderboardScreen"
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert flow.finished
    history = store.history()
    rounds = store.rounds()
    store.close()
    assert len(history) == 9
    by_player = {p: [a for a in history if a.player == p] for p in ("Ada", "Bo", "Cy")}
    assert all(len(rows) == 3 for rows in by_player.values())
    # One store round per player: each answer carries its player and that player's round.
    assert {r.mode for r in rounds} == {"hotseat"} and len(rounds) == 3
    for player, rows in by_player.items():
        mine = next(r.id for r in rounds if r.player == player)
        assert {a.round_id for a in rows} == {mine}
    assert all(r.finished_at is not None for r in rounds)


async def test_the_handover_hides_the_previous_answer(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat", kind="random:3")
        await add_players(pilot, "Bo")
        await pilot.press("f5")
        await pilot.pause()
        secret = "My secret argument: Tired children spend evenings arguing over worksheets."
        await answer_seat(pilot, secret)
        screen = app.screen
        assert isinstance(screen, HandoverScreen) and screen.player == "Bo"
        shown = screen_text(screen)
        assert "secret" not in shown and "/100" not in shown  # no answer, no score
        assert "Ada ✓" in shown and "hidden" in shown
        assert not any(isinstance(s, ClubAnswerScreen) for s in app.screen_stack)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClubAnswerScreen)
        assert app.screen.query_one(AnswerBox).text == ""  # Bo starts from an empty box
        assert "Bo" in str(app.screen.query_one("#seat-heading", Static).render())


async def test_setup_cleans_names_refuses_repeats_and_removes_players(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat")
        setup = app.screen
        assert isinstance(setup, ClubSetupScreen) and setup.names == ["Ada"]
        await pilot.press("enter")  # one player is not a club
        await pilot.pause()
        assert isinstance(app.screen, ClubSetupScreen)
        assert "at least 2" in str(setup.query_one("#setup-error", Static).render())
        await add_players(pilot, "aDa")
        assert setup.names == ["Ada"]
        assert "already playing" in str(setup.query_one("#setup-error", Static).render())
        setup.query_one("#setup-name", Input).value = ""
        name = setup.query_one("#setup-name", Input)
        name.insert_text_at_cursor("  Bo \x1b[31m  Lee ")
        await pilot.press("enter")
        await pilot.pause()
        assert setup.names == ["Ada", "Bo Lee"]
        await add_players(pilot, "Cy")
        players = setup.query_one("#setup-players", OptionList)
        players.focus()
        players.highlighted = 1
        await pilot.press("delete")
        await pilot.pause()
        assert setup.names == ["Ada", "Cy"]
        await pilot.press("tab")  # back to the name box
        for number in range(10):
            await add_players(pilot, f"P{number}")
        assert len(setup.names) == 12
        assert setup.query_one("#setup-name", Input).disabled  # twelve is the most
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_alternating_stances_and_ending_early_keep_what_was_answered(
    tmp_path: Path,
) -> None:
    from game.ui.widgets.choice import Choice

    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat")
        await add_players(pilot, "Bo", "Cy")
        app.screen.query_one("#setup-stances", Choice).value = "alternate"
        await pilot.press("f5")
        await pilot.pause()
        flow = app.screen.flow
        stances = [s.stance for s in flow.round.seats(0)]
        assert stances[0] != stances[1] and stances[0] == stances[2]
        for _ in range(3):
            await answer_seat(pilot)
        await pilot.press("enter")  # on to the second position
        await pilot.pause()
        await answer_seat(pilot)  # one answer in the second position, then stop
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ClubSummaryScreen)
        summary = app.screen.summary
        assert summary.counted == (0,) and summary.planned == 3
        assert all(s.answers == 1 for s in summary.standings)


async def test_the_answer_timer_submits_a_club_answer_as_it_stands(tmp_path: Path) -> None:
    clock = FakeClock()
    app = club_app(saves=tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat", timer=30)
        await add_players(pilot, "Bo")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClubAnswerScreen)
        await pilot.press(*"Tired children")
        clock.advance(25)
        screen.tick()
        await pilot.pause()
        countdown = screen.query_one("#countdown", Static)
        assert "0:05" in str(countdown.render()) and countdown.has_class("-warning")
        clock.advance(6)
        screen.tick()
        await settle(pilot)
        assert isinstance(app.screen, HandoverScreen) and app.screen.player == "Bo"
        answer = app.screen.flow.round.answers[0]
        assert answer.graded.timed_out and answer.graded.answer == "Tired children"
        assert answer.player == "Ada"


async def test_names_that_look_like_markup_are_shown_as_typed(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "hotseat", name="[b]Ada[/b]")
        app.screen.query_one("#setup-name", Input).insert_text_at_cursor("Bo\x1b]0;pwned\x07")
        await pilot.press("enter", "f5")
        await pilot.pause()
        assert app.screen.flow.round.players == ("[b]Ada[/b]", "Bo")
        await answer_seat(pilot)
        shown = screen_text(app.screen)
        assert "[b]Ada[/b] ✓" in shown and "pwned" not in shown
