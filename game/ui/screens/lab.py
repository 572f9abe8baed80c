"""The rubric lab: an instructor types answers and watches every point's verdict, live.

The pack is read from its file, and read again on ctrl+r while the instructor edits it in
another window. A pack that no longer loads shows its problems (file:line:col) while the last
good version keeps grading, and the answer being typed is never touched. Grading runs in an
exclusive worker thread after a short pause in typing, so keys never wait for the grader.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, Static
from textual.worker import get_current_worker

from game.safe_text import clean
from game.ui.lab_context import looking_at, share
from game.ui.lab_text import (
    pack_line,
    position_line,
    problems_text,
    score_line,
    stance_line,
    warnings_text,
)
from game.ui.lab_wordings import LabGrader
from game.ui.screens.base import GameScreen
from game.ui.screens.pack_browser import PackBrowserScreen
from game.ui.text import literal
from game.ui.widgets.answer_box import AnswerBox
from game.ui.widgets.evidence_view import EvidenceView
from game.ui.widgets.point_meter import PointMeter

if TYPE_CHECKING:
    from game.grading.result import Result
    from game.packs.discovery import PackEntry
    from game.packs.errors import Problem
    from game.packs.model import Pack, Position, Stance
    from game.ui.app import CounterpointApp
    from game.ui.lab_wordings import Wording

DEBOUNCE = 0.15
"""Seconds of quiet typing before the answer is graded again."""


class LabScreen(GameScreen):
    """A pack's positions and points, and an answer graded as it is typed."""

    CSS_PATH = "../lab.tcss"
    AUTO_FOCUS = "#lab-answer"
    HELP = """\
## Rubric lab

Try answers against the pack's rubric while you write it. Type in the box: after a short
pause every point of the position and stance shows how close the answer came (the bar),
whether it is made (**✓**), and the words that made it, marked in the answer below with the
point's number (**[n]** made, **(n)** nearly). Under a point, **↳** names the wording (its
argument or phrase n) that came closest: the one to reword when a point is earned by an
answer that should not earn it, or to add a phrase beside when it is missed. Warnings
(restating the claim, a list of words, the other side, a contradiction) show above the points.

Edit the pack file in another window and press **ctrl+r** to read it again: if it no longer
loads, its problems are listed with file, line and column, the last good version keeps
grading, and your answer stays as it is. **F3** lists the positions to choose one, **F8** /
**F7** go to the next / previous one, **F2** switches the stance, **Esc** goes back.
"""
    BINDINGS = [
        Binding("escape", "close", "Back", id="close-lab", tooltip="Leave the rubric lab"),
        Binding(
            "ctrl+r",
            "reload",
            "Reload",
            id="reload-pack",
            tooltip="Read the pack file again (after editing it); the answer is kept",
        ),
        Binding(
            "f3",
            "positions",
            "Positions",
            id="lab-positions",
            tooltip="Every position of the pack, to choose the one to try",
        ),
        Binding(
            "f8",
            "position(1)",
            "Next position",
            id="lab-next-position",
            show=False,
            tooltip="Try the answer on the next position of the pack",
        ),
        Binding(
            "f7",
            "position(-1)",
            "Previous position",
            id="lab-previous-position",
            show=False,
            priority=True,  # over the answer box's own f7 (select all)
            tooltip="Try the answer on the previous position of the pack",
        ),
        Binding(
            "f2",
            "stance",
            "Stance",
            id="lab-stance",
            tooltip="Switch between the rebut and defend rubrics of this position",
        ),
    ]

    def __init__(
        self,
        entry: PackEntry,
        *,
        position_id: str | None = None,
        stance: str | None = None,
        answer: str = "",
    ) -> None:
        super().__init__()
        self.path: Path = entry.path
        """The pack file, read again on reload."""
        self.pack: Pack | None = entry.pack
        """The last version of the pack that loaded (None if it never did)."""
        self.problems: list[Problem] = list(entry.error.problems) if entry.error else []
        """What is wrong with the file on disk, as last read."""
        self.position_index = 0
        self.stance: Stance = "rebut"
        self.answer = answer
        self.result: Result | None = None
        """The verdict shown, on ``graded_text``."""
        self.graded_text = ""
        self.wordings: dict[str, Wording] = {}
        """Per point, the wording closest to ``graded_text`` (real grader only)."""
        self._grader: Any = None
        self._generation = 0
        self._timer: Timer | None = None
        self._choose(position_id, stance)

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        with Vertical(id="lab"):
            yield Static(id="lab-pack")
            with Horizontal(id="lab-choose"):
                yield Label("Position", classes="field-label")
                yield Static(id="lab-position")
                yield Label("Stance", classes="field-label")
                yield Static(id="lab-stance")
            yield Static(id="lab-claim")
            yield AnswerBox(
                self.answer, placeholder="Type an answer to try the rubric on it…", id="lab-answer"
            )
            yield Static(id="lab-score")
            with VerticalScroll(id="lab-results"):
                yield Static(id="lab-problems", classes="error")
                yield Static(id="lab-warnings", classes="warning")
                yield Vertical(id="lab-points")
                yield Label("Evidence in the answer", id="lab-evidence-label", classes="section")
                yield EvidenceView(id="lab-evidence")
        yield Footer()

    def on_mount(self) -> None:
        if getattr(self.app, "served", False):  # never in a class's browser (see game.ui.served)
            self.notify("The rubric lab is not available here.", markup=False)
            self.call_later(self.dismiss)
            return
        self.query_one(AnswerBox).cursor_blink = self.game.settings.cursor_blink
        box = self.query_one(AnswerBox)
        box.move_cursor(box.document.end)
        self.sub_title = "Rubric lab"
        self._show_problems()
        self._show_rubric()

    @property
    def position(self) -> Position | None:
        """The position being tried, if the pack ever loaded."""
        return self.pack.positions[self.position_index] if self.pack is not None else None

    def _choose(self, position_id: str | None, stance: str | None) -> None:
        """Pick the position and stance asked for when they exist, else the first ones."""
        pack = self.pack
        if pack is None:
            return
        ids = [p.id for p in pack.positions]
        self.position_index = ids.index(position_id) if position_id in ids else 0
        stances = pack.positions[self.position_index].stances
        self.stance = stance if stance in stances else stances[0]

    def _show_rubric(self) -> None:
        """Show the pack, position, stance and the points (after a change of any of them)."""
        pack, position = self.pack, self.position
        self._show_head()
        if pack is None or position is None:
            self.query_one("#lab-position", Static).update("—")
            self.query_one("#lab-stance", Static).update("—")
            self.query_one("#lab-claim", Static).update(
                Content.styled("This pack has not loaded yet: fix it, then press ctrl+r.", "italic")
            )
            self.query_one("#lab-points").remove_children()
            self._show_result(None)
            return
        self.sub_title = clean(f"Rubric lab · {pack.title}")
        count = len(pack.positions)
        self.query_one("#lab-position", Static).update(
            position_line(self.position_index, count, position)
        )
        self.query_one("#lab-stance", Static).update(stance_line(self.stance, position))
        self.query_one("#lab-claim", Static).update(
            Content.assemble(("Claim: ", "bold"), literal(position.claim))
        )
        rubric = position.stance(self.stance)
        points = self.query_one("#lab-points")
        points.remove_children()
        if rubric is not None:
            points.mount_all(PointMeter(n, p) for n, p in enumerate(rubric.points, 1))
        self.result = None
        self._show_result(None)
        self.refresh_bindings()
        self._grade_now()

    def _show_head(self) -> None:
        line = pack_line(self.pack, self.path.name, stale=bool(self.problems))
        self.query_one("#lab-pack", Static).update(line)

    def _show_problems(self) -> None:
        panel = self.query_one("#lab-problems", Static)
        panel.display = bool(self.problems)
        if self.problems:
            panel.update(problems_text(self.problems, self.pack is not None))

    # -- grading ----------------------------------------------------------------------------

    @on(AnswerBox.Changed, "#lab-answer")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._grade_now)

    @on(AnswerBox.Truncated)
    def _truncated(self, event: AnswerBox.Truncated) -> None:
        self.notify(
            f"Answers are capped at {event.box.cap:,} characters: {event.kept:,} of the"
            f" {event.offered:,} went in.",
            severity="warning",
            markup=False,
        )

    def _grade_now(self) -> None:
        """Grade the answer as it stands, in the grading thread (the newest request wins)."""
        position = self.position
        if position is None or self.pack is None:
            return
        text = self.query_one(AnswerBox).text
        self._generation += 1
        if not text.strip():
            self.result, self.graded_text = None, text
            self._show_result(None)
            return
        if self._grader is None:
            self._grader = LabGrader(self.game.grader_factory, self.pack)
        self._grade(self._generation, self._grader, text, position.id, self.stance)

    @work(thread=True, exclusive=True, group="lab-grading", exit_on_error=False)
    def _grade(
        self, generation: int, grader: Any, text: str, position_id: str, stance: Stance
    ) -> None:
        worker = get_current_worker()
        outcome: Result | Exception
        wordings: dict[str, Wording] = {}
        try:
            outcome = grader.grade(text, position_id, stance)
            if not worker.is_cancelled:
                wordings = grader.wordings(text, position_id, stance)
        except Exception as error:  # the grader promises not to raise; say so if it does
            outcome = error
        if worker.is_cancelled:
            return
        with contextlib.suppress(RuntimeError):  # the app may be closing
            self.app.call_from_thread(self._graded, generation, text, outcome, wordings)

    def _graded(
        self,
        generation: int,
        text: str,
        outcome: Result | Exception,
        wordings: dict[str, Wording] | None = None,
    ) -> None:
        if generation != self._generation or not self.is_mounted:
            return  # an older request, overtaken by typing or a change of position
        if isinstance(outcome, Exception):
            message = clean(str(outcome)) or type(outcome).__name__
            self.notify(f"Grading failed: {message}", severity="error", markup=False)
            return
        self.result, self.graded_text, self.wordings = outcome, text, wordings or {}
        self._show_result(outcome)

    def _show_result(self, result: Result | None) -> None:
        score = self.query_one("#lab-score", Static)
        warnings = self.query_one("#lab-warnings", Static)
        view = self.query_one(EvidenceView)
        label = self.query_one("#lab-evidence-label")
        verdicts = {p.point_id: p for p in result.points} if result else {}
        wordings = self.wordings if result else {}
        for meter in self.query(PointMeter):
            meter.show(verdicts.get(meter.point.id), wordings.get(meter.point.id))
        warnings.display = bool(result and result.warnings)
        view.display = label.display = result is not None
        if result is None:
            hint = "Type an answer: each point's verdict appears as you type."
            score.update(Content.styled(hint if self.pack else "", "italic $foreground-muted"))
            return
        score.update(score_line(result))
        if result.warnings:
            warnings.update(warnings_text(result))
        view.show(self.graded_text, result.points)

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        position = self.position
        if action in ("position", "positions"):
            return self.pack is not None and len(self.pack.positions) > 1
        if action == "stance":
            return position is not None and len(position.stances) > 1
        return super().check_action(action, parameters)

    def action_position(self, step: int) -> None:
        if self.pack is None:
            return
        index = (self.position_index + step) % len(self.pack.positions)
        self._choose(self.pack.positions[index].id, self.stance)
        self._show_rubric()

    def action_positions(self) -> None:
        if self.pack is None:
            return
        from game.packs.discovery import PackEntry

        entry = PackEntry(self.path, self.pack, None, "")
        self.app.push_screen(PositionPicker(entry), self._position_picked)

    def _position_picked(self, position_id: str | None) -> None:
        if position_id is not None and self.pack is not None:
            self._choose(position_id, self.stance)
            self._show_rubric()
        self.query_one(AnswerBox).focus()

    def action_stance(self) -> None:
        position = self.position
        if position is None or len(position.stances) < 2:
            return
        self.stance = "defend" if self.stance == "rebut" else "rebut"
        self._show_rubric()

    def action_reload(self) -> None:
        self._reload(self.path)

    @work(thread=True, exclusive=True, group="lab-reload", exit_on_error=False)
    def _reload(self, path: Path) -> None:
        from game.packs.discovery import load_entry  # validating a pack imports pydantic models

        entry = load_entry(path)
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._reloaded, entry)

    def _reloaded(self, entry: PackEntry) -> None:
        if not self.is_mounted:
            return
        share(self.game, entry)
        if entry.pack is None:
            self.problems = list(entry.error.problems) if entry.error else []
            self._show_problems()
            self._show_head()
            count = len(self.problems)
            self.notify(
                f"{clean(self.path.name)} has {count} problem{'s' * (count != 1)}: see the list."
                + (" The last good version keeps grading." if self.pack else ""),
                title="Pack not reloaded",
                severity="warning",
                markup=False,
            )
            self.query_one("#lab-results", VerticalScroll).scroll_home(animate=False)
            return
        position = self.position
        self.pack, self.problems, self._grader = entry.pack, [], None
        self._choose(position.id if position else None, self.stance)
        self._show_problems()
        self._show_rubric()
        self.notify(f"Reloaded {clean(self.path.name)}.", markup=False)

    def action_close(self) -> None:
        self.dismiss()


class PositionPicker(PackBrowserScreen):
    """The pack browser, choosing the lab's position (no lab inside the lab)."""

    HELP = """\
## Positions

Every position of the pack with its stances. **Enter** tries the answer on the highlighted
position; **Esc** goes back to the lab.
"""
    BINDINGS = [
        Binding(
            "enter",
            "pick",
            "Try this position",
            id="pick-position",
            tooltip="Try the answer on this position",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "lab"


def open_lab(
    app: CounterpointApp,
    entry: PackEntry | None = None,
    *,
    position_id: str | None = None,
    stance: str | None = None,
    answer: str = "",
) -> bool:
    """Open the lab on ``entry``, or on what the player is looking at; False if it cannot."""
    if getattr(app, "served", False):
        app.notify("The rubric lab is not available here.", markup=False)
        return False
    if entry is None:
        entry, position_id, stance, answer = looking_at(app)
    if entry is None:
        app.notify("No pack to open in the lab.", severity="warning", markup=False)
        return False
    app.push_screen(LabScreen(entry, position_id=position_id, stance=stance, answer=answer))
    return True
