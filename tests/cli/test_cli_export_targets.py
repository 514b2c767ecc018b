"""`blueprint export` never writes over the blueprint it exports, nor over a device, pipe or folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from blueprint.cli import main
from blueprint.export.output import output_problem

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


def _export(capsys: pytest.CaptureFixture[str], source: Path, out: Path | str) -> tuple[int, str]:
    code = main(["export", str(source), "-o", str(out)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", ["plan.pdf", "plan.svg", "plan.PNG"])
def test_a_blueprint_named_like_an_export_is_not_replaced_by_its_drawing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    source = tmp_path / name
    shutil.copy(SAMPLE, source)
    before = source.read_bytes()
    code, err = _export(capsys, source, source)
    assert code == 2
    assert err.count("\n") == 1 and str(source) in err and "is the blueprint being exported" in err
    assert source.read_bytes() == before


def test_a_link_to_the_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.blueprint"
    shutil.copy(SAMPLE, source)
    before = source.read_bytes()
    (tmp_path / "out.pdf").symlink_to(source)
    os.link(source, tmp_path / "hard.svg")
    for out in ("out.pdf", "hard.svg"):
        code, err = _export(capsys, source, tmp_path / out)
        assert code == 2 and "is the blueprint being exported" in err, out
    assert source.read_bytes() == before
    assert (tmp_path / "out.pdf").is_symlink()


def test_the_input_through_a_link_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "plan.pdf"
    shutil.copy(SAMPLE, real)
    (tmp_path / "link.blueprint").symlink_to(real)
    code, err = _export(capsys, tmp_path / "link.blueprint", real)
    assert code == 2 and "being exported" in err
    assert real.read_bytes() == SAMPLE.read_bytes()


def test_a_device_behind_a_link_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "null.pdf"
    link.symlink_to(os.devnull)
    code, err = _export(capsys, SAMPLE, link)
    assert code == 2 and "not a regular file" in err and err.count("\n") == 1
    assert link.is_symlink() and Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_a_pipe_and_a_folder_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    code, err = _export(capsys, SAMPLE, fifo)
    assert code == 2 and "not a regular file" in err
    folder = tmp_path / "folder.png"
    folder.mkdir()
    code, err = _export(capsys, SAMPLE, folder)
    assert code == 2 and "is a folder" in err
    assert folder.is_dir() and not any(folder.iterdir())


def test_other_files_are_fine(tmp_path: Path) -> None:
    other = tmp_path / "old.pdf"
    other.write_bytes(b"%PDF-old")
    assert output_problem(other, SAMPLE) is None
    assert output_problem(tmp_path / "new.pdf", SAMPLE) is None
    assert output_problem(tmp_path / "new.pdf", None) is None
    assert output_problem(SAMPLE, None) is None  # standard input has no file to protect
