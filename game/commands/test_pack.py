"""``counterpoint test-pack PATH``: run every point's examples, as instructors do before class.

Each ``match`` example must be credited with its point and each ``miss`` example must not.
Failures are printed with the confidence, the wording of the point (argument or phrase n)
that matched or came closest, and the point the grader found nearest; a table gives each
point's pass rate, precision and recall, and under it the examples of other points that a
point was credited with (what its precision lost); then the rubric's lint warnings (see
``game.grading.lint``). Exit status 1 when any example fails, or with ``--strict`` when the
linter warns.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from game.commands.grade import resolve_pack
from game.grading.grader import Grader
from game.grading.lint import Finding, PointStats, lint
from game.grading.result import PointResult, Result
from game.grading.verdict import calibrate
from game.grading.wordings import Wording, closest_wordings
from game.packs.model import Pack, Stance
from game.safe_text import clean, shorten


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``test-pack`` subcommand."""
    parser = subparsers.add_parser(
        "test-pack",
        parents=[common],
        help="check that each point's example answers grade as the pack says",
        description="Grade every 'match' and 'miss' example of every point of a pack: match "
        "examples must be credited with their point, miss examples must not. Prints each "
        "failure, a per-point table (pass rate, precision, recall) and warnings about the "
        "rubric itself (too few phrases, generic phrases, overlapping points, words every "
        "point shares, full marks out of reach). Exit status: 0 when all pass, 1 when any "
        "fails (or, with --strict, when there are warnings), 2 on a usage or pack error.",
    )
    parser.add_argument("path", metavar="PATH", help="the pack file (or pack id)")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 on rubric warnings too"
    )
    parser.set_defaults(func=run)


@dataclass
class Tally:
    """Pass counts of one point's examples."""

    label: str
    match_ok: int = 0
    match_all: int = 0
    miss_ok: int = 0
    miss_all: int = 0

    @property
    def rate(self) -> float:
        total = self.match_all + self.miss_all
        return (self.match_ok + self.miss_ok) / total if total else 1.0


def run(args: argparse.Namespace) -> int:
    """Run the examples and the linter; 1 if any example fails (or warns, with --strict)."""
    pack = resolve_pack(args.path, args.packs)
    grader = Grader(pack)
    tallies, failures = check(pack, grader)
    report = lint(pack, grader)
    for line in failures:
        print(line)
    failed = sum(t.match_all - t.match_ok + t.miss_all - t.miss_ok for t in tallies)
    if not tallies:
        print(clean(f"{pack.id}: no point has examples; nothing to test"))
    else:
        if failures:
            print()
        stats = {s.where: s for s in report.stats}
        print(_table(tallies, stats))
        strays = _strays(tallies, stats)
        if strays:
            print()
            print(strays)
        total = sum(t.match_all + t.miss_all for t in tallies)
        print()
        print(f"{total - failed} of {total} examples passed; {failed} failed")
    if report.findings:
        print()
        print(_warnings(report.findings))
    strict = getattr(args, "strict", False)
    return 1 if failed or (strict and report.findings) else 0


def check(pack: Pack, grader: Grader | None = None) -> tuple[list[Tally], list[str]]:
    """Grade every example; return per-point tallies and one message per failure."""
    grader = grader or Grader(pack)
    tallies: list[Tally] = []
    failures: list[str] = []
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            for point in rubric.points:
                examples = point.examples
                if examples is None or not (examples.match or examples.miss):
                    continue
                tally = Tally(f"{position.id} {stance} {point.id}")
                tallies.append(tally)
                for text in examples.match:
                    result = grader.grade(text, position.id, stance)
                    verdict = _verdict(result, point.id)
                    tally.match_all += 1
                    if verdict.matched:
                        tally.match_ok += 1
                    else:
                        wording = _wording(grader, text, position.id, stance, point.id)
                        failures.append(
                            _failure("match", tally.label, text, verdict, result, wording)
                        )
                for text in examples.miss:
                    result = grader.grade(text, position.id, stance)
                    verdict = _verdict(result, point.id)
                    tally.miss_all += 1
                    if not verdict.matched:
                        tally.miss_ok += 1
                    else:
                        wording = _wording(grader, text, position.id, stance, point.id)
                        failures.append(
                            _failure("miss", tally.label, text, verdict, result, wording)
                        )
    return tallies, failures


def _verdict(result: Result, point_id: str) -> PointResult:
    return next(p for p in result.points if p.point_id == point_id)


def _wording(grader: Grader, text: str, position_id: str, stance: Stance, point_id: str) -> str:
    """The failure line naming the point's wording that matched (for a miss example) or came
    closest (for a match example): the one the author should reword or add beside."""
    found: Wording | None = closest_wordings(grader, text, position_id, stance).get(point_id)
    if found is None:
        return "no wording of the point shares a word with it"
    confidence = calibrate(found.similarity, grader.params.threshold)
    return f'{found.label} "{shorten(found.text, 120)}" ({confidence:.2f})'


def _failure(
    kind: str, label: str, text: str, verdict: PointResult, result: Result, wording: str
) -> str:
    others = [p for p in result.points if p.point_id != verdict.point_id]
    nearest = max(others, key=lambda p: p.confidence, default=None)
    if kind == "match":
        why = "not credited"
        if verdict.refused:
            why += f" (refused: {verdict.refused})"
    else:
        why = "credited, but it should not be"
    near = f"; nearest other point: {nearest.point_id} {nearest.confidence:.2f}" if nearest else ""
    warnings = "; ".join(f"{w.code}: {w.message}" for w in result.warnings)
    closest = "matched by" if kind == "miss" else "closest wording"
    lines = [
        f"FAIL {label}: {kind} example {why} (confidence {verdict.confidence:.2f}{near})",
        f'     "{shorten(text, 160)}"',
        f"     {closest}: {wording}",
    ]
    if warnings:
        lines.append(f"     warnings: {shorten(warnings, 240)}")
    return clean("\n".join(lines))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _table(tallies: list[Tally], stats: dict[str, PointStats]) -> str:
    width = max(len(t.label) for t in tallies)
    rows = [f"{'point':<{width}}  match  miss   pass  precision  recall"]
    for t in tallies:
        point = stats.get(t.label)
        precision = _share(point.precision if point else None)
        recall = _share(point.recall if point else None)
        rows.append(
            f"{t.label:<{width}}  {t.match_ok}/{t.match_all:<3}  {t.miss_ok}/{t.miss_all:<3}"
            f"  {t.rate:4.0%}  {precision:>9}  {recall:>6}"
        )
    return clean("\n".join(rows))


def _strays(tallies: list[Tally], stats: dict[str, PointStats]) -> str:
    """Under the table: for each point whose precision is below 100%, the examples written
    for other points (or its own near misses) that it was credited with."""
    lines: list[str] = []
    for t in tallies:
        point = stats.get(t.label)
        if point is None or not point.strays:
            continue
        lines.append(f"  {t.label} ({_share(point.precision)} precision) was credited on:")
        for stray in point.strays:
            whose = "its own" if t.label.endswith(f" {stray.point}") else f"{stray.point}'s"
            lines.append(f'    {whose} {stray.kind} example "{shorten(stray.text, 120)}"')
    if not lines:
        return ""
    return clean(
        "\n".join(["Precision below 100%: examples credited with a point not theirs", *lines])
    )


def _warnings(findings: tuple[Finding, ...]) -> str:
    lines = [f"Rubric warnings ({len(findings)}):"]
    for finding in findings:
        lines.append(f"  ! {finding.rule}: {finding.where}: {finding.message}")
    return clean("\n".join(lines))
