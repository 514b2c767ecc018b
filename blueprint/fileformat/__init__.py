"""Load and save `.blueprint` files (format version 2; older versions are migrated on load). No Qt."""

from blueprint.fileformat.atomic import write_atomically
from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.ondisk import DiskState, changed_on_disk
from blueprint.fileformat.reader import Loaded, from_raw, load, load_file, loads, loads_noted
from blueprint.fileformat.writer import FileChangedError, Saved, dumps, save

__all__ = [
    "BlueprintFileError",
    "DiskState",
    "FileChangedError",
    "Loaded",
    "Saved",
    "changed_on_disk",
    "dumps",
    "from_raw",
    "load",
    "load_file",
    "loads",
    "loads_noted",
    "save",
    "write_atomically",
]
