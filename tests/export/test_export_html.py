"""The HTML blueprint as a file: self-contained (no request can leave it), one element per card and
link carrying their ids, every text escaped, the facts as JSON, views. (`test_export_html_browser.py`
opens it in a real browser.)"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from blueprint.export.html import render_html
from blueprint.fileformat import load
from blueprint.layout.audience import Audience

from builders import sharing_blueprint

REPO = Path(__file__).resolve().parents[2]
HOSTILE = sorted((REPO / "tests" / "files").glob("ok-*.blueprint"))


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of the JSON data element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_data = dict(attrs).get("id") == "blueprint-data"

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data += data

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False


def parse(html: bytes) -> Page:
    page = Page()
    page.feed(html.decode("utf-8"))
    return page


def test_one_element_per_card_and_link_carries_its_id_and_nothing_else_does() -> None:
    doc = load(REPO / "samples" / "hotel-stay.blueprint")
    page = parse(render_html(doc))
    cards = Counter(a["data-card-id"] for _, a in page.tags if "data-card-id" in a)
    links = Counter(a["data-link-id"] for _, a in page.tags if "data-link-id" in a)
    assert cards == Counter(card.id for card in doc.cards)
    assert links == Counter(link.id for link in doc.links)
    assert all(tag == "g" for tag, a in page.tags if "data-card-id" in a or "data-link-id" in a)


def test_nothing_is_fetched_the_policy_allows_no_request_and_the_only_script_is_the_viewer() -> None:
    html = render_html(load(REPO / "samples" / "hotel-stay.blueprint"))
    page = parse(html)
    policy = next(a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    for _, attrs in page.tags:
        for name in ("src", "href"):
            assert (attrs.get(name) or "data:").startswith("data:")
    assert [a.get("type") for t, a in page.tags if t == "script"] == ["application/json", None]
    assert not re.search(rb"https?://(?!www\.w3\.org/2000/svg)", html)  # only the SVG namespace


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_every_text_is_escaped(path: Path) -> None:
    doc = load(path)
    html = render_html(doc)
    page = parse(html)
    assert [t for t, _ in page.tags if t in ("script", "img", "font", "b", "i", "para", "iframe")] == [
        "script",
        "script",
    ]
    data = json.loads(page.data)
    assert {card_id: entry["title"] for card_id, entry in data["cards"].items()} == {
        c.id: c.title for c in doc.cards
    }
    assert b"</script" not in html.split(b'id="blueprint-data">')[1].split(b"</script>")[0]


def test_the_facts_name_plans_findings_and_the_customers_time() -> None:
    data = json.loads(parse(render_html(sharing_blueprint())).data)
    key = data["cards"]["c1"]
    assert key["fail"] == {"note": "Key does not open", "severity": "high", "owner": "team-b"}
    assert [data["plans"][i]["title"] for i in key["plans"]] == ["Keys checked before hand-over"]
    assert key["time"]["chain"] == ["f0", "b0", "f1"]  # the work behind it, back to the last moment
    assert any(data["findings"][i]["code"] == "BP103" for i in data["cards"]["s0"]["findings"])


def test_a_view_leaves_hidden_lanes_out_and_starts_in_its_focus() -> None:
    doc = sharing_blueprint()
    page = parse(render_html(doc, Audience.of_view(doc.views_by_id()["front"]), "Front of house"))
    cards = {a["data-card-id"]: a.get("class", "") for _, a in page.tags if "data-card-id" in a}
    assert set(cards) == {"c0", "c1", "f0", "b0", "f1"}  # the support card is not there
    assert "faded" in cards["b0"] and "faded" not in cards["f0"] and "faded" not in cards["c0"]
    assert json.loads(page.data)["focus"] == ["team-a"]


def test_a_big_blueprints_card_text_waits_in_the_json_until_it_is_near(monkeypatch) -> None:
    monkeypatch.setattr("blueprint.export.html.svg.DETAIL_CARDS", 3)  # as from 1,000 cards on
    doc = sharing_blueprint()
    page = parse(render_html(doc))
    assert [a.get("class") for t, a in page.tags if t == "svg"] == ["lod far"]
    data = json.loads(page.data)
    assert set(data["text"]) >= {card.id for card in doc.cards} | {"l1", "l3"}  # labelled links too
    assert [item[2] for item in data["text"]["c1"]][:1] == ["Gets the key"]
    assert data["text"]["l1"]["text"][2] == "room request"
    html = render_html(doc).decode("utf-8")
    assert ">Gets the key</text>" not in html and ">room request</text>" not in html


def test_badges_are_drawn_as_in_the_pdf() -> None:
    html = render_html(sharing_blueprint()).decode("utf-8")
    key = html.split('data-card-id="c1"', 1)[1].split("</g>", 1)[0]
    assert 'class="badge"' in key and 'fill="#00796B"' in key and ">Plan</text>" in key  # plan p1
    assert 'fill="#D32F2F"' in key  # its fail point


def test_a_view_page_never_names_the_cards_of_its_hidden_lanes() -> None:
    doc = sharing_blueprint()
    html = render_html(doc, Audience(frozenset({"backstage"})))
    data = json.loads(parse(html).data)
    assert data["cards"]["c1"]["time"]["chain"] == ["f0", "f1"]  # b0 is in the hidden backstage
    assert data["cards"]["c1"]["time"]["hidden"] == 1
    assert b'"b0"' not in html and b'"l1"' not in html  # nor the links that touched it
    assert all("b0" not in f["elements"] for f in data["findings"])
