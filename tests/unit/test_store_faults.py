"""Bad saves files and bad saves folders: reported clearly, never overwritten, recoverable."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.progress import backup, opening
from game.progress.errors import StoreCorrupt, StoreTooNew, StoreUnavailable
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def attempt(n: int = 0, answer: str = "an answer") -> Attempt:
    return Attempt("Ada", "pack", "hash", f"pos-{n % 7}", "rebut", answer, n % 101, ("p",), 3.0)


def saves_with(tmp_path: Path, count: int) -> Path:
    """A closed saves folder holding ``count`` attempts, fully checkpointed into the .db file."""
    saves = tmp_path / "saves"
    with Store.open(saves, backups=False) as store:
        for n in range(count):
            store.record_attempt(attempt(n, answer=f"answer number {n} " * 20))
    assert not (saves / "counterpoint.db-wal").exists()
    return saves


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def poke(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


# ------------------------------------------------------------------ corrupt files
def test_garbage_over_the_header_is_reported_with_how_to_recover(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 5)
    db = saves / "counterpoint.db"
    poke(db, 0, os.urandom(32))
    before = digest(db)
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(saves)
    message = str(caught.value)
    assert str(db) in message
    assert "not a Counterpoint saves file" in message
    assert "aside" in message and "backups" in message
    assert digest(db) == before


def test_random_bytes_are_not_a_saves_file(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / "counterpoint.db").write_bytes(os.urandom(10_000))
    with pytest.raises(StoreCorrupt, match="not a Counterpoint saves file"):
        Store.open(saves)


def test_a_truncated_file_is_reported_damaged(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 200)
    db = saves / "counterpoint.db"
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size // 2)
    before = digest(db)
    with pytest.raises(StoreCorrupt, match="damaged"):
        Store.open(saves)
    assert digest(db) == before


def test_damage_to_one_page_is_caught_on_open_before_any_query_meets_it(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 200)
    db = saves / "counterpoint.db"
    page_size = 4096
    last_page = db.stat().st_size // page_size - 1
    # Garble the cell pointer array of a b-tree page: offsets past the end of the page.
    poke(db, last_page * page_size + 8, b"\xff" * 16)
    with pytest.raises(StoreCorrupt, match="damaged"):
        Store.open(saves)


def test_a_zero_length_file_is_a_new_empty_store(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / "counterpoint.db").write_bytes(b"")
    with Store.open(saves) as store:
        store.record_attempt(attempt())
        assert len(store.history()) == 1


def test_a_folder_where_the_file_should_be_is_reported(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    (saves / "counterpoint.db").mkdir(parents=True)
    with pytest.raises(StoreCorrupt, match="is a folder"):
        Store.open(saves)
    moved = Store.quarantine_and_start_fresh(saves)
    assert moved.is_dir()
    with Store.open(saves) as store:
        assert store.players() == []


# ------------------------------------------------------------------ newer versions
def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 3)
    db = saves / "counterpoint.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = digest(db)
    with pytest.raises(StoreTooNew) as caught:
        Store.open(saves)
    assert "99" in str(caught.value) and "update Counterpoint" in str(caught.value)
    with pytest.raises(StoreTooNew):
        Store.open(saves, read_only=True)
    assert digest(db) == before


# ------------------------------------------------------------------ moving aside, restoring
def test_quarantine_moves_the_file_and_its_journals_aside_and_deletes_nothing(
    tmp_path: Path,
) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    db = saves / "counterpoint.db"
    contents = {"": os.urandom(5000), "-wal": b"wal bytes", "-shm": b"shm bytes"}
    for suffix, data in contents.items():
        Path(f"{db}{suffix}").write_bytes(data)
    moved = Store.quarantine_and_start_fresh(saves)
    assert moved.parent == saves and moved.name.startswith("counterpoint.db.bad-")
    for suffix, data in contents.items():
        assert Path(f"{moved}{suffix}").read_bytes() == data
        assert not Path(f"{db}{suffix}").exists()
    # A second bad file in the same second gets its own name.
    db.write_bytes(os.urandom(100))
    again = Store.quarantine_and_start_fresh(saves)
    assert again != moved and again.read_bytes() != moved.read_bytes()
    with Store.open(saves) as store:
        assert store.history() == []
    assert moved.exists() and again.exists()


def test_restoring_the_newest_good_backup_after_corruption(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    with Store.open(saves, clock=lambda: T0) as store:
        for n in range(3):
            store.record_attempt(attempt(n))
        store.backup_now()
    db = saves / "counterpoint.db"
    poke(db, 0, b"\x00" * 32)
    with pytest.raises(StoreCorrupt):
        Store.open(saves)
    used = Store.restore_backup(saves)
    assert used.parent == saves / "backups"
    with Store.open(saves) as store:
        assert len(store.history()) == 3
    assert len(list(saves.glob("counterpoint.db.bad-*"))) == 1


def test_restoring_without_any_good_backup_says_so_and_moves_nothing(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 1)
    with pytest.raises(StoreCorrupt, match="no good backup"):
        Store.restore_backup(saves)
    assert (saves / "counterpoint.db").exists()


# ------------------------------------------------------------------ read-only and full
def test_a_saves_path_that_is_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "saves"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="cannot create the saves folder"):
        Store.open(blocker)
    with pytest.raises(StoreUnavailable, match="cannot create the saves folder"):
        Store.open(blocker / "inside")
    assert blocker.read_text() == "not a folder"


def _read_only_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open every connection with ``mode=ro``, as a read-only folder would (even for root)."""
    real = opening._connect
    monkeypatch.setattr(opening, "_connect", lambda path, ro, ms: real(path, True, ms))


