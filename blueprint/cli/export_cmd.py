"""`blueprint export FILE -o OUT`: a PDF blueprint (or SVG/PNG by the suffix of OUT), or a file for
other tools: an Excel workbook (.xlsx), a CSV table of the cards (.csv), a draw.io diagram (.drawio).

Warnings (text too small on one page, characters no font can draw) go to standard error, one line
each; the file is still written. Every format is drawn in memory and then written atomically, so a
failed export never leaves half a file under OUT's name. Exit code 0, or 2 when the file cannot be
read or written, or when OUT is the input itself (through any link) or not a regular file (one
line naming OUT and the reason).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from blueprint.cli.collector import settle
from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, STDIN, load_or_none, say_error, shown_name
from blueprint.cli.export_views import HTML_SUFFIXES, add_view_option, chosen_audience, write_html
from blueprint.fileformat import BlueprintFileError, write_atomically
from blueprint.interchange.exports import SUFFIXES as OTHER_TOOLS
from blueprint.interchange.exports import export_file
from blueprint.layout.gcpause import without_gc

PAGE_SIZES = ["A4", "A3", "A2", "A1", "A0", "letter", "legal", "tabloid"]


def _page_size(text: str) -> str:
    for name in PAGE_SIZES:
        if text.lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(f"unknown page size '{text}' (choose from: {', '.join(PAGE_SIZES)})")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="write a PDF blueprint (or SVG, PNG, HTML, XLSX, CSV, draw.io by the suffix of OUT)",
        description="Export a blueprint for people who do not use the editor. The suffix of OUT picks "
        "the format: .pdf (vector, with appendix), .svg, .png or .html (one page that opens offline "
        "in any browser); for other tools .xlsx (the whole blueprint, re-imports exactly), .csv (the "
        "cards) or .drawio.",
    )
    parser.add_argument("file", metavar="FILE", help="a .blueprint file, or - for standard input")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the file to write (.pdf, .svg, .png, .html, .xlsx, .csv, .drawio)",
    )
    parser.add_argument(
        "--page-size",
        type=_page_size,
        default=None,
        metavar="SIZE",
        help="A4, A3 (default), A2, A1, A0, letter, legal, tabloid",
    )
    parser.add_argument(
        "--orientation",
        choices=["landscape", "portrait"],
        default=None,
        help="landscape (default) or portrait",
    )
    parser.add_argument(
        "--fit",
        choices=["page", "tile"],
        default=None,
        help="scale to one page (default) or tile over sheets",
    )
    parser.add_argument(
        "--no-appendix",
        dest="appendix",
        action="store_const",
        const=False,
        default=None,
        help="leave out the appendix pages",
    )
    add_view_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Reading the file and drawing it make hundreds of thousands of objects and no garbage cycles:
    # the collector would only walk them again and again (0.06 s of a 5,000-card export's load)
    with without_gc():
        code = _export(args)
        settle()  # before the collector runs again over what is left (the layout's memo, fonts)
        return code


def _export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".svg", ".png", *HTML_SUFFIXES, *OTHER_TOOLS):
        say_error(args.output, "the output must end in .pdf, .svg, .png, .html, .xlsx, .csv or .drawio")
        return EXIT_UNREADABLE
    doc = load_or_none(args.file)
    if doc is None:
        return EXIT_UNREADABLE
    from blueprint.export.output import output_problem  # the export package loads reportlab

    problem = output_problem(out, None if args.file == STDIN else args.file)
    if problem is not None:
        say_error(args.output, problem)
        return EXIT_UNREADABLE
    chosen = chosen_audience(args, doc)
    if chosen is None:
        return EXIT_UNREADABLE
    audience, view_name = chosen
    given = [name for name, value in _page_options(args) if value is not None]
    if suffix != ".pdf" and given:
        verb = "applies" if len(given) == 1 else "apply"
        say_error(
            args.output,
            f"note: {_and(given)} {verb} to PDF only; the {suffix[1:].upper()} shows the whole blueprint",
        )
    try:
        if suffix == ".pdf":
            from blueprint.export import ExportOptions, export_pdf

            options = ExportOptions(
                args.page_size or "A3",
                args.orientation or "landscape",
                args.fit or "page",
                args.appendix is not False,
                audience,
            )
            pdf = io.BytesIO()
            warnings = export_pdf(doc, pdf, options)
            write_atomically(out, pdf.getvalue())
        elif suffix in HTML_SUFFIXES:
            warnings = write_html(doc, out, audience, view_name)
        elif suffix in OTHER_TOOLS:
            if view_name is not None:
                say_error(
                    args.output,
                    "note: --view applies to PDF, SVG, PNG and HTML; this file holds the whole blueprint",
                )
            export_file(doc, out)
            warnings = []
        else:
            from blueprint.export.image import export_image

            warnings = export_image(doc, out, audience)
    except OSError as error:
        say_error(args.output, f"cannot write: {error.strerror or error}")
        return EXIT_UNREADABLE
    except BlueprintFileError as error:
        say_error(args.output, error.message)
        return EXIT_UNREADABLE
    for warning in warnings:
        say_error(shown_name(args.file), f"warning: {warning}")
    return EXIT_OK


def _page_options(args: argparse.Namespace) -> list[tuple[str, object]]:
    """The PDF page options as the user spelled them, with None for those not given."""
    return [
        ("--page-size", args.page_size),
        ("--orientation", args.orientation),
        ("--fit", args.fit),
        ("--no-appendix", args.appendix),
    ]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
