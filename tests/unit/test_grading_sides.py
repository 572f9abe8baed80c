"""One sentence, two parts: a point made before a colon (or dash) is credited even when what
follows it states facts the other side's point rests on (fixture sides.yaml, china-brake).

The whole sentence matches the other side's point more densely, so taken only as a whole it
was refused as arguing the other side; each part of "X: Y" is now a window of its own.
"""

from __future__ import annotations

import pytest

from game.grading.grader import Grader
from game.grading.normalise import analyse
from game.packs.loader import load_pack
from tests.unit.grading_helpers import FIXTURES, made


@pytest.fixture(scope="module")
def sides() -> Grader:
    return Grader(load_pack(FIXTURES / "sides.yaml"))


@pytest.mark.parametrize("mark", [":", " \u2014", " -"])
def test_a_point_before_a_colon_or_dash_is_credited(sides: Grader, mark: str) -> None:
    answer = (
        f"Beijing would rather live next to a nuclear North Korea than a collapsed one{mark} a"
        " failed state would send refugees and American troops pouring over the Yalu."
    )
    assert "buffer" in made(sides.grade(answer, "china-brake", "rebut"))


def test_the_other_sides_conclusion_after_a_colon_is_still_the_wrong_side(
    sides: Grader,
) -> None:
    answer = (
        "Refugees and American troops would pour over the Yalu: Beijing dreads that, so it"
        " holds Kim back."
    )
    result = sides.grade(answer, "china-brake", "rebut")
    assert result.score == 0
    assert "wrong-side" in {w.code for w in result.warnings}


def test_parts_are_cut_only_by_colons_and_dashes_and_must_be_clauses() -> None:
    parts = analyse("China fears one thing above all: a collapse on its border, with refugees.")
    assert [(hi - lo) for lo, hi in parts.parts] == [6, 7]
    assert analyse("Austerity is bad: the government must keep its programmes.").parts == ()
    assert analyse("China fears a collapse, with refugees and troops on the border.").parts == ()
