"""The rubric lab's lines of text: pack, position, stance, score, warnings and pack problems.

Everything from the pack or the answer is cleaned and shown literally (``game.ui.text``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from game.ui.text import literal, short

if TYPE_CHECKING:
    from game.grading.result import Result
    from game.packs.errors import Problem
    from game.packs.model import Pack, Position, Stance

SCORE_BAR = 16
"""Cells of the score bar."""
MAX_PROBLEMS = 20
"""Problems listed; the rest are counted."""


def pack_line(pack: Pack | None, file_name: str, stale: bool) -> Content:
    """Title, file and size of the pack; ``stale`` when the file on disk no longer loads."""
    name = literal(file_name, "$text-accent")
    if pack is None:
        return Content.assemble(("Rubric lab · ", "bold"), name)
    count = len(pack.positions)
    return Content.assemble(
        short(pack.title, 60, "bold"),
        (" · ", "$foreground-muted"),
        name,
        (f" · {count} position{'s' * (count != 1)}", "$foreground-muted"),
        ("  ⚠ last good version" if stale else "", "bold $text-warning"),
    )


def position_line(index: int, count: int, position: Position) -> Content:
    """``2/10 position-id``."""
    return Content.assemble((f"{index + 1}/{count} ", "bold"), short(position.id, 40))


def stance_line(stance: Stance, position: Position) -> Content:
    """The stance, and whether it is the position's only one."""
    only = " (only stance)" if len(position.stances) == 1 else ""
    return Content.assemble((stance.capitalize(), "bold"), (only, "italic"))


def score_line(result: Result) -> Content:
    """A bar, the score, how many points were made and the sum behind the score."""
    filled = round(SCORE_BAR * result.score / 100)
    colour = "$success" if result.score >= 70 else "$warning" if result.score >= 40 else "$error"
    return Content.assemble(
        ("Score ", "bold"),
        ("█" * filled, colour),
        ("░" * (SCORE_BAR - filled), "$foreground-disabled"),
        (f" {result.score:>3}/100", "bold"),
        (f" · {len(result.matched)} of {len(result.points)} made · ", "$foreground-muted"),
        literal(result.arithmetic.split(" -> ")[0], "$foreground-muted"),
    )


def warnings_text(result: Result) -> Content:
    """One line per warning: its code (echo, salad, wrong-side...) and the message."""
    return Content("\n").join(
        Content.assemble(("⚠ ", "bold"), (f"{w.code}: ", "bold"), literal(w.message))
        for w in result.warnings
    )


def problems_text(problems: list[Problem], has_pack: bool) -> Content:
    """What is wrong with the file, one ``name:line:col: field: message`` per line."""
    count = len(problems)
    kept = "grading uses the last good version" if has_pack else "nothing to grade with yet"
    lines = [
        Content.styled(
            f"⚠ The pack file has {count} problem{'s' * (count != 1)}; {kept}."
            " Fix it, then ctrl+r:",
            "bold",
        )
    ]
    lines += [literal(problem_text(problem)) for problem in problems[:MAX_PROBLEMS]]
    if count > MAX_PROBLEMS:
        lines.append(Content(f"… and {count - MAX_PROBLEMS} more"))
    return Content("\n").join(lines)


def problem_text(problem: Problem) -> str:
    """``name:line:col: field: message`` with the file's name only (the lab shows one file)."""
    name = Path(problem.file).name or problem.file
    where = f"{name}:{problem.line}:{problem.col}" if problem.line > 0 else name
    field = f" {problem.path}:" if problem.path else ""
    return f"{where}:{field} {problem.message}"
