"""Keep the benchmark suite working: the generator makes valid, round-tripping documents, and the
runner prints a table for one tiny stage. (Speed itself is measured by benchmarks/run.py, not here.)"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.fileformat import dumps, load, loads
from blueprint.model import Blueprint

import generated as _generator

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# Loaded by path under a private name: benchmarks/ is a folder of scripts, not a package on sys.path.
generate, generate_raw = _generator.generate, _generator.generate_raw


def test_generator_makes_a_valid_document_of_exactly_n_cards() -> None:
    doc = generate(30)
    assert len(doc.cards) == 30
    assert [lane.kind for lane in doc.lanes] == [
        "evidence",
        "customer",
        "frontstage",
        "backstage",
        "support",
        "notes",
    ]
    assert 40 <= len(doc.links) <= 46  # about 1.5 N
    assert len(doc.functions) == 3  # about N / 15, at least 3
    assert any("\n" in card.description for card in doc.cards)
    assert any(card.emotion is not None for card in doc.cards)


def test_generated_document_round_trips_through_the_file_format(tmp_path: Path) -> None:
    doc = generate(30)
    path = tmp_path / "g.blueprint"
    path.write_text(dumps(doc), encoding="utf-8")
    again = load(path)
    assert again == doc
    assert dumps(again) == dumps(doc)
    assert Blueprint.model_validate(generate_raw(30)) == loads(dumps(doc))


def test_generator_is_deterministic_and_seeded() -> None:
    assert generate_raw(200) == generate_raw(200)
    assert generate_raw(200, seed=2) != generate_raw(200)


def test_generator_command_line_writes_a_loadable_file(tmp_path: Path) -> None:
    out = tmp_path / "big.blueprint"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "60", "-o", str(out), "--domain", "airline"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(load(out).cards) == 60


@pytest.mark.parametrize("bad", ["0", "-5", "many"])
def test_generator_refuses_a_bad_card_count(bad: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), bad], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "cards" in done.stderr or "invalid int" in done.stderr


def test_runner_prints_a_table_with_a_ratio_for_one_tiny_stage() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "40", "--only", "load", "--repeats", "2"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = {line.split("|")[1].strip(): line for line in done.stdout.splitlines() if line.startswith("| ")}
    assert "load" in rows and "floor: json.loads + model_validate" in rows
    assert "x)" in rows["load"]  # the figure carries its ratio to the floor


def test_the_two_designers_benchmark_makes_versions_that_merge_cleanly(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("benchmarks_team_commands", BENCHMARKS / "team_commands.py")
    assert spec is not None and spec.loader is not None
    team = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(team)
    from blueprint.fileformat import save
    from blueprint.teams import diff_documents, merge_documents

    base = tmp_path / "base.blueprint"
    save(generate(80), base, backup=False)
    team.edited(base, tmp_path / "ours.blueprint", 25, 2, 0, 40)
    team.edited(base, tmp_path / "theirs.blueprint", 25, 3, 40, 80)
    ours, theirs = load(tmp_path / "ours.blueprint"), load(tmp_path / "theirs.blueprint")
    assert len(diff_documents(load(base), ours).changes) >= 20
    assert merge_documents(load(base), ours, theirs).conflicts == []
