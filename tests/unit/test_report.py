"""The coach's report on a known store: per student and per position, Markdown and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 6, 18, tzinfo=UTC)

PACK = """\
pack: 1
id: club
title: "Club [b]night[/b] pack"
positions:
  - id: curfew
    claim: Teenagers need a curfew.
    rebut:
      points:
        - id: trust
          argument: Curfews replace trust with rules and teach teenagers to hide.
        - id: safety
          argument: Most harm happens at home, not out at night.
        - id: "sleep"
          argument: "Sleep is better protected by | school start times, not curfews."
  - id: uniforms
    claim: Uniforms make schools fairer.
    rebut:
      points:
        - id: cost
          argument: Uniforms cost poor families more than ordinary clothes.
"""


@pytest.fixture
def club(tmp_path: Path) -> tuple[Path, Path]:
    """Ada: round 1 (40, 60), round 2 (80). Ben: one round (90, 70). Cy: one loose answer."""
    saves, packs = tmp_path / "saves", tmp_path / "packs"
    packs.mkdir()
    (packs / "club.yaml").write_text(PACK)
    with Store.open(saves) as store:

        def answer(player: str, position: str, score: int, points: tuple[str, ...],
                   minutes: int, round_id: int | None) -> None:  # fmt: skip
            store.record_attempt(
                Attempt(player, "club", "h", position, "rebut", "text", score, points, 30.0,
                        round_id, T0 + timedelta(minutes=minutes))
            )  # fmt: skip

        r1 = store.start_round("Ada", "club", "practice")
        answer("Ada", "curfew", 40, ("trust",), 0, r1)
        answer("Ada", "uniforms", 60, ("cost",), 1, r1)
        r2 = store.start_round("Ada", "club", "practice")
        answer("Ada", "curfew", 80, ("trust", "safety"), 60, r2)
        r3 = store.start_round("Ben", "club", "practice")
        answer("Ben", "curfew", 90, ("trust", "safety"), 2, r3)
        answer("Ben", "uniforms", 70, ("cost",), 3, r3)
        answer("![x](http://evil.example/a.png)", "curfew", 10, (), 4, None)
    return saves, packs


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


def test_markdown_report(club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    saves, packs = club
    out = run(capsys, "--saves", str(saves), "--packs", str(packs), "--format", "md")
    lines = out.splitlines()
    assert "| Ada | 2 | 3 | 60 | 80 | ▅▇ 50 → 80 (+30) |" in lines
    assert "| Ben | 1 | 2 | 80 | 90 | ▇ 80 |" in lines
    # The hostile name is escaped, so no Markdown viewer turns it into an image.
    assert r"| \!\[x\]\(http://evil.example/a.png\) | 0 | 1 | 10 | 10 | ▁ 10 |" in lines
    # Curfew: 4 answers averaging 55; 'sleep' never made (4 of 4), 'safety' missed twice,
    # 'trust' missed once (only Cy's answer).
    curfew = out.index("### curfew (rebut)")
    uniforms = out.index("### uniforms (rebut)")
    assert curfew < uniforms  # lowest average first: curfew 55, uniforms 65
    section = out[curfew:uniforms]
    assert "Average 55 over 4 answers by 3 students." in section
    missed = [line for line in section.splitlines() if line.startswith("  - ")]
    assert missed == [
        r"  - `sleep` missed in 4 of 4: Sleep is better protected by \| school start times,"
        " not curfews.",
        "  - `safety` missed in 2 of 4: Most harm happens at home, not out at night.",
        "  - `trust` missed in 1 of 4: Curfews replace trust with rules and teach teenagers"
        " to hide.",
    ]
    assert "Every point was made in every answer." in out[uniforms:]
    assert "> Teenagers need a curfew." in section
    assert r"- Pack `club`: Club \[b\]night\[/b\] pack" in lines


def test_csv_report(club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    saves, packs = club
    out = run(capsys, "--saves", str(saves), "--packs", str(packs), "--format", "csv")
    students_part, positions_part = out.split("\r\n\r\n")
    students = list(csv.DictReader(io.StringIO(students_part, newline="")))
    assert [(s["player"], s["rounds"], s["answers"], s["average"], s["best"], s["trend"],
             s["change"]) for s in students] == [
        ("![x](http://evil.example/a.png)", "0", "1", "10.0", "10", "10", ""),
        ("Ada", "2", "3", "60.0", "80", "50 80", "30"),
        ("Ben", "1", "2", "80.0", "90", "80", ""),
    ]  # fmt: skip
    positions = list(csv.DictReader(io.StringIO(positions_part, newline="")))
    assert [(p["position"], p["missed_point"], p["missed"], p["of"]) for p in positions] == [
        ("curfew", "sleep", "4", "4"),
        ("curfew", "safety", "2", "4"),
        ("curfew", "trust", "1", "4"),
        ("uniforms", "", "", ""),
    ]


def test_since_and_pack_filters(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    saves, packs = club
    since = (T0 + timedelta(minutes=30)).isoformat()
    out = run(capsys, "--saves", str(saves), "--packs", str(packs), "--since", since)
    assert "| Ada | 1 | 1 | 80 | 80 |" in out and "Ben" not in out
    out = run(capsys, "--saves", str(saves), "--packs", str(packs), "--pack", "other")
    assert "No answers recorded for this report yet." in out


def test_without_the_pack_only_points_made_are_counted(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    saves, _ = club
    out = run(capsys, "--saves", str(saves), "--packs", str(saves / "no-packs-here"))
    assert "`safety` missed in 2 of 4" in out and "sleep" not in out
    assert "(pack not found: only points somebody made are counted)" in out


def test_output_file_is_not_replaced_without_force(
    club: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    saves, packs = club
    target = saves.parent / "report.md"
    args = ["report", "--saves", str(saves), "--packs", str(packs), "--output", str(target)]
    assert main(args) == 0
    assert target.read_text().startswith("# Counterpoint: coach's report")
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err
