"""`blueprint diff`, `merge`, `textconv` and `validate --baseline`: exit codes and outputs through the
installed command for diff and merge, the rest through `blueprint.cli.main` in this process (the
same code path after start-up, a second less per call)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from blueprint.cli import main
from blueprint.fileformat import load, save

from builders import backward_flow_blueprint
from builders import cafe_raw as cafe
from builders import from_raw as doc
from clirun import run_blueprint


def write(tmp_path: Path, name: str, raw: dict[str, Any]) -> str:
    path = tmp_path / name
    save(doc(raw), path, backup=False)
    return str(path)


def command(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """Run `blueprint WORDS...` in this process: (exit code, standard output, standard error)."""
    code = main(list(words))
    out, err = capsys.readouterr()
    return code, out, err


def changed(edit) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    raw = cafe()
    edit(raw)
    return raw


def test_diff_exit_codes_text_and_json(tmp_path: Path) -> None:
    old = write(tmp_path, "old.blueprint", cafe())
    new = write(tmp_path, "new.blueprint", changed(lambda raw: raw["cards"][1].update(function="cashier")))
    same = run_blueprint("diff", old, old)
    assert (same.returncode, same.stdout, same.stderr) == (0, "", "")
    differ = run_blueprint("diff", old, new)
    assert differ.returncode == 1
    assert differ.stdout == 'card "Takes the order" (Order › Pays, Frontstage): function Barista -> Cashier\n'
    as_json = run_blueprint("diff", "--format", "json", old, new)
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["changes"][0]["fields"] == {"function": ["barista", "cashier"]}


def test_an_unreadable_file_exits_2_with_one_line_naming_it(tmp_path: Path) -> None:
    old = write(tmp_path, "old.blueprint", cafe())
    broken = tmp_path / "broken.blueprint"
    broken.write_text('{"format": "service-blueprint", "version": 2, "title": ', encoding="utf-8")
    for command in (("diff", old, str(broken)), ("merge", old, old, str(broken))):
        result = run_blueprint(*command)
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert str(broken) in line and "Traceback" not in result.stderr
    missing = run_blueprint("diff", str(tmp_path / "nowhere.blueprint"), old)
    assert (
        missing.returncode == 2 and missing.stderr.count("\n") == 1 and "nowhere.blueprint" in missing.stderr
    )
    assert load(old)  # nothing was written over OURS


def test_merge_writes_ours_by_default_and_exits_0_or_1(tmp_path: Path) -> None:
    base = write(tmp_path, "base.blueprint", cafe())
    ours = write(tmp_path, "ours.blueprint", changed(lambda raw: raw["cards"][1].update(title="Greets")))
    theirs = write(
        tmp_path, "theirs.blueprint", changed(lambda raw: raw["cards"][2].update(title="Steams milk"))
    )
    clean = run_blueprint("merge", base, ours, theirs)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    merged = load(ours)
    assert [c.title for c in merged.cards] == ["Orders a flat white", "Greets", "Steams milk"]
    assert not (tmp_path / "ours~.blueprint").exists()  # no backup left beside git's temporary file

    other = write(tmp_path, "other.blueprint", changed(lambda raw: raw["cards"][1].update(title="Waves")))
    out = tmp_path / "out.blueprint"
    conflict = run_blueprint("merge", base, ours, other, "-o", str(out))
    assert conflict.returncode == 1
    assert conflict.stdout == (
        'CONFLICT (both changed) card c4 "Greets", title: ours "Greets", theirs "Waves"; kept ours\n'
    )
    assert load(out).cards[1].title == "Greets"  # a valid file, with OURS's value


def test_a_merge_of_one_file_with_itself_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "same.blueprint", cafe())
    before = Path(path).read_bytes()
    assert command(capsys, "merge", path, path, path) == (0, "", "")
    assert Path(path).read_bytes() == before


def test_textconv_prints_the_blueprint_in_words_and_a_broken_file_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "cafe.blueprint", cafe())
    lines = command(capsys, "textconv", path)[1].splitlines()
    assert lines[0] == 'blueprint "Café"'
    assert 'card "Takes the order" (Order › Pays, Frontstage)' in lines
    assert "    function: Barista" in lines
    broken = tmp_path / "conflicted.blueprint"
    broken.write_text("<<<<<<< ours\n", encoding="utf-8")
    assert command(capsys, "textconv", str(broken))[:2] == (0, "<<<<<<< ours\n")


def test_validate_with_a_baseline_counts_only_new_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    known = tmp_path / "known.blueprint"
    save(backward_flow_blueprint(), known, backup=False)
    code, out, err = command(capsys, "validate", str(known), "--baseline", str(known))  # its one error
    assert (code, err) == (0, "")
    assert (
        out
        == f"{known}\n  0 new errors, 0 new warnings, 0 new info; 1 known from the baseline, not counted\n"
    )
    clean = write(tmp_path, "clean.blueprint", cafe())
    code, out, _ = command(capsys, "validate", "--format", "json", str(known), "--baseline", clean)
    assert code == 1
    report = json.loads(out)["files"][0]
    assert [f["code"] for f in report["findings"]] == ["BP106"]
    assert report["summary"]["errors"] == 1 and report["known"] == 0
    code, out, _ = command(capsys, "validate", str(known), "--baseline", clean)
    assert out.splitlines()[-1] == "  1 new error, 0 new warnings, 0 new info; none known from the baseline"
    code, _, err = command(capsys, "validate", str(known), "--baseline", str(tmp_path / "gone.blueprint"))
    assert code == 2 and "gone.blueprint" in err


def test_both_branches_added_the_file_git_gives_an_empty_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git's %O is an empty file when both branches added the file: both copied one blueprint, so an
    id on both sides is one element; what differs is a `both added` conflict keeping OURS's value,
    named by the path git gives as %P (not git's temporary file)."""
    empty = tmp_path / ".merge_file_O"
    empty.write_bytes(b"")
    ours = write(tmp_path, ".merge_file_A", changed(lambda raw: raw["cards"][1].update(title="Greets")))
    theirs = write(
        tmp_path,
        ".merge_file_B",
        changed(
            lambda raw: (
                raw["cards"][1].update(title="Waves"),
                raw["cards"].append({"id": "c9", "lane": "back", "step": "pays", "title": "Grinds beans"}),
            )
        ),
    )
    code, out, err = command(
        capsys, "merge", str(empty), ours, theirs, "-o", ours, "--name", "menu/café.blueprint"
    )
    assert (code, err) == (1, "")
    assert out == (
        'CONFLICT (both added) in menu/café.blueprint: card c4 "Greets", title: '
        'ours "Greets", theirs "Waves"; kept ours\n'
    )
    merged = load(ours)
    assert [c.id for c in merged.cards] == ["c1", "c4", "c5", "c9"]  # one c4, not two
    assert merged.cards[1].title == "Greets"
    # the same files with nothing differing: a clean merge
    write(tmp_path, ".merge_file_A", cafe())
    assert command(capsys, "merge", str(empty), ours, write(tmp_path, "b2.blueprint", cafe()))[0] == 0


