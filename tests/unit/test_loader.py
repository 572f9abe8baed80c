"""The pack loader rejects every kind of bad pack with the exact line, column and field path."""

from __future__ import annotations

import pytest

from game.packs.errors import PackError, Problem
from game.packs.loader import load_pack_text

# Line numbers below refer to this pack; each test edits one or two lines of it.
BASE = """\
pack: 1
id: demo
title: Demo pack
positions:
  - id: first
    claim: A claim.
    rebut:
      points:
        - id: a
          argument: An argument.
          weight: 2
    defend:
      points:
        - id: b
          argument: Another argument.
"""


def edit(**lines: str) -> str:
    """BASE with line N replaced (``l6="..."``); an empty string deletes the line."""
    out = BASE.splitlines()
    for key, text in sorted(lines.items(), key=lambda kv: -int(kv[0][1:])):
        number = int(key[1:])
        if text:
            out[number - 1] = text
        else:
            del out[number - 1]
    return "\n".join(out) + "\n"


def problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(PackError) as caught:
        load_pack_text(text, name="demo.yaml")
    return caught.value.problems


def only(text: str | bytes) -> Problem:
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_the_base_pack_loads() -> None:
    pack = load_pack_text(BASE)
    assert pack.id == "demo"
    assert pack.positions[0].rebut is not None
    assert pack.positions[0].rebut.points[0].weight == 2.0


def test_problem_reads_file_line_col_path_message() -> None:
    problem = only(edit(l11="          weight: heavy"))
    assert str(problem) == (
        "demo.yaml:11:19: positions[0].rebut.points[0].weight: expected a number, got 'heavy'"
    )


# --- duplicate keys -------------------------------------------------------------------------


def test_duplicate_top_level_key_is_reported_at_the_second_one() -> None:
    problem = only(edit(l3="id: again\ntitle: Demo pack"))
    assert (problem.line, problem.col) == (3, 1)
    assert "duplicate key 'id' (first set at line 2)" in problem.message


def test_duplicate_nested_key_names_the_mapping() -> None:
    problem = only(edit(l11="          argument: Again."))
    assert (problem.line, problem.col, problem.path) == (11, 11, "positions[0].rebut.points[0]")
    assert "duplicate key 'argument' (first set at line 10)" in problem.message


def test_each_repeat_of_a_key_is_reported_once() -> None:
    found = problems(BASE + "source: {title: a}\nsource: {title: b}\nsource: {title: c}\n")
    assert [(p.line, p.message) for p in found] == [
        (17, "duplicate key 'source' (first set at line 16); keep only one"),
        (18, "duplicate key 'source' (first set at line 16); keep only one"),
    ]


def test_duplicate_keys_are_listed_with_schema_problems() -> None:
    found = problems(edit(l3="id: again\ntitle: Demo pack", l11="          weight: heavy"))
    assert [(p.line, p.message.split(" (")[0]) for p in found] == [
        (3, "duplicate key 'id'"),
        (12, "expected a number, got 'heavy'"),
    ]


# --- unknown fields, wrong types, missing fields --------------------------------------------


def test_unknown_field_suggests_the_close_one() -> None:
    problem = only(edit(l11="          wieght: 2"))
    assert (problem.line, problem.col, problem.path) == (11, 11, "positions[0].rebut.points[0]")
    assert problem.message == "unknown field 'wieght'; did you mean 'weight'?"


def test_unknown_field_with_no_close_match_lists_the_allowed_ones() -> None:
    problem = only(edit(l6="    claim: A claim.\n    colour: red"))
    assert (problem.line, problem.path) == (7, "positions[0]")
    assert "unknown field 'colour'; allowed here: id, claim, quote, context" in problem.message


def test_yaml_booleans_as_keys_are_just_unknown_fields() -> None:
    problem = only(BASE + "yes: a\n")
    assert (problem.line, problem.message) == (
        16,
        "unknown field 'yes'; allowed here: "
        + ("pack, id, title, language, description, license, source, positions"),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("    claim: [a, list]", (6, 12, "positions[0].claim", "expected text, got a list")),
        ("    claim: {a: b}", (6, 12, "positions[0].claim", "expected text, got a mapping")),
        (
            "    claim:\n      - one",
            (7, 7, "positions[0].claim", "expected text, got a list"),
        ),
    ],
)
def test_text_field_with_a_collection(line: str, expected: tuple[int, int, str, str]) -> None:
    problem = only(edit(l6=line))
    assert (problem.line, problem.col, problem.path, problem.message) == expected


