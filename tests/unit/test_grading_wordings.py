"""Which wording of a point an answer met or came closest to (shared by test-pack and the
rubric lab): named by its number, as an author counts phrases."""

from __future__ import annotations

from pathlib import Path

from game.grading.grader import Grader
from game.grading.wordings import closest_wordings
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"


def grader() -> Grader:
    return Grader(load_pack(FIXTURES / "nk.yaml"))


def test_the_phrase_met_is_named_by_number_and_the_argument_is_0() -> None:
    found = closest_wordings(
        grader(), "Beijing uses Pyongyang as leverage against Washington.", "china-will-restrain",
        "rebut",
    )  # fmt: skip
    assert (found["us-rivalry"].number, found["us-rivalry"].label) == (1, "phrase 1")
    assert found["us-rivalry"].text == "Beijing uses Pyongyang as leverage against Washington"
    argument = closest_wordings(
        grader(), "China sees North Korea as a bargaining chip in its rivalry with America.",
        "china-will-restrain", "rebut",
    )  # fmt: skip
    assert argument["us-rivalry"].label == "argument"
    assert found["us-rivalry"].similarity >= grader().params.threshold


def test_only_the_stance_asked_and_only_points_sharing_a_word() -> None:
    found = closest_wordings(grader(), "Refugees.", "china-will-restrain", "defend")
    assert all(p in {"trade-stake", "war-hurts-china", "china-restrained-before"} for p in found)
    assert closest_wordings(grader(), "Zebras dance.", "china-will-restrain", "rebut") == {}
    assert closest_wordings(grader(), "", "china-will-restrain", "rebut") == {}
