"""Rolling backups of the saves, taken with SQLite's backup API.

A plain file copy misses commits still in the ``-wal`` file, so backups always go through
``Connection.backup``. Each new copy is checked with ``quick_check`` before any old one is
removed, so the newest good backup is never rotated away.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

KEEP = 5
"""How many backups are kept."""
BACKUP_DIR = "backups"
_NAME = re.compile(r"^counterpoint-(\d{8})T(\d{6})Z(?:-[a-z0-9-]+)?\.db$")


def backups_dir(saves_dir: Path) -> Path:
    """The folder backups go to: ``backups/`` inside the saves folder."""
    return saves_dir / BACKUP_DIR


def list_backups(saves_dir: Path) -> list[Path]:
    """Backup files, oldest first (their names sort by time); other files are ignored."""
    folder = backups_dir(saves_dir)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return []
    return [folder / name for name in sorted(n for n in names if _NAME.match(n))]


def is_good(path: Path) -> bool:
    """Whether ``path`` opens read-only and passes ``quick_check``."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def newest_good(saves_dir: Path) -> Path | None:
    """The most recent backup that passes ``quick_check``, or None."""
    for path in reversed(list_backups(saves_dir)):
        if is_good(path):
            return path
    return None


def due(saves_dir: Path, now: datetime) -> bool:
    """True when no backup was taken on ``now``'s UTC day (one automatic backup a day)."""
    today = now.astimezone(UTC).strftime("%Y%m%d")
    return not any(_day(path) == today for path in list_backups(saves_dir))


def _day(path: Path) -> str:
    match = _NAME.match(path.name)
    return match.group(1) if match else ""


def take_backup(source: sqlite3.Connection, saves_dir: Path, now: datetime, label: str) -> Path:
    """Copy the database behind ``source`` into ``backups/``, verify it, then rotate.

    ``source`` must not be inside a transaction. The copy is written under a temporary name and
    renamed once it passes ``quick_check``, so a half-written backup never looks like one.

    Raises:
        OSError, sqlite3.Error: the copy could not be written (folder read-only or full); old
            backups are untouched.
    """
    folder = backups_dir(saves_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    final = folder / f"counterpoint-{stamp}-{label}.db"
    temp = folder / f".tmp-{os.getpid()}-{stamp}-{label}.db"
    try:
        target = sqlite3.connect(temp)
        try:
            source.backup(target)
            # The copy inherits WAL mode from the header; a lone file is easier to restore.
            target.execute("PRAGMA journal_mode = DELETE")
            ok = target.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            target.close()
        if not ok:
            raise sqlite3.DatabaseError(f"the backup copy {temp} failed its check")
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    rotate(saves_dir, keep=KEEP, newest=final)
    return final


def rotate(saves_dir: Path, keep: int = KEEP, newest: Path | None = None) -> list[Path]:
    """Remove all but the ``keep`` most recent backups; return what was removed.

    Nothing is removed unless a good backup is among those kept: ``newest`` when given (just
    verified), otherwise the most recent one that passes ``quick_check``.
    """
    backups = list_backups(saves_dir)
    if len(backups) <= keep:
        return []
    kept = backups[-keep:]
    if newest is None or newest not in kept:
        good = newest_good(saves_dir)
        if good is None:
            return []
        if good not in kept:
            kept = [good, *backups[-(keep - 1) :]] if keep > 1 else [good]
    removed = []
    for path in backups:
        if path in kept:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            pass  # another process rotated it first
        except OSError:
            continue
        removed.append(path)
    return removed
