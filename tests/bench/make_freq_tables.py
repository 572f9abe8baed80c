"""Generate the background word-rarity tables in ``game/grading/data/`` from ``wordfreq``.

wordfreq is NOT a dependency of the game: install it somewhere only to run this script, e.g.
``python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq snowballstemmer`` then
``PYTHONPATH=. /tmp/wf/bin/python -m tests.bench.make_freq_tables``.

Each table maps a Snowball stem (as the grader computes it) to the Zipf frequency of all the
words sharing that stem, summed over the N most frequent words of the language. Output is
deterministic (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import gzip
import math
import sys
from collections import defaultdict
from pathlib import Path

from game.grading.normalise import lexicon

SIZES = {"en": 40_000, "es": 25_000, "fr": 25_000, "de": 25_000, "it": 25_000, "pt": 25_000}
OUT = Path(__file__).resolve().parents[2] / "game" / "grading" / "data"


def build(code: str, size: int) -> bytes:
    from importlib.metadata import version

    import wordfreq

    lex = lexicon(code)
    totals: dict[str, float] = defaultdict(float)
    for word in wordfreq.top_n_list(code, size):
        entries = lex.entries(word)
        if len(entries) != 1 or not entries[0][0].isalpha():
            continue
        totals[entries[0][1]] += 10 ** wordfreq.zipf_frequency(word, code)
    buckets: dict[int, list[str]] = defaultdict(list)
    for stem, total in totals.items():
        buckets[round(math.log10(total) * 10)].append(stem)
    lines = [
        f"# Stem Zipf frequencies x10 for '{code}', derived from wordfreq {version('wordfreq')}"
        f" (top {size} words; data CC BY-SA 4.0, see README.md)"
    ]
    for zipf10 in sorted(buckets, reverse=True):
        lines.append(f"{zipf10}\t{' '.join(sorted(buckets[zipf10]))}")
    return gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)


def main() -> int:
    codes = sys.argv[1:] or sorted(SIZES)
    for code in codes:
        data = build(code, SIZES.get(code, 25_000))
        (OUT / f"freq_{code}.txt.gz").write_bytes(data)
        print(f"{code}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
