"""The reader's limits written into the JSON Schema, and the rules a schema cannot say, written beside it.

The model's schema states each field's own rules (a title of at most 500 characters, an emotion from -2
to 2). The reader enforces more on every file (`limits.py`): any number within 10^12 either way, any
string within 100,000 characters, at most 100,000 cards. A file that passes a schema check should also
open, so the schema states those limits too; what JSON Schema cannot express (unique ids, references,
the size of the file) is listed in the root's `$comment`.
"""

from __future__ import annotations

from typing import Any

from blueprint.fileformat.limits import (
    MAX_COUNTS,
    MAX_FILE_BYTES,
    MAX_JSON_VALUES,
    MAX_NESTING_DEPTH,
    MAX_NUMBER,
    MAX_STRING_CHARS,
)

#: What the reader checks and a JSON Schema cannot express: told in the schema's root `$comment`.
UNSAID_RULES = (
    f"The file is UTF-8 text (a byte order mark is ignored) of at most {MAX_FILE_BYTES // 2**20} MB.",
    f"It nests at most {MAX_NESTING_DEPTH} levels deep and holds at most {MAX_JSON_VALUES:,} JSON values.",
    "No object gives a key twice, no string holds half a surrogate pair (a lone '\\ud800' escape), and no"
    " number is NaN, Infinity or too large for a double (1e400).",
    "Every id is unique across the file (functions, lanes, stages, steps, cards and links together).",
    "A card's lane, step and function, and a link's source and target, name elements of the file; a link"
    " never joins a card to itself.",
    f"The stages hold at most {MAX_COUNTS['steps']:,} steps together.",
    "Titles and names count their length once the spaces at their ends are trimmed (their pattern and"
    " maxLength say this only roughly).",
    "Times (metadata.created, metadata.modified) are ISO 8601 with a time zone.",
)


def with_reader_limits(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (changed in place and returned) stating the limits the reader enforces on every file:
    numbers within +-10^12, strings of at most 100,000 characters (an id's pattern bounds it already),
    the element counts."""
    _bound(schema)
    properties = schema.get("properties", {})
    for name, most in MAX_COUNTS.items():
        if name in properties and "maxItems" not in properties[name]:
            properties[name]["maxItems"] = most
    stage = schema.get("$defs", {}).get("Stage", {}).get("properties", {})
    if "steps" in stage:
        stage["steps"].setdefault("maxItems", MAX_COUNTS["steps"])
    schema["$comment"] = "Rules the reader also enforces, which JSON Schema cannot express: " + " ".join(
        UNSAID_RULES
    )
    return schema


def _bound(node: object) -> None:
    """Add the reader's number and string limits to every sub-schema that does not state stricter ones."""
    if isinstance(node, list):
        for item in node:
            _bound(item)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind in ("number", "integer"):
        node["maximum"] = min(node.get("maximum", MAX_NUMBER), MAX_NUMBER)
        node["minimum"] = max(node.get("minimum", -MAX_NUMBER), -MAX_NUMBER)
    elif kind == "string" and not {"enum", "const", "pattern"} & node.keys():
        node["maxLength"] = min(node.get("maxLength", MAX_STRING_CHARS), MAX_STRING_CHARS)
    for value in node.values():
        _bound(value)
