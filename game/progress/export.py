"""Attempts as CSV or JSON rows, safe to open in a spreadsheet.

One row per attempt, in time order, with the columns of ``COLUMN_HELP`` (the CSV header and
the JSON keys; ``counterpoint export --help`` prints them).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (CSV injection), so in CSV such cells get a leading apostrophe, which
spreadsheets hide. JSON keeps every value exactly as stored.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from game.progress.models import AttemptRecord
from game.safe_text import clean

COLUMN_HELP = (
    ("player", "the player's name"),
    ("pack", "pack id"),
    ("pack_hash", "sha256 of the pack file when the answer was given"),
    ("position", "position id"),
    ("stance", "rebut or defend"),
    ("score", "0..100"),
    ("points", "ids of the rubric points the answer made (CSV: separated by spaces)"),
    ("answer", "the answer text"),
    ("seconds", "time taken to answer (0 when unknown, e.g. graded homework)"),
    ("time", "when it was answered, ISO 8601 in UTC"),
    ("round", "round (sitting) id; empty (CSV) or null (JSON) outside any round"),
)
COLUMNS = tuple(name for name, _ in COLUMN_HELP)
JSON_VERSION = 1
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def record(a: AttemptRecord) -> dict[str, Any]:
    """One attempt as plain values, keyed by the export columns."""
    return {
        "player": a.player,
        "pack": a.pack_id,
        "pack_hash": a.pack_hash,
        "position": a.position_id,
        "stance": a.stance,
        "score": a.score,
        "points": list(a.matched_points),
        "answer": a.answer or "",
        "seconds": round(a.seconds, 1),
        "time": a.at.isoformat(timespec="seconds"),
        "round": a.round_id,
    }


def csv_cells(a: AttemptRecord, terminal: bool = False) -> list[str]:
    """One CSV row: text cells neutralised; ``terminal`` also strips control sequences."""
    values = record(a)
    values["points"] = " ".join(values["points"])
    values["round"] = "" if values["round"] is None else values["round"]
    cells = []
    for column in COLUMNS:
        value = values[column]
        if isinstance(value, str):
            value = neutralise(clean(value) if terminal else value)
        cells.append(str(value))
    return cells


def write_csv(attempts: Iterable[AttemptRecord], out: TextIO, terminal: bool = False) -> int:
    """Write the header and one row per attempt; return the rows written.

    ``out`` must be opened with ``newline=""`` (rows end in CRLF, as RFC 4180 and Excel want).
    """
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for a in attempts:
        writer.writerow(csv_cells(a, terminal))
        count += 1
    return count


def json_lines(attempts: Iterable[AttemptRecord]) -> Iterator[str]:
    """The JSON document in pieces, so 100,000 attempts never sit in memory twice.

    Shape: ``{"version": 1, "columns": [...], "attempts": [{column: value, ...}, ...]}``;
    non-ASCII and control characters are escaped, so it is safe on any terminal.
    """
    yield f'{{"version": {JSON_VERSION}, "columns": {json.dumps(list(COLUMNS))}, "attempts": ['
    for n, a in enumerate(attempts):
        yield ("\n  " if n == 0 else ",\n  ") + json.dumps(record(a))
    yield "\n]}\n"


def write_json(attempts: Iterable[AttemptRecord], out: TextIO) -> int:
    """Write the JSON document; return the attempts written."""
    count = 0

    def counted() -> Iterator[AttemptRecord]:
        nonlocal count
        for a in attempts:
            count += 1
            yield a

    for piece in json_lines(counted()):
        out.write(piece)
    return count
