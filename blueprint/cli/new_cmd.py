"""`blueprint new` and `blueprint templates`: start a file from a built-in template."""

from __future__ import annotations

import argparse
from pathlib import Path

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_error, say_file_error
from blueprint.fileformat import BlueprintFileError, save
from blueprint.fileformat.stamps import stamped
from blueprint.model import Blueprint
from blueprint.resources import load_template, template_names


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = subparsers.add_parser("new", help="create a .blueprint file from a built-in template")
    new.add_argument("--template", default="classic", help="template name (see `blueprint templates`)")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to create")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(run=run_new)
    templates = subparsers.add_parser("templates", help="list the built-in templates")
    templates.set_defaults(run=run_templates)


def from_template(name: str) -> Blueprint:
    """A new document from template `name`, stamped with the current time."""
    return stamped(load_template(name))


def run_new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        say_error(str(out), "already exists (use --force to overwrite)")
        return EXIT_UNREADABLE
    try:
        save(from_template(args.template), out)
    except BlueprintFileError as error:
        say_file_error(error)
        return EXIT_UNREADABLE
    print(f"Created {out} from the '{args.template}' template.")
    return EXIT_OK


def run_templates(args: argparse.Namespace) -> int:
    for name in template_names():
        doc = load_template(name)
        stages = ", ".join(stage.name for stage in doc.stages) or "no stages"
        print(f"{name:<12} {doc.title} ({len(doc.lanes)} lanes; {stages})")
    return EXIT_OK
