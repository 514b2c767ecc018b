"""`blueprint [FILE]`: open the editor."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def parse(words: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="blueprint", description="Open the Service Blueprint Studio editor."
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .blueprint file to open")
    return parser.parse_args(list(words))


def run(args: argparse.Namespace) -> int:
    from blueprint.ui.app import run_editor  # Qt is imported only when the editor opens

    return run_editor(args.file)
