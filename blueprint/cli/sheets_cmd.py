"""`blueprint sheets FILE -o DIR [--function ID]... [--page-size SIZE] [--orientation ...]`: one hand-off
sheet (PDF) per function, named `<function id>.pdf`, in DIR (created when missing); prints each path.

Exit 0, or 2: an unreadable FILE, an unknown function id (one line naming the known ones), or a DIR
that cannot be created or written (one line; no sheet is left half-written).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, load_or_none, say_error, shown_name
from blueprint.cli.export_cmd import _page_size
from blueprint.cli.known_ids import unknown_id


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "sheets",
        help="write a hand-off sheet (PDF) for each function",
        description="Write one hand-off sheet per function: its part of the blueprint drawn in focus, "
        "what it receives and hands on, its fail points, the time on its cards and the findings that "
        "involve it. Files are named after the function's id.",
    )
    parser.add_argument("file", metavar="FILE", help="a .blueprint file, or - for standard input")
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the folder to write (made if missing)"
    )
    parser.add_argument(
        "--function",
        dest="functions",
        action="append",
        metavar="ID",
        help="only this function's sheet (repeat for several); all functions by default",
    )
    parser.add_argument(
        "--page-size",
        type=_page_size,
        default="A3",
        metavar="SIZE",
        help="A4, A3 (default), A2, A1, A0, letter, legal, tabloid",
    )
    parser.add_argument(
        "--orientation",
        choices=["landscape", "portrait"],
        default="landscape",
        help="landscape (default) or portrait",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.output.strip():  # '' would be the current folder, named by no one
        say_error(None, "-o needs the folder to write the sheets in (it was empty)")
        return EXIT_UNREADABLE
    doc = load_or_none(args.file)
    if doc is None:
        return EXIT_UNREADABLE
    known = [f.id for f in doc.functions]
    for function_id in args.functions or ():
        if function_id not in known:
            say_error(shown_name(args.file), unknown_id("function", function_id, known))
            return EXIT_UNREADABLE
    from blueprint.export.sheets import SheetWriteError, prepare_folder, write_sheets

    folder = Path(args.output)
    clash = _overwrites_input(args.file, folder, args.functions or known)
    if clash is not None:
        say_error(str(clash), "is the blueprint being read: a sheet may not replace it (choose another DIR)")
        return EXIT_UNREADABLE
    try:
        prepare_folder(folder)
    except OSError as error:
        say_error(args.output, f"cannot write the sheets there: {error.strerror or error}")
        return EXIT_UNREADABLE
    try:
        result = write_sheets(doc, folder, args.functions, args.page_size, args.orientation)
    except SheetWriteError as error:
        for path in error.written:  # whole, and kept: said, as a successful run says them
            print(path)
        kept = f" ({len(error.written)} written before it stay)" if error.written else ""
        say_error(str(error.filename), f"cannot write this sheet: {error.strerror}{kept}")
        return EXIT_UNREADABLE
    except OSError as error:
        say_error(args.output, f"cannot write the sheets: {error.strerror or error}")
        return EXIT_UNREADABLE
    for path in result.paths:
        print(path)
    for warning in result.warnings:
        say_error(shown_name(args.file), f"warning: {warning}")
    return EXIT_OK


def _overwrites_input(file: str, folder: Path, function_ids: list[str]) -> Path | None:
    """The sheet that would replace FILE itself (a blueprint named like a sheet), if any."""
    if file == "-" or not Path(file).exists():
        return None
    for function_id in function_ids:
        target = folder / f"{function_id}.pdf"
        if target.exists() and os.path.samefile(target, file):
            return target
    return None
