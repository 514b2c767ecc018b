"""Find the files shipped with the program (templates, fonts, icons, desktop files, the rules' text and
the licence).

In a wheel, the repo's top-level `resources/` folder is installed as `blueprint/resources/`, with
`docs/rules.md` and `LICENSE` copied into it (pyproject.toml); in a source checkout they are found
beside the package, so the editor always shows the rules' text as it is in the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from blueprint.fileformat import BlueprintFileError, load
from blueprint.model import Blueprint

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """The folder holding `templates/`, `fonts/` and `icons/`."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError("the program's resources folder is missing: reinstall Service Blueprint Studio")


def template_names() -> list[str]:
    """Names of the built-in templates, in a designer's order (simple first)."""
    order = ["blank", "classic", "five-stage", "eight-stage"]
    found = sorted(p.stem for p in (resources_dir() / "templates").glob("*.blueprint"))
    return [n for n in order if n in found] + [n for n in found if n not in order]


def load_template(name: str) -> Blueprint:
    """A built-in template, read through the normal loader."""
    if name not in template_names():
        raise BlueprintFileError(
            f"unknown template '{name}' (choose from: {', '.join(template_names())})", code="unknown-template"
        )
    return load(resources_dir() / "templates" / f"{name}.blueprint")


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name


def icon_path() -> Path:
    """The application's icon (SVG, drawn for 16 to 512 pixels)."""
    return resources_dir() / "icons" / "service-blueprint-studio.svg"


def desktop_files_dir() -> Path:
    """The `.desktop` entry and the shared-mime-info package that `blueprint install-desktop` installs."""
    return resources_dir() / "desktop"


def _shipped(*parts: str) -> Path:
    """A file copied into the package's resources on install (else in the source checkout's root)."""
    inside = resources_dir().joinpath(*parts)
    return inside if inside.is_file() else resources_dir().parent.joinpath(*parts)


def rules_text() -> str:
    """The text of docs/rules.md: what each hand-off finding means (read when asked, never cached, so
    the editor shows the rules of the version installed)."""
    return _shipped("docs", "rules.md").read_text(encoding="utf-8")


def license_text() -> str:
    """The program's licence (MIT)."""
    return _shipped("LICENSE").read_text(encoding="utf-8")
