"""``counterpoint grade``: grade one answer (or a JSONL batch) against a pack's position.

Human output explains the score: the arithmetic, the points made with the words that made
them, the points missed with the pack's explanation, and what was refused and why. ``--json``
gives the same as JSON (one object, or one line per batch answer). Everything taken from a
pack or an answer is cleaned of terminal control sequences before it is printed.

``--record --player NAME`` also saves each graded answer in the saves, exactly as an answer
played in the game (statistics, drills and the flow sheet count it); a batch is one round.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from game.errors import UsageError
from game.grading.grader import MAX_ANSWER_CHARS, Grader
from game.grading.result import Result
from game.packs.discovery import discover
from game.packs.loader import content_hash, load_pack_text, read_pack_bytes
from game.packs.model import STANCES, Pack, Stance
from game.paths import extra_packs_dirs, saves_dir
from game.progress.graded import GRADED_MODE, record_graded
from game.progress.store import Store
from game.safe_text import clean, shorten

_MAX_LINE_BYTES = 4 * MAX_ANSWER_CHARS + 4096
"""A batch line longer than this is reported, not parsed (a 50,000-character answer in JSON
with every character escaped still fits)."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``grade`` subcommand."""
    parser = subparsers.add_parser(
        "grade",
        parents=[common],
        help="grade an answer against a position of a pack",
        description="Grade an answer (TEXT, or '-' / nothing to read standard input) or a batch "
        'of answers (--batch FILE, JSON lines {"id": ..., "text": ...}) against one '
        "position and stance of a pack. Exit status: 0 when graded, 1 when an answer was "
        "refused (too long) or a batch line was bad, 2 on a usage or pack error.",
    )
    parser.add_argument("--pack", required=True, metavar="PATH", help="pack file (or pack id)")
    parser.add_argument("--position", metavar="ID", help="position id (optional if only one)")
    parser.add_argument("--stance", required=True, choices=STANCES, help="the side argued")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--batch", metavar="FILE", help="JSONL file of answers ('-' for stdin)")
    parser.add_argument(
        "--record",
        action="store_true",
        help="save the graded answers in the saves as PLAYER's, as if played (needs --player)",
    )
    parser.add_argument("--player", metavar="NAME", help="whose answers --record saves")
    parser.add_argument("text", nargs="?", metavar="TEXT", help="the answer, or '-' for stdin")
    parser.set_defaults(func=run)


def resolve_pack(spec: str, packs_flag: list[str] | None) -> Pack:
    """Load a pack from a file path, or find a pack by id among the known packs."""
    return resolve_pack_file(spec, packs_flag)[0]


def resolve_pack_file(spec: str, packs_flag: list[str] | None) -> tuple[Pack, str]:
    """Like ``resolve_pack``, with the sha256 of the pack file (recorded with attempts)."""
    path = Path(spec)
    if path.exists() or "/" in spec or spec.endswith((".yaml", ".yml")):
        data = read_pack_bytes(path)
        return load_pack_text(data, name=str(path)), content_hash(data)
    for entry in discover(extra_packs_dirs(packs_flag)):
        if entry.id == spec and entry.pack is not None:
            return entry.pack, entry.sha256
    raise UsageError(f"no pack file or pack id {spec!r}")


def choose_position(pack: Pack, position_id: str | None) -> str:
    """The position asked for, or the only one; a UsageError listing the ids otherwise."""
    ids = [p.id for p in pack.positions]
    if position_id is None:
        if len(ids) == 1:
            return ids[0]
        raise UsageError(f"pack {pack.id!r} has several positions; choose one with --position: "
                         + ", ".join(ids))  # fmt: skip
    if position_id not in ids:
        raise UsageError(f"pack {pack.id!r} has no position {position_id!r}; valid ids: "
                         + ", ".join(ids))  # fmt: skip
    return position_id


