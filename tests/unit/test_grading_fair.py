"""Fair to real players: terse sentences, negation inside a rubric's wording, contractions
typed without apostrophes, shared vocabulary between the two sides."""

from __future__ import annotations

import pytest

from game.grading.grader import Grader
from game.packs.loader import load_pack
from tests.unit.grading_helpers import FIXTURES, codes, made


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(load_pack(FIXTURES / "alliances.yaml"))


# --- (a) telegraphic sentences are not keyword salad --------------------------------------


@pytest.mark.parametrize(
    ("stance", "answer", "point"),
    [
        ("defend", "China controls North Korea completely.", "china-controls"),
        ("rebut", "Sanctions failed.", "sanctions-failed"),
        (
            "rebut",
            "Sanctions failed. China cheated. Kim built his bombs anyway.",
            "sanctions-failed",
        ),
        (
            "rebut",
            "Sanctions failed, China cheated, Kim built his bombs anyway.",
            "sanctions-failed",
        ),
        ("rebut", "Sanctions failed; Pyongyang built bombs anyway.", "sanctions-failed"),
    ],
)
def test_short_telegraphic_sentences_earn_their_point(
    grader: Grader, stance: str, answer: str, point: str
) -> None:
    result = grader.grade(answer, "pressure-works", stance)  # type: ignore[arg-type]
    assert point in made(result), answer
    assert "salad" not in codes(result)


@pytest.mark.parametrize(
    "answer",
    [
        "sanctions, failure, bombs, weapons programme, decades, missile tests",
        "Sanctions. Failed. Bombs. Programme. Decades.",
        "- sanctions\n- failure\n- bombs\n- weapons programme",
        "sanctions failure weapons programme bombs decades missile tests halt",
        "Pressure is a mistake. Sanctions, failure, bombs, programme, weapons, decades.",
        "sanctions failure",
    ],
)
def test_lists_of_words_are_still_salad(grader: Grader, answer: str) -> None:
    result = grader.grade(answer, "pressure-works", "rebut")
    assert result.score == 0, answer
    assert "salad" in codes(result)


def test_terse_prose_without_articles_is_not_salad(grader: Grader) -> None:
    result = grader.grade(
        "Chinese smugglers ship oil past naval blockades so sanctions leak badly.",
        "pressure-works",
        "rebut",
    )
    assert "china-leaky" in made(result)
    assert "salad" not in codes(result)


def test_a_list_inside_a_real_answer_earns_nothing(grader: Grader) -> None:
    honest = "Pressure has been tried for years and Kim is still in power."
    padded = honest + " Sanctions, failure, bombs, weapons, programme.\n" + honest
    result = grader.grade(padded, "pressure-works", "rebut")
    assert "sanctions-failed" not in made(result)


# --- (b) negation inside a rubric phrase does not spread -----------------------------------


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        (
            "If America's nuclear guarantee goes, Seoul and Tokyo will want warheads of their own.",
            "nuclear-umbrella",
        ),
        (
            "Without American protection, Seoul and Tokyo will go nuclear themselves.",
            "nuclear-umbrella",
        ),
        ("the icbms dont disappear if we pull out, we just lose our friends", "icbms-remain"),
        ("Pulling out would not remove the ICBMs; they can still reach America.", "icbms-remain"),
    ],
)
def test_the_same_polarity_as_a_negated_wording_is_a_match(
    grader: Grader, answer: str, point: str
) -> None:
    result = grader.grade(answer, "troops-home", "rebut")
    assert point in made(result), answer
    assert "contradiction" not in codes(result)


@pytest.mark.parametrize(
    ("answer", "point"),
    [
        (
            "Even without the umbrella, Seoul and Tokyo would never build nuclear weapons.",
            "nuclear-umbrella",
        ),  # fmt: skip
        (
            "Seoul and Tokyo will never build nuclear weapons, even without the umbrella.",
            "nuclear-umbrella",
        ),  # fmt: skip
        ("Pulling back makes the ICBMs go away.", "icbms-remain"),
    ],
)
def test_the_opposite_of_a_negated_wording_earns_nothing(
    grader: Grader, answer: str, point: str
) -> None:
    result = grader.grade(answer, "troops-home", "rebut")
    assert point not in made(result), answer


# --- (c) contractions typed without an apostrophe ------------------------------------------


def test_contractions_without_apostrophes_grade_like_the_real_thing(grader: Grader) -> None:
    typed = (
        "Thats the problem: weve pulled out before and theyre not scared, and if u leave "
        "the icbms dont go away, theyll still reach ur cities."
    )
    proper = (
        "That's the problem: we've pulled out before and they're not scared, and if you leave "
        "the icbms don't go away, they'll still reach your cities."
    )
    sloppy = grader.grade(typed, "troops-home", "rebut")
    careful = grader.grade(proper, "troops-home", "rebut")
    assert "icbms-remain" in made(sloppy)
    assert [(p.matched, p.confidence) for p in sloppy.points] == [
        (p.matched, p.confidence) for p in careful.points
    ]


def test_a_negation_stops_at_a_comma_once_it_has_reached_its_word(grader: Grader) -> None:
    for answer in (
        "Kim would never comply: Chinese smugglers keep the regime supplied.",
        "Kim would never comply, Chinese smugglers keep the regime supplied.",
    ):
        result = grader.grade(answer, "pressure-works", "rebut")
        assert "china-leaky" in made(result), answer


def test_without_before_a_verb_still_negates(grader: Grader) -> None:
    result = grader.grade(
        "Seoul and Tokyo could defend themselves without ever building nuclear weapons.",
        "troops-home",
        "rebut",
    )
    assert "nuclear-umbrella" not in made(result)


# --- (d) the wrong-side guard needs a real match and a clear margin ------------------------


@pytest.fixture(scope="module")
def sides() -> Grader:
    return Grader(load_pack(FIXTURES / "sides.yaml"))


def test_a_few_words_shared_with_the_other_side_are_not_arguing_it(sides: Grader) -> None:
    result = sides.grade(
        "The school should just let girls wear trousers if they want to.",
        "uniform-expression",
        "rebut",
    )
    assert "wrong-side" not in codes(result)


def test_our_point_made_with_the_other_sides_words_is_credited(sides: Grader) -> None:
    result = sides.grade(
        "It is enough for the school to let boys and girls pick freely between trousers and "
        "skirts.",
        "uniform-expression",
        "rebut",
    )
    assert "flexible-uniform" in made(result)
    assert "wrong-side" not in codes(result)


def test_really_arguing_the_other_side_is_still_called_out(sides: Grader) -> None:
    result = sides.grade(
        "Girls are forced into skirts and boys into trousers, which is unfair.",
        "uniform-expression",
        "rebut",
    )
    assert result.score == 0
    assert "wrong-side" in codes(result)


# --- (e) Spanish: something said to go on is not something said to lessen -----------------


def test_bullying_that_goes_on_is_not_bullying_reduced() -> None:
    spanish = Grader(load_pack(FIXTURES / "uniformes_es.yaml"))
    goes_on = spanish.grade(
        "Los acosadores siguen burlándose de la ropa de sus compañeros aunque haya uniforme.",
        "uniformes",
        "rebut",
    )
    assert "reduce-acoso" not in made(goes_on)
    assert "contradiction" in codes(goes_on)
    less = spanish.grade(
        "Con uniforme hay menos acoso, porque nadie destaca por su ropa.", "uniformes", "rebut"
    )
    assert "reduce-acoso" in made(less)


def test_still_against_less_in_english(grader: Grader) -> None:
    goes_on = grader.grade(
        "The regime still finds money to spend on missiles.", "pressure-works", "defend"
    )
    assert "sanctions-bite" not in made(goes_on)
    less = grader.grade(
        "The regime has less money to spend on its missiles now.", "pressure-works", "defend"
    )
    assert "sanctions-bite" in made(less)


# --- word forms and synonyms ----------------------------------------------------------------


def test_a_synonym_counts_like_the_rubrics_word() -> None:
    nk = Grader(load_pack(FIXTURES / "nk.yaml"))

    def confidence(answer: str) -> float:
        result = nk.grade(answer, "pressure-backfires", "defend")
        return next(p.confidence for p in result.points if p.point_id == "libya-lesson")

    murdered = confidence("Gaddafi gave up his weapons and was murdered by rebels.")
    mocked = confidence("Gaddafi gave up his weapons and was mocked by rebels.")
    killed = confidence("Gaddafi gave up his weapons and was killed by rebels.")
    assert mocked < murdered <= killed
