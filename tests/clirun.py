"""Run the installed `blueprint` script as a user would, in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def blueprint_script() -> str:
    beside = Path(sys.executable).parent / "blueprint"
    found = str(beside) if beside.exists() else shutil.which("blueprint")
    assert found, "the `blueprint` console script is not installed"
    return found


def run_blueprint(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [blueprint_script(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )
