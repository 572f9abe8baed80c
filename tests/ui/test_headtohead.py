"""Head-to-head matches in the game: hidden first answer, both sides shown, swap, the result."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from game.progress.store import Store
from game.ui.screens.club_setup import ClubSetupScreen
from game.ui.screens.duel_feedback import DuelFeedbackScreen
from game.ui.screens.duel_summary import DuelSummaryScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.leaderboard import LeaderboardScreen
from game.ui.widgets.score_bar import ScoreBar
from tests.ui.club_helpers import add_players, answer_seat, club_app, screen_text, to_setup


async def test_a_match_played_through_to_the_winner_and_the_leaderboard(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    app = club_app(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "headtohead", kind="random:3")
        assert isinstance(app.screen, ClubSetupScreen)
        await add_players(pilot, "Bo")  # two players: the Start button takes the focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HandoverScreen) and app.screen.player == "Ada"
        defenders = []
        for number in range(3):
            defenders.append(app.screen.flow.round.seat.player)
            # Ada makes her points on every position; Bo only on the first.
            for _ in range(2):
                player = app.screen.player
                await answer_seat(pilot, None if player == "Ada" or number == 0 else "No.")
            screen = app.screen
            assert isinstance(screen, DuelFeedbackScreen)
            defence, rebuttal = screen.query_one("#side-defend"), screen.query_one("#side-rebut")
            assert defence.query_one(ScoreBar).score == screen.exchange.defence.score
            assert rebuttal.query_one(ScoreBar).score == screen.exchange.rebuttal.score
            assert screen.has_class("-narrow")  # 80 columns: the sides stack
            verdict = str(screen.query_one("#duel-verdict", Static).render())
            assert (
                f"defends {screen.exchange.defence.score}" in verdict and "Match so far" in verdict
            )
            await pilot.press("enter")
            await pilot.pause()
        assert defenders == ["Ada", "Bo", "Ada"]  # sides swap on each position
        summary = app.screen
        assert isinstance(summary, DuelSummaryScreen)
        result = summary.result
        assert result.winner == "Ada" and result.wins[0] >= 2
        shown = screen_text(summary)
        assert "Ada wins the match" in shown and result.line() in shown
        assert summary.query_one("#duel-results", DataTable).row_count == 3
        await pilot.press("l")
        await pilot.pause()
        board = app.screen
        assert isinstance(board, LeaderboardScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert board.period == "today" and board.reads == 1
        table = board.query_one("#lb-table", DataTable)
        assert [str(table.get_row_at(n)[1]) for n in range(table.row_count)] == ["Ada", "Bo"]
    history = store.history()
    rounds = store.rounds()
    store.close()
    assert sorted(a.player for a in history) == ["Ada"] * 3 + ["Bo"] * 3
    assert {r.mode for r in rounds} == {"headtohead"} and len(rounds) == 2
    for a in history:  # every answer under its own player's round, in the stance they took
        assert a.round_id == next(r.id for r in rounds if r.player == a.player)
    ada = [a.stance for a in history if a.player == "Ada"]
    assert ada == ["defend", "rebut", "defend"]


async def test_the_second_player_does_not_see_the_first_answer(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "headtohead")
        await add_players(pilot, "Bo")
        await pilot.press("enter")
        await pilot.pause()
        secret = "Hidden words: tired children spend evenings arguing over worksheets."
        await answer_seat(pilot, secret)
        handover = app.screen
        assert isinstance(handover, HandoverScreen) and handover.player == "Bo"
        text = screen_text(handover)
        assert "Hidden words" not in text and "/100" not in text
        assert "Bo will rebut" in text
        assert handover.flow.round.exchange(0) is None


async def test_both_sides_stand_side_by_side_on_a_wide_terminal(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_setup(pilot, "headtohead")
        await add_players(pilot, "Bo")
        await pilot.press("enter")
        await pilot.pause()
        await answer_seat(pilot)
        await answer_seat(pilot)
        screen = app.screen
        assert isinstance(screen, DuelFeedbackScreen) and screen.has_class("-wide")
        defence = screen.query_one("#side-defend").region
        rebuttal = screen.query_one("#side-rebut").region
        assert defence.y == rebuttal.y and defence.right <= rebuttal.x


async def test_head_to_head_takes_exactly_two_players(tmp_path: Path) -> None:
    app = club_app(saves=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_setup(pilot, "headtohead")
        setup = app.screen
        assert isinstance(setup, ClubSetupScreen)
        await add_players(pilot, "Bo")
        assert setup.names == ["Ada", "Bo"]
        assert setup.query_one("#setup-name").disabled  # no room for a third
        assert "Ready" in str(setup.query_one("#setup-count", Static).render())
