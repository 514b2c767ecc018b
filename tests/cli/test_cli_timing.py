"""`blueprint timing` through the installed command: the spec's JSON shape, text a designer can check
by hand, CSV rows, and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from blueprint.fileformat import save

from builders import blueprint_with, card
from clirun import run_blueprint


def _coffee_file(tmp_path: Path) -> str:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders", duration_minutes=1),
            card("f1", "frontstage", 0, "Takes the order", duration_minutes=1, function="team-a"),
            card(
                "b1",
                "backstage",
                1,
                "Makes the drink",
                duration_minutes=4,
                wait_point={"note": "", "minutes": 2},
                function="team-b",
            ),
            card("f2", "frontstage", 2, "Hands it over", duration_minutes=1, function="team-a"),
            card("c9", "customer", 2, "Receives the drink", duration_minutes=0.5, tolerance_minutes=5),
            card("c10", "customer", 2, "Drinks it"),
        ],
        links=[("c1", "f1"), ("f1", "b1"), ("b1", "f2"), ("f2", "c9")],
    )
    path = tmp_path / "coffee.blueprint"
    save(doc, path)
    return str(path)


def test_json_has_the_specs_shape(tmp_path: Path) -> None:
    result = run_blueprint("timing", _coffee_file(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert list(report) == ["journey", "stages", "cards"]
    assert report["journey"] == {"minutes": 9.5, "incomplete": True}  # "Drinks it" has no minutes
    assert report["stages"] == [{"id": "stage", "name": "Stage", "minutes": 9.5, "incomplete": True}]
    receives = report["cards"][1]
    assert receives == {
        "id": "c9",
        "title": "Receives the drink",
        "stage": "stage",
        "step": "step2",
        "minutes": 8.5,
        "work_minutes": 6.5,
        "wait_minutes": 2,
        "tolerance_minutes": 5,
        "over": True,
        "incomplete": False,
        "chain": ["f1", "b1", "f2", "c9"],
    }
    assert [c["id"] for c in report["cards"]] == ["c1", "c9", "c10"]
    assert report["cards"][2]["tolerance_minutes"] is None and report["cards"][2]["over"] is False


def test_text_names_each_moment_its_chain_and_the_totals(tmp_path: Path) -> None:
    result = run_blueprint("timing", _coffee_file(tmp_path))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1] == (
        '"Receives the drink" (Stage › Step 2, Customer): 8.5 min (6.5 work + 2 wait); tolerance 5 min, '
        'over by 3.5 min; chain: "Takes the order" → "Makes the drink" → "Hands it over" → '
        '"Receives the drink"'
    )
    assert lines[2] == '"Drinks it" (Stage › Step 2, Customer): 0 min (incomplete)'
    assert lines[-2:] == ['Stage "Stage": 9.5 min (incomplete)', "Journey: 9.5 min (incomplete)"]


def test_csv_is_the_card_rows_with_a_header(tmp_path: Path) -> None:
    result = run_blueprint("timing", _coffee_file(tmp_path), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["id", "title", "stage"] and rows[0][-1] == "chain"
    assert rows[2][0] == "c9" and rows[2][-1] == "f1 b1 f2 c9" and rows[2][rows[0].index("over")] == "true"


def test_an_unreadable_file_or_bad_usage_exits_2_with_one_line(tmp_path: Path) -> None:
    missing = run_blueprint("timing", str(tmp_path / "gone.blueprint"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip() == f"blueprint: {tmp_path / 'gone.blueprint'}: no such file"
    usage = run_blueprint("timing", "a", "b")
    assert usage.returncode == 2 and usage.stderr.splitlines()[-1].startswith("blueprint timing: error:")


def test_the_command_list_names_timing() -> None:
    typo = run_blueprint("timnig")
    assert typo.returncode == 2 and "timing" in typo.stderr
