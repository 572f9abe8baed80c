"""``counterpoint grade``: one answer or a JSONL batch, explained for humans or as JSON."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.grading.grader import MAX_ANSWER_CHARS
from game.packs.loader import content_hash
from game.progress.graded import GRADED_MODE
from game.progress.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"
PACK = str(FIXTURES / "nk.yaml")
BASE = ["grade", "--pack", PACK, "--position", "china-will-restrain", "--stance", "rebut"]
GOOD = "China needs North Korea as a buffer against American troops."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_human_output_explains_the_score(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *BASE, GOOD + " I have thought about this a lot.")
    assert code == 0 and err == ""
    assert "Score: 53/100" in out
    assert "2 = 2 of 3.75 full marks -> 53/100" in out
    assert "+ china-wants-buffer" in out
    assert f'you wrote: "{GOOD[:-1]}"' in out
    assert "- china-failed-before" in out
    assert "why it matters: The track record is evidence" in out


def test_warnings_are_shown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *BASE, "buffer refugees collapse border troops tests orders chip")
    assert code == 0
    assert "Score: 0/100" in out
    assert "! salad:" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *BASE, "--json", GOOD)
    assert code == 0
    data = json.loads(out)
    assert data["score"] == 53
    point = data["points"][0]
    assert point["id"] == "china-wants-buffer" and point["matched"] is True
    assert 0.5 <= point["confidence"] <= 1
    assert point["evidence"] == [{"start": 0, "end": len(GOOD) - 1, "text": GOOD[:-1]}]
    assert data["warnings"] == []


def test_answer_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, out, _ = run(capsys, *BASE, "-")
    assert code == 0 and "Score: 53/100" in out


def test_unknown_position_lists_the_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grade", "--pack", PACK, "--position", "nope", "--stance",
                         "rebut", "x")  # fmt: skip
    assert code == 2 and out == ""
    assert "no position 'nope'; valid ids: china-will-restrain, pressure-backfires" in err


def test_a_pack_with_several_positions_needs_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", "--pack", PACK, "--stance", "rebut", "x")
    assert code == 2 and "choose one with --position" in err


def test_unknown_stance_is_refused_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["grade", "--pack", PACK, "--position", "china-will-restrain", "--stance", "x", "y"])
    assert exit_info.value.code == 2
    assert "choose from 'rebut', 'defend'" in capsys.readouterr().err


def test_over_long_answer_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *BASE, "word " * (MAX_ANSWER_CHARS // 4))
    assert code == 1
    assert "! too-long:" in out and "Score: 0/100" in out


def test_terminal_escapes_in_the_answer_are_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    answer = "China needs North Korea as a \x1b]52;c;aGk=\x07buffer\x1b[2J against American troops."
    code, out, _ = run(capsys, *BASE, answer)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out


def test_pack_by_id_from_a_packs_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "grade", "--packs", str(FIXTURES), "--saves", str(tmp_path),
                       "--pack", "grading-nk", "--position", "china-will-restrain",
                       "--stance", "rebut", GOOD)  # fmt: skip
    assert code == 0 and "Score: 53/100" in out


def test_missing_pack_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", "--pack", "/no/such/pack.yaml", "--stance", "rebut", "x")
    assert code == 2 and err.startswith("counterpoint: ") and "Traceback" not in err


def write_batch(tmp_path: Path, lines: list[str | bytes]) -> str:
    path = tmp_path / "answers.jsonl"
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")
    return str(path)


BATCH = [
    json.dumps({"id": "ana", "text": GOOD}),
    "{not json",
    json.dumps({"id": 7, "text": "x" * (MAX_ANSWER_CHARS + 1)}),
    json.dumps({"id": "no-text"}),
    b"\xff\xfe bad bytes",
    json.dumps(["a", "list"]),
    "",
    json.dumps({"id": "ben", "text": "China will restrain North Korea because it wants peace."}),
]


def test_batch_reports_bad_lines_and_grades_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, *BASE, "--batch", write_batch(tmp_path, BATCH))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "ana: 53/100  made: china-wants-buffer"
    assert lines[1].startswith("line 2: error: not JSON")
    assert lines[2] == "7: 0/100  made: none  warnings: too-long"
    assert lines[3] == 'line 4: error: missing "text" (a string)'
    assert lines[4] == "line 5: error: not UTF-8 (byte 1)"
    assert lines[5].startswith("line 6: error: expected an object")
    assert lines[6] == "ben: 0/100  made: none  warnings: echo"
    assert len(lines) == 7


def test_batch_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, *BASE, "--json", "--batch", write_batch(tmp_path, BATCH))
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in records] == ["ana", None, 7, "no-text", None, None, "ben"]
    assert records[0]["score"] == 53
    assert records[0]["points"][0]["evidence"][0]["text"] == GOOD[:-1]
    assert records[1] == {"id": None, "line": 2, "error": records[1]["error"]}
    assert records[2]["warnings"][0]["code"] == "too-long"
    assert records[6]["line"] == 8


def test_batch_all_good_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(capsys, *BASE, "--batch", write_batch(tmp_path, [json.dumps({"text": GOOD})]))
    assert code == 0


def test_text_and_batch_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, *BASE, "--batch", write_batch(tmp_path, []), "text")
    assert code == 2 and "not both" in err


# --- --record: graded answers saved exactly as played ones ----------------------------------


def test_record_saves_a_graded_answer_as_the_players_attempt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, *BASE, "--saves", str(tmp_path), "--json", "--record",
                         "--player", "Ada", GOOD)  # fmt: skip
    assert code == 0
    assert "recorded 1 answer for Ada" in err
    data = json.loads(out)
    with Store.open(tmp_path) as store:
        [attempt] = store.history("Ada", answers=True)
        assert attempt.id == data["recorded"]
        assert (attempt.pack_id, attempt.position_id, attempt.stance) == (
            "grading-nk", "china-will-restrain", "rebut",
        )  # fmt: skip
        assert attempt.pack_hash == content_hash((FIXTURES / "nk.yaml").read_bytes())
        assert (attempt.answer, attempt.score, attempt.round_id) == (GOOD, 53, None)
        assert attempt.matched_points == ("china-wants-buffer",)
        assert store.digest("Ada").answers == 1


def test_record_a_batch_as_one_round(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines: list[str | bytes] = [
        json.dumps({"id": "a", "text": GOOD, "seconds": 95}),
        "{not json",
        json.dumps({"id": "b", "text": "x" * (MAX_ANSWER_CHARS + 1)}),
        json.dumps({"id": "c", "text": "Beijing uses Pyongyang as leverage against Washington."}),
    ]
    batch = write_batch(tmp_path, lines)
    saves = tmp_path / "saves"
    code, out, err = run(capsys, *BASE, "--saves", str(saves), "--json", "--batch", batch,
                         "--record", "--player", "Ben")  # fmt: skip
    assert code == 1  # a bad line and a refused answer, as without --record
    assert "recorded 2 answers for Ben in round" in err and "1 too long, not recorded" in err
    records = [json.loads(line) for line in out.splitlines()]
    with Store.open(saves) as store:
        attempts = store.history("Ben", answers=True)
        [round_] = store.rounds("Ben")
    assert [a.id for a in attempts] == [records[0]["recorded"], records[3]["recorded"]]
    assert records[2]["recorded"] is None
    assert [a.seconds for a in attempts] == [95.0, 0.0]
    assert {a.round_id for a in attempts} == {round_.id}
    assert round_.mode == GRADED_MODE and round_.finished_at is not None
    assert [a.matched_points for a in attempts] == [("china-wants-buffer",), ("us-rivalry",)]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--record"], "--record needs --player NAME"),
        (["--player", "Ada"], "add --record"),
        (["--record", "--player", "\x1b[2J"], "control characters"),
    ],
)
def test_record_needs_a_valid_player(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, flags: list[str], message: str
) -> None:
    code, out, err = run(capsys, *BASE, "--saves", str(tmp_path), *flags, GOOD)
    assert code == 2 and out == ""
    assert message in err
