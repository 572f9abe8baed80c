"""The guards' rules pinned on small fixture packs: what makes a keyword list (glue words,
not any function word or verb), what counts as restating the claim, and where polarity and
the wrong-side guard must not misfire."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.grading.result import Result
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"


@pytest.fixture(scope="module")
def alliances() -> Grader:
    return Grader(load_pack(FIXTURES / "alliances.yaml"))


def made(result: Result) -> set[str]:
    return {p.point_id for p in result.matched}


def codes(result: Result) -> set[str]:
    return {w.code for w in result.warnings}


# --- keyword lists: a negator, a verb or "US" does not make a sentence ---------------------


@pytest.mark.parametrize(
    "answer",
    [
        # a negator and a verb inside the list
        "Kim sanctions never stopped bombs programme decades missile tests",
        # "US" typed in capitals is the country, not the pronoun "us"
        "sanctions failure US pressure Kim bombs programme decades",
        # a function word inside a hyphenated name is no glue
        "Moon Jae-in sanctions failure bombs programme decades missile tests",
        # a filler and a reflexive pronoun are no glue either
        "sanctions failure again Pyongyang bombs themselves programme decades missile tests",
    ],
)
def test_a_keyword_list_with_a_negator_verb_or_acronym_is_salad(
    alliances: Grader, answer: str
) -> None:
    result = alliances.grade(answer, "pressure-works", "rebut")
    assert result.score == 0, made(result)
    assert "salad" in codes(result)


@pytest.mark.parametrize(
    "answer",
    [
        # glue-less, but a possessive ending is syntax
        "Seoul's defence budget exceeds Pyongyang's entire national economy.",
        # glue-less, but a weak mark every few words
        "Freezing warheads now beats chasing total disarmament forever.",
        "Cheonan sinking, Yeonpyeong shelling: US presence never stopped provocations.",
        "Sanctions failed, China cheated, Kim built bombs anyway.",
        # typed in capitals: "US" is the pronoun there
        "SANCTIONS NEVER WORKED ON US: PYONGYANG KEPT BUILDING BOMBS ANYWAY.",
    ],
)
def test_terse_sentences_without_articles_are_not_salad(alliances: Grader, answer: str) -> None:
    result = alliances.grade(answer, "pressure-works", "rebut")
    assert "salad" not in codes(result)


def test_a_keyword_list_with_a_negator_inside_an_answer_earns_nothing(alliances: Grader) -> None:
    honest = (
        "Pressure has been tried for years and the regime is still in power. "
        "Kim has watched every round of pressure come and go and he is still here."
    )
    listed = " Pyongyang sanctions never stopped bombs programme decades missile tests weapons."
    result = alliances.grade(honest + listed, "pressure-works", "rebut")
    assert "sanctions-failed" not in made(result)
    assert "stuffing" in codes(result)
    sentence = " Decades of sanctions never stopped the weapons programme."
    assert "sanctions-failed" in made(alliances.grade(honest + sentence, "pressure-works", "rebut"))
