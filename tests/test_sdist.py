"""The source distribution runs its own tests: it holds every file they read (samples, benchmarks'
scripts, the CI files, docs), and pytest collects the whole suite in an unpacked copy."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NEEDED = ["tests", "samples", "resources", "docs", ".ci", "blueprint"]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sdist = pytest.importorskip("hatchling.builders.sdist")
    out = tmp_path_factory.mktemp("sdist")
    (archive,) = list(sdist.SdistBuilder(str(REPO)).build(directory=str(out), versions=["standard"]))
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    (root,) = [p for p in out.iterdir() if p.is_dir()]
    return root


def _files(root: Path, folder: str) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in (root / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".hypothesis" not in p.parts
    }


def test_the_sdist_holds_every_file_the_tests_read(unpacked: Path) -> None:
    for folder in NEEDED:
        missing = _files(REPO, folder) - _files(unpacked, folder)
        assert not missing, f"{folder}: {sorted(missing)[:5]}"
    scripts = {p.name for p in (REPO / "benchmarks").glob("*.py")}
    assert scripts and scripts <= {p.name for p in (unpacked / "benchmarks").glob("*.py")}


def test_pytest_collects_the_whole_suite_in_the_sdist(unpacked: Path) -> None:
    collect = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", "tests"],
        cwd=unpacked,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert collect.returncode == 0, collect.stdout[-2000:] + collect.stderr[-2000:]
    assert "error" not in collect.stdout.lower().split("collected")[-1]