def test_errors_name_the_repository_path_and_which_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = write(tmp_path, ".merge_file_O", cafe())
    broken = tmp_path / ".merge_file_B"
    broken.write_text("<<<<<<< ours\n", encoding="utf-8")
    code, out, err = command(capsys, "merge", base, base, str(broken), "--name", "hotel.blueprint")
    assert (code, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith("blueprint: hotel.blueprint (theirs): ") and ".merge_file" not in line


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_pipes_and_folders_are_refused_in_one_line_without_waiting(tmp_path: Path) -> None:
    """A named pipe given as a blueprint would block a plain read for ever; as OUT it would be
    replaced by a regular file. Each exits 2 at once with one line naming it."""
    import os

    good = write(tmp_path, "good.blueprint", cafe())
    pipe = tmp_path / "pipe.blueprint"
    os.mkfifo(pipe)
    for words in (
        ("diff", str(pipe), good),
        ("merge", good, good, str(pipe), "-o", str(tmp_path / "out.blueprint")),
        ("merge", good, good, good, "-o", str(pipe)),
        ("merge", good, good, good, "-o", str(tmp_path)),
        ("textconv", str(pipe)),
        ("validate", good, "--baseline", str(pipe)),
    ):
        done = run_blueprint(*words, timeout=60)
        assert done.returncode == 2, (words, done.stdout, done.stderr)
        (line,) = done.stderr.splitlines()
        assert line.startswith("blueprint: ") and ("pipe.blueprint" in line or str(tmp_path) in line), line
    assert pipe.is_fifo() and not (tmp_path / "out.blueprint").exists()
