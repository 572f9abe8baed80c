"""``counterpoint test-pack``: every point's examples must grade as the pack says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grading"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["nk.yaml", "uniformes_es.yaml"])
def test_fixture_packs_pass(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "test-pack", str(FIXTURES / name))
    assert code == 0, out
    assert "FAIL" not in out
    assert "0 failed" in out


def test_failures_are_reported_with_confidence_and_nearest_point(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (FIXTURES / "nk.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "              - Beijing uses the North as a bargaining chip against Washington in the"
        " trade war.",
        "              - Beijing uses the North as a bargaining chip against Washington in the"
        " trade war.\n              - Beijing fears a flood of refugees if the regime collapses.",
    )
    text = text.replace(
        "              - China would never use North Korea as a bargaining chip.",
        "              - China would never use North Korea as a bargaining chip.\n"
        "              - Beijing uses Pyongyang as leverage against Washington.",
    )
    pack = tmp_path / "broken.yaml"
    pack.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "test-pack", str(pack))
    assert code == 1
    assert (
        "FAIL china-will-restrain rebut us-rivalry: match example not credited (confidence 0.00;"
        " nearest other point: china-wants-buffer 1.00)"
    ) in out
    assert '"Beijing fears a flood of refugees if the regime collapses."' in out
    assert (
        "FAIL china-will-restrain rebut us-rivalry: miss example credited, but it should not" in out
    )
    assert re.search(r"^china-will-restrain rebut us-rivalry +1/2 +1/2 +50% +50% +50%$", out, re.M)
    assert "16 of 18 examples passed; 2 failed" in out


def _broken(tmp_path: Path) -> Path:
    """nk.yaml with a us-rivalry phrase that makes a near miss added beside the old one, and
    an example for it that only another point makes."""
    text = (FIXTURES / "nk.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "              - Beijing uses the North as a bargaining chip against Washington in the"
        " trade war.",
        "              - Beijing uses the North as a bargaining chip against Washington in the"
        " trade war.\n              - Beijing fears a flood of refugees if the regime collapses.",
    )
    text = text.replace(
        "            - Beijing uses Pyongyang as leverage against Washington\n",
        "            - Beijing uses Pyongyang as leverage against Washington\n"
        "            - Beijing plays Pyongyang as a pawn in its contest with America\n",
    )
    text = text.replace(
        "              - China would never use North Korea as a bargaining chip.",
        "              - China would never use North Korea as a bargaining chip.\n"
        "              - Pyongyang is a pawn in the contest between Beijing and America.",
    )
    pack = tmp_path / "broken.yaml"
    pack.write_text(text, encoding="utf-8")
    return pack


def test_a_failure_names_the_wording_that_matched_or_came_closest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "test-pack", str(_broken(tmp_path)))
    assert code == 1
    lines = out.splitlines()
    # The near miss was credited through the phrase added last: it is named, quoted.
    at = lines.index('     "Pyongyang is a pawn in the contest between Beijing and America."')
    assert "miss example credited" in lines[at - 1]
    assert re.fullmatch(
        r'     matched by: phrase 2 "Beijing plays Pyongyang as a pawn in its contest with'
        r' America" \(\d\.\d\d\)',
        lines[at + 1],
    ), lines[at + 1]
    # The match example no wording makes: the closest one is named all the same.
    at = lines.index('     "Beijing fears a flood of refugees if the regime collapses."')
    assert "match example not credited" in lines[at - 1]
    assert re.fullmatch(
        r'     closest wording: (argument|phrase \d+) ".+" \(0\.\d\d\)', lines[at + 1]
    )


def test_precision_below_full_names_the_examples_that_cost_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "test-pack", str(_broken(tmp_path)))
    below = out.split("Precision below 100%", 1)[1].split("examples passed")[0]
    # china-wants-buffer made us-rivalry's example; us-rivalry made its own near miss.
    assert (
        "  china-will-restrain rebut china-wants-buffer (67% precision) was credited on:\n"
        "    us-rivalry's match example \"Beijing fears a flood of refugees if the regime"
        ' collapses."'
    ) in below
    assert (
        "  china-will-restrain rebut us-rivalry (50% precision) was credited on:\n"
        '    its own miss example "Pyongyang is a pawn in the contest between Beijing and America."'
    ) in below
    # Points at 100% are not listed.
    assert "trade-stake" not in below


def test_a_pack_at_full_precision_prints_no_such_list(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "test-pack", str(FIXTURES / "uniformes_es.yaml"))
    assert "Precision below 100%" not in out


def test_a_pack_without_examples_has_nothing_to_test(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "bare.yaml"
    pack.write_text(
        "pack: 1\nid: bare\ntitle: Bare\npositions:\n  - id: p\n    claim: A claim.\n"
        "    rebut:\n      points:\n        - id: a\n          argument: An argument.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "test-pack", str(pack), "--saves", str(tmp_path))
    assert code == 0
    assert "nothing to test" in out
