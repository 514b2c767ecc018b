"""Two designers, whole process: `blueprint diff` and `blueprint merge` against `blueprint validate`.

The issue's target: diff and merge of two 5,000-card versions 50 edits apart each take under 3x the
time `validate` takes on the same file, each measured as a designer (or git) runs it: a fresh
`blueprint` process, start-up included.

    .venv/bin/python benchmarks/team_commands.py              # N = 5,000, 5 runs each, about a minute
    .venv/bin/python benchmarks/team_commands.py --sizes 500 2000 5000 --repeats 7

The versions come from generate.py (deterministic) and the edit layer's own operations (seeded):
diff compares BASE with BASE + 50 edits; merge takes BASE, OURS = BASE + 25 edits and THEIRS = BASE +
25 other edits (OURS and THEIRS are 50 edits apart, on different cards, so the merge is clean). The
edits are of every kind a designer makes: titles, descriptions, functions, moves to another cell, new
cards with a link, removed cards (their links go too), a renamed step.

Figures are the median CPU time (user + system) of the child process; the three commands are run in
turn (validate, diff, merge, validate, ...) so that they meet the same load on this shared machine.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from blueprint.edit import (  # noqa: E402
    AddCard,
    AddLink,
    Document,
    MoveCard,
    Operation,
    RemoveCards,
    SetCardFields,
    SetStepFields,
)
from blueprint.fileformat import save  # noqa: E402
from blueprint.model import Blueprint, Card, Link  # noqa: E402

TARGET = 3.0


def edited(base_path: Path, out: Path, count: int, seed: int, cards_from: int, cards_to: int) -> None:
    """BASE + `count` edits, each on a card between positions `cards_from` and `cards_to`."""
    from blueprint.fileformat import load

    doc = Document(load(base_path))
    rnd = random.Random(seed)
    bp = doc.blueprint
    for done in range(count):
        card = bp.cards[rnd.randrange(cards_from, min(cards_to, len(bp.cards)))]
        doc.apply(_edit(done % 8, card, f"{seed}-{done}", rnd, bp))
    save(doc.blueprint, out, backup=False)


def _edit(kind: int, card: Card, name: str, rnd: random.Random, bp: Blueprint) -> Operation:
    """One edit of the kind `kind` (0-7) on or next to `card`; new elements are named after `name`."""
    if kind == 0:
        return SetCardFields(card.id, {"title": f"{card.title} (edited {name})"})
    if kind == 1:
        return SetCardFields(card.id, {"description": card.description + " Checked on site."})
    if kind == 2:
        return SetCardFields(card.id, {"function": rnd.choice(bp.functions).id})
    if kind == 3:
        return MoveCard(card.id, rnd.choice(bp.lanes).id, rnd.choice(bp.all_steps())[1].id, 0)
    if kind == 4:
        return AddCard(Card(id=f"new-{name}", lane=card.lane, step=card.step, title="New step"))
    if kind == 5:
        return AddLink(Link(id=f"link-{name}", source=card.id, target=bp.cards[-1].id))
    if kind == 6:
        return RemoveCards((card.id,))
    return SetStepFields(card.step, {"name": f"Step {name}"})


def child_cpu(command: list[str]) -> tuple[float, float, int]:
    """(CPU seconds of the child, wall seconds, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.returncode


def measure(n: int, repeats: int, folder: Path, script: str) -> dict[str, tuple[float, float]]:
    base, new = folder / f"base-{n}.blueprint", folder / f"new-{n}.blueprint"
    ours, theirs, out = (
        folder / f"ours-{n}.blueprint",
        folder / f"theirs-{n}.blueprint",
        folder / "out.blueprint",
    )
    save(generate(n), base, backup=False)
    edited(base, new, 50, 1, 0, n)
    edited(base, ours, 25, 2, 0, n // 2)
    edited(base, theirs, 25, 3, n // 2, n)
    commands = {
        "validate": [script, "validate", str(base)],
        "diff": [script, "diff", str(base), str(new)],
        "merge": [script, "merge", str(base), str(ours), str(theirs), "-o", str(out)],
    }
    expected = {"validate": (0, 1), "diff": (1,), "merge": (0,)}
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for i in range(repeats + 1):  # the first round warms the disk cache and is not counted
        for name, command in commands.items():
            if name == "merge":
                shutil.copy(ours, out)
            cpu, wall, code = child_cpu(command)
            if code not in expected[name]:
                raise SystemExit(f"{name} exited with {code}")
            if i:
                runs[name].append((cpu, wall))
    return {
        name: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
        for name, r in runs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    script = str(Path(sys.executable).parent / "blueprint")
    print(
        "| command (whole process) | " + " | ".join(f"N = {n:,}" for n in args.sizes) + " | target | met? |"
    )
    print("|---" * (len(args.sizes) + 3) + "|")
    results: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            results[n] = measure(n, args.repeats, Path(folder), script)
    largest = max(args.sizes)
    for name, label in (
        ("validate", "blueprint validate FILE"),
        ("diff", "blueprint diff OLD NEW (50 edits apart)"),
        ("merge", "blueprint merge BASE OURS THEIRS (25 + 25 edits)"),
    ):
        cells = []
        for n in args.sizes:
            cpu, wall = results[n][name]
            ratio = cpu / results[n]["validate"][0]
            cells.append(
                f"{cpu:.2f} s CPU, {wall:.2f} s wall" + (f" ({ratio:.2f}x)" if name != "validate" else "")
            )
        ratio = results[largest][name][0] / results[largest]["validate"][0]
        target, met = (
            ("< 3x validate", "met" if ratio < TARGET else "MISSED") if name != "validate" else ("", "")
        )
        print(f"| {label} | " + " | ".join(cells) + f" | {target} | {met} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
