"""The journal of edit operations: every operation the editor applies (undo and redo included) is
written as one line, and replaying the lines on the document it started from gives the same file."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from random_edits import random_operation

from blueprint.edit import Document, EditError, Operation
from blueprint.edit.journal import JournalError, ReplayStopped, decode, encode, from_line, replay, to_line
from blueprint.fileformat import dumps, loads

from strategies import blueprints


@settings(max_examples=25)  # the random-edit test beside it covers the operations more widely
@given(st.data(), blueprints(max_cards=10))
def test_replaying_the_journal_of_random_edits_and_undos_gives_the_same_file(
    data: st.DataObject, blueprint
) -> None:
    start = dumps(blueprint)
    doc = Document(blueprint)
    lines: list[bytes] = []
    doc.record(lambda op: lines.append(to_line(op, t=1.0)))
    done: list[Operation] = []
    for n in range(data.draw(st.integers(1, 14))):
        if done and data.draw(st.booleans()):
            doc.apply(done.pop())  # undo: the inverse is journaled like any edit
            continue
        try:
            done.append(doc.apply(random_operation(data.draw, doc, n)))
        except EditError:
            continue  # a refused edit is not journaled
    assert all(line.endswith(b"\n") and line.count(b"\n") == 1 and line.isascii() for line in lines)
    again = loads(start)
    assert replay(again, (from_line(line)[0] for line in lines)) == len(lines)
    assert dumps(again) == dumps(doc.blueprint)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        {"op": 3},
        {"op": "Operation"},
        {"op": "NoSuchOp"},
        {"op": "SetCardFields"},  # fields missing
        {"op": "SetCardFields", "card_id": "c", "changes": {}, "extra": 1},
        {"op": "AddCard", "card": {"id": "bad id!", "lane": "l", "step": "s", "title": "T"}},
        {"op": "MoveCard", "card_id": "c", "lane_id": "l", "step_id": "s", "index": "first"},
        {"op": "Batch", "ops": "not a list"},
        {"op": "Batch", "ops": [{"op": "Nope"}]},
        {"op": "Restore", "steps": [["stage", 0]]},
    ],
)
def test_lines_that_are_not_operations_are_journal_errors(raw: object) -> None:
    with pytest.raises(JournalError):
        decode(raw)
    with pytest.raises(JournalError):
        from_line(json.dumps(raw))


@pytest.mark.parametrize("line", [b"", b"{", b"[" * 100_000, b"\xff", b'{"t": 1, "op": "Batch"'])
def test_broken_lines_are_journal_errors(line: bytes) -> None:
    with pytest.raises(JournalError):
        from_line(line)


def test_an_operation_that_does_not_fit_stops_the_replay_where_it_is() -> None:
    doc = loads(
        dumps(Document(loads('{"format": "service-blueprint", "version": 1, "title": "T"}')).blueprint)
    )
    ops = [
        decode({"op": "SetDocumentFields", "changes": {"title": "One"}}),
        decode({"op": "RemoveCards", "ids": ["missing"]}),
        decode({"op": "SetDocumentFields", "changes": {"title": "Three"}}),
    ]
    with pytest.raises(ReplayStopped) as stopped:
        replay(doc, ops)
    assert stopped.value.applied == 1 and "missing" in stopped.value.reason
    assert doc.title == "One"


def test_a_damaged_restore_stops_the_replay_instead_of_raising_anything_else() -> None:
    doc = loads('{"format": "service-blueprint", "version": 1, "title": "T"}')
    damaged = decode({"op": "Restore", "steps": [["no-such-stage", 0, {"id": "s", "name": "S"}]]})
    with pytest.raises(ReplayStopped) as stopped:
        replay(doc, [damaged])
    assert stopped.value.applied == 0


def test_encoding_names_the_class_and_every_field() -> None:
    op = decode({"op": "SetDocumentFields", "changes": {"title": "New"}, "text": "Rename"})
    assert encode(op) == {"op": "SetDocumentFields", "text": "Rename", "changes": {"title": "New"}}
