"""The text of a whole document for a recovery copy's base, made a piece at a time.

It runs on a worker thread while the designer goes on editing, so it never holds the interpreter for
long: each element is turned into JSON on its own (one call for the whole document would keep the
editor's thread waiting for as long as it takes, seconds for a very large blueprint). The text is
compact JSON that the file reader reads like any `.blueprint` file.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from blueprint.fileformat.writer import canonical
from blueprint.model import Blueprint


def _list_fields(doc: Blueprint) -> list[str]:
    return [name for name in type(doc).model_fields if isinstance(getattr(doc, name), list)]


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def document_bytes(doc: Blueprint) -> bytes:
    """Compact JSON text of `doc` (a snapshot: nothing else may change it meanwhile)."""
    lists = _list_fields(doc)
    head = canonical(doc.model_copy(update={name: [] for name in lists}))
    parts: list[bytes] = []
    first = True
    for name, value in head.items():
        parts.append(b"{" if first else b",")
        first = False
        parts.append(_json(name) + b":")
        if name in lists:
            items: list[BaseModel] = getattr(doc, name)
            parts.append(b"[")
            parts.append(b",".join(_json(item.model_dump(mode="json", by_alias=True)) for item in items))
            parts.append(b"]")
        else:
            parts.append(_json(value))
    parts.append(b"}")
    return b"".join(parts)
