"""Every pack the game ships loads, grades its own examples as it says, and (for the op-ed
pack) covers the article's positions without reproducing the article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main
from game.packs.loader import load_pack
from game.packs.model import STANCES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "content").glob("*.yaml"))
OPED_PACK = ROOT / "content" / "nk-talks-2019.yaml"
# The article is kept beside the checkout (../shared), never inside it.
ARTICLE = ROOT.parent / "shared" / "seed" / "op-ed.txt"

# The ten positions of shared/seed/positions.md, under their fixed ids.
OPED_POSITIONS = (
    "no-denuclearization",
    "normalize-relations",
    "limit-not-eliminate",
    "hand-off-to-region",
    "risk-exposure",
    "allies-can-defend",
    "china-will-restrain",
    "stale-thinking",
    "pressure-backfires",
    "iran-undermines",
)
RUN = 12
"""The longest run of the article's words the pack may repeat outside quotes is RUN - 1."""


def test_content_has_the_shipped_packs() -> None:
    names = {p.name for p in SHIPPED}
    assert {"nk-talks-2019.yaml", "example-school-uniforms.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_pack_loads(path: Path) -> None:
    pack = load_pack(path)
    assert pack.positions


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_pack_passes_test_pack(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["test-pack", str(path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "FAIL" not in out
    assert re.search(r"^(\d+) of \1 examples passed; 0 failed$", out, re.M), out


def test_the_oped_pack_covers_every_position_in_both_stances() -> None:
    pack = load_pack(OPED_PACK)
    assert pack.id == "nk-talks-2019"
    ids = [p.id for p in pack.positions]
    assert set(OPED_POSITIONS) <= set(ids), set(OPED_POSITIONS) - set(ids)
    for position in pack.positions:
        assert position.claim and position.quote and position.context, position.id
        for stance in STANCES:
            rubric = position.stance(stance)
            assert rubric is not None, f"{position.id} has no {stance}"
            assert len(rubric.points) >= 6, f"{position.id} {stance}: {len(rubric.points)} points"
            for point in rubric.points:
                where = f"{position.id} {stance} {point.id}"
                assert len(point.phrases) >= 4, where
                assert point.explanation, where
                assert point.examples is not None, where
                assert len(point.examples.match) >= 2, where
                assert len(point.examples.miss) >= 1, where


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of the pack with where it is, except quotes and the source's title
    (the attribution must name the article)."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key == "quote" or where == "source.title":
                continue
            yield from _texts(value, where)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def _article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the op-ed is not beside the checkout ({ARTICLE}); it is never shipped")
    return ARTICLE.read_text(encoding="utf-8")


def test_no_run_of_the_article_outside_quotes() -> None:
    words = _words(_article())
    runs = {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    data = yaml.safe_load(OPED_PACK.read_text(encoding="utf-8"))
    copied = []
    for where, text in _texts(data):
        found = _words(text)
        for i in range(len(found) - RUN + 1):
            if tuple(found[i : i + RUN]) in runs:
                copied.append(f"{where}: {' '.join(found[i : i + RUN])}")
                break
    assert not copied, copied


def test_quotes_are_short_verbatim_sentences_of_the_article() -> None:
    article = " ".join(_words(_article()))
    for position in load_pack(OPED_PACK).positions:
        assert position.quote is not None
        words = _words(position.quote)
        assert len(words) < 25, position.id
        assert "\u2026" not in position.quote and "..." not in position.quote, position.id
        assert " ".join(words) in article, position.id
