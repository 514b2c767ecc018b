"""Writing `.blueprint` files: canonical bytes, written atomically, the previous version kept as a backup.

`save` never writes a file this program would refuse to open (`check_readable`), never replaces a file
that another program changed since it was read (when told what was read: `expect`), and never fails
because the backup could not be made: the document is saved and `Saved.backup_problem` says why the
backup is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from blueprint.fileformat.atomic import (
    NAME_MAX,
    TEMP_SUFFIX,
    cut_name,
    temp_prefix,
    write_atomically,
)
from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import count_values
from blueprint.fileformat.limits import file_limits
from blueprint.fileformat.ondisk import DiskState, changed_on_disk
from blueprint.model import Blueprint

#: Whether `save` keeps the previous version next to the file unless told otherwise. The editor sets it
#: from the designer's preference at start-up (`set_keep_backup`); on by default.
_keep_backup = True


def set_keep_backup(keep: bool) -> None:
    """Turn the backup made by `save(doc, path)` on or off for this process."""
    global _keep_backup
    _keep_backup = bool(keep)


def keeps_backup() -> bool:
    return _keep_backup


def canonical(doc: Blueprint) -> dict[str, object]:
    """The document as the file holds it: every field in the spec's order, `$schema` only when set."""
    raw = doc.model_dump(mode="json", by_alias=True)
    if raw.get("$schema") is None:
        del raw["$schema"]
    return raw


def dumps(doc: Blueprint) -> str:
    """The canonical text of `doc`: the same document always gives the same text."""
    return json.dumps(canonical(doc), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def backup_path(path: str | Path) -> Path:
    """Where the previous version of `path` is kept: `trip.blueprint` -> `trip~.blueprint`.

    The backup keeps the extension so that the editor opens it like any other blueprint. A name too
    long for the `~` loses the end of its stem instead.
    """
    target = Path(path)
    name = f"{target.stem}~{target.suffix}"
    if len(os.fsencode(name)) > NAME_MAX:
        room = NAME_MAX - len(os.fsencode(f"~{target.suffix}"))
        name = f"{os.fsdecode(cut_name(os.fsencode(target.stem), room))}~{target.suffix}"
    return target.with_name(name)


class FileChangedError(BlueprintFileError):
    """The file was changed on disk by another program since it was read; nothing was written.

    `reason` says how, to follow the file's name: "was changed by another program", "now points to
    another file (...)".
    """

    def __init__(self, reason: str, *, file: str) -> None:
        super().__init__(
            f"not saved: the file {reason} since it was opened", file=file, code="changed-on-disk"
        )
        self.reason = reason


@dataclass(frozen=True)
class Saved:
    """What `save` wrote: the bytes, the file's new state, and why the backup is missing (if it is)."""

    data: bytes
    state: DiskState
    backup_problem: str | None = None


def _over(what: str, value: int, limit: int, unit: str = "") -> str:
    return f"{what} would be {value:,}{unit}, more than the {limit:,}{unit} this program opens"


def check_readable(doc: Blueprint, data: bytes) -> None:
    """Refuse a file this program could not open again: what it writes, it must read.

    Raises `BlueprintFileError` (code `too-large`) naming the limit and what to do.
    """
    limits = file_limits()
    problem = None
    counts = {name: len(getattr(doc, name)) for name in ("functions", "lanes", "stages", "cards", "links")}
    counts["steps"] = sum(len(stage.steps) for stage in doc.stages)
    for name, count in counts.items():
        if count > limits.counts[name]:
            problem = _over(f"the number of {name}", count, limits.counts[name])
            break
    if problem is None and len(data) > limits.file_bytes:
        mb = 1024 * 1024
        problem = _over("the file", -(-len(data) // mb), limits.megabytes, " MB")
    if problem is None and data.count(b",") + data.count(b"[") + data.count(b"{") >= limits.json_values:
        values = count_values(data.decode("utf-8"))  # the rough count was over: count exactly
        if values >= limits.json_values:
            problem = _over("the number of values", values, limits.json_values)
    if problem is not None:
        raise BlueprintFileError(
            f"could not save: {problem}; remove some content or split the blueprint (nothing was written)",
            code="too-large",
        )


def _link_or_copy(target: Path, backup: Path) -> None:
    temp = backup.with_name(f"{temp_prefix(backup.name)}{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        os.link(target, temp)
        os.replace(temp, backup)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        info = target.stat()
        write_atomically(backup, target.read_bytes())
        with contextlib.suppress(OSError):  # a copy, unlike a link: give it the file's mode and group
            os.chown(backup, -1, info.st_gid)
            os.chmod(backup, info.st_mode & 0o7777)


def _keep_previous_version(target: Path, data: bytes) -> str | None:
    """Make `target~` hold the file as it is now, unless it is missing or already holds `data`.

    A hard link costs no disk space (so it works on a full disk); where links are not allowed the bytes
    are copied, atomically. Returns why the backup could not be made (the save goes on regardless).
    """
    try:
        if not target.is_file() or (target.stat().st_size == len(data) and target.read_bytes() == data):
            return None
    except OSError:
        return None
    backup = backup_path(target)
    try:
        if backup.is_dir() and not backup.is_symlink():
            return f"{backup.name} is a folder"
        _link_or_copy(target, backup)
    except OSError as error:
        return f"{backup.name}: {error.strerror or error}"
    return None


def save(
    doc: Blueprint, path: str | Path, *, backup: bool | None = None, expect: DiskState | None = None
) -> Saved:
    """Save `doc` to `path` atomically; a failure raises `BlueprintFileError` and changes nothing.

    With `backup` (by default: unless `set_keep_backup(False)` was called), the previous version of the
    file is kept as `NAME~.blueprint` next to it; a backup that cannot be made does not stop the save.
    With `expect` (the file as it was read or last saved), a file changed since by another program is
    not replaced: `FileChangedError` says how it changed.
    """
    if backup is None:
        backup = _keep_backup
    try:
        data = dumps(doc).encode("utf-8")
    except (UnicodeEncodeError, ValueError) as error:  # a lone surrogate, or NaN put in by code
        raise BlueprintFileError(
            f"could not save: the document holds a value that cannot be written ({error})",
            file=str(path),
            code="write-failed",
        ) from None
    try:
        check_readable(doc, data)
    except BlueprintFileError as error:
        raise error.with_file(str(path)) from None
    problems: list[str] = []

    def before_replace(target: Path) -> None:
        if expect is not None:
            reason = changed_on_disk(path, expect)
            if reason is not None:
                raise FileChangedError(reason, file=str(path))
        if backup:
            problem = _keep_previous_version(target, data)
            if problem:
                problems.append(problem)

    try:
        info = write_atomically(path, data, before_replace)
    except OSError as error:
        raise BlueprintFileError(
            f"could not save: {error.strerror or error}", file=str(path), code="write-failed"
        ) from None
    return Saved(data, DiskState.of(path, info, data), problems[0] if problems else None)
