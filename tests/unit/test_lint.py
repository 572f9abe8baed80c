"""Rubric linting: each rule on a small pack built to trigger it, and on one that is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.grading.lint import Finding, LintReport, lint
from game.packs.loader import load_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lint"


def report(name: str) -> LintReport:
    return lint(load_pack(FIXTURES / f"{name}.yaml"))


def by_rule(found: LintReport, rule: str) -> list[Finding]:
    return [f for f in found.findings if f.rule == rule]


def test_a_clean_pack_has_no_warnings_and_full_precision_and_recall() -> None:
    found = report("clean")
    assert found.findings == ()
    assert {(s.precision, s.recall) for s in found.stats} == {(1.0, 1.0)}


def test_points_with_too_few_phrases() -> None:
    found = by_rule(report("few_phrases"), "few-phrases")
    assert [(f.where, f.message.split(";")[0]) for f in found] == [
        ("carbon-tax rebut hurts-poor", "1 phrase"),
        ("carbon-tax rebut leakage", "0 phrases"),
    ]


def test_a_phrase_that_matches_other_points_examples_is_generic() -> None:
    (finding,) = by_rule(report("generic"), "generic")
    assert finding.where == "city-cars rebut disabled-access"
    assert 'phrase "this is bad for people" matches' in finding.message
    assert "of other points' examples" in finding.message


def test_points_that_make_each_others_examples_overlap() -> None:
    (finding,) = by_rule(report("overlap"), "overlap")
    assert finding.where == "four-day-week"
    assert "points customers-wait and service-slower overlap" in finding.message
    assert '"With the office shut every Friday' in finding.message
    assert '"Customers wait longer for replies' in finding.message


def test_overlapping_points_take_each_others_examples() -> None:
    # One sentence's words make one point: the nearer duplicate takes customers-wait's example.
    stats = {s.where: s for s in report("overlap").stats}
    lost = stats["four-day-week rebut customers-wait"]
    assert lost.recall == 0.0
    taker = stats["four-day-week rebut service-slower"]
    assert (taker.precision, taker.recall) == (0.5, 1.0)
    assert stats["four-day-week rebut crammed-days"].precision is None


def test_words_every_point_uses() -> None:
    # china-restrains: every point says "Beijing" and "North Korea", but so does the claim.
    (finding,) = by_rule(report("shared_words"), "shared-words")
    assert finding.where == "ev-subsidy"
    assert '"cars", "electric"' in finding.message


def test_full_marks_out_of_reach() -> None:
    found = {f.where: f.message for f in by_rule(report("unreachable"), "unreachable")}
    assert "full_marks is 5 but the points' weights add up to 3" in found["homework rebut"]
    assert "only 1 can be earned" in found["homework defend"]
    assert "restates" in found["homework defend"]
    assert "play" not in found["homework defend"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_test_pack_prints_warnings_and_fails_only_when_strict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "test-pack", str(FIXTURES / "shared_words.yaml"))
    assert code == 0
    assert "Rubric warnings (1):" in out
    code, _ = run(capsys, "test-pack", "--strict", str(FIXTURES / "shared_words.yaml"))
    assert code == 1
    code, out = run(capsys, "test-pack", str(FIXTURES / "overlap.yaml"))
    assert code == 1
    assert "nearest other point: service-slower" in out
    assert "Rubric warnings (1):" in out  # "day" every point uses is the claim's
    assert "  ! overlap: four-day-week: points customers-wait and service-slower" in out
    assert "precision  recall" in out
    code, out = run(capsys, "test-pack", "--strict", str(FIXTURES / "clean.yaml"))
    assert code == 0 and "Rubric warnings" not in out


def test_a_pack_without_examples_is_still_linted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "test-pack", str(FIXTURES / "few_phrases.yaml"))
    assert code == 0
    assert "nothing to test" in out
    assert "! few-phrases: carbon-tax rebut leakage: 0 phrases" in out
