"""Shared pieces of the sub-commands: exit codes, one-line errors, loading (a file, or `-` for stdin)."""

from __future__ import annotations

import sys

from blueprint.cli.collector import paused, settle
from blueprint.fileformat import BlueprintFileError, loads_noted
from blueprint.fileformat.jsontext import too_large
from blueprint.fileformat.limits import MAX_FILE_BYTES
from blueprint.fileformat.reader import read_bytes
from blueprint.fileformat.view_names import ReadingNote
from blueprint.model import Blueprint
from blueprint.safetext import for_terminal

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

STDIN = "-"  # the usual command-line spelling of "read standard input" (a file named - is ./-)
STDIN_NAME = "<stdin>"  # how errors and reports name standard input
STDIN_CLOSED = "standard input is closed (give a file, or pipe a blueprint in)"


def say_error(file: str | None, message: str) -> None:
    """Print `blueprint: FILE: message` on standard error (control characters escaped: a file name or
    a card title quoted in the message never reaches the terminal raw)."""
    prefix = f"blueprint: {file}: " if file else "blueprint: "
    print(for_terminal(prefix + message), file=sys.stderr)


def say_file_error(error: BlueprintFileError) -> None:
    print(for_terminal(f"blueprint: {error.one_line()}"), file=sys.stderr)


def shown_name(path: str) -> str:
    """The name a report gives FILE: `<stdin>` for `-`, else the path as typed with control characters
    escaped and bytes that are not UTF-8 shown as `\\xff` (so text and JSON reports stay valid)."""
    return STDIN_NAME if path == STDIN else for_terminal(path)


def read_document(path: str) -> Blueprint:
    """Load FILE, or standard input when it is `-` (same size limit and checks as a file).

    What reading changed (a view under the name of an earlier one is read as "Name (2)") is said
    on standard error, one line each, as the editor says it in its status bar: the command's own
    output (a PDF, a report on standard output) is unchanged, and nothing is changed silently."""
    with paused():  # reading makes many lasting objects and no garbage cycles
        doc, notes = _read_document(path)
        settle()  # the document lives as long as the command
    for note in notes:
        print(for_terminal(f"blueprint: note: {note.one_line()}"), file=sys.stderr)
    return doc


def _read_document(path: str) -> tuple[Blueprint, tuple[ReadingNote, ...]]:
    if path != STDIN:
        return loads_noted(read_bytes(path), file=path)
    if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:  # started with stdin closed
        raise BlueprintFileError(
            "standard input is closed (give a file, or pipe a blueprint in)",
            file=STDIN_NAME,
            code="unreadable",
        )
    try:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:  # ValueError: read from a closed file
        raise BlueprintFileError(
            f"cannot read: {getattr(error, 'strerror', None) or error}", file=STDIN_NAME, code="unreadable"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_large("input").with_file(STDIN_NAME)
    return loads_noted(data, file=STDIN_NAME)


def load_or_none(path: str) -> Blueprint | None:
    """Load `path` (or stdin for `-`), or print its one-line error and return None."""
    try:
        return read_document(path)
    except BlueprintFileError as error:
        say_file_error(error)
        return None
