"""Drafts: unsent answers kept on disk, atomically, under names no player text can steer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.progress.drafts import Drafts

ROOT = Path(__file__).resolve().parents[2]


def test_save_load_clear_and_keys(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    assert drafts.load("Ada/nk/china/rebut") is None
    assert drafts.keys() == []
    assert drafts.save("Ada/nk/china/rebut", "China wants a buffer")
    assert drafts.save("Blaise/nk/china/defend", "Beijing holds the purse strings")
    assert drafts.load("Ada/nk/china/rebut") == "China wants a buffer"
    assert drafts.keys() == ["Ada/nk/china/rebut", "Blaise/nk/china/defend"]
    assert drafts.save("Ada/nk/china/rebut", "China wants a buffer state")
    assert drafts.load("Ada/nk/china/rebut") == "China wants a buffer state"
    assert drafts.clear("Ada/nk/china/rebut")
    assert drafts.clear("Ada/nk/china/rebut")  # already gone: fine
    assert drafts.keys() == ["Blaise/nk/china/defend"]


def test_drafts_survive_a_new_process(tmp_path: Path) -> None:
    Drafts(tmp_path).save("k", "typed before the crash")
    entry = Drafts(tmp_path).entry("k")
    assert entry is not None and entry.text == "typed before the crash"
    assert entry.saved_at.tzinfo is not None


def test_saving_blank_text_clears_the_draft(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.save("k", "something")
    assert drafts.save("k", "  \n ")
    assert drafts.load("k") is None


@pytest.mark.parametrize(
    "key",
    ["../../etc/passwd", "/absolute", "a\x00b", "con", "x" * 5000, "\ud800", "émoji 🎉", ""],
)
def test_any_key_becomes_a_safe_file_name_inside_the_drafts_folder(
    tmp_path: Path, key: str
) -> None:
    drafts = Drafts(tmp_path / "saves")
    assert drafts.save(key, "text")
    assert drafts.load(key) == "text"
    files = list((tmp_path / "saves" / "drafts").iterdir())
    assert len(files) == 1
    assert files[0].parent == tmp_path / "saves" / "drafts"
    assert len(files[0].name) < 64 and files[0].name.isascii()
    assert drafts.keys() == [key]
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == files


def test_any_text_round_trips(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    text = "NUL \x00, lone surrogate \ud800, escape \x1b[2J, emoji 🎉, newline\n" * 100
    assert drafts.save("k", text)
    assert drafts.load("k") == text


def test_a_read_only_or_missing_folder_never_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "saves"
    blocker.write_text("a file where the saves folder should be")
    drafts = Drafts(blocker)
    assert drafts.save("k", "text") is False
    assert drafts.load("k") is None
    assert drafts.keys() == []
    assert drafts.clear("k") is True
    assert not list(tmp_path.glob("*.tmp")) and blocker.read_text().startswith("a file")


def test_a_damaged_draft_file_reads_as_no_draft(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.save("k", "text")
    drafts.path("k").write_bytes(b"\x00garbage{")
    assert drafts.load("k") is None
    assert drafts.keys() == []
    assert drafts.save("k", "new text") and drafts.load("k") == "new text"


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    for n in range(20):
        drafts.save("k", f"version {n}")
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == [drafts.path("k").name]


_HANDLER = """
import os, signal, sys, time
from pathlib import Path
from game.progress.drafts import Drafts

drafts = Drafts(Path(sys.argv[1]))
text = "typed so far"

def on_term(signum, frame):
    drafts.save("answer", text)
    sys.exit(128 + signum)

signal.signal(signal.SIGTERM, on_term)
signal.signal(signal.SIGHUP, on_term)
print("ready", flush=True)
while True:
    drafts.save("answer", text)  # autosave racing with the signal handler
    text += "."
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_handler_can_save_the_draft(tmp_path: Path, signum: int) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_HANDLER), str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    proc.send_signal(signum)
    proc.wait(30)
    assert proc.returncode == 128 + signum
    text = Drafts(tmp_path).load("answer")
    assert text is not None and text.startswith("typed so far")
    assert not [p for p in (tmp_path / "drafts").iterdir() if p.suffix == ".tmp"]
