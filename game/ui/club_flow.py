"""The flow of a club round between its screens: handover, prep, answer, reveal, results.

``ClubFlow`` owns one hot-seat or head-to-head round (``game.rounds``), grades in a worker
thread, records every answer under its player, and puts up the screen for the round's phase.
Screens call its methods and never change the round themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from game.safe_text import clean
from game.ui.session import LazyGrader, draft_key

if TYPE_CHECKING:
    from textual.screen import Screen

    from game.packs.model import Pack
    from game.rounds.club import ClubAnswer, SeatedRound
    from game.rounds.plan import RoundSpec, StanceChoice
    from game.ui.app import CounterpointApp

Mode = Literal["hotseat", "headtohead"]
MODE_NAMES: dict[str, str] = {"hotseat": "Hot-seat", "headtohead": "Head-to-head"}
"""How each mode is named on screen; the keys are also the store's round modes."""


@dataclass(frozen=True)
class ClubChoice:
    """What the start and setup screens chose for a club round."""

    mode: Mode
    """Hot-seat or head-to-head."""
    players: tuple[str, ...]
    """The players, checked."""
    pack_id: str
    """The pack to play."""
    spec: RoundSpec
    """Which positions."""
    stance: StanceChoice
    """Hot-seat: the stance of each position (mixed: picked per position)."""
    alternate: bool = False
    """Hot-seat: neighbours take opposite stances."""
    timer: int = 0
    """Seconds per answer; 0 for none."""
    prep: int = 0
    """Seconds of preparation before each answer; 0 for none."""


