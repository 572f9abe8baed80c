"""How often the keyword-salad guard calls real prose a list (false positives).

Real sentences: every ArgKP argument (train and dev; ``ARGKP`` folder, see bench_argkp) and
every example and wording of the shipped packs (content/*.yaml). For each, the guard is run
as grading runs it: the whole text as an answer (salad: earns nothing) and each sentence as
a window inside an answer (stuffing share: that window earns nothing). Flagged texts are
printed so that each can be judged by eye.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from game.grading.languages import language
from game.grading.normalise import analyse
from game.grading.params import DEFAULT
from game.grading.structure import is_salad, keyword_string, layout
from game.packs.loader import load_pack

_CONTENT = Path(__file__).resolve().parents[2] / "content"
_SHOWN = 10


def _argkp(folder: Path) -> Iterator[tuple[str, str, str]]:
    for name in ("train", "dev"):
        path = folder / f"arguments_{name}.csv"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield f"argkp {name}", "en", row["argument"]


def _packs() -> Iterator[tuple[str, str, str]]:
    for path in sorted(_CONTENT.glob("*.yaml")):
        pack = load_pack(path)
        for position in pack.positions:
            for stance in position.stances:
                rubric = position.stance(stance)
                assert rubric is not None
                for point in rubric.points:
                    examples = point.examples
                    texts = [*examples.match, *examples.miss] if examples else []
                    for text in texts:
                        yield f"{path.stem} examples", pack.language, text
                    for text in (point.argument, *point.phrases):
                        yield f"{path.stem} wordings", pack.language, text


def _line(source: str, row: list[int]) -> str:
    texts, salad, sentences, stuffing = row
    return (
        f"  {source:<28} {salad:>3} of {texts:>5} texts  {stuffing:>3} of {sentences:>5} sentences"
    )


def main(folder: str | None = None) -> None:
    data = Path(folder or os.environ.get("ARGKP") or "../shared/argkp")
    counts: dict[str, list[int]] = {}
    flagged: list[str] = []
    for source, code, text in (*_argkp(data), *_packs()):
        lang = language(code)
        analysis = analyse(text, code)
        shaped = layout(analysis, lang) if lang.has_function_words else None
        row = counts.setdefault(source, [0, 0, 0, 0])
        row[0] += 1
        row[2] += len(analysis.sentences)
        if is_salad(analysis, shaped, DEFAULT):
            row[1] += 1
            flagged.append(f"  salad    [{source}] {text[:100]}")
        if shaped is None:
            continue
        for lo, hi in analysis.sentences:
            if keyword_string(shaped.marks, lo, hi, DEFAULT.stuffing_share, DEFAULT.salad_length):
                row[3] += 1
                words = " ".join(t.word for t in analysis.tokens[lo:hi])
                flagged.append(f"  stuffing [{source}] {words[:100]}")
    print("Real prose the salad guard refuses (texts as answers; sentences as windows)")
    total = [0, 0, 0, 0]
    for source, row in counts.items():
        print(_line(source, row))
        total = [a + b for a, b in zip(total, row, strict=True)]
    print(_line("all", total))
    for line in flagged[:_SHOWN]:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
