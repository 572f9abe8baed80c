"""``mine``: low-scoring long on-topic answers and near misses, from a store with known attempts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.grading.grader import Grader
from game.grading.result import PointResult, Result, Span
from game.packs.loader import load_pack, load_pack_text
from game.packs.model import Pack, Stance
from game.progress.mining import Settings, mine
from game.progress.models import Attempt
from game.progress.store import Store

PACK_TEXT = """\
pack: 1
id: homework
title: Homework in primary school
language: en
positions:
  - id: ban-homework
    claim: Homework should be banned in primary schools.
    context: Young pupils already spend six hours a day in class.
    rebut:
      points:
        - id: practice-sticks
          argument: Short practice at home makes what was learnt in class stick in memory.
          phrases:
            - a little practice at home helps children remember the lesson
            - homework reinforces what was taught that day
        - id: parents-see-progress
          argument: Homework shows parents what their child is learning and where they struggle.
          phrases:
            - parents can follow their child's progress through homework
    defend:
      points:
        - id: play-is-learning
          argument: Free play builds creativity and social skills that worksheets cannot.
          phrases:
            - children learn by playing with friends
  - id: longer-days
    claim: Schools should have longer days instead of homework.
    rebut:
      points:
        - id: tired-pupils
          argument: Tired children learn little in the last hours of a long day.