class ClubFlow:
    """One club round in play; created by ``start_club``."""

    def __init__(
        self, app: CounterpointApp, choice: ClubChoice, pack: Pack, pack_hash: str
    ) -> None:
        self.app = app
        self.choice = choice
        self.pack = pack
        self.pack_hash = pack_hash
        self.round: SeatedRound = self._build()
        self.round_ids: dict[str, int | None] = {}
        """The store's round per player (one round per player, so each answer is theirs)."""
        self.grading = False
        self.finished = False

    @property
    def title(self) -> str:
        """The mode's name, as shown."""
        return MODE_NAMES[self.choice.mode]

    def _build(self) -> SeatedRound:
        from game.rounds.club import plan_two_sided
        from game.rounds.plan import plan_round

        choice, app = self.choice, self.app
        grade = LazyGrader(app.grader_factory, self.pack).grade
        timing: dict[str, Any] = {
            "time_limit": choice.timer or None,
            "prep": choice.prep or None,
        }
        if choice.mode == "headtohead":
            from game.rounds.headtohead import HeadToHeadRound

            turns = plan_two_sided(self.pack, choice.spec, app.rng)
            return HeadToHeadRound(self.pack, turns, choice.players, grade, app.clock, **timing)
        from game.rounds.hotseat import HotSeatRound

        if choice.alternate:
            first = None if choice.stance == "mixed" else choice.stance
            turns = plan_two_sided(self.pack, choice.spec, app.rng, first)
        else:
            turns = plan_round(self.pack, choice.spec, choice.stance, app.rng)
        return HotSeatRound(
            self.pack,
            turns,
            choice.players,
            grade,
            app.clock,
            stances="alternate" if choice.alternate else "same",
            **timing,
        )

    # -- starting and showing ----------------------------------------------------------------

    def begin(self) -> None:
        """Open a store round for each player, then show the first handover."""
        problems = []
        for player in self.choice.players:
            round_id, problem = self.app.recorder.start(player, self.pack.id, self.choice.mode)
            self.round_ids[player] = round_id
            if problem:
                problems.append(problem)
        if problems:
            self.app.not_recording(problems[0])
        self.app.session = None  # the practice round, if any, is over
        self.app.sub_title = clean(f"{self.pack.title} · {self.title}")
        self.show()

    def show(self) -> None:
        """Put up the screen for the round's phase."""
        from game.rounds.club import Phase

        phase = self.round.phase
        screen: Screen[Any]
        if phase is Phase.HANDOVER:
            from game.ui.screens.handover import HandoverScreen

            screen = HandoverScreen(self)
        elif phase is Phase.PREP:
            from game.ui.screens.prep import PrepScreen

            screen = PrepScreen.for_seat(self)
        elif phase is Phase.ANSWERING:
            from game.ui.screens.club_answer import ClubAnswerScreen

            screen = ClubAnswerScreen(self)
        elif phase is Phase.REVEAL:
            screen = self._reveal_screen()
        else:
            screen = self._summary_screen()
        self.app.show_screen(screen)

    def _reveal_screen(self) -> Screen[Any]:
        if self.choice.mode == "headtohead":
            from game.ui.screens.duel_feedback import DuelFeedbackScreen

            return DuelFeedbackScreen(self)
        from game.ui.screens.club_feedback import ClubFeedbackScreen

        return ClubFeedbackScreen(self)

    def _summary_screen(self) -> Screen[Any]:
        if self.choice.mode == "headtohead":
            from game.ui.screens.duel_summary import DuelSummaryScreen

            return DuelSummaryScreen(self)
        from game.ui.screens.club_summary import ClubSummaryScreen

        return ClubSummaryScreen(self)

    # -- moves -------------------------------------------------------------------------------

    def take_seat(self) -> None:
        """The named player has the keyboard."""
        from game.rounds.club import Phase

        if self.round.phase is Phase.HANDOVER:
            self.round.take_seat()
            self.show()

    def start_answering(self) -> None:
        """Preparation over (time up, or the player is ready): open the answer box."""
        from game.rounds.club import Phase

        if self.round.phase is Phase.PREP:
            self.round.start_answering()
            self.show()

    def submit(self, text: str, *, timed_out: bool = False) -> None:
        """Grade the seat's answer off the event loop."""
        from game.rounds.club import Phase

        if self.round.phase is not Phase.ANSWERING or self.grading:
            return
        self.grading = True
        self.app.grade_in_thread(
            lambda: self.round.submit(text, timed_out=timed_out),
            self._graded,
            self._grading_failed,
            "club-grading",
        )

    def _grading_failed(self, error: Exception) -> None:
        from game.ui.screens.club_answer import ClubAnswerScreen

        self.grading = False
        self.app.grading_failed_notice(error, "The answer is kept; submit it again.")
        if isinstance(self.app.screen, ClubAnswerScreen):
            self.app.screen.grading_failed()

    def _graded(self, answer: ClubAnswer) -> None:
        self.grading = False
        graded = answer.graded
        error = self.app.recorder.record(
            answer.player, self.pack.id, self.pack_hash, self.round_ids.get(answer.player), graded
        )
        if error:
            self.app.not_recording(error)
        self.app.drafts.clear(
            draft_key(answer.player, self.pack.id, graded.position_id, graded.stance)
        )
        self.app.drafts.source = None
        from game.rounds.club import Phase

        if self.round.phase is Phase.SUMMARY:
            self._finish_recording()
        self.show()

    def next(self) -> None:
        """From the reveal: the next position, or the results."""
        from game.rounds.club import Phase

        if self.round.phase is Phase.REVEAL:
            if self.round.next() is Phase.SUMMARY:
                self._finish_recording()
            self.show()

    def end(self) -> None:
        """Stop the round for everyone: the results so far (or the start, if none)."""
        if self.grading:
            return
        self.app.drafts.flush()
        self.app.drafts.source = None
        self.round.finish()
        self._finish_recording()
        if self.round.answers:
            self.show()
        else:
            self.app.back_to_start()

    def confirm_end(self) -> None:
        """Ask first: ending stops the round for every player."""
        from game.ui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.end()

        self.app.push_screen(
            ConfirmModal(
                "End this round for everyone?",
                "The answers given so far are kept and shown; positions not every player"
                " answered are left out of the results.",
                "End the round",
            ),
            answered,
        )

    def again(self) -> None:
        """A new round with the same players and choices (head-to-head: the other starts)."""
        players = self.choice.players
        if self.choice.mode == "headtohead":
            players = players[::-1]
        start_club(self.app, replace(self.choice, players=players))

    def _finish_recording(self) -> None:
        if self.finished:
            return
        self.finished = True
        for round_id in self.round_ids.values():
            error = self.app.recorder.finish(round_id)
            if error:
                self.app.not_recording(error)
                break


def start_club(app: CounterpointApp, choice: ClubChoice) -> ClubFlow | None:
    """Build and begin a club round; None (with a notice) when it cannot be built."""
    from game.errors import UsageError

    entry = app.playable_entry(choice.pack_id)
    if entry is None or entry.pack is None:
        return None
    try:
        flow = ClubFlow(app, choice, entry.pack, entry.sha256)
    except (UsageError, ValueError) as error:
        app.notify(clean(str(error)), severity="error", markup=False)
        return None
    settings = app.settings
    settings.club_players = list(choice.players)
    settings.last_pack, settings.stance = choice.pack_id, choice.stance
    settings.timer, settings.prep = choice.timer, choice.prep
    settings.save()
    flow.begin()
    return flow
