"""``counterpoint serve``: the game in the browsers of a class, one game per browser."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from game.errors import CounterpointError, UsageError
from game.paths import extra_packs_dirs, saves_dir
from game.progress.store import Store
from game.safe_text import clean

DEFAULT_PORT = 8000
DEFAULT_MAX_PLAYERS = 30
MAX_PLAYERS_LIMIT = 500

_EPILOG = """\
Each browser that opens the page gets its own game (a `counterpoint play --served` process);
all of them record into the same saves. The server stays on this machine (127.0.0.1) unless
--host says otherwise, e.g. --host 0.0.0.0 for the whole network.

Beyond this machine a join code is required: one is made when the server starts (or given with
--join-code) and printed here for the coach to show; browsers type it once. --guard asks for
the code on 127.0.0.1 too. Always: a game opens only from the server's own page (the
websocket's Origin is checked), at most --max-players games run at once (the next browser is
told the class is full), terminal sizes are clamped to 200x60, and games left idle for
--idle-minutes are closed. Served games offer no file paths and no instructor features;
exports are downloaded by the browser.

Needs the serve extra: pip install 'counterpoint[serve]'. Stop with Ctrl+C."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``serve`` subcommand."""
    parser = subparsers.add_parser(
        "serve",
        parents=[common],
        help="serve the game to a class's browsers (join code, one game each)",
        description="Serve the game to web browsers on this machine or the local network.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"default: {DEFAULT_PORT}; 0 picks a free one",
    )
    parser.add_argument(
        "--max-players",
        type=int,
        default=DEFAULT_MAX_PLAYERS,
        metavar="N",
        help=f"games running at once (default: {DEFAULT_MAX_PLAYERS})",
    )
    parser.add_argument("--join-code", metavar="CODE", help="the code to type (default: made up)")
    parser.add_argument(
        "--guard", action="store_true", help="ask for the join code on 127.0.0.1 as well"
    )
    parser.add_argument(
        "--idle-minutes",
        type=float,
        default=45,
        metavar="M",
        help="close a game with no key pressed for M minutes (default: 45; 0: never)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 0 after Ctrl+C or SIGTERM."""
    if importlib.util.find_spec("textual_serve") is None:
        raise UsageError("serving needs textual-serve: pip install 'counterpoint[serve]'")
    from game.serve.guard import BadCode, Guard
    from game.serve.server import ClassServer

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    if not 1 <= args.max_players <= MAX_PLAYERS_LIMIT:
        raise UsageError(f"--max-players must be between 1 and {MAX_PLAYERS_LIMIT}")
    if args.idle_minutes < 0:
        raise UsageError("--idle-minutes cannot be negative")
    try:
        guard = Guard.create(args.host, args.join_code, args.guard)
    except BadCode as error:
        raise UsageError(str(error)) from None
    saves = saves_dir(args.saves).resolve()
    with Store.open(saves):  # create or upgrade once, before thirty games open it at once
        pass
    packs = [p.resolve() for p in extra_packs_dirs(args.packs)]
    served_flag = play_takes_served()
    server = ClassServer(
        game_command(saves, packs, served_flag),
        host=args.host,
        port=args.port,
        guard=guard,
        max_players=args.max_players,
        idle_minutes=args.idle_minutes,
        say=_say,
    )

    def ready(addresses: list[Any]) -> None:
        port = addresses[0][1] if addresses else args.port
        _announce(args.host, port, guard, args.max_players, saves, served_flag)

    try:
        asyncio.run(server.run_until_stopped(ready))
    except OSError as error:
        raise CounterpointError(
            f"cannot listen on {clean(args.host)}:{args.port}: {error.strerror or error}"
        ) from None
    print("Stopped serving.", flush=True)
    return 0


def game_command(saves: Path, packs: list[Path], served_flag: bool) -> str:
    """The shell command each browser's game runs (textual-serve starts it with a shell)."""
    argv = [sys.executable, "-m", "game", "play"]
    argv += ["--served"] if served_flag else []
    argv += ["--saves", str(saves)]
    for folder in packs:
        argv += ["--packs", str(folder)]
    if os.name != "posix":
        os.environ["COUNTERPOINT_SERVED"] = "1"  # this process only serves; its games inherit it
        return shlex.join(argv)
    return "exec env COUNTERPOINT_SERVED=1 " + shlex.join(argv)


def play_takes_served() -> bool:
    """Whether this version's ``play`` command accepts ``--served``."""
    from game.commands import play

    parser = argparse.ArgumentParser(add_help=False)
    play.register(parser.add_subparsers(), argparse.ArgumentParser(add_help=False))
    _, unknown = parser.parse_known_args(["play", "--served"])
    return "--served" not in unknown


def _say(text: str) -> None:
    print(clean(text), flush=True)


def _announce(
    host: str, port: int, guard: Any, max_players: int, saves: Path, served_flag: bool
) -> None:
    urls = [f"http://{_url_host(host)}:{port}/"]
    if host in ("0.0.0.0", "::", ""):
        urls = [f"http://{_url_host(h)}:{port}/" for h in _lan_names()] or urls
    print(f"Serving Counterpoint at {urls[0]}", flush=True)
    for url in urls[1:]:
        print(f"                   also {url}", flush=True)
    if guard.required:
        print(f"Join code: {guard.code}   (show it to the class; browsers type it once)")
    else:
        print("No join code: only this machine can connect (use --guard to ask for one).")
    print(f"Up to {max_players} games at once. Saves: {clean(str(saves))}")
    if not served_flag:
        print("Note: this game's play command has no --served option yet; served games get"
              " COUNTERPOINT_SERVED=1 only.")  # fmt: skip
    print("Press Ctrl+C to stop.", flush=True)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _lan_names() -> list[str]:
    """This machine's name and addresses, as students could type them (no network traffic)."""
    name = socket.gethostname()
    found = [name]
    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except OSError:
        return found
    for info in infos:
        address = str(info[4][0])
        if not address.startswith(("127.", "::1")) and address not in found:
            found.append(address)
    return found
