"""`blueprint validate` through the installed command: output shapes and exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from pathlib import Path

from blueprint.fileformat import load, save
from blueprint.validate import validate

from builders import backward_flow_blueprint, blueprint_with, card
from clirun import run_blueprint

SEVERITY_WORDS = (("errors", "error"), ("warnings", "warning"), ("info", "info"))


def write(tmp_path: Path, name: str, doc) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    save(doc, path)
    return str(path)


def clean_doc():  # type: ignore[no-untyped-def]
    return blueprint_with(
        steps=1,
        cards=[
            card("c1", "customer", 0, "Orders", channel="app"),
            card("f1", "frontstage", 0, function="team-a"),
        ],
        links=[("c1", "f1")],
    )


def warning_doc():  # type: ignore[no-untyped-def]
    """Exactly one warning (BP104: the frontstage card has no function)."""
    return blueprint_with(
        steps=1, cards=[card("c1", "customer", 0, "Orders"), card("f1", "frontstage", 0, "Greets")]
    )


error_doc = backward_flow_blueprint


def test_clean_file_exits_0_with_header_and_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "clean.blueprint", clean_doc())
    result = run_blueprint("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path}\n  0 errors, 0 warnings, 0 info\n"
    assert result.stderr == ""


def test_warnings_exit_0_but_1_with_strict(tmp_path: Path) -> None:
    path = write(tmp_path, "warn.blueprint", warning_doc())
    result = run_blueprint("validate", path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == path
    assert lines[1].startswith(
        '  warning BP104 Unowned work: "Greets" (Stage › Step 0, Frontstage) has no function'
    )
    assert lines[-1] == "  0 errors, 1 warning, 0 info"
    assert run_blueprint("validate", "--strict", path).returncode == 1


def test_errors_exit_1_and_files_are_grouped(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.blueprint", error_doc())
    good = write(tmp_path, "good.blueprint", clean_doc())
    result = run_blueprint("validate", bad, good)
    assert result.returncode == 1
    blocks = result.stdout.split("\n\n")
    assert blocks[0].splitlines()[0] == bad and blocks[1].splitlines()[0] == good
    assert "  error BP106 Backwards flow: " in blocks[0]
    assert blocks[0].splitlines()[-1] == "  1 error, 0 warnings, 0 info"


def test_unreadable_file_exits_2_and_others_are_still_checked(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.blueprint", error_doc())
    broken = tmp_path / "broken.blueprint"
    broken.write_text("{not json", encoding="utf-8")
    result = run_blueprint("validate", str(broken), bad)
    assert result.returncode == 2
    assert result.stderr.startswith(f"blueprint: {broken}: line 1, column 2: not valid JSON")
    assert result.stderr.count("\n") == 1
    assert result.stdout.startswith(bad) and "BP106" in result.stdout


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.blueprint", error_doc())
    missing = str(tmp_path / "missing.blueprint")
    result = run_blueprint("validate", "--format", "json", bad, missing)
    assert result.returncode == 2
    out = json.loads(result.stdout)
    assert list(out) == ["files"]
    checked, unreadable = out["files"]
    assert list(checked) == ["file", "findings", "summary"]
    assert checked["file"] == bad
    assert checked["summary"] == {"errors": 1, "warnings": 0, "info": 0}
    [finding] = checked["findings"]
    assert list(finding) == ["code", "severity", "message", "elements"]
    assert finding["code"] == "BP106" and finding["severity"] == "error"
    assert finding["elements"] == ["l2", "f1", "f0"]
    assert isinstance(finding["message"], str) and '"Charges"' in finding["message"]
    assert unreadable == {"file": missing, "error": "no such file"}


def test_samples_as_json_exit_1_for_the_broken_one(repo: Path) -> None:
    samples = sorted(str(p) for p in (repo / "samples").glob("*.blueprint"))
    result = run_blueprint("validate", "--format", "json", *samples)
    assert result.returncode == 1
    files = json.loads(result.stdout)["files"]
    assert [f["file"] for f in files] == samples
    by_name = {Path(f["file"]).stem: f for f in files}
    findings = validate(load(repo / "samples" / "broken-handoffs.blueprint"))
    expected = {key: sum(f.severity == word for f in findings) for key, word in SEVERITY_WORDS}
    assert by_name["broken-handoffs"]["summary"] == expected and expected["errors"] == 3
    for name in ("cafe-order-ahead", "hotel-stay"):  # what the command prints is what validate finds
        wanted = [f.to_json() for f in validate(load(repo / "samples" / f"{name}.blueprint"))]
        assert by_name[name]["findings"] == wanted


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run_blueprint("validate").returncode == 2
    assert (
        run_blueprint("validate", "--format", "xml", write(tmp_path, "a.blueprint", clean_doc())).returncode
        == 2
    )
