"""``counterpoint stats``: text and JSON, with and without saves, and with hostile stored text."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.progress.models import Attempt
from game.progress.store import Store

PACK = """\
pack: 1
id: drill-pack
title: A pack for the statistics tests
positions:
  - id: alpha
    claim: Alpha is true.
    rebut:
      points:
        - {id: x, argument: The first counterpoint to alpha.}
        - {id: y, argument: The second counterpoint to alpha.}
        - {id: z, argument: The third counterpoint to alpha.}
  - id: beta
    claim: Beta is true.
    defend:
      points:
        - {id: u, argument: The first support for beta.}
"""

T0 = datetime(2025, 3, 1, 10, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["stats", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    """Ada: two rounds a day apart on 'alpha'; Blaise: one answer on 'beta'."""
    folder = tmp_path / "saves"
    with Store.open(folder, clock=lambda: T0) as store:
        for day, (score, points) in enumerate([(40, ("x",)), (70, ("y",))]):
            round_id = store.start_round("Ada", "drill-pack", "practice")
            store.record_attempt(
                Attempt(
                    "Ada", "drill-pack", "h", "alpha", "rebut", "text", score, points, 20.0,
                    round_id, T0 + timedelta(days=day),
                )
            )  # fmt: skip
            store.finish_round(round_id)
        store.record_attempt(
            Attempt("Blaise", "drill-pack", "h", "beta", "defend", "t", 90, ("u",), 9.0)
        )
    return folder


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "drill-pack.yaml").write_text(PACK)
    return folder


def test_no_saves_is_a_friendly_message_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--saves", str(tmp_path / "none"))
    assert code == 0 and "No answers recorded yet" in out and err == ""
    code, out, _ = run(capsys, "--saves", str(tmp_path / "none"), "--json")
    assert code == 0 and json.loads(out)["players"] == []
    assert not (tmp_path / "none").exists()


def test_saves_from_the_environment(
    tmp_path: Path, saves: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERPOINT_SAVES", str(saves))
    code, out, _ = run(capsys)
    assert code == 0 and str(saves) in out


def test_overview_of_every_player(saves: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--saves", str(saves))
    assert code == 0
    rows = {
        line.split()[0]: line.split()[1:5]
        for line in out.splitlines()
        if line.startswith(("Ada ", "Blaise "))
    }
    assert rows["Ada"] == ["2", "2", "55", "70"]  # rounds, answers, average, best
    assert rows["Blaise"] == ["0", "1", "90", "90"]
    assert "--player NAME" in out


def test_one_players_details_in_text(
    saves: Path, packs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--saves", str(saves), "--packs", str(packs), "--player", "ADA")
    assert code == 0
    assert "Ada: 2 rounds, 2 answers, average 55, best 70" in out
    assert "Trend by session: ▄▆  40 -> 70 over 2 sessions" in out
    assert "longest 2" in out
    flow = next(line for line in out.splitlines() if line.startswith("  drill-pack/alpha (rebut):"))
    assert flow.split(":", 1)[1].split() == ["-", "x", "+", "y", ".", "z"]
    assert "drill-pack/beta (defend): ? u" in out  # Ada never tried beta


def test_json_for_one_player(saves: Path, packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--saves", str(saves), "--packs", str(packs), "--player", "ada", "--json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1 and document["saves"] == str(saves)
    [ada] = document["players"]
    assert (ada["player"], ada["rounds"], ada["answers"], ada["average"], ada["best"]) == (
        "Ada",
        2,
        2,
        55.0,
        70,
    )
    assert ada["trend"] == [40.0, 70.0]
    [alpha] = ada["mastery"]
    assert (alpha["position_id"], alpha["attempts"], alpha["last"], alpha["trend"]) == (
        "alpha",
        2,
        70,
        [40, 70],
    )
    assert ada["streak"]["longest"] == 2 and ada["streak"]["last_day"] == "2025-03-02"
    states = {(c["position_id"], c["point_id"]): c["state"] for c in ada["flow"]}
    assert states == {
        ("alpha", "x"): "dropped",
        ("alpha", "y"): "found",
        ("alpha", "z"): "never",
        ("beta", "u"): "unplayed",
    }
    assert datetime.fromisoformat(ada["last_at"]) == T0 + timedelta(days=1)


def test_json_for_everyone(saves: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--saves", str(saves), "--json")
    assert code == 0
    assert [p["player"] for p in json.loads(out)["players"]] == ["Ada", "Blaise"]


def test_an_unknown_player_is_a_one_line_error(
    saves: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--saves", str(saves), "--player", "Zed")
    assert code == 2 and out == ""
    assert err.startswith("counterpoint: no player named 'Zed'; players: Ada, Blaise")
    assert "Traceback" not in err


def test_a_corrupt_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "counterpoint.db").write_bytes(os.urandom(8192))
    code, out, err = run(capsys, "--saves", str(folder))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "not a Counterpoint saves file" in err


def test_stored_text_cannot_reach_the_terminal_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saves"
    with Store.open(folder) as store:
        store.record_attempt(
            Attempt(
                "Ada", "pack\x1b[2J", "h", "pos\x1b]0;pwned\x07", "rebut", "t", 50,
                ("pt\x9b31m",), 1.0,
            )
        )  # fmt: skip
    code, out, _ = run(capsys, "--saves", str(folder), "--player", "Ada")
    assert code == 0 and "pos" in out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    code, out, _ = run(capsys, "--saves", str(folder), "--json")
    assert "\x1b" not in out and "\x9b" not in out


def test_stats_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "stats" in capsys.readouterr().out
