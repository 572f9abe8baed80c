"""The JSON Schema of the pack format, generated from the model for editors.

Editors using the YAML language server check and autocomplete packs against
``content/pack.schema.json``; that server understands JSON Schema draft-07 only, so pydantic's
output (draft 2020-12 style) is rewritten: ``$defs`` becomes ``definitions``, a ``$ref`` with
sibling keywords moves into ``allOf`` (draft-07 ignores siblings of ``$ref``), and optional fields
lose their ``null`` alternative, because the loader never produces null (an empty value is
reported as empty, not as "absent"). ``python -m game.packs.schema`` prints it; ``make schema``
writes it.
"""

from __future__ import annotations

import json
from typing import Any

from game.packs.model import Pack

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def build_schema() -> dict[str, Any]:
    """The draft-07 JSON Schema of a pack, as a dict."""
    raw = Pack.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    definitions = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DRAFT_07, **raw}
    if definitions:
        schema["definitions"] = dict(sorted(definitions.items()))
    cleaned: dict[str, Any] = _clean(schema)
    return cleaned


def schema_text() -> str:
    """The schema as the committed file holds it: indented JSON ending in a newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def _clean(node: Any) -> Any:
    """Drop ``null`` alternatives and defaults, and turn reST ``code`` into Markdown."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _clean(value) for key, value in node.items()}
    options = out.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) != len(options):
            del out["anyOf"]
            if out.get("default", 0) is None:
                del out["default"]
            if len(kept) == 1:
                out = {**kept[0], **out}
            else:
                out["anyOf"] = kept
    for key in ("description", "title"):
        if isinstance(out.get(key), str):
            out[key] = out[key].replace("``", "`")
    if "$ref" in out and len(out) > 1:
        # Draft-07 ignores keywords beside $ref, so keep the descriptions reachable.
        out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
    return out


def main() -> int:
    """Print the schema (``make schema`` redirects it into ``content/pack.schema.json``)."""
    print(schema_text(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
