"""How well the grader recognises a point said in other words, on human-labelled data.

Data: IBM Debater(R) ArgKP (Bar-Haim et al., "From Arguments to Key Points: Towards Automatic
Argument Summarization", ACL 2020), as used for the 2021 Key Point Analysis shared task;
released under CDLA-Sharing 1.0 by IBM (https://research.ibm.com/haifa/dept/vst/debating_data.shtml).
The folder comes from the ``ARGKP`` environment variable or the first argument (default
``../shared/argkp``); without it the bench says so and skips.

Each motion becomes a position, pro key points its ``defend`` points and con key points its
``rebut`` points (the key point text as ``argument``, nothing else), and every argument is
graded against its own stance; its best point by confidence is its prediction. The metric is
the shared task's current track-1 mAP (see ``argkp_eval.mean_ap``), strict and relaxed,
printed beside plain rapidfuzz scorers. Thresholds were tuned on train; dev is the report.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, utils

from game.grading.grader import Grader
from tests.bench.argkp_eval import load_split, mean_ap, predict_grader, predict_with, to_pack

_BASELINES: dict[str, Callable[..., float]] = {
    "token_set_ratio": fuzz.token_set_ratio,
    "partial_ratio": fuzz.partial_ratio,
    "WRatio": fuzz.WRatio,
}


def main(folder: str | None = None) -> None:
    data = Path(folder or os.environ.get("ARGKP") or "../shared/argkp")
    if not (data / "arguments_dev.csv").is_file():
        print(f"ArgKP data not found in {data} (set ARGKP=folder); skipped")
        return
    print("ArgKP mAP (shared task's current metric), strict / relaxed")
    for name in ("dev", "train"):
        split = load_split(data, name)
        pack = to_pack(split, name)
        print(f"  {name}: {len(split.arguments)} arguments, {len(split.topics)} motions")
        for label, sharpen in (("grader", False), ("grader + other answers' IDF", True)):
            start = time.perf_counter()
            predictions = predict_grader(split, pack, Grader, sharpen)
            seconds = time.perf_counter() - start
            strict, relaxed = mean_ap(split, predictions)
            each = seconds / len(split.arguments) * 1000
            print(f"    {label:<30} {strict:.3f} / {relaxed:.3f}   ({each:.2f} ms an argument)")
        for label, scorer in _BASELINES.items():
            predictions = predict_with(
                split, lambda a, b, f=scorer: f(a, b, processor=utils.default_process)
            )
            strict, relaxed = mean_ap(split, predictions)
            print(f"    {'plain ' + label:<30} {strict:.3f} / {relaxed:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
