"""Just before replacing a file, `save(..., expect=state)` compares it with what was read or last saved
(identity, size, modification time, and the bytes when in doubt) and refuses to replace another
program's change, even a change it cannot read; a symbolic link retargeted to another file too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blueprint.fileformat import FileChangedError, load, load_file, save
from blueprint.fileformat import ondisk as ondisk_module
from blueprint.fileformat.limits import MAX_FILE_BYTES
from blueprint.fileformat.ondisk import DOUBT_NS, DiskState, changed_on_disk
from blueprint.model import Blueprint


def saved(path: Path, title: str) -> DiskState:
    return save(Blueprint(title=title), path).state


def refused(path: Path, expect: DiskState) -> str:
    with pytest.raises(FileChangedError) as caught:
        save(Blueprint(title="Mine"), path, expect=expect)
    assert caught.value.code == "changed-on-disk"
    line = str(caught.value)
    assert line.startswith(f"{path}: not saved: the file ") and "\n" not in line
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".saving")]  # no temporary left
    return line


def test_a_write_just_before_save_in_the_same_tick_is_caught_by_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "Ours")
    info = path.stat()
    other = path.read_bytes().replace(b"Ours", b"Them")  # same size, written in place
    with open(path, "r+b") as handle:
        handle.write(other)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the same time stamp
    assert state.same_metadata(path.stat()) and state.in_doubt
    assert "was changed by another program" in refused(path, state)
    assert path.read_bytes() == other  # their change is still there
    assert not Path(f"{path.with_suffix('')}~.blueprint").exists()  # and no backup was made of it


def test_an_unchanged_file_is_replaced_and_old_metadata_needs_no_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "One")
    state = save(Blueprint(title="Two"), path, expect=state).state
    assert load(path).title == "Two"
    old = DiskState(**{**state.__dict__, "recorded_ns": state.mtime_ns + 10 * DOUBT_NS})
    hashed: list[object] = []
    monkeypatch.setattr(ondisk_module, "_hash_of", lambda p: hashed.append(p) or "")
    assert changed_on_disk(path, old) is None
    assert hashed == []


def test_the_same_bytes_written_again_by_another_program_are_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "One")
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # a sync tool writing the file again: a new inode, a new time, same bytes
    save(Blueprint(title="Two"), path, expect=state)
    assert load(path).title == "Two"


def test_a_replacement_over_the_size_limit_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "Ours")
    with open(path, "wb") as handle:  # sparse: a file too large to open
        handle.truncate(MAX_FILE_BYTES + 1024)
    assert "was changed by another program" in refused(path, state)
    assert path.stat().st_size == MAX_FILE_BYTES + 1024


def test_a_change_that_cannot_be_read_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "Ours")

    def unreadable(p: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ondisk_module, "_hash_of", unreadable)  # as for a file made unreadable to us
    path.write_bytes(path.read_bytes().replace(b"Ours", b"Them"))
    assert "cannot be read (Permission denied)" in refused(path, state)


def test_a_symbolic_link_retargeted_while_open_is_reported(tmp_path: Path) -> None:
    first, second = tmp_path / "v1.blueprint", tmp_path / "v2.blueprint"
    saved(first, "Version 1")
    saved(second, "Version 2")
    link = tmp_path / "current.blueprint"
    link.symlink_to(first)
    state = load_file(link).state
    link.unlink()
    link.symlink_to(second)
    assert f"now points to another file ({second})" in refused(link, state)
    assert load(second).title == "Version 2"


def test_a_deleted_file_is_saved_again(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "One")
    path.unlink()
    save(Blueprint(title="Two"), path, expect=state)
    assert load(path).title == "Two"


def test_the_state_of_a_loaded_file_matches_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    state = saved(path, "One")
    loaded = load_file(path)
    assert loaded.blueprint.title == "One" and loaded.data == path.read_bytes()
    assert (loaded.state.inode, loaded.state.size, loaded.state.sha256) == (
        state.inode,
        state.size,
        state.sha256,
    )
    assert changed_on_disk(path, loaded.state) is None
