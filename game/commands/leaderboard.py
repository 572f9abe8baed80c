"""``counterpoint leaderboard``: the club's ranking by argument quality, per pack and period.

JSON output (version 1)::

    {"version": 1, "hidden": false, "period": "all|today|week", "since": "<ISO UTC>" | null,
     "min_answers": 3,
     "boards": [{"pack_id", "title" (or null when the pack is not found),
                 "ranked": [{"rank", "shared", "player", "average", "answers", "best"}],
                 "unranked": [{"player", "average", "answers", "best"}],
                 "notes": ["how a tie was decided", ...]}]}
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Mapping
from typing import Any

from game.commands.export import parse_since
from game.commands.saves_access import has_saves, open_for_reading, packs_by_id
from game.commands.stats import table
from game.errors import UsageError
from game.paths import saves_dir
from game.progress import leaderboard, settings
from game.progress.leaderboard import Board, Leaderboard
from game.progress.store import Store
from game.safe_text import clean, shorten

RULES = (
    "Ranked by average score (to one decimal); same average: more answers first, then the "
    "higher best score. Time taken never counts."
)
_EPILOG = f"""\
{RULES} Players with fewer answers than --min-answers are listed apart,
not ranked. Each pack has its own board (scores on different packs do not compare).

Periods: today and this week (from Monday) in local time, or all (the default). --since takes
a date (2025-03-01) or a time (2025-03-01T14:30); with --period as well, the later start counts.

--hide hides the leaderboard for everyone using these saves (this command, `counterpoint
board` and the game) until --show; the coach's report is not affected."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``leaderboard`` subcommand."""
    parser = subparsers.add_parser(
        "leaderboard",
        parents=[common],
        help="rank the club's players by argument quality, per pack and period",
        description="Show the leaderboard: players ranked by their average score per pack.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pack", metavar="ID", help="one pack only")
    parser.add_argument("--period", choices=leaderboard.PERIODS, default="all")
    parser.add_argument("--since", metavar="DATE", type=parse_since, help="answers from then on")
    add_min_answers(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    switch = parser.add_mutually_exclusive_group()
    switch.add_argument("--hide", action="store_true", help="hide the leaderboard (coach)")
    switch.add_argument("--show", action="store_true", help="show it again")
    parser.set_defaults(func=run)


def add_min_answers(parser: argparse.ArgumentParser) -> None:
    """``--min-answers N``, as the leaderboard and the board take it (see ``check_min_answers``)."""
    parser.add_argument(
        "--min-answers",
        metavar="N",
        type=int,
        default=leaderboard.DEFAULT_MIN_ANSWERS,
        help=f"answers needed to be ranked (default: {leaderboard.DEFAULT_MIN_ANSWERS})",
    )


def check_min_answers(args: argparse.Namespace) -> None:
    """Refuse a minimum below one answer."""
    if args.min_answers < 1:
        raise UsageError("--min-answers must be at least 1")


def run(args: argparse.Namespace) -> int:
    """Print the leaderboard, or hide / show it."""
    check_min_answers(args)
    folder = saves_dir(args.saves)
    if args.hide or args.show:
        with Store.open(folder) as store:
            settings.hide_leaderboard(store, args.hide)
        state = "hidden" if args.hide else "shown"
        print(f"The leaderboard is now {state} (saves: {clean(str(folder))}).")
        return 0
    if not has_saves(folder):
        board = Leaderboard(args.period, args.since, args.min_answers, ())
        return _print(args, board, False, {})
    with open_for_reading(folder) as store:
        hidden = settings.leaderboard_hidden(store)
        board = leaderboard.build(
            store,
            pack_id=args.pack,
            period=args.period,
            since=args.since,
            min_answers=args.min_answers,
        )
    titles = {} if hidden else {k: v[0].title for k, v in packs_by_id(args.packs).items()}
    return _print(args, board, hidden, titles)


def _print(args: argparse.Namespace, lb: Leaderboard, hidden: bool, titles: dict[str, str]) -> int:
    if args.json:
        print(json.dumps(as_json(lb, hidden, titles), indent=2))
        return 0
    if hidden:
        print("The leaderboard is hidden by the coach (counterpoint leaderboard --show).")
        return 0
    print(text(lb, titles))
    return 0


def as_json(lb: Leaderboard, hidden: bool, titles: Mapping[str, str]) -> dict[str, Any]:
    """The JSON document (no boards when hidden)."""
    boards = [] if hidden else lb.boards
    return {
        "version": 1,
        "hidden": hidden,
        "period": lb.period,
        "since": None if lb.since is None else lb.since.isoformat(),
        "min_answers": lb.min_answers,
        "boards": [
            {
                "pack_id": b.pack_id,
                "title": titles.get(b.pack_id),
                "ranked": [
                    {
                        "rank": s.rank,
                        "shared": s.shared,
                        "player": s.player,
                        "average": s.tally.average,
                        "answers": s.tally.answers,
                        "best": s.tally.best,
                    }
                    for s in b.ranked
                ],
                "unranked": [
                    {
                        "player": s.player,
                        "average": s.tally.average,
                        "answers": s.tally.answers,
                        "best": s.tally.best,
                    }
                    for s in b.unranked
                ],
                "notes": list(b.notes),
            }
            for b in boards
        ],
    }


def period_label(lb: Leaderboard) -> str:
    """'today', 'this week', 'all time', with the start date when there is one."""
    label = {"today": "today", "week": "this week", "all": "all time"}[lb.period]
    if lb.since is not None:
        start = lb.since.astimezone().strftime("%Y-%m-%d %H:%M")
        label = f"since {start}" if lb.period == "all" else f"{label} (since {start})"
    return label


def rank_cell(rank: int | None, shared: bool) -> str:
    """'3', or '=3' for a shared rank."""
    return "" if rank is None else f"={rank}" if shared else str(rank)


def board_text(b: Board, title: str | None, min_answers: int) -> str:
    """One pack's board as plain text (names and titles cleaned of control characters)."""
    head = clean(b.pack_id) + (f" ({shorten(title, 60)})" if title else "")
    lines = [head]
    if b.ranked:
        rows = [
            [rank_cell(s.rank, s.shared), shorten(s.player, 40), f"{s.tally.average:.1f}",
             str(s.tally.answers), str(s.tally.best)]
            for s in b.ranked
        ]  # fmt: skip
        headers = ["Rank", "Player", "Average", "Answers", "Best"]
        lines += ["  " + line for line in table(headers, rows, {0, 2, 3, 4}).split("\n")]
    else:
        lines.append(f"  Nobody has {min_answers} answers yet.")
    if b.unranked:
        waiting = ", ".join(f"{shorten(s.player, 40)} ({s.tally.answers})" for s in b.unranked)
        lines.append(f"  Not ranked yet (answers so far): {waiting}")
    lines += [f"  * {clean(note)}" for note in b.notes]
    return "\n".join(lines)


def text(lb: Leaderboard, titles: Mapping[str, str]) -> str:
    """The whole leaderboard as plain text."""
    need = f"{lb.min_answers} answer{'s' * (lb.min_answers != 1)}"
    out = [f"Leaderboard, {period_label(lb)}; {need} needed to be ranked.", ""]
    if not lb.boards:
        out.append("No answers recorded in this period yet.")
    for b in lb.boards:
        out += [board_text(b, titles.get(b.pack_id), lb.min_answers), ""]
    out.append(textwrap.fill(RULES, 79))
    return "\n".join(out).rstrip()
