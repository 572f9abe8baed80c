"""Opening the saves file: check it, refuse what must not be touched, upgrade it, back it up.

The order matters. Nothing is written before the file has passed ``quick_check`` and its
version is known to be one this Counterpoint understands, so a damaged or newer file is left
exactly as it was found.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from game.progress import backup
from game.progress.errors import StoreCorrupt, StoreTooNew, StoreUnavailable
from game.progress.migrations import CURRENT_VERSION, migrate, user_version
from game.progress.recovery import DB_NAME, explain, recovery_hint


def _connect(path: Path, read_only: bool, timeout_ms: int) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode, so every transaction is explicit."""
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    return sqlite3.connect(
        target,
        uri=read_only,
        timeout=timeout_ms / 1000,
        isolation_level=None,
        check_same_thread=False,
    )


def connect(saves_dir: Path, read_only: bool, timeout_ms: int) -> sqlite3.Connection:
    """Create the saves folder if needed and open ``counterpoint.db`` in it.

    Raises:
        StoreUnavailable: the folder cannot be created, or (read-only) there is no file.
        StoreCorrupt: a folder is where the file should be.
    """
    path = saves_dir / DB_NAME
    if not read_only:
        try:
            saves_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = "a file is in the way" if saves_dir.is_file() else error.strerror
            raise StoreUnavailable(
                f"cannot create the saves folder {saves_dir} ({reason});"
                " choose another with --saves DIR (nothing is being recorded)"
            ) from error
    elif not path.exists():
        raise StoreUnavailable(f"there are no saves in {saves_dir}")
    if path.is_dir():
        raise StoreCorrupt(f"{path} is a folder, not a saves file; {recovery_hint(path)}")
    try:
        conn = _connect(path, read_only, timeout_ms)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
    except sqlite3.Error as error:
        raise explain(error, path, "opening the saves") from error
    return conn


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise StoreCorrupt unless ``PRAGMA quick_check`` says ok (it finds latent damage too)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        raise explain(error, path, "reading the saves") from error
    problems = [" ".join(str(row[0]).split()) for row in rows]
    if problems != ["ok"]:
        shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
        raise StoreCorrupt(f"the saves file {path} is damaged ({shown}); {recovery_hint(path)}")


def prepare(
    conn: sqlite3.Connection, saves_dir: Path, now: datetime, *, read_only: bool, backups: bool
) -> tuple[list[int], str | None]:
    """Check, configure, upgrade and back up; return (versions applied, backup problem).

    A failed daily backup does not stop the game (it is reported in the second value); a failed
    backup before an upgrade does, since the upgrade then waits until one can be taken.
    """
    path = saves_dir / DB_NAME
    try:
        version = user_version(conn)
    except sqlite3.Error as error:
        raise explain(error, path, "reading the saves") from error
    if version > CURRENT_VERSION:
        raise StoreTooNew(
            f"the saves in {path} were written by a newer Counterpoint (schema version"
            f" {version}; this one reads up to {CURRENT_VERSION}): update Counterpoint."
            " The file was not changed."
        )
    quick_check(conn, path)
    if read_only:
        if version < CURRENT_VERSION:
            raise StoreUnavailable(
                f"the saves in {path} need upgrading (version {version}); run Counterpoint"
                " once with write access to the saves folder"
            )
        conn.execute("PRAGMA query_only = 1")
        return [], None
    try:
        # A write that is rolled back: finds a read-only file before anything else.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise explain(error, path, "opening the saves for writing") from error
    if version < CURRENT_VERSION:
        if version >= 1 and backups:
            try:
                backup.take_backup(conn, saves_dir, now, f"before-v{CURRENT_VERSION}")
            except (OSError, sqlite3.Error) as error:
                raise StoreUnavailable(
                    f"could not back up {path} before upgrading it ({error});"
                    " the file was left unchanged"
                ) from error
        try:
            return migrate(conn), None
        except sqlite3.Error as error:
            doing = f"upgrading the saves to version {CURRENT_VERSION}"
            raise explain(error, path, doing) from error
    has_attempts = conn.execute("SELECT 1 FROM attempts LIMIT 1").fetchone() is not None
    if backups and has_attempts and backup.due(saves_dir, now):
        try:
            backup.take_backup(conn, saves_dir, now, "daily")
        except (OSError, sqlite3.Error) as error:
            return [], f"the daily backup of {path} failed: {error}"
    return [], None
