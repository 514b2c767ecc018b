"""The sharing rows (issue 12): the HTML page against the PDF, its size, how long headless Chromium
takes to a complete DOM, and every hand-off sheet of the blueprint.

    .venv/bin/python benchmarks/sharing.py                 # N = 5,000; about two minutes
    .venv/bin/python benchmarks/sharing.py --sizes 500,5000 --repeats 3

Targets at 5,000 cards: the HTML written in under 2x the time of the PDF export (default options, the
same command's other format), under 15 MB, a complete DOM in headless Chromium in under 5 s; all
hand-off sheets in under 30 s. CPU time of this process for the exports (median) and the sheets (one
run, elapsed time beside it: they write 333 files), elapsed time for Chromium (another process: the
best of the runs, read from the page's own navigation timing). This machine is shared: the speed
check (a fixed Python loop, 85-180 ms seen) says how busy it was.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from generate import generate  # noqa: E402
from run import speed_check  # noqa: E402

from blueprint.export import export_pdf  # noqa: E402
from blueprint.export.html import render_html  # noqa: E402
from blueprint.export.sheets import write_sheets  # noqa: E402
from blueprint.fileformat import load, save  # noqa: E402


def _median(fn, repeats: int) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm-up
    runs = []
    for _ in range(repeats):
        started = time.process_time()
        fn()
        runs.append(time.process_time() - started)
    return statistics.median(runs)


def chromium_open(path: Path, profile: Path, repeats: int) -> tuple[float, tuple[float, ...]] | None:
    """Best of `repeats` elapsed seconds from navigation to a complete DOM (the viewer's script has
    run), and the frame intervals of panning and zooming (`chromium_motion`); None when Chromium
    cannot start here."""
    import browser  # tests/browser.py: the same headless Chromium the tests use

    try:
        driver = browser.start_chromium(profile)
    except BaseException as error:  # pytest.skip raises an exception of its own
        print(f"  Chromium cannot start: {error}")
        return None
    try:
        times = []
        for _ in range(repeats):
            browser.open_page(driver, path, timeout=120)
            entry = "performance.getEntriesByType('navigation')[0]"
            times.append(driver.execute_script(f"return {entry}.domContentLoadedEventEnd") / 1000)
        return min(times), chromium_motion(driver, path)
    finally:
        driver.quit()


#: Drags the drawing for `frames` frames (one pointer move a frame, 6 px each), then zooms with
#: the wheel as many frames, and hands back the intervals between frames in ms.
MOTION = """
const [frames, done] = arguments;
const stage = document.getElementById("stage");
const r = stage.getBoundingClientRect();
let x = r.left + 200, y = r.top + 200, i = 0, last = 0;
const pan = [], zoom = [];
const down = {button: 0, pointerId: 1, bubbles: true, clientX: x, clientY: y};
stage.dispatchEvent(new PointerEvent("pointerdown", down));
function step(now) {
  if (last) { (i <= frames ? pan : zoom).push(now - last); }
  last = now;
  i += 1;
  if (i <= frames) {
    x += 6; y += 3;
    stage.dispatchEvent(new PointerEvent("pointermove", {...down, clientX: x, clientY: y}));
  } else if (i <= 2 * frames) {
    const at = {clientX: x, clientY: y, bubbles: true, cancelable: true};
    if (i === frames + 1) { stage.dispatchEvent(new PointerEvent("pointerup", {...down, ...at})); }
    stage.dispatchEvent(new WheelEvent("wheel", {...at, deltaY: -40}));
  } else { done([pan, zoom]); return; }
  requestAnimationFrame(step);
}
requestAnimationFrame(step);
"""


def chromium_motion(driver, path: Path, frames: int = 90) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """Median and 95th-percentile frame intervals (ms) while panning and while zooming the page."""
    import browser

    browser.open_page(driver, path, timeout=120)
    time.sleep(1)  # the level of detail settles
    driver.set_script_timeout(120)
    pan, zoom = driver.execute_async_script(MOTION, frames)

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    return statistics.median(pan), p95(pan), statistics.median(zoom), p95(zoom)


def measure(n: int, repeats: int, folder: Path) -> dict[str, float | None]:
    path = folder / f"generated-{n}.blueprint"
    save(load_generated(n), path)
    doc = load(path)
    html = _median(lambda: render_html(doc), repeats)
    pdf = _median(lambda: export_pdf(doc, io.BytesIO()), repeats)
    page = folder / f"generated-{n}.html"
    page.write_bytes(render_html(doc))
    started, cpu = time.perf_counter(), time.process_time()
    sheets = write_sheets(doc, folder / f"sheets-{n}")
    sheets_time, sheets_cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "cards": n,
        "html": html,
        "pdf": pdf,
        "ratio": html / pdf,
        "mb": page.stat().st_size / 1e6,
        "open": chromium_open(page, folder / f"chromium-{n}", repeats),
        "sheets": sheets_time,
        "sheets_cpu": sheets_cpu,
        "sheet_count": len(sheets.paths),
    }


def load_generated(n: int):  # type: ignore[no-untyped-def]
    return generate(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000", help="card counts, comma-separated")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--motion-only", metavar="PAGE", help="only pan and zoom frames of this HTML page")
    args = parser.parse_args()
    if args.motion_only:
        import browser

        with tempfile.TemporaryDirectory() as tmp:
            driver = browser.start_chromium(Path(tmp))
            try:
                pm, pp, zm, zp = chromium_motion(driver, Path(args.motion_only))
            finally:
                driver.quit()
        print(f"pan {pm:.1f} / {pp:.1f} ms a frame (median / 95th percentile); zoom {zm:.1f} / {zp:.1f} ms")
        return
    before = speed_check()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(n, args.repeats, Path(tmp)))
    after = speed_check()
    print(f"speed check {before * 1000:.0f}/{after * 1000:.0f} ms")
    print(
        "| cards | HTML export | PDF export (default) | HTML / PDF | HTML size "
        "| Chromium: complete DOM | all hand-off sheets |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        opened = "n/a" if r["open"] is None else f"{r['open'][0]:.2f} s"
        print(
            f"| {r['cards']:,} | {r['html']:.2f} s | {r['pdf']:.2f} s | {r['ratio']:.2f}x (target < 2x) | "
            f"{r['mb']:.1f} MB (< 15) | {opened} (< 5 s) | "
            f"{r['sheets_cpu']:.1f} s CPU ({r['sheets']:.1f} s elapsed) for {r['sheet_count']} (< 30 s) |"
        )
    print("\n| cards | pan: frame interval, median / 95th percentile | zoom: median / 95th percentile |")
    print("| --- | --- | --- |")
    for r in rows:
        if r["open"] is not None:
            pm, pp, zm, zp = r["open"][1]
            print(f"| {r['cards']:,} | {pm:.1f} / {pp:.1f} ms | {zm:.1f} / {zp:.1f} ms |")


if __name__ == "__main__":
    main()
