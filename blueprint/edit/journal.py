"""Edit operations as lines of JSON, so that crash recovery can replay every edit made since the last
full copy of a document (the editor appends one line per applied operation, undo and redo included).

Each operation is its class name and its fields, each field written through its type hint (a card as
the file writes it, a tuple as a list). Reading is strict: a line that is not exactly an operation
of a known class, with fields its types accept, raises `JournalError`; the operation itself then
checks, as always, that it fits the document (`EditError`).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from blueprint.edit.card_index import CardIndex
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import Operation, apply_op
from blueprint.model import Blueprint


class JournalError(ValueError):
    """A journal line that is not an operation this program knows."""


def _operation_classes() -> dict[str, type[Operation]]:
    found: dict[str, type[Operation]] = {}
    pending = list(Operation.__subclasses__())
    while pending:
        cls = pending.pop()
        found.setdefault(cls.__name__, cls)
        pending.extend(cls.__subclasses__())
    return found


def _holds_operations(hint: Any) -> bool:
    return hint is Operation or any(_holds_operations(arg) for arg in typing.get_args(hint))


@cache
def _fields(cls: type[Operation]) -> tuple[tuple[str, Any, TypeAdapter[Any] | None], ...]:
    """(name, type hint, adapter) of each field; no adapter for fields that hold operations."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            field.name,
            hints[field.name],
            None if _holds_operations(hints[field.name]) else TypeAdapter(hints[field.name]),
        )
        for field in dataclasses.fields(cls)
    )


def encode(op: Operation) -> dict[str, Any]:
    """A JSON-ready dict of `op`: {"op": class name, field: value, ...}."""
    cls = type(op)
    if _operation_classes().get(cls.__name__) is not cls:
        raise JournalError(f"{cls.__name__} is not an operation the journal can name")
    out: dict[str, Any] = {"op": cls.__name__}
    for name, _hint, adapter in _fields(cls):
        value = getattr(op, name)
        if adapter is None:
            out[name] = [encode(part) for part in value]
        else:
            out[name] = adapter.dump_python(value, mode="json")
    return out


def decode(raw: Any) -> Operation:
    """The operation `raw` (as `encode` made it) describes; `JournalError` for anything else."""
    if not isinstance(raw, dict) or not isinstance(raw.get("op"), str):
        raise JournalError("not an operation")
    cls = _operation_classes().get(raw["op"])
    if cls is None:
        raise JournalError(f"unknown operation {raw['op'][:60]!r}")
    fields = _fields(cls)
    unknown = set(raw) - {"op"} - {name for name, _, _ in fields}
    if unknown:
        raise JournalError(f"{cls.__name__} has no field {sorted(unknown)[0][:60]!r}")
    values: dict[str, Any] = {}
    try:
        for name, _hint, adapter in fields:
            if name not in raw:
                continue
            if adapter is None:
                if not isinstance(raw[name], list):
                    raise JournalError(f"{cls.__name__}.{name} is not a list of operations")
                values[name] = [decode(part) for part in raw[name]]
            else:
                values[name] = adapter.validate_python(raw[name])
        return cls(**values)
    except (ValidationError, TypeError) as error:
        raise JournalError(f"{cls.__name__}: {str(error).splitlines()[0][:200]}") from None


def to_line(op: Operation, **extra: Any) -> bytes:
    """One journal line (ASCII JSON and a newline); `extra` keys (such as the time) go beside the op."""
    return (json.dumps({**extra, **encode(op)}, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")


def from_line(line: bytes | str) -> tuple[Operation, dict[str, Any]]:
    """The operation of one journal line and the line's other keys."""
    try:
        raw = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise JournalError(f"not JSON ({error})") from None
    if not isinstance(raw, dict):
        raise JournalError("not an operation")
    extra = {key: raw[key] for key in ("t",) if key in raw}
    return decode({key: value for key, value in raw.items() if key not in extra}), extra


class ReplayStopped(Exception):
    """An operation of the journal did not fit the document: `applied` operations before it did."""

    def __init__(self, applied: int, reason: str) -> None:
        super().__init__(reason)
        self.applied = applied
        self.reason = reason


def replay(blueprint: Blueprint, ops: Iterable[Operation]) -> int:
    """Apply `ops` to `blueprint` in order; returns how many were applied.

    Raises `ReplayStopped` at the first one that does not fit. The blueprint may then hold part of that
    operation (a damaged journal can name anything): replay the `applied` ones on a fresh copy.
    """
    index = CardIndex(blueprint)
    applied = 0
    for op in ops:
        try:
            apply_op(op, blueprint, index)
        except EditError as error:
            raise ReplayStopped(applied, error.message) from None
        except Exception as error:  # an operation read from a damaged journal may fail in any way
            raise ReplayStopped(applied, f"{type(error).__name__}: {error}") from None
        applied += 1
    return applied
