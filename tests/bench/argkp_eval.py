"""ArgKP as packs, and the KPA 2021 shared task's track-1 metric (its current form).

Data: IBM Debater(R) ArgKP (Bar-Haim et al., ACL 2020), as used for the 2021 Key Point
Analysis shared task; CDLA-Sharing 1.0; see ../shared/argkp/README.md. Each motion becomes a
position (claim = the motion), pro key points its ``defend`` points and con key points its
``rebut`` points, each point's ``argument`` being the key point text and nothing else.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.packs.model import Pack


@dataclass(frozen=True)
class Argument:
    arg_id: str
    text: str
    topic: str
    stance: int  # 1 pro, -1 con


@dataclass(frozen=True)
class Split:
    """One split of ArgKP: arguments, key points by (topic, stance), labels."""

    arguments: tuple[Argument, ...]
    key_points: dict[tuple[str, int], list[tuple[str, str]]]
    labels: dict[tuple[str, str], int]
    topics: tuple[str, ...]


def load_split(folder: Path, name: str) -> Split:
    """Read ``arguments_/key_points_/labels_<name>.csv`` from ``folder``."""

    def rows(kind: str) -> list[dict[str, str]]:
        with open(folder / f"{kind}_{name}.csv", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    arguments = tuple(
        Argument(r["arg_id"], r["argument"], r["topic"], int(r["stance"]))
        for r in rows("arguments")
    )
    key_points: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for r in rows("key_points"):
        key_points[(r["topic"], int(r["stance"]))].append((r["key_point_id"], r["key_point"]))
    labels = {(r["arg_id"], r["key_point_id"]): int(r["label"]) for r in rows("labels")}
    topics = tuple(dict.fromkeys(a.topic for a in arguments))
    return Split(arguments, dict(key_points), labels, topics)


def position_id(split: Split, topic: str) -> str:
    return f"motion-{split.topics.index(topic)}"


def _point_id(kp_id: str) -> str:
    return kp_id.lower().replace(".", "-")


def to_pack(split: Split, name: str) -> Pack:
    """The split as one pack: a position per motion, a point per key point."""
    positions = []
    for topic in split.topics:
        position: dict[str, object] = {"id": position_id(split, topic), "claim": topic}
        for stance, key in ((1, "defend"), (-1, "rebut")):
            points = [
                {"id": _point_id(kp_id), "argument": text}
                for kp_id, text in split.key_points.get((topic, stance), [])
            ]
            if points:
                position[key] = {"points": points}
        positions.append(position)
    return Pack.model_validate(
        {"pack": 1, "id": f"argkp-{name}", "title": f"ArgKP {name}", "positions": positions}
    )


def kp_lookup(split: Split) -> dict[str, str]:
    """Point id in the pack -> ArgKP key point id."""
    return {_point_id(k): k for kps in split.key_points.values() for k, _ in kps}


Prediction = tuple[str, str, float]  # arg_id, key_point_id, score


def predict_with(split: Split, scorer: Callable[[str, str], float]) -> list[Prediction]:
    """Each argument paired with its best key point under a plain text scorer."""
    result = []
    for arg in split.arguments:
        best_id, best = "dummy_id", -math.inf
        for kp_id, text in split.key_points.get((arg.topic, arg.stance), []):
            value = scorer(arg.text, text)
            if value > best:
                best_id, best = kp_id, value
        result.append((arg.arg_id, best_id, best if best > -math.inf else 0.0))
    return result


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """scikit-learn's average_precision_score: step-wise, ties grouped per distinct score."""
    positives = sum(labels)
    if positives == 0:
        return 0.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ap = 0.0
    tp = fp = 0
    last_recall = 0.0
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            tp += labels[order[j]]
            fp += 1 - labels[order[j]]
            j += 1
        recall = tp / positives
        ap += (recall - last_recall) * (tp / (tp + fp))
        last_recall = recall
        i = j
    return ap


def mean_ap(split: Split, predictions: Iterable[Prediction]) -> tuple[float, float]:
    """(strict, relaxed) mAP over motion-stance groups, as the shared task's script does."""
    by_arg = {a.arg_id: a for a in split.arguments}
    groups: dict[tuple[str, int], list[tuple[float, int | None]]] = defaultdict(list)
    for arg_id, kp_id, score in predictions:
        arg = by_arg[arg_id]
        label = 0 if kp_id == "dummy_id" else split.labels.get((arg_id, kp_id))
        groups[(arg.topic, arg.stance)].append((score, label))
    strict, relaxed = [], []
    for rows in groups.values():
        # Stable sort by score (descending); keep the top half.
        kept = sorted(rows, key=lambda r: -r[0])[: len(rows) // 2]
        scores = [r[0] for r in kept]
        for fill, out in ((0, strict), (1, relaxed)):
            labels = [fill if r[1] is None else r[1] for r in kept]
            if not kept:
                out.append(0.0)
                continue
            ap = average_precision(labels, scores)
            out.append(ap * sum(labels) / len(kept))
    return sum(strict) / len(strict), sum(relaxed) / len(relaxed)


def predict_grader(
    split: Split, pack: Pack, grader_factory: Callable[[Pack], object], sharpen: bool
) -> list[Prediction]:
    """Each argument graded by the game's grader; its best point by confidence."""
    from game.grading.grader import Grader

    grader = grader_factory(pack)
    assert isinstance(grader, Grader)
    lookup = kp_lookup(split)
    if sharpen:
        for topic in split.topics:
            texts = [a.text for a in split.arguments if a.topic == topic]
            grader.add_answers(position_id(split, topic), texts)
    result = []
    for arg in split.arguments:
        stance = "defend" if arg.stance == 1 else "rebut"
        graded = grader.grade(arg.text, position_id(split, arg.topic), stance)
        best = max(graded.points, key=lambda p: p.confidence)
        result.append((arg.arg_id, lookup[best.point_id], best.confidence))
    return result