def test_a_read_only_existing_file_is_reported_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saves = saves_with(tmp_path, 2)
    _read_only_connect(monkeypatch)
    with pytest.raises(StoreUnavailable, match="read-only") as caught:
        Store.open(saves)
    assert "nothing is being recorded" in str(caught.value)


def test_a_new_file_in_a_read_only_folder_is_reported_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read_only_connect(monkeypatch)
    with pytest.raises(StoreUnavailable, match="read-only or cannot be opened"):
        Store.open(tmp_path / "saves")


def test_a_store_that_turns_read_only_refuses_writes_and_keeps_earlier_ones(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:
        store.record_attempt(attempt(1))
        assert store._conn is not None
        store._conn.execute("PRAGMA query_only = 1")
        with pytest.raises(StoreUnavailable, match="read-only"):
            store.record_attempt(attempt(2))
        assert [a.score for a in store.history()] == [1]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes through chmod 0555"
)
def test_a_chmod_read_only_folder_is_reported(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    saves.chmod(0o555)
    try:
        with pytest.raises(StoreUnavailable):
            Store.open(saves)
    finally:
        saves.chmod(0o755)


def test_read_only_opening_reads_without_writing(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 4)
    before = digest(saves / "counterpoint.db")
    with Store.open(saves, read_only=True) as store:
        assert len(store.history()) == 4
        with pytest.raises(StoreUnavailable):
            store.add_player("Blaise")
    assert digest(saves / "counterpoint.db") == before
    with pytest.raises(StoreUnavailable, match="no saves"):
        Store.open(tmp_path / "empty", read_only=True)
    assert not (tmp_path / "empty").exists()


def test_a_full_disk_is_reported_and_writing_resumes_when_space_is_freed(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:
        for n in range(20):
            store.record_attempt(attempt(n))
        conn = store._conn
        assert conn is not None
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreUnavailable, match="is full"):
            for n in range(20):  # one page is rarely full at once: fill it
                store.record_attempt(attempt(100 + n, answer="y" * 40_000))
        assert store.check() == ["ok"]
        kept = len(store.history())
        assert kept >= 20
        conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        store.record_attempt(attempt(999, answer="y" * 40_000))
        assert len(store.history()) == kept + 1


# ------------------------------------------------------------------ automatic backups
def test_one_backup_a_day_on_open_and_only_when_there_is_something_to_keep(
    tmp_path: Path,
) -> None:
    saves = tmp_path / "saves"
    now = [T0]

    def open_store() -> Store:
        return Store.open(saves, clock=lambda: now[0])

    with open_store() as store:
        assert backup.list_backups(saves) == []  # nothing recorded yet
        store.record_attempt(attempt())
    with open_store():
        pass
    now[0] += timedelta(hours=2)
    with open_store():
        pass
    assert len(backup.list_backups(saves)) == 1
    now[0] += timedelta(days=1)
    with open_store():
        pass
    assert len(backup.list_backups(saves)) == 2


def test_backups_keep_the_last_five_all_good(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    for day in range(8):
        with Store.open(saves, clock=lambda d=day: T0 + timedelta(days=d)) as store:
            store.record_attempt(attempt(day))
    kept = backup.list_backups(saves)
    assert len(kept) == 5
    assert all(backup.is_good(path) for path in kept)
    assert "20250308" in kept[-1].name  # the newest is day 8 (7 days after T0)
    newest = sqlite3.connect(kept[-1])
    assert newest.execute("SELECT count(*) FROM attempts").fetchone()[0] == 7
    newest.close()


def test_a_backup_holds_commits_still_in_the_write_ahead_log(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.record_attempt(attempt(1))
        assert (tmp_path / "counterpoint.db-wal").stat().st_size > 0
        copy = store.backup_now()
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_rotation_never_removes_the_last_good_backup(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    with Store.open(saves, clock=lambda: T0) as store:
        store.record_attempt(attempt())
        good = store.backup_now()
    for day in range(2, 9):  # newer, but damaged
        (saves / "backups" / f"counterpoint-202503{day:02d}T090000Z-daily.db").write_bytes(
            os.urandom(4096)
        )
    removed = backup.rotate(saves, keep=5)
    assert good.exists() and good not in removed
    assert len(backup.list_backups(saves)) == 5
    assert backup.newest_good(saves) == good


def test_a_failed_backup_does_not_stop_the_game(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, 1)
    (saves / "backups").write_text("a file where the backups folder should be")
    with Store.open(saves) as store:
        assert store.backup_problem is not None and "backup" in store.backup_problem
        store.record_attempt(attempt(2))
        assert len(store.history()) == 2
