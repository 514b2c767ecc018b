"""Saving and reading back gives the same document, and the same document always gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from blueprint.fileformat import dumps, load, loads, save
from blueprint.model import Blueprint
from blueprint.resources import load_template, template_names

from strategies import blueprints


def test_every_sample_round_trips_and_is_written_canonically(sample_path: Path) -> None:
    doc = load(sample_path)
    text = dumps(doc)
    assert loads(text) == doc
    assert dumps(loads(text)) == text


def test_every_template_round_trips() -> None:
    names = template_names()
    assert {"blank", "classic", "five-stage", "eight-stage"} <= set(names)
    for name in names:
        doc = load_template(name)
        assert loads(dumps(doc)) == doc


@given(blueprints())
def test_generated_documents_round_trip(doc: Blueprint) -> None:
    text = dumps(doc)
    again = loads(text)
    assert again == doc
    assert dumps(again) == text


def test_canonical_text_is_indented_ordered_unescaped_with_trailing_newline() -> None:
    doc = Blueprint(title="Café ☕ — 東京")
    text = dumps(doc)
    assert text.endswith("}\n")
    assert '  "title": "Café ☕ — 東京",' in text
    keys = [line.split('"')[1] for line in text.splitlines() if line.startswith('  "')]
    assert keys == [
        "format",
        "version",
        "title",
        "description",
        "persona",
        "metadata",
        "functions",
        "lanes",
        "stages",
        "cards",
        "links",
        "improvements",
        "views",
    ]


def test_writers_write_every_field_even_when_the_file_omitted_it(tmp_path: Path) -> None:
    minimal = (
        '{"format": "service-blueprint", "version": 1, "title": "T",'
        ' "lanes": [{"id": "c", "name": "C", "kind": "customer"}],'
        ' "stages": [{"id": "s", "name": "S", "steps": [{"id": "t", "name": "T"}]}],'
        ' "cards": [{"id": "k", "lane": "c", "step": "t", "title": "K"}]}'
    )
    target = tmp_path / "x.blueprint"
    save(loads(minimal), target)
    text = target.read_text(encoding="utf-8")
    for field in (
        "description",
        "function",
        "channel",
        "duration_minutes",
        "tolerance_minutes",
        "emotion",
        "fail_point",
        "wait_point",
        "evidence",
        "tags",
        "phase",
        "job",
        "persona",
        "metadata",
    ):
        assert f'"{field}":' in text, field


def test_same_document_gives_same_bytes_across_saves(tmp_path: Path, sample_path: Path) -> None:
    doc = load(sample_path)
    save(doc, tmp_path / "a.blueprint")
    save(load(tmp_path / "a.blueprint"), tmp_path / "b.blueprint")
    assert (tmp_path / "a.blueprint").read_bytes() == (tmp_path / "b.blueprint").read_bytes()
