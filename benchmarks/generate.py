"""Deterministic generator of large, realistic service blueprints for benchmarks.

A real bank or airline blueprint runs to hundreds of steps and thousands of cards. This makes one of
any size: N cards over stages of two to four steps, the five standard lanes and a notes lane, about
N/15 functions that each work in a stretch of the journey, and about 1.5 N links (mostly forward
flows and hand-offs within and between neighbouring steps, a few deliberate loops back), with fail
and wait points, emotions, durations and multi-line descriptions. A handful of the usual mistakes
(an unowned card, an unlabelled hand-off, an orphan) are sprinkled in so that validation has
something to report, as it would on a real file.

The same arguments always give the same bytes.

    python benchmarks/generate.py 5000 -o big.blueprint [--seed 1] [--domain bank|airline]
"""

from __future__ import annotations

import argparse
import random
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

LANES = [
    {"id": "evidence", "name": "Physical evidence", "kind": "evidence"},
    {"id": "customer", "name": "Customer actions", "kind": "customer"},
    {"id": "frontstage", "name": "Frontstage", "kind": "frontstage"},
    {"id": "backstage", "name": "Backstage", "kind": "backstage"},
    {"id": "support", "name": "Support processes", "kind": "support"},
    {"id": "ideas", "name": "Opportunities", "kind": "notes"},
]

VOCABULARY: dict[str, dict[str, list[str]]] = {
    "bank": {
        "stage": [
            "Discover",
            "Compare",
            "Apply",
            "Verify identity",
            "Approve",
            "Open account",
            "Fund",
            "Activate card",
            "Pay",
            "Transfer",
            "Dispute",
            "Borrow",
            "Repay",
            "Renew",
            "Close",
        ],
        "object": [
            "current account",
            "mortgage offer",
            "credit card",
            "loan quote",
            "direct debit",
            "payee",
            "statement",
            "overdraft",
            "savings pot",
            "standing order",
            "chargeback",
            "ID document",
            "proof of address",
            "PIN",
            "mobile app login",
            "card limit",
        ],
        "customer": [
            "Looks up",
            "Asks about",
            "Fills in the form for",
            "Uploads",
            "Confirms",
            "Calls about",
            "Checks",
            "Signs",
            "Chats about",
            "Waits for",
        ],
        "frontstage": [
            "Adviser explains",
            "App shows",
            "Branch clerk checks",
            "Chatbot answers on",
            "Call agent confirms",
            "Web form validates",
            "Adviser books a meeting on",
        ],
        "backstage": [
            "Underwriter reviews",
            "Fraud team screens",
            "Operations sets up",
            "Credit team scores",
            "Back office reconciles",
            "Compliance approves",
        ],
        "support": [
            "Core banking posts",
            "KYC service verifies",
            "Credit bureau returns",
            "Card processor issues",
            "Document store archives",
            "Payments hub clears",
        ],
        "evidence": [
            "Email with",
            "Letter about",
            "App screen for",
            "SMS code for",
            "PDF of",
            "Branch leaflet on",
        ],
        "ideas": [
            "Idea: pre-fill",
            "Idea: skip re-keying",
            "Opportunity: instant",
            "Idea: one tap",
            "Research: customers abandon",
        ],
        "team": [
            "Branch network",
            "Contact centre",
            "Mortgage underwriting",
            "Fraud operations",
            "Card services",
            "Onboarding",
            "Collections",
            "Complaints",
            "Digital banking",
            "Payments operations",
            "Compliance",
            "Treasury",
        ],
        "system": [
            "Core banking",
            "KYC platform",
            "CRM",
            "Card processor",
            "Payments hub",
            "Document store",
            "Credit decision engine",
        ],
        "partner": ["Credit bureau", "Card scheme", "Courier", "Identity provider", "Print house"],
        "role": ["Personal adviser", "Relationship manager", "Underwriter", "Call agent", "Branch manager"],
    },
    "airline": {
        "stage": [
            "Inspire",
            "Search",
            "Book",
            "Pay",
            "Manage booking",
            "Check in",
            "Bag drop",
            "Security",
            "Board",
            "Fly",
            "Connect",
            "Arrive",
            "Claim bags",
            "Complain",
            "Earn miles",
        ],
        "object": [
            "fare",
            "seat",
            "boarding pass",
            "checked bag",
            "meal",
            "upgrade",
            "refund",
            "lounge pass",
            "connection",
            "passport details",
            "miles",
            "delay voucher",
            "special assistance",
            "rebooking",
            "gate change",
            "lost bag report",
        ],
        "customer": [
            "Searches for",
            "Chooses",
            "Pays for",
            "Adds",
            "Checks",
            "Asks about",
            "Shows",
            "Queues for",
            "Waits for",
            "Complains about",
        ],
        "frontstage": [
            "Agent confirms",
            "App shows",
            "Gate staff check",
            "Cabin crew serve",
            "Kiosk prints",
            "Website offers",
            "Chat agent explains",
        ],
        "backstage": [
            "Revenue team prices",
            "Ops control reassigns",
            "Load control balances",
            "Baggage team routes",
            "Crew scheduling assigns",
            "Customer care reviews",
        ],
        "support": [
            "Reservation system holds",
            "Departure control updates",
            "Payment gateway charges",
            "Baggage system tracks",
            "Loyalty platform posts",
            "Catering loads",
        ],
        "evidence": [
            "Email with",
            "Boarding pass for",
            "Bag tag for",
            "App notification on",
            "Receipt for",
            "Gate screen showing",
        ],
        "ideas": [
            "Idea: proactive",
            "Opportunity: self-service",
            "Idea: one tap",
            "Research: travellers want",
            "Idea: automatic",
        ],
        "team": [
            "Contact centre",
            "Airport operations",
            "Cabin crew",
            "Ground handling",
            "Revenue management",
            "Ops control",
            "Baggage services",
            "Customer care",
            "Loyalty",
            "Catering",
            "Crew scheduling",
            "Load control",
        ],
        "system": [
            "Reservation system",
            "Departure control",
            "Payment gateway",
            "Baggage system",
            "Loyalty platform",
            "Mobile app",
            "Website",
        ],
        "partner": [
            "Airport authority",
            "Security contractor",
            "Caterer",
            "Partner airline",
            "Travel agency",
        ],
        "role": ["Gate agent", "Purser", "Check-in agent", "Duty manager", "Lounge host"],
    },
}

