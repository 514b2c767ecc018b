"""`blueprint schema`: print the JSON Schema of the file format."""

from __future__ import annotations

import argparse
import json

from blueprint.cli.common import EXIT_OK
from blueprint.fileformat.schema_limits import with_reader_limits
from blueprint.model import Blueprint


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("schema", help="print the JSON Schema of the .blueprint format")
    parser.set_defaults(run=run)


def schema() -> dict[str, object]:
    result = Blueprint.model_json_schema()
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result["title"] = "Service blueprint (.blueprint file), format version 1"
    # Writers always write them and readers refuse a file without them (the model only defaults them).
    result["required"] = ["format", "version", "title"]
    return with_reader_limits(result)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
