"""The lost-work window, measured: a real editor is killed (SIGKILL) at a random moment while it edits,
and the next start's recovery copy is compared with what the editor had done.

The editor (a child process: the real main window with its safety net, offscreen, with its own
per-user data folder) makes one edit every few milliseconds from a seeded sequence (card titles typed,
cards moved, added and removed, undo), and prints the number and time of each edit once it is done.
The parent kills it at a random moment, reads the recovery folder as the next start would, and finds
how many edits the recovered document holds by replaying the same sequence. Edits the editor had
done but the copy lacks are lost; the lost-work window is the time from the first lost edit to the
kill (zero when nothing is lost).

    .venv/bin/python benchmarks/editor_kill.py --kills 30 [--cards 5000] [--seed 1]

`tests/recovery/test_recovery_crash.py` runs two kills of this on a sample in the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UNDO = "undo"


def next_action(doc: Any, rng: random.Random, n: int) -> Any:
    """The n-th action of the sequence: an operation for `doc` (an edit.Document), or UNDO."""
    from blueprint.edit import AddCard, MoveCard, RemoveCards, SetCardFields, new_card

    bp = doc.blueprint
    cards = bp.cards
    roll = rng.random()
    if roll < 0.1 and n > 0:
        return UNDO
    if roll < 0.2 or len(cards) < 3:
        lane = rng.choice(bp.lanes).id
        step = rng.choice(bp.all_steps())[1].id
        # The id is the edit's number, not new_card's random one, so that replaying the sequence makes
        # the same document.
        card = new_card(doc, lane, step, f"Card added by edit {n}")
        return AddCard(card.model_copy(update={"id": f"card-edit-{n}"}))
    if roll < 0.3:
        return RemoveCards((rng.choice(cards).id,))
    if roll < 0.5:
        card = rng.choice(cards)
        lane = rng.choice(bp.lanes).id
        step = rng.choice(bp.all_steps())[1].id
        return MoveCard(card.id, lane, step, rng.randint(0, 3))
    return SetCardFields(rng.choice(cards).id, {"title": f"Typed at edit {n}"})


def recovered_state(path: Path, seed: int, count: int, text: str, last: int | None = 25) -> int | None:
    """How many of the first `count` actions the canonical `text` is the document after (the most that
    fit), replaying the same sequence; None if it is no such state. Only the last `last` states are
    compared at first (a large document is slow to write out), then all of them if none was it."""
    from blueprint.edit import Document
    from blueprint.fileformat import dumps, load

    doc = Document(load(path), path)
    rng = random.Random(seed)
    done: list[Any] = []
    found = 0 if dumps(doc.blueprint) == text else None
    for n in range(count):
        action = next_action(doc, rng, n)
        if action == UNDO:
            if done:
                doc.apply(done.pop())
        else:
            done.append(doc.apply(action))
        if (last is None or n + 1 > count - last) and dumps(doc.blueprint) == text:
            found = n + 1
    if found is None and last is not None:
        return recovered_state(path, seed, count, text, None)
    return found


def child(path: Path, seed: int, period_ms: int) -> None:
    """The editor: open `path`, then one action every `period_ms`, printing "N TIME" after each."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from blueprint.ui.app import ensure_app

    app = ensure_app()
    from blueprint.ui.commands import push
    from blueprint.ui.main_window import MainWindow
    from blueprint.ui.safety import install_safety, recovery_folder

    window = MainWindow()
    install_safety(window)
    window.show()
    assert window.open_path(path)
    print(recovery_folder(), flush=True)
    rng = random.Random(seed)
    state = {"n": 0}

    def act() -> None:
        n = state["n"]
        action = next_action(window.document, rng, n)
        if action == UNDO:
            if window.undo_stack.canUndo():
                window.undo_stack.undo()
        else:
            push(window.undo_stack, window.document, action)
        state["n"] = n + 1
        print(f"{n + 1} {time.monotonic():.6f}", flush=True)

    timer = QTimer()
    timer.setInterval(period_ms)
    timer.timeout.connect(act)
    timer.start()
    app.exec()


