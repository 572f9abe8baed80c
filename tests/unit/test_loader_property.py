"""Whatever text the loader is given, it returns a Pack or raises PackError, never anything else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.packs.errors import PackError
from game.packs.loader import load_pack_text
from game.packs.model import Pack
from tests.unit.test_loader import BASE

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

# Characters that mean something to YAML, plus some that must be refused.
_HOSTILE = list(":-[]{},&*!|>'\"#%@`?\t\n ~.0\\") + ["\x00", "\x1b", "\ufeff", "\u2028", "é"]


def check(text: str | bytes) -> None:
    """The loader's whole contract: a Pack, or a PackError with well-formed problems."""
    try:
        result = load_pack_text(text, name="fuzz.yaml")
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            line = str(problem)
            assert line.startswith("fuzz.yaml:")
            assert "\n" not in line and "\x1b" not in line
            assert problem.line >= 1 and problem.col >= 1
    else:
        assert isinstance(result, Pack)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    check(text)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(_HOSTILE + list("abc")), max_size=200))
def test_random_yaml_punctuation(text: str) -> None:
    check(text)


@st.composite
def mutated_pack(draw: st.DrawFn) -> str:
    """BASE with a few random edits: deletions, insertions, duplicated or swapped lines."""
    text = BASE
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "dup-line", "swap-lines"]))
        at = draw(st.integers(0, len(text)))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.text(st.sampled_from(_HOSTILE), max_size=5)) + text[at:]
        elif kind == "replace" and at < len(text):
            text = text[:at] + draw(st.sampled_from(_HOSTILE)) + text[at + 1 :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if kind == "dup-line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@settings(FUZZ, max_examples=400)
@given(mutated_pack())
def test_mutated_valid_pack(text: str) -> None:
    check(text)


@FUZZ
@given(mutated_pack())
def test_mutated_valid_pack_as_bytes(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))