CHANNELS = ["web", "app", "phone", "in person", "email", "chat"]
PHASES = ["pre-purchase", "purchase", "post-purchase"]
LABELS = [
    "request",
    "details",
    "decision",
    "confirmation",
    "documents",
    "status",
    "payment",
    "booking",
    "record",
    "approval",
    "update",
    "case",
]
FEELINGS = [
    "relieved",
    "confused by the wording",
    "in a hurry",
    "anxious about the cost",
    "pleased it was quick",
    "annoyed at repeating details",
]
#: Cards per step in each lane: (lane id, chance of a first card, chance of each further card, most).
LANE_MIX = [
    ("evidence", 0.6, 0.0, 1),
    ("customer", 0.995, 0.15, 2),
    ("frontstage", 0.9, 0.45, 3),
    ("backstage", 0.85, 0.5, 3),
    ("support", 0.7, 0.3, 2),
    ("ideas", 0.25, 0.0, 1),
]
FLOW_ORDER = ["evidence", "customer", "frontstage", "backstage", "support"]


class _Maker:
    """Holds the random source and the growing document (one generation run)."""

    def __init__(self, n_cards: int, seed: int, domain: str) -> None:
        self.n = n_cards
        self.rng = random.Random(f"{seed}:{n_cards}:{domain}")
        self.words = VOCABULARY[domain]
        self.domain = domain
        self.cards: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.pairs: set[tuple[str, str]] = set()
        self.by_step: list[dict[str, list[dict[str, Any]]]] = []
        self.functions: list[dict[str, Any]] = []

    # --- content ----------------------------------------------------------------------------------

    def description(self, lane: str, title: str) -> str:
        r = self.rng
        if r.random() < 0.3:
            return ""
        lines = [
            f"{title} ({r.choice(self.words['object'])}).",
            f"Customer is {r.choice(FEELINGS)} at this point.",
            f"Takes {r.randint(1, 30)} minutes on a normal day, longer at month end.",
            "Source: interviews, week 3." if lane == "customer" else "Owner agreed the steps in workshop 2.",
            f"Open question: can {r.choice(self.words['object'])} be reused here?",
        ]
        return "\n".join(lines[: r.randint(2, 5)])

    def make_functions(self) -> None:
        count = max(3, round(self.n / 15))
        kinds = ["team"] * 5 + ["system"] * 3 + ["role"] * 2 + ["partner"]
        for i in range(count):
            kind = self.rng.choice(kinds)
            base = self.rng.choice(self.words[kind])
            self.functions.append(
                {
                    "id": f"fn{i + 1}",
                    "name": f"{base} {i // len(self.words[kind]) + 1}"[:100],
                    "kind": kind,
                    "color": f"#{self.rng.randrange(0x1000000):06X}" if self.rng.random() < 0.8 else None,
                    "description": f"Works on {self.rng.choice(self.words['object'])}." if i % 3 == 0 else "",
                }
            )

    def function_for(self, step_index: int, n_steps: int, lane: str) -> str | None:
        """Functions work in a stretch of the journey, so hand-offs stay between neighbours."""
        if self.rng.random() < 0.01:
            return None  # unowned work (BP104), as in any real draft
        centre = step_index * len(self.functions) / max(1, n_steps)
        spread = {"frontstage": 2, "backstage": 4, "support": 6}.get(lane, 3)
        index = int(centre + self.rng.uniform(-spread, spread)) % len(self.functions)
        return self.functions[index]["id"]

    def card(self, lane: str, step_id: str, step_index: int, n_steps: int) -> dict[str, Any]:
        r = self.rng
        title = f"{r.choice(self.words[lane])} {r.choice(self.words['object'])}"
        if r.random() < 0.2:
            title += f" ({r.choice(['again', 'second try', 'online', 'by phone', 'urgent'])})"
        duration = r.choice([None, None, 1, 2, 5, 10, 0.5, 30])
        tolerance = None if duration is None or r.random() < 0.3 else duration * r.choice([1, 1.5, 2, 3])
        company = lane in ("frontstage", "backstage", "support")
        fail = None
        if lane != "ideas" and r.random() < 0.06:
            fail = {
                "note": f"{r.choice(self.words['object']).capitalize()} lost or wrong",
                "severity": r.choice(["low", "medium", "medium", "high"]),
            }
        wait = None
        if lane == "customer" and r.random() < 0.12:
            wait = {
                "note": r.choice(["Queue", "On hold", "Waits for approval", "Waits for a letter"]),
                "minutes": r.choice([None, 2, 5, 15, 60, 1440]),
            }
        return {
            "id": f"c{len(self.cards) + 1}",
            "lane": lane,
            "step": step_id,
            "title": title,
            "description": self.description(lane, title),
            "function": self.function_for(step_index, n_steps, lane) if company else None,
            "channel": r.choice(CHANNELS)
            if lane in ("customer", "frontstage") and r.random() < 0.8
            else None,
            "duration_minutes": duration,
            "tolerance_minutes": tolerance,
            "emotion": r.randint(-2, 2) if lane == "customer" and r.random() < 0.7 else None,
            "fail_point": fail,
            "wait_point": wait,
            "evidence": r.choice(["observed", "observed", "assumed", "proposed"])
            if r.random() < 0.6
            else None,
            "tags": r.sample(["pain point", "quick win", "regulated", "legacy", "digital"], r.randint(0, 2)),
        }

    # --- structure --------------------------------------------------------------------------------

    def grid(self) -> list[dict[str, Any]]:
        """Steps with their cards, grouped into stages, until there are exactly N cards."""
        per_step: list[list[str]] = []
        total = 0
        while total < self.n:
            lanes: list[str] = []
            for lane, first, more, most in LANE_MIX:
                if self.rng.random() < first:
                    lanes.append(lane)
                    while lanes.count(lane) < most and self.rng.random() < more:
                        lanes.append(lane)
            lanes = lanes[: self.n - total] or ["customer"]
            per_step.append(lanes)
            total += len(lanes)
        stages: list[dict[str, Any]] = []
        step_no = 0
        while step_no < len(per_step):
            size = min(self.rng.randint(2, 4), len(per_step) - step_no)
            index = len(stages)
            names = self.words["stage"]
            name = f"{names[index % len(names)]} {index // len(names) + 1}"
            steps = [{"id": f"s{step_no + k + 1}", "name": f"Step {step_no + k + 1}"} for k in range(size)]
            phase = PHASES[min(2, 3 * step_no // len(per_step))]
            stages.append(
                {
                    "id": f"st{index + 1}",
                    "name": name,
                    "phase": phase,
                    "job": f"Get the {self.rng.choice(self.words['object'])} sorted",
                    "steps": steps,
                }
            )
            step_no += size
        for i, lanes in enumerate(per_step):
            cells: dict[str, list[dict[str, Any]]] = {lane: [] for lane, *_ in LANE_MIX}
            for lane in lanes:
                card = self.card(lane, f"s{i + 1}", i, len(per_step))
                self.cards.append(card)
                cells[lane].append(card)
            self.by_step.append(cells)
        return stages

    def link(self, source: dict[str, Any], target: dict[str, Any], kind: str = "flow") -> None:
        key = (source["id"], target["id"])
        if source is target or key in self.pairs or (key[1], key[0]) in self.pairs:
            return
        self.pairs.add(key)
        handoff = source["function"] != target["function"]
        label = "" if handoff and self.rng.random() < 0.05 else self.rng.choice(LABELS)
        self.links.append(
            {
                "id": f"l{len(self.links) + 1}",
                "source": key[0],
                "target": key[1],
                "kind": kind,
                "label": label,
            }
        )

    def chain(self) -> None:
        """The backbone: within a step down through the lanes and back up; across steps forward."""
        previous: dict[str, list[dict[str, Any]]] | None = None
        for cells in self.by_step:
            ev, cu, fr, ba, su = (cells[lane] for lane in FLOW_ORDER)
            for card in ev:
                if cu:
                    self.link(card, cu[0])
            for a, b in pairwise(cu):
                self.link(a, b)
            if cu and fr:
                self.link(cu[0], fr[0])
            for a, b in pairwise(fr):
                self.link(a, b)
            if fr and ba:
                self.link(fr[0], ba[0])
            for a, b in pairwise(ba):
                self.link(a, b)
            if ba and su:
                self.link(ba[0], su[0])
                if len(ba) > 1:
                    self.link(su[-1], ba[-1])
            if ba and len(fr) > 1:
                self.link(ba[-1], fr[-1])  # the work comes back to the frontstage
            if previous is not None:
                for lane in ("customer", "frontstage", "backstage", "support"):
                    if previous[lane] and cells[lane] and self.rng.random() < 0.8:
                        self.link(previous[lane][-1], cells[lane][0])
                if previous["frontstage"] and cu and self.rng.random() < 0.5:
                    self.link(previous["frontstage"][-1], cu[0])
            previous = cells

    def extras(self, target: int) -> None:
        """Forward hand-offs to nearby steps and a few deliberate loops back, up to `target` links."""
        n_steps = len(self.by_step)
        allowed = {
            "customer": ["customer", "frontstage"],
            "frontstage": ["customer", "frontstage", "backstage"],
            "backstage": ["frontstage", "backstage", "support"],
            "support": ["backstage", "support"],
        }
        tries = 0
        while len(self.links) < target and tries < target * 20:
            tries += 1
            i = self.rng.randrange(n_steps)
            lane = self.rng.choice(list(allowed))
            if not self.by_step[i][lane]:
                continue
            source = self.rng.choice(self.by_step[i][lane])
            if self.rng.random() < 0.03 and i > 2:  # renewal, retry: a deliberate loop back
                j = self.rng.randrange(max(0, i - 12), i)
                kind = "loop"
            else:
                j = min(n_steps - 1, i + self.rng.randint(1, 3))
                kind = "flow"
            cells = self.by_step[j][self.rng.choice(allowed[lane])]
            if cells and j != i:
                self.link(source, self.rng.choice(cells), kind)

    def document(self) -> dict[str, Any]:
        self.make_functions()
        stages = self.grid()
        self.chain()
        target = round(1.5 * self.n)
        self.extras(target)
        del self.links[target:]
        title = f"{'Retail bank' if self.domain == 'bank' else 'Airline'} end to end ({self.n} cards)"
        return {
            "format": "service-blueprint",
            "version": 2,
            "title": title,
            "description": "Generated by benchmarks/generate.py for scaling benchmarks.\nDeterministic.",
            "persona": {
                "name": "Sam",
                "description": "Busy professional, uses the app first, phones when stuck.",
            },
            "metadata": {
                "author": "benchmarks/generate.py",
                "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z",
                "tags": ["generated", self.domain],
            },
            "functions": self.functions,
            "lanes": LANES,
            "stages": stages,
            "cards": self.cards,
            "links": self.links,
        }


def generate_raw(n_cards: int, seed: int = 1, domain: str = "bank") -> dict[str, Any]:
    """The parsed-JSON form of a generated blueprint of exactly `n_cards` cards."""
    if n_cards < 1:
        raise ValueError("a blueprint needs at least one card")
    return _Maker(n_cards, seed, domain).document()


def generate(n_cards: int, seed: int = 1, domain: str = "bank"):  # -> Blueprint
    """A validated `Blueprint` of exactly `n_cards` cards."""
    from blueprint.model import Blueprint

    return Blueprint.model_validate(generate_raw(n_cards, seed, domain))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a large, realistic .blueprint file for benchmarks.")
    parser.add_argument("cards", type=int, help="number of cards (e.g. 5000)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--domain", choices=sorted(VOCABULARY), default="bank")
    args = parser.parse_args(argv)
    if args.cards < 1:
        parser.error("cards must be at least 1")
    from blueprint.fileformat import dumps, save

    doc = generate(args.cards, args.seed, args.domain)
    if args.output:
        save(doc, args.output)
        print(
            f"wrote {args.output}: {len(doc.cards)} cards, {len(doc.all_steps())} steps, "
            f"{len(doc.stages)} stages, {len(doc.functions)} functions, {len(doc.links)} links",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(dumps(doc))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
