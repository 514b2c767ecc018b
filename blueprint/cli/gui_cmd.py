"""`blueprint [FILE]`: open the editor."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from blueprint.cli.common import EXIT_UNREADABLE, say_error


def parse(words: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="blueprint", description="Open the Service Blueprint Studio editor."
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .blueprint file to open")
    return parser.parse_args(list(words))


def run(args: argparse.Namespace) -> int:
    say_error(None, "the editor is not available yet")
    return EXIT_UNREADABLE
