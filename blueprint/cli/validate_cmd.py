"""`blueprint validate FILE...`: check files and print the findings (text or JSON).

Exit codes: 0 no errors (warnings allowed unless `--strict`), 1 errors (or warnings with `--strict`),
2 a file could not be read (the other files are still checked and printed) or bad usage.
With `--baseline OLD`, findings OLD has too (same code, same elements) are left out and do not count.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from blueprint.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    STDIN,
    read_document,
    say_file_error,
    shown_name,
)
from blueprint.fileformat import BlueprintFileError
from blueprint.teams.baseline import baseline_summary_line, new_findings
from blueprint.validate import Finding, validate
from blueprint.validate.report import file_json, file_text, unreadable_json


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "validate",
        help="check blueprints and print the findings",
        description="Check the hand-offs of blueprints. Exit code 0: no errors; 1: errors (or warnings "
        "with --strict); 2: a file could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .blueprint file, or - for standard input")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="warnings also make the exit code 1")
    parser.add_argument(
        "--baseline",
        metavar="OLD",
        help="report only findings that OLD (an earlier version) does not have: same code, same elements",
    )
    parser.set_defaults(run=run)


def _fails(findings: list[Finding], strict: bool) -> bool:
    failing = {"error", "warning"} if strict else {"error"}
    return any(finding.severity in failing for finding in findings)


def _error_text(error: BlueprintFileError) -> str:
    """The error without the file name (the JSON object names the file already)."""
    return ": ".join(part for part in (error.path, error.message) if part)


def run(args: argparse.Namespace) -> int:
    if args.files.count(STDIN) > 1:
        args.usage_error("standard input (-) can be read only once")
    known: list[Finding] | None = None
    if args.baseline is not None:
        if args.baseline == STDIN and STDIN in args.files:
            args.usage_error("standard input (-) can be read only once")
        try:
            known = validate(read_document(args.baseline))
        except BlueprintFileError as error:
            say_file_error(error)
            return EXIT_UNREADABLE
    files: list[dict[str, Any]] = []
    unreadable = failing = False
    blocks: list[str] = []
    for given in args.files:
        path = shown_name(given)
        try:
            doc = read_document(given)
        except BlueprintFileError as error:
            unreadable = True
            say_file_error(error)
            files.append(unreadable_json(path, _error_text(error)))
            continue
        findings = validate(doc)
        summary: str | None = None
        report: dict[str, Any] = {}
        if known is not None:
            every = len(findings)
            findings = new_findings(findings, known)
            summary = baseline_summary_line(findings, every - len(findings))
            report["known"] = every - len(findings)
        failing = failing or _fails(findings, args.strict)
        files.append({**file_json(path, findings), **report})
        blocks.append(file_text(path, findings, summary))
    if args.format == "json":
        print(json.dumps({"files": files}, indent=2, ensure_ascii=False))
    elif blocks:
        print("\n\n".join(blocks))
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if failing else EXIT_OK
