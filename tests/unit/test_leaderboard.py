"""The leaderboard: ranked by average, never by speed; ties decided and explained; can be hidden."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from game.cli import main
from game.progress import leaderboard, settings
from game.progress.leaderboard import Tally, period_start, rank_pack
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 5, 18, tzinfo=UTC)  # a Wednesday evening


def tally(player: str, scores: list[int], pack: str = "nk") -> Tally:
    return Tally(player, pack, len(scores), sum(scores), max(scores), T0)


def record(store: Store, player: str, scores: list[int], *, pack: str = "nk",
           at: datetime = T0, seconds: float = 30.0) -> None:  # fmt: skip
    for n, score in enumerate(scores):
        when = at + timedelta(minutes=n)
        store.record_attempt(
            Attempt(player, pack, "h", "pos", "rebut", "an answer", score, (), seconds, None, when)
        )


def test_higher_average_ranks_first_and_speed_never_counts(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        record(store, "Quick", [60, 62, 64], seconds=2.0)
        record(store, "Slow", [80, 70, 75], seconds=900.0)
        board = leaderboard.build(store, now=T0 + timedelta(hours=1), tz=UTC).boards[0]
    assert [(s.rank, s.player, s.tally.average) for s in board.ranked] == [
        (1, "Slow", 75.0),
        (2, "Quick", 62.0),
    ]
    assert board.notes == ()


def test_players_below_the_minimum_are_listed_apart_not_ranked() -> None:
    board = rank_pack([tally("Lucky", [100]), tally("Steady", [70, 72, 71])], min_answers=3)
    assert [s.player for s in board.ranked] == ["Steady"]
    assert [(s.player, s.rank) for s in board.unranked] == [("Lucky", None)]


def test_same_average_more_answers_first_with_a_note() -> None:
    board = rank_pack([tally("Ada", [70, 80]), tally("Ben", [75, 75, 75, 75])], min_answers=2)
    assert [(s.rank, s.player) for s in board.ranked] == [(1, "Ben"), (2, "Ada")]
    assert board.notes == (
        "Ben ranks above Ada: both average 75.0; Ben gave more answers (4 to 2).",
    )


def test_same_average_and_answers_higher_best_first_with_a_note() -> None:
    board = rank_pack([tally("Ada", [70, 80]), tally("Ben", [90, 60])], min_answers=2)
    assert [(s.rank, s.player) for s in board.ranked] == [(1, "Ben"), (2, "Ada")]
    assert board.notes == (
        "Ben ranks above Ada: both average 75.0 over 2 answers; Ben's best answer scored"
        " higher (90 to 80).",
    )


def test_full_ties_share_a_rank_and_the_next_rank_skips() -> None:
    board = rank_pack(
        [tally("Dee", [50, 60]), tally("Cy", [80, 70]), tally("Bo", [70, 80]),
         tally("Al", [90, 90])],
        min_answers=2,
    )  # fmt: skip
    assert [(s.rank, s.shared, s.player) for s in board.ranked] == [
        (1, False, "Al"),
        (2, True, "Bo"),
        (2, True, "Cy"),
        (4, False, "Dee"),
    ]
    assert board.notes == (
        "Bo and Cy share rank 2: same average (75.0), same number of answers (2) and same"
        " best score (80).",
    )


def test_averages_compare_as_shown_to_one_decimal() -> None:
    # 200/3 = 66.67 and 2001/30 = 66.70 both show as 66.7: a tie on the shown average,
    # decided by the number of answers (and explained), not by invisible decimals.
    a = Tally("Ada", "nk", 3, 200, 70, T0)
    b = Tally("Ben", "nk", 30, 2001, 90, T0)
    board = rank_pack([a, b], min_answers=3)
    assert [s.player for s in board.ranked] == ["Ben", "Ada"]
    assert "both average 66.7" in board.notes[0]


def test_each_pack_has_its_own_board(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        record(store, "Ada", [90, 90, 90], pack="easy")
        record(store, "Ada", [40, 40, 40], pack="hard")
        record(store, "Ben", [50, 50, 50], pack="hard")
        lb = leaderboard.build(store, now=T0 + timedelta(hours=1), tz=UTC)
        only = leaderboard.build(store, pack_id="hard", now=T0 + timedelta(hours=1), tz=UTC)
    assert [b.pack_id for b in lb.boards] == ["easy", "hard"]
    assert [s.player for s in lb.boards[1].ranked] == ["Ben", "Ada"]
    assert [b.pack_id for b in only.boards] == ["hard"]


def test_periods_today_and_this_week_in_local_time(tmp_path: Path) -> None:
    zone = timezone(timedelta(hours=-5))
    now = datetime(2025, 3, 5, 20, tzinfo=zone)  # Wednesday 20:00 local
    assert period_start("today", now, zone) == datetime(2025, 3, 5, tzinfo=zone)
    assert period_start("week", now, zone) == datetime(2025, 3, 3, tzinfo=zone)
    assert period_start("all", now, zone) is None
    with Store.open(tmp_path) as store:
        record(store, "Monday", [50, 50, 50], at=datetime(2025, 3, 3, 9, tzinfo=zone))
        record(store, "LastWeek", [99, 99, 99], at=datetime(2025, 3, 2, 9, tzinfo=zone))
        record(store, "Today", [70, 70, 70], at=datetime(2025, 3, 5, 9, tzinfo=zone))

        def names(period: leaderboard.Period) -> list[str]:
            lb = leaderboard.build(store, period=period, now=now, tz=zone)
            return [s.player for s in lb.boards[0].ranked]

        assert names("today") == ["Today"]
        assert names("week") == ["Today", "Monday"]
        assert names("all") == ["LastWeek", "Today", "Monday"]


def test_cli_prints_ranks_ties_and_the_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(tmp_path) as store:
        record(store, "Bo", [70, 80])
        record(store, "Cy", [80, 70])
        record(store, "Al", [90, 95])
        record(store, "[/]New", [100])
    assert main(["leaderboard", "--saves", str(tmp_path), "--min-answers", "2"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(line.split()[:2] == ["1", "Al"] for line in lines)
    assert any(line.split()[:2] == ["=2", "Bo"] for line in lines)
    assert any(line.split()[:2] == ["=2", "Cy"] for line in lines)
    assert "* Bo and Cy share rank 2" in out
    assert "Not ranked yet (answers so far): [/]New (1)" in out
    assert "Time taken never counts" in out


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path) as store:
        record(store, "Ada", [70, 80, 90])
    assert main(["leaderboard", "--saves", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["hidden"] is False and doc["min_answers"] == 3
    assert doc["boards"][0]["ranked"] == [
        {"rank": 1, "shared": False, "player": "Ada", "average": 80.0, "answers": 3, "best": 90}
    ]


def test_the_coach_can_hide_and_show_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path) as store:
        record(store, "Ada", [70, 80, 90])
    assert main(["leaderboard", "--saves", str(tmp_path), "--hide"]) == 0
    capsys.readouterr()
    assert main(["leaderboard", "--saves", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "hidden by the coach" in out and "Ada" not in out
    assert main(["leaderboard", "--saves", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["hidden"] is True and doc["boards"] == []
    with Store.open(tmp_path) as store:
        assert settings.leaderboard_hidden(store)
    assert main(["leaderboard", "--saves", str(tmp_path), "--show"]) == 0
    capsys.readouterr()
    assert main(["leaderboard", "--saves", str(tmp_path)]) == 0
    assert "Ada" in capsys.readouterr().out


def test_no_saves_yet_and_bad_minimum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leaderboard", "--saves", str(tmp_path / "none")]) == 0
    assert "No answers recorded" in capsys.readouterr().out
    assert main(["leaderboard", "--saves", str(tmp_path), "--min-answers", "0"]) == 2
    assert "--min-answers" in capsys.readouterr().err
