"""Preparation time: the position is shown and the answer box stays shut until time is up.

Debate clubs give speakers a moment to think before they speak. The screen counts down; at
zero (or on Enter, when the player is ready) the answer screen opens and only then does the
answer's own timer start. Practice, hot-seat and head-to-head rounds all use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from game.ui.screens.base import CONTEXT_KEY, QUIT_KEY, ClaimScreen
from game.ui.text import instruction, literal
from game.ui.widgets.claim_card import ClaimCard
from game.ui.widgets.prep_timer import PrepTimer

if TYPE_CHECKING:
    from game.packs.model import Position, Source, Stance
    from game.ui.app import CounterpointApp
    from game.ui.club_flow import ClubFlow
    from game.ui.session import PlaySession

TICK = 0.25
"""How often the countdown is redrawn."""


class PrepScreen(ClaimScreen):
    """The position to think about, a countdown, and a key to start early."""

    CSS_PATH = "../club.tcss"

    HELP = """\
## Preparation time

Read the position and plan your answer: which points you will make and in what order.
The answer box opens when the countdown reaches zero, and only then does the answer's own
timer start. **Enter** (or **F5**) opens it now if you are ready. **F2** shows the
position's background.
"""
    BINDINGS = [
        Binding(
            "enter,f5,ctrl+s",
            "ready",
            "Start answering",
            id="start-answering",
            tooltip="Open the answer box now",
        ),
        CONTEXT_KEY,
        Binding("escape", "end_round", "End round", id="end-round", tooltip="Stop the round"),
        QUIT_KEY,
    ]

    def __init__(
        self,
        *,
        position: Position,
        source: Source | None,
        stance: Stance,
        heading: Content,
        remaining: Callable[[], float | None],
        ready: Callable[[], None],
        end: Callable[[], None],
    ) -> None:
        super().__init__()
        self.position = position
        self.source = source
        self.stance = stance
        self.heading = heading
        self.remaining = remaining
        """Seconds of preparation left (None once it is over)."""
        self.ready = ready
        """Opens the answer box; called once."""
        self.end = end
        self.done = False
        self._ticker: Timer | None = None

    @classmethod
    def for_seat(cls, flow: ClubFlow) -> PrepScreen:
        """Preparation for the current seat of a club round."""
        round_ = flow.round
        seat = round_.seat
        heading = Content.assemble(
            literal(seat.player, "bold $text-accent"),
            f" · position {round_.index + 1} of {len(round_.turns)} · prepare to {seat.stance}",
        )
        return cls(
            position=round_.position,
            source=flow.pack.source,
            stance=seat.stance,
            heading=heading,
            remaining=round_.prep_remaining,
            ready=flow.start_answering,
            end=flow.confirm_end,
        )

    @classmethod
    def for_practice(cls, app: CounterpointApp, session: PlaySession) -> PrepScreen:
        """Preparation before the first try at a practice round's position."""
        round_ = session.round
        seconds = session.choice.prep
        started = app.clock()
        index = round_.index

        def remaining() -> float | None:
            return max(0.0, seconds - (app.clock() - started).total_seconds())

        def ready() -> None:
            session.prepared = index
            round_.restart_clock()
            app.show_round()

        heading = Content(
            f"Position {index + 1} of {len(round_.turns)} · prepare to {round_.stance}"
        )
        return cls(
            position=round_.position,
            source=session.pack.source,
            stance=round_.stance,
            heading=heading,
            remaining=remaining,
            ready=ready,
            end=app.end_round,
        )

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        yield Static(self.heading, id="prep-heading")
        with VerticalScroll(id="prep-body"):
            card = ClaimCard(self.position, self.source, id="card")
            card.border_title = "Prepare"
            yield card
            yield Static(instruction(self.stance), id="instruction")
            yield PrepTimer(id="prep-timer")
            yield Static(
                "Plan your points. Enter opens the answer box now.", id="prep-hint", classes="hint"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClaimCard).show_context = self.game.settings.show_context
        self.tick()
        self._ticker = self.set_interval(TICK, self.tick)

    def tick(self) -> None:
        """Redraw the countdown; open the answer box when it reaches zero."""
        if self.done:
            return
        left = self.remaining()
        if left is None:
            return
        self.query_one(PrepTimer).remaining = left
        if left <= 0:
            self.action_ready()

    def action_ready(self) -> None:
        if self.done:
            return
        self.done = True
        if self._ticker is not None:
            self._ticker.stop()
        self.ready()

    def shown_position(self) -> Position:
        return self.position

    def action_end_round(self) -> None:
        self.end()
