"""Find the files shipped with the program (templates, fonts, icons).

In a wheel, the repo's top-level `resources/` folder is installed as `blueprint/resources/`; in a
source checkout it is found beside the package.
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
