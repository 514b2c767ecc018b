"""The long fuzz run: mutate every sample and corpus file for as long as you like, keep what breaks.

    .venv/bin/python benchmarks/fuzz_long.py --minutes 120 [--out DIR] [--seed 1] [--export-every 200]

Each case is a mutated file (byte flips, invalid UTF-8, truncation, deleted keys, swapped types, huge
numbers, NaN, deep nesting, long strings; the mutators of tests/mutations.py). Loading it must
end in a document or a `BlueprintFileError` within 10 seconds; a document that loads must also
validate, lay out and (every Nth case) export to PDF. Anything else is saved to the output folder as
`CASE.blueprint` with `CASE.txt` holding the traceback; the exit status is 1 if anything was found.

The hypothesis properties can also run long (20,000 examples per property, about 15 minutes):

    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/fileformat/test_fileformat_fuzz_documents.py
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from blueprint.export.pdf import export_pdf  # noqa: E402
from blueprint.fileformat import BlueprintFileError, loads  # noqa: E402
from blueprint.layout import compute_layout  # noqa: E402
from blueprint.validate import validate  # noqa: E402

from mutations import byte_mutations, structural_mutations, time_limit  # noqa: E402


def seeds() -> list[bytes]:
    files = sorted((REPO / "samples").glob("*.blueprint")) + sorted(
        (REPO / "tests" / "files").glob("*.blueprint")
    )
    return [data for data in (path.read_bytes() for path in files) if data]


def one_case(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = rng.choice(corpus)
    kind = rng.randrange(3)
    if kind == 0:
        return next(byte_mutations(data, rng, 1))
    if kind == 1:
        return data[: rng.randrange(len(data) + 1)]
    try:
        text = data.decode("utf-8")
        return next(structural_mutations(text, rng, 1)).encode("utf-8")
    except (ValueError, IndexError, RecursionError):  # the seed itself is not JSON: flip bytes instead
        return next(byte_mutations(data, rng, 1))


def check(data: bytes, export: bool) -> None:
    """Raises anything that is not a clean refusal."""
    with time_limit(10):
        try:
            doc = loads(data, file="fuzz.blueprint")
        except BlueprintFileError as error:
            if "\n" in str(error):
                raise AssertionError(f"error is not one line: {error!r}") from None
            return
        validate(doc)
        compute_layout(doc)
    if export:
        with time_limit(60):
            export_pdf(doc, io.BytesIO())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--export-every", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = seeds()
    end = time.monotonic() + args.minutes * 60
    cases = found = 0
    print(f"seed {args.seed}; {len(corpus)} seed files; running {args.minutes} minutes", flush=True)
    while time.monotonic() < end:
        data = one_case(rng, corpus)
        cases += 1
        try:
            check(data, export=cases % args.export_every == 0)
        except BaseException as error:  # anything but a clean refusal is a finding
            if isinstance(error, KeyboardInterrupt):
                break
            found += 1
            args.out.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha256(data).hexdigest()[:16]
            (args.out / f"{name}.blueprint").write_bytes(data)
            (args.out / f"{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            print(f"FOUND {type(error).__name__}: {error} -> {args.out / name}.blueprint", flush=True)
        if cases % 5000 == 0:
            print(f"{cases} cases, {found} findings", flush=True)
    print(f"done: {cases} cases, {found} findings (seed {args.seed})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
