"""Shared fixtures. Qt runs headless; fixtures build on each other (document, scene, view, window)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the tests' QSettings and recovery copies out of the user's own folders, in a folder that goes when
# the run ends (it must exist before Qt starts, so before pytest's tmp_path does).
_USER_DIRS = tempfile.mkdtemp(prefix="blueprint-tests-")
atexit.register(shutil.rmtree, _USER_DIRS, ignore_errors=True)
os.environ["XDG_CONFIG_HOME"] = os.path.join(_USER_DIRS, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_USER_DIRS, "data")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted((REPO / "samples").glob("*.blueprint"))
TEST_FILES = REPO / "tests" / "files"

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture(params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample_path(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path) -> None:
    """Each test keeps QSettings (recent files, window layout) in a folder of its own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
