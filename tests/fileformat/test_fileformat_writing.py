"""Saving is atomic: a failed write leaves the old file as it was, and no temporary file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, load, save
from blueprint.fileformat import writer as writer_module
from blueprint.model import Blueprint


def test_a_failing_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.blueprint"
    save(Blueprint(title="Old"), target)
    before = target.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer_module.os, "fsync", broken_fsync)
    with pytest.raises(BlueprintFileError) as caught:
        save(Blueprint(title="New"), target)
    assert "No space left on device" in str(caught.value)
    assert caught.value.file == str(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.blueprint"]


def test_saving_keeps_the_file_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.blueprint"
    save(Blueprint(title="One"), target)
    os.chmod(target, 0o640)
    save(Blueprint(title="Two"), target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert load(target).title == "Two"


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BlueprintFileError, match="could not save"):
        save(Blueprint(title="x"), tmp_path / "missing" / "plan.blueprint")


def test_a_new_file_gets_the_users_usual_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        save(Blueprint(title="Shared"), tmp_path / "shared.blueprint")
    finally:
        os.umask(old)
    assert (tmp_path / "shared.blueprint").stat().st_mode & 0o777 == 0o644
