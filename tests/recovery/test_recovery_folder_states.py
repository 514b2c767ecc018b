"""The recovery folder is untrusted input: whatever state it is in, scanning it never raises, offers what
can be offered, sets aside (and reports) what cannot be read, and removes only the program's own
leftovers. Each state here once stopped the editor at every start.

The tests run as root, whom permissions do not stop: a lock or folder that cannot be opened is
simulated by refusing the operating system call, with the error a user would get.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_recovery_store import write_copy

from blueprint.fileformat import dumps
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore, new_key
from blueprint.recovery.copy import sane_time


def left_by_a_dead_editor(folder: Path, **envelope_changes: object) -> str:
    """A copy of "Start" whose editor died; its envelope's fields changed as given."""
    store = RecoveryStore(folder)
    key = write_copy(store, Blueprint(title="Start"), folder.parent / "trip.blueprint")
    if envelope_changes:
        envelope = store.envelope_path(key)
        raw = json.loads(envelope.read_text())
        envelope.write_text(json.dumps({**raw, **envelope_changes}))
    store.release_all()
    return key


def gone_pid() -> int:
    """The process id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def refuse_opening(monkeypatch: pytest.MonkeyPatch, ending: str, flags: int, error: int) -> None:
    """Make os.open refuse paths ending in `ending` when opened with any of `flags` (as for a user)."""
    real_open = os.open

    def guarded(path: object, mode: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith(ending) and mode & flags:
            raise OSError(error, os.strerror(error), str(path))
        return real_open(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)


def test_a_lock_that_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    key = left_by_a_dead_editor(folder)
    (folder / f"{key}.lock").unlink()
    (folder / f"{key}.lock").mkdir()
    [copy] = RecoveryStore(folder).orphans()
    assert copy.key == key and copy.document().title == "Start"


def test_a_root_owned_lock_that_can_only_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    key = left_by_a_dead_editor(folder)
    refuse_opening(monkeypatch, ".lock", os.O_RDWR | os.O_WRONLY | os.O_CREAT, errno.EACCES)
    [copy] = RecoveryStore(folder).orphans()  # flock needs no write access
    assert copy.key == key
    assert RecoveryStore(folder).orphans() == []  # and it is claimed like any other


@pytest.mark.parametrize("error", [errno.EACCES, errno.ELOOP, errno.ENOENT])
def test_a_lock_that_cannot_be_opened_at_all_falls_back_on_the_process_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    folder = tmp_path / "recovery"
    gone = left_by_a_dead_editor(folder, pid=gone_pid())
    living = left_by_a_dead_editor(folder, pid=os.getppid())  # the test runner's parent is alive
    refuse_opening(monkeypatch, ".lock", ~0, error)
    offered = {copy.key for copy in RecoveryStore(folder).scan().copies}
    assert gone in offered
    assert living not in offered


def test_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "recovery"
    key = left_by_a_dead_editor(folder)
    (folder / f"{key}.lock").unlink()  # and no lock can be made in the folder
    refuse_opening(monkeypatch, "", os.O_CREAT | os.O_WRONLY | os.O_RDWR, errno.EROFS)

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    monkeypatch.setattr(os, "unlink", read_only)
    monkeypatch.setattr(Path, "mkdir", read_only)
    scan = RecoveryStore(folder).scan()
    assert [copy.key for copy in scan.copies] == [key]
    assert scan.copies[0].document().title == "Start"


def test_a_damaged_copy_in_a_read_only_folder_is_reported_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "abc.recovery.json").write_bytes(b'{"format": "service-blueprint-recovery", "vers')

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    [aside] = RecoveryStore(folder).scan().set_aside
    assert aside.moved_to is None  # it could not be moved: it stays, and is reported again next time
    assert (folder / "abc.recovery.json").exists()


def test_a_sync_tools_conflicted_copy_of_an_envelope(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    key = left_by_a_dead_editor(folder)
    envelope = folder / f"{key}.recovery.json"
    conflicted = folder / f"{key} (conflicted copy).recovery.json"
    raw = json.loads(envelope.read_text())
    conflicted.write_text(json.dumps({**raw, "saved_at": "2020-01-01T00:00:00+00:00"}))
    store = RecoveryStore(folder)
    scan = store.scan()
    assert [copy.key for copy in scan.copies] == [key]
    assert [aside.reason for aside in scan.set_aside] == ["it duplicates another copy"]
    assert (folder / "set-aside" / conflicted.name).exists()
    store.remove_copy(scan.copies[0])
    assert sorted(p.name for p in folder.iterdir()) == ["set-aside"]


def test_a_conflicted_copy_of_an_old_envelope_alone_is_offered_and_can_be_removed(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    old = {
        "format": "service-blueprint-recovery",
        "version": 1,
        "original_path": None,
        "saved_at": "2026-01-01T10:00:00+00:00",
        "document": dumps(Blueprint(title="Synced")),
    }
    name = "0123abcd (Jo's conflicted copy 2026-01-01).recovery.json"
    (folder / name).write_text(json.dumps(old))
    store = RecoveryStore(folder)
    [copy] = store.orphans()
    assert copy.document().title == "Synced"
    store.remove_copy(copy)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "saved_at",
    [
        "9999-12-31T23:59:59+00:00",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "1969-12-31T23:59:59",
        "not a time",
        12,
        None,
    ],
)
def test_a_saved_at_out_of_range_is_replaced_by_the_files_time(tmp_path: Path, saved_at: object) -> None:
    folder = tmp_path / "recovery"
    left_by_a_dead_editor(folder, saved_at=saved_at)
    [copy] = RecoveryStore(folder).orphans()
    assert sane_time(copy.saved_at) == copy.saved_at
    assert abs(copy.saved_at - datetime.now(UTC)).total_seconds() < 600
    copy.saved_at.astimezone()  # what the prompt does with it


def test_leftovers_of_dead_editors_are_removed_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    kept = left_by_a_dead_editor(folder)
    live = RecoveryStore(folder)
    live_key = write_copy(live, Blueprint(title="Live"), None)
    live.withdraw(live_key)  # a live editor's document, clean again: base and journal stay, unlisted
    stale = new_key()
    (folder / f"{stale}.3.base").write_bytes(b"{}")
    (folder / f"{stale}.3.journal").write_bytes(b"")
    (folder / f"{stale}.lock").write_bytes(b"")
    (folder / f".{kept}.recovery.json.0123abcd.saving").write_bytes(b"half an envelope")
    (folder / "notes.txt").write_text("not ours")
    (folder / "desktop.ini").write_text("not ours either")
    scan = RecoveryStore(folder).scan()
    assert [c.key for c in scan.copies] == [kept] and scan.set_aside == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            f"{kept}.1.base",
            f"{kept}.1.journal",
            f"{kept}.lock",
            f"{kept}.recovery.json",
            f"{live_key}.1.base",
            f"{live_key}.1.journal",
            f"{live_key}.lock",
            "notes.txt",
            "desktop.ini",
        ]
    )


def test_many_copies_are_all_found_in_one_scan(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    template = left_by_a_dead_editor(folder)
    envelope = json.loads((folder / f"{template}.recovery.json").read_text())
    keys = {template}
    for _ in range(299):  # copies of the first, made quickly (writing each for real fsyncs three times)
        key = new_key()
        keys.add(key)
        (folder / f"{key}.1.base").write_bytes((folder / f"{template}.1.base").read_bytes())
        (folder / f"{key}.1.journal").write_bytes(b"")
        named = {**envelope, "base": f"{key}.1.base", "journal": f"{key}.1.journal"}
        (folder / f"{key}.recovery.json").write_text(json.dumps(named))
    scan = RecoveryStore(folder).scan()
    assert {copy.key for copy in scan.copies} == keys
