"""Golden results: a library upgrade (rapidfuzz, snowballstemmer) or a tuning change that
moves these scores must fail here, and be reviewed, before it reaches players.

To accept a deliberate change, run this file with GOLDEN_PRINT=1 and paste the new table.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"

CASES: list[tuple[str, str]] = [
    (
        "rebut",
        "China would rather live with a nuclear neighbour than see the regime collapse, because "
        "millions of refugees would flood across the border. Beijing has had decades to rein in "
        "Pyongyang and it never stopped a single nuclear test.",
    ),
    (
        "rebut",
        "Chnia neeeds North Korea as a bufer against American trops, and Kim dosn't take orders "
        "from Beijing.",
    ),
    ("rebut", "Beijing uses the North as a bargaining chip against Washington."),
    ("rebut", "China will restrain North Korea because it wants peace."),
    (
        "defend",
        "A war next door would ruin Chinese growth, so Beijing has every interest in keeping Kim "
        "calm. After the 2017 tests Beijing backed the UN sanctions.",
    ),
    ("defend", "China would profit from a war in Korea."),
]

# (score, {point: confidence to 2 places}, warning codes) for each case, in order.
GOLDEN: list[tuple[int, dict[str, float], list[str]]] = [
    (
        80,
        {
            "china-wants-buffer": 0.72,
            "china-failed-before": 0.93,
            "limited-leverage": 0.0,
            "us-rivalry": 0.05,
        },
        [],
    ),
    (
        80,
        {
            "china-wants-buffer": 0.74,
            "china-failed-before": 0.0,
            "limited-leverage": 0.61,
            "us-rivalry": 0.0,
        },
        [],
    ),
    (
        27,
        {
            "china-wants-buffer": 0.0,
            "china-failed-before": 0.0,
            "limited-leverage": 0.0,
            "us-rivalry": 0.79,
        },
        [],
    ),
    (
        0,
        {
            "china-wants-buffer": 0.17,
            "china-failed-before": 0.0,
            "limited-leverage": 0.01,
            "us-rivalry": 0.0,
        },
        ["echo"],
    ),
    (67, {"trade-stake": 0.0, "war-hurts-china": 0.53, "china-restrained-before": 0.58}, []),
    (0, {"trade-stake": 0.0, "war-hurts-china": 0.26, "china-restrained-before": 0.0}, []),
]


def _actual() -> list[tuple[int, dict[str, float], list[str]]]:
    grader = Grader(load_pack(FIXTURES / "nk.yaml"))
    out = []
    for stance, answer in CASES:
        result = grader.grade(answer, "china-will-restrain", stance)  # type: ignore[arg-type]
        confidences = {p.point_id: round(p.confidence, 2) for p in result.points}
        out.append((result.score, confidences, sorted({w.code for w in result.warnings})))
    return out


def test_golden_scores_do_not_move() -> None:
    actual = _actual()
    if os.environ.get("GOLDEN_PRINT"):
        for row in actual:
            print(f"    {row!r},")
        pytest.skip("printed the current table")
    assert actual == GOLDEN
