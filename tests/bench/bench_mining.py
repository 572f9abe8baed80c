"""How long ``counterpoint mine`` takes over a class's worth of saved answers, and drafting.

Answers are built from the Spanish pack's own phrases and examples, shuffled and cut, so they
look like real answers of mixed quality. Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.grading.grader import Grader
from game.packs.article import position_sentences
from game.packs.loader import load_pack
from game.progress.mining import mine
from game.progress.models import Attempt
from game.progress.store import Store

PACK = Path(__file__).resolve().parents[2] / "content" / "uniformes-escolares.yaml"
ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "phones-in-class.txt"


def _answers(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    pack = load_pack(PACK)
    pool: dict[tuple[str, str], list[str]] = {}
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            for point in rubric.points:
                texts = [point.argument, *point.phrases]
                if point.examples:
                    texts += point.examples.match + point.examples.miss
                pool.setdefault((position.id, stance), []).extend(texts)
    keys = sorted(pool)
    out = []
    for _ in range(count):
        position_id, stance = rng.choice(keys)
        words = " ".join(rng.sample(pool[(position_id, stance)], 3)).split()
        cut = rng.randint(8, len(words))
        out.append((position_id, stance, " ".join(words[:cut]) + "."))
    return out


def main() -> None:
    rng = random.Random(7)
    pack = load_pack(PACK)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder))
        start = datetime(2025, 1, 1, tzinfo=UTC)
        for i, (position_id, stance, answer) in enumerate(_answers(2000, rng)):
            store.record_attempt(
                Attempt(
                    f"p{i % 30}", pack.id, "h", position_id, stance, answer, 0, (), 30.0,
                    None, start + timedelta(minutes=i),
                )
            )  # fmt: skip
        history = store.history(pack_id=pack.id, answers=True)
        store.close()
    for size in (200, 2000):
        grader = Grader(pack)
        begin = time.perf_counter()
        report = mine(history[:size], grader)
        took = time.perf_counter() - begin
        candidates = sum(g.total for g in report.groups)
        print(
            f"mine: {size} saved answers in {took:.2f} s ({1000 * took / size:.2f} ms each);"
            f" {candidates} candidates, {len(report.near_misses)} near-missed points"
        )
    article = ARTICLE.read_text(encoding="utf-8")
    words = article.split()
    distinct = " ".join(f"{' '.join(rng.sample(words, 12))} should {i}." for i in range(9000))
    shapes = {
        "the fixture article x 200": article * 200,
        "9,000 distinct sentences in one paragraph": distinct,
        "a million dots": "." * 1_000_000,
        "'Mr. ' x 240,000": "Mr. " * 240_000,
        "one 1 MB sentence": "we must act " * 83_000,
    }
    for name, text in shapes.items():
        begin = time.perf_counter()
        picked = position_sentences(text, limit=10)
        took = time.perf_counter() - begin
        print(f"new-pack: {name} ({len(text):,} chars) scanned in {took:.2f} s, {len(picked)} kept")
