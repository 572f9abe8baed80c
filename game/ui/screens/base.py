"""What every game screen shares: typed access to the app and the ``q`` key rule.

Also what the screens showing a position share: the key and the action that show or hide its
background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from game.packs.model import Position
    from game.ui.app import CounterpointApp

HELP_FALLBACK = "Use the keys in the footer; **F1** opens this help from anywhere."
CONTEXT_KEY = Binding(
    "f2",
    "toggle_context",
    "Context",
    id="toggle-context",
    tooltip="Show or hide the position's background",
)
"""F2 on every screen that shows a position (``ClaimScreen``)."""
QUIT_KEY = Binding(
    "q", "quit_letter", "Quit", id="quit-letter", show=False, tooltip="Quit the game"
)
"""``q`` quits where no text box has focus (``GameScreen.check_action``)."""
STATS_KEY = Binding(
    "t,f4",
    "stats",
    "Statistics",
    id="show-stats",
    tooltip="Your progress: scores, trends, mastery and the flow sheet",
)
"""The statistics, from the screens between rounds (``GameScreen.action_stats``)."""


class GameScreen(Screen[None]):
    """A full screen of the game, with its own help text."""

    HELP = HELP_FALLBACK
    """Markdown shown at the top of the help screen for this screen (Textual's own slot)."""

    @property
    def game(self) -> CounterpointApp:
        """The app, with its game-specific methods."""
        return cast("CounterpointApp", self.app)

    def typing(self) -> bool:
        """Whether a text box has focus (so that letters are text, not commands)."""
        from textual.widgets import Input, TextArea  # TextArea is heavy; the start has none

        return isinstance(self.focused, Input | TextArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_letter":
            return not self.typing()
        return True

    def action_quit_letter(self) -> None:
        """``q``: quit, where no text box has focus."""
        self.app.action_quit_game()  # type: ignore[attr-defined]

    def action_stats(self) -> None:
        """The player's statistics (``STATS_KEY``)."""
        from game.ui.progress_view import show_stats

        show_stats(self.game)


class ClaimScreen(GameScreen):
    """A screen showing one position in a ``ClaimCard``: F2 shows or hides its background.

    The choice is the app's setting (``CounterpointApp.toggle_context``), so it carries over
    to the next position; subclasses say which position is shown (``shown_position``).
    """

    def shown_position(self) -> Position:
        """The position on screen."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_context":
            return self.shown_position().context is not None
        return super().check_action(action, parameters)

    def action_toggle_context(self) -> None:
        self.game.toggle_context()  # redraws every screen showing a position, this one too

    def show_context(self, show: bool) -> None:
        """Show or hide the position's background."""
        from game.ui.widgets.claim_card import ClaimCard

        self.query_one(ClaimCard).show_context = show
