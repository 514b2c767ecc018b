"""`blueprint handoffs FILE`: every function's upstream and downstream functions, and the matrix."""

from __future__ import annotations

import argparse
import json
import sys

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, load_or_none
from blueprint.graph import handoff_report
from blueprint.graph.render import handoffs_csv, handoffs_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "handoffs",
        help="upstream and downstream functions of every function, and the hand-off matrix",
        description="Show, for every function, who hands work to it (upstream), to whom it hands work "
        "(downstream), its hand-off counts and stages, then the hand-off matrix.",
    )
    parser.add_argument("file", metavar="FILE", help="a .blueprint file, or - for standard input")
    parser.add_argument("--format", choices=["text", "json", "csv"], default="text", help="output format")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    doc = load_or_none(args.file)
    if doc is None:
        return EXIT_UNREADABLE
    report = handoff_report(doc)
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(handoffs_csv(report))
    else:
        print(handoffs_text(doc, report))
    return EXIT_OK
