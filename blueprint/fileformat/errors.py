"""The one error type of the file layer: a value with a code, the file, the JSON path and a message."""

from __future__ import annotations


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
        parts = [part for part in (self.file, self.path) if part]
        return ": ".join([*parts, self.message])

    def with_file(self, file: str) -> BlueprintFileError:
        """The same error, naming the file it came from."""
        return BlueprintFileError(self.message, file=file, path=self.path, code=self.code)
