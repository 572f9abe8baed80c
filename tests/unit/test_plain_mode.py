"""Plain mode: the same round as line-by-line text, driven through standard input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.cli import main
from game.commands.play_plain import FdReader, play_plain
from game.progress.store import Store
from game.rounds.plan import Turn
from tests.fixtures.ui.scripted import HERE as FIXTURES
from tests.fixtures.ui.scripted import ScriptedGrader, load

STRONG = (
    "Four longer school days tire pupils out more than five shorter ones. "
    "Working parents must find and pay for childcare on the extra day off."
)


def run_cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    saves: Path,
    text: str,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(
        [
            "play",
            "--plain",
            "--saves",
            str(saves),
            "--packs",
            str(FIXTURES),
            "--pack",
            "ui-tiny",
            *args,
        ]
    )
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_round_with_a_retry_through_stdin_is_played_and_recorded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = (
        "Longer days exhaust children.\n"
        "\n"  # an empty line ends the answer
        "r\n"  # retry
        f"{STRONG}\n"
        "It is also a second line.\n"
        ".\n"  # a lone dot ends it too
        "\n"  # Enter: next
        "The savings are small because salaries stay the same.\n"
        "\n"
        "\n"  # Enter: the summary
    )
    code, out, err = run_cli(
        monkeypatch, capsys, tmp_path, answers, "--player", "Ada", "--positions", "all"
    )
    assert code == 0, err
    assert out.count("Position 1 of 2") == 2 and "(try 2)" in out
    assert "Claim: A three-day weekend leaves pupils rested and readier to learn." in out
    assert "Rebut this: argue that it is wrong." in out
    assert "Quote: “Tired children learn nothing; rested ones learn fast.” (Ada Writer," in out
    assert "Points you missed:" in out and "Why it matters:" in out
    assert "Round over. 2 of 2 positions answered." in out
    assert "\x1b" not in out  # plain text: no colours, no cursor movement
    store = Store.open(tmp_path)
    history = store.history(answers=True)
    store.close()
    assert [a.position_id for a in history] == ["rest-helps", "rest-helps", "saves-money"]
    assert history[1].answer == f"{STRONG}\nIt is also a second line."


def test_end_of_input_mid_round_stops_cleanly_with_a_summary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run_cli(
        monkeypatch, capsys, tmp_path, f"{STRONG}", "--player", "Ada", "--positions", "all"
    )
    assert code == 0 and "Traceback" not in err
    assert "Score:" in out  # the unfinished last line was still graded
    assert "Round over. 1 of 2 positions answered." in out


def test_no_input_at_all_ends_without_grading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(monkeypatch, capsys, tmp_path, "", "--player", "Ada")
    assert code == 0 and "Round over. No answer was graded." in out


def test_q_stops_the_round_and_suggests_the_weakest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        monkeypatch,
        capsys,
        tmp_path,
        "bananas\n\nq\n",
        "--player",
        "Ada",
        "--positions",
        "saves-money",
    )
    assert code == 0
    assert "counterpoint play --plain --pack ui-tiny --positions saves-money --stance rebut" in out


def test_bad_options_are_one_line_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(monkeypatch, capsys, tmp_path, "", "--positions", "nope")
    assert code == 2 and err.startswith("counterpoint: pack 'ui-tiny' has no position 'nope'")
    code, _, err = run_cli(monkeypatch, capsys, tmp_path, "", "--pack", "missing")
    assert code == 2 and "no pack with id 'missing'" in err
    code, _, err = run_cli(monkeypatch, capsys, tmp_path, "", "--positions", "random:0")
    assert code == 2 and err.count("\n") == 1


def test_hostile_names_and_answers_are_printed_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        monkeypatch,
        capsys,
        tmp_path,
        "Longer days \x1b]0;pwned\x07tire and exhaust children.\n\n",
        "--player",
        "Eve\x1b]0;pwned\x07",
        "--positions",
        "rest-helps",
    )
    assert code == 0
    assert "Player: Eve." in out and "\x1b" not in out and "\x07" not in out


def test_plain_mode_as_a_script_through_a_pipe(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--plain", "--saves", str(tmp_path)]
        + ["--packs", str(FIXTURES), "--pack", "ui-tiny", "--positions", "saves-money"],
        input="The savings are small because salaries stay the same.\n\n\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Score:" in result.stdout and "Round over. 1 of 1 positions answered." in result.stdout
    assert "Traceback" not in result.stderr


def test_the_timer_submits_what_was_typed_when_time_runs_out(tmp_path: Path) -> None:
    read, write = os.pipe()
    os.write(write, b"Longer days exhaust children\nand tire")
    # The player stops typing; later they close the input (Ctrl+D) at the "what next" prompt.
    closer = threading.Timer(3, os.close, [write])
    closer.start()
    pack = load("tiny")
    grader = ScriptedGrader(pack)
    out = io.StringIO()
    started = time.monotonic()
    with os.fdopen(read, "r") as stdin:
        summary = play_plain(
            pack,
            [Turn("rest-helps", "rebut")],
            player="Ada",
            grade=grader.grade,
            clock=lambda: datetime.now(UTC),
            stdin=stdin,
            stdout=out,
            time_limit=1,
        )
    closer.join()
    assert time.monotonic() - started < 10  # not stuck waiting for the end of the answer
    text = out.getvalue()
    assert "You have 1 seconds." in text and "Time is up" in text
    assert summary.answered == 1
    assert summary.turns[0].tries == 1
    assert grader.calls[0][0] == "Longer days exhaust children\nand tire"  # the unfinished line too


def test_fd_reader_splits_lines_and_decodes_broken_utf8() -> None:
    read, write = os.pipe()
    os.write(write, b"caf\xc3\xa9\nbad \xff byte\r\nlast")
    os.close(write)
    reader = FdReader(read)
    assert reader.readline(5) == "café"
    assert reader.readline(5) == "bad \ufffd byte"
    assert reader.readline(5) == "last"
    assert reader.readline(5) is None
    os.close(read)
