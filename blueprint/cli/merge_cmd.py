"""`blueprint merge BASE OURS THEIRS [-o OUT]`: three-way merge of two designers' versions.

This is git's merge driver (`blueprint merge %O %A %B -o %A`, see `blueprint git-setup`): OUT defaults
to OURS. It always writes a valid file; each conflict is one line (kind, id, title, field, both
values). Exit codes: 0 merged cleanly, 1 conflicts (OURS's values kept), 2 a file could not be read
or written (nothing is written).
"""

from __future__ import annotations

import argparse

from blueprint.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, load_or_none, say_file_error
from blueprint.fileformat import BlueprintFileError, save
from blueprint.teams import conflict_line, merge_documents
from blueprint.teams.words import Names

EXIT_CONFLICTS = EXIT_FINDINGS


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "merge",
        help="merge two versions of a blueprint made from one common version (a git merge driver)",
        description="Three-way merge by element and field: what one side changed is taken, what both "
        "changed the same way too; where both changed the same thing differently, OURS is kept and a "
        "CONFLICT line says so. Exit code 0: merged; 1: conflicts; 2: a file could not be read or written.",
    )
    parser.add_argument("base", metavar="BASE", help="the version both sides started from")
    parser.add_argument("ours", metavar="OURS", help="our version (written with the result unless -o)")
    parser.add_argument("theirs", metavar="THEIRS", help="their version")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write the result (default: OURS)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    docs = [load_or_none(path) for path in (args.base, args.ours, args.theirs)]
    base, ours, theirs = docs
    if base is None or ours is None or theirs is None:
        return EXIT_UNREADABLE
    result = merge_documents(base, ours, theirs)
    out = args.output or args.ours
    try:
        # no NAME~ backup: git's OURS is a temporary file, and a backup would be left in the work tree
        save(result.document, out, backup=False)
    except BlueprintFileError as error:
        say_file_error(error)
        return EXIT_UNREADABLE
    names = Names(*result.versions)
    for conflict in result.conflicts:
        print(conflict_line(conflict, names))
    return EXIT_OK if result.clean else EXIT_CONFLICTS
