"""`blueprint export` run as a user would: files written, options honoured, errors on one line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from clirun import blueprint_script, run_blueprint

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


def test_export_writes_an_a3_landscape_pdf_by_default(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run_blueprint("export", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (1191, 842)
    assert len(reader.pages) > 1, "with the appendix"
    assert not list(tmp_path.glob(".*part*")), "no temporary file is left behind"


def test_options_choose_size_orientation_fit_and_appendix(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    args = ["export", str(SAMPLE), "-o", str(out), "--page-size", "a4", "--orientation", "portrait"]
    result = run_blueprint(*args, "--fit", "tile", "--no-appendix")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert len(reader.pages) > 1
    assert "row 1, column 1" in page.extract_text()
    assert all("Card details" not in p.extract_text() for p in reader.pages)


def test_too_small_text_warns_on_stderr_and_still_writes(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run_blueprint("export", str(SAMPLE), "-o", str(out), "--page-size", "A4")
    assert result.returncode == 0
    assert "below 6 pt" in result.stderr and "--fit tile" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert len(PdfReader(out).pages) >= 1


def test_svg_and_png_by_suffix(tmp_path: Path) -> None:
    svg, png = tmp_path / "out.svg", tmp_path / "out.png"
    assert run_blueprint("export", str(SAMPLE), "-o", str(svg)).returncode == 0
    assert run_blueprint("export", str(SAMPLE), "-o", str(png)).returncode == 0
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Receptionist" in text, "card text is real text in the SVG"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_errors_are_one_line_with_exit_code_2(tmp_path: Path) -> None:
    missing = run_blueprint("export", str(tmp_path / "nope.blueprint"), "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr
    suffix = run_blueprint("export", str(SAMPLE), "-o", str(tmp_path / "x.docx"))
    assert suffix.returncode == 2 and ".pdf, .svg, .png, .html, .xlsx, .csv or .drawio" in suffix.stderr
    size = run_blueprint("export", str(SAMPLE), "-o", str(tmp_path / "x.pdf"), "--page-size", "B5")
    assert size.returncode == 2 and "unknown page size" in size.stderr
    unwritable = run_blueprint("export", str(SAMPLE), "-o", str(tmp_path / "no" / "dir" / "x.pdf"))
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr


def _assert_one_clean_line(result: subprocess.CompletedProcess[str], out: Path, reason: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[:500]
    assert "QPainter" not in result.stderr and "Traceback" not in result.stderr
    assert str(out) in lines[0] and f"cannot write: {reason}" in lines[0]
    assert ".part" not in lines[0] and ".tmp" not in lines[0], "names the file the user asked for"


@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_a_missing_folder_gives_one_line_naming_the_output(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "no" / "dir" / f"x{suffix}"
    result = run_blueprint("export", str(SAMPLE), "-o", str(out))
    _assert_one_clean_line(result, out, "No such file or directory")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_an_unwritable_folder_gives_the_real_reason(tmp_path: Path, suffix: str) -> None:
    """We run as root, so a read-only folder would still be writable: the installed script runs with a
    sitecustomize that makes creating any file in the output folder fail as a read-only folder does."""
    folder = tmp_path / "ro"
    folder.mkdir()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import errno, os\n"
        "_real = os.open\n"
        "def _deny(path, flags, *args, **kwargs):\n"
        f"    if flags & os.O_CREAT and os.path.dirname(os.path.abspath(path)) == {str(folder)!r}:\n"
        "        raise PermissionError(errno.EACCES, 'Permission denied', path)\n"
        "    return _real(path, flags, *args, **kwargs)\n"
        "os.open = _deny\n",
        encoding="utf-8",
    )
    out = folder / f"x{suffix}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(hooks)}
    command = [blueprint_script(), "export", str(SAMPLE), "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    _assert_one_clean_line(result, out, "Permission denied")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_images_are_written_whole_and_readable(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"x{suffix}"
    result = run_blueprint("export", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0 and result.stderr == ""
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask, "the mode of any new file, not 0600"
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary file is left behind"


def test_page_options_on_an_image_give_one_note_and_still_export(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    result = run_blueprint("export", str(SAMPLE), "-o", str(out), "--page-size", "A4", "--fit", "tile")
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--page-size and --fit apply to PDF only" in lines[0]
    assert "<svg" in out.read_text(encoding="utf-8")
    png = tmp_path / "x.png"
    result = run_blueprint("export", str(SAMPLE), "-o", str(png), "--no-appendix")
    assert result.returncode == 0 and "--no-appendix applies to PDF only" in result.stderr
    plain = run_blueprint("export", str(SAMPLE), "-o", str(png))
    assert plain.returncode == 0 and plain.stderr == "", "no note when no page option was given"
