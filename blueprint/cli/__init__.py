"""The `blueprint` command: the editor (no sub-command) and headless sub-commands.

Each sub-command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`.
Errors reach the user as one line on standard error; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from blueprint import __version__
from blueprint.cli import export_cmd, gui_cmd, handoffs_cmd, new_cmd, schema_cmd, validate_cmd
from blueprint.cli.common import EXIT_UNREADABLE, say_error

SUBCOMMANDS = {
    "validate": validate_cmd,
    "handoffs": handoffs_cmd,
    "export": export_cmd,
    "new": new_cmd,
    "templates": new_cmd,
    "schema": schema_cmd,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blueprint",
        description="Service Blueprint Studio: draw, check and share service blueprints. "
        "Without a sub-command, opens the editor.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in dict.fromkeys(SUBCOMMANDS.values()):
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    words = [a for a in args_list if a != "--debug"]
    debug = "--debug" in args_list
    if not words or (words[0] not in SUBCOMMANDS and words[0] not in ("-h", "--help", "--version")):
        return _guarded(lambda: gui_cmd.run(gui_cmd.parse(words)), debug)
    parser = build_parser()
    args = parser.parse_args(words)  # --debug may stand anywhere
    return _guarded(lambda: args.run(args), debug)


def _guarded(action, debug: bool) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(action())
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last net: never show a traceback unless asked
        if debug:
            raise
        say_error(None, f"internal error: {type(error).__name__}: {error} (run with --debug for details)")
        return EXIT_UNREADABLE
