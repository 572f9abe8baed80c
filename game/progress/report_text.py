"""The coach's report written out as Markdown (to read or print) or CSV (for a spreadsheet).

Names and pack text are untrusted: control characters are stripped, and in Markdown every
character that could start a link, an image, HTML or a table cell is escaped, so a name such as
``![x](http://...)`` shows as typed instead of loading something. CSV cells that a spreadsheet
would run as formulas get a leading apostrophe, as in ``counterpoint export``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TextIO

from game.progress.export import neutralise
from game.progress.report import PositionLine, Report, StudentLine
from game.safe_text import clean

BARS = "▁▂▃▄▅▆▇█"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
STUDENT_COLUMNS = ("player", "rounds", "answers", "average", "best", "trend", "change")
POSITION_COLUMNS = (
    "pack", "position", "stance", "answers", "players", "average",
    "missed_point", "missed", "of", "argument",
)  # fmt: skip


def md(text: str) -> str:
    """``text`` on one line, with Markdown's special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))


def sparkline(values: Sequence[float]) -> str:
    """Scores 0..100 as block characters."""
    return "".join(BARS[min(len(BARS) - 1, max(0, int(v / 100 * len(BARS))))] for v in values)


def trend_text(s: StudentLine) -> str:
    """'▃▆ 52 → 71 (+19)', or the single session's average."""
    if not s.trend:
        return ""
    if s.change is None:
        return f"{sparkline(s.trend)} {s.trend[0]:g}"
    return f"{sparkline(s.trend)} {s.trend[0]:g} → {s.trend[-1]:g} ({s.change:+g})"


def _when(value: datetime, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _scope(r: Report, tz: tzinfo) -> str:
    parts = [f"pack {md(r.pack_id)}" if r.pack_id else "all packs"]
    parts.append(f"answers since {_when(r.since, tz)}" if r.since else "all answers")
    return ", ".join(parts)


def _missed_md(p: PositionLine) -> list[str]:
    if not p.missed:
        return ["  - Every point was made in every answer."]
    lines = []
    for m in p.missed:
        argument = f": {md(m.argument)}" if m.argument else ""
        lines.append(f"  - `{md(m.point_id)}` missed in {m.missed} of {m.of}{argument}")
    if not p.rubric_known:
        lines.append("  - (pack not found: only points somebody made are counted)")
    return lines


def write_markdown(
    r: Report,
    out: TextIO,
    tz: tzinfo,
    titles: Mapping[str, str],
    claims: Mapping[tuple[str, str], str],
) -> None:
    """The report as Markdown; ``titles`` by pack id and ``claims`` by (pack, position)."""
    w = out.write
    w("# Counterpoint: coach's report\n\n")
    w(f"Made {_when(r.made_at, tz)}; {_scope(r, tz)}.\n\n")
    packs = sorted({p.pack_id for p in r.positions})
    for pack_id in packs:
        title = titles.get(pack_id)
        w(f"- Pack `{md(pack_id)}`: {md(title) if title else '(not found among the packs)'}\n")
    if packs:
        w("\n")
    if not r.students:
        w("No answers recorded for this report yet.\n")
        return
    w("## Students\n\n")
    w("| Student | Rounds | Answers | Average | Best | Trend by session |\n")
    w("|---|---:|---:|---:|---:|---|\n")
    for s in r.students:
        w(f"| {md(s.player)} | {s.rounds} | {s.answers} | {s.average:g} | {s.best} |"
          f" {trend_text(s)} |\n")  # fmt: skip
    w("\nTrend: the average of each round (answers outside rounds: of each day), oldest first.\n")
    w("\n## Positions (lowest average first)\n\n")
    for p in r.positions:
        where = f", pack `{md(p.pack_id)}`" if len(packs) > 1 else ""
        w(f"### {md(p.position_id)} ({p.stance}{where})\n\n")
        claim = claims.get((p.pack_id, p.position_id))
        if claim:
            w(f"> {md(claim)}\n\n")
        who = f"{p.players} student{'s' * (p.players != 1)}"
        w(f"Average {p.average:g} over {p.answers} answer{'s' * (p.answers != 1)} by {who}."
          " Points most often missed:\n\n")  # fmt: skip
        w("\n".join(_missed_md(p)) + "\n\n")


def _cells(values: Sequence[object]) -> list[str]:
    return [neutralise(clean(v)) if isinstance(v, str) else str(v) for v in values]


def write_csv(r: Report, out: TextIO) -> None:
    """Two tables, students then positions, separated by an empty line (``newline=""``)."""
    writer = csv.writer(out)
    writer.writerow(STUDENT_COLUMNS)
    for s in r.students:
        change = "" if s.change is None else f"{s.change:g}"
        trend = " ".join(f"{v:g}" for v in s.trend)
        writer.writerow(_cells([s.player, s.rounds, s.answers, s.average, s.best, trend, change]))
    writer.writerow([])
    writer.writerow(POSITION_COLUMNS)
    for p in r.positions:
        head = [p.pack_id, p.position_id, p.stance, p.answers, p.players, p.average]
        if not p.missed:
            writer.writerow(_cells([*head, "", "", "", ""]))
        for m in p.missed:
            writer.writerow(_cells([*head, m.point_id, m.missed, m.of, m.argument or ""]))
