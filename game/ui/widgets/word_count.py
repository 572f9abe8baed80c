"""The live word and character count under the answer box."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget


class WordCount(Widget):
    """Repaints on every key press without a layout pass (a Static would relayout each time)."""

    DEFAULT_CSS = """
    WordCount { height: 1; width: 1fr; }
    """

    words: reactive[int] = reactive(0, layout=False)
    """Words in the answer."""
    characters: reactive[int] = reactive(0, layout=False)
    """Characters in the answer."""

    def __init__(self, cap: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cap = cap
        """The answer's character cap, shown beside the count."""

    def count(self, text: str) -> None:
        """Count ``text``."""
        self.words = len(text.split())
        self.characters = len(text)

    def render(self) -> str:
        plural = "s" * (self.words != 1)
        return f"{self.words} word{plural} · {self.characters:,}/{self.cap:,} characters"
