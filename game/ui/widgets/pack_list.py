"""The start screen's list of packs: playable ones first, broken ones greyed with their problem.

A broken pack stays selectable, so the player can read why it cannot be played; the list
keeps the entries it shows (``shown``), since the app's own list may be reloaded meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.ui.text import literal, short

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry


class PackList(OptionList):
    """One option per pack found; the option ids are ``pack-<index in shown>``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: list[PackEntry] = []
        """The entries in the list, as listed."""

    def fill(self, entries: Sequence[PackEntry], wanted: str | None) -> None:
        """(Re)fill the list, highlighting the pack ``wanted`` (else the first playable one)."""
        self.clear_options()
        first_ok: int | None = None
        wanted_index: int | None = None
        # Playable packs first; broken ones after, greyed, still selectable to read the error.
        self.shown = list(entries)
        ordered = sorted(enumerate(self.shown), key=lambda pair: not pair[1].ok)
        for index, entry in ordered:
            if entry.ok and entry.pack is not None:
                count = len(entry.pack.positions)
                prompt = Content.assemble(
                    literal(entry.pack.title, "bold"),
                    (f" · {count} position{'s' * (count != 1)} · {entry.id}", "$foreground-muted"),
                )
                first_ok = index if first_ok is None else first_ok
                wanted_index = index if entry.id == wanted else wanted_index
            else:
                prompt = Content.assemble(
                    ("⚠ broken: ", "$text-warning"),
                    short(entry.path.name, 40, "$foreground-disabled"),
                    (" · " + problem_line(entry), "$foreground-disabled"),
                )
            self.add_option(Option(prompt, id=f"pack-{index}"))
        highlight = wanted_index if wanted_index is not None else first_ok
        if highlight is not None:
            self.highlighted = index_of(self, f"pack-{highlight}")

    def highlighted_index(self) -> int | None:
        """The entry under the cursor, broken or not."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id.removeprefix("pack-"))

    def playable_index(self) -> int | None:
        """The entry under the cursor if it can be played."""
        index = self.highlighted_index()
        return index if index is not None and self.shown[index].ok else None

    def info(self, served: bool) -> str | Content:
        """A line about the highlighted pack: its description, or why it cannot be played."""
        index = self.highlighted_index()
        if index is None:
            if served:
                return "No packs found: ask your coach to add some."
            return "No packs found: add a folder of packs with --packs DIR."
        entry = self.shown[index]
        if entry.pack is None:
            return Content.assemble(
                ("Cannot be played: ", "$text-warning"), short(str(entry.error), 220)
            )
        return short(entry.pack.description or entry.pack.title, 150)


def problem_line(entry: PackEntry) -> str:
    """The first problem of a broken pack, without the file name (shown beside it)."""
    error = entry.error
    problems = getattr(error, "problems", None) or []
    if problems:
        first = problems[0]
        where = f"line {first.line}: " if first.line else ""
        field = f"{first.path}: " if first.path else ""
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"{where}{field}{first.message}{more}"
    return str(error).splitlines()[0] if error else "cannot be read"


def index_of(options: OptionList, option_id: str) -> int | None:
    """The index of the option with this id, if present."""
    try:
        return options.get_option_index(option_id)
    except Exception:  # OptionDoesNotExist: nothing to highlight
        return None
