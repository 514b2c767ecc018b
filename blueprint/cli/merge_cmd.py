"""`blueprint merge BASE OURS THEIRS [-o OUT] [--name NAME]`: three-way merge of two designers' versions.

This is git's merge driver (`blueprint merge %O %A %B -o %A --name %P`, see `blueprint git-setup`): OUT
defaults to OURS. It always writes a valid file; each conflict is one line (kind, id, title, field,
both values). git hands the driver temporary files (`.merge_file_Xa1b2`), so `--name` gives the path
the designer knows: conflict lines and errors say `hotel.blueprint` and which version (ours, theirs,
the common one). An empty BASE is git's way of saying both branches added the file: then there is no
common version, and what both sides have under one id is merged as one element. Exit codes: 0 merged
cleanly, 1 conflicts (OURS's values kept), 2 a file could not be read or written (nothing is written).
"""

from __future__ import annotations

import argparse
import os
import stat

from blueprint.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    STDIN,
    read_document,
    say_error,
    say_file_error,
    shown_name,
)
from blueprint.fileformat import BlueprintFileError, loads, save
from blueprint.fileformat.reader import read_bytes
from blueprint.model import Blueprint
from blueprint.teams import conflict_line, merge_documents
from blueprint.teams.words import Names

#: What the three inputs are called in errors when `--name` gives the file's own path.
ROLES = ("the common version", "ours", "theirs")

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
    parser.add_argument(
        "--name",
        metavar="NAME",
        help="the file's path in your repository, for messages (git-setup passes git's %%P)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if [args.base, args.ours, args.theirs].count(STDIN) > 1:
        args.usage_error("standard input (-) can be read only once")
    out = args.output or args.ours
    if out == STDIN:
        args.usage_error("OUT must be a file: give -o FILE when OURS is standard input")
    problem = _output_problem(out)
    if problem is not None:
        say_error(shown_name(out), problem)
        return EXIT_UNREADABLE
    docs: list[Blueprint | None] = []
    for role, path in zip(ROLES, (args.base, args.ours, args.theirs), strict=True):
        try:
            docs.append(_read(path, may_be_empty=role == ROLES[0]))
        except BlueprintFileError as error:
            say_file_error(error.with_file(f"{args.name} ({role})") if args.name else error)
            return EXIT_UNREADABLE
    base, ours, theirs = docs
    assert ours is not None and theirs is not None  # only BASE may be empty
    result = merge_documents(base, ours, theirs)
    try:
        # no NAME~ backup: git's OURS is a temporary file, and a backup would be left in the work tree
        save(result.document, out, backup=False)
    except BlueprintFileError as error:
        say_file_error(error)
        return EXIT_UNREADABLE
    names = Names(*result.versions)
    file = shown_name(args.name) if args.name else None
    for conflict in result.conflicts:
        print(conflict_line(conflict, names, file))
    return EXIT_OK if result.clean else EXIT_CONFLICTS


def _read(path: str, *, may_be_empty: bool) -> Blueprint | None:
    """The document at `path` (or stdin); None for an empty BASE (both branches added the file)."""
    if path == STDIN or not may_be_empty:
        return read_document(path)
    data = read_bytes(path)
    if not data.strip():
        return None
    return loads(data, file=path)


def _output_problem(out: str) -> str | None:
    """Why OUT must not be written (a folder, a pipe, a device), or None: a regular or new file."""
    try:
        if stat.S_ISREG(os.stat(out).st_mode):
            return None
    except OSError:
        return None  # a new file; or let the write report what is wrong with the folder
    # only on the rare refusal: blueprint.export loads the PDF writer, too slow for every git merge
    from blueprint.export.output import output_problem

    return output_problem(out)
