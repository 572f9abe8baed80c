"""``counterpoint report``: the coach's report after a session, as Markdown or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from game.commands.export import parse_since, to_stdout, write_file
from game.commands.saves_access import has_saves, open_for_reading, packs_by_id, pick
from game.packs.discovery import PackEntry
from game.packs.model import Pack
from game.paths import saves_dir
from game.progress import report, report_text
from game.progress.report import Report, RubricText
from game.safe_text import clean

_EPILOG = """\
Per student: rounds, answers, average and best score, and the trend (the average of each
round, oldest first, with the change from the first to the last). Per position and stance,
lowest average first: the average, and the rubric points most often missed, with their
argument text from the pack (when the pack is found among the known packs).

CSV: two tables separated by an empty line, students then positions (one row per missed
point). Cells that a spreadsheet would run as formulas get a leading apostrophe.
--since takes a date (2025-03-01) or a time (2025-03-01T18:00). --output writes a new file
atomically and refuses to replace an existing one unless --force is given."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help="the coach's report: each student's results and the points most often missed",
        description="Write the coach's report over the recorded answers.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--since", metavar="DATE", type=parse_since, help="answers from then on")
    parser.add_argument("--pack", metavar="ID", help="one pack only")
    parser.add_argument("--format", choices=("md", "csv"), default="md", help="default: md")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build and write the report; 0 also when nothing is recorded."""
    tz = datetime.now().astimezone().tzinfo or UTC
    folder = saves_dir(args.saves)
    packs = packs_by_id(args.packs)
    if has_saves(folder):
        with open_for_reading(folder) as store:
            history = store.history(pack_id=args.pack, since=args.since)
        found = chosen(packs, {(a.pack_id, a.pack_hash) for a in history})
        rubric = rubric_text(found)
        made = report.build_report(history, rubric, since=args.since, pack_id=args.pack, tz=tz)
    else:
        found = {}
        made = Report(args.since, args.pack, datetime.now(UTC), (), ())
    titles = {pack_id: pack.title for pack_id, pack in found.items()}
    claims = {(k, p.id): p.claim for k, pack in found.items() for p in pack.positions}

    def write(out: TextIO) -> int:
        if args.format == "csv":
            report_text.write_csv(made, out)
        else:
            report_text.write_markdown(made, out, tz, titles, claims)
        return len(made.students)

    if args.output and args.output != "-":
        write_file(Path(args.output), write, "utf-8", args.force)
        print(f"Wrote the report to {clean(args.output)}", file=sys.stderr)
        return 0
    to_stdout(write, "utf-8")
    return 0


def chosen(packs: dict[str, list[PackEntry]], answered: set[tuple[str, str]]) -> dict[str, Pack]:
    """The pack of each answered pack id that is found (the version answered, if known)."""
    found: dict[str, Pack] = {}
    for pack_id in {p for p, _ in answered}:
        entries = packs.get(pack_id)
        if entries:
            entry = pick(entries, {h for p, h in answered if p == pack_id})
            assert entry.pack is not None
            found[pack_id] = entry.pack
    return found


def rubric_text(packs: dict[str, Pack]) -> RubricText:
    """Point ids and argument texts per pack, position and stance."""
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for pack_id, pack in packs.items():
        for position in pack.positions:
            for stance in ("rebut", "defend"):
                side = getattr(position, stance)
                if side is not None:
                    found[(pack_id, position.id, stance)] = [
                        (pt.id, pt.argument) for pt in side.points
                    ]
    return found
