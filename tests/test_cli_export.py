"""`blueprint export` run as a user would: files written, options honoured, errors on one line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from clirun import run_blueprint

REPO = Path(__file__).resolve().parent.parent
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
    assert suffix.returncode == 2 and ".pdf, .svg or .png" in suffix.stderr
    size = run_blueprint("export", str(SAMPLE), "-o", str(tmp_path / "x.pdf"), "--page-size", "B5")
    assert size.returncode == 2 and "unknown page size" in size.stderr
    unwritable = run_blueprint("export", str(SAMPLE), "-o", str(tmp_path / "no" / "dir" / "x.pdf"))
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr
