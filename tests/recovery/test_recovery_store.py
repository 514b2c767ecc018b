"""The Qt-free store of recovery copies: write, list, find orphans by their released lock, remove."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, dumps
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore, new_key
from blueprint.recovery.store import read_envelope


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


def test_remove_deletes_the_copy_and_its_lock(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, None, "{}")
    store.remove(key)
    assert list(tmp_path.iterdir()) == []
    store.remove(key)  # twice is fine


def test_rewriting_replaces_the_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, None, dumps(Blueprint(title="One")))
    store.write(key, None, dumps(Blueprint(title="Two")))
    assert [c.document().title for c in store.copies()] == ["Two"]
    assert len(list(tmp_path.glob("*.recovery.json"))) == 1


def test_copies_are_listed_newest_first(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for hour in (9, 11, 10):
        store.write(new_key(), None, str(hour), now=datetime(2026, 11, 22, hour, tzinfo=UTC))
    assert [c.text for c in store.copies()] == ["11", "10", "9"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "other"}',
        b"\xff\xfe",
        b'{"format": "service-blueprint-recovery"}',
        b'{"format": "service-blueprint-recovery", "document": 1, "saved_at": "x", "original_path": null}',
        b"[" * 100_000,
    ],
)
def test_damaged_envelopes_are_skipped(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "abc.recovery.json").write_bytes(content)
    assert read_envelope(tmp_path / "abc.recovery.json") is None
    assert RecoveryStore(tmp_path).copies() == []


def test_the_document_in_a_copy_is_read_as_untrusted_input(tmp_path: Path) -> None:
    envelope = {
        "format": "service-blueprint-recovery",
        "version": 1,
        "original_path": None,
        "saved_at": "2026-11-22T10:00:00+00:00",
        "pid": 1,
        "document": "[" * 10_000,
    }
    (tmp_path / "abc.recovery.json").write_text(json.dumps(envelope), encoding="utf-8")
    [copy] = RecoveryStore(tmp_path).copies()
    with pytest.raises(BlueprintFileError) as caught:
        copy.document()
    assert caught.value.code == "too-deep"


def test_keys_cannot_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        RecoveryStore(tmp_path).write("../escape", None, "{}")


def test_a_failed_write_raises_oserror_and_keeps_the_previous_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.fileformat import atomic

    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, None, dumps(Blueprint(title="Kept")))

    def full(handle: object, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(OSError):
        store.write(key, None, dumps(Blueprint(title="Lost")))
    assert [c.document().title for c in store.copies()] == ["Kept"]
