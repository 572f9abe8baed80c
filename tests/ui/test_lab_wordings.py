"""Which wording of a point an answer met: what the rubric lab names under each point."""

from __future__ import annotations

from game.grading.grader import Grader
from game.packs.loader import load_pack_text
from game.ui.lab_wordings import closest_wordings

PACK = """\
pack: 1
id: cars
title: Cars
positions:
  - id: ban
    claim: Cities should ban cars from their centres.
    rebut:
      points:
        - id: shops
          argument: A ban drives customers away from shops in the centre.
          phrases:
            - retailers lose the shoppers who arrive by car
            - small businesses depend on drivers
        - id: tradespeople
          argument: Plumbers and builders need a van to carry their tools.
    defend:
      points:
        - id: air
          argument: Fewer cars means cleaner air and less asthma.
          phrases:
            - exhaust fumes give children asthma
"""


def grader() -> Grader:
    return Grader(load_pack_text(PACK, name="cars.yaml"))


def test_the_phrase_an_answer_met_is_named_with_its_number() -> None:
    found = closest_wordings(
        grader(), "Small businesses in town depend on drivers coming in.", "ban", "rebut"
    )
    assert set(found) == {"shops"}  # tradespeople shares no word: not named
    wording = found["shops"]
    assert (wording.number, wording.label) == (2, "phrase 2")
    assert wording.text == "small businesses depend on drivers"
    assert wording.similarity > 0


def test_the_argument_is_number_0_and_only_the_stance_asked_counts() -> None:
    answer = "Plumbers need a van for their tools, and exhaust fumes give children asthma."
    rebut = closest_wordings(grader(), answer, "ban", "rebut")
    assert rebut["tradespeople"].label == "argument"
    assert "air" not in rebut  # a defend point, not shown when rebutting
    defend = closest_wordings(grader(), answer, "ban", "defend")
    assert defend["air"].text == "exhaust fumes give children asthma"


def test_empty_and_oversized_answers_name_nothing() -> None:
    assert closest_wordings(grader(), "   ", "ban", "rebut") == {}
    assert closest_wordings(grader(), "van " * 20_000, "ban", "rebut") == {}


def test_a_point_not_made_never_reads_50_percent() -> None:
    # The lab says a point is made from 50%: a refused point at 0.499 must not show 50%.
    from game.ui.widgets.point_meter import percent

    assert percent(0.499, matched=False) == 49
    assert percent(0.5, matched=True) == 50
    assert percent(0.42, matched=False) == 42
    assert percent(1.0, matched=True) == 100
