"""``counterpoint mine --pack ID``: saved answers that show what a pack's rubric is missing.

The output is YAML comments around YAML items indented as in a pack, so a suggestion can be
pasted under the point (or the stance) it names.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from game.errors import UsageError
from game.grading.grader import Grader
from game.packs.discovery import PACK_SUFFIXES, discover
from game.packs.loader import load_pack
from game.packs.model import Pack
from game.paths import extra_packs_dirs, saves_dir
from game.progress.errors import StoreUnavailable
from game.progress.mining import Candidate, Group, NearMiss, Report, Settings, mine
from game.progress.recovery import DB_NAME
from game.progress.store import Store
from game.safe_text import clean, shorten

PHRASE_INDENT = " " * 12  # a phrase item under positions[].<stance>.points[].phrases
POINT_INDENT = " " * 8  # a point item under positions[].<stance>.points
NEAR_ENOUGH = Settings.near
"""Least confidence for a candidate's nearest point to be offered a phrase (below it, the
nearest point is mostly chance: a shared topic word or two)."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``mine`` subcommand."""
    parser = subparsers.add_parser(
        "mine",
        parents=[common],
        help="find what a pack's rubric misses in the answers players saved",
        description="Grade a pack's saved answers again with the pack as it is now and list "
        "(1) answers that score low although they are long and on topic, grouped by position "
        "and stance: candidates for a missing point or for phrases a point lacks; and (2) the "
        "points most often almost made, with the answer sentences that came closest. "
        "Suggestions are printed as YAML to paste into the pack.",
    )
    parser.add_argument(
        "--pack", required=True, metavar="ID", help="a pack id (or the path of a pack file)"
    )
    parser.add_argument("--player", metavar="NAME", help="one player's answers only")
    parser.add_argument(
        "--limit", type=int, default=5, metavar="N", help="answers shown per group (default 5)"
    )
    parser.add_argument(
        "--low-score",
        type=int,
        default=Settings.low_score,
        metavar="N",
        help=f"a low score is N or less (default {Settings.low_score})",
    )
    parser.add_argument(
        "--min-words",
        type=int,
        default=Settings.min_words,
        metavar="N",
        help=f"a long answer has N words or more (default {Settings.min_words})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; 0 also when there is nothing to mine."""
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if not 0 <= args.low_score <= 100:
        raise UsageError("--low-score must be between 0 and 100")
    pack = find_pack(args.pack, args.packs)
    folder = saves_dir(args.saves)
    db = folder / DB_NAME
    if not db.is_file() or db.stat().st_size == 0:
        print(clean(f"No saved answers yet (saves: {folder}). Play the pack first."))
        return 0
    store = _open(folder)
    try:
        player = None
        if args.player is not None:
            player = store.find_player(args.player)
            if player is None:
                known = ", ".join(store.players()) or "none yet"
                raise UsageError(f"no player named {args.player!r}; players: {known}")
        history = store.history(player, pack_id=pack.id, answers=True)
    finally:
        store.close()
    settings = Settings(low_score=args.low_score, min_words=args.min_words, limit=args.limit)
    report = mine(history, Grader(pack), settings)
    print(clean(render(report, pack, player)))
    return 0


def find_pack(spec: str, packs_flag: list[str] | None) -> Pack:
    """A pack by id among the packs found, or from a file path."""
    path = Path(spec)
    if spec.lower().endswith(PACK_SUFFIXES) or path.is_file():
        return load_pack(path)
    entries = discover(extra_packs_dirs(packs_flag))
    for entry in entries:
        if entry.id == spec:
            if entry.pack is None:
                assert entry.error is not None
                raise UsageError(f"pack {spec!r} is broken: {entry.error}")
            return entry.pack
    known = ", ".join(e.id for e in entries if e.ok) or "none"
    raise UsageError(f"no pack with id {spec!r}; packs found: {known} (add --packs DIR?)")


def _open(folder: Path) -> Store:
    """Read-only when possible; an old file needs one writable open to be upgraded."""
    try:
        return Store.open(folder, read_only=True)
    except StoreUnavailable:
        return Store.open(folder)


# ----------------------------------------------------------------------- rendering
def render(report: Report, pack: Pack, player: str | None) -> str:
    """The report as text: YAML comments around YAML items ready to paste."""
    s = report.settings
    who = f"player {player}" if player else "all players"
    lines = [
        f"# Mining pack '{pack.id}' ({shorten(pack.title, 60)}): {report.answers} distinct saved"
        f" answer{'' if report.answers == 1 else 's'} ({who}), graded with the pack as it is now.",
    ]
    if report.skipped:
        lines.append(
            f"# {report.skipped} saved answers are to positions or stances the pack no longer has;"
            " they were skipped."
        )
    if not report.answers:
        lines.append("# Nothing to mine yet: play the pack first.")
        return "\n".join(lines)
    lines += [
        "",
        "# == Answers that scored low but are long and on topic ==",
        f"# Low: {s.low_score} or less now. Long: {s.min_words}+ words. On topic: uses"
        f" {s.min_topic_words}+ words of the position, and they make up {s.min_topic_share:.0%}"
        " or more of its words.",
        "# Each may make a point the rubric lacks, or say a known point in words no phrase covers,"
        " unless it argues the other side.",
    ]
    if not report.groups:
        lines.append("# None: every long, on-topic answer already scores above the line.")
    for group in report.groups:
        lines += ["", *_group(group)]
    lines += [
        "",
        f"# == Points most often almost made (confidence {s.near:.2f} to 0.50) ==",
        "# The sentence that came closest is the phrase to add, if it does make the point.",
    ]
    if not report.near_misses:
        lines.append("# None.")
    for miss in report.near_misses[: max(s.limit * 4, 10)]:
        lines += ["", *_near(miss)]
    return "\n".join(lines)


def _group(group: Group) -> list[str]:
    more = f", {len(group.candidates)} shown" if group.total > len(group.candidates) else ""
    count = f"{group.total} answer{'' if group.total == 1 else 's'}"
    lines = [f"# --- {group.position_id} · {group.stance}: {count}{more} ---"]
    for candidate in group.candidates:
        lines += _candidate(group, candidate)
    return lines


def _candidate(group: Group, c: Candidate) -> list[str]:
    when = c.at.strftime("%Y-%m-%d")
    nearest = (
        f"nearest point {c.nearest_point} ({_confidence(c.nearest_confidence)})"
        if c.nearest_point
        else "no point near"
    )
    lines = [
        f"# {shorten(c.player, 40)}, {when}: score {c.score} now (saved {c.saved_score}),"
        f" {c.words} words, {nearest}",
        f"#   answer: {shorten(c.answer, 300)}",
    ]
    if c.other_side_score is not None:
        other = "defend" if group.stance == "rebut" else "rebut"
        return [
            *lines,
            f"# it argues the other side: as a {other} answer it scores {c.other_side_score} now."
            f" Nothing to add to {group.stance}; the player may have mistaken the stance.",
        ]
    where = f"positions[{group.position_id}].{group.stance}.points"
    if c.sentence and c.nearest_point and c.nearest_confidence >= NEAR_ENOUGH:
        lines += [
            f"# if it makes {c.nearest_point}, add to {where}[{c.nearest_point}].phrases:",
            f"{PHRASE_INDENT}- {_yaml(c.sentence)}",
        ]
    if c.topical:
        lines += [
            f"# if it makes an argument the rubric lacks, add to {where}:",
            f"{POINT_INDENT}- id: new-point  # rename",
            f'{POINT_INDENT}  argument: "REWRITE: the argument of this answer, in one sentence."',
            f"{POINT_INDENT}  phrases:",
            f"{PHRASE_INDENT}- {_yaml(c.topical)}",
        ]
    return lines


def _near(miss: NearMiss) -> list[str]:
    answers = f"{miss.answers} answer{'' if miss.answers == 1 else 's'}"
    lines = [
        f"# {miss.position_id} · {miss.stance} · {miss.point_id}: {answers} came close"
        f" (mean confidence {_confidence(miss.mean_confidence)})",
        f"# add to positions[{miss.position_id}].{miss.stance}.points[{miss.point_id}].phrases:",
    ]
    for sentence, count in miss.sentences:
        note = f"  # {count} answers" if count > 1 else ""
        lines.append(f"{PHRASE_INDENT}- {_yaml(sentence)}{note}")
    return lines


def _confidence(value: float) -> str:
    """A confidence of a point not made, cut (not rounded) to two decimals: 0.499 is shown as
    0.49, never as the 0.50 from which a point is made."""
    return f"{math.floor(round(max(value, 0.0) * 100, 6)) / 100:.2f}"


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)
