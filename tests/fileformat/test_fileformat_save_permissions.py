"""Saving keeps who may read and write the file: its mode, its group and (as root) its owner; and the
decision that a file is marked read-only, taken from its mode so that it means the same for root."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from blueprint.fileformat import load, save
from blueprint.fileformat.ondisk import is_read_only, read_only_target
from blueprint.fileformat.writer import backup_path
from blueprint.model import Blueprint

NOBODY = 65534


def status(mode: int, uid: int = 1000, gid: int = 1000) -> os.stat_result:
    return os.stat_result((stat.S_IFREG | mode, 0, 0, 1, uid, gid, 0, 0, 0, 0))


@pytest.mark.parametrize(
    ("mode", "uid", "groups", "read_only"),
    [
        (0o444, 1000, [1000], True),  # the owner marked it read-only
        (0o644, 1000, [1000], False),
        (0o464, 1000, [1000], True),  # the owner's bit decides for the owner, not the group's
        (0o464, 2000, [1000], False),  # a member of the file's group may write
        (0o644, 2000, [1000], True),
        (0o446, 2000, [3000], False),  # others may write
        (0o444, 0, [0], True),  # root may write anything, but 0444 still means "do not change"
        (0o644, 0, [0], False),
        (0o600, 0, [0], False),
    ],
)
def test_read_only_is_decided_from_the_mode(mode: int, uid: int, groups: list[int], read_only: bool) -> None:
    assert is_read_only(status(mode), uid=uid, groups=groups) is read_only


def test_a_read_only_file_is_found_through_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real.blueprint"
    save(Blueprint(title="One"), real)
    link = tmp_path / "link.blueprint"
    link.symlink_to(real)
    assert not read_only_target(link)
    os.chmod(real, 0o444)
    assert read_only_target(link) and read_only_target(real)
    assert not read_only_target(tmp_path / "missing.blueprint")
    assert not read_only_target(tmp_path)  # a folder is not a file to ask about


def chown_or_skip(path: Path, uid: int, gid: int) -> None:
    try:
        os.chown(path, uid, gid)
    except PermissionError:
        pytest.skip("only root (or a member of the group) can give a file to another group")


def test_saving_keeps_the_files_group_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    chown_or_skip(target, os.getuid(), NOBODY)
    os.chmod(target, 0o664)
    save(Blueprint(title="Two"), target)
    info = target.stat()
    assert (info.st_gid, info.st_mode & 0o777) == (NOBODY, 0o664)
    assert backup_path(target).stat().st_gid == NOBODY  # the backup is the old file itself
    assert load(target).title == "Two"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can keep another owner"
)
def test_saving_as_root_keeps_the_files_owner(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    os.chown(target, NOBODY, NOBODY)
    save(Blueprint(title="Two"), target)
    assert (target.stat().st_uid, target.stat().st_gid) == (NOBODY, NOBODY)


def test_a_new_file_gets_the_umask_mode_and_a_private_one_0600(tmp_path: Path) -> None:
    from blueprint.fileformat import write_atomically

    mask = os.umask(0o022)
    try:
        save(Blueprint(title="One"), tmp_path / "new.blueprint")
        write_atomically(tmp_path / "private.json", b"{}", private=True)
    finally:
        os.umask(mask)
    assert (tmp_path / "new.blueprint").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600
