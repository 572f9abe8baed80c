"""Several processes writing at once, and processes killed with SIGKILL mid-write, lose nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.progress.models import Attempt
from game.progress.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _writer(saves: str, worker: int, count: int, gate: object) -> None:
    gate.wait(30)  # type: ignore[attr-defined]
    with Store.open(Path(saves)) as store:  # every process creates/opens at the same moment
        round_id = store.start_round(f"Player {worker}", "pack", "practice")
        for n in range(count):
            store.record_attempt(
                Attempt(
                    f"Player {worker}", "pack", "h", f"w{worker}-{n}", "rebut", "text",
                    n % 101, ("p",), 1.0, round_id,
                )
            )  # fmt: skip
        store.finish_round(round_id)


def test_six_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    workers, count = 6, 50
    ctx = multiprocessing.get_context("spawn")
    gate = ctx.Event()
    procs = [
        ctx.Process(target=_writer, args=(str(tmp_path), w, count, gate)) for w in range(workers)
    ]
    for proc in procs:
        proc.start()
    gate.set()
    for proc in procs:
        proc.join(120)
    assert [proc.exitcode for proc in procs] == [0] * workers
    with Store.open(tmp_path) as store:
        assert store.check() == ["ok"]
        history = store.history()
        assert len(history) == workers * count
        assert {a.position_id for a in history} == {
            f"w{w}-{n}" for w in range(workers) for n in range(count)
        }
        assert len(store.players()) == workers
        assert all(r.finished_at is not None for r in store.rounds())


_LOOP = """
import sys
from pathlib import Path
from game.progress.models import Attempt
from game.progress.store import Store

store = Store.open(Path(sys.argv[1]))
round_id = store.start_round("Ada", "pack", "practice")
n = 0
while True:
    n += 1
    attempt_id = store.record_attempt(
        Attempt("Ada", "pack", "h", f"pos-{n}", "defend", "answer " * 50, n % 101,
                ("a", "b"), 2.0, round_id)
    )
    print(attempt_id, flush=True)
"""


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_sigkill_mid_round_keeps_every_committed_answer(tmp_path: Path) -> None:
    proc = _spawn(_LOOP, str(tmp_path))
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(60)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    committed += [int(line) for line in proc.stdout.read().split()]
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(tmp_path / "counterpoint.db")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(tmp_path) as store:
        history = store.history(answers=True)
    ids = [a.id for a in history]
    assert set(committed) <= set(ids)
    assert len(ids) - len(committed) <= 1  # at most the attempt in flight, and it is whole
    assert all(a.answer == "answer " * 50 and a.matched_points == ("a", "b") for a in history)


_CRASH_AT = """
import os, sys
from pathlib import Path
from game.progress.models import Attempt
from game.progress.store import Store

store = Store.open(Path(sys.argv[1]))
for n in range(4):
    if n == 3:
        store._crash_point = lambda stage: stage == sys.argv[2] and os.kill(os.getpid(), 9)
    store.record_attempt(Attempt("Ada", "pack", "h", f"pos-{n}", "rebut", "x", 50, (), 1.0))
"""


@pytest.mark.parametrize(
    ("stage", "kept"),
    [("before-begin", 3), ("after-insert", 3), ("before-commit", 3), ("after-commit", 4)],
)
def test_sigkill_at_each_step_of_recording_leaves_it_all_or_nothing(
    tmp_path: Path, stage: str, kept: int
) -> None:
    proc = _spawn(_CRASH_AT, str(tmp_path), stage)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(tmp_path) as store:
        assert store.check() == ["ok"]
        assert [a.position_id for a in store.history()] == [f"pos-{n}" for n in range(kept)]
