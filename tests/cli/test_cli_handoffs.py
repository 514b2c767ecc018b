"""`blueprint handoffs` through the installed command: text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from blueprint.fileformat import load, save
from blueprint.graph import handoff_report

from builders import blueprint_with, card
from clirun import run_blueprint


def relay(tmp_path: Path) -> str:
    doc = blueprint_with(
        functions=["web", "warehouse", "courier"],
        cards=[
            card("f0", "frontstage", 0, "Checkout", function="web"),
            card("b1", "backstage", 1, "Picks", function="warehouse"),
            card("f2", "frontstage", 2, "Delivers", function="courier"),
        ],
        links=[("f0", "b1", {"label": "order"}), ("b1", "f2", {"label": "parcel"}), ("f0", "b1")],
    )
    path = tmp_path / "relay.blueprint"
    save(doc, path)
    return str(path)


def test_text_lists_each_function_then_the_matrix(tmp_path: Path) -> None:
    result = run_blueprint("handoffs", relay(tmp_path))
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert blocks[1] == (
        "Warehouse (team)\n"
        "  upstream:   Web\n"
        "  downstream: Courier\n"
        "  hand-offs:  2 in, 1 out\n"
        "  stages:     Stage"
    )
    assert "  upstream:   none" in blocks[0]
    matrix = blocks[-1].splitlines()
    assert matrix[0] == "Hand-off matrix (rows hand off to columns)"
    assert matrix[1].split() == ["from", "\\", "to", "Web", "Warehouse", "Courier"]
    assert matrix[2].split() == ["Web", "-", "2", "."]
    assert matrix[3].split() == ["Warehouse", ".", "-", "1"]


def test_json_is_the_hand_off_report(tmp_path: Path) -> None:
    path = relay(tmp_path)
    result = run_blueprint("handoffs", path, "--format", "json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out == handoff_report(load(path)).to_json()
    assert list(out) == ["functions", "matrix"]
    assert list(out["functions"][0]) == [
        "id",
        "name",
        "upstream",
        "downstream",
        "handoffs_in",
        "handoffs_out",
        "stages",
    ]
    assert out["matrix"] == {"web": {"warehouse": 2}, "warehouse": {"courier": 1}}


def test_csv_is_the_full_matrix_with_a_header_row(tmp_path: Path) -> None:
    result = run_blueprint("handoffs", relay(tmp_path), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        ["from \\ to", "Web", "Warehouse", "Courier"],
        ["Web", "0", "2", "0"],
        ["Warehouse", "0", "0", "1"],
        ["Courier", "0", "0", "0"],
    ]


def test_sample_prints_upstream_and_downstream_for_every_function(repo: Path) -> None:
    sample = repo / "samples" / "cafe-order-ahead.blueprint"
    result = run_blueprint("handoffs", str(sample))
    assert result.returncode == 0
    for function in load(sample).functions:
        assert f"{function.name} ({function.kind})\n  upstream:   " in result.stdout
    assert result.stdout.count("  downstream: ") == len(load(sample).functions)


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = run_blueprint("handoffs", str(tmp_path / "nope.blueprint"))
    assert result.returncode == 2
    assert result.stderr == f"blueprint: {tmp_path / 'nope.blueprint'}: no such file\n"
    assert run_blueprint("handoffs").returncode == 2
