"""`blueprint handoffs`: not available yet (arrives with its own issue)."""

from __future__ import annotations

import argparse

from blueprint.cli.common import EXIT_UNREADABLE, say_error


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("handoffs", help="(not available yet)")
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    say_error(None, "'handoffs' is not available yet")
    return EXIT_UNREADABLE
