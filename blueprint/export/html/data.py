"""The facts the HTML viewer shows beside the drawing, as one JSON object embedded in the page.

Cards and links by id (every field a designer set, where the card sits, the customer's time there,
the plans and findings that name it), the functions, the findings and the plans. The viewer builds
its panel and lists from this with `textContent`, never as markup. The JSON is made safe to stand
inside a `<script type="application/json">` element: `<`, `>` and `&` are written as \\u escapes,
so no text from the document can close the element.
"""

from __future__ import annotations

import json
from typing import Any

from blueprint.export.sheets.facts import SheetContext
from blueprint.export.sources import shown_findings
from blueprint.layout import Layout
from blueprint.model import Blueprint, Card


def _card(card: Card, at: dict[str, str], lanes: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": card.title, "at": at[card.step], "lane": lanes[card.lane].name}
    entry["kind"] = lanes[card.lane].kind
    if card.description:
        entry["description"] = card.description
    if card.function is not None:
        entry["function"] = card.function
    for key, value in (
        ("channel", card.channel),
        ("minutes", card.duration_minutes),
        ("tolerance", card.tolerance_minutes),
        ("emotion", card.emotion),
        ("evidence", card.evidence),
    ):
        if value is not None:
            entry[key] = value
    if card.fail_point is not None:
        fail = card.fail_point
        entry["fail"] = {"note": fail.note, "severity": fail.severity, "owner": fail.owner}
    if card.wait_point is not None:
        entry["wait"] = {"note": card.wait_point.note, "minutes": card.wait_point.minutes}
    if card.tags:
        entry["tags"] = list(card.tags)
    return entry


def viewer_data(
    shown: Blueprint, whole: Blueprint, focus: tuple[str, ...], layout: Layout | None = None
) -> dict[str, Any]:
    """The viewer's data for `shown` (an audience view of `whole`, or `whole` itself). With its
    `layout`, every card's box and every link's extent (whole points), for the level of detail."""
    context = SheetContext(whole)
    findings = list(context.findings)
    if shown is not whole:
        findings = shown_findings(findings, shown, whole)
    index_of = {id(f): i for i, f in enumerate(findings)}
    lanes = shown.lanes_by_id()
    at = {step.id: f"{stage.name} › {step.name}" for stage, step in shown.all_steps()}
    plan_index = {plan.id: i for i, plan in enumerate(shown.improvements)}
    times = context.timing.by_card()
    lanes_of = {card.id: card.lane for card in shown.cards}
    shown_ids = lanes_of.keys() | {link.id for link in shown.links}
    cards: dict[str, Any] = {}
    for card in shown.cards:
        entry = _card(card, at, lanes)
        time = times.get(card.id)
        if time is not None:
            entry["time"] = {
                "minutes": time.minutes,
                "work": time.work_minutes,
                "wait": time.wait_minutes,
                "tolerance": time.tolerance_minutes,
                "over": time.over,
                "incomplete": time.incomplete,
                "chain": [c for c in time.chain if c != card.id and c in lanes_of],
            }
            hidden = sum(1 for c in time.chain if c not in lanes_of)
            if hidden:  # a view's hidden lanes: counted, never named (their ids stay out of the page)
                entry["time"]["hidden"] = hidden
        if layout is not None:
            b = layout.cards[card.id].box
            entry["box"] = [round(b.x), round(b.y - 8), round(b.right), round(b.bottom)]
        cards[card.id] = entry
    links: dict[str, Any] = {}
    for link in shown.links:
        links[link.id] = {
            "source": link.source,
            "target": link.target,
            "kind": link.kind,
            "label": link.label,
        }
        route = layout.routes.get(link.id) if layout is not None else None
        if route is not None and route.points:
            xs, ys = [x for x, _ in route.points], [y for _, y in route.points]
            extent = [min(xs) - 40, min(ys) - 40, max(xs) + 40, max(ys) + 40]
            links[link.id]["box"] = [round(v) for v in extent]
    for element, entry in (*cards.items(), *links.items()):
        plans = [plan_index[p.id] for p in context.plans_of.get(element, ()) if p.id in plan_index]
        if plans:
            entry["plans"] = plans
        found = sorted({index_of[id(f)] for f in context.findings_about(element) if id(f) in index_of})
        if found:
            entry["findings"] = found
    owned: dict[str, int] = {}
    for card in shown.cards:
        if card.function is not None:
            owned[card.function] = owned.get(card.function, 0) + 1
    return {
        "title": shown.title,
        "cards": cards,
        "links": links,
        "functions": [
            {"id": f.id, "name": f.name, "kind": f.kind, "color": f.color, "cards": owned.get(f.id, 0)}
            for f in shown.functions
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "elements": [e for e in f.elements if e in shown_ids],
            }
            for f in findings
        ],
        "plans": [
            {
                "title": p.title,
                "status": p.status,
                "due": p.due,
                "owner": p.owner,
                "measure": p.measure,
                "target": p.target,
                "description": p.description,
            }
            for p in shown.improvements
        ],
        "journey": {"minutes": context.timing.minutes, "incomplete": context.timing.incomplete},
        "focus": list(focus),
    }


def script_json(data: dict[str, Any]) -> str:
    """`data` as JSON that can stand inside a `<script>` element whatever its text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
