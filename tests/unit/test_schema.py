"""The committed JSON Schema is current, valid draft-07, and accepts every shipped pack."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.packs.loader import load_pack_data
from game.packs.schema import DRAFT_07, build_schema, schema_text
from tests.unit.test_loader import BASE, edit

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
SHIPPED = sorted(CONTENT.glob("*.yaml")) + sorted(CONTENT.glob("*.yml"))
FIXTURES = sorted((REPO / "tests" / "fixtures" / "packs" / "good").iterdir())


def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((CONTENT / "pack.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def as_editor_sees(text: str) -> dict[str, Any]:
    return load_pack_data(text, typed=True)


def test_committed_schema_is_current() -> None:
    committed = (CONTENT / "pack.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "content/pack.schema.json is stale: run `make schema` and commit the result"
    )


def test_schema_is_valid_draft_07() -> None:
    schema = build_schema()
    assert schema["$schema"] == DRAFT_07
    jsonschema.Draft7Validator.check_schema(schema)


def test_schema_uses_only_draft_07_references() -> None:
    text = schema_text()
    assert "$defs" not in text
    refs = [line for line in text.splitlines() if '"$ref"' in line]
    assert refs and all('"#/definitions/' in line for line in refs)
    schema = build_schema()
    for ref in (line.split('"#/definitions/')[1].split('"')[0] for line in refs):
        assert ref in schema["definitions"]


def test_schema_carries_descriptions_from_the_model() -> None:
    point = build_schema()["definitions"]["Point"]
    assert point["properties"]["weight"]["description"] == (
        "How much the point counts towards the score."
    )


def test_there_are_shipped_packs() -> None:
    names = {path.name for path in SHIPPED}
    assert {"example-school-uniforms.yaml", "uniformes-escolares.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED + FIXTURES, ids=lambda p: p.name)
def test_shipped_and_fixture_packs_pass_the_schema(path: Path) -> None:
    data = as_editor_sees(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    "text",
    [
        edit(l11="          wieght: 2"),  # unknown field
        edit(l11="          weight: heavy"),  # wrong type
        edit(l5="  - id: Not A Slug"),  # bad id
        "\n".join(BASE.splitlines()[:6]) + "\n",  # position with no stance
        edit(l8="      points: []", l9="", l10="", l11=""),  # stance with no points
        edit(l1="pack: 2"),  # newer format
        edit(l6=""),  # missing claim
    ],
)
def test_schema_flags_what_the_loader_refuses(text: str) -> None:
    assert list(validator().iter_errors(as_editor_sees(text)))
