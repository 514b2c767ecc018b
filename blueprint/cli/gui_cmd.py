"""`blueprint [FILE]`: open the editor.

A word that is neither a sub-command nor an existing file is a typo, not a file to open: it gets a
one-line error instead of an editor window. Without a display, say so instead of letting Qt abort.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def commands() -> str:
    """The sub-commands, from the one registry (`blueprint.cli.SUBCOMMANDS`), so no list can drift."""
    from blueprint.cli import SUBCOMMANDS  # the package imports this module first

    return ", ".join(SUBCOMMANDS)


def usage() -> str:
    """The whole command in two lines: the editor with a FILE, or a sub-command (argparse would show
    only `[FILE]` for the editor's own parser, hiding every sub-command)."""
    return (
        "blueprint [-h] [--version] [--debug] [FILE]\n"
        f"       blueprint [--debug] COMMAND ...   (COMMAND: {commands()})"
    )


def parse(words: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="blueprint", usage=usage(), description="Open the Service Blueprint Studio editor."
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .blueprint file to open")
    args, extra = parser.parse_known_args(list(words))
    if extra:
        options = [word for word in extra if word.startswith("-") and word != "-"]
        if options:
            parser.error(f"unknown option {options[0]!r}")
        quoted = ", ".join(repr(word) for word in extra)
        parser.error(f"too many arguments: {quoted} (the editor opens one FILE; a COMMAND goes first)")
    return args


def has_display() -> bool:
    """Whether Qt can show a window here (a desktop session, or a platform chosen explicitly)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    from blueprint.cli.common import EXIT_UNREADABLE, say_error  # loads the model: only when it runs

    if args.file is not None and not Path(args.file).exists():
        if Path(args.file).suffix:
            say_error(args.file, "no such file")
        else:
            say_error(None, f"'{args.file}' is not a command or an existing file (commands: {commands()})")
        return EXIT_UNREADABLE
    if not has_display():
        say_error(
            None,
            "no display to open the editor on (set DISPLAY, or QT_QPA_PLATFORM=offscreen; "
            f"the sub-commands {commands()} need no display)",
        )
        return EXIT_UNREADABLE
    from blueprint.ui.app import run_editor  # Qt is imported only when the editor opens

    return run_editor(args.file)
