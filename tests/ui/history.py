"""A known history played through the game: two rounds on two days, on the fixture pack.

Day 1 (1 May 2024, noon UTC): "rest-helps" answered with all three points (100) and
"saves-money" with none (0). Day 2: "rest-helps" with only its first point (the other two are
dropped) and "saves-money" with its first point (the second is never raised). Noon UTC keeps
both days the same local days in any time zone from UTC-11 to UTC+11.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from game.ui.screens.summary import SummaryScreen
from tests.ui.helpers import STRONG, FakeClock, settle, start_round, type_answer

DAY = timedelta(days=1).total_seconds()
FIRST_POINT_ONLY = "Four longer school days tire pupils out more than five shorter ones."
NOTHING = "Schools save on buses."
SMALL_SAVINGS = "The savings are small because salaries stay the same."
DAY_ONE = (STRONG, NOTHING)
DAY_TWO = (FIRST_POINT_ONLY, SMALL_SAVINGS)


async def play_round(pilot: Pilot[Any], answers: tuple[str, ...], **choices: Any) -> None:
    """From the start screen, play an all-positions rebut round with these answers."""
    clock: FakeClock = pilot.app.clock
    choices.setdefault("stance", "rebut")
    await start_round(pilot, **choices)
    for text in answers:
        type_answer(pilot, text)
        clock.advance(40)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)


async def two_days(pilot: Pilot[Any]) -> None:
    """Play day 1 and day 2, ending on day 2's summary."""
    await play_round(pilot, DAY_ONE)
    await pilot.press("n")  # back to the start screen
    await pilot.pause()
    pilot.app.clock.advance(DAY - 80)
    await play_round(pilot, DAY_TWO)
