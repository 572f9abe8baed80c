"""The live board: shows the ranking, follows answers written by another process, obeys --hide."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.commands.board import SavesReader
from game.progress import settings
from game.progress.models import Attempt
from game.progress.store import Store
from game.ui.board.app import BoardApp

PACK = "nk-talks-2019"


def answer(saves: Path, player: str, scores: list[int], pack: str = PACK) -> None:
    """Record answers the way another game process would (its own connection)."""
    now = datetime.now(UTC)
    with Store.open(saves) as store:
        for n, score in enumerate(scores):
            when = now - timedelta(seconds=len(scores) - n)
            store.record_attempt(
                Attempt(player, pack, "h", "pos", "rebut", "an answer", score, (), 9.0, None, when)
            )


_WRITER = """
import sys
from pathlib import Path
from tests.ui.test_board import answer
answer(Path(sys.argv[1]), sys.argv[2], [int(s) for s in sys.argv[3:]])
"""


async def answer_elsewhere(saves: Path, player: str, scores: list[int]) -> None:
    """The same, from a separate process (as a served game would), while the board runs."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _WRITER, str(saves), player, *map(str, scores),
        stdin=asyncio.subprocess.DEVNULL, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert await asyncio.wait_for(process.wait(), timeout=60) == 0


def rows(app: BoardApp) -> list[list[str]]:
    table: DataTable[Text] = app.query_one("#standings", DataTable)
    return [[cell.plain for cell in table.get_row_at(n)] for n in range(table.row_count)]


def text_of(app: BoardApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def wait_until(pilot: Pilot[None], test: Callable[[], bool], tries: int = 100) -> None:
    for _ in range(tries):  # at most 100 x 0.1 s
        if test():
            return
        await pilot.pause(0.1)
    raise AssertionError("the board did not update in time")


def make_app(saves: Path, **options: object) -> BoardApp:
    reader = SavesReader(saves, options.pop("pack_id", None), 3)  # type: ignore[arg-type]
    titles = {PACK: "Talks [b]with[/b] North Korea"}
    return BoardApp(reader, titles=titles, refresh_seconds=0.3, **options)  # type: ignore[arg-type]


async def test_board_follows_answers_from_another_process(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    answer(saves, "Ada", [70, 80, 90])
    answer(saves, "[b]Bold[/] Ben", [60, 60, 60])
    app = make_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.reads >= 1)
        assert rows(app) == [
            ["1", "Ada", "80.0", "3", "90"],
            ["2", "[b]Bold[/] Ben", "60.0", "3", "60"],
        ]
        assert "Talks [b]with[/b] North Korea (nk-talks-2019): today" in text_of(app, "#heading")
        await answer_elsewhere(saves, "Cy", [95, 95])
        await wait_until(pilot, lambda: "Cy (2)" in text_of(app, "#waiting"))
        await answer_elsewhere(saves, "Cy", [95])
        await wait_until(pilot, lambda: len(rows(app)) == 3)
        assert rows(app)[0] == ["1", "Cy", "95.0", "3", "95"]
        assert app.return_code is None and app._exception is None


async def test_ties_are_explained_and_ctrl_r_reads_at_once(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    answer(saves, "Ada", [70, 80, 70])
    app = BoardApp(SavesReader(saves, None, 3), refresh_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.reads >= 1)
        answer(saves, "Ben", [80, 70, 70])
        before = app.reads
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.reads > before)
        assert [r[:2] for r in rows(app)] == [["=1", "Ada"], ["=1", "Ben"]]
        assert "Ada and Ben share rank 1" in text_of(app, "#notes")


async def test_hidden_by_the_coach_and_shown_again(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    answer(saves, "Ada", [70, 80, 90])
    with Store.open(saves) as store:
        settings.hide_leaderboard(store, True)
    app = make_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.reads >= 1)
        assert "hidden by the coach" in text_of(app, "#heading")
        assert not app.query_one("#standings").display
        with Store.open(saves) as store:
            settings.hide_leaderboard(store, False)
        await wait_until(pilot, lambda: bool(rows(app)) and app.query_one("#standings").display)


async def test_packs_and_periods_cycle_and_nothing_yet(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = make_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.reads >= 1)
        assert "no answers yet" in text_of(app, "#heading")
        answer(saves, "Ada", [50, 50, 50], pack="other")
        answer(saves, "Ben", [60, 60, 60])
        await wait_until(pilot, lambda: bool(rows(app)))
        shown = rows(app)[0][1]
        await pilot.press("p")  # the first pack in id order
        assert rows(app)[0][1] == "Ben" and "nk-talks-2019" in text_of(app, "#heading")
        await pilot.press("p")
        assert rows(app)[0][1] == "Ada"
        await pilot.press("p")  # back to the pack answered last
        assert rows(app)[0][1] == shown
        await pilot.press("d")
        await wait_until(pilot, lambda: "this week" in text_of(app, "#heading"))
        await pilot.press("ctrl+q")
    assert app.return_code == 0
