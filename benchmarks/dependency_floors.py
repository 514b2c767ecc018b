"""Install every runtime dependency at the lowest version pyproject.toml allows, then run the tests.

A floor (`reportlab>=4.0.4`) is a promise that the program works with that version; this checks it.
It makes a fresh virtual environment, installs the package with each runtime dependency pinned to its
floor (the test tools at their newest), and runs the suite there. Run by hand (it downloads packages
and takes minutes), after changing a floor:

    python benchmarks/dependency_floors.py [--keep VENV] [-- PYTEST ARGS]

Exit code: pytest's, or 3 when the floors cannot even be installed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def floors(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """`name==floor` for every runtime dependency (the lowest version each requirement allows)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*(?:\[[^]]*\])?\s*(.*)$", requirement)
        if match is None:
            raise ValueError(f"cannot read the requirement {requirement!r}")
        name, spec = match.groups()
        lowest = re.search(r">=\s*([0-9][^,;\s]*)", spec)
        if lowest is None:
            raise ValueError(f"{name} has no floor (>=): {requirement!r}")
        pins.append(f"{name}=={lowest.group(1)}")
    return pins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="VENV", help="build the environment here and keep it")
    parser.add_argument("pytest_args", nargs="*", help="arguments for pytest (default: the whole suite)")
    args = parser.parse_args(argv)
    pins = floors()
    print("floors:", " ".join(pins), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(args.keep or Path(scratch) / "venv")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
        constraints = Path(scratch) / "floors.txt"
        constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
        install = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-c", str(constraints), f"{REPO}[test]"], check=False
        )
        if install.returncode != 0:
            print("the floors could not be installed", file=sys.stderr)
            return 3
        subprocess.run([str(python), "-m", "pip", "list"], check=False)
        tests = args.pytest_args or [str(REPO / "tests")]
        return subprocess.run(
            [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q", *tests], cwd=scratch, check=False
        ).returncode


if __name__ == "__main__":
    raise SystemExit(main())
