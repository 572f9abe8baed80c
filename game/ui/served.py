"""The game as served to a class's browsers (``counterpoint serve``): a player's game only.

Every served game runs as the coach's OS user on the coach's machine, so a browser must learn
nothing about that machine and change nothing but its own play: no file paths anywhere (the
saves folder, pack folders; a broken pack is named by its file name and line), no loading or
reloading packs, no instructor features (rubric lab, saves repair), only safe palette
commands, and exports reach the browser as a download instead of a file on the server.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from game.ui.app import CounterpointApp, PaletteCommand

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from game.packs.discovery import PackEntry

SAFE_COMMANDS = frozenset(
    {
        "New round",
        "Choose pack",
        "Show history",
        "Statistics",
        "Leaderboard",
        "Show context",
        "Hide context",
        "Show hints",
        "Hide hints",
        "Light/dark theme",
        "End round",
        "Export results",
    }
)
"""The game's palette commands a served game offers (anything else is left out, so a new
command is hidden from browsers until someone decides it is safe and adds it here)."""
SAFE_SYSTEM_COMMANDS = frozenset({"Theme", "Quit", "Keys", "Maximize", "Minimize"})
"""Textual's own palette commands kept (not Screenshot: it writes a file)."""
UNSAFE_ACTIONS = frozenset({"screenshot", "lab", "reload", "reload_packs"})
"""Actions refused even if a key or a command reaches them."""

SAVES_TEXT = "Your answers are kept on the class's server; your coach looks after them."

# An absolute path (POSIX, home-relative or Windows), not preceded by a word character, so
# "and/or" and "50/100" are left alone.
_PATH = re.compile(r"(?<![\w.~/\\])(?:~|[A-Za-z]:)?[/\\][^\s'\"`,;:()<>|]*")


def redact(text: str, known: Sequence[Path] = ()) -> str:
    """``text`` without file paths: a file in a known folder (the saves) is named alone, the
    folder itself is "the server's folder", and any other absolute path is cut to its last
    name (``/srv/club/packs/x.yaml`` -> ``x.yaml``)."""
    for folder in sorted({str(p) for p in known if str(p) not in ("", ".", "/")}, key=len)[::-1]:
        text = text.replace(folder + os.sep, "").replace(folder, "the server's folder")
    return _PATH.sub(_last_name, text)


def _last_name(found: re.Match[str]) -> str:
    name = re.split(r"[/\\]", found.group().rstrip("/\\"))[-1]
    return name or "a folder"


def served_entry(entry: PackEntry) -> PackEntry:
    """A broken pack's entry named by its file name only: problems keep line, column, field
    and message (paths inside messages reduced to names); nothing else of the file is shown."""
    if entry.error is None:
        return entry
    from game.packs.discovery import PackEntry  # packs load after the first screen
    from game.packs.errors import PackError, Problem

    name = entry.path.name
    problems = [
        Problem(name, p.line, p.col, p.path, redact(p.message)) for p in entry.error.problems
    ] or [Problem(name, 0, 0, "", "cannot be read")]
    return PackEntry(Path(name), None, PackError(problems), entry.sha256)


def served_entries(entries: Iterable[PackEntry]) -> list[PackEntry]:
    """Every entry through ``served_entry``."""
    return [served_entry(e) for e in entries]


class ServedApp(CounterpointApp):
    """The game for one browser of a served class (see the module's docstring)."""

    served = True

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.entries = served_entries(self.entries)
        find = self.reload_packs
        if find is not None:  # packs found in the background arrive redacted too
            self.reload_packs = lambda: served_entries(find())
        self._known: list[Path] = [p for p in (self.saves_dir,) if p is not None]
        if self.saves_dir is not None:
            self._known.append(self.saves_dir.resolve())
        self._known.append(Path.home())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice passes here: any path in it is reduced to a name."""
        super().notify(
            redact(message, self._known),
            title=redact(title, self._known),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def saves_text(self) -> str:
        status = "" if self.recorder.active else f"\n{self.recording_status()}"
        return SAVES_TEXT + status

    def recording_status(self) -> str:
        return redact(super().recording_status(), self._known)

    def palette_commands(self, screen: Screen[Any]) -> Iterator[PaletteCommand]:
        for title, help_text, callback in super().palette_commands(screen):
            if title == "Export results":
                yield (title, "Download this round's scores (a Markdown file)", self.deliver_round)
            elif title in SAFE_COMMANDS:
                yield (title, help_text, callback)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return [c for c in super().get_system_commands(screen) if c.title in SAFE_SYSTEM_COMMANDS]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in UNSAFE_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def deliver_round(self) -> str | None:
        """Send the round's results to the browser as a download; the delivery key, or None."""
        from game.ui.app_commands import round_markdown

        session = self.session
        summary = session.round.summary() if session is not None else None
        if session is None or summary is None or not summary.turns:
            return None
        now = self.clock()
        text = round_markdown(session, summary, f"{now:%Y-%m-%d %H:%M} UTC")
        name = f"round-{session.pack.id}-{now:%Y%m%d-%H%M%S}.md"
        key = self.deliver_text(io.StringIO(text), save_filename=name, mime_type="text/markdown")
        self.notify("Your results are on their way to your browser as a download.", markup=False)
        return key
