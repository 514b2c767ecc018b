"""Safe saving: the previous version is kept as NAME~.blueprint, permissions and links are kept, and a
write error (full disk, read-only folder) changes nothing on disk and names the file."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, atomic, load, save, writer
from blueprint.fileformat.writer import backup_path
from blueprint.model import Blueprint


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def write_all(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", write_all)


def test_the_backup_is_named_with_a_tilde_before_the_extension() -> None:
    assert backup_path(Path("/a/trip.blueprint")) == Path("/a/trip~.blueprint")
    assert backup_path("notes") == Path("notes~")


def test_saving_keeps_the_previous_version_next_to_the_file(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    assert not backup_path(target).exists()  # nothing to keep the first time
    save(Blueprint(title="Two"), target)
    assert load(backup_path(target)).title == "One"
    save(Blueprint(title="Three"), target)
    assert load(backup_path(target)).title == "Two"
    assert load(target).title == "Three"


def test_saving_the_same_document_again_does_not_overwrite_the_backup(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    save(Blueprint(title="Two"), target)
    save(Blueprint(title="Two"), target)
    assert load(backup_path(target)).title == "One"


def test_the_backup_can_be_turned_off(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target, backup=False)
    save(Blueprint(title="Two"), target, backup=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.blueprint"]


def test_the_backup_is_copied_where_hard_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "links not allowed")

    monkeypatch.setattr(writer.os, "link", no_links)
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    save(Blueprint(title="Two"), target)
    assert load(backup_path(target)).title == "One"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.blueprint", "trip~.blueprint"]


def test_permissions_are_kept_for_the_file_and_its_backup(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    os.chmod(target, 0o604)
    save(Blueprint(title="Two"), target)
    assert target.stat().st_mode & 0o777 == 0o604
    assert backup_path(target).stat().st_mode & 0o777 == 0o604


def test_saving_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.blueprint"
    save(Blueprint(title="One"), real)
    link = tmp_path / "link.blueprint"
    link.symlink_to(real)
    save(Blueprint(title="Two"), link)
    assert link.is_symlink()
    assert load(real).title == "Two"
    assert load(backup_path(real)).title == "One"


def test_a_full_disk_changes_nothing_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    save(Blueprint(title="Two"), target)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    full_disk(monkeypatch)
    with pytest.raises(BlueprintFileError) as caught:
        save(Blueprint(title="Three"), target)
    assert caught.value.code == "write-failed"
    assert str(caught.value) == f"{target}: could not save: No space left on device"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # backup untouched, no temp files


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "trip.blueprint"
    save(Blueprint(title="One"), target)
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("permissions do not stop this user (root)")
        with pytest.raises(BlueprintFileError) as caught:
            save(Blueprint(title="Two"), target)
        assert "Permission denied" in caught.value.message
        assert load(target).title == "One"
    finally:
        os.chmod(folder, 0o700)


def test_a_read_only_folder_simulated_for_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic, "_create_temp", refuse)
    with pytest.raises(BlueprintFileError, match="Permission denied"):
        save(Blueprint(title="Two"), target)
    assert load(target).title == "One"


def test_the_process_wide_preference_turns_the_backup_off(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    writer.set_keep_backup(False)
    try:
        save(Blueprint(title="One"), target)
        save(Blueprint(title="Two"), target)
        assert not backup_path(target).exists()
        save(Blueprint(title="Three"), target, backup=True)  # an explicit choice wins
        assert load(backup_path(target)).title == "Two"
    finally:
        writer.set_keep_backup(True)
    assert writer.keeps_backup()


def test_text_that_cannot_be_written_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    doc = Blueprint(title="Two")
    doc.description = "half an emoji \ud83d"  # models are plain data: code could put this in
    with pytest.raises(BlueprintFileError) as caught:
        save(doc, target)
    assert caught.value.code == "write-failed" and "\n" not in str(caught.value)
    assert load(target).title == "One"


def test_a_backup_name_taken_by_a_folder_still_saves_the_document(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    backup_path(target).mkdir()
    result = save(Blueprint(title="Two"), target)
    assert load(target).title == "Two"
    assert result.backup_problem == "trip~.blueprint is a folder"
    assert backup_path(target).is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]


def test_a_backup_that_cannot_be_replaced_still_saves_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As for an immutable backup file (chattr +i): neither a link nor a copy may replace it."""
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    save(Blueprint(title="Two"), target)
    real_replace = os.replace

    def immutable_backup(src: object, dst: object) -> None:
        if Path(str(dst)).name == "trip~.blueprint":
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", immutable_backup)
    result = save(Blueprint(title="Three"), target)
    assert load(target).title == "Three"
    assert result.backup_problem == f"trip~.blueprint: {os.strerror(errno.EPERM)}"
    assert load(backup_path(target)).title == "One"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.blueprint", "trip~.blueprint"]


def test_a_really_immutable_backup_still_saves_the_document(tmp_path: Path) -> None:
    target = tmp_path / "trip.blueprint"
    save(Blueprint(title="One"), target)
    save(Blueprint(title="Two"), target)
    backup = backup_path(target)
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed (the simulated test above covers the logic)")
    made = subprocess.run(["chattr", "+i", str(backup)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {made.stderr.decode().strip() or 'no chattr'}")
    try:
        result = save(Blueprint(title="Three"), target)
        assert load(target).title == "Three"
        assert result.backup_problem is not None and result.backup_problem.startswith("trip~.blueprint: ")
        assert load(backup).title == "One"
    finally:
        subprocess.run(["chattr", "-i", str(backup)], check=False)
