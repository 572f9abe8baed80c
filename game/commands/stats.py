"""``counterpoint stats [--player NAME] [--json]``: progress across sessions, as text or JSON.

JSON output (version 1)::

    {"version": 1, "saves": "<folder>",
     "players": [{"player", "rounds", "answers", "average", "best",
                  "trend": [session averages, oldest first],
                  "mastery": [{"pack_id", "position_id", "stance", "attempts", "best", "last",
                               "average", "recent", "trend", "direction", "last_at"}],
                  "weakest": [same as mastery],
                  "streak": {"current", "longest", "last_day"},
                  "bests": [{"kind", "value", "detail", "at"}],
                  "flow": [{"pack_id", "position_id", "stance", "point_id",
                            "state": "found|dropped|never|unplayed", "times_found", "attempts",
                            "last_found"}],
                  "first_at", "last_at"}]}

Times are ISO 8601 UTC; days are the local calendar day. Without ``--player`` every player is
listed (the text form shows a table, and the details when there is only one player).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from game.commands.export import find_player
from game.commands.saves_access import has_saves, open_for_reading
from game.packs.discovery import discover
from game.paths import extra_packs_dirs, saves_dir
from game.progress import stats
from game.safe_text import clean

BARS = "▁▂▃▄▅▆▇█"
MARKS = {"found": "+", "dropped": "-", "never": ".", "unplayed": "?"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``stats`` subcommand."""
    parser = subparsers.add_parser(
        "stats",
        parents=[common],
        help="show progress: scores, trends, weak positions, streaks, the flow sheet",
        description="Show what the saves hold: rounds, answers, average and best scores, the "
        "trend by session, mastery of each position and stance, the weakest positions, streaks, "
        "personal bests and the flow sheet of rubric points found, dropped or never raised.",
    )
    parser.add_argument("--player", metavar="NAME", help="one player only (case does not matter)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the statistics; 0 also when nothing is recorded yet."""
    folder = saves_dir(args.saves)
    if not has_saves(folder):
        return _nothing(folder, args.json)
    with open_for_reading(folder) as store:
        name = find_player(store, args.player)
        digests = [store.digest(name)] if name is not None else store.digests()
    if not any(d.answers for d in digests):
        return _nothing(folder, args.json)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    today = datetime.now(tz).date()
    rubric = _rubric(args, {c.pack_id for d in digests for c in d.cards})
    details = [stats.summarize(d, d.player, today=today, tz=tz, rubric=rubric) for d in digests]
    if args.json:
        document = {
            "version": 1,
            "saves": str(folder),
            "players": [_plain(dataclasses.asdict(d)) for d in details],
        }
        print(json.dumps(document, indent=2))
        return 0
    print(f"Saves: {clean(str(folder))}")
    if args.player is None and len(digests) > 1:
        print()
        print(overview_text(stats.overview(digests, today=today, tz=tz), tz))
        print("\nUse --player NAME for the details of one player.")
        return 0
    for detail in details:
        print()
        print(player_text(detail, tz))
    return 0


def _nothing(folder: Path, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"version": 1, "saves": str(folder), "players": []}, indent=2))
    else:
        print(f"No answers recorded yet (saves: {clean(str(folder))}). Play a round first!")
    return 0


def _rubric(args: argparse.Namespace, pack_ids: set[str]) -> dict[stats.Card, tuple[str, ...]]:
    """Point ids of the packs in the history that can be found, for a complete flow sheet."""
    found: dict[stats.Card, tuple[str, ...]] = {}
    for entry in discover(extra_packs_dirs(args.packs)):
        if entry.pack is not None and entry.pack.id in pack_ids:
            found.update(stats.rubric_of(entry.pack))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def sparkline(values: Iterable[float]) -> str:
    """Scores 0..100 as block characters, one per value."""
    return "".join(BARS[min(len(BARS) - 1, max(0, int(v / 100 * len(BARS))))] for v in values)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _when(value: datetime | None, tz: tzinfo) -> str:
    return "-" if value is None else value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """Plain aligned columns; ``right`` holds the indexes of right-aligned (number) columns."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def overview_text(lines: Sequence[stats.PlayerSummary], tz: tzinfo) -> str:
    """The class table: one row per player."""
    rows = [
        [
            clean(p.player),
            str(p.rounds),
            str(p.answers),
            _num(p.average),
            _num(p.best),
            str(p.streak),
            _when(p.last_at, tz),
        ]
        for p in lines
    ]
    headers = ["Player", "Rounds", "Answers", "Average", "Best", "Streak", "Last answer"]
    return table(headers, rows, {1, 2, 3, 4, 5})


def player_text(s: stats.PlayerStats, tz: tzinfo) -> str:
    """Everything about one player, as plain text."""
    name = clean(s.player)
    if not s.answers:
        return f"{name}: no answers recorded yet."
    out = [
        f"{name}: {s.rounds} round{'s' * (s.rounds != 1)}, {s.answers} answer"
        f"{'s' * (s.answers != 1)}, average {_num(s.average)}, best {_num(s.best)}",
        f"Streak: {s.streak.current} day{'s' * (s.streak.current != 1)} in a row"
        f" (longest {s.streak.longest}); last answer {_when(s.last_at, tz)}",
    ]
    if s.trend:
        out.append(
            f"Trend by session: {sparkline(s.trend)}  {s.trend[0]:g} -> {s.trend[-1]:g}"
            f" over {len(s.trend)} session{'s' * (len(s.trend) != 1)}"
        )
    rows = [
        [
            clean(f"{m.pack_id}/{m.position_id}"),
            m.stance,
            str(m.attempts),
            str(m.best),
            str(m.last),
            f"{m.average:g}",
            f"{sparkline(m.trend)} {m.direction}",
        ]
        for m in s.mastery
    ]
    headers = ["Position", "Stance", "Tries", "Best", "Last", "Average", "Trend"]
    out += ["", table(headers, rows, {2, 3, 4, 5})]
    weak = ", ".join(f"{clean(m.position_id)} ({m.stance}) {m.recent:g}" for m in s.weakest)
    out += ["", f"Weakest (recent form): {weak}"]
    out += ["", "Personal bests:"]
    labels = {
        "answer": "best answer",
        "round": "best round",
        "points": "most points",
        "streak": "longest streak",
    }
    for best in s.bests:
        when = f"  ({_when(best.at, tz)})" if best.at else ""
        out.append(f"  {labels[best.kind]:<15} {best.value:>5g}  {clean(best.detail)}{when}")
    out += ["", "Flow sheet (+ found, - dropped, . never raised, ? not tried):"]
    out += _flow_lines(s.flow)
    return "\n".join(out)


def _flow_lines(cells: Sequence[stats.FlowPoint]) -> list[str]:
    lines: list[str] = []
    grouped: dict[tuple[str, str, str], list[stats.FlowPoint]] = {}
    for cell in cells:
        grouped.setdefault((cell.pack_id, cell.position_id, cell.stance), []).append(cell)
    for (pack_id, position_id, stance), points in grouped.items():
        marks = "  ".join(f"{MARKS[p.state]} {clean(p.point_id)}" for p in points)
        lines.append(f"  {clean(f'{pack_id}/{position_id}')} ({stance}): {marks}")
    return lines or ["  (nothing yet)"]
