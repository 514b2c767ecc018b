"""`blueprint timing FILE`: the customer's time at each customer moment, per stage and for the journey."""

from __future__ import annotations

import argparse
import json
import sys

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, load_or_none
from blueprint.graph.timing import customer_time
from blueprint.graph.timing_report import timing_csv, timing_json, timing_text


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "timing",
        help="the customer's time at each customer card, per stage and for the journey",
        description="Add up the minutes of the work behind each customer card (the longest chain of flow "
        "links since the customer's previous moment) and compare them with the customer's tolerance.",
    )
    parser.add_argument("file", metavar="FILE", help="a .blueprint file, or - for standard input")
    parser.add_argument("--format", choices=["text", "json", "csv"], default="text", help="output format")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    doc = load_or_none(args.file)
    if doc is None:
        return EXIT_UNREADABLE
    timing = customer_time(doc)
    if args.format == "json":
        print(json.dumps(timing_json(doc, timing), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(timing_csv(doc, timing))
    else:
        print(timing_text(doc, timing))
    return EXIT_OK
