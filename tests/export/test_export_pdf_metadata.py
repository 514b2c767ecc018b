"""What the PDF says about itself, read back as pypdf and pdffonts read it: text copies out right beyond
U+FFFF, every listed font is embedded, the language, title and XMP are there, and the same document
gives the same bytes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint.export import export_pdf
from blueprint.export.fonts import REPORTLAB_TO_UNICODE_CMAP, to_unicode_cmap
from blueprint.model import Blueprint

from builders import blueprint_with, card

SUPPLEMENTARY = "Smile 😀, 𝐀 and 𐌀"  # an emoji, a mathematical letter, an Old Italic letter


def _doc(title: str = "Hotel stay", **card_fields: object) -> Blueprint:
    doc = blueprint_with(cards=[card("c1", "customer", 0, SUPPLEMENTARY, **card_fields)], title=title)
    doc.metadata.author = "Zoë Martin"
    doc.metadata.modified = "2025-02-27T14:05:09+01:00"
    doc.metadata.tags = ["hotel", "b2b"]
    return doc


def _bytes(doc: Blueprint) -> bytes:
    out = io.BytesIO()
    export_pdf(doc, out)
    return out.getvalue()


def test_characters_beyond_uffff_copy_out_as_written() -> None:
    reader = PdfReader(io.BytesIO(_bytes(_doc())))
    text = reader.pages[0].extract_text()
    for char in "😀𝐀𐌀":
        assert char in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    cmaps = [font.get_object()["/ToUnicode"].get_data().decode("latin-1") for font in fonts.values()]
    assert cmaps
    for cmap in cmaps:
        entries = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
        for target in re.findall(r"^<[0-9A-F]+> <([0-9A-F]+)>$", entries, re.M):
            assert len(target) % 4 == 0, target  # UTF-16: whole code units, pairs for U+10000 and up
    assert any("<D83DDE00>" in cmap for cmap in cmaps) or any("<D835DC00>" in cmap for cmap in cmaps)


def test_the_cmap_is_reportlabs_for_the_basic_plane() -> None:
    subset = [32, 65, 0xE9, 0x20AC, 0xFFFD]
    assert to_unicode_cmap("AAAAAA+DejaVuSans", subset) == REPORTLAB_TO_UNICODE_CMAP(
        "AAAAAA+DejaVuSans", subset
    )
    assert "<01> <D83DDE00>" in to_unicode_cmap("X", [32, 0x1F600])


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_every_listed_font_is_embedded_and_helvetica_is_not_listed(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(_bytes(_doc()))
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and "Helvetica" not in listing
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, with a ToUnicode map


def test_title_language_and_xmp() -> None:
    doc = _doc(title="Séjour à l'hôtel")
    doc.metadata.language = "fr-CH"
    reader = PdfReader(io.BytesIO(_bytes(doc)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-CH"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "Séjour à l'hôtel"}
    assert xmp.dc_creator == ["Zoë Martin"]
    assert xmp.dc_language == ["fr-CH"]
    assert xmp.xmp_create_date.isoformat().startswith("2025-02-27T13:05:09")  # pypdf gives UTC
    assert xmp.xmp_creator_tool.startswith("Service Blueprint Studio")
    assert reader.metadata["/CreationDate"] == "D:20250227140509+01'00'"


def test_no_language_means_no_lang_entry() -> None:
    root = PdfReader(io.BytesIO(_bytes(_doc()))).trailer["/Root"]
    assert "/Lang" not in root


def test_the_same_document_gives_the_same_bytes_whenever_it_is_exported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = _doc()
    first = _bytes(doc)
    later = time.time() + 3 * 86_400
    monkeypatch.setattr(time, "time", lambda: later)  # three days on
    assert _bytes(doc) == first
    doc.cards[0].title = "Changed"
    assert _bytes(doc) != first


def test_dates_come_from_the_document_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc()
    doc.metadata.modified = None
    doc.metadata.created = None
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    info = PdfReader(io.BytesIO(_bytes(doc))).metadata
    assert "/CreationDate" not in info and "/ModDate" not in info  # never today's date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert PdfReader(io.BytesIO(_bytes(doc))).metadata["/ModDate"] == "D:20231114221320+00'00'"
    doc.metadata.modified = "2026-01-02T03:04:05Z"
    assert PdfReader(io.BytesIO(_bytes(doc))).metadata["/ModDate"] == "D:20260102030405+00'00'"


def test_xml_special_and_control_characters_keep_the_xmp_well_formed() -> None:
    doc = _doc(title='R&D <pilot> \x01 "quoted"')
    doc.metadata.author = "A\x02 & B"
    xmp = PdfReader(io.BytesIO(_bytes(doc))).xmp_metadata
    assert xmp is not None and xmp.dc_title == {"x-default": 'R&D <pilot>  "quoted"'}
