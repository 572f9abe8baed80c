"""The application: wiring, global keys, settings and theme, signals, help and palette.

The flow of a round between its screens is in ``game.ui.round_flow``; the round's state lives
in ``game.rounds``.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from game.paths import FEATURED_PACK
from game.safe_text import clean
from game.ui.commands import GameCommands
from game.ui.draft_keeper import DraftKeeper, DraftStore
from game.ui.recorder import Recorder
from game.ui.round_flow import RoundFlow
from game.ui.session import (
    GraderFactory,
    PlaySession,
)
from game.ui.settings import DARK_THEME, LIGHT_THEME, Settings

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.progress.store import Store
    from game.rounds.base import Clock, GradedAnswer

PaletteCommand = tuple[str, str, Callable[[], Any]]
SHOW_EVERY_KEY = frozenset({"submit"})
"""Bindings whose footer entry lists all their keys."""


def _default_grader(pack: Any) -> Any:
    from game.grading.grader import Grader  # imported on first grading: keeps start-up light

    return Grader(pack)


class CounterpointApp(RoundFlow):
    """The full-screen game."""

    CSS_PATH = "app.tcss"
    TITLE = "Counterpoint"
    COMMANDS = App.COMMANDS | {GameCommands}
    served = False
    """True in a game served to a browser (``game.ui.served.ServedApp``)."""
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
        entries: Sequence[PackEntry] | None,
        store: Store | None,
        rng: random.Random,
        clock: Clock,
        *,
        drafts: DraftStore | None = None,
        saves_dir: Path | None = None,
        grader_factory: GraderFactory | None = None,
        reload_packs: Callable[[], Sequence[PackEntry]] | None = None,
        store_error: str | None = None,
        open_store: Callable[[], tuple[Store | None, str | None, bool]] | None = None,
        player: str | None = None,
        pack_id: str | None = None,
        position_id: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.entries: list[PackEntry] = list(entries or ())
        self.packs_loading = entries is None and reload_packs is not None
        """True until the packs found in the background have arrived."""
        self.open_store = open_store
        self.loading = self.packs_loading or open_store is not None
        """True until the background loading (saves, packs) is done."""
        self.recorder = Recorder(store, store_error)
        self.rng = rng
        self.clock = clock
        self.drafts = DraftKeeper(drafts)
        """Unsent answers: saved as typed, offered back next time."""
        self.saves_dir = saves_dir
        self.grader_factory = grader_factory or _default_grader
        self.reload_packs = reload_packs
        self.requested_player = player
        self.requested_pack = pack_id
        self.requested_position = position_id
        self.session: PlaySession | None = None
        self.history: list[tuple[PlaySession, GradedAnswer]] = []
        """Every answer graded in this run, for the history view."""
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
        if self.loading:
            self.call_after_refresh(self._load)  # the first screen is drawn before the work starts
        else:
            self._report_store()

    def _install_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError, ValueError, NotImplementedError, AttributeError):
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_fatal_signal, signum)

    def on_unmount(self) -> None:
        self.drafts.flush()
        with contextlib.suppress(RuntimeError, ValueError, NotImplementedError, AttributeError):
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.remove_signal_handler(signum)

    def _on_fatal_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (terminal closed): keep the draft, then leave cleanly."""
        self.drafts.flush()
        self.exit(return_code=128 + signum)

    @work(thread=True, exclusive=True, group="loading", exit_on_error=False)
    def _load(self) -> None:
        """Open the saves and find the packs off the event loop, after the first screen is up.

        Both import and validate a good deal (pydantic models, SQLite checks), which is most
        of the start-up time; the start screen says it is looking meanwhile.
        """
        opened: tuple[Any, str | None, bool] | None = None
        found: list[PackEntry] | None = None
        problem: Exception | None = None
        try:
            if self.open_store is not None:
                opened = self.open_store()
            if self.packs_loading and self.reload_packs is not None:
                found = list(self.reload_packs())
        except Exception as error:  # bad packs come back as entries: this is a bug or OS fault
            problem = error
        with contextlib.suppress(RuntimeError):  # the app may have closed meanwhile
            self.call_from_thread(self._loaded, opened, found, problem)

    def _loaded(
        self,
        opened: tuple[Any, str | None, bool] | None,
        found: list[PackEntry] | None,
        problem: Exception | None,
    ) -> None:
        from game.ui.screens.start import StartScreen

        if opened is not None:
            self.recorder = Recorder(*opened)
            self._report_store()
        if problem is not None:
            message = f"Could not open the saves or look for packs: {clean(str(problem))}"
            self.notify(message, severity="error", markup=False)
        if self.packs_loading:
            self.entries = found or []
        self.packs_loading = self.loading = False
        start = self.screen_stack[0] if self.screen_stack else None
        if isinstance(start, StartScreen) and start.is_mounted:
            start.loaded()

    def _report_store(self) -> None:
        if self.recorder.error:
            self.recording_notice(self.recorder.error)

    def initial_player(self) -> str:
        """The name to offer on the start screen."""
        name = self.requested_player or self.recorder.last_player() or self.settings.last_player
        return clean(name or "")

    def initial_pack_id(self) -> str | None:
        """The pack to highlight on the start screen."""
        return self.requested_pack or self.settings.last_pack or FEATURED_PACK

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

    def get_key_display(self, binding: Binding) -> str:
        """Show every key of Submit in the footer ("^s/f5"): ctrl+s is not sent by every
        terminal setup, so the other key must be visible too."""
        if binding.id in SHOW_EVERY_KEY:
            keys = [
                super(CounterpointApp, self).get_key_display(active.binding)
                for active in self.screen.active_bindings.values()
                if active.binding.id == binding.id
            ]
            if len(keys) > 1:
                return "/".join(dict.fromkeys(keys))
        return super().get_key_display(binding)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def toggle_context(self) -> None:
        """Show or hide each position's background, and remember the choice."""
        self.settings.show_context = not self.settings.show_context
        self.settings.save()
        from game.ui.screens.base import ClaimScreen

        for screen in self.screen_stack:  # every screen showing a position: practice, club, prep
            if isinstance(screen, ClaimScreen) and screen.is_mounted:
                screen.show_context(self.settings.show_context)

    def toggle_hints(self) -> None:
        """Show or hide how many points a strong answer makes."""
        self.settings.show_hints = not self.settings.show_hints
        self.settings.save()
        from game.ui.screens.position import PositionScreen

        for screen in self.screen_stack:
            if isinstance(screen, PositionScreen):
                screen.show_hints()

    # -- global actions ---------------------------------------------------------------------

    def action_quit_game(self) -> None:
        """Quit from anywhere; the answer being typed is saved as a draft first."""
        self.drafts.flush()
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
    entries: Sequence[PackEntry] | None,
    store: Store | None,
    rng: random.Random,
    clock: Clock,
    **options: Any,
) -> CounterpointApp:
    """Build the game; the CLI and the tests both come through here.

    Args:
        settings: Interface settings (``Settings.load(saves_dir)``, or ``Settings()`` in tests).
        entries: The packs found by ``game.packs.discovery.discover``, broken ones included;
            None to find them in the background with ``reload_packs`` once the first screen
            is up (loading and validating packs is most of the start-up time).
        store: The progress store, or None to play without recording.
        rng: Randomness for random rounds and mixed stances.
        clock: The current time (UTC); attempts and the answer timer use it.
        **options: ``drafts``, ``saves_dir``, ``grader_factory``, ``reload_packs``,
            ``store_error``, ``open_store`` (open the saves in the background instead of
            passing ``store``), ``player``, ``pack_id``, ``position_id``; ``served=True``
            for a browser's game (no paths, no instructor features: ``game.ui.served``).
    """
    if options.pop("served", False):
        from game.ui.served import ServedApp

        return ServedApp(settings, entries, store, rng, clock, **options)
    return CounterpointApp(settings, entries, store, rng, clock, **options)
