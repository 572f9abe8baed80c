"""Grading rules, with the kind of answers players write."""

from __future__ import annotations

import threading

import pytest

from game.errors import UsageError
from game.grading.grader import MAX_ANSWER_CHARS, Grader, grade
from game.grading.result import Result
from game.packs.loader import load_pack
from game.packs.model import Pack
from tests.unit.grading_helpers import FIXTURES, codes, made

CHINA = "china-will-restrain"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(FIXTURES / "nk.yaml")


@pytest.fixture(scope="module")
def grader(pack: Pack) -> Grader:
    return Grader(pack)


def rebut(grader: Grader, answer: str) -> Result:
    return grader.grade(answer, CHINA, "rebut")


STRONG = (
    "China would rather live with a nuclear neighbour than see the regime collapse, because "
    "millions of refugees would flood across the border. Beijing has had decades to rein in "
    "Pyongyang and it never stopped a single nuclear test. Kim does not take orders from "
    "Beijing anyway; he even executed his uncle, who was close to China."
)


def test_a_strong_answer_makes_its_points_and_scores_full_marks(grader: Grader) -> None:
    result = rebut(grader, STRONG)
    assert made(result) == {"china-wants-buffer", "china-failed-before", "limited-leverage"}
    assert result.score == 100
    assert result.warnings == ()


def test_the_arithmetic_explains_the_score(grader: Grader) -> None:
    result = rebut(grader, "China needs North Korea as a buffer against American troops.")
    assert made(result) == {"china-wants-buffer"}
    assert result.earned == 2
    assert result.full_marks == 3.75
    assert result.score == 53
    assert result.arithmetic == "2 = 2 of 3.75 full marks -> 53/100"


def test_evidence_quotes_the_words_the_player_typed(grader: Grader) -> None:
    answer = "Honestly?  Beijing FEARS a flood of refugees if the regime collapses."
    result = rebut(grader, answer)
    point = next(p for p in result.points if p.point_id == "china-wants-buffer")
    assert point.matched
    quoted = [answer[s.start : s.end] for s in point.evidence]
    assert quoted == ["Beijing FEARS a flood of refugees if the regime collapses"]


def test_typos_still_count(grader: Grader) -> None:
    result = rebut(grader, "Chnia neeeds North Korea as a bufer against American trops.")
    assert "china-wants-buffer" in made(result)


def test_inflections_and_word_order_still_count(grader: Grader) -> None:
    result = rebut(grader, "Against the American troops, a buffer is what North Korea gives China.")
    assert "china-wants-buffer" in made(result)
    result = rebut(
        grader, "Refugees flooding over after a collapsing regime: that is Beijing's fear."
    )
    assert "china-wants-buffer" in made(result)


def test_a_paraphrase_through_the_packs_phrases_counts(grader: Grader) -> None:
    result = rebut(
        grader, "If the Kim regime collapsed, US soldiers would end up on China's border."
    )
    assert "china-wants-buffer" in made(result)


def test_the_point_must_be_made_in_one_place_not_scattered(grader: Grader) -> None:
    scattered = (
        "Refugees are a problem everywhere in the world today. "
        "I read a long article about the weather yesterday and it was interesting. "
        "My cousin likes to collapse on the sofa after work."
    )
    assert "china-wants-buffer" not in made(rebut(grader, scattered))


def test_negation_is_a_contradiction_not_a_match(grader: Grader) -> None:
    result = rebut(grader, "China has always stopped the nuclear tests whenever it wanted to.")
    point = next(p for p in result.points if p.point_id == "china-failed-before")
    assert not point.matched
    assert point.contradicted and point.refused == "contradiction"
    assert "contradiction" in codes(result)
    assert "opposite" in next(w.message for w in result.warnings if w.code == "contradiction")


def test_a_negated_answer_matches_a_negative_point(grader: Grader) -> None:
    # The point itself is negative ("never stopped"); saying so negatively is agreement.
    result = rebut(grader, "Beijing had years to rein in Pyongyang and never stopped its tests.")
    assert "china-failed-before" in made(result)
    assert "contradiction" not in codes(result)