@dataclass
class Kill:
    done: int  # actions the editor reported done before the kill
    recovered: int  # actions the recovered document holds
    lost_seconds: float  # from the first lost action to the kill (0 when nothing is lost)
    after_first_edit: float  # when the kill came, after the first action


def kill_once(
    path: Path, home: Path, seed: int, after: float, period_ms: int = 10, timeout: float = 60
) -> Kill:
    """Start an editor on a copy of `path` in `home`, kill it `after` seconds after its first edit."""
    from blueprint.fileformat import dumps
    from blueprint.recovery import RecoveryStore

    home.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home),
    }
    command = [
        sys.executable,
        __file__,
        "--child",
        str(path),
        "--seed",
        str(seed),
        "--period",
        str(period_ms),
    ]
    editor = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    times: dict[int, float] = {}
    try:
        assert editor.stdout is not None
        folder = Path(editor.stdout.readline().strip())
        first = editor.stdout.readline().split()
        if len(first) != 2:
            raise RuntimeError("the editor did not start editing")
        times[int(first[0])] = float(first[1])
        deadline = float(first[1]) + after
        while time.monotonic() < deadline:
            time.sleep(0.001)
        killed_at = time.monotonic()
        editor.send_signal(signal.SIGKILL)
    finally:
        editor.kill()
        out, _ = editor.communicate(timeout=timeout)
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2:
            times[int(parts[0])] = float(parts[1])
    done = max(times)
    copies = RecoveryStore(folder).scan().copies
    if len(copies) > 1:
        raise AssertionError(f"{len(copies)} recovery copies of one document")
    # No copy yet (killed while the first one was being written): the file as it was is all there is.
    text = dumps(copies[0].read().blueprint) if copies else path.read_text(encoding="utf-8")
    recovered = recovered_state(path, seed, done + 1, text)  # one more: done, perhaps not yet printed
    if recovered is None:
        raise AssertionError(f"the recovered document is no state of the editor's first {done + 1} edits")
    lost = killed_at - times.get(recovered + 1, killed_at) if recovered < done else 0.0
    return Kill(done, recovered, lost, killed_at - times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument(
        "--cards", type=int, default=0, help="a generated blueprint of N cards (default: a sample)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--period", type=int, default=10, help="milliseconds between edits")
    parser.add_argument(
        "--longest", type=float, default=3.0, help="latest kill, seconds after the first edit"
    )
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seed, args.period)
        return 0
    import tempfile

    from blueprint.fileformat import load, save

    work = Path(tempfile.mkdtemp(prefix="editor-kill-"))
    path = work / "kill.blueprint"
    if args.cards:
        sys.path.insert(0, str(Path(__file__).parent))
        from generate import generate

        save(generate(args.cards), path)
    else:
        save(load(Path(__file__).parents[1] / "samples" / "cafe-order-ahead.blueprint"), path)
    rng = random.Random(args.seed)
    results = []
    for number in range(args.kills):
        after = rng.uniform(0.0, args.longest)
        result = kill_once(path, work / f"home{number}", args.seed + number, after, args.period)
        results.append(result)
        print(
            f"kill {number + 1}: {result.after_first_edit:.3f} s after the first edit, "
            f"{result.done} edits done, {result.recovered} recovered, "
            f"lost window {result.lost_seconds:.3f} s",
            flush=True,
        )
    windows = [r.lost_seconds for r in results]
    lost = sum(max(0, r.done - r.recovered) for r in results)
    print(
        f"{len(results)} kills of an editor on {args.cards or 'a sample'}{' cards' if args.cards else ''}: "
        f"{lost} of {sum(r.done for r in results)} edits lost; lost-work window max {max(windows):.3f} s, "
        f"median {statistics.median(windows):.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
