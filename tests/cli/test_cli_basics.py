"""`blueprint new`, `templates`, `schema`, usage errors, one-line errors: through the installed script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from blueprint.fileformat import load

from clirun import blueprint_script, run_blueprint


def test_templates_lists_the_four_built_in_templates() -> None:
    result = run_blueprint("templates")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert names[:4] == ["blank", "classic", "five-stage", "eight-stage"]


def test_new_from_the_eight_stage_template_makes_a_valid_file(tmp_path: Path) -> None:
    out = tmp_path / "x.blueprint"
    result = run_blueprint("new", "--template", "eight-stage", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = load(out)
    assert [s.name for s in doc.stages] == [
        "Solutions",
        "Evaluation",
        "Selection",
        "Purchase",
        "Take home / Deliver",
        "Use",
        "Maintain",
        "Dispose",
    ]
    assert [s.phase for s in doc.stages] == ["pre-purchase"] * 3 + ["purchase"] + ["post-purchase"] * 4
    assert doc.metadata.created is not None
    again = run_blueprint("validate", str(out))
    assert again.returncode in (0, 1), again.stderr
    assert "Traceback" not in again.stderr


def test_five_stage_template_phases(tmp_path: Path) -> None:
    out = tmp_path / "five.blueprint"
    assert run_blueprint("new", "--template", "five-stage", "-o", str(out)).returncode == 0
    doc = load(out)
    assert [(s.name, s.phase) for s in doc.stages] == [
        ("Awareness", "pre-purchase"),
        ("Consideration", "pre-purchase"),
        ("Acquisition", "purchase"),
        ("Service", "post-purchase"),
        ("Loyalty", "post-purchase"),
    ]


def test_classic_template_has_the_five_standard_lanes(tmp_path: Path) -> None:
    out = tmp_path / "c.blueprint"
    assert run_blueprint("new", "-o", str(out)).returncode == 0
    assert [lane.kind for lane in load(out).lanes] == [
        "evidence",
        "customer",
        "frontstage",
        "backstage",
        "support",
    ]


def test_new_refuses_to_overwrite_and_unknown_templates(tmp_path: Path) -> None:
    out = tmp_path / "x.blueprint"
    out.write_text("keep me")
    result = run_blueprint("new", "-o", str(out))
    assert result.returncode == 2
    assert out.read_text() == "keep me"
    assert "already exists" in result.stderr
    bad = run_blueprint("new", "--template", "nine-stage", "-o", str(tmp_path / "y.blueprint"))
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "unknown template 'nine-stage'" in bad.stderr


def test_schema_is_a_json_schema_of_the_format() -> None:
    result = run_blueprint("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"format", "version", "title", "cards", "links"} <= set(schema["properties"])
    assert schema["$defs"]["Card"]["additionalProperties"] is False


def test_a_typo_in_a_lane_reference_is_one_line_with_path_and_value(tmp_path: Path, repo: Path) -> None:
    source = next((repo / "samples").glob("*.blueprint"))
    raw = json.loads(source.read_text(encoding="utf-8"))
    raw["cards"][3]["lane"] = "bak"
    bad = tmp_path / "typo.blueprint"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    result = run_blueprint("validate", str(bad))
    assert result.returncode == 2
    assert result.stderr == f"blueprint: {bad}: cards[3].lane: unknown lane 'bak'\n"


def test_bad_usage_exits_2() -> None:
    assert run_blueprint("validate").returncode == 2
    assert run_blueprint("export", "--page-size", "A9").returncode == 2


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "blueprint", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "blueprint" in result.stdout


def test_every_sample_and_template_satisfies_the_printed_schema(repo: Path) -> None:
    import jsonschema

    schema = json.loads(run_blueprint("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = [*(repo / "samples").glob("*.blueprint"), *(repo / "resources" / "templates").glob("*.blueprint")]
    assert len(files) >= 10
    for path in files:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path.name}: {errors[0].message}"
    bad = json.loads(files[0].read_text(encoding="utf-8"))
    del bad["format"]
    bad["cards"][0]["duration_minutes"] = -1
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "'format' is a required property" in messages
    assert "-1 is not valid" in messages


def _without_display(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [blueprint_script(), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_a_mistyped_command_is_an_error_not_an_editor_window() -> None:
    result = _without_display("frobnicate")
    assert result.returncode == 2
    assert result.stderr.startswith("blueprint: 'frobnicate' is not a command or an existing file")
    assert result.stderr.count("\n") == 1


def test_a_missing_file_is_an_error_before_any_window() -> None:
    result = _without_display("nothere.blueprint")
    assert (result.returncode, result.stderr) == (2, "blueprint: nothere.blueprint: no such file\n")


def test_without_a_display_the_editor_says_so_in_one_line(repo: Path) -> None:
    result = _without_display(str(repo / "samples" / "hotel-stay.blueprint"))
    assert result.returncode == 2
    assert result.stderr.startswith("blueprint: no display to open the editor on")
    assert result.stderr.count("\n") == 1


def test_debug_may_follow_the_sub_command(repo: Path) -> None:
    result = run_blueprint("validate", str(repo / "samples" / "hotel-stay.blueprint"), "--debug")
    assert result.returncode == 0, result.stderr