def test_list_field_with_text() -> None:
    problem = only(edit(l11="          phrases: just one phrase"))
    assert (problem.line, problem.col) == (11, 20)
    assert problem.message == ("expected a list (lines starting with '- '), got 'just one phrase'")


def test_whole_number_and_range_checks() -> None:
    assert only(edit(l1="pack: one")).message == "expected a whole number, got 'one'"
    zero = only(edit(l11="          weight: 0"))
    assert (zero.line, zero.message) == (11, "must be greater than 0, got '0'")
    big = only(edit(l11="          weight: 11"))
    assert big.message == "must be at most 10, got '11'"
    assert only(edit(l11="          weight: inf")).message == "expected a finite number, got 'inf'"
    assert only(edit(l11="          weight: .inf")).message == "expected a number, got '.inf'"


def test_missing_field_is_reported_at_its_mapping() -> None:
    problem = only(edit(l6=""))
    assert (problem.line, problem.col, problem.path) == (5, 5, "positions[0]")
    assert problem.message == "required field 'claim' is missing"


def test_missing_top_level_field() -> None:
    problem = only(edit(l3=""))
    assert (problem.line, problem.col, problem.path) == (1, 1, "")
    assert problem.message == "required field 'title' is missing"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("''", "is empty; write a value or remove the line"),
        ("'   '", "must not be empty"),
        ("~", "is empty (~); remove the line or write a value"),
        ("'?!'", "has no letters or digits"),
    ],
)
def test_empty_reference_texts(value: str, message: str) -> None:
    problem = only(edit(l10=f"          argument: {value}"))
    assert (problem.line, problem.path) == (10, "positions[0].rebut.points[0].argument")
    assert problem.message == message


def test_empty_phrases_are_refused_one_by_one() -> None:
    found = problems(edit(l11="          phrases: ['', '  ', ~, fine]"))
    assert [(p.line, p.path) for p in found] == [
        (11, "positions[0].rebut.points[0].phrases[0]"),
        (11, "positions[0].rebut.points[0].phrases[1]"),
        (11, "positions[0].rebut.points[0].phrases[2]"),
    ]


def test_long_text_names_the_limit() -> None:
    problem = only(edit(l3="title: " + "x" * 5000))
    assert problem.message == "is too long: 5,000 characters; the limit is 300"


def test_empty_value_is_not_silently_null() -> None:
    problem = only(edit(l6="    claim:"))
    assert (problem.line, problem.path) == (6, "positions[0].claim")
    assert problem.message.startswith("is empty")


# --- YAML 1.1 surprises ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "no",
        "NO",
        "on",
        "yes",
        "null",
        "1.10",
        "1:20",
        "190:20:30",
        "0755",
        "012",
        "2001-12-14",
        "1e3",
        "1.0e+3",
        "0x1F",
        ".inf",
        "true",
    ],
)
def test_plain_scalars_stay_exactly_what_the_author_typed(typed: str) -> None:
    pack = load_pack_text(edit(l3=f"title: {typed}", l6=f"    claim: {typed}"))
    assert pack.title == typed
    assert pack.positions[0].claim == typed


@pytest.mark.parametrize("slug", ["no", "yes", "on", "off", "y", "n", "null", "012", "1e3"])
def test_ids_that_yaml_1_1_would_turn_into_other_types(slug: str) -> None:
    pack = load_pack_text(edit(l2=f"id: {slug}", l5=f"  - id: {slug}"))
    assert pack.id == slug
    assert pack.positions[0].id == slug


def test_numbers_written_as_text_still_convert() -> None:
    pack = load_pack_text(edit(l1='pack: "1"', l11="          weight: 1.50"))
    assert pack.pack == 1
    assert pack.positions[0].rebut is not None
    assert pack.positions[0].rebut.points[0].weight == 1.5


# --- ids, stances, points -------------------------------------------------------------------