class Recorder:
    """Saves graded answers as ``player``'s attempts; a batch is one round."""

    def __init__(self, store: Store, player: str, pack: Pack, pack_hash: str) -> None:
        self.store = store
        self.player = player
        self.pack = pack
        self.pack_hash = pack_hash
        self.round_id: int | None = None
        self.recorded = 0
        self.skipped = 0

    def start_round(self) -> None:
        """Group what follows into one round (for a batch)."""
        self.round_id = self.store.start_round(self.player, self.pack.id, GRADED_MODE)

    def record(self, answer: str, result: Result, seconds: float | None = None) -> int | None:
        """Save one graded answer; None for an answer refused as too long (not graded)."""
        if any(w.code == "too-long" for w in result.warnings):
            self.skipped += 1
            return None
        attempt = record_graded(
            self.store, self.player, self.pack.id, self.pack_hash, result.position_id,
            result.stance, answer, result, seconds, round_id=self.round_id,
        )  # fmt: skip
        self.recorded += 1
        return attempt

    def finish(self) -> None:
        """Close the round, if any, and say what was saved (on standard error)."""
        if self.round_id is not None:
            self.store.finish_round(self.round_id)
        where = f" in round {self.round_id}" if self.round_id is not None else ""
        skipped = f"; {self.skipped} too long, not recorded" if self.skipped else ""
        noun = "answer" if self.recorded == 1 else "answers"
        print(
            clean(f"recorded {self.recorded} {noun} for {self.player}{where}{skipped}"),
            file=sys.stderr,
        )


def _recorder(args: argparse.Namespace, pack: Pack, pack_hash: str) -> Recorder | None:
    player = getattr(args, "player", None)
    if not getattr(args, "record", False):
        if player is not None:
            raise UsageError("--player names whose answers --record saves; add --record")
        return None
    if player is None:
        raise UsageError("--record needs --player NAME: whose answers are these?")
    store = Store.open(saves_dir(args.saves))
    try:
        store.find_player(player)  # a bad name fails here, before any grading
    except BaseException:
        store.close()
        raise
    return Recorder(store, player, pack, pack_hash)


def run(args: argparse.Namespace) -> int:
    """Grade the answer(s); see the parser's description for the exit status."""
    pack, pack_hash = resolve_pack_file(args.pack, args.packs)
    position_id = choose_position(pack, args.position)
    stance: Stance = args.stance
    grader = Grader(pack)
    grader.position(position_id)  # fails early, with the valid ids, before reading input
    rubric = pack.position(position_id).stance(stance)
    if rubric is None:
        other = ", ".join(pack.position(position_id).stances)
        raise UsageError(f"position {position_id!r} has no {stance!r} stance; valid: {other}")
    if args.batch is not None and args.text is not None:
        raise UsageError("give either TEXT or --batch FILE, not both")
    recorder = _recorder(args, pack, pack_hash)
    try:
        if args.batch is not None:
            if recorder is not None:
                recorder.start_round()
            return _batch(grader, position_id, stance, args.batch, args.json, recorder)
        answer = _read_answer(args.text)
        result = grader.grade(answer, position_id, stance)
        attempt = recorder.record(answer, result) if recorder is not None else None
        if args.json:
            data = to_json(result, answer)
            if recorder is not None:
                data["recorded"] = attempt
            print(json.dumps(data, sort_keys=False))
        else:
            print(render(result, answer))
        return 1 if any(w.code == "too-long" for w in result.warnings) else 0
    finally:
        if recorder is not None:
            try:
                recorder.finish()
            finally:
                recorder.store.close()


def _read_answer(text: str | None) -> str:
    if text is not None and text != "-":
        return text
    if text is None and sys.stdin.isatty():
        raise UsageError("give the answer as TEXT, '-' to read standard input, or --batch FILE")
    data = sys.stdin.buffer.read(4 * MAX_ANSWER_CHARS + 4)
    return data.decode("utf-8", errors="replace")


