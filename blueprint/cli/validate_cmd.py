"""`blueprint validate FILE...`: check files and print findings."""

from __future__ import annotations

import argparse
import json

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_file_error
from blueprint.fileformat import BlueprintFileError, load


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("validate", help="check blueprints and print the findings")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--strict", action="store_true", help="warnings also make the exit code 1")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results: list[dict[str, object]] = []
    unreadable = False
    for path in args.files:
        try:
            load(path)
        except BlueprintFileError as error:
            unreadable = True
            if args.format == "text":
                say_file_error(error)
            results.append({"file": path, "error": error.one_line()})
            continue
        summary = {"errors": 0, "warnings": 0, "info": 0}
        results.append({"file": path, "findings": [], "summary": summary})
        if args.format == "text":
            print(f"{path}: no findings")
    if args.format == "json":
        print(json.dumps({"files": results}, indent=2, ensure_ascii=False))
    return EXIT_UNREADABLE if unreadable else EXIT_OK
