"""The score drawn as a bar, coloured by how good it is."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class ScoreBar(Widget):
    """A horizontal bar for a 0..100 score, with the number at the end."""

    DEFAULT_CSS = """
    ScoreBar { height: 1; width: 1fr; }
    """

    score: reactive[int] = reactive(0)
    """The score shown, 0..100."""

    def __init__(self, score: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(ScoreBar.score, max(0, min(100, score)))

    def render(self) -> Content:
        label = f" {self.score:>3}/100"
        width = max(10, self.size.width - len(label))
        filled = round(width * self.score / 100)
        colour = "$success" if self.score >= 70 else "$warning" if self.score >= 40 else "$error"
        return Content.assemble(
            ("█" * filled, colour),
            ("░" * (width - filled), "$foreground-disabled"),
            (label, "bold"),
        )
