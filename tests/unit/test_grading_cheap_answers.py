"""Cheap answers to the shipped op-ed pack earn nothing: keyword lists, restatements of the
claim, and (beyond its own point) a single argument.

The answers (fixtures/grading/nk_cheap_answers.yaml) are a pack writer's checks, some
written after the pack was tuned; several leaked credit through the engine's guards. They
are graded here against the real shipped pack, so a change of engine or pack that lets them
leak again fails. Strong answers that the old rules refused points are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.grading.grader import Grader
from game.packs.loader import load_pack
from game.packs.model import Stance

PACK = Path(__file__).resolve().parents[2] / "content" / "nk-talks-2019.yaml"
STANCES: tuple[Stance, ...] = ("rebut", "defend")

_ANSWERS = yaml.safe_load(
    (
        Path(__file__).resolve().parents[1] / "fixtures" / "grading" / "nk_cheap_answers.yaml"
    ).read_text(encoding="utf-8")
)
KEYWORDS = [(a["position"], a["text"]) for a in _ANSWERS["keywords"]]
RESTATEMENTS = [(a["position"], a["text"]) for a in _ANSWERS["restatements"]]
ONE_ARGUMENT = [(a["position"], a["stance"], a["text"]) for a in _ANSWERS["one_argument"]]


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(load_pack(PACK))


@pytest.mark.parametrize("stance", STANCES)
@pytest.mark.parametrize(("position", "answer"), KEYWORDS)
def test_a_keyword_list_earns_nothing_and_is_called_a_list(
    grader: Grader, position: str, answer: str, stance: Stance
) -> None:
    result = grader.grade(answer, position, stance)
    assert result.score == 0, [p.point_id for p in result.matched]
    assert "salad" in {w.code for w in result.warnings}


@pytest.mark.parametrize(
    ("position", "stance", "answer"),
    [(p, s, a) for p, a in RESTATEMENTS for s in STANCES],
)
def test_restating_the_claim_earns_nothing(
    grader: Grader, position: str, stance: Stance, answer: str
) -> None:
    result = grader.grade(answer, position, stance)
    assert result.score == 0, [p.point_id for p in result.matched]


@pytest.mark.parametrize(("position", "stance", "answer"), ONE_ARGUMENT)
def test_a_single_argument_earns_one_point(
    grader: Grader, position: str, stance: Stance, answer: str
) -> None:
    result = grader.grade(answer, position, stance)
    assert len(result.matched) == 1, [p.point_id for p in result.matched]


@pytest.mark.parametrize(
    ("position", "stance", "answer", "point"),
    [
        (
            "limit-not-eliminate",
            "rebut",
            "Even a capped arsenal could destroy Seoul and Tokyo, so the danger would still be "
            "there.",
            "arsenal-still-threatens",
        ),
        (
            "allies-can-defend",
            "defend",
            "Japan and South Korea spend little on defence because America protects them, and "
            "they would spend more if it stepped back.",
            "free-riding-ends",
        ),
        (
            "pressure-backfires",
            "defend",
            "When Trump threatened fire and fury in 2017, North Korea answered with more "
            "missile tests, so pressure made things worse.",
            "pressure-fuels-tests",
        ),
    ],
)
def test_the_single_arguments_that_picked_up_a_second_point_now_make_their_own(
    grader: Grader, position: str, stance: Stance, answer: str, point: str
) -> None:
    result = grader.grade(answer, position, stance)
    assert {p.point_id for p in result.matched} == {point}
    assert not result.warnings


# Strong answers whose points the old rules refused (wrong side, a false contradiction) or
# that the new ones might take away (two points sharing "tests").
@pytest.mark.parametrize(
    ("position", "stance", "answer", "points"),
    [
        (
            "pressure-backfires",
            "rebut",
            "The maximum pressure campaign of 2017 cut off most of North Korea's exports, and "
            "that is what pushed Kim into talks in 2018. North Korea is the one that broke the "
            "Agreed Framework and other deals, so it has no grounds to complain about American "
            "betrayal. The Libya comparison is misleading, since Qaddafi was overthrown by his "
            "own people eight years after disarming, and NATO acted under a UN resolution. "
            "Relaxing pressure now would simply reward Kim for building nuclear weapons.",
            {"north-broke-deals", "pressure-brought-talks", "libya-is-different"},
        ),
        (
            "iran-undermines",
            "rebut",
            "The Iran withdrawal did not stop diplomacy: only weeks later Kim was in Singapore, "
            "and he met Trump again in Hanoi and at the DMZ. Pyongyang decided long before 2018 "
            "that it would keep its weapons, even putting nuclear status in its constitution in "
            "2012. North Korea already has tested nuclear weapons while Iran never had one, so "
            "they are very different cases. Also, the obliteration threat was only a warning "
            "about what would happen if Iran attacked Americans.",
            {"different-cases", "kim-kept-negotiating", "decision-predates-iran"},
        ),
        (
            "pressure-backfires",
            "defend",
            "Pyongyang learned from Libya: Qaddafi gave up his weapons in 2003 and was "
            "overthrown and killed in 2011 with NATO's help. Iraq and Serbia had no bombs and "
            "were attacked, so the North's fear of regime change is rational. In 2017 threats "
            "of fire and fury came with more missile tests, not fewer, while the 2018 talks "
            "brought a halt to testing. Washington also has a record of not delivering, like "
            "the light-water reactors promised in 1994 that were never finished.",
            {"pressure-fuels-tests", "engagement-delivered", "libya-lesson"},
        ),
        (
            "risk-exposure",
            "rebut",
            "North Korean missiles will be able to reach the United States whether or not "
            "America protects its allies, so walking away would not make Americans any safer.",
            {"threat-exists-anyway"},
        ),
    ],
)
def test_strong_answers_keep_their_points(
    grader: Grader, position: str, stance: Stance, answer: str, points: set[str]
) -> None:
    result = grader.grade(answer, position, stance)
    assert points <= {p.point_id for p in result.matched}
    codes = {w.code for w in result.warnings}
    assert not codes & {"wrong-side", "contradiction"}


# The buffer argument given with its reasons (a collapse would bring refugees and US troops)
# shares those facts with the defence's point that China dreads a collapse; it was refused as
# the wrong side. Said in other words, it must be credited.
@pytest.mark.parametrize(
    "answer",
    [
        "China would rather live next to a nuclear North Korea than a collapsed one: a failed "
        "state would send refugees over the Yalu and put American troops on its border.",
        "Beijing prefers a nuclear-armed Kim next door to a North Korea that falls apart: that "
        "would mean refugees and US soldiers at the Yalu.",
        "Beijing would sooner accept a nuclear North than watch it collapse, since a collapse "
        "brings refugees and US forces to the Yalu.",
        "China can put up with Kim's bombs, but not with his regime falling apart.",
    ],
)
def test_the_buffer_argument_with_its_reasons_is_credited(grader: Grader, answer: str) -> None:
    result = grader.grade(answer, "china-will-restrain", "rebut")
    assert "buffer-over-bombs" in {p.point_id for p in result.matched}


# undercuts-own-offer had only a rhetorical wording ("how can Kim believe any US security
# guarantee after Iran"), read as a plain statement: the plain "Kim has no reason to
# believe..." was called a contradiction, and "Kim can believe..." made the point.
@pytest.mark.parametrize(
    "answer",
    [
        "After Iran, Kim has no reason to believe a US security guarantee, so the offer Trump "
        "makes him is worthless.",
        "Kim has no reason to believe any US security guarantee after what happened to Iran.",
        "How can Kim believe any American security guarantee after Iran?",
        "why would kim buy any american guarantee after watching the iran deal get dumped",
    ],
)
def test_doubting_the_us_guarantee_is_the_point_in_plain_words_or_as_a_question(
    grader: Grader, answer: str
) -> None:
    result = grader.grade(answer, "iran-undermines", "defend")
    assert "undercuts-own-offer" in {p.point_id for p in result.matched}
    assert "contradiction" not in {w.code for w in result.warnings}


def test_believing_the_us_guarantee_is_not_that_point(grader: Grader) -> None:
    result = grader.grade(
        "Kim can believe a US security guarantee even after Iran.", "iran-undermines", "defend"
    )
    assert "undercuts-own-offer" not in {p.point_id for p in result.matched}


def test_an_answer_about_another_position_earns_nothing_here(grader: Grader) -> None:
    # About China's buffer (china-will-restrain), sharing only "fear", "want" and "bombs" with
    # no-denuclearization's security-guarantees point.
    answer = "China fears a collapse more than the bombs, it wants a buffer."
    result = grader.grade(answer, "no-denuclearization", "rebut")
    assert result.score == 0
    assert not result.matched
