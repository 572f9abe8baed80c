"""``counterpoint merge FILE...``: bring students' results files into the coach's saves."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.errors import UsageError
from game.paths import saves_dir
from game.progress import merging, results
from game.progress.store import Store
from game.safe_text import clean

MAX_FILES = 500

_EPILOG = f"""\
Each FILE is made on a student's machine by `counterpoint export --results --output FILE`.
Merging is idempotent: an answer already in these saves (merged before, or recorded here) is
skipped, so merging the same file twice adds nothing. Players keep their names and are created
when new (names are matched ignoring case, as in the game). A file is merged whole or not at
all: a broken file is reported line by line and skipped, and the others are still merged.

Results file format (JSON lines, version {results.VERSION}): a header line
  {{"format": "{results.FORMAT}", "version": 1, "machine", "export", "exported_at",
   "rounds": N, "attempts": M}}
then one line per round {{"type": "round", "uid", "player", "pack", "mode", "started",
"finished"}} and one per answer {{"type": "attempt", "uid", "round", "player", "pack",
"pack_hash", "position", "stance", "answer", "score", "points", "seconds", "time"}}.
Files over {results.MAX_FILE_BYTES // 2**20} MiB are refused.

Exit status: 0 when every file was merged (or was already there), 1 when a file was refused,
2 on a usage or saves error."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``merge`` subcommand."""
    parser = subparsers.add_parser(
        "merge",
        parents=[common],
        help="import students' results files (from `export --results`) into these saves",
        description="Merge results files into the saves, so the leaderboard and the report "
        "cover the whole club.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="results files")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Merge each file in its own transaction; report each one on a line."""
    if len(args.files) > MAX_FILES:
        raise UsageError(f"at most {MAX_FILES} files at once")
    checked: list[results.ResultsFile] = []
    refused = 0
    for name in args.files:
        try:
            checked.append(results.read_results(Path(name)))
        except results.ResultsError as error:
            refused += 1
            for problem in error.problems:
                print(f"counterpoint: {clean(problem)}", file=sys.stderr)
            print(f"counterpoint: {clean(name)}: not merged", file=sys.stderr)
    total = 0
    if checked:
        with Store.open(saves_dir(args.saves)) as store:
            for found in checked:
                outcome = merging.merge(store, found)
                total += outcome.added
                print(_line(outcome))
    if len(args.files) > 1:
        noun = "answer" if total == 1 else "answers"
        print(f"Merged {total} new {noun} from {len(checked)} of {len(args.files)} files.")
    return 1 if refused else 0


def _line(o: merging.MergeOutcome) -> str:
    text = f"{clean(o.name)}: {o.added} new answer{'s' * (o.added != 1)}"
    if o.already:
        text += f", {o.already} already here"
    if o.rounds_added:
        text += f", {o.rounds_added} round{'s' * (o.rounds_added != 1)}"
    if o.new_players:
        text += f"; new players: {', '.join(clean(p) for p in o.new_players)}"
    return text
