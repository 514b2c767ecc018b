"""Each sample's findings, pinned: codes and element ids, in the order `validate` sorts them.

A new sample must be added here (what it is meant to show is then reviewed with it). The samples'
descriptions say which findings they show on purpose; these pins are what they actually produce.
"""

from __future__ import annotations

from pathlib import Path

from blueprint.fileformat import load
from blueprint.resources import load_template, template_names
from blueprint.validate import RULES, validate

PINNED: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "aero-engine-power-by-the-hour": [
        ("BP112", ("cu.alert", "su.acars", "bk.trend", "bk.diagnose", "fr.alert")),
        (
            "BP112",
            (
                "cu.swaps",
                "su.acars",
                "bk.trend",
                "bk.diagnose",
                "fr.alert",
                "bk.dispatch",
                "fr.fieldfix",
                "bk.removal",
                "su.transport",
                "fr.spare",
            ),
        ),
        (
            "BP112",
            (
                "cu.reinstalls",
                "su.acars",
                "bk.trend",
                "bk.diagnose",
                "fr.alert",
                "bk.dispatch",
                "fr.fieldfix",
                "bk.removal",
                "bk.overhaul",
                "fr.return",
            ),
        ),
        (
            "BP112",
            (
                "cu.reviews",
                "su.acars",
                "bk.trend",
                "bk.diagnose",
                "fr.alert",
                "bk.dispatch",
                "fr.fieldfix",
                "bk.removal",
                "bk.overhaul",
                "bk.kpi",
                "fr.qbr",
            ),
        ),
        ("BP113", ("fr.fieldfix",)),
        ("BP113", ("fr.spare",)),
        ("BP113", ("bk.overhaul",)),
    ],
    "broken-handoffs": [
        ("BP110", ("frontstage", "backstage")),
        ("BP107", ("bk.pick", "bk.label", "l07", "l08")),
        ("BP106", ("l19", "bk.scan", "fr.tracking")),
        (
            "BP112",
            (
                "cu.tracks",
                "fr.checkout",
                "bk.order",
                "bk.pick",
                "bk.label",
                "su.tracking",
                "fr.knock",
                "bk.scan",
                "fr.tracking",
            ),
        ),
        ("BP101", ("cu.calls",)),
        ("BP112", ("cu.calls",)),
        ("BP105", ("l13", "su.tracking", "cu.tracks")),
        ("BP104", ("fr.neighbour",)),
        ("BP109", ("ev.card",)),
        ("BP103", ("bk.sms",)),
        ("BP108", ("redeliver.depot",)),
        ("BP102", ("bk.return",)),
        ("BP201", ("redeliver",)),
        ("BP111", ("l06", "bk.order", "bk.pick")),
        ("BP113", ("fr.knock",)),
    ],
    "cafe-order-ahead": [
        ("BP112", ("cu.arrives",)),
        ("BP112", ("cu.picks", "fr.checkout", "bk.auth", "fr.confirm", "bk.ticket", "fr.makes", "fr.shelf")),
        (
            "BP112",
            (
                "cu.rates",
                "fr.checkout",
                "bk.auth",
                "fr.confirm",
                "bk.ticket",
                "fr.makes",
                "fr.shelf",
                "bk.bump",
                "bk.loyalty",
                "fr.stamps",
            ),
        ),
        ("BP113", ("bk.auth",)),
    ],
    "car-ownership": [
        ("BP112", ("cu.testdrive", "fd.configurator", "bk.lead", "fp.demo")),
        ("BP112", ("cu.collects", "fp.deal", "bk.pdi", "fp.handover")),
        ("BP102", ("bk.marketing",)),
        ("BP112", ("cu.dropsoff",)),
        ("BP112", ("cu.approves", "fd.booking", "bk.diary", "fp.checkin", "bk.service", "fd.video")),
        ("BP112", ("cu.breakdown",)),
        ("BP113", ("fp.patrol",)),
    ],
    "hotel-stay": [
        ("BP112", ("cu.reads", "fr.form", "bk.reservation", "fr.confirmation")),
        ("BP112", ("cu.checksin",)),
        ("BP113", ("fr.checkin",)),
    ],
    "saas-subscription": [
        ("BP112", ("cu.demo", "fr.signup", "bk.score", "fr.ae")),
        ("BP112", ("cu.subscribes",)),
        (
            "BP112",
            (
                "cu.imports",
                "fr.signup",
                "bk.score",
                "fr.ae",
                "bk.quote",
                "fr.checkout",
                "bk.subscription",
                "fr.kickoff",
            ),
        ),
        ("BP112", ("cu.asks",)),
        ("BP101", ("cu.forum",)),
        ("BP113", ("fr.importer",)),
    ],
    "smartphone-store": [
        ("BP112", ("cu.walksin",)),
        ("BP109", ("ev.dummy",)),
        ("BP101", ("cu.reviews",)),
        ("BP112", ("cu.signs",)),
        ("BP112", ("cu.handsover",)),
        (
            "BP112",
            (
                "cu.call",
                "fr.greeter",
                "bk.queue",
                "fr.demo",
                "bk.stockcheck",
                "su.pick",
                "fr.plan",
                "bk.credit",
                "fr.transfer",
                "fr.accessories",
                "bk.followup",
                "fr.callback",
            ),
        ),
        ("BP113", ("ev.dummy",)),
    ],
}


def test_sample_findings_are_pinned(sample_path: Path) -> None:
    assert sample_path.stem in PINNED, f"pin the findings of the new sample {sample_path.name} here"
    found = [(f.code, f.elements) for f in validate(load(sample_path))]
    assert found == PINNED[sample_path.stem]


def test_broken_handoffs_triggers_every_code(repo: Path) -> None:
    codes = {f.code for f in validate(load(repo / "samples" / "broken-handoffs.blueprint"))}
    assert codes == set(RULES)


def test_sample_messages_name_cards_by_title_not_id(repo: Path) -> None:
    doc = load(repo / "samples" / "broken-handoffs.blueprint")
    titles = {card.id: card.title for card in doc.cards}
    for finding in validate(doc):
        # BP102 and BP112 name their first card; the others (feeders, the chain) are counted or listed
        named = finding.elements[:1] if finding.code in ("BP102", "BP112") else finding.elements
        for element in named:
            if element in titles:
                assert element not in finding.message
                assert f'"{titles[element][:40]}' in finding.message


def test_built_in_templates_are_clean() -> None:
    for name in template_names():
        assert validate(load_template(name)) == [], name
