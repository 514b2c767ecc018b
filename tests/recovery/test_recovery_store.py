"""The Qt-free store of recovery copies: a base and a journal of edits per document, published by an
envelope; orphans found by their released lock; private files; large documents and odd file names."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from recovery_folders import dead, write_copy

from blueprint.edit import SetCardFields, SetDocumentFields
from blueprint.edit.journal import to_line
from blueprint.fileformat import BlueprintFileError, atomic, dumps, save
from blueprint.fileformat import limits as limits_module
from blueprint.fileformat.limits import FILE_LIMITS, SizeLimits
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore, UnreadableCopy, new_key
from blueprint.recovery.copy import read_envelope

from builders import blueprint_with, card


def test_a_written_copy_is_listed_with_its_path_time_and_document(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    key = new_key()
    when = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)
    store.write(key, tmp_path / "trip.blueprint", dumps(Blueprint(title="Unsaved")), now=when)
    [copy] = store.copies()
    assert copy.key == key
    assert copy.original_path == tmp_path / "trip.blueprint"
    assert copy.saved_at == when
    assert copy.document().title == "Unsaved"
    assert copy.shown_name == "trip.blueprint"


def test_the_journal_is_replayed_on_the_base_and_its_last_edit_dates_the_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    doc = blueprint_with(cards=[card("c1", "customer", 0, "Orders")])
    write_copy(store, doc, tmp_path / "trip.blueprint", SetDocumentFields({"title": "One"}))
    key = store.copies()[0].key
    fd = store.open_journal(key, 1, keep_bytes=store.journal_path(key, 1).stat().st_size)
    late = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    os.write(fd, to_line(SetCardFields("c1", {"title": "Typed"}), t=late.timestamp()))
    os.write(fd, b'{"t": 1, "op": "SetDocumentFi')  # the line being written when the editor died
    os.close(fd)
    [copy] = dead(store).orphans()
    recovered = copy.read()
    assert (recovered.blueprint.title, recovered.blueprint.cards[0].title) == ("One", "Typed")
    assert recovered.edits == 2 and recovered.problem is None
    assert recovered.journal_bytes == store.journal_path(key, 1).read_bytes().rindex(b"\n") + 1
    assert copy.saved_at == late


def test_a_damaged_edit_keeps_every_edit_before_it_and_says_so(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    write_copy(
        store,
        blueprint_with(cards=[card("c1", "customer", 0, "Orders")]),
        None,
        SetDocumentFields({"title": "Kept"}),
        SetCardFields("missing", {"title": "Cannot fit"}),
        SetDocumentFields({"title": "After the damage"}),
    )
    recovered = dead(store).orphans()[0].read()
    assert recovered.blueprint.title == "Kept" and recovered.edits == 1
    assert recovered.problem is not None and recovered.problem.startswith("edit 2 of 3 does not fit")


def test_a_copy_of_a_running_editor_is_not_an_orphan_until_its_lock_is_released(tmp_path: Path) -> None:
    running, starting = RecoveryStore(tmp_path), RecoveryStore(tmp_path)
    key = new_key()
    running.write(key, None, dumps(Blueprint(title="Live")))
    assert [c.key for c in starting.copies()] == [key]
    assert starting.orphans() == []
    running.release_all()  # what the operating system does when the editor dies
    [orphan] = starting.orphans()
    assert orphan.key == key and orphan.original_path is None
    assert orphan.shown_name == "Untitled blueprint"
    assert RecoveryStore(tmp_path).orphans() == []  # claimed by `starting` now


def test_a_store_never_offers_its_own_copies(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(new_key(), None, dumps(Blueprint(title="Mine")))
    assert store.orphans() == []
    assert len(store.copies()) == 1


def test_remove_deletes_every_file_of_the_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, None, "{}")
    store.write(key, None, "{}")  # a second generation replaces the first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{key}.2.base", f"{key}.2.journal", f"{key}.lock", f"{key}.recovery.json"]
    )
    store.remove(key)
    assert list(tmp_path.iterdir()) == []
    store.remove(key)  # twice is fine


def test_copies_are_listed_newest_first(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for hour in (9, 11, 10):
        store.write(new_key(), None, str(hour), now=datetime(2026, 11, 22, hour, tzinfo=UTC))
    assert [c.base.read_text() for c in store.copies() if c.base] == ["11", "10", "9"]


def test_recovery_copies_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # made by an older version, readable by everyone
    store = RecoveryStore(folder)
    key = write_copy(store, Blueprint(title="Salaries"), None, SetDocumentFields({"title": "Secret"}))
    assert folder.stat().st_mode & 0o777 == 0o700
    modes = {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()}
    assert modes == {
        f"{key}.recovery.json": 0o600,
        f"{key}.1.base": 0o600,
        f"{key}.1.journal": 0o600,
        f"{key}.lock": 0o600,
    }
    fresh = tmp_path / "fresh" / "recovery"
    RecoveryStore(fresh).write(new_key(), None, "{}")
    assert fresh.stat().st_mode & 0o777 == 0o700


def test_a_document_over_the_file_size_limit_is_recovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor may hold more than a file may: saving refuses it, and the recovery copy is all there is."""
    doc = blueprint_with(cards=[card(f"c{i}", "customer", 0, f"Card {i}") for i in range(30)])
    size = len(dumps(doc).encode())
    small = SizeLimits(size // 2, FILE_LIMITS.json_values, FILE_LIMITS.counts)
    monkeypatch.setattr(limits_module, "FILE_LIMITS", small)
    with pytest.raises(BlueprintFileError, match="could not save"):
        save(doc, tmp_path / "big.blueprint")
    store = RecoveryStore(tmp_path / "recovery")
    write_copy(store, doc, tmp_path / "big.blueprint", SetDocumentFields({"title": "Edited"}))
    recovered = dead(store).orphans()[0].document()
    assert len(recovered.cards) == 30 and recovered.title == "Edited"


def test_a_file_name_that_is_not_utf8_gets_a_copy_and_keeps_its_name(tmp_path: Path) -> None:
    original = tmp_path / os.fsdecode(b"caf\xe9-\xff.blueprint")
    store = RecoveryStore(tmp_path / "recovery")
    write_copy(store, Blueprint(title="Latin-1 name"), original, SetDocumentFields({"title": "Edited"}))
    [copy] = dead(store).orphans()
    assert copy.original_path == original
    assert os.fsencode(copy.original_path) == os.fsencode(tmp_path) + b"/caf\xe9-\xff.blueprint"
    assert copy.document().title == "Edited"


def test_the_document_in_a_copy_is_read_as_untrusted_input(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(new_key(), None, "[" * 10_000)
    [copy] = store.copies()
    with pytest.raises(BlueprintFileError) as caught:
        copy.document()
    assert caught.value.code == "too-deep"
    with pytest.raises(UnreadableCopy):
        copy.read()


def test_a_version_1_copy_is_still_read(tmp_path: Path) -> None:
    envelope = {
        "format": "service-blueprint-recovery",
        "version": 1,
        "original_path": str(tmp_path / "old.blueprint"),
        "saved_at": "2026-11-22T10:00:00+00:00",
        "pid": 1,
        "document": dumps(Blueprint(title="From an older version")),
    }
    (tmp_path / "abc.recovery.json").write_text(json.dumps(envelope), encoding="utf-8")
    [copy] = RecoveryStore(tmp_path).orphans()
    assert copy.document().title == "From an older version"
    assert copy.original_path == tmp_path / "old.blueprint"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "other"}',
        b"\xff\xfe",
        b'{"format": "service-blueprint-recovery"}',
        b'{"format": "service-blueprint-recovery", "version": 1, "document": 1, "saved_at": "x"}',
        b'{"format": "service-blueprint-recovery", "version": 2, "base": "../x", "journal": "j"}',
        b'{"format": "service-blueprint-recovery", "version": 7}',
        b"[" * 100_000,
    ],
)
def test_damaged_envelopes_are_set_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "abc.recovery.json").write_bytes(content)
    with pytest.raises(UnreadableCopy):
        read_envelope(tmp_path / "abc.recovery.json")
    assert RecoveryStore(tmp_path).copies() == []
    scan = RecoveryStore(tmp_path).scan()
    assert scan.copies == []
    [aside] = scan.set_aside
    assert aside.moved_to == tmp_path / "set-aside"
    assert (tmp_path / "set-aside" / "abc.recovery.json").read_bytes() == content
    assert aside.saved_at is not None and aside.reason
    assert RecoveryStore(tmp_path).scan().set_aside == []  # reported once


