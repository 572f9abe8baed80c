"""Results files: a student's answers carried to the coach's machine when there is no network.

The file is JSON Lines (UTF-8, ASCII-escaped), so a broken one can be reported line by line:

- line 1, the header: ``{"format": "counterpoint-results", "version": 1, "machine": <id of
  the saves file>, "export": <id of this export>, "exported_at": <ISO UTC>,
  "rounds": <count>, "attempts": <count>}``; the counts reveal a file cut short;
- then one line per round: ``{"type": "round", "uid", "player", "pack", "mode", "started",
  "finished"}`` (finished may be null);
- then one line per attempt: ``{"type": "attempt", "uid", "round" (a round uid or null),
  "player", "pack", "pack_hash", "position", "stance", "answer", "score", "points",
  "seconds", "time"}``.

Every attempt and round carries the random ``uid`` it got when first recorded, so merging
(``game.progress.merging``) can tell what is already there. Writing is in
``game.progress.results_export``. Keys this version does not know
are ignored, so later versions can add some.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.errors import CounterpointError
from game.progress.errors import BadPlayerName
from game.progress.models import (
    MAX_STORED_ANSWER,
    STANCE_NAMES,
    clean_player_name,
    to_utc,
)

FORMAT = "counterpoint-results"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
"""A class's worth of answers is a few megabytes; anything this big is not a results file."""
MAX_LINE_BYTES = 1024 * 1024
"""A 50,000-character answer escaped as ASCII fits with room to spare."""
MAX_PROBLEMS = 20
_UID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_ID_LIMIT = 200


@dataclass(frozen=True)
class ResultRound:
    """A round as carried in a results file."""

    uid: str
    player: str
    pack_id: str
    mode: str
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class ResultAttempt:
    """An attempt as carried in a results file."""

    uid: str
    round_uid: str | None
    player: str
    pack_id: str
    pack_hash: str
    position_id: str
    stance: str
    answer: str
    score: int
    points: tuple[str, ...]
    seconds: float
    at: datetime


@dataclass(frozen=True)
class ResultsFile:
    """A results file, read and checked."""

    name: str
    machine: str
    export_id: str
    exported_at: datetime
    rounds: tuple[ResultRound, ...]
    attempts: tuple[ResultAttempt, ...]


