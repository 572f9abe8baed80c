"""Command palette provider: the game's main actions, offered where they make sense."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from game.ui.app import CounterpointApp


class GameCommands(Provider):
    """New round, Choose pack, Reload packs, history, toggles and export."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = cast("CounterpointApp", self.app)
        return list(app.palette_commands(self.screen))

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
