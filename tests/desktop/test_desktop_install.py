"""`blueprint install-desktop --user` into a temporary XDG_DATA_HOME: the desktop entry passes
desktop-file-validate and runs this installation; the MIME database names `.blueprint` files (and files
that only say so in their first bytes) application/x-service-blueprint and opens them with the editor."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from blueprint.cli import main
from blueprint.desktop.install import exec_line

TOOLS = ("desktop-file-validate", "update-mime-database", "gio")


def run(*command: str, env: dict[str, str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="desktop-file-utils, shared-mime-info, gio"
)
def test_install_desktop_user_registers_the_editor_for_blueprint_files(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["install-desktop", "--user"]) == 0
    said = capsys.readouterr().out
    entry = data / "applications" / "service-blueprint-studio.desktop"
    assert f"Installed {entry}" in said and "update-mime-database" in said
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": "/usr/local/share:/usr/share"}
    run("desktop-file-validate", str(entry), env=env)
    text = entry.read_text(encoding="utf-8")
    exec_value = next(line for line in text.splitlines() if line.startswith("Exec="))[5:]
    program = exec_value.split(" ")[0]
    assert exec_value.endswith(" %f") and os.access(program, os.X_OK), "Exec runs this very installation"
    assert "MimeType=application/x-service-blueprint;" in text
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "service-blueprint-studio.svg").is_file()
    named = tmp_path / "trip.blueprint"
    named.write_text("{}", encoding="utf-8")
    unnamed = tmp_path / "shared-by-mail"  # no suffix: known by its first bytes
    unnamed.write_text('{\n  "format": "service-blueprint",\n  "version": 2\n}\n', encoding="utf-8")
    for path in (named, unnamed):
        info = run("gio", "info", "--attributes=standard::content-type", str(path), env=env)
        assert "application/x-service-blueprint" in info, (path, info)
    default = run("gio", "mime", "application/x-service-blueprint", env=env)
    assert "service-blueprint-studio.desktop" in default.splitlines()[0]


def test_exec_line_quotes_paths_with_spaces() -> None:
    assert exec_line(["/opt/blue print/bin/blueprint"]) == '"/opt/blue print/bin/blueprint" %f'
    assert exec_line(["/usr/bin/python3", "-m", "blueprint"]) == "/usr/bin/python3 -m blueprint %f"


def test_install_desktop_without_rights_says_so_in_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import blueprint.cli.install_desktop_cmd as command

    monkeypatch.setattr(command, "SYSTEM_DATA_HOME", Path("/proc/no-such-place"))
    assert main(["install-desktop"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "cannot install there" in err and "--user" in err
