"""`counterpoint serve --guard` as a coach starts it: a real server and a real game, on loopback.

The server runs in its own process group on 127.0.0.1 (port 0: it picks a free port and
prints it); the test talks to it with aiohttp on 127.0.0.1 only, bounds every wait, and kills
the whole process group at the end, games included.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

CODE = "CLUB-2025"
FIXTURE_PACKS = Path(__file__).parents[1] / "fixtures" / "packs" / "good"

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Start the server; yield its base URL; kill its process group whatever happens."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("COUNTERPOINT_SERVED", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--guard", "--host", "127.0.0.1", "--port", "0",
         "--join-code", CODE, "--max-players", "1", "--saves", str(tmp_path / "saves"),
         "--packs", str(FIXTURE_PACKS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )  # fmt: skip
    try:
        url = _wait_for_url(process, deadline=time.monotonic() + 30)
        yield url, process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the server and every game it started
        process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()


def _wait_for_url(process: subprocess.Popen[str], deadline: float) -> str:
    assert process.stdout is not None
    seen: list[str] = []
    for _ in range(50):  # the banner is a few lines; never read forever
        if time.monotonic() > deadline:
            break
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"Serving Counterpoint at (http://127\.0\.0\.1:\d+)/", line)
        if found:
            return found.group(1)
    raise AssertionError(f"the server did not start: {''.join(seen)}")


async def _first_game_bytes(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> int:
    """Bytes of screen output received from the game within ``seconds``."""
    received = 0
    deadline = time.monotonic() + seconds
    while received < 1000 and time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            received += len(message.data)
        elif message.type != aiohttp.WSMsgType.TEXT:
            break
    return received


async def test_join_code_origin_check_and_cap_hold(
    server: tuple[str, subprocess.Popen[str]],
) -> None:
    base, process = server
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for an IP-address host
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout) as browser:
        # Without the code: the join form, and no game.
        page = await browser.get(f"{base}/")
        assert page.status == 200
        assert "join code" in await page.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await browser.ws_connect(f"{base}/ws", headers={"Origin": base})
        assert refused.value.status == 403
        wrong = await browser.post(f"{base}/join", data={"code": "NOT-IT"}, allow_redirects=False)
        assert wrong.status == 403

        # With the code: the game page.
        right = await browser.post(f"{base}/join", data={"code": CODE}, allow_redirects=False)
        assert right.status == 303
        page = await browser.get(f"{base}/")
        assert page.status == 200 and "textual-terminal" in await page.text()

        # A page on another site cannot open a game, even with the cookie.
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await browser.ws_connect(f"{base}/ws", headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403

        # The real game starts and draws its screen.
        game = await browser.ws_connect(f"{base}/ws?width=5000&height=5000",
                                        headers={"Origin": base})  # fmt: skip
        assert await _first_game_bytes(game, seconds=45) >= 1000

        # One place only (--max-players 1): the next browser is told the class is full.
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await browser.ws_connect(f"{base}/ws", headers={"Origin": base})
        assert refused.value.status == 503
        full = await browser.get(f"{base}/")
        assert full.status == 503 and "The class is full" in await full.text()

        # When the game ends, its place is free again.
        await game.close()
        for _ in range(200):
            if (await browser.get(f"{base}/")).status == 200:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the place was not freed within 20 s")
    assert process.poll() is None  # the server is still up after all that
