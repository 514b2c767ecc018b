"""Every file in tests/files ends in a loaded document or one `BlueprintFileError` line, quickly.

Also: the limits are checked before the whole file is parsed (a 60 MB file is refused from its size,
a 30 MB array of numbers before it is built), and nothing in a file is ever run.
"""

from __future__ import annotations

import ast
import json
import time
from pathlib import Path

import pytest

import blueprint
from blueprint.fileformat import BlueprintFileError, dumps, load, loads
from blueprint.fileformat.limits import MAX_FILE_BYTES, MAX_STRING_CHARS

from mutations import time_limit

FILES = Path(__file__).resolve().parents[1] / "files"
EXPECTED: dict[str, dict[str, object]] = json.loads((FILES / "expected.json").read_text(encoding="utf-8"))


def test_the_corpus_on_disk_is_the_one_expected_json_describes() -> None:
    assert sorted(p.name for p in FILES.glob("*.blueprint")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 50


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_corpus_file_loads_or_is_refused_with_its_code(name: str) -> None:
    expect = EXPECTED[name]["expect"]
    with time_limit(5):
        try:
            doc = load(FILES / name)
        except BlueprintFileError as error:
            line = str(error)
            assert error.code == expect, line
            assert line.startswith(str(FILES / name) + ": ")
            assert "\n" not in line and "\r" not in line and len(line) < 500
            return
    assert expect == "ok", f"{name} loaded but should be refused with {expect}"
    assert loads(dumps(doc)) == doc  # what loads also saves and loads again


def test_a_file_over_the_size_limit_is_refused_from_its_size_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.blueprint"
    megabytes = MAX_FILE_BYTES // (1024 * 1024) + 60
    with open(big, "wb") as handle:  # sparse: no disk space needed
        handle.write(b'{"format": "service-blueprint", "version": 1, "title": "')
        handle.truncate(megabytes * 1024 * 1024)
    start = time.perf_counter()
    with time_limit(10), pytest.raises(BlueprintFileError) as caught:
        load(big)
    assert caught.value.code == "too-large"
    assert f"({megabytes} MB)" in caught.value.message
    assert time.perf_counter() - start < 1.0  # only stat() was needed


def test_text_over_the_size_limit_is_refused_before_parsing() -> None:
    text = '{"format": "service-blueprint", "version": 1, "title": "' + "x" * MAX_FILE_BYTES + '"}'
    with time_limit(10), pytest.raises(BlueprintFileError) as caught:
        loads(text.encode())
    assert caught.value.code == "too-large"


def test_a_30_mb_array_of_numbers_is_refused_before_it_is_built(tmp_path: Path) -> None:
    path = tmp_path / "values.blueprint"
    count = 15 * 1024 * 1024 // 2
    path.write_bytes(
        b'{"format": "service-blueprint", "version": 1, "title": "T", "x": [' + b"1," * count + b"1]}"
    )
    with time_limit(20), pytest.raises(BlueprintFileError) as caught:
        load(path)
    assert caught.value.code == "too-many"


def test_one_string_longer_than_the_limit_is_refused() -> None:
    text = json.dumps(
        {"format": "service-blueprint", "version": 1, "title": "T", "tags": ["x" * (MAX_STRING_CHARS + 1)]}
    )
    with pytest.raises(BlueprintFileError) as caught:
        loads(text)
    assert caught.value.code == "too-long"


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.blueprint"
    os.mkfifo(fifo)
    with time_limit(5), pytest.raises(BlueprintFileError) as caught:
        load(fifo)
    assert caught.value.code == "not-a-file"


def test_code_in_a_file_is_kept_as_text_and_never_run(tmp_path: Path) -> None:
    marker = Path("/tmp/blueprint-pwned")
    marker.unlink(missing_ok=True)
    doc = load(FILES / "ok-code-in-text.blueprint")
    assert "__import__('os')" in doc.cards[1].description
    assert not marker.exists()
    with pytest.raises(BlueprintFileError):
        load(FILES / "bad-python-yaml.blueprint")
    assert not marker.exists()


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "import_module"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "yaml", "dill", "importlib", "runpy", "ctypes.util"}


@pytest.mark.parametrize("part", ["fileformat", "recovery", "model"])
def test_the_reading_code_has_no_way_to_run_what_a_file_says(part: str) -> None:
    for path in (Path(blueprint.__file__).parent / part).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name} calls {node.func.id}"
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & FORBIDDEN_MODULES, path.name
            if isinstance(node, ast.ImportFrom):
                assert node.module not in FORBIDDEN_MODULES, path.name


def test_the_command_reports_each_refused_file_in_one_line() -> None:
    import subprocess
    import sys

    command = Path(sys.executable).parent / "blueprint"
    names = sorted(EXPECTED)
    result = subprocess.run(
        [str(command), "validate", *(str(FILES / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    refused = [n for n in names if EXPECTED[n]["expect"] != "ok"]
    assert len(lines) == len(refused)
    assert all(line.startswith("blueprint: ") for line in lines)
    assert "Traceback" not in result.stderr
