"""textual-serve with the project's guard in front: one game per browser, for a class.

``ClassServer`` subclasses textual-serve's ``Server`` and keeps its game processes
(``AppService``), download manager and static files, but answers every request itself first
(see ``guard.py`` for the rules): the join form and cookie, the Host and Origin checks, the cap
on games running at once, idle games closed, and every message from the browser checked
before it reaches a game (sizes clamped, oversized or malformed messages dropped).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import time
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from game.serve import pages
from game.serve.guard import COOKIE, MAX_STDIN_CHARS, Guard, clamp_size, size_from_query

MAX_MESSAGE_BYTES = 1024 * 1024
STOP_TIMEOUT = 10.0
Say = Callable[[str], None]


class ClassServer(Server):
    """Serve ``command`` (one process per browser) behind the guard."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        guard: Guard,
        max_players: int,
        idle_minutes: float = 45,
        title: str = "Counterpoint",
        say: Say = print,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.guard = guard
        self.max_players = max_players
        self.idle_seconds = idle_minutes * 60
        self.say = say
        self.games = 0
        """Games running or starting (a place is taken before the process starts)."""
        self._sockets: set[web.WebSocketResponse] = set()
        self._sessions: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------ the aiohttp app
    async def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=16 * 1024, middlewares=[self._check_host])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/join", self.handle_join, name="join"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_guarded_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self._close_games)
        app.on_cleanup.append(self._wait_for_games)
        return app

    async def make_app(self) -> web.Application:
        """The aiohttp application (public, for tests and for ``run``)."""
        return await self._make_app()

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not self.guard.host_ok(request.headers.get("Host")):
            self.say(f"refused a request for host {request.headers.get('Host', '')[:60]!r}")
            return _html(pages.refused_page("This server answers on its own address only."), 403)
        response: web.StreamResponse = await handler(request)
        return response

    # ------------------------------------------------------------------ pages
    async def handle_index(self, request: web.Request) -> web.Response:
        """The join form, the class-full page, or the game page."""
        if not self.guard.admitted(request.cookies.get(COOKIE)):
            return _html(pages.join_page())
        if self.games >= self.max_players:
            return _html(pages.full_page(self.max_players), 503)
        try:
            font_size = min(max(int(request.query.get("fontsize", "16")), 8), 40)
        except ValueError:
            font_size = 16
        websocket = f"ws://{request.host}/ws"
        page = pages.game_page(self.title, "/static/", websocket, font_size)
        response = _html(page)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            f" connect-src 'self' ws://{request.host} wss://{request.host};"
            " img-src 'self' data: blob:; font-src 'self' data:; frame-ancestors 'none';"
            " base-uri 'none'; form-action 'self'"
        )
        return response

    async def handle_join(self, request: web.Request) -> web.Response:
        """Check the typed code; set the signed cookie and go to the game when it is right."""
        if not self.guard.required:
            raise web.HTTPSeeOther("/")
        address = request.remote or "unknown"
        if self.guard.blocked(address):
            return _html(
                pages.join_page("Too many wrong codes: wait a minute, then try again."), 429
            )
        form = await request.post()
        typed = form.get("code")
        if isinstance(typed, str) and self.guard.code_matches(typed):
            response = web.HTTPSeeOther("/")
            response.set_cookie(COOKIE, self.guard.make_token(), httponly=True, samesite="Strict")
            raise response
        self.guard.failed(address)
        self.say(f"wrong join code from {address}")
        return _html(pages.join_page("That is not the code. Check it and try again."), 403)

    async def handle_guarded_download(self, request: web.Request) -> web.StreamResponse:
        """A file a game delivered (an export), only to a browser that joined."""
        if not self.guard.admitted(request.cookies.get(COOKIE)):
            raise web.HTTPForbidden(text="Join the class first.")
        return await self.handle_download(request)

    # ------------------------------------------------------------------ games
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start a game for this browser, if it may have one; refuse before any process starts."""
        origin = request.headers.get("Origin")
        if not self.guard.origin_ok(origin, request.headers.get("Host")):
            self.say(f"refused a game: websocket from origin {str(origin)[:80]!r}")
            raise web.HTTPForbidden(text="This game can only be opened from its own page.")
        if not self.guard.admitted(request.cookies.get(COOKIE)):
            self.say("refused a game: no join code")
            raise web.HTTPForbidden(text="Join the class first.")
        if self.games >= self.max_players:
            self.say(f"refused a game: the class is full ({self.max_players} games)")
            raise web.HTTPServiceUnavailable(text=f"The class is full ({self.max_players}).")
        self.games += 1
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        try:
            await websocket.prepare(request)
        except BaseException:
            self.games -= 1
            raise
        width, height = size_from_query(request.query.get("width"), request.query.get("height"))
        # The game lives in its own task: aiohttp cancels this handler when the browser goes,
        # and the game must still be told to quit and be waited for, not left running.
        session = asyncio.create_task(self._session(websocket, width, height))
        self._sessions.add(session)
        session.add_done_callback(self._sessions.discard)
        await asyncio.shield(session)
        return websocket

    async def _session(self, websocket: web.WebSocketResponse, width: int, height: int) -> None:
        self._sockets.add(websocket)
        self.say(f"game started ({self.games} of {self.max_players} running)")
        try:
            await self._play(websocket, width, height)
        finally:
            self._sockets.discard(websocket)
            self.games -= 1
            self.say(f"game ended ({self.games} of {self.max_players} running)")

    async def _play(self, websocket: web.WebSocketResponse, width: int, height: int) -> None:
        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        await service.start(width, height)
        last_seen = [time.monotonic()]
        watchers = [
            asyncio.create_task(self._close_when_game_ends(service, websocket)),
            asyncio.create_task(self._close_when_idle(websocket, last_seen)),
        ]
        try:
            await self._pump(websocket, service, last_seen)
        finally:
            for task in watchers:
                task.cancel()
            try:
                await _stop(service)
            except asyncio.CancelledError:  # the event loop is going away: no game outlives it
                _kill(service)
                raise

    async def _pump(
        self, websocket: web.WebSocketResponse, service: AppService, last_seen: list[float]
    ) -> None:
        """Pass the browser's messages on, checked: anything odd is dropped, not obeyed."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str) and len(data) <= MAX_STDIN_CHARS:
                last_seen[0] = time.monotonic()
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                size = clamp_size(data.get("width"), data.get("height"))
                if size is not None:
                    last_seen[0] = time.monotonic()
                    await service.set_terminal_size(*size)
            elif kind == "ping" and isinstance(data, str) and len(data) <= 64:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    @staticmethod
    async def _close_when_game_ends(service: AppService, websocket: web.WebSocketResponse) -> None:
        # textual-serve closes the socket when the game says it exits, but not when the process
        # dies or never starts; then the browser would wait forever.
        task = getattr(service, "_task", None)
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(task)
        await websocket.close()

    async def _close_when_idle(self, websocket: web.WebSocketResponse, last: list[float]) -> None:
        if self.idle_seconds <= 0:
            return
        while not websocket.closed:
            await asyncio.sleep(min(30.0, self.idle_seconds))
            if time.monotonic() - last[0] > self.idle_seconds:
                self.say("closed a game left idle")
                await websocket.close(message=b"idle")
                return

    async def _close_games(self, app: web.Application) -> None:
        for websocket in list(self._sockets):
            await websocket.close(code=1001, message=b"server stopping")

    async def _wait_for_games(self, app: web.Application) -> None:
        await self.settle()

    async def settle(self) -> None:
        """Wait until every game has been told to quit and has exited (bounded)."""
        if self._sessions:
            await asyncio.wait(list(self._sessions), timeout=2 * STOP_TIMEOUT)

    # ------------------------------------------------------------------ running
    async def start(self) -> tuple[web.AppRunner, list[Any]]:
        """Start listening; return the runner and the addresses bound (port 0 picks one)."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, shutdown_timeout=STOP_TIMEOUT)
        await site.start()
        return runner, list(runner.addresses)

    async def run_until_stopped(self, ready: Callable[[list[Any]], None]) -> None:
        """Serve until SIGINT or SIGTERM; every game is told to quit before returning."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        runner, addresses = await self.start()
        try:
            ready(addresses)
            await stop.wait()
        finally:
            await runner.cleanup()


async def _stop(service: AppService) -> None:
    """Tell the game to quit; kill it if it has not gone within the timeout."""
    process = getattr(service, "_process", None)
    try:
        await asyncio.wait_for(service.stop(), STOP_TIMEOUT)
        if process is not None:  # reap it, so no zombie or stray pipe is left behind
            await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
            if process.stdin is not None:
                process.stdin.close()
    except (TimeoutError, Exception):
        _kill(service)
        if process is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(process.wait(), STOP_TIMEOUT)


def _kill(service: AppService) -> None:
    process = getattr(service, "_process", None)
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()


def _html(text: str, status: int = 200) -> web.Response:
    response = web.Response(text=text, status=status, content_type="text/html")
    response.headers.update(pages.HEADERS)
    return response
