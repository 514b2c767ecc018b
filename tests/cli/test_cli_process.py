"""What a `blueprint` process loads and how it treats the cycle collector (cli/collector.py): the
program imports only what its command needs, and a command called in-process leaves the collector
as it found it."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.cli import collector, main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"

#: What a PDF export without appendix has no use for (the appendix's checks, the editor, xml.sax's
#: urllib and ssl).
NOT_FOR_A_PDF = (
    "PySide6",
    "networkx",
    "blueprint.validate",
    "blueprint.graph",
    "blueprint.export.appendix",
    "blueprint.export.html",
    "blueprint.ui",
    "xml.sax",
    "urllib.request",
    "ssl",
)


def _in_a_fresh_process(code: str, *args: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_the_command_line_loads_neither_the_model_nor_reportlab() -> None:
    seen = _in_a_fresh_process("import json, sys, blueprint.cli; print(json.dumps(sorted(sys.modules)))")
    assert not [name for name in seen if name.split(".")[0] in ("pydantic", "reportlab")]
    assert "blueprint.model" not in seen and "blueprint.fileformat" not in seen


def test_the_program_exports_a_pdf_with_only_what_it_needs(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    program = (
        "import gc, json, sys\n"
        "sys.argv = ['blueprint', *sys.argv[1:]]\n"
        "from blueprint.cli import main\n"
        "code = main()\n"
        "print(json.dumps({'code': code, 'modules': sorted(sys.modules), 'frozen': gc.get_freeze_count(),"
        " 'enabled': gc.isenabled()}))\n"
    )
    seen = _in_a_fresh_process(program, "export", str(SAMPLE), "-o", str(out), "--no-appendix")
    assert seen["code"] == 0 and out.read_bytes().startswith(b"%PDF")
    needless = [m for m in seen["modules"] if any(m == n or m.startswith(f"{n}.") for n in NOT_FOR_A_PDF)]
    assert not needless
    assert seen["frozen"] > 0  # the interpreter's exit collection has nothing left to walk
    assert seen["enabled"]


def test_a_command_called_in_process_leaves_the_collector_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frozen = gc.get_freeze_count()
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "plan.pdf"), "--no-appendix"]) == 0
    assert main(["export", str(tmp_path / "missing.blueprint"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["validate", str(SAMPLE)]) in (0, 1)
    capsys.readouterr()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_pause_restores_the_collector_also_on_error_and_keeps_a_paused_one_paused() -> None:
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("a failing import")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