def test_sentential_negation_earns_nothing(grader: Grader) -> None:
    result = rebut(grader, "It is not true that Beijing fears a flood of refugees from the North.")
    assert "china-wants-buffer" not in made(result)


def test_echoing_the_claim_earns_nothing(grader: Grader) -> None:
    for answer in (
        "China has a big stake in peace in East Asia, so Beijing will restrain North Korea.",
        "Beijing has every reason to keep its volatile client in check.",
    ):
        result = rebut(grader, answer)
        assert result.score == 0, answer
        assert "echo" in codes(result)


def test_keyword_salad_earns_nothing(grader: Grader) -> None:
    for answer in (
        "China buffer refugees collapse border troops nuclear tests Pyongyang decades",
        "buffer, refugees, collapse, border, troops, tests, orders, chip, rivalry",
        "Buffer. Refugees. Collapse. Border.",
    ):
        result = rebut(grader, answer)
        assert result.score == 0, answer
        assert "salad" in codes(result)


def test_a_single_word_is_not_an_argument(grader: Grader) -> None:
    result = rebut(grader, "buffer")
    assert result.score == 0
    assert "salad" in codes(result)
    assert "word or two" in result.warnings[0].message


def test_stuffing_earns_nothing_beyond_what_the_sentences_earn(grader: Grader) -> None:
    honest = "China needs North Korea as a buffer against American troops."
    junk = " ".join(["refugees collapse tests orders chip rivalry decades uncle purge"] * 30)
    stuffed = rebut(grader, honest + " " + junk)
    assert stuffed.score <= rebut(grader, honest).score
    assert {"stuffing", "salad"} & codes(stuffed)
    repeated = rebut(grader, ("The buffer buffer buffer buffer buffer matters. " * 20))
    assert repeated.score == 0


def test_rubric_text_inside_a_paste_of_junk_earns_nothing(grader: Grader) -> None:
    text = (
        "lorem ipsum " * 200
        + "China values North Korea as a buffer state and fears its collapse more than its bombs "
        + "dolor sit amet " * 200
    )
    result = rebut(grader, text)
    assert result.score == 0
    assert "salad" in codes(result)


def test_at_most_two_points_per_sentence(grader: Grader) -> None:
    crammed = (
        "Beijing fears a refugee flood if the regime collapses, it never stopped the nuclear "
        "tests in decades, Kim does not take orders from Beijing, and Beijing uses Pyongyang "
        "as leverage against Washington."
    )
    result = rebut(grader, crammed)
    assert len(result.matched) == 2
    assert "crowded" in codes(result)
    assert any(p.refused == "crowded" for p in result.points)


def test_arguing_the_other_side_earns_nothing_and_says_so(grader: Grader) -> None:
    answer = (
        "Nearly all of North Korea's oil and food come from China, so Beijing could cut off "
        "the trade that keeps the regime alive."
    )
    result = rebut(grader, answer)
    assert result.score == 0
    assert "wrong-side" in codes(result)
    defended = grader.grade(answer, CHINA, "defend")
    assert "trade-stake" in made(defended)
    assert "wrong-side" not in codes(defended)


def test_points_are_ranked_even_when_none_is_made(grader: Grader) -> None:
    result = rebut(grader, "Beijing cares about the border with Korea and about stability there.")
    assert result.score == 0
    confidences = [p.confidence for p in result.missed]
    assert confidences == sorted(confidences, reverse=True)
    assert result.missed[0].point_id == "china-wants-buffer"
    assert all(0.0 <= c < 0.5 for c in confidences)


def test_confidence_of_a_match_is_at_least_a_half(grader: Grader) -> None:
    result = rebut(grader, STRONG)
    assert all(p.confidence >= 0.5 for p in result.matched)
    assert all(p.confidence < 0.5 for p in result.missed)


@pytest.mark.parametrize(
    "answer", ["", "   ", "\n\t\n", "!!! ???", "\u200b" * 50, "😀🎉🔥", "\u202e\u2066"]
)
def test_empty_answers_score_zero_with_a_message(grader: Grader, answer: str) -> None:
    result = rebut(grader, answer)
    assert result.score == 0
    assert codes(result) == {"empty"}
    assert len(result.points) == 4


def test_emoji_and_zero_width_characters_do_not_hide_words(grader: Grader) -> None:
    answer = "🙂 China\u200b needs North Korea as a buffer 🛡️ against American troops!! 🇺🇸"
    assert "china-wants-buffer" in made(rebut(grader, answer))


def test_right_to_left_text_grades_without_error(grader: Grader) -> None:
    result = rebut(grader, "الصين تحتاج كوريا الشمالية كمنطقة عازلة ضد القوات الأمريكية.")
    assert result.score == 0
    assert len(result.points) == 4


def test_an_answer_over_the_cap_is_refused(grader: Grader) -> None:
    result = rebut(grader, STRONG + "x" * MAX_ANSWER_CHARS)
    assert result.score == 0
    assert codes(result) == {"too-long"}
    assert "50,000" in result.warnings[0].message


def test_a_very_long_answer_is_graded(grader: Grader) -> None:
    filler = "The weather in the capital was mild and people went to work as usual. " * 400
    result = rebut(grader, filler + STRONG)
    assert len(filler + STRONG) < MAX_ANSWER_CHARS
    assert made(result) == {"china-wants-buffer", "china-failed-before", "limited-leverage"}


def test_a_pack_in_spanish_grades_in_spanish() -> None:
    spanish = Grader(load_pack(FIXTURES / "uniformes_es.yaml"))
    result = spanish.grade(
        "Con el uniforme se reducen los casos de acoso, porque ningún alumno destaca por su "
        "ropa. Además las familias ahorran dinero: no compran ropa nueva cada temporada.",
        "uniformes",
        "rebut",
    )
    assert made(result) == {"reduce-acoso", "ahorro-familias"}
    negated = spanish.grade("El uniforme no reduce el acoso escolar.", "uniformes", "rebut")
    assert negated.score == 0
    assert "contradiction" in codes(negated)


def test_unknown_position_or_stance_is_a_usage_error(grader: Grader, pack: Pack) -> None:
    with pytest.raises(UsageError, match="valid ids: china-will-restrain, pressure-backfires"):
        grader.grade("text", "no-such-position", "rebut")
    with pytest.raises(UsageError, match="valid: rebut, defend"):
        grader.grade("text", CHINA, "attack")  # type: ignore[arg-type]


def test_one_off_grade_agrees_with_the_grader(grader: Grader, pack: Pack) -> None:
    assert grade(STRONG, pack.position(CHINA), "rebut") == rebut(grader, STRONG)


def test_results_are_identical_across_graders_and_runs(pack: Pack) -> None:
    answers = [STRONG, "China would never use North Korea as a bargaining chip.", "buffer"]
    first = [Grader(pack).grade(a, CHINA, "rebut") for a in answers]
    second = [Grader(pack).grade(a, CHINA, "rebut") for a in reversed(answers)]
    assert first == list(reversed(second))


def test_grading_from_several_threads_gives_the_same_results(pack: Pack) -> None:
    shared = Grader(pack)
    answers = [STRONG, "Beijing uses Pyongyang as leverage against Washington.", "buffer"] * 10
    expected = [Grader(pack).grade(a, CHINA, "rebut") for a in answers]
    results: dict[int, Result] = {}

    def work(start: int) -> None:
        for i in range(start, len(answers), 4):
            results[i] = shared.grade(answers[i], CHINA, "rebut")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(answers))] == expected


def test_added_answers_change_weights_deterministically(pack: Pack) -> None:
    one, two = Grader(pack), Grader(pack)
    others = ["China wants calm on the peninsula.", "Beijing fears the regime's collapse."] * 5
    one.add_answers(CHINA, others)
    two.add_answers(CHINA, others)
    assert rebut(one, STRONG) == rebut(two, STRONG)
