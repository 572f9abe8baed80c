"""Telling the player what went wrong with the saves, and putting things right on request.

Nothing here deletes a saves file: a bad one is renamed aside, with its ``-wal`` and ``-shm``
(renaming a hot journal away from its database, or back to the wrong one, is how SQLite files
get corrupted, so the three always move together).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from game.progress import backup
from game.progress.errors import StoreBusy, StoreCorrupt, StoreError, StoreUnavailable
from game.progress.models import utc_now

DB_NAME = "counterpoint.db"


def recovery_hint(path: Path) -> str:
    """How to recover from a bad saves file, in one clause."""
    return (
        f"move {path} aside (Counterpoint can do it for you and start afresh),"
        f" or restore a copy from {path.parent / backup.BACKUP_DIR}"
    )


def explain(error: sqlite3.Error, path: Path, doing: str) -> StoreError:
    """Turn an SQLite error into one of the store's errors, in words a player can act on."""
    name = getattr(error, "sqlite_errorname", "") or ""
    folder = path.parent
    if name.startswith("SQLITE_FULL"):
        return StoreUnavailable(
            f"the saves folder {folder} is full, so {doing} failed; free some space"
            " (nothing new is being recorded until then)"
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return StoreUnavailable(
            f"the saves folder {folder} is read-only or cannot be opened, so {doing} failed;"
            " choose a writable folder with --saves DIR (nothing is being recorded)"
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusy(
            f"the saves in {folder} are locked by another Counterpoint, so {doing} failed;"
            " try again in a moment"
        )
    if name.startswith("SQLITE_NOTADB"):
        return StoreCorrupt(f"{path} is not a Counterpoint saves file; {recovery_hint(path)}")
    if name.startswith("SQLITE_CORRUPT"):
        return StoreCorrupt(f"the saves file {path} is damaged ({error}); {recovery_hint(path)}")
    if name.startswith("SQLITE_IOERR"):
        return StoreUnavailable(f"{doing} failed: cannot read or write {path} ({error})")
    return StoreError(f"{doing} failed: {error}")


def quarantine(saves_dir: Path, now: datetime | None = None) -> Path:
    """Rename the saves file (and its -wal/-shm) to ``counterpoint.db.bad-<UTC time>``.

    Returns the new path of the file. Never deletes anything; an existing name gets a counter.
    """
    path = Path(saves_dir) / DB_NAME
    stamp = (now or utc_now()).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{DB_NAME}.bad-{stamp}")
    counter = 1
    while any(Path(f"{target}{s}").exists() for s in ("", "-wal", "-shm")):
        counter += 1
        target = path.with_name(f"{DB_NAME}.bad-{stamp}-{counter}")
    try:
        # The database last, so a crash half-way never leaves it beside a stranger's journal.
        for suffix in ("-wal", "-shm", ""):
            source = Path(f"{path}{suffix}")
            if source.exists() or source.is_symlink():
                os.replace(source, Path(f"{target}{suffix}"))
    except OSError as error:
        raise StoreUnavailable(f"could not move {path} aside: {error}") from error
    return target


def restore(saves_dir: Path, source: Path | None = None) -> Path:
    """Move the current file aside and put a good backup in its place; return the backup used.

    ``source`` defaults to the newest backup that passes ``quick_check``.

    Raises:
        StoreCorrupt: there is no good backup (nothing was moved).
        StoreUnavailable: the folder cannot be written.
    """
    saves_dir = Path(saves_dir)
    chosen = source or backup.newest_good(saves_dir)
    if chosen is None or not backup.is_good(chosen):
        raise StoreCorrupt(f"no good backup found in {backup.backups_dir(saves_dir)}")
    path = saves_dir / DB_NAME
    if path.exists():
        quarantine(saves_dir)
    try:
        src = sqlite3.connect(f"{chosen.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(path)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise explain(error, path, "restoring the backup") from error
    return chosen
