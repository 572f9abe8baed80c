"""Opening the saves for the club commands (leaderboard, report, board, merge, results).

Not a subcommand: ``game.cli`` only loads the modules named in its ``COMMANDS``.
"""

from __future__ import annotations

from pathlib import Path

from game.packs.discovery import PackEntry, discover
from game.paths import extra_packs_dirs
from game.progress.errors import StoreUnavailable
from game.progress.recovery import DB_NAME
from game.progress.store import Store


def has_saves(folder: Path) -> bool:
    """Whether ``folder`` holds a saves file with anything in it."""
    db = folder / DB_NAME
    return db.is_file() and db.stat().st_size > 0


def open_for_reading(folder: Path) -> Store:
    """Open for writing (so an old file is upgraded and backed up); read-only if that fails."""
    try:
        return Store.open(folder)
    except StoreUnavailable:
        return Store.open(folder, read_only=True)


def packs_by_id(packs_flag: list[str] | None) -> dict[str, list[PackEntry]]:
    """The packs that load, by id (the same id may come from several files)."""
    found: dict[str, list[PackEntry]] = {}
    for entry in discover(extra_packs_dirs(packs_flag)):
        if entry.pack is not None:
            found.setdefault(entry.pack.id, []).append(entry)
    return found


def pick(entries: list[PackEntry], hashes: set[str]) -> PackEntry:
    """The entry whose file matches one of ``hashes`` (the version answered), else the first."""
    return next((e for e in entries if e.sha256 in hashes), entries[0])
