"""`blueprint diff OLD NEW [--format text|json]`: what changed between two versions, element by element.

Exit codes as diff(1): 0 the same document, 1 they differ, 2 a file could not be read or bad usage.
Both files are migrated on reading, so a version-1 file and its version-2 save are the same document.
"""

from __future__ import annotations

import argparse
import json

from blueprint.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, STDIN, load_or_none
from blueprint.teams import diff_documents, diff_lines

EXIT_DIFFERENT = EXIT_FINDINGS


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two versions of a blueprint, in words",
        description="Compare two versions of a blueprint element by element (by id): what was added, "
        "removed, changed (field by field) or moved. Exit code 0: the same document; 1: they differ; "
        "2: a file could not be read.",
    )
    parser.add_argument("old", metavar="OLD", help="the older version (a .blueprint file, or - for stdin)")
    parser.add_argument("new", metavar="NEW", help="the newer version")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.old == STDIN and args.new == STDIN:
        args.usage_error("standard input (-) can be read only once")
    old = load_or_none(args.old)
    new = load_or_none(args.new) if old is not None else None
    if old is None or new is None:
        return EXIT_UNREADABLE
    diff = diff_documents(old, new)
    if args.format == "json":
        print(json.dumps(diff.to_json(), indent=2, ensure_ascii=False))
    else:
        for line in diff_lines(diff):
            print(line)
    return EXIT_OK if diff.same else EXIT_DIFFERENT
