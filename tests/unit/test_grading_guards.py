"""The guards' and credit's rules pinned on small fixture packs: what makes a keyword list
(glue words, not any function word or verb), one argument making one point, and where
polarity and the wrong-side guard must not misfire."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from game.grading.grader import Grader
from game.grading.params import DEFAULT
from game.packs.loader import load_pack
from game.packs.model import Stance
from tests.unit.grading_helpers import FIXTURES, codes, made


@pytest.fixture(scope="module")
def alliances() -> Grader:
    return Grader(load_pack(FIXTURES / "alliances.yaml"))


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


# --- one argument, one point ---------------------------------------------------------------


@pytest.fixture(scope="module")
def rules() -> Grader:
    return Grader(load_pack(FIXTURES / "rules.yaml"))


@pytest.mark.parametrize(
    ("position", "stance", "answer", "point"),
    [
        # the names a clear match used do not make a second point ("Seoul and Tokyo")...
        (
            "shared-words",
            "rebut",
            "Even a capped arsenal could destroy Seoul and Tokyo, so the danger would still "
            "be there.",
            "arsenal-threat",
        ),
        # ...whichever of the two wordings matched better
        (
            "shared-words",
            "rebut",
            "If they keep their nukes, Seoul and Tokyo are going to want warheads too.",
            "allies-arm",
        ),
        # a point resting partly on a clear match's words needs enough words of its own
        (
            "free-riders",
            "defend",
            "Japan and South Korea spend little on defence because America protects them, and "
            "they would spend more if it stepped back.",
            "free-riding",
        ),
        # a wording with two words of its own needs the heavier one ("nukes", not "strong")
        ("two-words", "defend", "Seoul can do without nukes of its own.", "no-nukes-needed"),
        # "would" is not one of the two words a point needs
        (
            "modals",
            "rebut",
            "Normalising now would reward Pyongyang for its nukes.",
            "reward-blackmail",
        ),
    ],
)
def test_one_argument_makes_one_point(
    rules: Grader, position: str, stance: Stance, answer: str, point: str
) -> None:
    result = rules.grade(answer, position, stance)
    assert made(result) == {point}
    assert "crowded" not in codes(result)


@pytest.mark.parametrize(
    ("position", "stance", "answer"),
    [
        ("two-words", "defend", "Japan and South Korea have strong economies and big budgets."),
        ("modals", "rebut", "Relief would reward Pyongyang."),
    ],
)
def test_a_light_word_alone_makes_no_point(
    rules: Grader, position: str, stance: Stance, answer: str
) -> None:
    assert made(rules.grade(answer, position, stance)) == set()


def test_words_are_shared_out_only_after_a_clear_match(rules: Grader) -> None:
    answer = "If they keep their nukes, Seoul and Tokyo are going to want warheads too."
    sharing = Grader(rules.pack, replace(DEFAULT, clear_match=math.inf))
    assert made(sharing.grade(answer, "shared-words", "rebut")) == {"allies-arm", "arsenal-threat"}


def test_two_arguments_that_share_names_still_make_two_points(rules: Grader) -> None:
    for answer in (
        "Even a capped arsenal could destroy Seoul and Tokyo, and Seoul and Tokyo would then "
        "want warheads of their own.",
        "A capped arsenal can still destroy Seoul and Tokyo. Seoul and Tokyo are going to want "
        "warheads of their own.",
    ):
        result = rules.grade(answer, "shared-words", "rebut")
        assert made(result) == {"arsenal-threat", "allies-arm"}, answer


# --- polarity: more against stopped, "whether or not", "..., so" --------------------------


def test_more_tests_are_not_tests_stopped_and_not_a_contradiction(rules: Grader) -> None:
    more = rules.grade("Sanctions only brought more missile tests.", "tests", "rebut")
    assert "talks-halted" not in made(more)
    assert "contradiction" not in codes(more)
    stopped = rules.grade("The talks stopped the missile tests.", "tests", "rebut")
    assert "talks-halted" in made(stopped)


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        ("Whether or not America defends its allies, the missiles reach it.", "threat-remains"),
        ("Whether or not it defends allies, America is in range.", "threat-remains"),
        ("Iran never had one, so they are completely different cases.", "cases-differ"),
        ("Iran never had one so they are completely different cases.", "cases-differ"),
    ],
)
def test_a_negation_does_not_reach_past_whether_or_not_or_so(
    rules: Grader, answer: str, point: str
) -> None:
    result = rules.grade(answer, "polarity", "rebut")
    assert point in made(result)
    assert "contradiction" not in codes(result)


# --- wrong side: who did it ----------------------------------------------------------------


def test_the_same_deed_by_our_side_s_actor_is_not_the_wrong_side(rules: Grader) -> None:
    for answer in (
        "North Korea is the one that broke the Agreed Framework, so it cannot complain.",
        "North Korea broke the Agreed Framework.",
    ):
        result = rules.grade(answer, "who-broke-it", "rebut")
        assert made(result) == {"north-cheated"}, answer
        assert "wrong-side" not in codes(result)
    other = rules.grade("The US broke the Agreed Framework.", "who-broke-it", "rebut")
    assert other.score == 0
    assert "wrong-side" in codes(other)
