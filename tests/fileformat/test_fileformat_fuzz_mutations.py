"""Mutations of every sample end in a loaded document or a `BlueprintFileError`, never another error.

Each case runs under a time bound (a SIGALRM timer), so a hang fails the test instead of the suite.
Truncation at every 7th byte, byte flips, deleted keys, swapped types, huge numbers, NaN, deep nesting
and invalid UTF-8 are all tried; about three hundred cases in all. The long run is
benchmarks/fuzz_long.py.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from blueprint.fileformat import loads

from mutations import byte_mutations, outcome, structural_mutations, time_limit

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.blueprint"))


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_truncation_at_every_7th_byte(sample: Path) -> None:
    data = sample.read_bytes()
    codes = set()
    with time_limit(60):  # about 4,000 cases of well under a millisecond each
        for end in range(0, len(data), 7):
            code = outcome(data[:end], seconds=None)
            assert code != "ok" or data[:end].rstrip() == data.rstrip()  # only a whole file loads
            codes.add(code)
    assert codes <= {"ok", "not-json", "not-utf8", "empty"}


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_byte_mutations(sample: Path) -> None:
    rng = random.Random(sample.name)
    codes = [outcome(case) for case in byte_mutations(sample.read_bytes(), rng, 30)]
    assert len(codes) == 30


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_structural_mutations(sample: Path) -> None:
    from blueprint.layout import compute_layout
    from blueprint.validate import validate

    rng = random.Random(sample.name)
    codes = []
    for case in structural_mutations(sample.read_text(encoding="utf-8"), rng, 40):
        codes.append(outcome(case))
        if codes[-1] == "ok":  # a mutant that loads must also check and lay out
            with time_limit(10):
                doc = loads(case)
                validate(doc)
                compute_layout(doc)
    assert set(codes) - {"ok"}, "mutations should break at least one case"
    assert "ok" in codes or len(codes) == 40
