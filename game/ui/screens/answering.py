"""What the answer screens share: the box, its word count, the answer timer and grading state.

A practice turn (``PositionScreen``) and a club seat (``ClubAnswerScreen``) differ in whose
answer it is, what is drafted and where it goes; typing, saving the draft after a pause in
typing, Submit only for a non-empty answer,
the countdown that submits the answer as it stands, giving the answer back when grading
fails and the notice when a paste is cut short are the same, and live here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Static

from game.ui.screens.base import ClaimScreen
from game.ui.widgets.answer_box import ANSWER_CAP, AnswerBox
from game.ui.widgets.claim_card import ClaimCard
from game.ui.widgets.countdown import Countdown
from game.ui.widgets.word_count import WordCount

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from game.packs.model import Position
    from game.rounds.base import TurnRound

TICK = 0.25
"""How often the countdown is redrawn."""
PLACEHOLDER = "Write your answer here, in sentences."
DRAFT_DELAY = 2.0
"""Seconds of quiet typing after which the draft is written to disk."""


class AnswerScreen(ClaimScreen):
    """Takes one answer to the round's current position; subclasses send it (``send``)."""

    AUTO_FOCUS = "AnswerBox"
    TIME_UP = "Time is up: your answer was submitted as it stood."
    """The notice when the timer submits the answer."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.grading = False
        """The answer is with the grader: the box is read-only and Submit is off."""
        self._ticker: Timer | None = None
        self._draft_timer: Timer | None = None
        self._empty = not text.strip()

    @property
    def answering_round(self) -> TurnRound[Any]:
        """The round whose current position is answered."""
        raise NotImplementedError

    def shown_position(self) -> Position:
        return self.answering_round.position

    def compose_answer(self, text: str = "") -> ComposeResult:
        """The answer box, the status line (words, grading, countdown) and the footer."""
        yield AnswerBox(text, placeholder=PLACEHOLDER, id="answer")
        with Horizontal(id="status"):
            yield WordCount(ANSWER_CAP, id="count")
            yield Static("Grading…", id="grading")
            yield Countdown(id="countdown")
        yield Footer()

    def start_answer(self) -> None:
        """At mount: the settings' look, drafts on quit, and the timer if the round has one."""
        self.query_one(ClaimCard).show_context = self.game.settings.show_context
        self.query_one(AnswerBox).cursor_blink = self.game.settings.cursor_blink
        self.query_one("#grading").display = False
        self.game.drafts.source = self.save_draft_now
        if self.answering_round.time_limit is not None:
            self.tick()
            self._ticker = self.set_interval(TICK, self.tick)

    def stop_drafting(self) -> None:
        """At unmount: quitting no longer saves this screen's answer."""
        if self.game.drafts.source == self.save_draft_now:
            self.game.drafts.source = None

    def save_draft_now(self) -> None:
        """Keep the answer being typed as a draft (on quit, and after a pause in typing)."""
        raise NotImplementedError

    # -- typing -----------------------------------------------------------------------------

    @on(AnswerBox.Changed)
    def _answer_changed(self) -> None:
        text = self.query_one(AnswerBox).text
        self.query_one(WordCount).count(text)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_draft_now)
        self.typed()
        empty = not text.strip()
        if empty != self._empty:  # the footer only changes when Submit becomes (un)available
            self._empty = empty
            self.refresh_bindings()

    def typed(self) -> None:
        """The answer changed (after the word count is updated and the draft scheduled)."""

    @on(AnswerBox.Truncated)
    def _truncated(self, event: AnswerBox.Truncated) -> None:
        self.notify(
            f"Answers are capped at {event.box.cap:,} characters: only {event.kept:,} of the"
            f" {event.offered:,} characters went in.",
            title="Paste cut short",
            severity="warning",
            markup=False,
        )

    # -- timer ------------------------------------------------------------------------------

    def answering(self) -> bool:
        """Whether the round still waits for this answer (the countdown runs only then)."""
        return True

    def tick(self) -> None:
        """Redraw the countdown; submit the answer as it stands when time is up."""
        if not self.answering():
            return
        round_ = self.answering_round
        self.query_one(Countdown).remaining = round_.remaining()
        if round_.expired() and not self.grading:
            self.notify(self.TIME_UP, markup=False)
            self._submit(timed_out=True)

    # -- submitting -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            if self.grading:
                return None
            return bool(self.is_mounted and self.query_one(AnswerBox).text.strip()) or None
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
        self.send(box.text, timed_out)

    def send(self, text: str, timed_out: bool) -> None:
        """Hand the answer over for grading (the box is read-only meanwhile)."""
        raise NotImplementedError

    def grading_failed(self) -> None:
        """The grader failed: give the answer back to the player to try again."""
        self.grading = False
        self.query_one(AnswerBox).read_only = False
        self.query_one("#grading").display = False
        self.refresh_bindings()
