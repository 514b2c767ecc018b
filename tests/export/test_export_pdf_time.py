"""The appendix page "The customer's time", read back with pypdf: the journey's and each stage's time,
and every card over its tolerance with the chain its time adds up (the spec's example: 8.5 min)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.model import Blueprint

from builders import blueprint_with, card, drink_blueprint


def example(**receives: object) -> Blueprint:
    return drink_blueprint(stages=[("order", 2, None), ("collect", 1, None)], **receives)


def appendix_text(doc: Blueprint) -> str:
    out = io.BytesIO()
    export_pdf(doc, out, ExportOptions(page_size="A4"))
    out.seek(0)
    pages = PdfReader(out).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages[1:])


def test_the_page_gives_the_totals_and_the_slow_card_with_its_chain() -> None:
    text = appendix_text(example(tolerance_minutes=5))
    section = text[text.index("The customer's time") :]
    assert "Journey: 9.5 min" in section
    assert "Order: 1 min" in section and "Collect: 8.5 min" in section  # stage totals
    assert "Slower than the customer accepts" in section
    assert "Receives the drink (Collect › Step 2)" in section
    assert "8.5 min (tolerance 5 min): 3.5 min over the tolerance of 5 min" in section
    assert (
        "Chain: Takes the order (1 min) → Makes the drink (4 min + 2 min wait) → Hands it over (1 min) "
        "→ Receives the drink (0.5 min)"
    ) in section


def test_a_journey_within_its_tolerances_says_so() -> None:
    text = appendix_text(example(tolerance_minutes=10))
    assert "No customer card is over its tolerance." in text
    assert "Journey: 9.5 min" in text


def test_without_any_minutes_there_is_no_page() -> None:
    doc = blueprint_with(cards=[card("c1", "customer", 0, "Orders")])
    assert "The customer's time" not in appendix_text(doc)
