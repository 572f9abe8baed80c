"""``counterpoint validate PATH...``: check pack files and report every problem, for authors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from game.packs.discovery import PACK_SUFFIXES, pack_files
from game.packs.errors import PackError, Problem
from game.packs.loader import load_pack
from game.packs.model import Pack
from game.safe_text import clean


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        parents=[common],
        help="check rubric packs and list every problem",
        description="Check rubric pack files (or every *.yaml / *.yml in a folder). Prints one "
        "line per valid pack, or one 'file:line:col: message' line per problem. "
        "Exit status: 0 when every pack is valid, 1 otherwise.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a pack file or a folder of packs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate each path; return 0 when all packs are valid, else 1."""
    failed = False
    for path in _expand([Path(p) for p in args.paths]):
        if isinstance(path, Problem):
            print(clean(str(path)))
            failed = True
            continue
        try:
            pack = load_pack(path)
        except PackError as error:
            failed = True
            for problem in error.problems:
                print(clean(str(problem)))
            continue
        print(clean(f"{path}: ok: {summary(pack)}"))
    return 1 if failed else 0


def summary(pack: Pack) -> str:
    """``id 'x', 3 positions, 10 rebut points, 9 defend points``."""
    counts = {"rebut": 0, "defend": 0}
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            counts[stance] += len(rubric.points) if rubric else 0
    return (
        f"id {pack.id!r}, {_count(len(pack.positions), 'position')},"
        f" {_count(counts['rebut'], 'rebut point')}, {_count(counts['defend'], 'defend point')}"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _expand(paths: list[Path]) -> list[Path | Problem]:
    """Files as given; folders replaced by their pack files (a folder with none is a problem)."""
    out: list[Path | Problem] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        try:
            files = pack_files(path)
        except OSError as error:
            out.append(Problem(str(path), 0, 0, "", f"cannot list the folder: {error.strerror}"))
            continue
        if not files:
            suffixes = " or ".join(f"*{s}" for s in PACK_SUFFIXES)
            out.append(Problem(str(path), 0, 0, "", f"no pack files ({suffixes}) in this folder"))
        out.extend(files)
    return out
