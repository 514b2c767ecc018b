"""Profile one benchmark stage with pyinstrument, on the same generated file the table uses.

    .venv/bin/python benchmarks/profile_stage.py layout 5000 [--runs 5]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_stage.py move 5000

Stages: load, save, validate, handoffs, layout, relayout, pdf, pdf-default, scene, move. Prints the
call tree with the time of each function, so an owner can see where a missed target's time goes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import stages  # noqa: E402
from generate import generate  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from blueprint.fileformat import save  # noqa: E402

IN_PROCESS = {
    "load": stages.prepare_load,
    "save": stages.prepare_save,
    "validate": stages.prepare_validate,
    "handoffs": stages.prepare_handoffs,
    "layout": stages.prepare_layout,
    "relayout": stages.prepare_relayout,
    "pdf": stages.prepare_pdf,
    "pdf-default": stages.prepare_pdf_default,
}


def profile_move(path: Path, runs: int, profiler: Profiler) -> None:
    """Card moves in the real main window: only the move and its repaint are profiled."""
    import editor_child
    from stages import move_for, sample_moves

    from blueprint.edit.operations.cards import MoveCard

    app, window, view, scene, editor = editor_child.open_view(path)
    watch = getattr(window, "findings_watch", None)
    moves = sample_moves(editor.document.blueprint)
    for i in range(2 * len(moves) * max(1, runs // (2 * len(moves)) + 1)):
        move, step = move_for(moves, i)
        view.centerOn(scene.cards[move.card_id])
        while watch is not None and not watch.is_idle():
            time.sleep(0.01)
            app.processEvents()
        app.processEvents()
        profiler.start()
        editor.run(MoveCard(move.card_id, move.lane_id, step))
        app.processEvents()
        profiler.stop()


def profile_scene(path: Path, runs: int, profiler: Profiler) -> None:
    from blueprint.edit import Document
    from blueprint.fileformat import load
    from blueprint.ui.app import ensure_app
    from blueprint.ui.canvas.scene import BlueprintScene
    from blueprint.ui.selection import Selection

    ensure_app()
    blueprint = load(path)
    BlueprintScene(Document(blueprint), Selection()).detach()
    for _ in range(runs):
        profiler.start()
        scene = BlueprintScene(Document(blueprint), Selection())
        profiler.stop()
        scene.detach()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=[*IN_PROCESS, "scene", "move"])
    parser.add_argument("cards", type=int, nargs="?", default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    profiler = Profiler(interval=0.001)
    with tempfile.TemporaryDirectory(prefix="blueprint-profile-") as folder:
        path = Path(folder) / f"generated-{args.cards}.blueprint"
        save(generate(args.cards), path)
        if args.stage == "move":
            profile_move(path, args.runs, profiler)
        elif args.stage == "scene":
            profile_scene(path, args.runs, profiler)
        else:
            run = IN_PROCESS[args.stage](stages.Case(args.cards, path, Path(folder)))
            run()  # warm-up
            profiler.start()
            for _ in range(args.runs):
                run()
            profiler.stop()
    print(profiler.output_text(unicode=False, color=False))
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown


if __name__ == "__main__":
    raise SystemExit(main())
