"""The leaderboard screen: per pack and period, ranked by average, ties explained, can be hidden."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.progress import settings as saved_settings
from game.progress.models import Attempt
from game.progress.store import Store
from game.ui.screens.leaderboard import LeaderboardScreen
from game.ui.screens.start import StartScreen
from tests.ui.helpers import FakeClock, build


def record(store: Store, player: str, scores: list[int], *, pack: str = "ui-tiny",
           days_ago: int = 0, seconds: float = 30.0) -> None:  # fmt: skip
    when = FakeClock().now - timedelta(days=days_ago, hours=1)
    for n, score in enumerate(scores):
        store.record_attempt(
            Attempt(
                player,
                pack,
                "h",
                "rest-helps",
                "rebut",
                "an answer",
                score,
                (),
                seconds,
                None,
                when + timedelta(minutes=n),
            )  # fmt: skip
        )


async def open_board(pilot: Pilot[Any]) -> LeaderboardScreen:
    await pilot.pause()
    pilot.app.screen.query_one("#packs").focus()  # letters are keys, not a name
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LeaderboardScreen)
    await refreshed(pilot)
    return screen


async def refreshed(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(screen: LeaderboardScreen) -> list[list[str]]:
    table = screen.query_one("#lb-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def text(screen: LeaderboardScreen, widget: str) -> str:
    return str(screen.query_one(widget, Static).render())


async def test_ranked_by_average_never_speed_with_ties_explained(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    record(store, "Quick", [60, 62, 64], seconds=2)
    record(store, "Slow", [80, 70, 75], seconds=900)
    record(store, "Ben", [75, 75, 75, 75])
    record(store, "Lucky", [100])
    app = build(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert [r[:3] for r in rows(screen)] == [
            ["1", "Ben", "75.0"],
            ["2", "Slow", "75.0"],
            ["3", "Quick", "62.0"],
        ]
        assert "Ben ranks above Slow" in text(screen, "#lb-notes")
        assert "Lucky (1)" in text(screen, "#lb-waiting")  # below the minimum: listed apart
        assert "The four-day school week" in text(screen, "#lb-heading")
        # The highlighted pack has no answers: the board answered last is shown instead.
        assert "No answers on Markup" in text(screen, "#lb-waiting")
        await pilot.press("m")  # minimum 3 -> 5: nobody has five answers
        await refreshed(pilot)
        assert screen.min_answers == 5 and rows(screen) == []
        assert "Nobody has 5 answers yet" in text(screen, "#lb-waiting")
        await pilot.press("m", "m")  # 10, then back round to 1: Lucky tops it
        await refreshed(pilot)
        assert screen.min_answers == 1 and rows(screen)[0][1] == "Lucky"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    store.close()


async def test_periods_and_packs(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    record(store, "Ada", [50, 60, 70], days_ago=30)
    record(store, "Bo", [40, 40, 40])
    record(store, "Cy", [90, 90, 90], pack="ui-markup")
    app = build(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert screen.period == "all"
        assert screen.pack_id == "ui-markup"  # the highlighted pack on the start screen
        assert [r[1] for r in rows(screen)] == ["Cy"]
        await pilot.press("p")
        await pilot.pause()
        assert screen.pack_id == "ui-tiny" and [r[1] for r in rows(screen)] == ["Ada", "Bo"]
        await pilot.press("d")  # all time -> today: Ada's answers are a month old
        await refreshed(pilot)
        assert screen.period == "today" and [r[1] for r in rows(screen)] == ["Bo"]
        assert "today" in text(screen, "#lb-heading")
    store.close()


async def test_hidden_by_the_coach(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    record(store, "Ada", [50, 60, 70])
    saved_settings.hide_leaderboard(store, True)
    app = build(saves=tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert "hidden by the coach" in text(screen, "#lb-heading")
        assert not screen.query_one("#lb-table").display and rows(screen) == []
    store.close()


async def test_without_saves_it_says_why(tmp_path: Path) -> None:
    app = build(saves=tmp_path, store=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert text(screen, "#lb-heading").startswith("No leaderboard: Not recording")


async def test_the_palette_offers_the_leaderboard(tmp_path: Path) -> None:
    from game.ui.app_commands import commands_for

    app = build(saves=tmp_path, store=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        found = {title: run for title, _, run in commands_for(app, app.screen)}
        assert "Leaderboard" in found
        found["Leaderboard"]()
        await pilot.pause()
        assert isinstance(app.screen, LeaderboardScreen)


async def test_a_served_game_shows_no_instructor_command_when_hidden(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    record(store, "Ada", [50, 60, 70])
    saved_settings.hide_leaderboard(store, True)
    app = build(saves=tmp_path, store=store, served=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert "hidden by the coach" in text(screen, "#lb-heading")
        assert "counterpoint" not in text(screen, "#lb-waiting")
    store.close()
