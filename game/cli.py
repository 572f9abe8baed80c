"""The command line: resolves options and paths, then hands over to ``game.commands``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game import __version__
from game.errors import CounterpointError
from game.safe_text import clean

# Subcommand modules under game.commands; each has register(subparsers, common) and run(args).
# Listed in the order `counterpoint --help` shows them: players, instructors, then a club.
COMMANDS: tuple[str, ...] = (
    "play",
    "stats",
    "packs",
    "validate",
    "test_pack",
    "grade",
    "new_pack",
    "lab",
    "mine",
    "leaderboard",
    "board",
    "serve",
    "export",
    "merge",
    "report",
    "forget",
)

_EPILOG = """\
Where data lives:
  packs   the shipped packs, plus folders given with --packs DIR or COUNTERPOINT_PACKS
  saves   --saves DIR, else COUNTERPOINT_SAVES, else saves/ in a checkout,
          else the per-user data folder (~/.local/share/counterpoint on Linux)

Run 'counterpoint COMMAND --help' for the options of a command."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the full parser, with every subcommand and its options (or just ``only``)."""
    parser = argparse.ArgumentParser(
        prog="counterpoint",
        description="Counterpoint: a terminal debate-training game. "
        "Rebut or defend the positions of an op-ed and learn from the feedback.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"counterpoint {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_argument_group("data folders")
    where.add_argument(
        "--saves",
        metavar="DIR",
        help="folder for player data (default: COUNTERPOINT_SAVES, else saves/ or user data)",
    )
    where.add_argument(
        "--packs",
        metavar="DIR",
        action="append",
        help="extra folder of packs, repeatable (default: COUNTERPOINT_PACKS)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f"game.commands.{name}")
        module.register(subparsers, common)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``counterpoint [OPTIONS]`` means ``counterpoint play [OPTIONS]``."""
    names = {name.replace("_", "-") for name in COMMANDS}
    if argv and (argv[0] in names or argv[0] in ("-h", "--help", "--version")):
        return argv
    return ["play", *argv] if "play" in names else argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    words = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    # Import only the command that runs: every command module brings its own dependencies, and
    # the game's start-up time is measured (tests/bench/bench_startup.py).
    wanted = words[0].replace("-", "_") if words else ""
    parser = build_parser(wanted if wanted in COMMANDS else None)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CounterpointError as error:
        print(f"counterpoint: {clean(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("counterpoint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into something that stopped reading (e.g. `| head`): not an error.
        sys.stderr.close()
        return 0
