"""The HTML blueprint: one self-contained page (spec: sharing.md, "The blueprint for anyone").

The page holds everything it needs: the drawing as inline SVG (`svg.py`), the facts as JSON
(`data.py`), the style sheet and a small plain script (`viewer.css`, `viewer.js`, beside this
module). Its Content-Security-Policy allows only that one script and that one style sheet (by their
hashes) and no request of any kind, so it opens offline and nothing in it can reach the network,
whatever a blueprint's text holds. Every text from the document is escaped.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
from datetime import datetime
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

from blueprint import __version__
from blueprint.export.html.data import script_json, viewer_data
from blueprint.export.html.svg import blueprint_svg
from blueprint.fileformat import write_atomically
from blueprint.layout import compute_layout
from blueprint.layout.audience import EVERYTHING, Audience, shown_blueprint
from blueprint.layout.focus import focus_state
from blueprint.layout.gcpause import without_gc
from blueprint.layout.text import clean
from blueprint.model import Blueprint

#: Without scripts the drawing shows at once, whole (no zoom, no panel).
NO_SCRIPT_STYLE = (
    "#stage.loading #blueprint { display: block; } #plane { position: static; } #stage { overflow: auto; }"
)


@cache
def _asset(name: str) -> str:
    return resources.files("blueprint.export.html").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _facts(doc: Blueprint, view_name: str | None) -> str:
    facts = []
    if doc.persona is not None:
        facts.append("Persona: " + doc.persona.name)
    if doc.metadata.author:
        facts.append(doc.metadata.author)
    if doc.metadata.modified:
        with contextlib.suppress(ValueError):
            facts.append("modified " + datetime.fromisoformat(doc.metadata.modified).strftime("%Y-%m-%d"))
    if view_name:
        facts.append(f"view: {view_name}")
    return " · ".join(clean(fact) for fact in facts)


def render_html(doc: Blueprint, audience: Audience = EVERYTHING, view_name: str | None = None) -> bytes:
    """The HTML page of `doc` as `audience` sees it, as UTF-8 bytes."""
    with without_gc():
        shown = shown_blueprint(doc, audience.hidden_lanes)
        layout = compute_layout(shown)
        svg, deferred = blueprint_svg(layout, focus_state(layout, audience.focus))
        facts = viewer_data(shown, doc, audience.focus, layout)
        if deferred is not None:
            facts["text"] = deferred
        data = script_json(facts)
        script, style = _asset("viewer.js"), _asset("viewer.css")
        policy = (
            f"default-src 'none'; script-src '{_hash(script)}'; "
            f"style-src '{_hash(style)}' '{_hash(NO_SCRIPT_STYLE)}'; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        )
        language = getattr(doc.metadata, "language", None) or "en"
        title = escape(clean(doc.title))
        parts = [
            "<!DOCTYPE html>\n",
            f'<html lang="{escape(language)}"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="Service Blueprint Studio {escape(__version__)}">',
            '<link rel="icon" href="data:,">',
            f"<title>{title}</title><style>{style}</style>",
            f"<noscript><style>{NO_SCRIPT_STYLE}</style></noscript></head><body>",
            f'<header><div><h1>{title}</h1><p class="facts">{escape(_facts(doc, view_name))}</p></div>',
            '<div id="tools"><input id="search" type="search" placeholder="Search cards" '
            'aria-label="Search cards"><span id="hits" aria-live="polite"></span>',
            '<button id="zoom-out" type="button" title="Zoom out (-)">−</button>',
            '<button id="zoom-in" type="button" title="Zoom in (+)">+</button>',
            '<button id="fit" type="button" title="Show the whole blueprint (0)">Fit</button></div></header>',
            '<main><nav aria-label="Functions and findings"><h2>Functions</h2>',
            '<p class="muted">Click one to focus on its work.</p><ul id="functions"></ul>',
            '<button id="all-functions" type="button">All functions</button>',
            '<h2>Findings (<span id="findings-count"></span>)</h2><ul id="findings"></ul></nav>',
            # hidden while the page loads (the script shows it), so the browser does not lay out and
            # paint a big drawing again and again while it is still reading it
            f'<div id="stage" class="loading"><div id="plane">{svg}</div></div>',
            '<aside id="panel" hidden aria-label="Details"><button id="close" type="button" '
            'title="Close (Esc)">×</button><div id="details"></div></aside></main>',
            f'<script type="application/json" id="blueprint-data">{data}</script>',
            f"<script>{script}</script></body></html>\n",
        ]
        return "".join(parts).encode("utf-8")


def export_html(
    doc: Blueprint, out: str | Path, audience: Audience = EVERYTHING, view_name: str | None = None
) -> list[str]:
    """Write the HTML page atomically (drawn in memory first); returns warnings (none so far)."""
    write_atomically(Path(out), render_html(doc, audience, view_name))
    return []
