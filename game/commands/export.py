"""``counterpoint export``: every recorded attempt as CSV or JSON, for a spreadsheet or a script."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any, TextIO

from game.commands.saves_access import has_saves, open_for_reading
from game.errors import CounterpointError, UsageError
from game.paths import saves_dir
from game.progress import export, results_export
from game.progress.models import AttemptRecord
from game.progress.store import Store
from game.safe_text import clean

_COLUMNS = "\n".join(f"  {name:<10} {meaning}" for name, meaning in export.COLUMN_HELP)
_EPILOG = f"""\
One row per attempt, oldest first. Columns (CSV header, JSON keys):
{_COLUMNS}

CSV: UTF-8 without a byte-order mark (LibreOffice, Google Sheets and scripts read it as is);
--excel adds the mark, which Excel needs to see UTF-8. Rows end in CRLF. A cell that a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
leading apostrophe. JSON: {{"version": 1, "columns": [...], "attempts": [{{...}}, ...]}}, values
as stored.

--results writes a results file instead: every chosen answer with the id it got when it was
recorded, as JSON lines (format in `counterpoint merge --help`). Carry it to the coach's
machine and run `counterpoint merge FILE` there; merging a file twice adds nothing.

--since takes a date (YYYY-MM-DD, from midnight local time) or a time (2025-03-01T14:30, local
unless it has a zone such as Z or +01:00). --output writes a new file atomically (never a
half-written one) and refuses to replace an existing file unless --force is given."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="export recorded answers as CSV or JSON",
        description="Export recorded answers, one row per attempt, as CSV or JSON, to standard "
        "output or a file.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", choices=("csv", "json"), help="default: csv")
    parser.add_argument(
        "--results",
        action="store_true",
        help="a results file for `counterpoint merge` on the coach's machine (JSON lines)",
    )
    parser.add_argument("--player", metavar="NAME", help="one player only (case does not matter)")
    parser.add_argument("--pack", metavar="ID", help="one pack only")
    parser.add_argument(
        "--since", metavar="DATE", type=parse_since, help="answers from this date or time on"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--excel", action="store_true", help="CSV with a UTF-8 byte-order mark")
    parser.set_defaults(func=run)


def parse_since(text: str) -> datetime:
    """A date (local midnight) or an ISO time (local unless zoned), as an aware datetime."""
    try:
        if len(text.strip()) == 10:
            when = datetime.combine(datetime.strptime(text.strip(), "%Y-%m-%d").date(), time())
        else:
            when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{clean(text)!r} is not a date (2025-03-01) or a time (2025-03-01T14:30)"
        ) from None
    return when if when.tzinfo is not None else when.astimezone()


def run(args: argparse.Namespace) -> int:
    """Write the export; 0 also when nothing is recorded (a CSV header, or no attempts)."""
    if args.results:
        return _results(args)
    args.format = args.format or "csv"
    if args.excel and args.format != "csv":
        raise UsageError("--excel applies to CSV only")
    if args.force and not args.output:
        raise UsageError("--force applies to --output only")
    attempts = _attempts(saves_dir(args.saves), args)
    encoding = "utf-8-sig" if args.excel else "utf-8"
    if args.output and args.output != "-":
        count = write_file(Path(args.output), lambda out: _write(args, attempts, out, False),
                           encoding, args.force)  # fmt: skip
        noun = "answer" if count == 1 else "answers"
        print(f"Exported {count} {noun} to {clean(args.output)}", file=sys.stderr)
        return 0
    to_stdout(lambda out: _write(args, attempts, out, sys.stdout.isatty()), encoding)
    return 0


def _results(args: argparse.Namespace) -> int:
    """Write a results file (see ``game.progress.results`` for its format)."""
    if args.format or args.excel:
        raise UsageError("--results writes its own format; leave out --format and --excel")
    if args.force and not args.output:
        raise UsageError("--force applies to --output only")
    folder = saves_dir(args.saves)
    if not has_saves(folder):
        raise UsageError(f"nothing is recorded in {clean(str(folder))} yet")
    with open_for_reading(folder) as store:
        player = find_player(store, args.player)
        lines = results_export.result_lines(
            store, player=player, pack_id=args.pack, since=args.since
        )
    count = len(lines) - 1 - int(json.loads(lines[0])["rounds"])

    def write(out: TextIO) -> int:
        out.writelines(line + "\n" for line in lines)
        return count

    if args.output and args.output != "-":
        write_file(Path(args.output), write, "ascii", args.force)
        noun = "answer" if count == 1 else "answers"
        print(f"Wrote {count} {noun} to {clean(args.output)}; merge it on the coach's machine"
              " with: counterpoint merge FILE", file=sys.stderr)  # fmt: skip
        return 0
    to_stdout(write, "ascii")
    return 0


def _write(args: argparse.Namespace, attempts: list[AttemptRecord], out: TextIO, tty: bool) -> int:
    if args.format == "json":
        return export.write_json(attempts, out)
    return export.write_csv(attempts, out, terminal=tty)


def _attempts(folder: Path, args: argparse.Namespace) -> list[AttemptRecord]:
    if not has_saves(folder):
        if args.player is not None:
            raise UsageError(f"no player named {clean(args.player)!r}; players: none yet")
        return []
    with open_for_reading(folder) as store:
        player = find_player(store, args.player)
        return store.history(player, pack_id=args.pack, since=args.since, answers=True)


def find_player(store: Store, wanted: str | None) -> str | None:
    """The stored spelling of ``--player`` (None without it); an unknown name is an error."""
    if wanted is None:
        return None
    player = store.find_player(wanted)
    if player is None:
        known = ", ".join(clean(p) for p in store.players()) or "none yet"
        raise UsageError(f"no player named {clean(wanted)!r}; players: {known}")
    return player


def to_stdout(write: Callable[[TextIO], int], encoding: str) -> None:
    """Write bytes in ``encoding`` whatever the terminal's locale (a C locale cannot do UTF-8)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        write(sys.stdout)
        return
    out = io.TextIOWrapper(buffer, encoding=encoding, newline="")
    try:
        write(out)
        out.flush()
    finally:
        out.detach()


def write_file(
    path: Path, write: Callable[[TextIO], int], encoding: str, force: bool = False
) -> int:
    """Write ``path`` through a temporary file in the same folder, then move it into place.

    A failure (disk full, interrupted) leaves no file, or the old one untouched. Without
    ``force`` an existing file is never replaced, even one created while writing. Returns
    what ``write`` returned.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{clean(str(path))} is a folder; give a file name")
    if path.exists() and not force:
        raise UsageError(f"{clean(str(path))} already exists; use --force to replace it")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CounterpointError(f"cannot write in {clean(str(folder))}: {error.strerror}") from None
    try:
        with open(handle, "w", encoding=encoding, newline="") as out:
            os.fchmod(out.fileno(), 0o666 & ~_umask())  # mkstemp makes it private
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        _move_into_place(Path(temp), path, force)
        return result
    except OSError as error:
        raise CounterpointError(
            f"could not write {clean(str(path))}: {error.strerror or error}; nothing was written"
        ) from None
    finally:
        Path(temp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _move_into_place(temp: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if the name exists: no race with another writer
    except FileExistsError:
        raise UsageError(f"{clean(str(path))} already exists; use --force to replace it") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise UsageError(
                f"{clean(str(path))} already exists; use --force to replace it"
            ) from None
        os.replace(temp, path)
