"""A save killed half-way leaves a temporary file with a name a person recognises,
`.NAME.1a2b3c4d.saving`; the next save of the same file removes it, but never one a live save holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from blueprint.fileformat import load, save
from blueprint.fileformat.atomic import TEMP_SUFFIX, is_temp_of, remove_stale_temps, temp_prefix
from blueprint.fileformat.oslock import try_lock
from blueprint.model import Blueprint

from mutations import time_limit

KILLED_MID_SAVE = textwrap.dedent(
    """
    import sys, time
    from blueprint.fileformat import atomic, save
    from blueprint.model import Blueprint

    def half_then_hang(handle, data):
        handle.write(data[: len(data) // 2])
        handle.flush()
        print("writing", flush=True)
        time.sleep(60)

    atomic._write_all = half_then_hang
    save(Blueprint(title="Never finished", description="x" * 200_000), sys.argv[1])
    """
)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_save_killed_half_way_leaves_a_recognisable_file_that_the_next_save_removes(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    save(Blueprint(title="Before"), path)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_SAVE, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        with time_limit(60):
            assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(20)
    [left] = leftovers(tmp_path)
    assert left.startswith(".trip.blueprint.") and is_temp_of(left, "trip.blueprint")
    assert (tmp_path / left).stat().st_size > 100_000  # a full-size leftover
    assert load(path).title == "Before"  # the file itself is whole
    save(Blueprint(title="After"), path)
    assert leftovers(tmp_path) == []
    assert load(path).title == "After"


def test_a_temporary_file_a_live_save_holds_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "trip.blueprint"
    live = tmp_path / f"{temp_prefix(path.name)}0123abcd{TEMP_SUFFIX}"
    dead = tmp_path / f"{temp_prefix(path.name)}4567cdef{TEMP_SUFFIX}"
    other = tmp_path / f"{temp_prefix('other.blueprint')}89abcdef{TEMP_SUFFIX}"
    lookalike = tmp_path / ".trip.blueprint.notmine.saving"
    for leftover in (live, dead, other, lookalike):
        leftover.write_bytes(b"partial")
    fd = os.open(live, os.O_RDONLY)
    try:
        assert try_lock(fd)  # as the writing process holds it
        assert remove_stale_temps(path) == [dead.name]
        save(Blueprint(title="Saved"), path)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [live.name, other.name, lookalike.name, "trip.blueprint"]
        )
    finally:
        os.close(fd)


@pytest.mark.parametrize("size", [243, 250, 254, 255])
@pytest.mark.parametrize("letter", ["a", "é", "字"])
def test_names_of_243_to_255_bytes_save_with_their_backup(tmp_path: Path, size: int, letter: str) -> None:
    suffix = ".blueprint"
    width = len(letter.encode())
    stem = letter * ((size - len(suffix)) // width)
    stem += "x" * (size - len(suffix) - len(stem.encode()))
    path = tmp_path / f"{stem}{suffix}"
    assert len(os.fsencode(path.name)) == size
    save(Blueprint(title="One"), path)
    result = save(Blueprint(title="Two"), path)
    assert result.backup_problem is None
    assert load(path).title == "Two"
    [backup] = [p for p in tmp_path.iterdir() if p != path]
    assert backup.name.endswith(f"~{suffix}") and len(os.fsencode(backup.name)) <= 255
    assert load(backup).title == "One"
    assert is_temp_of(f"{temp_prefix(path.name)}0123abcd{TEMP_SUFFIX}", path.name)
    assert len(os.fsencode(f"{temp_prefix(path.name)}0123abcd{TEMP_SUFFIX}")) <= 255


def test_long_names_that_share_their_start_keep_their_own_temporary_names() -> None:
    first, second = "a" * 250 + ".one", "a" * 250 + ".two"
    assert temp_prefix(first) != temp_prefix(second)
    assert not is_temp_of(f"{temp_prefix(first)}0123abcd{TEMP_SUFFIX}", second)


def test_a_file_name_that_is_not_utf8_saves(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 " + b"\xff" * 240 + b".blueprint")
    path = tmp_path / name
    save(Blueprint(title="One"), path)
    save(Blueprint(title="Two"), path)
    assert load(path).title == "Two"
    assert len(list(tmp_path.iterdir())) == 2
