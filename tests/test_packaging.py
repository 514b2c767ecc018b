"""What a fresh install relies on: resources inside the package, CI running the README's test command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import blueprint
from blueprint.resources import resources_dir, template_names

REPO = Path(__file__).resolve().parent.parent


def test_resources_ship_inside_the_installed_package() -> None:
    package = Path(blueprint.__file__).resolve().parent
    found = resources_dir()
    assert (found / "templates" / "classic.blueprint").is_file()
    if "site-packages" in str(package):  # a real (non-editable) install, as in CI
        assert found == package / "resources"
    assert len(template_names()) >= 4


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1]
    command = re.search(r"^python3 .*$", block, re.MULTILINE)
    assert command, "README.md has no test command after the marker"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and 'bash -c "$cmd"' in ci
    assert "pytest" in command.group(0)


def test_the_pyside_pin_excludes_612() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"PySide6-Essentials>=6.11.2,<6.12"' in pyproject  # two editor tests fail below 6.11.2
    assert "rl-accel" in pyproject


def test_every_runtime_dependency_has_a_floor_that_installs() -> None:
    """Floors checked by benchmarks/dependency_floors.py (installs them all and runs the suite):
    reportlab 4.0.0 to 4.0.3 cannot be installed without building pycairo; the export uses reportlab's
    private API, so it stays below 6."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = {re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0].lower(): r for r in project["dependencies"]}
    assert requirements["reportlab"] == "reportlab>=4.0.4,<6"
    assert requirements["python-bidi"].startswith("python-bidi>=")
    assert all(">=" in requirement for requirement in requirements.values())


def test_the_html_viewers_script_and_style_ship_inside_the_package() -> None:
    from importlib import resources

    viewer = resources.files("blueprint.export.html")
    assert viewer.joinpath("viewer.js").is_file() and viewer.joinpath("viewer.css").is_file()
