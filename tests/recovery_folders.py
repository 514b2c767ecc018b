"""Recovery folders for tests: copies left by editors that died, and any mix of files a folder may hold
(hypothesis strategies), so that both the store and the editor are tried on them."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import strategies as st

from blueprint.edit import SetDocumentFields
from blueprint.edit.journal import to_line
from blueprint.fileformat import dumps
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore, new_key

from builders import blueprint_with, card


def write_copy(store: RecoveryStore, doc: Blueprint, path: Path | None, *edits: object) -> str:
    """A published copy: `doc` as the base, then one journal line per edit."""
    key = new_key()
    store.prepare(key)
    store.write_base(key, 1, dumps(doc).encode())
    fd = store.open_journal(key, 1)
    for edit in edits:
        os.write(fd, to_line(edit, t=datetime.now(UTC).timestamp()))  # type: ignore[arg-type]
    os.close(fd)
    store.publish(key, 1, path)
    return key


def dead(store: RecoveryStore) -> RecoveryStore:
    """What the operating system does when the editor that wrote `store` dies."""
    store.release_all()
    return RecoveryStore(store.folder)


KEYS = ["0a0a0a0a", "1b1b1b1b", "2c2c2c2c"]
BASE = dumps(blueprint_with(cards=[card("c1", "customer", 0, "Orders")])).encode()
LINE = to_line(SetDocumentFields({"title": "Edited"}), t=1.7e9)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def envelopes(draw: st.DrawFn, key: str) -> bytes:
    raw: dict[str, object] = {
        "format": "service-blueprint-recovery",
        "version": draw(st.sampled_from([2, 2, 2, 1, 3, "2"])),
        "original_path": draw(st.sampled_from([None, "/home/jo/trip.blueprint", "caf\udce9.blueprint", ""])),
        "saved_at": draw(
            st.sampled_from(
                ["2026-11-22T10:00:00+00:00", "9999-12-31T23:59:59-12:00", "x", "0001-01-01T00:00:00"]
            )
        ),
        "pid": draw(st.sampled_from([1, -5, 2**40, "x", None])),
        "generation": 1,
        "base": draw(
            st.sampled_from([f"{key}.1.base", f"{KEYS[0]}.1.base", "../../etc/passwd", "", "missing"])
        ),
        "journal": f"{key}.1.journal",
        "disk": None,
        "document": BASE.decode(),
    }
    for name in draw(st.lists(st.sampled_from(sorted(raw)), max_size=3, unique=True)):
        if draw(st.booleans()):
            del raw[name]
        else:
            raw[name] = draw(json_values)
    data = json.dumps(raw).encode()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def entries(draw: st.DrawFn) -> tuple[str, str, bytes]:
    """(name, what, content): what is 'file', 'folder', 'link' or 'loop'."""
    key = draw(st.sampled_from([*KEYS, "3d3d3d3d (conflicted copy)", "not a key!"]))
    ending = draw(st.sampled_from([".recovery.json", ".1.base", ".1.journal", ".2.base", ".lock", ".txt"]))
    name = f"{key}{ending}"
    if draw(st.integers(0, 9)) == 0:
        name = f".{name}.0123abcd.saving"
    what = draw(st.sampled_from(["file"] * 6 + ["folder", "link", "loop"]))
    if ending == ".recovery.json":
        content = draw(envelopes(key.split(" ")[0]))
    elif ending.endswith("base"):
        content = BASE[: draw(st.integers(0, len(BASE)))] if draw(st.booleans()) else BASE
    elif ending.endswith("journal"):
        content = LINE * draw(st.integers(0, 3)) + draw(st.sampled_from([b"", b"{", LINE[:10], b"\xff\n"]))
    else:
        content = draw(st.binary(max_size=20))
    return name, what, content


def lay_out(folder: Path, planned: list[tuple[str, str, bytes]]) -> None:
    folder.mkdir(parents=True)
    for name, what, content in planned:
        path = folder / name
        if os.path.lexists(path):
            continue
        if what == "file":
            path.write_bytes(content)
        elif what == "folder":
            path.mkdir()
        elif what == "link":
            path.symlink_to(folder / "nowhere")
        else:
            path.symlink_to(path)


def envelope_files(folder: Path) -> list[bytes]:
    found = []
    for place in (folder, folder / "set-aside"):
        if place.is_dir():
            for path in place.iterdir():
                envelope = path.name.endswith(".recovery.json") or ".recovery.json." in path.name
                real = path.is_file() and not path.is_symlink() and not path.name.endswith(".saving")
                if envelope and real:
                    found.append(path.read_bytes())
    return sorted(found)
