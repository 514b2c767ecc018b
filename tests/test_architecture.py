"""Layers import only downwards; the domain (model, files, graph, rules, layout, PDF) never imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import blueprint

PACKAGE = Path(blueprint.__file__).resolve().parent
QT_FREE = [
    "safetext",
    "model",
    "fileformat",
    "graph",
    "validate",
    "teams",
    "layout",
    "edit",
    "recovery",
    "export/pdf",
    "export/sheets",
    "export/html",
    "interchange",
]
# teams (diff, merge, compare measures) builds on the model, files and checks; the editor and the
# command line use it. interchange (spreadsheets, draw.io) reads findings and the layout; the editor
# and the command line use it.
ORDER = [
    "safetext",
    "model",
    "fileformat",
    "graph",
    "validate",
    "teams",
    "layout",
    "export",
    "interchange",
    "edit",
    "recovery",
    "ui",
    "cli",
]


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_under(part: str) -> list[Path]:
    base = PACKAGE / part
    if base.is_dir():
        return sorted(base.rglob("*.py"))
    single = PACKAGE / f"{part}.py"
    return [single] if single.exists() else []


def test_the_domain_never_imports_qt() -> None:
    checked = 0
    for part in QT_FREE:
        for path in modules_under(part):
            checked += 1
            qt = {name for name in imports_of(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
            assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"
    assert checked >= 10


def test_layers_import_only_downwards() -> None:
    rank = {layer: i for i, layer in enumerate(ORDER)}
    rank["graph"] = rank["validate"]  # graph and validate are one layer
    for layer in ORDER:
        for path in modules_under(layer):
            for name in imports_of(path):
                parts = name.split(".")
                if parts[0] != "blueprint" or len(parts) < 2 or parts[1] not in rank:
                    continue
                assert rank[parts[1]] <= rank[layer], f"{path.relative_to(PACKAGE)} imports {name} (upwards)"
