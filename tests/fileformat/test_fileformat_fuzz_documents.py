"""Property tests over generated documents: saving, checking and laying out never raise.

And hypothesis-driven damage to those documents' JSON ends in a loaded document or a
`BlueprintFileError`. The "ci" profile keeps this fast; HYPOTHESIS_PROFILE=long runs it for hours.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.fileformat import BlueprintFileError, dumps, load, loads, save
from blueprint.layout import compute_layout
from blueprint.model import Blueprint
from blueprint.validate import validate

from mutations import outcome, time_limit
from strategies import blueprints

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    _json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(blueprints())
def test_validate_and_layout_never_raise_on_valid_documents(doc: Blueprint) -> None:
    with time_limit(20):
        findings = validate(doc)
        layout = compute_layout(doc)
    assert all(f.code for f in findings)
    assert layout is not None


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=blueprints(max_cards=10))
def test_saving_with_a_backup_and_loading_gives_the_same_document(doc: Blueprint, tmp_path: Path) -> None:
    path = tmp_path / "plan.blueprint"
    save(Blueprint(title="before"), path)
    save(doc, path)
    assert load(path) == doc
    assert load(tmp_path / "plan~.blueprint").title == "before"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@given(doc=blueprints(max_cards=8), data=st.data())
def test_damaged_documents_load_or_are_refused_cleanly(doc: Blueprint, data: st.DataObject) -> None:
    raw = json.loads(dumps(doc))
    for _ in range(data.draw(st.integers(1, 4))):
        paths = [p for p in _paths(raw) if p]
        path = data.draw(st.sampled_from(paths))
        parent = raw
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(json_values)
    code = outcome(json.dumps(raw))
    if code == "ok":  # whatever loads can be checked, laid out and saved
        again = loads(json.dumps(raw))
        with time_limit(20):
            validate(again)
            compute_layout(again)
        assert loads(dumps(again)) == again


@given(
    doc=blueprints(max_cards=5), cut=st.integers(0, 10_000), flips=st.lists(st.integers(0, 10**6), max_size=6)
)
def test_damaged_bytes_load_or_are_refused_cleanly(doc: Blueprint, cut: int, flips: list[int]) -> None:
    data = bytearray(dumps(doc).encode("utf-8"))
    for flip in flips:
        data[flip % len(data)] ^= 1 << (flip % 8)
    try:
        outcome(bytes(data[: max(1, len(data) - cut)]))
    except BlueprintFileError:  # pragma: no cover - outcome() already turns these into codes
        raise AssertionError("outcome should not raise BlueprintFileError") from None


@settings(max_examples=8)
@given(doc=blueprints(max_cards=12))
def test_the_pdf_exporter_never_raises_on_valid_documents(doc: Blueprint) -> None:
    import io

    from pypdf import PdfReader

    from blueprint.export.pdf import export_pdf

    out = io.BytesIO()
    with time_limit(60):
        warnings = export_pdf(doc, out)
    assert all("\n" not in w for w in warnings)  # one line each, even for names with line breaks
    assert len(PdfReader(io.BytesIO(out.getvalue())).pages) >= 1