"""

ON_TOPIC = (
    "Banning homework in primary schools ignores what happens at home: young pupils who read "
    "with their parents each evening build a habit of reading, and that habit matters more than "
    "six hours a day in class for many children."
)
OFF_TOPIC = (
    "Yesterday I went to the cinema with my cousin and we watched a very long film about "
    "dragons, then we ate noodles and walked back through the park in the rain."
)
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def pack() -> Pack:
    return load_pack_text(PACK_TEXT, name="homework.yaml")


# ----------------------------------------------------------------------- a grader with set answers
@dataclass
class FakeGrader:
    """Returns preset results, counting calls; the protocol ``mine`` needs."""

    pack: Pack
    results: dict[str, Result]
    calls: int = 0

    def grade(self, answer: str, position_id: str, stance: Stance) -> Result:
        self.calls += 1
        return self.results[answer]


def result(score: int, *points: tuple[str, bool, float, Sequence[tuple[int, int]]]) -> Result:
    verdicts = tuple(
        PointResult(pid, "arg", 1.0, matched, conf, tuple(Span(a, b) for a, b in spans))
        for pid, matched, conf, spans in points
    )
    return Result("ban-homework", "rebut", score, 0.0, 2.0, verdicts)


def store_with(tmp_path: Path, attempts: list[tuple[str, str, str, str, int]]) -> Store:
    """A store holding (player, position, stance, answer, score) attempts one minute apart."""
    store = Store.open(tmp_path / "saves")
    for i, (player, position, stance, answer, score) in enumerate(attempts):
        store.record_attempt(
            Attempt(
                player, "homework", "hash", position, stance, answer, score, (), 30.0, None,
                T0 + timedelta(minutes=i),
            )
        )  # fmt: skip
    return store


def test_candidates_are_long_on_topic_answers_that_score_low(tmp_path: Path) -> None:
    short = "Homework helps pupils in primary schools."
    strong = ON_TOPIC.replace("Banning", "Indeed, banning")
    evidence = ON_TOPIC.index("young pupils who read")
    fake = FakeGrader(
        pack(),
        {
            ON_TOPIC: result(
                0,
                ("practice-sticks", False, 0.41, [(evidence, evidence + 40)]),
                ("parents-see-progress", False, 0.1, []),
            ),
            strong: result(100, ("practice-sticks", True, 0.9, [(0, 10)])),
            short: result(0, ("practice-sticks", False, 0.2, [(0, 8)])),
            OFF_TOPIC: result(0, ("practice-sticks", False, 0.0, [])),
        },
    )
    store = store_with(
        tmp_path,
        [
            ("Ana", "ban-homework", "rebut", ON_TOPIC, 10),
            ("Ben", "ban-homework", "rebut", strong, 100),
            ("Ben", "ban-homework", "rebut", short, 0),
            ("Cleo", "ban-homework", "rebut", OFF_TOPIC, 0),
            ("Cleo", "gone-position", "rebut", ON_TOPIC, 0),
            ("Dan", "longer-days", "defend", ON_TOPIC, 0),  # the pack has no such stance
        ],
    )
    report = mine(store.history(pack_id="homework", answers=True), fake)
    store.close()
    assert (report.answers, report.skipped) == (4, 2)
    (group,) = report.groups
    assert (group.position_id, group.stance, group.total) == ("ban-homework", "rebut", 1)
    (candidate,) = group.candidates
    assert (candidate.player, candidate.saved_score, candidate.score) == ("Ana", 10, 0)
    assert (candidate.nearest_point, candidate.nearest_confidence) == ("practice-sticks", 0.41)
    # The evidence's clause, not the whole answer, is offered as a phrase.
    assert candidate.sentence == (
        "young pupils who read with their parents each evening build a habit of reading"
    )
    assert candidate.words == len(ON_TOPIC.split()) and candidate.topic_words >= 3


def test_a_repeated_answer_is_graded_once_and_counted_once(tmp_path: Path) -> None:
    graded = result(0, ("practice-sticks", False, 0.35, [(0, 7)]))
    fake = FakeGrader(pack(), {ON_TOPIC: graded, ON_TOPIC.upper(): graded})
    store = store_with(
        tmp_path,
        [("Ana", "ban-homework", "rebut", ON_TOPIC, 0)] * 3
        + [("Ben", "ban-homework", "rebut", ON_TOPIC.upper(), 0)],
    )
    report = mine(store.history(answers=True), fake)
    store.close()
    assert fake.calls == 2  # once as asked, once as the other side (it scores low)
    assert report.groups[0].total == 1
    assert report.groups[0].candidates[0].player == "Ben"  # the newest copy
    assert report.near_misses[0].answers == 1


def test_near_misses_are_counted_per_point_without_refused_or_contradicted(
    tmp_path: Path,
) -> None:
    texts = [f"Answer {i}: homework helps children remember. Other words here." for i in range(5)]
    span = [(10, 38)]
    fake = FakeGrader(
        pack(),
        {
            texts[0]: result(0, ("practice-sticks", False, 0.45, span)),
            texts[1]: result(0, ("practice-sticks", False, 0.35, span)),
            texts[2]: result(0, ("practice-sticks", False, 0.25, span)),  # below the floor
            texts[3]: result(50, ("practice-sticks", True, 0.8, span)),  # matched
            texts[4]: result(0, ("parents-see-progress", False, 0.4, [(0, 9)])),
        },
    )
    refused = texts[0].replace("0", "R")
    fake.results[refused] = Result(
        "ban-homework", "rebut", 0, 0.0, 2.0,
        (PointResult("practice-sticks", "a", 1.0, False, 0.45, (Span(10, 38),), refused="echo"),),
    )  # fmt: skip
    contradicted = texts[0].replace("0", "C")
    fake.results[contradicted] = Result(
        "ban-homework", "rebut", 0, 0.0, 2.0,
        (PointResult("practice-sticks", "a", 1.0, False, 0.45, (Span(10, 38),), True),),
    )  # fmt: skip
    attempts = [("Ana", "ban-homework", "rebut", t, 0) for t in [*texts, refused, contradicted]]
    store = store_with(tmp_path, attempts)
    report = mine(store.history(answers=True), fake, Settings(near=0.3))
    store.close()
    assert [(n.point_id, n.answers) for n in report.near_misses] == [
        ("practice-sticks", 2),
        ("parents-see-progress", 1),
    ]
    top = report.near_misses[0]
    assert top.mean_confidence == 0.4
    assert top.sentences == (("homework helps children remember.", 2),)


def test_limit_keeps_the_most_topical_candidates_per_group(tmp_path: Path) -> None:
    answers = [ON_TOPIC + " " + "homework pupils parents " * i for i in range(4)]
    fake = FakeGrader(pack(), {a: result(0, ("practice-sticks", False, 0.0, [])) for a in answers})
    store = store_with(tmp_path, [("Ana", "ban-homework", "rebut", a, 0) for a in answers])
    report = mine(store.history(answers=True), fake, Settings(limit=2))
    store.close()
    (group,) = report.groups
    assert group.total == 4 and len(group.candidates) == 2
    assert all(c.nearest_point is None for c in group.candidates)


# ----------------------------------------------------------------------- the command, real grader
@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "homework.yaml").write_text(PACK_TEXT, encoding="utf-8")
    grader = Grader(load_pack(packs / "homework.yaml"))
    assert grader.grade(ON_TOPIC, "ban-homework", "rebut").score <= 40, "precondition"
    matched = "A little practice at home helps children remember the lesson they had."
    assert grader.grade(matched, "ban-homework", "rebut").score > 40, "precondition"
    evil = ON_TOPIC.replace("home:", "home: \x1b]52;c;SGk=\x07\u202e")
    store = store_with(
        tmp_path,
        [
            ("Ana", "ban-homework", "rebut", ON_TOPIC, 0),
            ("Ben", "ban-homework", "rebut", matched, 50),
            ("Ben", "ban-homework", "rebut", OFF_TOPIC, 0),
            ("Cleo", "ban-homework", "rebut", evil, 0),
        ],
    )
    store.close()
    return packs, tmp_path / "saves"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_mine_prints_candidates_ready_to_paste(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, Path], tmp_path: Path
) -> None:
    packs, saves = setup
    code, out, err = run(
        capsys, "mine", "--pack", "homework", "--packs", str(packs), "--saves", str(saves)
    )
    assert code == 0 and err == ""
    assert "4 distinct saved answers (all players)" in out
    assert "# --- ban-homework · rebut: 2 answers ---" in out
    assert "# Ana, 2025-03-01: score 0 now (saved 0)" in out
    assert "OFF_TOPIC" not in out and "cinema" not in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    # A suggested phrase pasted under the point it names keeps the pack valid.
    item = next(line for line in out.splitlines() if line.startswith(" " * 12 + "- "))
    lines = PACK_TEXT.splitlines()
    at = lines.index("            - homework reinforces what was taught that day")
    lines.insert(at + 1, item)
    pasted = tmp_path / "pasted.yaml"
    pasted.write_text("\n".join(lines) + "\n", encoding="utf-8")
    phrases = load_pack(pasted).position("ban-homework").rebut.points[0].phrases  # type: ignore[union-attr]
    assert len(phrases) == 3 and phrases[2] in ON_TOPIC
    # The new-point snippet is valid YAML for the points list.
    assert re.search(r"^ {8}- id: new-point  # rename\n {10}argument: \"REWRITE:", out, re.M)


def test_mine_for_one_player(capsys: pytest.CaptureFixture[str], setup: tuple[Path, Path]) -> None:
    packs, saves = setup
    args = ["mine", "--pack", "homework", "--packs", str(packs), "--saves", str(saves)]
    code, out, _ = run(capsys, *args, "--player", "ben")
    assert code == 0
    assert "2 distinct saved answers (player Ben)" in out
    assert "# None: every long, on-topic answer already scores above the line." in out
    code, _, err = run(capsys, *args, "--player", "Zed")
    assert code == 2 and "no player named 'Zed'; players: Ana, Ben, Cleo" in err


def test_mine_errors_and_empty_saves(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, Path], tmp_path: Path
) -> None:
    packs, saves = setup
    code, _, err = run(
        capsys, "mine", "--pack", "nope", "--packs", str(packs), "--saves", str(saves)
    )
    assert code == 2 and "no pack with id 'nope'" in err and "homework" in err
    empty = tmp_path / "empty"
    code, out, _ = run(
        capsys, "mine", "--pack", str(packs / "homework.yaml"), "--saves", str(empty)
    )
    assert code == 0 and out.startswith("No saved answers yet")
    assert not empty.exists()  # mining never creates a saves folder


# ----------------------------------------------------------------------- answers for the other side
@dataclass
class SidedGrader:
    """Preset results per (answer, stance)."""

    pack: Pack
    results: dict[tuple[str, str], Result]

    def grade(self, answer: str, position_id: str, stance: Stance) -> Result:
        return self.results[(answer, stance)]


def test_an_answer_that_argues_the_other_side_is_marked_and_not_mined(tmp_path: Path) -> None:
    # Asked to rebut, the player defended: the defend rubric rewards the answer. Its sentences
    # must not be offered as rebut phrases, and its near misses must not count.
    span = [(0, 40)]
    fake = SidedGrader(
        pack(),
        {
            (ON_TOPIC, "rebut"): result(0, ("practice-sticks", False, 0.4, span)),
            (ON_TOPIC, "defend"): result(67, ("play-is-learning", True, 0.8, span)),
        },
    )
    store = store_with(tmp_path, [("Ana", "ban-homework", "rebut", ON_TOPIC, 0)])
    report = mine(store.history(answers=True), fake)
    store.close()
    (candidate,) = report.groups[0].candidates
    assert candidate.other_side_score == 67
    assert report.near_misses == ()


def test_an_answer_weak_on_both_sides_is_still_a_candidate(tmp_path: Path) -> None:
    span = [(0, 40)]
    fake = SidedGrader(
        pack(),
        {
            (ON_TOPIC, "rebut"): result(0, ("practice-sticks", False, 0.4, span)),
            (ON_TOPIC, "defend"): result(33, ("play-is-learning", True, 0.8, span)),
        },
    )
    store = store_with(tmp_path, [("Ana", "ban-homework", "rebut", ON_TOPIC, 0)])
    report = mine(store.history(answers=True), fake)
    store.close()
    (candidate,) = report.groups[0].candidates
    assert candidate.other_side_score is None
    assert [n.point_id for n in report.near_misses] == ["practice-sticks"]


def test_mine_offers_nothing_to_paste_for_an_answer_on_the_other_side(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "homework.yaml").write_text(PACK_TEXT, encoding="utf-8")
    defence = (
        "Children learn by playing with friends after school, and free play builds the "
        "creativity and social skills that no worksheet can teach them, so the evenings of "
        "primary pupils should be free."
    )
    grader = Grader(load_pack(packs / "homework.yaml"))
    assert grader.grade(defence, "ban-homework", "rebut").score <= 40, "precondition"
    assert grader.grade(defence, "ban-homework", "defend").score > 40, "precondition"
    store_with(tmp_path, [("Ana", "ban-homework", "rebut", defence, 0)]).close()
    code, out, _ = run(
        capsys,
        "mine",
        "--pack",
        "homework",
        "--packs",
        str(packs),
        "--saves",
        str(tmp_path / "saves"),
    )
    assert code == 0
    assert "# it argues the other side: as a defend answer it scores" in out
    assert "Nothing to add to rebut" in out
    assert "new-point" not in out and not re.search(r"^ +- ", out, re.M)


def test_a_near_miss_never_reads_as_the_match_line() -> None:
    # Near misses are below 0.5 by definition; rounding 0.499 up would print the match line.
    from game.commands.mine import _confidence

    assert _confidence(0.499) == "0.49"
    assert _confidence(0.41) == "0.41"
    assert _confidence(0.0) == "0.00"
    assert _confidence(0.29) == "0.29"  # not 0.28 from 28.999999999999996
