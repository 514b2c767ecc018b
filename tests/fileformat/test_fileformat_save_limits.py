"""What the program writes it must read: the size limit holds the canonical file of a blueprint at the
element limits, and `save` refuses (before writing anything) a file the reader would refuse.

The boundaries are tried exactly with the limits made small (they are looked up when used); the
real limit is checked against a document scaled from a realistic generated one.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, dumps, load, loads, save
from blueprint.fileformat import limits as limits_module
from blueprint.fileformat.jsontext import count_values
from blueprint.fileformat.limits import FILE_LIMITS, SizeLimits
from blueprint.model import Blueprint

import generated as _generator
from builders import blueprint_with, card


def small_doc(cards: int = 3) -> Blueprint:
    return blueprint_with(
        cards=[card(f"c{i}", "customer", i % 3, f"Card {i}", description="Words " * 20) for i in range(cards)]
    )


def use_limits(monkeypatch: pytest.MonkeyPatch, **changes: object) -> None:
    fields = {"file_bytes": FILE_LIMITS.file_bytes, "json_values": FILE_LIMITS.json_values}
    fields["counts"] = dict(FILE_LIMITS.counts)
    fields.update(changes)
    monkeypatch.setattr(limits_module, "FILE_LIMITS", SizeLimits(**fields))  # type: ignore[arg-type]


def saves(doc: Blueprint, path: Path) -> bool:
    try:
        save(doc, path, backup=False)
    except BlueprintFileError as error:
        assert error.code == "too-large"
        assert str(error).startswith(f"{path}: could not save: ") and "\n" not in str(error)
        assert "nothing was written" in str(error)
        return False
    return True


def opens(path: Path) -> bool:
    try:
        load(path)
    except BlueprintFileError:
        return False
    return True


def test_the_canonical_file_of_a_blueprint_at_the_element_limits_fits_the_size_limit_with_room() -> None:
    doc = _generator.generate(1000)
    total = len(dumps(doc).encode("utf-8"))
    per_element: dict[str, float] = {}
    for kind in ("cards", "links", "functions"):
        without = len(dumps(doc.model_copy(update={kind: []})).encode("utf-8"))
        per_element[kind] = (total - without) / len(getattr(doc, kind))
    without_stages = len(dumps(doc.model_copy(update={"stages": []})).encode("utf-8"))
    steps = sum(len(stage.steps) for stage in doc.stages)
    per_element["steps"] = (total - without_stages) / steps  # a step with its share of its stage
    at_limits = sum(FILE_LIMITS.counts[kind] * size for kind, size in per_element.items())
    assert at_limits * 1.3 < FILE_LIMITS.file_bytes, f"{at_limits / 2**20:.0f} MB at the element limits"


def test_a_compact_file_whose_canonical_text_is_over_the_limit_is_not_saved_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: a compact file opens, and after one edit its canonical text would not."""
    doc = small_doc(40)
    raw = doc.model_dump(mode="json", exclude_defaults=True)
    compact = json.dumps(
        {"format": doc.format, "version": doc.version, **raw}, separators=(",", ":")
    ).encode()
    canonical = dumps(doc).encode()
    assert len(canonical) > 2 * len(compact)  # every field written, indented: the issue saw 4x
    use_limits(monkeypatch, file_bytes=(len(compact) + len(canonical)) // 2)
    source = tmp_path / "compact.blueprint"
    source.write_bytes(compact)
    opened = load(source)
    assert not saves(opened, source)
    assert source.read_bytes() == compact  # nothing was written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compact.blueprint"]


def test_at_the_size_limit_save_succeeds_exactly_when_the_file_opens_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = small_doc()
    size = len(dumps(doc).encode())
    for limit in (size - 1, size, size + 1):
        use_limits(monkeypatch, file_bytes=limit)
        path = tmp_path / f"at-{limit}.blueprint"
        assert saves(doc, path) == (limit >= size)
        if path.exists():
            assert opens(path)
        path.write_bytes(dumps(doc).encode())  # the same bytes written by hand: the reader agrees
        assert opens(path) == (limit >= size)


def test_at_the_value_limit_save_succeeds_exactly_when_the_file_opens_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = small_doc()
    text = dumps(doc)
    values = count_values(text)
    for limit in (values, values + 1):
        use_limits(monkeypatch, json_values=limit)
        path = tmp_path / f"values-{limit}.blueprint"
        assert saves(doc, path) == (limit > values)
        with pytest.raises(BlueprintFileError) if limit <= values else contextlib.nullcontext():
            loads(text)


def test_at_the_element_limits_save_succeeds_exactly_when_the_file_opens_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_limits(monkeypatch, counts={**FILE_LIMITS.counts, "cards": 3, "steps": 3})
    assert saves(small_doc(3), tmp_path / "three.blueprint") and opens(tmp_path / "three.blueprint")
    assert not saves(small_doc(4), tmp_path / "four.blueprint")
    assert not (tmp_path / "four.blueprint").exists()
    four_steps = blueprint_with(steps=4)
    with pytest.raises(BlueprintFileError, match="the number of steps would be 4, more than the 3"):
        save(four_steps, tmp_path / "steps.blueprint")
