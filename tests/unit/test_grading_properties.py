"""Any Unicode answer: grading never raises, stays in range, and is deterministic."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.grading.grader import Grader
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"
ENGLISH = Grader(load_pack(FIXTURES / "nk.yaml"))
SPANISH = Grader(load_pack(FIXTURES / "uniformes_es.yaml"))

# Rubric words mixed with arbitrary Unicode (controls, surrogates, RTL, combining marks...).
_words = st.sampled_from(
    "China Beijing buffer refugees collapse not never won't tests orders chip . , ; \n".split(" ")
)
answers = st.lists(st.one_of(st.text(max_size=30), _words), max_size=60).map(" ".join)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(answers, st.sampled_from(["rebut", "defend"]))
def test_grading_never_raises_and_is_deterministic(answer: str, stance: str) -> None:
    first = ENGLISH.grade(answer, "china-will-restrain", stance)  # type: ignore[arg-type]
    second = ENGLISH.grade(answer, "china-will-restrain", stance)  # type: ignore[arg-type]
    assert first == second
    assert 0 <= first.score <= 100
    for point in first.points:
        assert 0.0 <= point.confidence <= 1.0
        assert point.matched == (point.confidence >= 0.5)
        for span in point.evidence:
            assert 0 <= span.start < span.end <= len(answer)


@_SETTINGS
@given(st.text(max_size=400))
def test_any_text_in_another_language_grades(answer: str) -> None:
    first = SPANISH.grade(answer, "uniformes", "rebut")
    assert first == SPANISH.grade(answer, "uniformes", "rebut")
    assert 0 <= first.score <= 100
