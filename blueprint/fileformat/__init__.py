"""Load and save `.blueprint` files (format version 2; older versions are migrated on load). No Qt."""

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.reader import from_raw, load, loads
from blueprint.fileformat.writer import dumps, save, write_atomically

__all__ = ["BlueprintFileError", "dumps", "from_raw", "load", "loads", "save", "write_atomically"]
