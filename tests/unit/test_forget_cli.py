"""``counterpoint forget``: a player's data goes only after a backup and a clear yes."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.cli import main
from game.progress import backup
from game.progress.drills import Drills
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)
SECRET = "Ada's unmistakable answer about the buffer state"


class Terminal:
    """Stands in for sys.stdin when the command runs in a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    folder = tmp_path / "saves"
    with Store.open(folder, clock=lambda: T0, backups=False) as store:
        round_id = store.start_round("Ada", "nk", "practice")
        for n in range(3):
            store.record_attempt(
                Attempt("Ada", "nk", "h", f"p{n}", "rebut", SECRET, 50, ("x",), 5.0, round_id, T0)
            )
        store.record_attempt(Attempt("Blaise", "nk", "h", "p0", "rebut", "mine", 70, (), 5.0))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["forget", *args])
    out, err = capsys.readouterr()
    return code, out, err


def forget_backups(saves: Path) -> list[Path]:
    return [p for p in backup.list_backups(saves) if "before-forget" in p.name]


def file_bytes(saves: Path) -> bytes:
    return b"".join(p.read_bytes() for p in saves.glob("counterpoint.db*") if p.is_file())


def test_yes_deletes_everything_of_that_player_after_a_backup(
    capsys: pytest.CaptureFixture[str], saves: Path
) -> None:
    code, out, _ = run(capsys, "--saves", str(saves), "--player", "ada", "--yes")
    assert code == 0
    assert "Forgot Ada: deleted 3 answers in 1 round." in out
    [copy] = forget_backups(saves)
    assert str(copy) in out
    with Store.open(saves) as store:
        assert store.players() == ["Blaise"]
        assert store.history("Ada") == [] and store.rounds("Ada") == []
        assert store.digest("Ada").answers == 0
        assert Drills(store).cards("Ada", "nk") == []
        assert len(store.history("Blaise")) == 1 and len(Drills(store).cards("Blaise", "nk")) == 1
    assert SECRET.encode() not in file_bytes(saves)  # overwritten, not just unlinked
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 4  # the backup has it
    conn.close()


def test_without_a_terminal_and_without_yes_nothing_is_deleted(
    capsys: pytest.CaptureFixture[str], saves: Path
) -> None:
    code, out, err = run(capsys, "--saves", str(saves), "--player", "Ada")
    assert code == 2 and out == ""
    assert "without confirmation" in err and "--yes" in err and "Traceback" not in err
    assert forget_backups(saves) == []
    with Store.open(saves, backups=False) as store:
        assert store.players() == ["Ada", "Blaise"] and len(store.history("Ada")) == 3


@pytest.mark.parametrize(
    ("reply", "deleted"), [("y", True), ("yes", True), ("n", False), ("", False)]
)
def test_in_a_terminal_the_player_is_asked_first(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    saves: Path,
    reply: str,
    deleted: bool,
) -> None:
    questions: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda q: questions.append(q) or reply)
    code, out, _ = run(capsys, "--saves", str(saves), "--player", "Ada")
    [question] = questions
    assert "Delete all of Ada's data (3 answers in 1 round)?" in question and "[y/N]" in question
    assert code == (0 if deleted else 1)
    assert ("Nothing was deleted." in out) is not deleted
    with Store.open(saves, backups=False) as store:
        assert ("Ada" in store.players()) is not deleted
    assert len(forget_backups(saves)) == int(deleted)


def test_an_unknown_player_or_empty_saves_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], saves: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--saves", str(saves), "--player", "Zed", "--yes")
    assert code == 2 and "no player named 'Zed'; players: Ada, Blaise" in err
    code, _, err = run(capsys, "--saves", str(tmp_path / "empty"), "--player", "Ada", "--yes")
    assert code == 2 and "nothing is recorded" in err
    assert not (tmp_path / "empty").exists()