def test_duplicate_position_ids() -> None:
    text = BASE + "  - id: first\n    claim: Again.\n    defend:\n      points:\n"
    text += "        - id: c\n          argument: Yes.\n"
    problem = only(text)
    assert (problem.line, problem.col, problem.path) == (16, 9, "positions[1].id")
    assert problem.message == "position id 'first' is already used at line 5"


def test_duplicate_point_ids_within_a_stance() -> None:
    text = edit(l11="          weight: 2\n        - id: a\n          argument: Same id.")
    problem = only(text)
    assert (problem.line, problem.path) == (12, "positions[0].rebut.points[1].id")
    assert problem.message == "point id 'a' is already used in this position at line 9"


def test_duplicate_point_ids_across_stances() -> None:
    problem = only(edit(l14="        - id: a"))
    assert (problem.line, problem.path) == (14, "positions[0].defend.points[0].id")
    assert "at line 9" in problem.message


@pytest.mark.parametrize("bad", ["Bad Id", "UPPER", "-dash-first", "a/b", "../../etc/x", "x" * 65])
def test_ids_must_be_lowercase_slugs(bad: str) -> None:
    problem = only(edit(l5=f"  - id: '{bad}'"))
    assert (problem.line, problem.col, problem.path) == (5, 9, "positions[0].id")
    assert "is not a valid id: use 1-64 lowercase letters" in problem.message


def test_position_without_a_stance() -> None:
    problem = only("\n".join(BASE.splitlines()[:6]) + "\n")
    assert (problem.line, problem.col, problem.path) == (5, 5, "positions[0]")
    assert problem.message == "a position needs at least one stance: 'rebut' or 'defend'"


def test_stance_with_no_points() -> None:
    problem = only(edit(l8="      points: []", l9="", l10="", l11=""))
    assert (problem.line, problem.col, problem.path) == (8, 15, "positions[0].rebut.points")
    assert problem.message == "needs at least 1 item, has 0"


def test_stance_left_empty() -> None:
    problem = only(edit(l7="    rebut:", l8="", l9="", l10="", l11=""))
    assert (problem.line, problem.path) == (7, "positions[0].rebut")
    assert problem.message.startswith("expected a mapping with fields such as points")


def test_a_stance_mapping_without_points() -> None:
    problem = only(edit(l7="    rebut: {}", l8="", l9="", l10="", l11=""))
    assert (problem.line, problem.path) == (7, "positions[0].rebut")
    assert problem.message == "required field 'points' is missing"


def test_newer_pack_version_says_so_and_nothing_else() -> None:
    problem = only(edit(l1="pack: 2", l3="title: Demo\nnew_field: something newer"))
    assert (problem.line, problem.col, problem.path) == (1, 7, "pack")
    assert "format version 2, but this game reads up to version 1; update Counterpoint" in (
        problem.message
    )


@pytest.mark.parametrize("version", ["3", "0002", "99999999999", "9" * 5000])
def test_any_newer_version_number(version: str) -> None:
    problem = only(edit(l1=f"pack: {version}"))
    assert (problem.line, problem.path) == (1, "pack")
    assert problem.message.startswith(f"this pack uses format version {version.lstrip('0')[:20]},")


def test_every_schema_problem_is_listed_in_file_order() -> None:
    text = edit(
        l2="id: Not A Slug",
        l6="    claim: [x]",
        l11="          weight: heavy\n          wieght: 2",
    )
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [
        (2, "id"),
        (6, "positions[0].claim"),
        (11, "positions[0].rebut.points[0].weight"),
        (12, "positions[0].rebut.points[0]"),
    ]


def test_problems_of_a_broken_position_and_a_duplicate_id_come_together() -> None:
    text = edit(l11="          weight: heavy")
    text += "  - id: first\n    claim: Again.\n"
    found = problems(text)
    assert [(p.line, p.path) for p in found] == [
        (11, "positions[0].rebut.points[0].weight"),
        (16, "positions[1]"),
        (16, "positions[1].id"),
    ]


def test_field_paths_quote_odd_keys() -> None:
    unknown, duplicate = problems(BASE + '"a b\\nc":\n  x: 1\n  x: 2\n')
    assert unknown.message.startswith("unknown field 'a b\\nc'")
    assert (duplicate.line, duplicate.path) == (18, "['a b\\nc']")
    assert "\n" not in str(unknown) + str(duplicate)
