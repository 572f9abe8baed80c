"""What the grading tests read off a result, and where their fixture packs live."""

from __future__ import annotations

from pathlib import Path

from game.grading.result import Result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"


def made(result: Result) -> set[str]:
    """The ids of the points the answer was credited with."""
    return {p.point_id for p in result.matched}


def codes(result: Result) -> set[str]:
    """The codes of the result's warnings."""
    return {w.code for w in result.warnings}
