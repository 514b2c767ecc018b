"""Hypothesis strategies for valid blueprints, shared by round-trip, rule, layout and fuzz tests."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import strategies as st

from blueprint.model import Blueprint

LANE_KINDS = ["evidence", "customer", "frontstage", "backstage", "support", "notes"]

# Any Unicode text but surrogates (not valid UTF-8) and NUL; short so that documents stay small.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
title = text.filter(lambda s: 1 <= len(s.strip()) <= 200)
minutes = st.one_of(
    st.none(), st.integers(0, 10_000), st.floats(0, 1e6, allow_nan=False, allow_infinity=False)
)
iso = st.one_of(st.none(), st.just("2026-11-01T09:00:00Z"), st.just("2026-11-02T10:30:00+01:00"))
# A tag is one line (format version 2).
tag = text.filter(lambda s: "\n" not in s and "\r" not in s)
language = st.sampled_from([None, "en", "de-CH", "ar", "zh-Hant-TW"])
dates = st.one_of(st.none(), st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"))
STATUSES = ["proposed", "planned", "testing", "done", "dropped"]


@st.composite
def blueprints(draw: st.DrawFn, max_cards: int = 25) -> Blueprint:
    """A valid blueprint of random shape; every reference points to an existing element."""
    n_lanes = draw(st.integers(0, 7))
    lanes = [
        {"id": f"lane{i}", "name": draw(title), "kind": draw(st.sampled_from(LANE_KINDS))}
        for i in range(n_lanes)
    ]
    n_stages = draw(st.integers(0 if n_lanes == 0 else 1, 4))
    stages, step_ids = [], []
    for s in range(n_stages):
        steps = []
        for _ in range(draw(st.integers(1, 3))):
            step_id = f"step{len(step_ids)}"
            step_ids.append(step_id)
            steps.append({"id": step_id, "name": draw(title)})
        stages.append(
            {
                "id": f"stage{s}",
                "name": draw(title),
                "phase": draw(st.sampled_from([None, "pre-purchase", "purchase", "post-purchase"])),
                "job": draw(text),
                "steps": steps,
            }
        )
    functions = [
        {
            "id": f"fn{i}",
            "name": draw(text.filter(lambda s: 1 <= len(s) <= 100)),
            "kind": draw(st.sampled_from(["team", "role", "system", "partner"])),
            "color": draw(st.sampled_from([None, "#2E7D32", "#1565c0"])),
            "description": draw(text),
        }
        for i in range(draw(st.integers(0, 4)))
    ]
    cards: list[dict[str, Any]] = []
    if lanes and step_ids:
        for i in range(draw(st.integers(0, max_cards))):
            duration = draw(minutes)
            tolerance = draw(minutes)
            if duration is not None and tolerance is not None and tolerance < duration:
                tolerance = duration
            cards.append(
                {
                    "id": f"card{i}",
                    "lane": draw(st.sampled_from(lanes))["id"],
                    "step": draw(st.sampled_from(step_ids)),
                    "title": draw(text.filter(lambda s: 1 <= len(s.strip()) <= 500)),
                    "description": draw(text),
                    "function": draw(st.sampled_from([None] + [f["id"] for f in functions])),
                    "channel": draw(st.sampled_from([None, "web", "app", "in person"])),
                    "duration_minutes": duration,
                    "tolerance_minutes": tolerance,
                    "emotion": draw(st.one_of(st.none(), st.integers(-2, 2))),
                    "fail_point": draw(
                        st.one_of(
                            st.none(),
                            st.builds(
                                dict,
                                note=text,
                                severity=st.sampled_from(["low", "medium", "high"]),
                                owner=st.sampled_from([None] + [f["id"] for f in functions]),
                            ),
                        )
                    ),
                    "wait_point": draw(st.one_of(st.none(), st.builds(dict, note=text, minutes=minutes))),
                    "evidence": draw(st.sampled_from([None, "observed", "assumed", "proposed"])),
                    "tags": draw(st.lists(tag, max_size=3)),
                }
            )
    links = []
    if len(cards) >= 2:
        for i in range(draw(st.integers(0, 2 * len(cards)))):
            source, target = draw(
                st.lists(st.sampled_from([c["id"] for c in cards]), min_size=2, max_size=2, unique=True)
            )
            links.append(
                {
                    "id": f"link{i}",
                    "source": source,
                    "target": target,
                    "kind": draw(st.sampled_from(["flow", "loop"])),
                    "label": draw(text),
                }
            )
    targets = [c["id"] for c in cards] + [li["id"] for li in links]
    improvements = []
    if targets:
        for i in range(draw(st.integers(0, 3))):
            improvements.append(
                {
                    "id": f"plan{i}",
                    "title": draw(title),
                    "description": draw(text),
                    "targets": draw(st.lists(st.sampled_from(targets), min_size=1, max_size=3, unique=True)),
                    "owner": draw(st.sampled_from([None] + [f["id"] for f in functions])),
                    "measure": draw(text),
                    "target": draw(text),
                    "due": draw(dates),
                    "status": draw(st.sampled_from(STATUSES)),
                }
            )
    view_names = draw(  # distinct as the editor keeps them (a repeat is renamed on reading)
        st.lists(
            title.filter(lambda s: len(s) <= 200),
            max_size=2,
            unique_by=lambda s: " ".join(s.split()).casefold(),
        )
    )
    views = [
        {
            "id": f"view{i}",
            "name": name,
            "hidden_lanes": draw(st.lists(st.sampled_from([la["id"] for la in lanes]), unique=True))
            if lanes
            else [],
            "focus": draw(st.lists(st.sampled_from([f["id"] for f in functions]), unique=True))
            if functions
            else [],
        }
        for i, name in enumerate(view_names)
    ]
    schema = draw(st.sampled_from([{}, {"$schema": "./blueprint.schema.json"}]))
    return Blueprint.model_validate(
        {
            "format": "service-blueprint",
            **schema,
            "version": 2,
            "title": draw(title),
            "description": draw(text),
            "persona": draw(st.one_of(st.none(), st.builds(dict, name=title, description=text))),
            "metadata": {
                "author": draw(st.one_of(st.none(), text)),
                "created": draw(iso),
                "modified": draw(iso),
                "language": draw(language),
                "tags": draw(st.lists(tag, max_size=3)),
            },
            "functions": functions,
            "lanes": lanes,
            "stages": stages,
            "cards": cards,
            "links": links,
            "improvements": improvements,
            "views": views,
        }
    )


def element_ids(bp: Blueprint) -> SimpleNamespace:
    """The ids of each kind of element of `bp` (for drawing edits): `.cards`, `.lanes`, `.steps` (in
    column order), `.stages`, `.functions`, `.links`, `.plans`, `.views`."""
    return SimpleNamespace(
        cards=[c.id for c in bp.cards],
        lanes=[lane.id for lane in bp.lanes],
        steps=[s.id for _, s in bp.all_steps()],
        stages=[s.id for s in bp.stages],
        functions=[f.id for f in bp.functions],
        links=[li.id for li in bp.links],
        plans=[p.id for p in bp.improvements],
        views=[v.id for v in bp.views],
    )
