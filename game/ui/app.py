"""The application: wiring, global keys, theme, drafts, and the flow between the screens.

The round's state lives in ``game.rounds``; this module only decides which screen shows it,
grades in a worker thread, records attempts and keeps drafts. Screens call the methods here
and never change the round themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from game.rounds.plan import RoundPlanError, Turn, plan_round
from game.rounds.practice import Clock, GradedAnswer, Phase, PracticeRound
from game.safe_text import clean
from game.ui.commands import GameCommands
from game.ui.recorder import Recorder
from game.ui.session import (
    GraderFactory,
    LazyGrader,
    PlaySession,
    RoundChoice,
    draft_key,
    split_draft_key,
)
from game.ui.settings import DARK_THEME, LIGHT_THEME, Settings

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.progress.store import Store

PaletteCommand = tuple[str, str, Callable[[], Any]]


class DraftStore(Protocol):
    """What the app needs of ``game.progress.drafts.Drafts``."""

    def save(self, key: str, text: str) -> Any: ...
    def load(self, key: str) -> str | None: ...
    def clear(self, key: str) -> Any: ...


def _default_grader(pack: Any) -> Any:
    from game.grading.grader import Grader  # imported on first grading: keeps start-up light

    return Grader(pack)


class CounterpointApp(App[int]):
    """The full-screen game."""

    CSS_PATH = "app.tcss"
    TITLE = "Counterpoint"
    COMMANDS = App.COMMANDS | {GameCommands}
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit_game",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Quit; an answer being typed is kept as a draft",
        ),
        Binding("f1", "help", "Help", id="help", tooltip="Help and keys for this screen"),
        Binding(
            "question_mark",
            "help",
            "Help",
            id="help-question",
            show=False,
            tooltip="Help (where no text box has focus)",
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "Light/dark",
            id="toggle-theme",
            show=False,
            tooltip="Switch between the light and dark theme",
        ),
    ]

    def __init__(
        self,
        settings: Settings,
        entries: Sequence[PackEntry],
        store: Store | None,
        rng: random.Random,
        clock: Clock,
        *,
        drafts: DraftStore | None = None,
        saves_dir: Path | None = None,
        grader_factory: GraderFactory | None = None,
        reload_packs: Callable[[], Sequence[PackEntry]] | None = None,
        store_error: str | None = None,
        player: str | None = None,
        pack_id: str | None = None,
        position_id: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.entries: list[PackEntry] = list(entries)
        self.recorder = Recorder(store, store_error)
        self.rng = rng
        self.clock = clock
        self.drafts = drafts
        self.saves_dir = saves_dir
        self.grader_factory = grader_factory or _default_grader
        self.reload_packs = reload_packs
        self.requested_player = player
        self.requested_pack = pack_id
        self.requested_position = position_id
        self.session: PlaySession | None = None
        self.history: list[tuple[PlaySession, GradedAnswer]] = []
        """Every answer graded in this run, for the history view."""
        self.draft_source: Callable[[], None] | None = None
        """Saves the answer being typed; set by the position screen while it is shown."""
        self._grading = False
        if settings.theme in self.available_themes:
            self.theme = settings.theme

    @property
    def store(self) -> Store | None:
        """The store, while recording works."""
        return self.recorder.store

    # -- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from game.ui.screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._install_signal_handlers()
        if self.recorder.error:
            self.notify(
                self.recorder.error,
                title="Not recording",
                severity="error",
                timeout=12,
                markup=False,
            )

    def _install_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError, ValueError, NotImplementedError, AttributeError):
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_fatal_signal, signum)

    def on_unmount(self) -> None:
        self.flush_draft()
        with contextlib.suppress(RuntimeError, ValueError, NotImplementedError, AttributeError):
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.remove_signal_handler(signum)

    def _on_fatal_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (terminal closed): keep the draft, then leave cleanly."""
        self.flush_draft()
        self.exit(return_code=128 + signum)

    def initial_player(self) -> str:
        """The name to offer on the start screen."""
        name = self.requested_player or self.recorder.last_player() or self.settings.last_player
        return clean(name or "")

    def initial_pack_id(self) -> str | None:
        """The pack to highlight on the start screen."""
        return self.requested_pack or self.settings.last_pack

    def player_names(self) -> list[str]:
        """Known players, for suggestions."""
        return [clean(n) for n in self.recorder.players()]

    def recording_status(self) -> str:
        """One line saying whether answers are being recorded."""
        return self.recorder.status()

    # -- settings ---------------------------------------------------------------------------

    def _theme_changed(self, theme: Any) -> None:
        self.settings.theme = self.theme
        self.settings.save()

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def toggle_context(self) -> None:
        """Show or hide each position's background, and remember the choice."""
        self.settings.show_context = not self.settings.show_context
        self.settings.save()
        from game.ui.screens.position import PositionScreen

        for screen in self.screen_stack:
            if isinstance(screen, PositionScreen):
                screen.show_context(self.settings.show_context)

    def toggle_hints(self) -> None:
        """Show or hide how many points a strong answer makes."""
        self.settings.show_hints = not self.settings.show_hints
        self.settings.save()
        from game.ui.screens.position import PositionScreen

        for screen in self.screen_stack:
            if isinstance(screen, PositionScreen):
                screen.show_hints()

    # -- drafts -----------------------------------------------------------------------------

    def flush_draft(self) -> None:
        """Save the answer being typed now (on quit, signals and leaving the screen)."""
        if self.draft_source is not None:
            with contextlib.suppress(Exception):  # never let saving a draft stop a quit
                self.draft_source()

    def load_draft(self, key: str) -> str | None:
        if self.drafts is None:
            return None
        try:
            return self.drafts.load(key)
        except Exception:  # a damaged draft must not stop the game
            return None

    def draft_time(self, key: str) -> datetime | None:
        """When the draft for ``key`` was saved, if the drafts store can say."""
        entry = getattr(self.drafts, "entry", None)
        try:
            found = entry(key) if entry is not None else None
        except Exception:  # an unreadable draft has no time to show
            return None
        saved = getattr(found, "saved_at", None)
        return saved if isinstance(saved, datetime) else None

    def waiting_drafts(self, player: str) -> list[tuple[str, str, str]]:
        """(pack, position, stance) of each unsent answer ``player`` left in a playable pack."""
        keys = getattr(self.drafts, "keys", None)
        if keys is None or not player:
            return []
        try:
            found = keys()
        except Exception:  # unreadable drafts folder: nothing to offer
            return []
        packs = {e.id: e.pack for e in self.entries if e.pack is not None}
        waiting = []
        for key in found:
            parts = split_draft_key(key)
            if parts is None or parts[0].casefold() != player.casefold():
                continue
            _, pack_id, position_id, stance = parts
            pack = packs.get(pack_id)
            if pack is None or not any(
                p.id == position_id and stance in p.stances for p in pack.positions
            ):
                continue
            waiting.append((pack_id, position_id, stance))
        return waiting

    def save_draft(self, key: str, text: str) -> None:
        if self.drafts is not None:
            with contextlib.suppress(Exception):
                self.drafts.save(key, text)

    def clear_draft(self, key: str) -> None:
        if self.drafts is not None:
            with contextlib.suppress(Exception):
                self.drafts.clear(key)

    # -- the round --------------------------------------------------------------------------

    def start_round(self, choice: RoundChoice, turns: list[Turn] | None = None) -> bool:
        """Plan and start a round; False (with a notice) when it cannot be built."""
        entry = next((e for e in self.entries if e.ok and e.id == choice.pack_id), None)
        if entry is None or entry.pack is None:
            self.notify("That pack is no longer available.", severity="error", markup=False)
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
        self.session = PlaySession(choice, pack, entry.sha256, round_)
        self._remember(choice)
        round_id, problem = self.recorder.start(choice.player, pack.id)
        self.session.round_id = round_id
        if problem:
            self._not_recording(problem)
        self.sub_title = clean(f"{pack.title} · {choice.player}")
        self.show_round()
        return True

    def _remember(self, choice: RoundChoice) -> None:
        s = self.settings
        s.last_player, s.last_pack, s.stance, s.timer = (
            choice.player,
            choice.pack_id,
            choice.stance,
            choice.timer,
        )
        if choice.spec.kind != "single":
            s.round_kind, s.round_count = choice.spec.kind, choice.spec.count
        s.save()

    def _not_recording(self, message: str) -> None:
        self.notify(
            f"{message}. The game goes on without recording.",
            title="Not recording",
            severity="error",
            timeout=12,
            markup=False,
        )

    def show_round(self) -> None:
        """Show the screen for the round's phase: answering, feedback or summary."""
        session = self.session
        if session is None:
            return
        from game.ui.screens.feedback import FeedbackScreen
        from game.ui.screens.position import PositionScreen
        from game.ui.screens.summary import SummaryScreen

        round_ = session.round
        screen: Screen[Any]
        if round_.phase is Phase.ANSWERING:
            screen = PositionScreen(session)
        elif round_.phase is Phase.GRADED and round_.last is not None:
            screen = FeedbackScreen(session, round_.last)
        else:
            screen = SummaryScreen(session)
        while len(self.screen_stack) > 2 or isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def submit_answer(self, text: str, *, timed_out: bool = False) -> None:
        """Grade ``text`` for the current turn, off the event loop."""
        session = self.session
        if session is None or session.round.phase is not Phase.ANSWERING or self._grading:
            return
        self._grading = True
        self._grade(session, text, timed_out)

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def _grade(self, session: PlaySession, text: str, timed_out: bool) -> None:
        try:
            attempt = session.round.submit(text, timed_out=timed_out)
        except Exception as error:  # the grader promises not to raise; if it does, keep the answer
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self._grading_failed, session, error)
            return
        with contextlib.suppress(RuntimeError):  # the app may be closing
            self.call_from_thread(self._graded, session, attempt)

    def _grading_failed(self, session: PlaySession, error: Exception) -> None:
        from game.ui.screens.position import PositionScreen

        self._grading = False
        self.notify(
            f"Grading failed ({clean(str(error)) or type(error).__name__})."
            " Your answer is kept; try again.",
            severity="error",
            markup=False,
        )
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
            self._not_recording(error)
        self.clear_draft(
            draft_key(session.choice.player, session.pack.id, attempt.position_id, attempt.stance)
        )
        if session is self.session:
            self.show_round()

    def retry_turn(self) -> None:
        """Answer the same position again."""
        if self.session and self.session.round.phase is Phase.GRADED:
            self.session.round.retry()
            self.show_round()

    def next_turn(self) -> None:
        """Go on to the next position, or to the summary after the last."""
        if self.session and self.session.round.phase is Phase.GRADED:
            if self.session.round.next() is Phase.SUMMARY:
                self._finish_recording()
            self.show_round()

    def end_round(self) -> None:
        """Stop the round now: the summary, or the start screen if nothing was answered."""
        session = self.session
        if session is None:
            return
        self.flush_draft()
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
                self._not_recording(error)

    def retry_weakest(self) -> None:
        """A new one-position round on the weakest position of the round just played."""
        session = self.session
        weakest = session.round.summary().weakest if session else None
        if session is None or weakest is None:
            return
        self.start_round(session.choice, [Turn(weakest.position_id, weakest.stance)])

    def back_to_start(self, focus_packs: bool = False) -> None:
        """Leave any round and show the start screen with the last choices."""
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
            self.flush_draft()
            self.session.round.finish()
            self._finish_recording()

    # -- global actions ---------------------------------------------------------------------

    async def action_quit_game(self) -> None:
        """Quit from anywhere; the answer being typed is saved as a draft first."""
        self.flush_draft()
        self.exit(0)

    def action_help(self) -> None:
        from game.ui.screens.base import HELP_FALLBACK
        from game.ui.screens.help import HelpScreen, key_rows

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        text = getattr(screen, "HELP", HELP_FALLBACK)
        self.push_screen(HelpScreen(text, key_rows(screen), self.saves_text()))

    def saves_text(self) -> str:
        """Where progress, drafts and settings live, in one or two lines."""
        if self.saves_dir is None:
            return "Nothing is saved in this session (no saves folder)."
        status = "" if self.recorder.active else f"\n{self.recorder.status()}"
        return f"{self.saves_dir}\n(change it with --saves DIR or COUNTERPOINT_SAVES){status}"

    def palette_commands(self, screen: Screen[Any]) -> Iterator[PaletteCommand]:
        """The game's commands for the palette, given the screen it was opened on."""
        from game.ui.app_commands import commands_for

        yield from commands_for(self, screen)


def make_app(
    settings: Settings,
    entries: Sequence[PackEntry],
    store: Store | None,
    rng: random.Random,
    clock: Clock,
    **options: Any,
) -> CounterpointApp:
    """Build the game; the CLI and the tests both come through here.

    Args:
        settings: Interface settings (``Settings.load(saves_dir)``, or ``Settings()`` in tests).
        entries: The packs found by ``game.packs.discovery.discover``, broken ones included.
        store: The progress store, or None to play without recording.
        rng: Randomness for random rounds and mixed stances.
        clock: The current time (UTC); attempts and the answer timer use it.
        **options: ``drafts``, ``saves_dir``, ``grader_factory``, ``reload_packs``,
            ``store_error``, ``player``, ``pack_id``, ``position_id`` (see
            ``CounterpointApp``).
    """
    return CounterpointApp(settings, entries, store, rng, clock, **options)
