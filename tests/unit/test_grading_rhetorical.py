"""A rhetorical question denies what it asks: "how can Kim believe any US guarantee?" says he
cannot, "why should taxpayers pay for rich allies?" that they should not. A clause that opens
with "how can", "why would", "why should" or "who would" is negated as a whole (fixture
tests/fixtures/grading/rules.yaml, position questions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.grading.normalise import CONTENT, analyse
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"


@pytest.fixture(scope="module")
def rules() -> Grader:
    return Grader(load_pack(FIXTURES / "rules.yaml"))


def negated(text: str) -> dict[str, bool]:
    return {t.word: t.negated for t in analyse(text).tokens if t.flags & CONTENT}


def test_a_rhetorical_question_negates_its_clause() -> None:
    assert all(negated("How can Kim believe any US guarantee after Iran?").values())
    assert all(negated("so why would China do America's dirty work").values())
    # A negated rhetorical question affirms.
    affirmed = negated("Why wouldn't Kim keep his bombs?")
    assert not (affirmed["kim"] or affirmed["keep"] or affirmed["bombs"])


def test_a_question_word_elsewhere_negates_nothing() -> None:
    assert not any(negated("Kim asked how he can trust them.").values())
    assert not any(negated("Why are taxpayers paying for rich allies?").values())


@pytest.mark.parametrize(
    "answer",
    [
        "Taxpayers should not foot the bill for wealthy allies.",
        "Why should our taxpayers foot the bill for wealthy allies?",
    ],
)
def test_the_question_and_the_statement_make_the_same_point(rules: Grader, answer: str) -> None:
    result = rules.grade(answer, "questions", "defend")
    assert {p.point_id for p in result.matched} == {"no-blank-cheque"}
    assert "contradiction" not in {w.code for w in result.warnings}


def test_the_opposite_statement_contradicts_the_question(rules: Grader) -> None:
    result = rules.grade(
        "Taxpayers should gladly foot the bill for wealthy allies.", "questions", "defend"
    )
    assert "no-blank-cheque" not in {p.point_id for p in result.matched}
