"""Regenerate `dejavu-widths.json` (advance widths per code point, in 1/1000 em) from the shipped fonts.

The layout measures text with this table so it needs neither reportlab nor Qt, and the canvas and
the PDF wrap every string identically. Run: `python resources/fonts/make_width_table.py`.
"""

import json
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

HERE = Path(__file__).resolve().parent


def runs(widths: dict[int, float]) -> list[list]:
    """Contiguous code-point runs: [[first, [w, w, ...]], ...] with widths rounded to 0.01."""
    out: list[list] = []
    for code in sorted(widths):
        w = round(widths[code], 2)
        if out and out[-1][0] + len(out[-1][1]) == code:
            out[-1][1].append(w)
        else:
            out.append([code, [w]])
    return out


def main() -> None:
    table = {}
    for style, file in (("regular", "DejaVuSans.ttf"), ("bold", "DejaVuSans-Bold.ttf")):
        face = TTFont(style, str(HERE / file)).face
        table[style] = {"default": round(face.defaultWidth, 2), "runs": runs(face.charWidths)}
    text = json.dumps(table, separators=(",", ":"))
    (HERE / "dejavu-widths.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
