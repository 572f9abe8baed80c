"""The position screen: the claim, what to do, and the answer box (with timer and draft)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from game.rounds.practice import Phase
from game.ui.screens.base import GameScreen
from game.ui.session import PlaySession
from game.ui.text import instruction
from game.ui.widgets.answer_box import ANSWER_CAP, AnswerBox
from game.ui.widgets.claim_card import ClaimCard
from game.ui.widgets.countdown import Countdown
from game.ui.widgets.word_count import WordCount

DRAFT_DELAY = 2.0
"""Seconds of quiet typing after which the draft is written to disk."""
TICK = 0.25
"""How often the countdown is redrawn."""


class PositionScreen(GameScreen):
    """Shows the current turn of the round and takes the answer."""

    AUTO_FOCUS = "AnswerBox"
    HELP = """\
## Answer the position

Read the claim, then write your answer in the box: **rebut** means arguing that the claim is
wrong, **defend** that it is right. Write in sentences, as you would say it in a debate; each
point a strong debater would make earns credit, weighted by how much it matters.

Submit with **ctrl+s** or **F5**. **F2** shows or hides the background of the position.
What you type is saved as a draft as you go, so quitting loses nothing: it is offered back
next time. With a timer, your answer is submitted as it stands when time runs out.
"""
    BINDINGS = [
        Binding(
            "ctrl+s,f5", "submit", "Submit", id="submit", tooltip="Submit your answer for grading"
        ),
        Binding(
            "f2",
            "toggle_context",
            "Context",
            id="toggle-context",
            tooltip="Show or hide the position's background",
        ),
        Binding(
            "escape",
            "end_round",
            "End round",
            id="end-round",
            tooltip="Stop the round here and see the summary",
        ),
    ]

    def __init__(self, session: PlaySession) -> None:
        super().__init__()
        self.session = session
        self.grading = False
        self.submitted = False
        round_ = session.round
        previous = [a for a in round_.attempts if a.turn_index == round_.index]
        self.baseline = previous[-1].answer if previous else ""
        """A retry starts from the last answer; it is not a draft until changed."""
        self.key = session.draft_key()
        self._draft_timer: Timer | None = None
        self._ticker: Timer | None = None
        self._empty = not self.baseline.strip()

    def compose(self) -> ComposeResult:
        round_ = self.session.round
        position = round_.position
        yield Header(icon="✎")
        with VerticalScroll(id="prompt"):
            card = ClaimCard(position, self.session.pack.source, id="card")
            card.border_title = f"Position {round_.index + 1} of {len(round_.turns)}"
            tries = round_.tries()
            if tries:
                card.border_subtitle = f"try {tries + 1}"
            yield card
            yield Static(instruction(self.session.round.stance), id="instruction")
            yield Static(self._hints(), id="hints")
        yield AnswerBox(
            self.baseline, placeholder="Write your answer here, in sentences.", id="answer"
        )
        with Horizontal(id="status"):
            yield WordCount(ANSWER_CAP, id="count")
            yield Static("Grading…", id="grading")
            yield Countdown(id="countdown")
        yield Footer()

    def _hints(self) -> str:
        if not self.game.settings.show_hints:
            return ""
        rubric = self.session.round.position.stance(self.session.round.stance)
        if rubric is None:
            return ""
        count = len(rubric.points)
        if count == 1:
            return "Hint: one point earns credit here; make it in full sentences."
        return f"Hint: {count} points earn credit; making the strongest few earns full marks."

    def on_mount(self) -> None:
        card = self.query_one(ClaimCard)
        card.show_context = self.game.settings.show_context
        box = self.query_one(AnswerBox)
        box.cursor_blink = self.game.settings.cursor_blink
        if self.baseline:
            box.move_cursor(box.document.end)  # a retry edits the last answer: carry on at its end
        self.query_one("#grading").display = False
        self.query_one("#hints").display = bool(self._hints())
        self._update_count()
        self.game.drafts.source = self.save_draft_now
        if self.session.round.time_limit is not None:
            self.tick()
            self._ticker = self.set_interval(TICK, self.tick)
        draft = self.game.drafts.load(self.key)
        if draft and draft.strip() and draft != box.text:
            from game.ui.screens.draft_modal import DraftModal

            self.app.push_screen(
                DraftModal(draft, self.game.drafts.saved_at(self.key)), self._draft_answered
            )

    def _draft_answered(self, restore: bool | None) -> None:
        box = self.query_one(AnswerBox)
        if restore:
            draft = self.game.drafts.load(self.key) or ""
            box.load_text(draft)
            box.move_cursor(box.document.end)
            self.notify("Your unsent answer is back.", markup=False)
        else:
            self.game.drafts.clear(self.key)
        box.focus()

    def on_unmount(self) -> None:
        self.save_draft_now()
        if self.game.drafts.source == self.save_draft_now:
            self.game.drafts.source = None

    # -- typing -----------------------------------------------------------------------------

    @on(AnswerBox.Changed)
    def _changed(self) -> None:
        self._update_count()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_draft_now)
        empty = not self.query_one(AnswerBox).text.strip()
        if empty != self._empty:  # the footer only changes when Submit becomes (un)available
            self._empty = empty
            self.refresh_bindings()

    @on(AnswerBox.Truncated)
    def _truncated(self, event: AnswerBox.Truncated) -> None:
        self.notify(
            f"Answers are capped at {event.box.cap:,} characters: only {event.kept:,} of the"
            f" {event.offered:,} characters went in.",
            title="Paste cut short",
            severity="warning",
            markup=False,
        )

    def _update_count(self) -> None:
        self.query_one(WordCount).count(self.query_one(AnswerBox).text)

    def save_draft_now(self) -> None:
        """Write the answer being typed to the drafts (or clear an emptied one)."""
        if self.submitted or not self.is_mounted:
            return
        try:
            text = self.query_one(AnswerBox).text
        except Exception:  # the box is already gone while the screen unmounts
            return
        if not text.strip():
            self.game.drafts.clear(self.key)
        elif text != self.baseline:
            self.game.drafts.save(self.key, text)

    # -- timer ------------------------------------------------------------------------------

    def tick(self) -> None:
        """Redraw the countdown; submit the answer as it stands when time is up."""
        round_ = self.session.round
        if round_.phase is not Phase.ANSWERING:
            return
        self.query_one(Countdown).remaining = round_.remaining()
        if round_.expired() and not self.grading:
            self.notify("Time is up: your answer was submitted as it stood.", markup=False)
            self._submit(timed_out=True)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            if self.grading:
                return None
            return bool(self.is_mounted and self.query_one(AnswerBox).text.strip()) or None
        if action == "toggle_context":
            return self.session.round.position.context is not None
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
        self.save_draft_now()  # kept until the attempt is safely graded
        self.refresh_bindings()
        self.game.submit_answer(box.text, timed_out=timed_out)

    def grading_failed(self) -> None:
        """The grader failed: give the answer back to the player to try again."""
        self.grading = False
        self.query_one(AnswerBox).read_only = False
        self.query_one("#grading").display = False
        self.refresh_bindings()

    def graded(self) -> None:
        """The answer is in; stop drafting it."""
        self.submitted = True

    def action_toggle_context(self) -> None:
        self.game.toggle_context()

    def show_context(self, show: bool) -> None:
        """Show or hide the context (the app remembers the choice)."""
        self.query_one(ClaimCard).show_context = show

    def show_hints(self) -> None:
        """Redraw the instruction after hints were toggled."""
        hints = self.query_one("#hints", Static)
        hints.update(self._hints())
        hints.display = bool(self._hints())

    def action_end_round(self) -> None:
        if not self.grading:
            self.game.end_round()
