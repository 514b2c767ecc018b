"""The `blueprint` command: the editor (no sub-command) and headless sub-commands.

Each sub-command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`.
Errors reach the user as one line on standard error; `--debug` shows the traceback instead.

Importing this package is cheap (no pydantic, no reportlab): a command's modules are imported by
`main` with the cycle collector paused (`collector.py`), and the `blueprint` program itself (`main()`
without arguments: the console script, `python -m blueprint`) keeps the objects that live until its
end (the modules, the document read) out of later collections, the interpreter's last one included.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from blueprint import __version__
from blueprint.cli import collector, gui_cmd

#: Each sub-command and the module (in this package) that holds it. A command imports only its own
#: module: `blueprint export` does not pay for networkx, which `handoffs` and `diff` need.
SUBCOMMANDS = {
    "validate": "validate_cmd",
    "handoffs": "handoffs_cmd",
    "timing": "timing_cmd",
    "export": "export_cmd",
    "import": "import_cmd",
    "sheets": "sheets_cmd",
    "new": "new_cmd",
    "templates": "new_cmd",
    "schema": "schema_cmd",
    "diff": "diff_cmd",
    "merge": "merge_cmd",
    "git-setup": "gitsetup_cmd",
    "textconv": "textconv_cmd",
    "install-desktop": "install_desktop_cmd",
}


# what each sub-command's positional arguments are, for the "too many arguments" line
TAKES = {
    "handoffs": "one FILE",
    "export": "one FILE",
    "diff": "OLD and NEW",
    "merge": "BASE, OURS and THEIRS",
    "textconv": "one FILE",
    "timing": "one FILE",
    "sheets": "one FILE",
    "import": "one IN",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every sub-command's, or with `only` that one's alone (a command
    being run needs no other module)."""
    parser = argparse.ArgumentParser(
        prog="blueprint",
        usage=gui_cmd.usage(),
        description="Service Blueprint Studio: draw, check and share service blueprints. "
        "Without a sub-command, opens the editor.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog="blueprint")
    names = dict.fromkeys(SUBCOMMANDS.values() if only is None else [SUBCOMMANDS[only]])
    for name in names:
        importlib.import_module(f"blueprint.cli.{name}").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv`; without it, this process's own (`sys.argv`), and the process is
    taken to end when this returns."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    words = [a for a in args_list if a != "--debug"]
    debug = "--debug" in args_list
    if not words or (words[0] not in SUBCOMMANDS and words[0] not in ("-h", "--help", "--version")):
        return _guarded(lambda: gui_cmd.run(gui_cmd.parse(words)), debug)
    with collector.paused():  # the command's modules: lasting objects, no garbage to look for
        parser = build_parser(words[0] if words[0] in SUBCOMMANDS else None)
    args, extra = parser.parse_known_args(words)  # --debug may stand anywhere
    if args.command is None:  # only -h/--help/--version get here, and argparse has exited
        parser.error("a command is needed")
    sub = _subparser(parser, args.command)
    if extra:  # argparse would blame the top-level command; the sub-command's usage is the helpful one
        sub.error(_extra_problem(args.command, extra))
    args.usage_error = sub.error
    collector.command_starts(process_ends=argv is None)  # (the editor's process is left as it was)
    code = _guarded(lambda: args.run(args), debug)
    collector.settle()
    return code


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[command]
    raise LookupError(command)


def _extra_problem(command: str, extra: list[str]) -> str:
    """One line naming what was not understood: unknown options first, else surplus arguments."""
    options = [word for word in extra if word.startswith("-") and word != "-"]
    if options:
        return f"unknown option {options[0]!r}" + (f" (and {len(extra) - 1} more)" if len(extra) > 1 else "")
    quoted = ", ".join(repr(word) for word in extra)
    return f"too many arguments: {quoted} ({command} takes {TAKES.get(command, 'no arguments')})"


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
        from blueprint.cli.common import EXIT_UNREADABLE, say_error

        say_error(None, f"internal error: {type(error).__name__}: {error} (run with --debug for details)")
        return EXIT_UNREADABLE
