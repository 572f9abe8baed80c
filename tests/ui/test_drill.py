"""Drill rounds: the number due on the start screen, due cards first, practise anyway, spacing."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Static

from game.progress.drills import DRILL_MODE
from game.progress.flow import rubric_of
from game.progress.models import Attempt
from game.progress.store import Store
from game.rounds.drill import dropped_turns, turns_of
from game.ui.screens.confirm import ConfirmModal
from game.ui.screens.position import PositionScreen
from game.ui.screens.start import StartScreen
from game.ui.widgets.choice import Choice
from tests.fixtures.ui.scripted import load
from tests.ui.helpers import FakeClock, build
from tests.ui.history import DAY, DAY_ONE, play_round


def game(tmp_path: Path) -> tuple[Any, Store]:
    clock = FakeClock()
    store = Store.open(tmp_path, clock=clock)
    return build(store=store, clock=clock, scripted=True), store


async def back_to_start(pilot: Any) -> StartScreen:
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StartScreen)
    return screen


def turns(app: Any) -> list[tuple[str, str]]:
    return [(t.position_id, t.stance) for t in app.session.round.turns]


async def test_the_weak_position_due_the_next_day_is_drilled_first(tmp_path: Path) -> None:
    app, store = game(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_round(pilot, DAY_ONE)  # rest-helps 100 (Easy), saves-money 0 (Again)
        start = await back_to_start(pilot)
        app.clock.advance(DAY)
        start.round_ended()  # what the start screen does when shown again
        await pilot.pause()
        due = start.query_one("#drill-due", Static)
        assert due.display
        assert "1 drill due in this pack" in str(due.render())

        start.query_one("#kind", Choice).value = "drill"
        await pilot.pause()
        assert "Start plays them" in str(due.render())
        start.action_start()
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        planned = turns(app)
        assert planned[0] == ("saves-money", "rebut")
        assert ("rest-helps", "rebut") not in planned  # answered well, not due
        for before, after in zip(planned, planned[1:], strict=False):
            assert before[0] != after[0]  # one position's stances never back to back
        assert app.session.mode == DRILL_MODE
    assert store.rounds()[-1].mode == DRILL_MODE
    assert app.settings.round_kind == "drill"
    store.close()


async def test_nothing_due_offers_to_practise_the_weakest_anyway(tmp_path: Path) -> None:
    app, store = game(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_round(pilot, DAY_ONE)
        start = await back_to_start(pilot)
        start.query_one("#kind", Choice).value = "drill"
        await pilot.pause()
        start.action_start()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "Nothing is due for drilling" in app.screen.explanation
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.session is None

        start.action_start()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PositionScreen)
        assert turns(app)[0] == ("saves-money", "rebut")  # nothing found there yet: weakest
        assert app.session.mode == DRILL_MODE
    store.close()


async def test_a_drill_needs_the_saves() -> None:
    app = build(scripted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        start.query_one("#kind", Choice).value = "drill"
        await pilot.pause()
        assert "Drills need your saves" in str(start.query_one("#drill-due").render())
        start.action_start()
        await pilot.pause()
        assert app.screen is start and app.session is None


def test_dropped_points_drill_keeps_one_positions_stances_apart(tmp_path: Path) -> None:
    pack = load("tiny")
    day = datetime(2024, 5, 1, 12, tzinfo=UTC)
    answers = [
        ("rest-helps", "rebut", ("longer-days", "childcare"), ("longer-days",)),
        ("rest-helps", "defend", ("sleep", "attendance"), ("sleep",)),
        ("saves-money", "rebut", ("small-savings",), ()),
    ]
    with Store.open(tmp_path) as store:
        for n, (position, stance, first, second) in enumerate(answers):
            for days, points in ((0, first), (1, second)):
                store.record_attempt(
                    Attempt(
                        player="Ada",
                        pack_id=pack.id,
                        pack_hash="x",
                        position_id=position,
                        stance=stance,  # type: ignore[arg-type]
                        answer="...",
                        score=30 * len(points),
                        matched_points=points,
                        seconds=10,
                        round_id=None,
                        at=day + timedelta(days=days, minutes=n),
                    )
                )
        digest = store.digest("Ada")
    planned = dropped_turns(digest, "Ada", pack.id, random.Random(1), rubric_of(pack))
    pairs = [(t.position_id, t.stance) for t in planned]
    assert sorted(pairs) == [
        ("rest-helps", "defend"),
        ("rest-helps", "rebut"),
        ("saves-money", "rebut"),
    ]
    assert pairs[1] == ("saves-money", "rebut")  # between rest-helps' two stances
    assert turns_of([("gone", "rebut"), ("saves-money", "rebut")], pack)[0].position_id == (
        "saves-money"
    )
