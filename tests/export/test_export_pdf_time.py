"""The appendix page "The customer's time", read back with pypdf: the journey's and each stage's time,
and every card over its tolerance with the chain its time adds up (the spec's example: 8.5 min)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export.appendix_flow import Flow
from blueprint.export.appendix_time import customer_time_section
from blueprint.graph.timing import customer_time
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
    assert "8.5 min against a tolerance of 5 min: 3.5 min over" in section
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


def test_a_slow_cards_block_is_never_split_across_pages() -> None:
    """Sixteen slow cards, each with a chain of three long titles that wraps to several lines: each
    card's name, time and chain stay on one page (the chain of one used to go on at the top of the
    next page)."""
    steps, cards, links = 16, [], []
    for i in range(steps):
        chain = [f"{lane}{i}" for lane in ("support", "backstage", "frontstage")]
        for lane in ("support", "backstage", "frontstage"):
            work = f"The {lane} team works on order number {i} and checks every item against the ticket twice"
            cards.append(card(f"{lane}{i}", lane, i, work, function="team-a", duration_minutes=2))
        cards.append(card(f"c{i}", "customer", i, f"Moment {i}", duration_minutes=0.5, tolerance_minutes=5))
        links += zip(chain, [*chain[1:], f"c{i}"], strict=True)
    doc = blueprint_with(cards=cards, links=links, steps=steps)
    out = io.BytesIO()
    export_pdf(doc, out, ExportOptions(page_size="A4"))
    out.seek(0)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    start = next(i for i, text in enumerate(pages) if "The customer's time" in text)
    section = pages[start:]
    for i in range(steps):
        name = next(n for n, text in enumerate(section) if f"Moment {i} (Stage › Step {i})" in text)
        assert "6.5 min against a tolerance of 5 min: 1.5 min over" in section[name]
        assert f"(2 min) → Moment {i} (0.5 min)" in section[name], f"Moment {i}: its chain split"


def test_the_journey_and_the_stage_totals_stay_in_one_piece() -> None:
    """Wherever the section starts on a page, its heading, the journey and every stage total go on
    one page (in portrait the café's last stage went alone to the top of the next page; then the
    heading and its introduction stayed alone at the foot of the page before)."""
    doc = example(tolerance_minutes=5)
    timing = customer_time(doc)
    assert len(timing.stages) == 2
    for filler in range(40):
        flow = Flow(500, 300)
        for _ in range(filler):
            flow.text("A line of card details that came before")
        customer_time_section(flow, doc, timing)
        placed = [
            n
            for n, page in enumerate(flow.pages)
            for op in page.ops
            if op.text.startswith("Journey:") or (op.owner or "").startswith("stage ")
        ]
        placed += [
            n for n, page in enumerate(flow.pages) for key, _, _ in page.bookmarks if key == "appendix-time"
        ]
        assert len(placed) == 4 and len(set(placed)) == 1, f"split after {filler} lines"
