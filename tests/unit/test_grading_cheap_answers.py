"""Cheap answers to the shipped op-ed pack earn nothing: keyword lists, restatements of the
claim, and (beyond its own point) a single argument.

The answers are a pack writer's held-out checks, written after the pack was tuned and graded
once; some of them leaked credit through the engine's guards. They are graded here against
the real shipped pack, so a change of engine or pack that lets them leak again fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.packs.loader import load_pack
from game.packs.model import Stance

PACK = Path(__file__).resolve().parents[2] / "content" / "nk-talks-2019.yaml"
STANCES: tuple[Stance, ...] = ("rebut", "defend")

# A bare list of the topic's words, per position: first the lists written with the pack,
# then the held-out ones (a negator or a verb in the list, "US" in capitals).
KEYWORDS = [
    (
        "no-denuclearization",
        "North Korea nuclear weapons denuclearization Kim regime sanctions incentives pressure",
    ),
    (
        "normalize-relations",
        "peace treaty Korean War diplomatic relations sanctions normal relationship summits",
    ),
    (
        "limit-not-eliminate",
        "denuclearization limits cap nuclear missile capabilities deal war danger",
    ),
    (
        "hand-off-to-region",
        "region neighbours leadership containment responsibility United States North Korea",
    ),
    ("risk-exposure", "security shield Japan South Korea risk missiles homeland United States"),
    (
        "allies-can-defend",
        "Japan South Korea rich economy military conventional forces deter constitution",
    ),
    ("china-will-restrain", "China Beijing restrain North Korea peace East Asia stake incentive"),
    ("stale-thinking", "stale thinking panic aggression US role North Korea smaller presence"),
    ("pressure-backfires", "pressure regime change Libya renege tensions combative North Korea"),
    (
        "iran-undermines",
        "Iran deal obliteration withdrawal North Korea deterrent undermines policy",
    ),
    ("no-denuclearization", "Kim nukes never disarm carrots sticks regime survival North Korea"),
    (
        "normalize-relations",
        "normal ties peace treaty embassy sanctions civilian goods Korean War Pyongyang",
    ),
    ("limit-not-eliminate", "cap freeze limits denuclearization unrealistic nuclear missiles war"),
    ("hand-off-to-region", "Japan South Korea China take charge containment region US step back"),
    ("risk-exposure", "missiles hit America protect Japan South Korea dangerous alliance"),
    (
        "allies-can-defend",
        "big economies strong militaries Japan South Korea defend themselves Article 9",
    ),
    ("china-will-restrain", "China peace East Asia hold back North Korea trade interest"),
    ("stale-thinking", "outdated Cold War fear smaller role aggression invasion panic"),
    ("pressure-backfires", "pressure aggressive Libya broken promises overthrow Kim distrust"),
    ("iran-undermines", "Iran deal exit Trump threats North Korea nuclear weapons mistake"),
]


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
