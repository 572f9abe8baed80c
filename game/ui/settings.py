"""The player's interface settings: a small JSON file in the saves folder.

Settings are a convenience, so reading never fails (a missing or damaged file gives the
defaults) and writing is atomic (temp file + rename) and gives up quietly on a read-only folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

FILENAME = "settings.json"
TIMER_CHOICES: tuple[int, ...] = (0, 30, 60, 120, 240)
"""Seconds per answer offered at the start (0 = no timer); debate clubs use these."""
MAX_SECONDS = 3600
"""Longest answer or preparation time that can be set."""
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


@dataclass
class Settings:
    """What the game remembers between runs, apart from progress."""

    theme: str = DARK_THEME
    """The Textual theme last chosen."""
    last_player: str | None = None
    """The player picked last time (the store's record wins when there is one)."""
    last_pack: str | None = None
    """The id of the pack played last."""
    round_kind: str = "random"
    """all / random / single, as last chosen."""
    round_count: int = 3
    """How many positions a random round plays."""
    stance: str = "rebut"
    """rebut / defend / mixed, as last chosen."""
    timer: int = 0
    """Seconds per answer; 0 for no timer (a preset, or custom seconds up to MAX_SECONDS)."""
    prep: int = 0
    """Seconds of preparation before each answer box opens; 0 for none."""
    club_players: list[str] = field(default_factory=list)
    """The players of the last hot-seat or head-to-head round, offered again."""
    show_context: bool = False
    """Show each position's background without being asked."""
    show_hints: bool = True
    """Show how many points a strong answer makes."""
    cursor_blink: bool = True
    """Blink the answer box's cursor (off for screenshots and some screen readers)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key overrides: binding id -> keys (for example {"submit": "ctrl+s,f6"})."""
    path: Path | None = field(default=None, compare=False, repr=False)
    """Where the settings are saved; None keeps them in memory only."""

    @classmethod
    def load(cls, saves_dir: Path) -> Settings:
        """Read the settings from ``saves_dir``; defaults for anything missing or unreadable."""
        path = saves_dir / FILENAME
        settings = cls(path=path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return settings
        if isinstance(data, dict):
            settings.update(data)
        return settings

    def update(self, data: dict[str, Any]) -> None:
        """Take the known, well-typed values from ``data``; ignore the rest."""
        for item in fields(self):
            if item.name == "path" or item.name not in data:
                continue
            value = data[item.name]
            default = getattr(self, item.name)
            if item.name == "keys":
                if isinstance(value, dict):
                    self.keys = {str(k): str(v) for k, v in value.items() if isinstance(v, str)}
            elif item.name in ("last_player", "last_pack"):
                if value is None or isinstance(value, str):
                    setattr(self, item.name, value)
            elif type(value) is type(default):
                setattr(self, item.name, value)
        if not 0 <= self.timer <= MAX_SECONDS:
            self.timer = 0
        if not 0 <= self.prep <= MAX_SECONDS:
            self.prep = 0
        self.club_players = [n for n in self.club_players if isinstance(n, str)][:12]
        self.round_count = min(max(self.round_count, 1), 50)

    def save(self) -> bool:
        """Write the settings atomically; False when they could not be written."""
        if self.path is None:
            return False
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
                handle.write("\n")
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return False
        return True
