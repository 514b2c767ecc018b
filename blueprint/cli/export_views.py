"""What `blueprint export` adds for sharing: `--view ID` (an audience view, for every format) and the
HTML page (`-o OUT.html`). Kept apart from `export_cmd.py` so the formats others add stay separate."""

from __future__ import annotations

import argparse
from pathlib import Path

from blueprint.cli.common import say_error, shown_name
from blueprint.cli.known_ids import unknown_id
from blueprint.fileformat import write_atomically
from blueprint.layout.audience import EVERYTHING, Audience
from blueprint.model import Blueprint

HTML_SUFFIXES = (".html", ".htm")


def add_view_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--view",
        metavar="ID",
        default=None,
        help="draw the blueprint as a saved view shows it (hidden lanes left out, focus); a PDF of a "
        "view with focus ends with the hand-off sheets of its functions",
    )


def chosen_audience(args: argparse.Namespace, doc: Blueprint) -> tuple[Audience, str | None] | None:
    """The audience `--view` names (and the view's name), everything without it; None after printing
    the one line for an unknown view id."""
    view_id = getattr(args, "view", None)
    if view_id is None:
        return EVERYTHING, None
    view = doc.views_by_id().get(view_id)
    if view is None:
        say_error(shown_name(args.file), unknown_id("view", view_id, [v.id for v in doc.views]))
        return None
    return Audience.of_view(view), view.name


def write_html(doc: Blueprint, out: Path, audience: Audience, view_name: str | None) -> list[str]:
    """Draw the HTML page in memory, then write it atomically (OSError when it cannot be written)."""
    from blueprint.export.html import render_html

    write_atomically(out, render_html(doc, audience, view_name))
    return []
