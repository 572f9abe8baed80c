"""The real program in a pty: escape sequences never reach the screen; SIGTERM keeps the draft."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from game.progress.drafts import Drafts
from tests.fixtures.ui.scripted import HERE as FIXTURES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
PAYLOAD = "\x1b]0;pwned\x07"


def drain(fd: int, seconds: float, until: bytes | None = None) -> bytes:
    """Read what the program writes for up to ``seconds`` (or until ``until`` shows up)."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if until is not None and until in out:
            break
    return out


def test_pasted_escapes_are_not_echoed_and_sigterm_saves_the_draft(tmp_path: Path) -> None:
    import pty

    args = [sys.executable, "-m", "game", "play", "--saves", str(tmp_path)]
    args += ["--packs", str(FIXTURES), "--pack", "ui-tiny", "--player", "Ada", "--positions", "all"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the game, in a fixed-size terminal
        os.environ.update(COLUMNS="100", LINES="30", TERM="xterm-256color")
        os.execv(sys.executable, args)
    try:
        drain(fd, 15, until=b"Start round")
        for key in (b"\r", b"\r", b"\r"):  # name (given), pack (given), Start
            os.write(fd, key)
            time.sleep(0.4)
        drain(fd, 8, until=b"Rebut this")
        os.write(fd, f"\x1b[200~Longer days {PAYLOAD}tire pupils\x1b[201~".encode())
        seen = drain(fd, 2)
        # Textual ends the paste at the embedded ESC and reads the rest as keys, so the words
        # may show up as plain text; what must never happen is the sequence reaching the screen.
        assert b"\x1b]0;" not in seen and b"\x07" not in seen
        assert b"tire pupils" in seen
        os.kill(pid, signal.SIGTERM)
        seen += drain(fd, 8)
        _, status = os.waitpid(pid, 0)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(fd)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signal.SIGTERM
    assert b"\x1b[?1049l" in seen  # the terminal was given back (alternate screen left)
    draft = Drafts(tmp_path).load("Ada/ui-tiny/rest-helps/rebut")
    assert draft is not None and "Longer days" in draft and "tire pupils" in draft
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in draft)
