"""``counterpoint validate PATH...``: check pack files and report every problem, for authors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from game.packs.checks import id_mark, text_warnings
from game.packs.discovery import PACK_SUFFIXES, pack_files
from game.packs.errors import PackError, Problem
from game.packs.loader import load_pack_text, read_pack_bytes
from game.packs.model import Pack
from game.safe_text import clean


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        parents=[common],
        help="check rubric packs and list every problem",
        description="Check rubric pack files (or every *.yaml / *.yml in a folder). Prints one "
        "line per valid pack, or one 'file:line:col: message' line per problem, and "
        "'file:line:col: warning: ...' lines for what loads but needs a look (bidirectional "
        "control characters, REWRITE placeholders left by new-pack). A pack id used by two "
        "files is a problem. Exit status: 0 when every pack is valid, 1 otherwise.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a pack file or a folder of packs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate each path; return 0 when all packs are valid, else 1 (warnings do not count).

    Besides each file's own problems: a pack id already used by an earlier file is a problem
    (the game would refuse the second pack), and bidi controls or leftover ``REWRITE:``
    placeholders are warnings.
    """
    failed = False
    owners: dict[str, Path] = {}
    seen: set[Path] = set()
    for path in _expand([Path(p) for p in args.paths]):
        if isinstance(path, Problem):
            print(clean(str(path)))
            failed = True
            continue
        real = path.resolve()
        if real in seen:
            continue
        seen.add(real)
        lines, ok = _check(path, owners)
        failed = failed or not ok
        for line in lines:
            print(clean(line))
    return 1 if failed else 0


def _check(path: Path, owners: dict[str, Path]) -> tuple[list[str], bool]:
    """The lines to print for one file, and whether it is valid."""
    try:
        data = read_pack_bytes(path)
    except PackError as error:
        return [str(p) for p in error.problems], False
    name = str(path)
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    warnings = text_warnings(text, name)
    try:
        pack = load_pack_text(data, name=name)
    except PackError as error:
        problems = sorted([*error.problems, *warnings], key=lambda p: (p.line, p.col))
        return [str(p) for p in problems], False
    owner = owners.setdefault(pack.id, path)
    if owner != path:
        line, col = id_mark(text, name)
        clash = Problem(
            name,
            line,
            col,
            "id",
            f"pack id {pack.id!r} is already used by {owner}; ids must differ",
        )
        problems = sorted([clash, *warnings], key=lambda p: (p.line, p.col))
        return [str(p) for p in problems], False
    return [f"{path}: ok: {summary(pack)}", *(str(w) for w in warnings)], True


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
