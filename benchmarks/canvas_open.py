"""Opening a big file to the first paint, in a fresh process (issue 17; run by hand).

    QT_QPA_PLATFORM=offscreen python benchmarks/canvas_open.py FILE [--profile OUT]

Times (CPU) `window.open_path(FILE)` to the window's first paint as `editor_child.open_view` does
(the `open a file in the editor` row of `run.py --only memory`), prints it with the speed check; with
--profile, a cProfile of the same span goes to OUT.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()

    from run import speed_check

    from blueprint.ui.app import ensure_app
    from blueprint.ui.heap import keep_pauses_short
    from blueprint.ui.main_window import MainWindow

    check = speed_check()
    app = ensure_app()
    window = MainWindow()
    keep_pauses_short(window)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    started = time.process_time()
    window.open_path(args.file)
    app.processEvents()
    window.repaint()
    elapsed = time.process_time() - started
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    print(f"open to first paint {elapsed * 1000:.0f} ms (speed check {check * 1000:.0f} ms)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
