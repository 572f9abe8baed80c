"""Hostile and broken files: each is refused with one clear problem at the exact place."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from game.packs.errors import PackError, Problem
from game.packs.loader import MAX_BYTES, MAX_NODES, content_hash, load_pack, load_pack_text
from tests.unit.test_loader import BASE, edit

REPO = Path(__file__).resolve().parents[2]


def only(text: str | bytes) -> Problem:
    with pytest.raises(PackError) as caught:
        load_pack_text(text, name="hostile.yaml")
    found = caught.value.problems
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def where(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.col


# --- YAML syntax ------------------------------------------------------------------------------


def test_tab_indentation() -> None:
    problem = only(edit(l6="\tclaim: A claim."))
    assert where(problem) == (6, 1)
    assert problem.message == "a tab is used for indentation; YAML needs spaces"


def test_tab_inside_text_is_fine() -> None:
    pack = load_pack_text(edit(l6='    claim: "a\tb"'))
    assert pack.positions[0].claim == "a\tb"


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote_points_at_the_opening_quote(quote: str) -> None:
    problem = only(edit(l6=f"    claim: {quote}A claim."))
    assert where(problem) == (6, 12)
    assert problem.message == "this quoted text is never closed (missing closing quote)"


def test_colon_in_plain_text_gets_a_hint() -> None:
    problem = only(edit(l6="    claim: Note: this breaks"))
    assert where(problem) == (6, 16)  # the colon after "Note"
    assert "put quotes around text that contains ': '" in problem.message


def test_bad_indentation_is_a_syntax_error_at_its_line() -> None:
    problem = only(edit(l10="         argument: An argument."))
    assert problem.line == 10
    assert problem.message.startswith("YAML syntax error:")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "\ufeff", "---\n"])
def test_empty_file(text: str) -> None:
    problem = only(text)
    assert where(problem) == (1, 1)
    assert problem.message == "the file is empty; a pack starts with 'pack: 1'"


@pytest.mark.parametrize(
    ("text", "got"), [("- a\n- b\n", "a list"), ("just text\n", "the text 'just text'")]
)
def test_top_level_must_be_a_mapping(text: str, got: str) -> None:
    problem = only(text)
    assert where(problem) == (1, 1)
    assert problem.message == (
        f"the top level must be a mapping of fields (pack, id, title, positions), not {got}"
    )


def test_multiple_documents_point_at_the_second() -> None:
    problem = only(BASE + "---\npack: 1\n")
    assert where(problem) == (16, 1)
    assert problem.message.startswith("a pack is one YAML document")


def test_collection_as_key() -> None:
    problem = only(BASE + "? [a, b]\n: c\n")
    assert where(problem) == (16, 3)
    assert problem.message == "keys must be plain text, not a list or mapping"


# --- aliases, tags, nesting, size -----------------------------------------------------------


def billion_laughs(levels: int = 10) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    problem = only(billion_laughs())
    assert where(problem) == (1, 5)
    assert problem.message == "anchors (&a0) and aliases are not allowed in packs"


def test_self_referencing_alias() -> None:
    problem = only("a: &x [*x]\n")
    assert where(problem) == (1, 4)
    assert "anchors (&x) and aliases are not allowed" in problem.message


def test_alias_to_a_scalar_anchor_defined_in_the_pack() -> None:
    problem = only(edit(l3="title: &t Demo", l6="    claim: *t"))
    assert where(problem) == (3, 8)


@pytest.mark.parametrize("n", [1000, 5000, 100_000])
def test_deep_flow_nesting(n: int) -> None:
    problem = only("[" * n + "]" * n)
    assert where(problem) == (1, 33)
    assert problem.message == "nested deeper than 32 levels"


def test_deep_block_nesting() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(2000))
    problem = only(text)
    assert where(problem) == (33, 33)
    assert problem.message == "nested deeper than 32 levels"


def test_deep_nesting_inside_a_pack_field() -> None:
    problem = only(edit(l6="    claim: " + "[" * 40 + "]" * 40))
    assert problem.line == 6
    assert problem.message == "nested deeper than 32 levels"


def test_too_many_values() -> None:
    text = "[" + ",".join(["a"] * (MAX_NODES + 1)) + "]"
    problem = only(text)
    assert problem.line == 1
    assert "too many values" in problem.message


def test_over_the_size_cap_names_cap_and_size(tmp_path: Path) -> None:
    big = b"pack: 1\n" + b"#" * MAX_BYTES
    message = f"the file is {len(big):,} bytes (5.0 MB); packs are limited to 5 MB"
    assert only(big).message.startswith(message)
    path = tmp_path / "big.yaml"
    path.write_bytes(big)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}: {message} ({MAX_BYTES:,} bytes)"


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {canary}']",
        "!!python/object/new:os.system ['touch {canary}']",
        "!!python/name:os.system",
        "!!python/object/apply:subprocess.check_output [['touch', '{canary}']]",
    ],
)
def test_python_tags_never_run_anything(tmp_path: Path, tagged: str) -> None:
    canary = tmp_path / "canary"
    problem = only(edit(l6="    claim: " + tagged.format(canary=canary)))
    assert where(problem) == (6, 12)
    assert problem.message.startswith("explicit tags such as '!!python/")
    assert not canary.exists()


@pytest.mark.parametrize("tag", ["!!int", "!!binary", "!custom", "!!map"])
def test_any_other_tag_is_refused(tag: str) -> None:
    problem = only(edit(l3=f"title: {tag} 12"))
    assert where(problem) == (3, 8)
    assert problem.message.startswith("explicit tags")


def test_the_default_string_tag_is_harmless() -> None:
    assert load_pack_text(edit(l3="title: !!str 12")).title == "12"


# --- encodings and characters ---------------------------------------------------------------


def test_not_utf8_points_at_the_byte() -> None:
    data = edit(l3="title: caf\u00e9 au lait").encode("latin-1")
    problem = only(data)
    assert where(problem) == (3, 11)
    assert problem.message == "not valid UTF-8 (byte 0xE9); save the file as UTF-8"


def test_windows_1252_smart_quotes() -> None:
    problem = only(edit(l6="    claim: \u201cquoted\u201d").encode("cp1252"))
    assert where(problem) == (6, 12)


def test_utf16_is_refused_with_advice() -> None:
    problem = only(BASE.encode("utf-16"))
    assert problem.message == "the file is UTF-16; save it as UTF-8"


def test_utf8_bom_is_accepted() -> None:
    assert load_pack_text(b"\xef\xbb\xbf" + BASE.encode()).id == "demo"


def test_crlf_line_endings_are_accepted_and_lines_still_count() -> None:
    assert load_pack_text(BASE.replace("\n", "\r\n")).id == "demo"
    problem = only(edit(l11="          weight: heavy").replace("\n", "\r\n"))
    assert where(problem) == (11, 19)


@pytest.mark.parametrize("char", ["\x1b", "\x00", "\x07", "\x7f", "\x9b", "\x85"])
def test_raw_control_characters(char: str) -> None:
    problem = only(edit(l6=f"    claim: bad{char}text"))
    assert where(problem) == (6, 15)
    assert problem.message == (
        f"control character U+{ord(char):04X} is not allowed; only tabs and newlines are"
    )


@pytest.mark.parametrize(
    ("escaped", "code"),
    [("\\x1b[2J", "001B"), ("\\e]52;c;SGk=\\a", "001B"), ("\\u009b31m", "009B"), ("\\0", "0000")],
)
def test_escaped_control_characters(escaped: str, code: str) -> None:
    problem = only(edit(l6=f'    claim: "bad {escaped}"'))
    assert (problem.line, problem.path) == (6, "positions[0].claim")
    assert problem.message.startswith(f"contains the control character U+{code} at character 5")


def test_escaped_lone_surrogate() -> None:
    problem = only(edit(l6='    claim: "bad \\ud800"'))
    assert problem.line == 6
    assert "lone surrogate" in problem.message


def test_lone_surrogate_in_text_given_as_str() -> None:
    problem = only(edit(l6="    claim: bad \ud800"))
    assert where(problem) == (6, 16)
    assert problem.message.startswith("lone surrogate U+D800")


# --- files ------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "nope.yaml")
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}: file not found"


def test_folder_named_like_a_pack(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(PackError, match="is a folder, not a pack file"):
        load_pack(tmp_path / "x.yaml")


def test_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.yaml"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with pytest.raises(PackError, match=r"2,147,483,648 bytes \(2147\.5 MB\); packs are limited"):
        load_pack(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PackError, match="is not a regular file"):
        load_pack(fifo)


def test_device_is_refused() -> None:
    with pytest.raises(PackError, match="is not a regular file"):
        load_pack(Path("/dev/zero"))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(BASE)
    path.chmod(0)
    with pytest.raises(PackError, match="permission denied"):
        load_pack(path)


def test_a_good_file_loads_and_hashes(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(BASE)
    assert load_pack(path).id == "demo"
    assert content_hash(BASE.encode()) == hashlib.sha256(BASE.encode()).hexdigest()


# --- the code itself ------------------------------------------------------------------------

_UNSAFE = re.compile(
    r"yaml\.(?:unsafe_load|full_load)(?:_all)?\s*\(|\bFullLoader\b|\bUnsafeLoader\b|\bCLoader\b"
    r"|Loader\s*=\s*(?:yaml\.)?Loader\b"
)
_LOAD_CALL = re.compile(r"yaml\.load(?:_all)?\s*\(")
_SAFE = re.compile(r"\bC?SafeLoader\b")


def unsafe_lines(text: str) -> list[int]:
    """Line numbers that load YAML with a loader able to build arbitrary objects."""
    return [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if _UNSAFE.search(line) or (_LOAD_CALL.search(line) and not _SAFE.search(line))
    ]


def test_the_unsafe_yaml_check_catches_unsafe_calls() -> None:
    bad = [
        "yaml.load(text)",
        "yaml.load(text, Loader=yaml.Loader)",
        "yaml.load(text, Loader=yaml.FullLoader)",
        "yaml.unsafe_load(text)",
        "yaml.full_load_all(text)",
        "from yaml import UnsafeLoader",
        "yaml.load_all(stream, Loader=Loader)",
    ]
    good = ["yaml.safe_load(text)", "yaml.load(text, Loader=yaml.CSafeLoader)", "load_pack(path)"]
    assert unsafe_lines("\n".join(bad + good)) == list(range(1, len(bad) + 1))


def test_no_unsafe_yaml_loading_anywhere_in_the_game() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "game").rglob("*.py"))
        for number in unsafe_lines(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "load YAML with safe loaders only: " + ", ".join(offenders)
