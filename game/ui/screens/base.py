"""What every game screen shares: typed access to the app and the ``q`` key rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from game.ui.app import CounterpointApp

HELP_FALLBACK = "Use the keys in the footer; **F1** opens this help from anywhere."


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
