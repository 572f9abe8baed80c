"""The statistics screen after two rounds on two days, played through the game."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Sparkline, Static

from game.progress.store import Store
from game.ui.app_commands import commands_for
from game.ui.screens.position import PositionScreen
from game.ui.screens.start import StartScreen
from game.ui.screens.stats import StatsScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.widgets.flow_grid import FlowGrid
from game.ui.widgets.mastery_table import MasteryTable
from tests.ui.helpers import FakeClock, build
from tests.ui.history import DAY_ONE, play_round, two_days


def text(widget: Any) -> str:
    """What a Static shows, as plain text."""
    return str(widget.render())


def game(tmp_path: Path) -> tuple[Any, Store]:
    clock = FakeClock()
    store = Store.open(tmp_path, clock=clock)
    return build(store=store, clock=clock, scripted=True), store


async def test_two_days_show_trend_mastery_streak_and_flow_sheet(tmp_path: Path) -> None:
    app, store = game(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await two_days(pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)

        headline = text(screen.query_one("#stats-headline"))
        assert "2 rounds · 4 answers · average 54 · best 100" in headline
        assert "2 days in a row" in headline
        # Session averages: (100 + 0) / 2 on day 1, (50 + 67) / 2 on day 2.
        assert list(screen.query_one(Sparkline).data or []) == [50.0, 58.5]
        chart = text(screen.query_one("#trend .caption"))
        assert "last 58.5" in chart and "first 50" in chart
        assert "high 58.5" in text(screen.query_one("#trend .axis"))
        assert "Press d to drill them" in text(screen.query_one("#stats-drill-hint"))

        await pilot.press("m")
        await pilot.pause()
        table = screen.query_one(MasteryTable)
        assert table.has_focus
        rows = [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][1:6] == ["rebut", "2", "100", "50", "75"]  # rest-helps
        assert rows[0][6].startswith("↓")
        assert rows[1][1:6] == ["rebut", "2", "67", "67", "34"]  # saves-money
        assert rows[1][6].startswith("↑")

        await pilot.press("f")
        await pilot.pause()
        grid = screen.query_one(FlowGrid)
        prompts = [grid.get_option_at_index(i).prompt.plain for i in range(grid.option_count)]
        assert prompts[0].startswith("A three-day weekend")
        assert prompts[0].split()[-5:] == ["✓", "✗", "✗", "·", "·"]  # defend: not tried
        assert prompts[1].split()[-3:] == ["✓", "○", "–"]  # no defend rubric
        detail = text(screen.query_one("#flow-detail"))
        assert "✗ 1 of 2  Working parents must find and pay for childcare" in detail
        await pilot.press("down")
        await pilot.pause()
        detail = text(screen.query_one("#flow-detail"))
        assert "○ 0 of 2  Families and other public services" in detail

        await pilot.press("d")  # drill my dropped points
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        session = app.session
        assert session is not None and session.mode == "drill"
        assert [(t.position_id, t.stance) for t in session.round.turns] == [("rest-helps", "rebut")]
    assert store.rounds()[-1].mode == "drill"
    store.close()


async def test_a_beaten_personal_best_is_announced_on_the_summary(tmp_path: Path) -> None:
    app, store = game(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_round(pilot, DAY_ONE)
        assert not app.screen.query_one("#new-bests").display  # a first round beats nothing
        await two_days_second_round(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        bests = screen.query_one("#new-bests", Static)
        assert bests.display
        assert "New best round average: 58.5 (was 50)" in text(bests)
        assert "New best on saves-money (rebut): 67 (was 0)" in text(bests)
        titles = [n.title for n in app._notifications]
        assert titles.count("Personal best!") == 1
    store.close()


async def two_days_second_round(pilot: Any) -> None:
    from tests.ui.history import DAY, DAY_TWO

    await pilot.press("n")
    await pilot.pause()
    pilot.app.clock.advance(DAY)
    await play_round(pilot, DAY_TWO)


async def test_without_saves_the_screen_says_why_and_esc_goes_back() -> None:
    app = build(scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f4")  # the name box has focus: F4 works while typing
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        message = text(app.screen.query_one("#stats-message"))
        assert "nothing is being recorded" in message
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_a_player_with_no_answers_yet_is_told_to_play_first(tmp_path: Path) -> None:
    app, store = game(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Ada")
        titles = [title for title, _, _ in commands_for(app, app.screen)]
        assert "Statistics" in titles
        dict((t, c) for t, _, c in commands_for(app, app.screen))["Statistics"]()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert "No answers recorded for Ada yet" in text(app.screen.query_one("#stats-message"))
    store.close()
