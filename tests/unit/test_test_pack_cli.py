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
