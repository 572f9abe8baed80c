"""Degree words and double negatives (fixture tests/fixtures/grading/degree.yaml).

"Much", "any", "very" and the like say how much, not what: they are never words a point is
matched on and never use up a negation's reach, so "does not make a car any safer" denies
"safer". "Cannot ... without a van" is a double negative: it says a van is needed, and must
not read as denying the point that it is.
"""

from __future__ import annotations

import pytest

from game.grading.grader import Grader
from game.grading.normalise import CONTENT, analyse
from game.packs.loader import load_pack
from tests.unit.grading_helpers import FIXTURES, codes, made


@pytest.fixture(scope="module")
def degree() -> Grader:
    return Grader(load_pack(FIXTURES / "degree.yaml"))


@pytest.mark.parametrize(
    "answer",
    [
        "Electric cars are much safer to walk beside.",
        "Electric cars are a lot safer for people walking beside them.",
        "Going electric makes a car very much safer to walk beside.",
    ],
)
def test_saying_safer_is_not_the_point_that_it_is_no_safer(degree: Grader, answer: str) -> None:
    result = degree.grade(answer, "electric-cars", "rebut")
    assert "no-safer" not in made(result)


@pytest.mark.parametrize(
    "answer",
    [
        "An electric car is no safer for people walking beside it.",
        "Electric cars are not any safer for people walking next to them.",
        "A car being electric makes it no safer to walk beside.",
        "Being electric doesn't make a car much safer to walk beside.",
    ],
)
def test_no_safer_said_in_other_words_is_credited_not_a_contradiction(
    degree: Grader, answer: str
) -> None:
    result = degree.grade(answer, "electric-cars", "rebut")
    assert "no-safer" in made(result)
    assert "contradiction" not in codes(result)


def test_a_negation_reaches_past_degree_words() -> None:
    tokens = analyse("It does not make the road any more dangerous.").tokens
    words = {t.word: t for t in tokens}
    assert words["dangerous"].negated
    assert not words["any"].flags & CONTENT and not words["more"].flags & CONTENT


def test_more_before_a_noun_is_still_a_word_of_increase() -> None:
    tokens = {t.word: t for t in analyse("They built more nukes.").tokens}
    assert tokens["nukes"].grown


@pytest.mark.parametrize(
    "answer",
    [
        "Plumbers cannot carry tools to town without a van.",
        "Builders can't get their tools into town without a van.",
        "A plumber could never bring tools into the town centre without using a van.",
    ],
)
def test_a_double_negative_agrees_with_the_point(degree: Grader, answer: str) -> None:
    result = degree.grade(answer, "van-ban", "rebut")
    assert "trades-need-vans" in made(result)
    assert "contradiction" not in codes(result)


def test_a_plain_negation_still_contradicts(degree: Grader) -> None:
    result = degree.grade("Plumbers cannot carry their tools into town.", "van-ban", "rebut")
    assert "trades-need-vans" not in made(result)
    assert "contradiction" in codes(result)
