"""Speed of grading: a 300-word answer and a 5,000-word paste against a 10-point stance.

Prints median and p99 per answer, each beside one plain ``rapidfuzz.fuzz.token_set_ratio``
pass over the same answer against the same rubric text (the cheapest thing a grader could
do). Targets: p99 under 5 ms for 300 words, under 100 ms for 5,000 words, on 2 cores.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from rapidfuzz import fuzz, utils

from game.grading.grader import Grader
from game.packs.model import Pack

_TOPIC = "china beijing north korea pyongyang nuclear regime".split()
_GENERAL = (
    "people country time year way day world government life part case week company system "
    "program question work number night point home water room mother area money story fact "
    "month lot right study book eye job word business issue side kind head house service "
    "friend father power hour game line end member law car city community name president "
    "team minute idea kid body information back parent face others level office door health "
    "person art war history party result change morning reason research girl guy moment air "
    "teacher force education foot boy age policy process music market sense nation plan "
    "college interest death experience effect class control care field development role "
    "effort rate heart drug show leader light voice wife police mind price report decision "
    "make know think take see come want look use find give tell work call try ask need feel "
    "become leave put mean keep let begin seem help talk turn start show hear play run move "
    "like live believe hold bring happen write provide sit stand lose pay meet include "
    "continue set learn lead understand watch follow stop create speak read allow add spend "
    "grow open walk win offer remember love consider appear buy wait serve die send expect "
    "build stay fall cut reach kill remain suggest raise pass sell require report decide"
).split()
_FUNCTION = (
    "the a an of to in on for with that this is are was were will would can could should "
    "not because but although however therefore it they we he she its their more many"
).split()
_POINT_WORDS = [
    "buffer collapse refugees border troops flood".split(),
    "decades tests rein tolerated failed record".split(),
    "resents independence purged uncle orders leverage".split(),
    "bargaining chip rivalry washington trade tariffs".split(),
    "oil coal food imports supplies lifeline".split(),
    "sanctions enforcement smuggling loopholes leaky customs".split(),
    "missiles range guam alaska icbm warheads".split(),
    "summit singapore hanoi photo handshake theatre".split(),
    "allies seoul tokyo alliance guarantees bases".split(),
    "deterrent insurance libya gaddafi iraq survival".split(),
]


def _words(rng: random.Random, distinctive: list[str], n: int, share: float) -> list[str]:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < share:
            out.append(rng.choice(distinctive))
        elif r < share + 0.1:
            out.append(rng.choice(_TOPIC))
        elif r < share + 0.55:
            out.append(rng.choice(_FUNCTION))
        else:
            out.append(rng.choice(_GENERAL))
    return out


def _sentence(rng: random.Random, distinctive: list[str], share: float) -> str:
    words = _words(rng, distinctive, rng.randint(8, 22), share)
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", ";"])


def make_answer(rng: random.Random, words: int, dense: bool = False) -> str:
    """Sentences until ``words`` words: realistic (a few rubric words among ordinary ones) or
    dense (nearly every content word a rubric word: the worst case for the matcher)."""
    everything = [w for ws in _POINT_WORDS for w in ws]
    out: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng, everything, 0.45 if dense else 0.08)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def make_pack(rng: random.Random) -> Pack:
    """One position, 10 points a stance, each an argument plus 4 phrases (5 wordings)."""

    def stance(tag: str, offset: int) -> dict[str, object]:
        points = []
        for i in range(10):
            own = _POINT_WORDS[(i + offset) % 10]
            texts = [_sentence(rng, own, 0.3) for _ in range(5)]
            points.append({"id": f"{tag}-{i}", "argument": texts[0], "phrases": texts[1:]})
        return {"points": points}

    position = {
        "id": "p",
        "claim": "Beijing has every reason to keep its volatile ally North Korea in check.",
        "rebut": stance("r", 0),
        "defend": stance("d", 5),
    }
    return Pack.model_validate(
        {"pack": 1, "id": "bench", "title": "bench", "positions": [position]}
    )


def _time(fn: Callable[[str], object], inputs: list[str]) -> list[float]:
    fn(inputs[0])
    times = []
    for text in inputs:
        start = time.perf_counter()
        fn(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p99(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.99) - 1)]


def main() -> None:
    rng = random.Random(7)
    pack = make_pack(rng)
    position = pack.positions[0]
    rubric = position.rebut
    assert rubric is not None
    rubric_text = " ".join(t for p in rubric.points for t in (p.argument, *p.phrases))
    start = time.perf_counter()
    grader = Grader(pack)
    grader.index("p")
    print(f"index build (20 points x 5 wordings): {(time.perf_counter() - start) * 1000:.1f} ms")
    for words, runs, target, dense in (
        (300, 400, 5.0, False),
        (5000, 40, 100.0, False),
        (300, 200, 5.0, True),
        (5000, 20, 100.0, True),
    ):
        answers = [make_answer(rng, words, dense) for _ in range(runs)]
        graded = _time(lambda text: grader.grade(text, "p", "rebut"), answers)
        plain = _time(
            lambda text: fuzz.token_set_ratio(text, rubric_text, processor=utils.default_process),
            answers,
        )
        med, p99 = statistics.median(graded), _p99(graded)
        base = statistics.median(plain)
        kind = "dense (worst case)" if dense else "realistic"
        print(
            f"{words:>5}-word answer, {kind}: median {med:.2f} ms, p99 {p99:.2f} ms (target p99 <"
            f" {target:g} ms); one token_set_ratio pass: median {base:.2f} ms;"
            f" ratio {med / base:.1f}x"
        )


if __name__ == "__main__":
    main()
