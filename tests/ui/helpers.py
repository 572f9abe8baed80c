"""Building the game for pilot and snapshot tests: fixture packs, a fake clock, a fake store."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from game.packs.discovery import PackEntry, discover
from game.ui.app import CounterpointApp, make_app
from game.ui.settings import Settings
from tests.fixtures.ui.clock import FakeClock
from tests.fixtures.ui.scripted import HERE as FIXTURES
from tests.fixtures.ui.scripted import ScriptedGrader

STRONG = (
    "Four longer school days tire pupils out more than five shorter ones. "
    "Working parents must find and pay for childcare on the extra day off. "
    "Pupils lose teaching time and fall behind in reading and maths."
)
WEAK = "Longer days exhaust children."


@dataclass
class FakeStore:
    """Just enough of ``game.progress.store.Store`` to show "recorded" in snapshots."""

    names: list[str] = field(default_factory=lambda: ["Ada"])
    attempts: list[Any] = field(default_factory=list)

    def players(self) -> list[str]:
        return list(self.names)

    def last_player(self) -> str | None:
        return self.names[-1] if self.names else None

    def add_player(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)

    def start_round(self, player: str, pack_id: str, mode: str) -> int:
        return 1

    def record_attempt(self, attempt: Any) -> int:
        self.attempts.append(attempt)
        return len(self.attempts)

    def finish_round(self, round_id: int) -> None:
        return None

    def close(self) -> None:
        return None


def fixture_entries() -> list[PackEntry]:
    """The UI fixture packs, broken ones included, through the real discovery."""
    return discover([FIXTURES], shipped=None)


def build(
    *,
    saves: Path | None = None,
    store: Any = None,
    clock: FakeClock | None = None,
    settings: Settings | None = None,
    scripted: bool = False,
    entries: list[PackEntry] | None = None,
    **options: Any,
) -> CounterpointApp:
    """The game on the fixture packs: real drafts when ``saves`` is given, seeded randomness."""
    drafts = None
    if saves is not None:
        from game.progress.drafts import Drafts

        drafts = Drafts(saves)
    settings = settings or Settings(cursor_blink=False)
    settings.cursor_blink = False
    if scripted:
        options.setdefault("grader_factory", ScriptedGrader)
    return make_app(
        settings,
        entries if entries is not None else fixture_entries(),
        store,
        random.Random(5),
        clock or FakeClock(),
        drafts=drafts,
        **{"saves_dir": saves, **options},
    )


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for grading workers and the screen changes they cause."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def start_round(
    pilot: Pilot[Any],
    *,
    name: str = "Ada",
    pack_title: str = "The four-day school week",
    kind: str | None = "all",
    stance: str | None = None,
    timer: int | None = None,
) -> None:
    """From the start screen: fill in the name, highlight a pack, set the options, start."""
    from textual.widgets import Input, OptionList

    from game.ui.widgets.choice import Choice

    await pilot.pause()  # let the start screen finish composing
    screen = pilot.app.screen
    screen.query_one("#player", Input).value = name
    packs = screen.query_one("#packs", OptionList)
    for index in range(packs.option_count):
        if pack_title in packs.get_option_at_index(index).prompt.plain:
            packs.highlighted = index
    if kind is not None:
        screen.query_one("#kind", Choice).value = kind
    if stance is not None:
        screen.query_one("#stance", Choice).value = stance
    if timer is not None:
        screen.query_one("#timer", Choice).value = timer
    await pilot.pause()
    screen.action_start()
    await pilot.pause()
    await pilot.pause()


def type_answer(pilot: Pilot[Any], text: str) -> None:
    """Put ``text`` in the answer box as if typed (through the box's own insertion path)."""
    from game.ui.widgets.answer_box import AnswerBox

    box = pilot.app.screen.query_one(AnswerBox)
    box.focus()
    box._replace_via_keyboard(text, *box.selection)


def plain(widget: Any) -> str:
    """The text a widget shows, without styles."""
    return str(widget.render().plain if hasattr(widget.render(), "plain") else widget.render())


async def submit_answer(pilot: Pilot[Any], text: str) -> None:
    """Type ``text``, submit it with ctrl+s and wait until it is graded."""
    type_answer(pilot, text)
    await pilot.press("ctrl+s")
    await settle(pilot)
