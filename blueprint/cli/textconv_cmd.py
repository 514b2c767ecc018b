"""`blueprint textconv FILE`: the blueprint as lines of words, which `git diff` compares.

Registered by `blueprint git-setup` as git's `diff.blueprint.textconv`. A file that cannot be read as
a blueprint (a half-resolved merge, say) is printed as it is, so that `git diff` still shows it.
"""

from __future__ import annotations

import argparse
import sys

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_file_error
from blueprint.fileformat import BlueprintFileError, loads
from blueprint.fileformat.reader import read_bytes
from blueprint.teams.textform import text_form


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "textconv",
        help="the blueprint as lines of words (what git diff shows after git-setup)",
        description="Print the blueprint one element per line, with its fields on indented lines below, "
        "in words (names, not ids). git-setup registers it as git's textconv for .blueprint files.",
    )
    parser.add_argument("file", metavar="FILE", help="a .blueprint file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = read_bytes(args.file)
    except BlueprintFileError as error:
        say_file_error(error)
        return EXIT_UNREADABLE
    try:
        text = text_form(loads(data, file=args.file))
    except BlueprintFileError:
        text = data.decode("utf-8", errors="replace")
    sys.stdout.write(text)
    return EXIT_OK
