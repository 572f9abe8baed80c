"""Between two players: "pass the keyboard to NAME", with nothing of the last answer shown.

The screen stands between seats so that the next player never sees what the previous one
wrote or scored: answers and scores appear only when every seat of the position is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from game.safe_text import shorten
from game.ui.screens.base import QUIT_KEY
from game.ui.screens.club_base import ClubScreen
from game.ui.text import literal

if TYPE_CHECKING:
    from game.ui.club_flow import ClubFlow


class HandoverScreen(ClubScreen):
    """Names the next player; Enter when they have the keyboard."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#take-seat"
    HELP = """\
## Pass the keyboard

The player named takes the keyboard; the others look away from the screen until the answer
is in. Nobody's answer or score is shown until every player has answered this position.
**Enter** starts the named player's turn. **Esc** ends the round for everyone (after asking).
"""
    BINDINGS = [
        Binding("escape", "end_round", "End round", id="end-round", tooltip="Stop the round"),
        QUIT_KEY,
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__(flow)
        self.player = flow.round.seat.player

    def compose(self) -> ComposeResult:
        round_ = self.flow.round
        seat = round_.seat
        name = shorten(seat.player, 40)
        yield Header(icon="✎")
        with Vertical(id="handover"):
            yield Static(
                Content.assemble(
                    (f"{self.flow.title} · ", "$text-muted"),
                    f"position {round_.index + 1} of {len(round_.turns)}",
                ),
                id="handover-where",
            )
            yield Static("Pass the keyboard to", id="handover-pass")
            yield Static(literal(name, "bold $text-accent"), id="handover-name")
            yield Static(
                Content.assemble(literal(name, "bold"), f" will {seat.stance}: ")
                + literal(round_.position.claim),
                id="handover-task",
            )
            yield Static(self._progress(), id="handover-progress")
            with Center():
                yield Button(f"I am {shorten(seat.player, 20)}: start", id="take-seat")
            yield Static(
                f"Enter when {shorten(seat.player, 20)} has the keyboard. Everyone else: eyes"
                " off the screen.",
                id="handover-hint",
                classes="hint",
            )
        yield Footer()

    def _progress(self) -> Content:
        """Who is in so far, without any answer or score."""
        round_ = self.flow.round
        done = set(round_.answered())
        if not done:
            return Content.styled("First to answer this position.", "$text-muted")
        marks = [
            Content.styled(f"{shorten(s.player, 16)} ✓", "$text-success")
            if s.player in done
            else Content.styled(shorten(s.player, 16), "$text-muted")
            for s in round_.seats(round_.index)
        ]
        hidden = Content.styled("Answers stay hidden until everyone is in.", "$text-muted")
        return Content("\n").join([Content(" · ").join(marks), hidden])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.flow.take_seat()
