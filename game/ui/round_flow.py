"""The flow of a round between its screens: answer, grade (in a thread), feedback, summary.

Screens call these methods and never change the round themselves; the round object decides
what may happen next, and ``show_round`` puts up the screen for its phase.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.screen import ModalScreen, Screen

from game.safe_text import clean
from game.ui.draft_keeper import DraftKeeper
from game.ui.recorder import Recorder
from game.ui.session import GraderFactory, LazyGrader, PlaySession, RoundChoice, draft_key
from game.ui.settings import Settings

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.rounds.base import Clock, GradedAnswer
    from game.rounds.plan import Turn

T = TypeVar("T")


class RoundFlow(App[int]):
    """The round-playing half of the app (``CounterpointApp`` adds wiring and global keys)."""

    settings: Settings
    entries: list[PackEntry]
    recorder: Recorder
    rng: random.Random
    clock: Clock
    drafts: DraftKeeper
    grader_factory: GraderFactory
    session: PlaySession | None
    history: list[tuple[PlaySession, GradedAnswer]]
    _grading: bool
    reload_packs: Callable[[], Sequence[PackEntry]] | None

    # -- the round --------------------------------------------------------------------------

    def start_round(
        self, choice: RoundChoice, turns: list[Turn] | None = None, mode: str = "practice"
    ) -> bool:
        """Plan and start a round; False (with a notice) when it cannot be built.

        ``mode`` is recorded with the round: drills (``DRILL_MODE``) pass their own turns.
        """
        from game.rounds.plan import RoundPlanError, plan_round
        from game.rounds.practice import PracticeRound
        from game.ui.bests import take_digest

        entry = self.playable_entry(choice.pack_id)
        if entry is None or entry.pack is None:
            return False
        pack = entry.pack
        try:
            turns = turns or plan_round(pack, choice.spec, choice.stance, self.rng)
        except RoundPlanError as error:
            self.notify(clean(str(error)), severity="error", markup=False)
            return False
        grader = LazyGrader(self.grader_factory, pack)
        round_ = PracticeRound(
            pack, turns, grader.grade, self.clock, time_limit=choice.timer or None
        )
        self.session = PlaySession(choice, pack, entry.sha256, round_, mode=mode)
        self._remember(choice, mode)
        self.session.before = take_digest(self.recorder.store, choice.player)
        round_id, problem = self.recorder.start(choice.player, pack.id, mode)
        self.session.round_id = round_id
        if problem:
            self.not_recording(problem)
        self.sub_title = clean(f"{pack.title} · {choice.player}")
        self.show_round()
        return True

    def _remember(self, choice: RoundChoice, mode: str = "practice") -> None:
        s = self.settings
        s.last_player, s.last_pack, s.stance, s.timer, s.prep = (
            choice.player,
            choice.pack_id,
            choice.stance,
            choice.timer,
            choice.prep,
        )
        if mode == "drill":
            s.round_kind = mode
        elif choice.spec.kind != "single":
            s.round_kind, s.round_count = choice.spec.kind, choice.spec.count
        s.save()

    # -- shared with club rounds (``game.ui.club_flow``) ---------------------------------------

    def playable_entry(self, pack_id: str) -> PackEntry | None:
        """The loaded pack with this id; None, with a notice, when it is gone or broken."""
        entry = next((e for e in self.entries if e.ok and e.id == pack_id), None)
        if entry is None or entry.pack is None:
            self.notify("That pack is no longer available.", severity="error", markup=False)
            return None
        return entry

    def not_recording(self, message: str) -> None:
        """Say why answers stopped being recorded; the game plays on."""
        self.recording_notice(f"{message}. The game goes on without recording.")

    def recording_notice(self, text: str) -> None:
        """A notice about recording that stays long enough to be read."""
        self.notify(text, title="Not recording", severity="error", timeout=12, markup=False)

    def show_screen(self, screen: Screen[Any]) -> None:
        """Put up a round's screen in place of the last one, above the start screen."""
        while len(self.screen_stack) > 2 or isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def grade_in_thread(
        self,
        submit: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
        group: str,
    ) -> None:
        """Run ``submit`` (which grades) off the event loop; ``done`` or ``failed`` on it."""

        def grade() -> None:
            try:
                outcome = submit()
            except Exception as error:  # the grader promises not to raise; the text is kept
                with contextlib.suppress(RuntimeError):
                    self.call_from_thread(failed, error)
                return
            with contextlib.suppress(RuntimeError):  # the app may be closing
                self.call_from_thread(done, outcome)

        self.run_worker(grade, thread=True, group=group, exclusive=True, exit_on_error=False)

    def grading_failed_notice(self, error: Exception, then: str) -> None:
        """Say that grading failed and what happens to the answer."""
        self.notify(
            f"Grading failed ({clean(str(error)) or type(error).__name__}). {then}",
            severity="error",
            markup=False,
        )

    def show_round(self) -> None:
        """Show the screen for the round's phase: answering, feedback or summary."""
        from game.rounds.practice import Phase

        session = self.session
        if session is None:
            return
        from game.ui.screens.feedback import FeedbackScreen
        from game.ui.screens.position import PositionScreen
        from game.ui.screens.summary import SummaryScreen

        round_ = session.round
        screen: Screen[Any]
        if round_.phase is Phase.ANSWERING and _prep_due(session):
            from game.ui.screens.prep import PrepScreen

            screen = PrepScreen.for_practice(self, session)  # type: ignore[arg-type]
        elif round_.phase is Phase.ANSWERING:
            screen = PositionScreen(session)
        elif round_.phase is Phase.GRADED and round_.last is not None:
            screen = FeedbackScreen(session, round_.last)
        else:
            screen = SummaryScreen(session)
        self.show_screen(screen)

    def submit_answer(self, text: str, *, timed_out: bool = False) -> None:
        """Grade ``text`` for the current turn, off the event loop."""
        from game.rounds.practice import Phase

        session = self.session
        if session is None or session.round.phase is not Phase.ANSWERING or self._grading:
            return
        self._grading = True
        self.grade_in_thread(
            lambda: session.round.submit(text, timed_out=timed_out),
            lambda attempt: self._graded(session, attempt),
            self._grading_failed,
            "grading",
        )

    def _grading_failed(self, error: Exception) -> None:
        from game.ui.screens.position import PositionScreen

        self._grading = False
        self.grading_failed_notice(error, "Your answer is kept; try again.")
        if isinstance(self.screen, PositionScreen):
            self.screen.grading_failed()

    def _graded(self, session: PlaySession, attempt: GradedAnswer) -> None:
        from game.ui.screens.position import PositionScreen

        self._grading = False
        self.history.append((session, attempt))
        for screen in self.screen_stack:
            if isinstance(screen, PositionScreen):
                screen.graded()
        error = self.recorder.record(
            session.choice.player, session.pack.id, session.pack_hash, session.round_id, attempt
        )
        if error:
            self.not_recording(error)
        self.drafts.clear(
            draft_key(session.choice.player, session.pack.id, attempt.position_id, attempt.stance)
        )
        if session is self.session:
            self.show_round()

    def retry_turn(self) -> None:
        """Answer the same position again."""
        from game.rounds.practice import Phase

        if self.session and self.session.round.phase is Phase.GRADED:
            self.session.round.retry()
            self.show_round()

    def next_turn(self) -> None:
        """Go on to the next position, or to the summary after the last."""
        from game.rounds.practice import Phase

        if self.session and self.session.round.phase is Phase.GRADED:
            if self.session.round.next() is Phase.SUMMARY:
                self._finish_recording()
            self.show_round()

    def end_round(self) -> None:
        """Stop the round now: the summary, or the start screen if nothing was answered."""
        session = self.session
        if session is None:
            return
        self.drafts.flush()
        session.round.finish()
        self._finish_recording()
        if session.round.summary().turns:
            self.show_round()
        else:
            self.back_to_start()

    def _finish_recording(self) -> None:
        if self.session is not None:
            error = self.recorder.finish(self.session.round_id)
            if error:
                self.not_recording(error)

    def retry_weakest(self) -> None:
        """A new one-position round on the weakest position of the round just played."""
        from game.rounds.plan import Turn

        session = self.session
        weakest = session.round.summary().weakest if session else None
        if session is None or weakest is None:
            return
        self.start_round(session.choice, [Turn(weakest.position_id, weakest.stance)])

    def back_to_start(self, focus_packs: bool = False) -> None:
        """Leave any round and show the start screen with the last choices."""
        from game.rounds.practice import Phase
        from game.ui.screens.start import StartScreen

        if self.session is not None and self.session.round.phase is not Phase.SUMMARY:
            self.end_round_quietly()
        self.session = None
        self.sub_title = ""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        start = self.screen_stack[0]
        if isinstance(start, StartScreen):
            start.round_ended()
            if focus_packs:
                start.focus_packs()

    def end_round_quietly(self) -> None:
        """Close the round in the store without showing anything (leaving mid-round)."""
        if self.session is not None:
            self.drafts.flush()
            self.session.round.finish()
            self._finish_recording()


def _prep_due(session: PlaySession) -> bool:
    """Preparation time comes once per position, before its first try."""
    round_ = session.round
    return bool(session.choice.prep) and session.prepared < round_.index and not round_.tries()
