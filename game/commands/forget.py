"""``counterpoint forget --player NAME``: delete one player's data, after a backup and a yes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.errors import UsageError
from game.paths import saves_dir
from game.progress.recovery import DB_NAME
from game.progress.store import Store
from game.safe_text import clean

_EPILOG = """\
Deletes the player with every round, answer, statistic and drill card. A backup of the whole
saves file is taken first (in the saves folder's backups/), so a mistake can be undone with
it; that backup still holds the player's data until it is rotated out or deleted.
In a terminal you are asked to confirm; scripts must pass --yes (without a terminal and
without --yes nothing is deleted)."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``forget`` subcommand."""
    parser = subparsers.add_parser(
        "forget",
        parents=[common],
        help="delete a player's data (after a backup and a confirmation)",
        description="Delete everything recorded for one player.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--player", metavar="NAME", required=True, help="the player (case does not matter)"
    )
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Forget the player; 0 when done, 1 when the player declined at the prompt."""
    folder = saves_dir(args.saves)
    wanted = clean(args.player)
    db = folder / DB_NAME
    if not db.is_file() or db.stat().st_size == 0:
        raise UsageError(f"no player named {wanted!r}; nothing is recorded in {clean(str(folder))}")
    with Store.open(folder) as store:
        name = store.find_player(args.player)
        if name is None:
            known = ", ".join(clean(p) for p in store.players()) or "none yet"
            raise UsageError(f"no player named {wanted!r}; players: {known}")
        shown = clean(name)
        answers = store.digest(name).answers
        rounds = len(store.rounds(name))
        what = f"{_count(answers, 'answer')} in {_count(rounds, 'round')}"
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(
                    f"not forgetting {shown} without confirmation: run this in a terminal,"
                    " or add --yes"
                )
            if not _confirm(f"Delete all of {shown}'s data ({what})? A backup is taken first."):
                print("Nothing was deleted.")
                return 1
        copy = store.backup_now("before-forget")
        store.forget_player(name)
    print(f"Forgot {shown}: deleted {what}.")
    print(f"The backup taken just before is {clean(str(copy))}; it still holds {shown}'s data.")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _confirm(question: str) -> bool:
    try:
        reply = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return reply.strip().casefold() in ("y", "yes")
