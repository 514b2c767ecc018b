"""The one error type of the file layer: a value with a code, the file, the JSON path and a message."""

from __future__ import annotations

import re

# Control characters and line separators: a file name or key from a hostile file must not break the line.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_MESSAGE_CHARS = 300


def _one_line(text: str) -> str:
    text = _NOT_ONE_LINE.sub("?", text)
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 3] + "..."


class BlueprintFileError(Exception):
    """A `.blueprint` file (or text) that cannot be read or written.

    `str(error)` is the one line a user sees: `FILE: PATH: message` (parts that are unknown are left out).
    """

    def __init__(
        self, message: str, *, file: str | None = None, path: str = "", code: str = "invalid"
    ) -> None:
        self.message = message
        self.file = file
        self.path = path
        self.code = code
        super().__init__(self.one_line())

    def one_line(self) -> str:
        parts = [_one_line(part) for part in (self.file, self.path) if part]
        return ": ".join([*parts, _one_line(self.message)])

    def with_file(self, file: str) -> BlueprintFileError:
        """The same error, naming the file it came from."""
        return BlueprintFileError(self.message, file=file, path=self.path, code=self.code)
