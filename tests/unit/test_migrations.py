"""Schema migrations: old files are upgraded after a backup; a failed step undoes itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.progress import backup
from game.progress.errors import StoreUnavailable
from game.progress.migrations import CURRENT_VERSION, MIGRATIONS, Migration, migrate, user_version
from game.progress.models import Attempt
from game.progress.store import Store

# A saves file as version 1 of Counterpoint wrote it, typed out here rather than produced by the
# migration code, so a change to that code cannot quietly change what "version 1" means.
V1_FILE = """
CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE rounds (id INTEGER PRIMARY KEY,
    player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
    pack_id TEXT NOT NULL, mode TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
CREATE TABLE attempts (id INTEGER PRIMARY KEY,
    player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
    round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
    pack_id TEXT NOT NULL, pack_hash TEXT NOT NULL, position_id TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('rebut', 'defend')),
    answer TEXT NOT NULL CHECK (length(answer) <= 50000),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    matched_points TEXT NOT NULL DEFAULT '[]', seconds REAL NOT NULL, at TEXT NOT NULL);
CREATE INDEX attempts_by_round ON attempts(round_id);
INSERT INTO players VALUES (1, 'Ada', 'ada', '2024-01-01T10:00:00.000000+00:00');
INSERT INTO players VALUES (2, 'Blaise', 'blaise', '2024-01-02T10:00:00.000000+00:00');
INSERT INTO rounds VALUES (1, 1, 'nk-talks', 'practice',
    '2024-01-05T10:00:00.000000+00:00', '2024-01-05T10:20:00.000000+00:00');
INSERT INTO attempts VALUES (1, 1, 1, 'nk-talks', 'h1', 'china-restrains', 'rebut',
    'China wants a buffer.', 50, '["buffer"]', 30.0, '2024-01-05T10:05:00.000000+00:00');
INSERT INTO attempts VALUES (2, 1, 1, 'nk-talks', 'h1', 'sanctions-work', 'defend',
    'They bite.', 80, '["bite","elites"]', 45.5, '2024-01-05T10:10:00.000000+00:00');
PRAGMA user_version = 1;
"""


def make_v1(saves: Path) -> Path:
    saves.mkdir(parents=True, exist_ok=True)
    db = saves / "counterpoint.db"
    conn = sqlite3.connect(db)
    conn.executescript(V1_FILE)
    conn.close()
    return db


def schema(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def test_the_steps_are_numbered_one_after_another() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, CURRENT_VERSION + 1))


def test_a_version_1_file_is_upgraded_keeping_every_answer(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    make_v1(saves)
    with Store.open(saves) as store:
        assert store.migrated == list(range(2, CURRENT_VERSION + 1))
        history = store.history(answers=True)
        assert [(a.player, a.position_id, a.score, a.matched_points) for a in history] == [
            ("Ada", "china-restrains", 50, ("buffer",)),
            ("Ada", "sanctions-work", 80, ("bite", "elites")),
        ]
        assert history[1].answer == "They bite." and history[1].round_id == 1
        assert store.players() == ["Ada", "Blaise"]
        assert store.last_player() == "Ada"  # played most recently, worked out from history
        new = Attempt("Blaise", "nk-talks", "h2", "china-restrains", "rebut", "x", 10, (), 1.0)
        store.record_attempt(new)
        assert store.history("Blaise")[0].pack_hash == "h2"
    conn = sqlite3.connect(saves / "counterpoint.db")
    assert user_version(conn) == CURRENT_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_a_backup_of_the_old_file_is_taken_before_upgrading(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    make_v1(saves)
    Store.open(saves).close()
    [copy] = backup.list_backups(saves)
    assert f"before-v{CURRENT_VERSION}" in copy.name
    conn = sqlite3.connect(copy)
    assert user_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
    conn.close()


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    db = make_v1(saves)
    before = schema(db)
    (saves / "backups").write_text("in the way")
    with pytest.raises(StoreUnavailable, match="before upgrading"):
        Store.open(saves)
    assert schema(db) == before
    conn = sqlite3.connect(db)
    assert user_version(conn) == 1
    conn.close()


def test_a_new_file_goes_straight_to_the_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.migrated == list(range(1, CURRENT_VERSION + 1))
    assert backup.list_backups(tmp_path) == []  # nothing worth backing up yet
    with Store.open(tmp_path) as store:
        assert store.migrated == []


def test_a_step_that_fails_half_way_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    db = make_v1(tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn)
    before = schema(db)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE attempts ADD COLUMN mood TEXT")
        c.execute("CREATE TABLE extra (x)")
        c.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [*MIGRATIONS, Migration(CURRENT_VERSION + 1, "broken", broken)])
    assert user_version(conn) == CURRENT_VERSION
    assert not conn.in_transaction
    conn.close()
    assert schema(db) == before


def test_upgraded_answers_and_rounds_get_distinct_ids_and_the_file_an_id(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    db = make_v1(saves)
    with Store.open(saves) as store:
        new = Attempt("Ada", "nk-talks", "h1", "china-restrains", "rebut", "x", 10, (), 1.0)
        store.record_attempt(new)
    conn = sqlite3.connect(db)
    uids = [r[0] for r in conn.execute("SELECT uid FROM attempts")]
    rounds = [r[0] for r in conn.execute("SELECT uid FROM rounds")]
    machine = conn.execute("SELECT value FROM settings WHERE key = 'machine_id'").fetchone()
    conn.close()
    assert len(uids) == 3 and len(set(uids)) == 3
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in [*uids, *rounds])
    assert machine is not None and len(machine[0]) == 32
