"""Shared pieces of the sub-commands: exit codes, one-line errors, loading."""

from __future__ import annotations

import sys

from blueprint.fileformat import BlueprintFileError, load
from blueprint.model import Blueprint

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def say_error(file: str | None, message: str) -> None:
    """Print `blueprint: FILE: message` on standard error."""
    prefix = f"blueprint: {file}: " if file else "blueprint: "
    print(prefix + message, file=sys.stderr)


def say_file_error(error: BlueprintFileError) -> None:
    print(f"blueprint: {error.one_line()}", file=sys.stderr)


def load_or_none(path: str) -> Blueprint | None:
    """Load `path`, or print its one-line error and return None."""
    try:
        return load(path)
    except BlueprintFileError as error:
        say_file_error(error)
        return None