class ResultsError(CounterpointError):
    """A results file that cannot be merged; ``problems`` holds ``file:line: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else "; ".join(problems[:3]))
        self.problems = problems


# ----------------------------------------------------------------------------- reading
class _Problems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[str] = []

    def add(self, line: int, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            where = f"{self.name}:{line}" if line else self.name
            self.items.append(f"{where}: {message}")

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS


class _Bad(Exception):
    """One field of one line is wrong (caught per line)."""


def _text(d: dict[str, Any], key: str, limit: int = _ID_LIMIT, empty: bool = False) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise _Bad(f"{key!r} must be text" + ("" if key in d else " (missing)"))
    if not value and not empty:
        raise _Bad(f"{key!r} is empty")
    if len(value) > limit:
        raise _Bad(f"{key!r} is longer than {limit} characters")
    return value


def _uid(d: dict[str, Any], key: str = "uid") -> str:
    value = _text(d, key)
    if not _UID.fullmatch(value):
        raise _Bad(f"{key!r} must be 8 to 64 letters, digits, '-' or '_'")
    return value


def _time(d: dict[str, Any], key: str, optional: bool = False) -> datetime | None:
    value = d.get(key)
    if value is None and optional:
        return None
    text = _text(d, key, 64)
    try:
        return to_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        raise _Bad(f"{key!r} must be an ISO 8601 time with a zone, not {text[:40]!r}") from None


def _player(d: dict[str, Any]) -> str:
    try:
        return clean_player_name(_text(d, "player", 400))
    except BadPlayerName as error:
        raise _Bad(f"'player': {error}") from None


def _round(d: dict[str, Any]) -> ResultRound:
    started = _time(d, "started")
    assert started is not None
    return ResultRound(
        _uid(d), _player(d), _text(d, "pack"), _text(d, "mode", 40), started,
        _time(d, "finished", optional=True),
    )  # fmt: skip


def _attempt(d: dict[str, Any]) -> ResultAttempt:
    score = d.get("score")
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        raise _Bad(f"'score' must be a whole number from 0 to 100, not {str(score)[:20]!r}")
    seconds = d.get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise _Bad("'seconds' must be a number")
    if not math.isfinite(seconds) or not 0 <= seconds <= 10**6:
        raise _Bad("'seconds' must be between 0 and 1000000")
    points = d.get("points")
    if not isinstance(points, list) or len(points) > 100:
        raise _Bad("'points' must be a list of up to 100 point ids")
    if not all(isinstance(p, str) and 0 < len(p) <= _ID_LIMIT for p in points):
        raise _Bad("'points' must hold point ids (text)")
    stance = _text(d, "stance")
    if stance not in STANCE_NAMES:
        raise _Bad(f"'stance' must be rebut or defend, not {stance[:20]!r}")
    round_uid = None if d.get("round") is None else _uid(d, "round")
    at = _time(d, "time")
    assert at is not None
    return ResultAttempt(
        _uid(d), round_uid, _player(d), _text(d, "pack"), _text(d, "pack_hash", empty=True),
        _text(d, "position"), stance, _text(d, "answer", MAX_STORED_ANSWER, empty=True),
        score, tuple(points), float(seconds), at,
    )  # fmt: skip


def _json_problem(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)[:80]


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.strip():
            yield number, raw


def _header(raw: bytes, problems: _Problems) -> dict[str, Any] | None:
    try:
        head = json.loads(raw)
    except (ValueError, RecursionError) as error:
        problems.add(1, f"not a results file (the first line is not JSON: {_json_problem(error)})")
        return None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        problems.add(1, f'not a results file (no "format": "{FORMAT}" on the first line)')
        return None
    version = head.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        problems.add(1, "the header has no version number")
        return None
    if version > VERSION:
        problems.add(1, f"written by a newer Counterpoint (results version {version}); update")
        return None
    try:
        head["machine"], head["export"] = _uid(head, "machine"), _uid(head, "export")
        head["exported_at"] = _time(head, "exported_at")
        for key in ("rounds", "attempts"):
            if not isinstance(head.get(key), int) or isinstance(head.get(key), bool):
                raise _Bad(f"{key!r} must be a count")
    except _Bad as error:
        problems.add(1, f"header: {error}")
        return None
    return head


def parse_results(data: bytes, name: str = "<results>") -> ResultsFile:
    """Check and read a results file's bytes.

    Raises:
        ResultsError: with every problem found (up to 20), each naming the line.
    """
    problems = _Problems(name)
    if len(data) > MAX_FILE_BYTES:
        problems.add(0, f"larger than {MAX_FILE_BYTES // 2**20} MiB; not a results file")
        raise ResultsError(problems.items)
    lines = list(_lines(data))
    if not lines:
        raise ResultsError([f"{name}: the file is empty"])
    head = _header(lines[0][1], problems)
    if head is None:
        raise ResultsError(problems.items)
    rounds: dict[str, tuple[int, ResultRound]] = {}
    attempts: dict[str, ResultAttempt] = {}
    for number, raw in lines[1:]:
        if problems.full:
            break
        if len(raw) > MAX_LINE_BYTES:
            problems.add(number, f"line longer than {MAX_LINE_BYTES // 1024} KiB")
            continue
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError) as error:
            problems.add(number, f"not JSON ({_json_problem(error)})")
            continue
        if not isinstance(record, dict):
            problems.add(number, "each line must be a JSON object")
            continue
        kind = record.get("type")
        try:
            if kind == "round":
                r = _round(record)
                if r.uid in rounds:
                    raise _Bad(f"round {r.uid} appears twice")
                rounds[r.uid] = (number, r)
            elif kind == "attempt":
                a = _attempt(record)
                if a.uid in attempts:
                    raise _Bad(f"attempt {a.uid} appears twice")
                _check_round(a, rounds)
                attempts[a.uid] = a
            else:
                raise _Bad(f"unknown line type {str(kind)[:20]!r} (expected round or attempt)")
        except _Bad as error:
            problems.add(number, f"{kind if kind in ('round', 'attempt') else 'line'}: {error}")
    if not problems.items:
        for key, found in (("rounds", len(rounds)), ("attempts", len(attempts))):
            if head[key] != found:
                problems.add(
                    0, f"the header promises {head[key]} {key} but the file has {found}"
                    " (cut short or edited?)",
                )  # fmt: skip
    if problems.items:
        raise ResultsError(problems.items)
    return ResultsFile(
        name, head["machine"], head["export"], head["exported_at"],
        tuple(r for _, r in rounds.values()), tuple(attempts.values()),
    )  # fmt: skip


def _check_round(a: ResultAttempt, rounds: dict[str, tuple[int, ResultRound]]) -> None:
    if a.round_uid is None:
        return
    found = rounds.get(a.round_uid)
    if found is None:
        raise _Bad(f"round {a.round_uid} is not in the file (rounds come before attempts)")
    if found[1].player.casefold() != a.player.casefold():
        raise _Bad(f"round {a.round_uid} (line {found[0]}) belongs to another player")


def read_results(path: Path) -> ResultsFile:
    """Read and check the results file at ``path``.

    Raises:
        ResultsError: the file is missing, unreadable, too big, or broken (every problem).
    """
    name = str(path)
    try:
        if path.is_dir():
            raise ResultsError([f"{name}: is a folder, not a results file"])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ResultsError(
                [f"{name}: {size // 2**20} MiB, larger than {MAX_FILE_BYTES // 2**20} MiB;"
                 " not a results file"]
            )  # fmt: skip
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ResultsError([f"{name}: cannot read it ({error.strerror or error})"]) from None
    return parse_results(data, name)
