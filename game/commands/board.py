"""``counterpoint board``: the live leaderboard on the coach's screen."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands.leaderboard import add_min_answers, check_min_answers
from game.commands.saves_access import has_saves, open_for_reading, packs_by_id
from game.errors import UsageError
from game.paths import saves_dir
from game.progress import leaderboard, settings
from game.progress.leaderboard import Period
from game.progress.store import Store

if TYPE_CHECKING:
    from game.ui.board.app import Reading

_EPILOG = """\
Shows one pack's leaderboard and reads the saves again every few seconds, so answers given in
other games (served browsers, other terminals) appear as they come in. Without --pack it
follows the pack answered last; p shows each pack in turn, d changes the period, ctrl+r reads
at once, ctrl+q quits. It only reads the saves. When the coach has hidden the leaderboard
(counterpoint leaderboard --hide) the board says so, and shows it again after --show."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``board`` subcommand."""
    parser = subparsers.add_parser(
        "board",
        parents=[common],
        help="the live leaderboard for the coach's screen",
        description="Show the leaderboard full-screen, updated as answers come in.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pack", metavar="ID", help="one pack (default: the one answered last)")
    parser.add_argument("--period", choices=leaderboard.PERIODS, default="today")
    add_min_answers(parser)
    parser.add_argument(
        "--every", metavar="SECONDS", type=float, default=3.0, help="refresh interval (default: 3)"
    )
    parser.set_defaults(func=run)


class SavesReader:
    """Reads the leaderboard for the board; opens the saves once they exist."""

    def __init__(self, folder: Path, pack_id: str | None, min_answers: int) -> None:
        self.folder = folder
        self.pack_id = pack_id
        self.min_answers = min_answers
        self._store: Store | None = None
        self._lock = threading.Lock()

    def __call__(self, period: Period) -> Reading:
        from game.ui.board.app import Reading  # Textual loads only when the board runs

        with self._lock:
            if self._store is None:
                if not has_saves(self.folder):
                    return Reading(False, None)
                self._store = open_for_reading(self.folder)
            store = self._store
            hidden = settings.leaderboard_hidden(store)
            board = leaderboard.build(
                store, pack_id=self.pack_id, period=period, min_answers=self.min_answers
            )
            return Reading(hidden, board)

    def close(self) -> None:
        """Close the saves, if they were opened."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def run(args: argparse.Namespace) -> int:
    """Run the board until ctrl+q."""
    check_min_answers(args)
    if not 0.5 <= args.every <= 3600:
        raise UsageError("--every must be between 0.5 and 3600 seconds")
    from game.ui.board.app import BoardApp

    titles = {pack_id: entries[0].title for pack_id, entries in packs_by_id(args.packs).items()}
    reader = SavesReader(saves_dir(args.saves), args.pack, args.min_answers)
    app = BoardApp(
        reader, titles=titles, pack_id=args.pack, period=args.period, refresh_seconds=args.every
    )
    try:
        app.run()
    finally:
        reader.close()
    return int(app.return_code or 0)
