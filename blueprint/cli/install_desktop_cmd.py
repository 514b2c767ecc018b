"""`blueprint install-desktop [--user]`: the editor in the desktop's menus, its icon, and `.blueprint`
files opening in it from a file manager (see `blueprint.desktop`)."""

from __future__ import annotations

import argparse

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_error
from blueprint.desktop import install
from blueprint.desktop.install import SYSTEM_DATA_HOME, user_data_home


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "install-desktop",
        help="add the editor to the desktop's menus and open .blueprint files with it",
        description="Install the desktop entry, the icon and the .blueprint file type, then refresh the "
        f"desktop's caches. Without --user, for everyone, into {SYSTEM_DATA_HOME} (needs an "
        "administrator); with --user, for you alone, into $XDG_DATA_HOME (~/.local/share).",
    )
    parser.add_argument("--user", action="store_true", help="install for the current user only")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data_home = user_data_home() if args.user else SYSTEM_DATA_HOME
    try:
        done = install(data_home)
    except OSError as error:
        place = error.filename or data_home
        hint = "" if args.user else " (run as an administrator, or use --user)"
        say_error(str(place), f"cannot install there: {error.strerror or error}{hint}")
        return EXIT_UNREADABLE
    for path in done.files:
        print(f"Installed {path}")
    if done.refreshed:
        print(f"Refreshed with {', '.join(done.refreshed)}.")
    if done.missing:
        print(f"Not run (not found): {', '.join(done.missing)}; the desktop may need a new login to notice.")
    return EXIT_OK
