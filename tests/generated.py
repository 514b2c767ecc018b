"""The benchmarks' generator of big, realistic blueprints (`benchmarks/generate.py`), loaded once for
every test that needs one (the benchmarks folder is not a package): `generated.generate(600)`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

_spec = importlib.util.spec_from_file_location("benchmarks_generate", BENCHMARKS / "generate.py")
assert _spec is not None and _spec.loader is not None
_generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_generator)

generate = _generator.generate
generate_raw = _generator.generate_raw