def _lines(handle: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line over the size limit (its rest is skipped)."""
    number = 0
    while True:
        line = handle.readline(_MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > _MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def _seconds(raw: bytes | None) -> float | None:
    """The optional ``"seconds"`` a batch line gives for the time taken (ignored if odd)."""
    try:
        value = json.loads(raw.decode("utf-8")).get("seconds") if raw else None
    except (ValueError, AttributeError, RecursionError):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1e7:
        return float(value)
    return None


def _parse(raw: bytes | None) -> tuple[Any, str | None, str | None]:
    """``(id, text, error)`` for one batch line."""
    if raw is None:
        return None, None, f"line longer than {_MAX_LINE_BYTES:,} bytes; not graded"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return None, None, f"not UTF-8 (byte {error.start + 1})"
    except json.JSONDecodeError as error:
        return None, None, f"not JSON: {error.msg} at column {error.colno}"
    except RecursionError:
        return None, None, "not JSON: nested too deeply"
    if not isinstance(record, dict):
        return None, None, 'expected an object like {"id": ..., "text": ...}'
    ident = record.get("id")
    if isinstance(ident, dict | list):
        return None, None, '"id" must be a string or a number'
    text = record.get("text")
    if not isinstance(text, str):
        return ident, None, 'missing "text" (a string)'
    return ident, text, None


def _batch(
    grader: Grader,
    position_id: str,
    stance: Stance,
    name: str,
    as_json: bool,
    recorder: Recorder | None = None,
) -> int:
    failed = False
    try:
        handle: IO[bytes] = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror}") from None
    with handle:
        for number, raw in _lines(handle):
            if raw is not None and not raw.strip():
                continue
            ident, text, problem = _parse(raw)
            if problem is not None or text is None:
                failed = True
                message = problem or "bad line"
                if as_json:
                    print(json.dumps({"id": ident, "line": number, "error": message}))
                else:
                    print(clean(f"line {number}: error: {message}"))
                continue
            result = grader.grade(text, position_id, stance)
            if any(w.code == "too-long" for w in result.warnings):
                failed = True
            extra: dict[str, Any] = {}
            if recorder is not None:
                extra["recorded"] = recorder.record(text, result, _seconds(raw))
            if as_json:
                print(json.dumps({"id": ident, "line": number, **to_json(result, text), **extra}))
            else:
                print(_summary_line(number, ident, result))
    return 1 if failed else 0


def to_json(result: Result, answer: str) -> dict[str, Any]:
    """A result as JSON-ready data; evidence spans carry the quoted text."""
    return {
        "position": result.position_id,
        "stance": result.stance,
        "score": result.score,
        "earned": result.earned,
        "full_marks": result.full_marks,
        "arithmetic": result.arithmetic,
        "points": [
            {
                "id": p.point_id,
                "matched": p.matched,
                "confidence": p.confidence,
                "evidence": [
                    {"start": s.start, "end": s.end, "text": answer[s.start : s.end]}
                    for s in p.evidence
                ],
                "contradicted": p.contradicted,
                "refused": p.refused,
            }
            for p in result.points
        ],
        "warnings": [{"code": w.code, "message": w.message} for w in result.warnings],
    }


def _summary_line(number: int, ident: Any, result: Result) -> str:
    made = ", ".join(p.point_id for p in result.matched) or "none"
    warned = ", ".join(dict.fromkeys(w.code for w in result.warnings))
    label = f"{ident}" if ident is not None else f"line {number}"
    tail = f"  warnings: {warned}" if warned else ""
    return clean(f"{label}: {result.score}/100  made: {made}{tail}")


def render(result: Result, answer: str) -> str:
    """The human-readable explanation of a result."""
    lines = [f"Score: {result.score}/100   ({result.arithmetic})", ""]
    if result.matched:
        lines.append("Points made:")
        for point in result.matched:
            lines.append(f"  + {point.point_id} (weight {point.weight:g}, confidence "
                         f"{point.confidence:.2f})")  # fmt: skip
            lines.append(f"      {shorten(point.argument, 200)}")
            for span in point.evidence:
                lines.append(f'      you wrote: "{shorten(answer[span.start : span.end], 160)}"')
        lines.append("")
    if result.missed:
        lines.append("Points missed (closest first):")
        for point in result.missed:
            note = f", {point.refused}" if point.refused else ""
            lines.append(f"  - {point.point_id} (weight {point.weight:g}, confidence "
                         f"{point.confidence:.2f}{note})")  # fmt: skip
            lines.append(f"      {shorten(point.argument, 200)}")
            if point.explanation:
                lines.append(f"      why it matters: {shorten(point.explanation, 300)}")
        lines.append("")
    if result.warnings:
        lines.append("Warnings:")
        for warning in result.warnings:
            lines.append(f"  ! {warning.code}: {shorten(warning.message, 300)}")
    return clean("\n".join(lines).rstrip())
