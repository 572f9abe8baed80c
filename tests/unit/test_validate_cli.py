"""``counterpoint validate`` and ``counterpoint packs`` as a user runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
PROBLEM_LINE = re.compile(r"^[^:]+:\d+:\d+: .+$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_valid_pack_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "validate", str(GOOD / "two-positions.yml"))
    assert code == 0 and err == ""
    assert lines == [
        f"{GOOD / 'two-positions.yml'}: ok: id 'fixture-two', 2 positions, 1 rebut point,"
        " 3 defend points"
    ]


def test_folder_validates_every_pack_in_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", str(GOOD))
    assert code == 0
    assert [line.split(": ok: ")[0] for line in lines] == [
        str(GOOD / "minimal.yaml"),
        str(GOOD / "two-positions.yml"),
    ]


def test_shipped_content_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    content = Path(__file__).resolve().parents[2] / "content"
    code, lines, _ = run(capsys, "validate", str(content))
    assert code == 0, lines
    assert any("ok: id 'school-uniforms', 3 positions" in line for line in lines)
    assert any(
        "uniformes-escolares.yaml: ok: id 'uniformes-escolares', 3 positions, 12 rebut points,"
        " 12 defend points" in line
        for line in lines
    )
    assert not any("warning:" in line for line in lines), lines


def test_invalid_pack_exits_1_with_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "many-problems.yaml"
    code, lines, err = run(capsys, "validate", str(path))
    assert code == 1 and err == ""
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{path}:2:5",
        f"{path}:11:19",
        f"{path}:12:11",
        f"{path}:13:5",
        f"{path}:13:9",
    ]
    assert lines[1].endswith("positions[0].rebut.points[0].weight: expected a number, got 'heavy'")
    assert lines[2].endswith("unknown field 'wieght'; did you mean 'weight'?")


def test_mixed_good_and_bad_exits_1_but_still_reports_the_good(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines, _ = run(
        capsys, "validate", str(GOOD / "minimal.yaml"), str(BAD / "unclosed-quote.yaml")
    )
    assert code == 1
    assert lines[0].endswith("ok: id 'fixture-minimal', 1 position, 1 rebut point, 0 defend points")
    assert lines[1] == (
        f"{BAD / 'unclosed-quote.yaml'}:3:8: this quoted text is never closed"
        " (missing closing quote)"
    )


def test_missing_path_and_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, lines, _ = run(capsys, "validate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert code == 1
    assert lines == [
        f"{tmp_path / 'nope.yaml'}: file not found",
        f"{tmp_path}: no pack files (*.yaml or *.yml) in this folder",
    ]


def test_terminal_escapes_in_a_pack_never_reach_the_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        'pack: 1\nid: evil\ntitle: "\\e]0;pwned\\a"\n"\\e[2J\\e]52;c;SGk=\\a": x\n'
        "positions:\n  - id: p\n    claim: c\n    rebut:\n      points:\n"
        "        - id: a\n          argument: b\n"
    )
    code, lines, _ = run(capsys, "validate", str(path))
    assert code == 1
    output = "\n".join(lines)
    assert "\x1b" not in output and "\x07" not in output
    assert f"{path}:3:8: title: contains the control character U+001B" in output
    assert f"{path}:4:1: unknown field" in output


def test_validate_accepts_the_common_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, _ = run(
        capsys, "validate", "--saves", str(tmp_path), "--packs", str(tmp_path), str(GOOD)
    )
    assert code == 0


@pytest.mark.parametrize("command", ["validate", "packs"])
def test_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "--packs" in capsys.readouterr().out


def test_packs_lists_good_and_broken(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "packs", "--packs", str(GOOD), "--packs", str(BAD))
    assert code == 0
    listed = [line.split()[0] for line in lines]
    assert {"school-uniforms", "fixture-minimal", "fixture-two"} <= set(listed)
    broken = [line for line in lines if line.startswith("BROKEN")]
    assert len(broken) == 3
    assert (
        f"BROKEN  {BAD / 'duplicate-key.yaml'}:4:1: duplicate key 'title' (first set at line 3)"
        in "\n".join(broken)
    )
    assert any("(and 4 more problems)" in line for line in broken)
    assert lines[-1].startswith("3 broken packs")


def test_packs_reads_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERPOINT_PACKS", str(GOOD))
    code, lines, _ = run(capsys, "packs")
    assert code == 0
    assert any(line.startswith("fixture-two ") for line in lines)
    assert any(str(GOOD / "minimal.yaml") in line for line in lines)


def test_the_authors_guide_example_is_valid_as_documented(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = (Path(__file__).resolve().parents[2] / "content" / "README.md").read_text()
    section = guide.split("## A complete small pack", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    documented = re.search(r"prints\n`(homework\.yaml: ok: [^`]+)`", section)
    assert documented is not None
    (tmp_path / "homework.yaml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, lines, _ = run(capsys, "validate", "homework.yaml")
    assert (code, lines) == (0, [documented.group(1)])


BIDI_PACK = (
    "pack: 1\nid: bidi\ntitle: Bidi\npositions:\n  - id: p\n"
    '    claim: "Access is granted \u202e\u2066// only to admins\u2069\u202c"\n'
    "    rebut:\n      points:\n        - id: a\n"
    '          argument: "An escaped one: \\u202E."\n'
)


def test_bidi_controls_are_warnings_with_their_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bidi.yaml"
    path.write_text(BIDI_PACK, encoding="utf-8")
    code, lines, _ = run(capsys, "validate", str(path))
    assert code == 0  # a warning, not a failure
    assert lines[0] == f"{path}: ok: id 'bidi', 1 position, 1 rebut point, 0 defend points"
    places = [line.split(": warning: ")[0] for line in lines[1:]]
    assert places == [
        f"{path}:6:31",
        f"{path}:6:32",
        f"{path}:6:50",
        f"{path}:6:51",
        f"{path}:10:38",
    ]
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in lines[1] and "Trojan Source" in lines[1]
    assert "escaped bidirectional control character U+202E" in lines[5]
    assert all("\u202e" not in line and "\u2066" not in line for line in lines)


def test_bidi_warnings_also_come_with_the_problems_of_a_broken_pack(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bidi.yaml"
    path.write_text(BIDI_PACK.replace("id: a", "id: A"), encoding="utf-8")
    code, lines, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert lines[0].startswith(f"{path}:6:31: warning: bidirectional")
    assert lines[-2].startswith(f"{path}:9:15: positions[0].rebut.points[0].id: 'A' is not")


def test_a_pack_id_used_by_two_files_is_a_problem_at_the_second_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text("# a copy\n\n" + (GOOD / "minimal.yaml").read_text(encoding="utf-8"))
    code, lines, _ = run(capsys, "validate", str(GOOD / "minimal.yaml"), str(copy))
    assert code == 1
    assert lines[0].startswith(f"{GOOD / 'minimal.yaml'}: ok: id 'fixture-minimal'")
    line = next(i for i, t in enumerate(copy.read_text().splitlines(), 1) if t.startswith("id:"))
    assert lines[1] == (
        f"{copy}:{line}:5: id: pack id 'fixture-minimal' is already used by"
        f" {GOOD / 'minimal.yaml'}; ids must differ"
    )


def test_the_same_file_twice_is_checked_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", str(GOOD / "minimal.yaml"), str(GOOD))
    assert code == 0
    assert len(lines) == 2  # minimal.yaml once, then two-positions.yml


def test_point_ids_left_by_new_pack_are_a_warning_until_renamed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The texts are written but the drafted ids remain: progress would be keyed by them.
    text = (
        "pack: 1\nid: cars\ntitle: Cars\npositions:\n  - id: p\n    claim: Ban cars.\n"
        "    rebut:\n      points:\n        - id: todo-rebut-1   # a comment\n"
        "          argument: Shops lose trade.\n"
        "    defend:\n      points:\n        - id: 'todo-defend-1'\n"
        "          argument: The air is cleaner.\n        - id: todo-list\n"
        "          argument: A point whose id merely starts with todo.\n"
    )
    path = tmp_path / "cars.yaml"
    path.write_text(text, encoding="utf-8")
    code, lines, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert lines[1] == (
        f"{path}:9:15: warning: 2 point ids still start with 'todo-' (left by new-pack); give"
        " each point an id that names its argument before anyone plays: saved progress is"
        " keyed by it"
    )
    renamed = text.replace("todo-rebut-1", "shops-lose").replace("'todo-defend-1'", "clean-air")
    path.write_text(renamed, encoding="utf-8")
    code, lines, _ = run(capsys, "validate", str(path))
    assert (code, len(lines)) == (0, 1)


def test_packs_keeps_the_problem_count_however_long_the_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = tmp_path / ("a-folder-with-a-long-name-" * 4) / "packs"
    deep.mkdir(parents=True)
    (deep / "many.yaml").write_bytes((BAD / "many-problems.yaml").read_bytes())
    code, lines, _ = run(capsys, "packs", "--packs", str(deep))
    assert code == 0
    broken = [line for line in lines if line.startswith("BROKEN")]
    assert len(broken) == 1
    assert broken[0].endswith("(and 4 more problems)")
