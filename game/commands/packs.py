"""``counterpoint packs``: list the packs the game finds, and the broken ones with their error."""

from __future__ import annotations

import argparse
from typing import Any

from game.packs.discovery import discover
from game.paths import extra_packs_dirs
from game.safe_text import clean, shorten


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``packs`` subcommand."""
    parser = subparsers.add_parser(
        "packs",
        parents=[common],
        help="list the packs found (shipped and --packs folders)",
        description="List the packs the game finds: the shipped ones and those in --packs DIR "
        "or COUNTERPOINT_PACKS folders. Broken packs are listed with their first problem; run "
        "'counterpoint validate FILE' to see all of them.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per pack found; always 0 (a broken pack is information, not a failure)."""
    entries = discover(extra_packs_dirs(args.packs))
    if not entries:
        print("no packs found")
        return 0
    good = [e for e in entries if e.pack is not None]
    broken = [e for e in entries if e.pack is None]
    width = max((len(e.id) for e in good), default=0)
    for entry in good:
        assert entry.pack is not None
        count = len(entry.pack.positions)
        positions = f"{count} position{'' if count == 1 else 's'}"
        print(
            f"{clean(entry.id):<{width}}  {shorten(entry.title, 60)}  ({positions})  "
            f"{clean(str(entry.path))}"
        )
    for entry in broken:
        assert entry.error is not None
        # Shorten the first problem alone, so the count of the others survives a long path.
        problems = entry.error.problems
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        print(f"BROKEN  {shorten(str(problems[0]), 200)}{suffix}")
    if broken:
        print(
            f"{len(broken)} broken pack{'s' if len(broken) != 1 else ''}; "
            "'counterpoint validate FILE' lists every problem"
        )
    return 0
