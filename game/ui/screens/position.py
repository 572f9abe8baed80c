"""The position screen: the claim, what to do, and the answer box (with timer and draft)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from game.rounds.practice import Phase
from game.ui.screens.answering import AnswerScreen
from game.ui.screens.base import CONTEXT_KEY
from game.ui.session import PlaySession
from game.ui.text import instruction
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.claim_card import ClaimCard
from game.ui.widgets.word_count import WordCount

if TYPE_CHECKING:
    from game.rounds.practice import PracticeRound


class PositionScreen(AnswerScreen):
    """Shows the current turn of the round and takes the answer."""

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
        CONTEXT_KEY,
        Binding(
            "escape",
            "end_round",
            "End round",
            id="end-round",
            tooltip="Stop the round here and see the summary",
        ),
    ]

    def __init__(self, session: PlaySession) -> None:
        round_ = session.round
        previous = [a for a in round_.attempts if a.turn_index == round_.index]
        baseline = previous[-1].answer if previous else ""
        super().__init__(baseline)
        self.session = session
        self.submitted = False
        self.baseline = baseline
        """A retry starts from the last answer; it is not a draft until changed."""
        self.key = session.draft_key()

    @property
    def answering_round(self) -> PracticeRound:
        return self.session.round

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
        yield from self.compose_answer(self.baseline)

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
        box = self.query_one(AnswerBox)
        if self.baseline:
            box.move_cursor(box.document.end)  # a retry edits the last answer: carry on at its end
        self.query_one("#hints").display = bool(self._hints())
        self.query_one(WordCount).count(box.text)
        self.start_answer()
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
        self.stop_drafting()

    # -- drafts -----------------------------------------------------------------------------

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

    # -- answering --------------------------------------------------------------------------

    def answering(self) -> bool:
        return self.session.round.phase is Phase.ANSWERING

    def send(self, text: str, timed_out: bool) -> None:
        self.save_draft_now()  # kept until the attempt is safely graded
        self.game.submit_answer(text, timed_out=timed_out)

    def graded(self) -> None:
        """The answer is in; stop drafting it."""
        self.submitted = True

    def show_hints(self) -> None:
        """Redraw the instruction after hints were toggled."""
        hints = self.query_one("#hints", Static)
        hints.update(self._hints())
        hints.display = bool(self._hints())

    def action_end_round(self) -> None:
        if not self.grading:
            self.game.end_round()
