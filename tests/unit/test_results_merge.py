"""Results files: exported with stable ids, merged idempotently, broken files refused clearly."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.progress import results
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 6, 18, tzinfo=UTC)


def student(folder: Path, name: str, scores: list[int], pack: str = "nk") -> None:
    with Store.open(folder) as store:
        round_id = store.start_round(name, pack, "practice")
        for n, score in enumerate(scores):
            store.record_attempt(
                Attempt(name, pack, "h1", f"pos{n}", "rebut", f"{name} answer {n} «é»", score,
                        ("p1",) if score > 50 else (), 20.0, round_id, T0 + timedelta(minutes=n))
            )  # fmt: skip
        store.finish_round(round_id)


def export(folder: Path, out: Path, *extra: str) -> None:
    assert main(["export", "--results", "--saves", str(folder), "--output", str(out), *extra]) == 0


def answers(folder: Path) -> list[tuple[str, str, int]]:
    with Store.open(folder) as store:
        return [(a.player, a.position_id, a.score) for a in store.history()]


def test_merging_the_same_file_twice_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ada, coach, file = tmp_path / "ada", tmp_path / "coach", tmp_path / "ada.jsonl"
    student(ada, "Ada", [40, 80, 90])
    export(ada, file)
    assert main(["merge", "--saves", str(coach), str(file)]) == 0
    assert "3 new answers, 1 round; new players: Ada" in capsys.readouterr().out
    first = answers(coach)
    assert main(["merge", "--saves", str(coach), str(file), str(file)]) == 0
    out = capsys.readouterr().out
    assert out.count("0 new answers, 3 already here") == 2
    assert (
        answers(coach) == first == [("Ada", "pos0", 40), ("Ada", "pos1", 80), ("Ada", "pos2", 90)]
    )
    with Store.open(coach) as store:
        assert len(store.rounds()) == 1
        assert store.digest("Ada").answers == 3  # statistics totals counted once


def test_merge_keeps_names_texts_rounds_and_ids(tmp_path: Path) -> None:
    ada, ben, coach = tmp_path / "ada", tmp_path / "ben", tmp_path / "coach"
    student(ada, "Ada", [40, 80])
    student(ben, "Ben", [70])
    export(ada, tmp_path / "a.jsonl")
    export(ben, tmp_path / "b.jsonl")
    with Store.open(coach) as store:
        store.add_player("Coach")
    assert main(["merge", "--saves", str(coach), str(tmp_path / "a.jsonl"),
                 str(tmp_path / "b.jsonl")]) == 0  # fmt: skip
    with Store.open(coach) as store:
        assert store.players() == ["Ada", "Ben", "Coach"]
        assert store.last_player() == "Coach"  # merging does not change who plays here
        history = store.history(answers=True)
        assert [a.answer for a in history if a.player == "Ada"] == [
            "Ada answer 0 «é»",
            "Ada answer 1 «é»",
        ]
        rounds = store.rounds()
        assert sorted(r.player for r in rounds) == ["Ada", "Ben"]
        assert all(r.finished_at is not None for r in rounds)
    # Exporting the merged saves again and merging back into Ada's adds nothing there.
    export(coach, tmp_path / "all.jsonl")
    assert main(["merge", "--saves", str(ada), str(tmp_path / "all.jsonl")]) == 0
    assert sorted(p for p, _, _ in answers(ada)) == ["Ada", "Ada", "Ben"]


def test_the_file_carries_version_machine_export_and_attempt_ids(tmp_path: Path) -> None:
    student(tmp_path / "s", "Ada", [40, 80])
    export(tmp_path / "s", tmp_path / "r.jsonl")
    export(tmp_path / "s", tmp_path / "again.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text("ascii").splitlines()]
    again = [json.loads(x) for x in (tmp_path / "again.jsonl").read_text("ascii").splitlines()]
    head = lines[0]
    assert head["format"] == "counterpoint-results" and head["version"] == 1
    assert head["machine"] == again[0]["machine"] and head["export"] != again[0]["export"]
    uids = [x["uid"] for x in lines[1:]]
    assert len(set(uids)) == len(uids) == 3
    assert uids == [x["uid"] for x in again[1:]]  # stable across exports


def test_old_saves_get_ids_when_upgraded(tmp_path: Path) -> None:
    student(tmp_path, "Ada", [40, 80])
    conn = sqlite3.connect(tmp_path / "counterpoint.db")
    conn.execute("UPDATE attempts SET uid = NULL")  # as another tool might leave them
    conn.commit()
    conn.close()
    export(tmp_path, tmp_path / "r.jsonl")
    uids = [json.loads(x)["uid"] for x in (tmp_path / "r.jsonl").read_text().splitlines()[2:]]
    assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)


def test_filters_carry_only_the_rounds_needed(tmp_path: Path) -> None:
    student(tmp_path / "s", "Ada", [40])
    student(tmp_path / "s", "Ben", [70])
    export(tmp_path / "s", tmp_path / "r.jsonl", "--player", "ben")
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert lines[0]["rounds"] == 1 and lines[0]["attempts"] == 1
    assert {x.get("player") for x in lines[1:]} == {"Ben"}


def good_file(tmp_path: Path) -> list[str]:
    student(tmp_path / "s", "Ada", [40, 80])
    export(tmp_path / "s", tmp_path / "r.jsonl")
    return (tmp_path / "r.jsonl").read_text().splitlines()


def write(tmp_path: Path, lines: list[str], name: str = "bad.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n")
    return path


def edit(line: str, **changes: object) -> str:
    record = json.loads(line)
    record.update(changes)
    return json.dumps(record)


def test_broken_files_are_refused_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = good_file(tmp_path)
    bad = write(tmp_path, [lines[0], lines[1], edit(lines[2], score=120), "{oops", lines[3]])
    good = tmp_path / "r.jsonl"
    assert main(["merge", "--saves", str(tmp_path / "coach"), str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:3: attempt: 'score' must be a whole number from 0 to 100" in captured.err
    assert f"{bad}:4: not JSON (Expecting property name" in captured.err
    assert f"{bad}: not merged" in captured.err
    assert "Traceback" not in captured.err
    assert "2 new answers" in captured.out  # the good file is still merged
    assert len(answers(tmp_path / "coach")) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ls: ls[:-1], "the header promises 2 attempts but the file has 1"),
        (lambda ls: [ls[0], ls[1], ls[2], ls[2]], ":4: attempt: attempt "),
        (lambda ls: [ls[0], ls[2], ls[1], ls[3]], ":2: attempt: round "),
        (lambda ls: [edit(ls[0], version=2), *ls[1:]], ":1: written by a newer Counterpoint"),
        (lambda ls: ['{"hello": 1}', *ls[1:]], ":1: not a results file"),
        (lambda ls: [*ls[:2], edit(ls[2], player="x" * 41), ls[3]], ":3: attempt: 'player'"),
        (lambda ls: [*ls[:2], edit(ls[2], time="2025-03-06 18:00"), ls[3]], "zone"),
        (lambda ls: [*ls[:2], edit(ls[2], stance="attack"), ls[3]], "'stance' must be"),
        (lambda ls: [*ls[:2], edit(ls[2], uid="../../x"), ls[3]], "'uid' must be 8 to 64"),
        (lambda ls: [*ls[:2], '{"type": "vote"}', *ls[3:]], "unknown line type 'vote'"),
        (lambda ls: [*ls[:2], "[" * 100_000, *ls[3:]], ":3: not JSON (nested too deeply)"),
        (lambda ls: [], "the file is empty"),
    ],
)
def test_each_kind_of_damage_is_named(tmp_path: Path, change: object, message: str) -> None:
    lines = good_file(tmp_path)
    path = write(tmp_path, change(lines))  # type: ignore[operator]
    with pytest.raises(results.ResultsError) as caught:
        results.read_results(path)
    assert any(message in p for p in caught.value.problems), caught.value.problems


def test_size_cap_and_bad_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = good_file(tmp_path)
    path = write(tmp_path, lines)
    monkeypatch.setattr(results, "MAX_FILE_BYTES", 100)
    with pytest.raises(results.ResultsError, match="larger than"):
        results.read_results(path)
    monkeypatch.undo()
    raw = path.read_bytes().replace(b"Ada answer 0", b"Ada \xff\xfe 0", 1)
    with pytest.raises(results.ResultsError, match=r":3: not JSON \(not UTF-8 text\)"):
        results.parse_results(raw, "x.jsonl")


def test_a_refused_file_changes_nothing(tmp_path: Path) -> None:
    lines = good_file(tmp_path)
    coach = tmp_path / "coach"
    path = write(tmp_path, [*lines, edit(lines[2], uid="f" * 32, score=-1)])
    assert main(["merge", "--saves", str(coach), str(path)]) == 1
    assert not (coach / "counterpoint.db").exists() or answers(coach) == []


def test_export_results_refuses_other_format_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    student(tmp_path, "Ada", [40])
    assert main(["export", "--results", "--format", "csv", "--saves", str(tmp_path)]) == 2
    assert "--results writes its own format" in capsys.readouterr().err
