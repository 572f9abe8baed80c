"""Building and driving club rounds in pilot tests: a pack with two-sided positions, keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from game.packs.discovery import PackEntry, discover
from tests.fixtures.ui.scripted import HERE as UI_FIXTURES
from tests.ui.helpers import build, submit_answer

CLUB_FIXTURES = Path(__file__).parents[1] / "fixtures" / "club"
PACK_TITLE = "Homework for young pupils"
# What the scripted grader credits on the club pack (two long words of a point each).
ANSWERS = {
    ("homework-stress", "defend"): "Tired children spend evenings arguing over worksheets.",
    ("homework-stress", "rebut"): "Small amounts build routine. Homework shows parents what"
    " children are learning.",
    ("play-matters", "defend"): "Playing with friends builds social skills and imagination.",
    ("play-matters", "rebut"): "Reading and sums need regular practice.",
    ("teachers-time", "defend"): "Setting and marking homework eats hours.",
    ("teachers-time", "rebut"): "Marking primary homework takes teachers little time.",
}


def club_entries() -> list[PackEntry]:
    """The UI fixture packs plus the club pack (every position has both stances)."""
    return discover([UI_FIXTURES, CLUB_FIXTURES], shipped=None)


def club_app(**options: Any) -> Any:
    """The game on the club fixtures, with the scripted grader."""
    options.setdefault("scripted", True)
    return build(entries=club_entries(), **options)


async def to_setup(
    pilot: Pilot[Any], mode: str, *, name: str = "Ada", kind: str = "all", timer: int = 0,
    prep: int = 0,
) -> None:  # fmt: skip
    """From the start screen, by keys where practical: name, the club pack, the play mode."""
    from game.ui.widgets.choice import Choice

    await pilot.pause()
    await pilot.press(*name, "enter")  # the name, then on to the pack list
    packs = pilot.app.screen.query_one("#packs", OptionList)
    while PACK_TITLE not in packs.get_option_at_index(packs.highlighted or 0).prompt.plain:
        await pilot.press("down")
    screen = pilot.app.screen
    screen.query_one("#kind", Choice).value = kind
    screen.query_one("#timer", Choice).value = timer
    screen.query_one("#prep", Choice).value = prep
    mode_choice = screen.query_one("#mode", Choice)
    mode_choice.focus()
    while mode_choice.value != mode:
        await pilot.press("right")
    await pilot.press("s")  # Start: a club mode asks for the players first
    await pilot.pause()


async def add_players(pilot: Pilot[Any], *names: str) -> None:
    """On the setup screen: type each name and Enter."""
    for name in names:
        await pilot.press(*name, "enter")
    await pilot.pause()


async def answer_seat(pilot: Pilot[Any], text: str | None = None) -> str:
    """At a handover: take the seat, type the answer (or the credited one), submit."""
    from game.ui.screens.handover import HandoverScreen

    assert isinstance(pilot.app.screen, HandoverScreen), pilot.app.screen
    await pilot.press("enter")
    await pilot.pause()
    flow = pilot.app.screen.flow
    seat = flow.round.seat
    if text is None:
        text = ANSWERS[(flow.round.turn.position_id, seat.stance)]
    await submit_answer(pilot, text)
    return text


def screen_text(screen: Any) -> str:
    """Everything the screen's widgets show, as plain text."""
    parts = []
    for widget in screen.query("*"):
        try:
            rendered = widget.render()
        except Exception:  # containers and widgets without a plain rendering
            continue
        parts.append(str(getattr(rendered, "plain", rendered)))
    return "\n".join(parts)
