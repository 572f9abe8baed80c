"""The guard in front of textual-serve: join code, Origin and Host checks, cap, clamping.

The server runs in the test's own event loop on 127.0.0.1 only; its games are a small fake
(tests/fixtures/serve/fake_game.py) that logs every packet the server passes on, so the tests
can see what a real game would have received. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from game.serve.guard import (
    COOKIE,
    FAILURES_ALLOWED,
    BadCode,
    Guard,
    clamp_size,
    is_loopback,
    make_code,
    size_from_query,
)
from game.serve.server import ClassServer

FAKE = Path(__file__).parents[1] / "fixtures" / "serve" / "fake_game.py"
CODE = "KXPM-Q2XD"


# ----------------------------------------------------------------------------- pure checks
def test_codes_are_random_readable_and_typed_loosely() -> None:
    codes = {make_code() for _ in range(50)}
    assert len(codes) == 50
    assert all(len(c) == 9 and c[4] == "-" and not set(c) & set("01OIL") for c in codes)
    guard = Guard.create("0.0.0.0", CODE, force=False)
    assert guard.required and not guard.loopback
    assert guard.code_matches("kxpm q2xd") and guard.code_matches("KXPMQ2XD")
    assert not guard.code_matches("KXPM-Q2XE") and not guard.code_matches("")
    with pytest.raises(BadCode):
        Guard.create("0.0.0.0", "ab-12", force=False)


def test_the_code_is_required_beyond_loopback_or_when_asked() -> None:
    assert not Guard.create("127.0.0.1", None, force=False).required
    assert not Guard.create("localhost", None, force=False).required
    assert Guard.create("127.0.0.1", None, force=True).required
    assert Guard.create("192.168.1.20", None, force=False).required
    assert is_loopback("::1") and is_loopback("[::1]") and not is_loopback("0.0.0.0")


def test_cookie_tokens_cannot_be_forged_or_carried_to_another_server() -> None:
    one, two = Guard.create("0.0.0.0", CODE, False), Guard.create("0.0.0.0", CODE, False)
    token = one.make_token()
    assert one.token_ok(token) and one.admitted(token)
    assert not two.token_ok(token)  # a restart (new key) logs everyone out
    nonce, signature = token.split(".")
    for forged in [f"{nonce}.{'0' * 64}", f"{'a' * 32}.{signature}", "", "x", "a.b.c", None]:
        assert not one.token_ok(forged)


def test_wrong_codes_are_slowed_down_per_address() -> None:
    now = [0.0]
    guard = Guard.create("0.0.0.0", CODE, False)
    guard.clock = lambda: now[0]
    for _ in range(FAILURES_ALLOWED):
        assert not guard.blocked("10.0.0.5")
        guard.failed("10.0.0.5")
    assert guard.blocked("10.0.0.5") and not guard.blocked("10.0.0.6")
    now[0] += 61
    assert not guard.blocked("10.0.0.5")


def test_origin_and_host_rules() -> None:
    guard = Guard.create("127.0.0.1", None, force=False)
    assert guard.origin_ok("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not guard.origin_ok("http://evil.example", "127.0.0.1:8000")
    assert not guard.origin_ok("http://127.0.0.1:9999", "127.0.0.1:8000")
    assert not guard.origin_ok(None, "127.0.0.1:8000")
    assert not guard.origin_ok("null", "127.0.0.1:8000")
    assert guard.host_ok("localhost:8000") and guard.host_ok("[::1]:8000")
    assert not guard.host_ok("rebound.evil.example:8000") and not guard.host_ok(None)
    assert Guard.create("0.0.0.0", CODE, False).host_ok("classroom-pc:8000")


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (5000, 5000, (200, 60)),
        (0, -3, (10, 5)),
        (120.7, 40, (120, 40)),
        (float("inf"), 30, (200, 30)),
        ("80", 24, None),
        (True, 24, None),
        (float("nan"), 24, None),
        (None, None, None),
    ],
)
def test_sizes_are_clamped(width: object, height: object, expected: object) -> None:
    assert clamp_size(width, height) == expected


def test_starting_size_from_the_url() -> None:
    assert size_from_query("5000", "5000") == (200, 60)
    assert size_from_query("abc", None) == (80, 24)
    assert size_from_query("9" * 5000, "24") == (80, 24)


# ----------------------------------------------------------------------------- in a server
@dataclass
class Harness:
    client: TestClient[aiohttp.web.Request, aiohttp.web.Application]
    server: ClassServer
    log: Path
    origin: str
    said: list[str]

    def packets(self) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    async def join(self, code: str = CODE) -> int:
        response = await self.client.post("/join", data={"code": code}, allow_redirects=False)
        return response.status

    async def game(self, path: str = "/ws") -> aiohttp.ClientWebSocketResponse:
        return await self.client.ws_connect(path, headers={"Origin": self.origin})

    async def close(self) -> None:
        """Wait until every game has ended (the server reaps them), then stop the server."""
        await self.wait_for(lambda: self.server.games == 0)
        await self.server.settle()
        await asyncio.sleep(0.1)  # let the event loop finish closing the games' pipes
        await self.client.close()

    async def wait_for(self, test: object, seconds: float = 10.0) -> None:
        for _ in range(int(seconds / 0.05)):
            if test():  # type: ignore[operator]
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"gave up after {seconds} s; packets: {self.packets()}; {self.said}")


async def harness(
    tmp_path: Path, *, host: str = "127.0.0.1", force: bool = True, max_players: int = 2
) -> Harness:
    log = tmp_path / "packets.jsonl"
    command = "exec env COUNTERPOINT_SERVED=1 " + shlex.join([sys.executable, str(FAKE), str(log)])
    said: list[str] = []
    guard = Guard.create(host, CODE, force)
    server = ClassServer(
        command, host="127.0.0.1", port=0, guard=guard, max_players=max_players, say=said.append
    )
    test_server = TestServer(await server.make_app(), host="127.0.0.1")
    client = TestClient(test_server, cookie_jar=aiohttp.CookieJar(unsafe=True))
    await client.start_server()
    origin = f"http://127.0.0.1:{test_server.port}"
    return Harness(client, server, log, origin, said)


@pytest.fixture
async def guarded(tmp_path: Path) -> AsyncIterator[Harness]:
    h = await harness(tmp_path)
    yield h
    await h.close()


async def test_no_game_without_the_join_code(guarded: Harness) -> None:
    page = await guarded.client.get("/")
    assert page.status == 200
    text = await page.text()
    assert "join code" in text and "textual-terminal" not in text
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await guarded.game()
    assert refused.value.status == 403
    assert await guarded.join("WRONG-CODE") == 403
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await guarded.game()
    assert not guarded.log.exists()  # no game process was ever started
    download = await guarded.client.get("/download/anything")
    assert download.status == 403


async def test_the_code_opens_the_game(guarded: Harness) -> None:
    assert await guarded.join("kxpm q2xd") == 303
    assert COOKIE in {c.key for c in guarded.client.session.cookie_jar}
    page = await guarded.client.get("/")
    text = await page.text()
    assert "textual-terminal" in text and f"ws://127.0.0.1:{guarded.client.port}/ws" in text
    assert "googleapis" not in text
    assert page.headers["X-Frame-Options"] == "DENY"
    ws = await guarded.game("/ws?width=5000&height=5000")
    first = await ws.receive(timeout=10)
    assert first.type == aiohttp.WSMsgType.BINARY
    start = guarded.packets()[0]
    assert start == {"kind": "start", "served": "1", "size": ["200", "60"]}
    await ws.close()


async def test_foreign_or_missing_origin_gets_no_game(guarded: Harness) -> None:
    assert await guarded.join() == 303
    for headers in ({"Origin": "http://evil.example"}, {}):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await guarded.client.ws_connect("/ws", headers=headers)
        assert refused.value.status == 403
    assert not guarded.log.exists()
    assert any("origin 'http://evil.example'" in line for line in guarded.said)


async def test_a_foreign_host_name_is_refused_on_loopback(guarded: Harness) -> None:
    page = await guarded.client.get("/", headers={"Host": "rebound.evil.example"})
    assert page.status == 403


async def test_guessing_is_slowed_down(guarded: Harness) -> None:
    for _ in range(FAILURES_ALLOWED):
        assert await guarded.join("NOPE-NOPE") == 403
    assert await guarded.join() == 429  # even the right code waits now


async def test_the_cap_on_games(tmp_path: Path) -> None:
    h = await harness(tmp_path, max_players=1)
    try:
        assert await h.join() == 303
        first = await h.game()
        assert (await first.receive(timeout=10)).type == aiohttp.WSMsgType.BINARY
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await h.game()
        assert refused.value.status == 503
        full = await h.client.get("/")
        assert full.status == 503 and "The class is full" in await full.text()
        await first.close()
        await h.wait_for(lambda: h.server.games == 0)
        assert (await h.client.get("/")).status == 200
        second = await h.game()
        await second.close()
    finally:
        await h.close()


async def test_browser_messages_are_checked_before_the_game_sees_them(guarded: Harness) -> None:
    assert await guarded.join() == 303
    ws = await guarded.game()
    await ws.receive(timeout=10)
    await ws.send_str("{not json")
    await ws.send_str(json.dumps(["resize", {"width": "wide", "height": 9}]))
    await ws.send_str(json.dumps(["stdin", "x" * 300_000]))
    await ws.send_str(json.dumps(["launch", "missiles"]))
    await ws.send_str(json.dumps(["resize", {"width": 5000, "height": 5000}]))
    await ws.send_str(json.dumps(["stdin", "hello"]))
    await ws.send_str(json.dumps(["ping", "42"]))

    def received() -> list[dict[str, object]]:
        return [p for p in guarded.packets() if p["kind"] in ("D", "M")]

    await guarded.wait_for(lambda: len(received()) >= 2)
    assert received() == [
        {"kind": "M", "payload": json.dumps({"type": "resize", "width": 200, "height": 60})},
        {"kind": "D", "payload": "hello"},
    ]
    replies = []
    for _ in range(10):
        message = await ws.receive(timeout=10)
        if message.type == aiohttp.WSMsgType.TEXT:
            replies.append(json.loads(message.data))
            break
    assert replies == [["pong", "42"]]
    await ws.close()
    await guarded.wait_for(lambda: any(p.get("payload") == '{"type": "quit"}' for p in
                                       guarded.packets()))  # fmt: skip


async def test_on_loopback_without_guard_no_code_is_asked(tmp_path: Path) -> None:
    h = await harness(tmp_path, force=False)
    try:
        page = await h.client.get("/")
        assert "textual-terminal" in await page.text()
        ws = await h.game()
        assert (await ws.receive(timeout=10)).type == aiohttp.WSMsgType.BINARY
        await ws.close()
        with pytest.raises(aiohttp.WSServerHandshakeError):  # the Origin check still holds
            await h.client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    finally:
        await h.close()
