"""One player's turn in a club round: the position, whose turn it is, and the answer box.

Like the practice position screen, but the answer belongs to the seat's player, there are no
retries, and after submitting the keyboard goes straight to the next player (the answer is
not shown again until every seat of the position is in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from game.ui.screens.base import GameScreen
from game.ui.session import draft_key
from game.ui.text import instruction, literal
from game.ui.widgets.answer_box import ANSWER_CAP, AnswerBox
from game.ui.widgets.claim_card import ClaimCard
from game.ui.widgets.countdown import Countdown
from game.ui.widgets.word_count import WordCount

if TYPE_CHECKING:
    from game.ui.club_flow import ClubFlow

TICK = 0.25
"""How often the countdown is redrawn."""


class ClubAnswerScreen(GameScreen):
    """Takes the seat's answer; submits it when time runs out."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "AnswerBox"
    HELP = """\
## Your turn

Answer the position in the stance shown: **rebut** argues the claim is wrong, **defend**
that it is right. Submit with **ctrl+s** or **F5**; one answer per player, no retries. The
other players do not see your answer until everyone has answered this position. With a
timer, your answer is submitted as it stands when time runs out.
"""
    BINDINGS = [
        Binding("ctrl+s,f5", "submit", "Submit", id="submit", tooltip="Submit the answer"),
        Binding(
            "f2",
            "toggle_context",
            "Context",
            id="toggle-context",
            tooltip="Show or hide the position's background",
        ),
        Binding("escape", "end_round", "End round", id="end-round", tooltip="Stop the round"),
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__()
        self.flow = flow
        round_ = flow.round
        self.seat = round_.seat
        self.key = draft_key(
            self.seat.player, flow.pack.id, round_.turn.position_id, self.seat.stance
        )
        self.grading = False
        self._ticker: Timer | None = None
        self._empty = True

    def compose(self) -> ComposeResult:
        round_ = self.flow.round
        yield Header(icon="✎")
        yield Static(
            Content.assemble(
                literal(self.seat.player, "bold $text-accent"),
                f"'s turn · position {round_.index + 1} of {len(round_.turns)}",
            ),
            id="seat-heading",
        )
        with VerticalScroll(id="prompt"):
            card = ClaimCard(round_.position, self.flow.pack.source, id="card")
            card.border_title = f"Position {round_.index + 1} of {len(round_.turns)}"
            yield card
            yield Static(instruction(self.seat.stance), id="instruction")
        yield AnswerBox(placeholder="Write your answer here, in sentences.", id="answer")
        with Horizontal(id="status"):
            yield WordCount(ANSWER_CAP, id="count")
            yield Static("Grading…", id="grading")
            yield Countdown(id="countdown")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClaimCard).show_context = self.game.settings.show_context
        self.query_one(AnswerBox).cursor_blink = self.game.settings.cursor_blink
        self.query_one("#grading").display = False
        self.game.drafts.source = self.save_draft_now
        if self.flow.round.time_limit is not None:
            self.tick()
            self._ticker = self.set_interval(TICK, self.tick)

    def on_unmount(self) -> None:
        if self.game.drafts.source == self.save_draft_now:
            self.game.drafts.source = None

    def save_draft_now(self) -> None:
        """On quit: keep the answer being typed as this player's draft."""
        if self.grading or not self.is_mounted:
            return
        text = self.query_one(AnswerBox).text
        if text.strip():
            self.game.drafts.save(self.key, text)

    @on(AnswerBox.Changed)
    def _changed(self) -> None:
        text = self.query_one(AnswerBox).text
        self.query_one(WordCount).count(text)
        empty = not text.strip()
        if empty != self._empty:
            self._empty = empty
            self.refresh_bindings()

    def tick(self) -> None:
        """Redraw the countdown; submit the answer as it stands when time is up."""
        round_ = self.flow.round
        self.query_one(Countdown).remaining = round_.remaining()
        if round_.expired() and not self.grading:
            self.notify("Time is up: the answer was submitted as it stood.", markup=False)
            self._submit(timed_out=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            if self.grading:
                return None
            return bool(self.is_mounted and self.query_one(AnswerBox).text.strip()) or None
        if action == "toggle_context":
            return self.flow.round.position.context is not None
        return super().check_action(action, parameters)

    def action_submit(self) -> None:
        self._submit(timed_out=False)

    def _submit(self, *, timed_out: bool) -> None:
        if self.grading:
            return
        self.grading = True
        if self._ticker is not None:
            self._ticker.stop()
        box = self.query_one(AnswerBox)
        box.read_only = True
        self.query_one("#grading").display = True
        self.refresh_bindings()
        self.flow.submit(box.text, timed_out=timed_out)

    def grading_failed(self) -> None:
        """The grader failed: the answer goes back to the player."""
        self.grading = False
        self.query_one(AnswerBox).read_only = False
        self.query_one("#grading").display = False
        self.refresh_bindings()

    def action_toggle_context(self) -> None:
        self.game.toggle_context()
        self.query_one(ClaimCard).show_context = self.game.settings.show_context

    def action_end_round(self) -> None:
        if not self.grading:
            self.flow.confirm_end()
