"""Install the desktop entry, the icon and the MIME type into a data folder (`$XDG_DATA_HOME`, or a
system one), then refresh the caches that desktops read, when their tools are present:

- `applications/service-blueprint-studio.desktop`, whose Exec line runs this very installation;
- `mime/packages/service-blueprint-studio.xml`: `application/x-service-blueprint` for `*.blueprint`, and
  for files whose first bytes say `"format": "service-blueprint"` whatever their name;
- the icon (SVG) as the application's and as the file type's, in the hicolor theme;
- `update-mime-database`, `update-desktop-database` and `gtk-update-icon-cache` on those folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from blueprint.resources import desktop_files_dir, icon_path

DESKTOP_ID = "service-blueprint-studio"
MIME_TYPE = "application/x-service-blueprint"
SYSTEM_DATA_HOME = Path("/usr/local/share")
#: (tool, folder under the data folder, extra arguments): refreshed after the files are in place.
REFRESH = (
    ("update-mime-database", "mime", ()),
    ("update-desktop-database", "applications", ("-q",)),
    ("gtk-update-icon-cache", "icons/hicolor", ("-q", "-t", "-f")),
)


@dataclass
class Installed:
    """What `install` did: the files written, the tools run, and the tools not found."""

    data_home: Path
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def user_data_home() -> Path:
    """`$XDG_DATA_HOME`, or `~/.local/share` when it is unset or not absolute (as the spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this installation's editor: the `blueprint` script beside the running
    Python when there is one (a virtual environment's), else `python -m blueprint`."""
    script = Path(sys.executable).parent / "blueprint"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "blueprint"]


def exec_line(command: list[str]) -> str:
    """The desktop entry's Exec value: each word quoted when the spec asks for it, then `%f`."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")

    def quote(word: str) -> str:
        if not any(ch in reserved for ch in word):
            return word
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
        return '"' + inner + '"'

    words = " ".join(quote(word) for word in command)
    return words.replace("\\", "\\\\") + " %f"  # a desktop entry's strings escape backslashes again


def desktop_entry(command: list[str]) -> str:
    """The shipped desktop entry with its Exec line pointing at `command`."""
    text = (desktop_files_dir() / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    lines = [f"Exec={exec_line(command)}" if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def install(data_home: Path, command: list[str] | None = None, refresh: bool = True) -> Installed:
    """Write the files under `data_home` and refresh the caches; OSError when a folder cannot be written."""
    done = Installed(data_home)
    svg = icon_path().read_bytes()
    targets: list[tuple[Path, bytes]] = [
        (
            data_home / "applications" / f"{DESKTOP_ID}.desktop",
            desktop_entry(command or launcher_command()).encode(),
        ),
        (
            data_home / "mime" / "packages" / f"{DESKTOP_ID}.xml",
            (desktop_files_dir() / f"{DESKTOP_ID}.xml").read_bytes(),
        ),
        (data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg", svg),
        (
            data_home / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{MIME_TYPE.replace('/', '-')}.svg",
            svg,
        ),
    ]
    for path, data in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        done.files.append(path)
    if refresh:
        for tool, folder, extra in REFRESH:
            found = shutil.which(tool)
            if found is None:
                done.missing.append(tool)
                continue
            result = subprocess.run(
                [found, *extra, str(data_home / folder)], capture_output=True, text=True, check=False
            )
            if result.returncode == 0:
                done.refreshed.append(tool)
            else:
                done.missing.append(
                    f"{tool} (failed: {result.stderr.strip().splitlines()[-1:] or result.returncode})"
                )
    return done
