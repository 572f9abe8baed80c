"""The position being answered: claim, quote with attribution, and context on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from game.ui.text import literal
from game.ui.words import attribution

if TYPE_CHECKING:
    from game.packs.model import Position, Source


class ClaimCard(Vertical):
    """Shows a position; ``show_context`` reveals its background."""

    DEFAULT_CSS = """
    ClaimCard { height: auto; }
    ClaimCard > .context { display: none; }
    ClaimCard.-context > .context { display: block; }
    """

    show_context: reactive[bool] = reactive(False)
    """Whether the position's context is visible."""

    def __init__(self, position: Position, source: Source | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.position = position
        self.source = source

    def compose(self) -> ComposeResult:
        yield Static(literal(self.position.claim), classes="claim")
        if self.position.quote:
            yield Static(literal(f"“{self.position.quote}”"), classes="quote")
            yield Static(literal(f"— {attribution(self.source)}"), classes="attribution")
        if self.position.context:
            yield Static(literal(self.position.context), classes="context")

    def watch_show_context(self, show: bool) -> None:
        self.set_class(show, "-context")
