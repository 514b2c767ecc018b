"""CSV export of the cards: UTF-8 with a byte-order mark, the Cards sheet's columns with names in place
of ids, formula-like text protected; importing it works as a simple process list."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from blueprint.fileformat import load
from blueprint.interchange import columns
from blueprint.interchange.csv_export import export_cards_csv
from blueprint.interchange.importer import import_file

from builders import blueprint_with, card


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_names_in_place_of_ids() -> None:
    doc = load("samples/cafe-order-ahead.blueprint")
    table = rows(export_cards_csv(doc))
    assert table[0] == columns.headers("Cards") and len(table) == len(doc.cards) + 1
    header = table[0]
    for row, c in zip(table[1:], doc.cards, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["Id"] == c.id and cells["Title"] == c.title
        assert cells["Stage"] == doc.stage_of_step()[c.step].name
        assert cells["Lane"] == doc.lanes_by_id()[c.lane].name
        assert cells["Function"] == (doc.functions_by_id()[c.function].name if c.function else "")


def test_formula_like_text_gets_an_apostrophe_and_comes_back_without_it(tmp_path: Path) -> None:
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, '=HYPERLINK("http://x")'), card("c2", "frontstage", 0, "-5 minutes")]
    )
    data = export_cards_csv(doc)
    assert [row[4] for row in rows(data)[1:]] == ['\'=HYPERLINK("http://x")', "'-5 minutes"]
    path = tmp_path / "cards.csv"
    path.write_bytes(data)
    assert [c.title for c in import_file(path).document.cards] == [c.title for c in doc.cards]


def test_reimport_as_a_process_list_keeps_the_cards_of_the_standard_lanes(tmp_path: Path) -> None:
    doc = load("samples/cafe-order-ahead.blueprint")
    path = tmp_path / "cafe.csv"
    path.write_bytes(export_cards_csv(doc))
    back = import_file(path)
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    kept = [c for c in doc.cards if kinds[c.lane] != "notes"]
    assert [c.title for c in back.document.cards] == [c.title for c in kept]
    assert [c.duration_minutes for c in back.document.cards] == [c.duration_minutes for c in kept]
    assert [s.name for s in back.document.stages] == [s.name for s in doc.stages]
    assert any("Opportunities" in note.message for note in back.report.notes)