def test_a_truncated_envelope_is_reported_with_its_document_name(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = write_copy(store, Blueprint(title="T"), tmp_path / "trip.blueprint")
    envelope = store.envelope_path(key)
    data = envelope.read_bytes()
    envelope.write_bytes(data[: data.index(b'"saved_at"') + 5])
    [aside] = dead(store).scan().set_aside
    assert aside.name == "trip.blueprint"
    assert sorted(p.name for p in (tmp_path / "set-aside").iterdir()) == [envelope.name]


def test_a_copy_whose_base_is_gone_is_set_aside_with_its_journal(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = write_copy(
        store, Blueprint(title="T"), tmp_path / "trip.blueprint", SetDocumentFields({"title": "E"})
    )
    store.base_path(key, 1).unlink()
    scan = dead(store).scan()
    assert scan.copies == [] and [a.name for a in scan.set_aside] == ["trip.blueprint"]
    assert sorted(p.name for p in (tmp_path / "set-aside").iterdir()) == [
        f"{key}.1.journal",
        f"{key}.recovery.json",
    ]


def test_keys_cannot_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        RecoveryStore(tmp_path).write("../escape", None, "{}")


def test_a_failed_write_raises_oserror_and_keeps_the_previous_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, None, dumps(Blueprint(title="Kept")))

    def full(handle: object, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(OSError):
        store.write(key, None, dumps(Blueprint(title="Lost")))
    assert [c.document().title for c in store.copies()] == ["Kept"]
