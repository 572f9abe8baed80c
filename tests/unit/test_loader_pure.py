"""Without libyaml, the pure-Python parser takes over: the same files get the same verdicts."""

from __future__ import annotations

import pytest
import yaml

import game.packs.safe_yaml
from game.packs.errors import PackError
from game.packs.loader import load_pack_text
from tests.unit.test_loader import BASE, edit
from tests.unit.test_loader_hostile import billion_laughs


@pytest.fixture(autouse=True)
def pure_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(game.packs.safe_yaml, "_LOADER", yaml.SafeLoader)


CASES = {
    "duplicate key": (edit(l3="id: again\ntitle: Demo pack"), 3, 1),
    "wrong type": (edit(l11="          weight: heavy"), 11, 19),
    "missing field": (edit(l6=""), 5, 5),
    "billion laughs": (billion_laughs(), 1, 5),
    "self alias": ("a: &x [*x]\n", 1, 4),
    "python tag": (edit(l6="    claim: !!python/object/apply:os.system ['true']"), 6, 12),
    "flow nesting": ("[" * 100_000 + "]" * 100_000, 1, 33),
    "block nesting": ("".join(" " * i + f"k{i}:\n" for i in range(2000)), 33, 33),
    "tab indentation": (edit(l6="\tclaim: A claim."), 6, 1),
    "unclosed quote": (edit(l6='    claim: "A claim.'), 6, 12),
    "escaped control": (edit(l6='    claim: "\\x1b[2J"'), 6, 12),
    "escaped surrogate": (edit(l6='    claim: "\\ud800"'), 6, 12),
    "two documents": (BASE + "---\npack: 1\n", 16, 1),
    "not a mapping": ("- a\n", 1, 1),
}


@pytest.mark.parametrize(("text", "line", "col"), CASES.values(), ids=CASES.keys())
def test_same_place_with_the_pure_python_parser(text: str, line: int, col: int) -> None:
    with pytest.raises(PackError) as caught:
        load_pack_text(text)
    first = caught.value.first
    assert (first.line, first.col) == (line, col), str(first)


def test_valid_pack_loads_the_same() -> None:
    assert load_pack_text(BASE).positions[0].rebut is not None
    assert load_pack_text(edit(l2="id: no", l3="title: 1.10")).title == "1.10"
