"""One player's turn in a club round: the position, whose turn it is, and the answer box.

Like the practice position screen, but the answer belongs to the seat's player, there are no
retries, and after submitting the keyboard goes straight to the next player (the answer is
not shown again until every seat of the position is in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from game.ui.screens.answering import AnswerScreen
from game.ui.screens.base import CONTEXT_KEY
from game.ui.session import draft_key
from game.ui.text import instruction, literal
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.claim_card import ClaimCard

if TYPE_CHECKING:
    from game.rounds.club import SeatedRound
    from game.ui.club_flow import ClubFlow


class ClubAnswerScreen(AnswerScreen):
    """Takes the seat's answer; submits it when time runs out."""

    CSS_PATH = "../club.tcss"
    TIME_UP = "Time is up: the answer was submitted as it stood."
    HELP = """\
## Your turn

Answer the position in the stance shown: **rebut** argues the claim is wrong, **defend**
that it is right. Submit with **ctrl+s** or **F5**; one answer per player, no retries. The
other players do not see your answer until everyone has answered this position. With a
timer, your answer is submitted as it stands when time runs out.
"""
    BINDINGS = [
        Binding("ctrl+s,f5", "submit", "Submit", id="submit", tooltip="Submit the answer"),
        CONTEXT_KEY,
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

    @property
    def answering_round(self) -> SeatedRound:
        return self.flow.round

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
        yield from self.compose_answer()

    def on_mount(self) -> None:
        self.start_answer()

    def on_unmount(self) -> None:
        self.stop_drafting()

    def save_draft_now(self) -> None:
        """Keep the answer being typed as this player's draft (or clear an emptied one)."""
        if self.grading or not self.is_mounted:
            return
        try:
            text = self.query_one(AnswerBox).text
        except Exception:  # the box is already gone while the screen unmounts
            return
        if text.strip():
            self.game.drafts.save(self.key, text)
        else:
            self.game.drafts.clear(self.key)

    def send(self, text: str, timed_out: bool) -> None:
        self.flow.submit(text, timed_out=timed_out)

    def action_end_round(self) -> None:
        if not self.grading:
            self.flow.confirm_end()
