"""`blueprint import IN -o OUT.blueprint [--sheet NAME]`: a blueprint from a workbook or CSV file.

Recognised layouts: our own workbook (from `export -o OUT.xlsx`), Blueprint Signal's complete project
workbook, and a simple process list (see docs/interchange.md). Prints the import report on standard
output: what was created, and one line for everything that could not be imported as it was. Exit code
0, or 2 when IN cannot be read (no recognised layout, a hostile or damaged file) or OUT not written. A
blueprint already at OUT is kept as `OUT~.blueprint` (as the editor's backup when saving).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_error, say_file_error
from blueprint.fileformat import BlueprintFileError, save


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="make a blueprint from a spreadsheet (.xlsx) or a CSV file",
        description="Make a blueprint from a workbook we exported, a Blueprint Signal project workbook, "
        "or a simple process list (.xlsx or .csv), and print what could not be imported as it was.",
    )
    parser.add_argument("file", metavar="IN", help="an .xlsx workbook or a .csv file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the .blueprint file to write")
    parser.add_argument("--sheet", metavar="NAME", help="read a process list from this sheet of a workbook")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from blueprint.interchange.importer import WORKBOOK_SUFFIXES, import_file

    out = Path(args.output)
    if out.suffix != ".blueprint":
        say_error(args.output, "the output must end in .blueprint")
        return EXIT_UNREADABLE
    if args.sheet is not None and Path(args.file).suffix.lower() not in WORKBOOK_SUFFIXES:
        say_error(args.file, "note: --sheet applies to workbooks only; a CSV file is one table")
    try:
        imported = import_file(args.file, args.sheet)
        save(imported.document, out)  # a blueprint already there is kept as OUT~.blueprint
    except BlueprintFileError as error:
        say_file_error(error)
        return EXIT_UNREADABLE
    print(imported.report.text())
    print(f"Wrote {out}.")
    return EXIT_OK
