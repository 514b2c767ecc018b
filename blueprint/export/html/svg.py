"""The blueprint as inline SVG for the HTML viewer, drawn from the same layout as the PDF.

Every card is one `<g data-card-id="…">` and every link one `<g data-link-id="…">`; nothing else
carries these attributes (the viewer's lists and panels point at cards with `data-goto`), so there
is exactly one element per card and per link. Faded cards and links and strong hand-offs of the
initial focus are classes the viewer's script changes. All text from the document is escaped; text
lines carry the width the layout measured (`textLength`), so a browser whose sans-serif is not
DejaVu Sans still keeps every line inside its card.
"""

from __future__ import annotations

import math
from html import escape

from blueprint.export import style as st
from blueprint.export.captions import caption_xs, label_plates_near
from blueprint.export.rtl import reads_right_to_left
from blueprint.layout import CardBox, Layout, Route
from blueprint.layout import metrics as m
from blueprint.layout.emotion import emotion_label
from blueprint.layout.focus import FocusState
from blueprint.layout.text import text_width

#: From this many cards on, the page shows card and link text only near the part in view (level of
#: detail, as the editor's canvas does): laying out 40,000 SVG text elements at once takes seconds.
DETAIL_CARDS = 1000
LOD_CLASS = 'class="lod far"'
FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
_ARROW = 5.0


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _t(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)


class SvgWriter:
    """Writes one layout as SVG markup (a list of strings joined once)."""

    def __init__(self, layout: Layout, focus: FocusState | None) -> None:
        self.layout = layout
        self.focus = focus
        self.out: list[str] = []
        #: Big blueprints: the text of each card and link label, by id, for the viewer to draw when
        #: it comes into view (None: every text is in the SVG).
        self.deferred: dict[str, object] | None = {} if len(layout.cards) >= DETAIL_CARDS else None
        self._sink: list[list[object]] | None = None

    def text(
        self,
        x: float,
        baseline: float,
        line: str,
        size: float,
        bold: bool = False,
        colour: str = st.TEXT,
        anchor: str = "",
        css: str = "",
    ) -> None:
        """One line of text, as wide as the layout measured it (`textLength`). A `css` class stands for
        the size, weight and colour of card text (the bulk of a big page: one short attribute)."""
        width = text_width(line, size, bold)
        if self._sink is not None:  # a big blueprint's card text: drawn by the viewer when near
            self._sink.append([round(x, 2), round(baseline, 2), line, css, anchor, round(width, 2)])
            return
        attrs = f' x="{_n(x)}" y="{_n(baseline)}"'
        if css:
            attrs += f' class="{css}"'
        else:
            attrs += f' font-size="{_n(size)}"'
            if bold:
                attrs += ' font-weight="bold"'
            if colour != st.TEXT:
                attrs += f' fill="{colour}"'
        if anchor:
            attrs += f' text-anchor="{anchor}"'
        if width > 0:
            attrs += f' textLength="{_n(width)}"'
        self.out.append(f"<text{attrs}>{_t(line)}</text>")

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        stroke: str = "",
        width: float = 0.5,
        rx: float = 0,
        css: str = "",
    ) -> None:
        attrs = f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"'
        if stroke:
            attrs += f' stroke="{stroke}" stroke-width="{_n(width)}"'
        if rx:
            attrs += f' rx="{_n(rx)}"'
        if css:
            attrs += f' class="{css}"'
        self.out.append(attrs + "/>")

    # --- the parts, in the PDF's order ------------------------------------------------------------

    def write(self) -> str:
        lay = self.layout
        self.out.append(
            '<svg id="blueprint" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {_n(lay.width)} {_n(lay.height)}" '
            f'width="{_n(lay.width)}" height="{_n(lay.height)}" font-family="{_a(FONT_FAMILY)}" '
            f"{LOD_CLASS if len(lay.cards) >= DETAIL_CARDS else ''} "
            'role="img" aria-label="Service blueprint">'
        )
        self.out.append('<g class="grid">')
        self._lanes()
        self._headers()
        self._emotion()
        self._lines()
        self.out.append('</g><g class="cards">')
        for card in lay.cards.values():
            self._card(card)
        self.out.append('</g><g class="links">')
        for route in sorted(lay.routes.values(), key=lambda r: (r.is_handoff, r.link_id)):
            self._route(route)
        self.out.append("</g></svg>")
        return "".join(self.out)

    def _lanes(self) -> None:
        for i, lane in enumerate(self.layout.lanes):
            b, hb = lane.band, lane.header
            self.rect(b.x, b.y, b.w, b.h, st.LANE_FILLS[i % 2], st.GRID)
            self.rect(hb.x, hb.y, hb.w, hb.h, st.HEADER_FILL, st.GRID)
            self.rect(hb.x, hb.y, 4, hb.h, st.CARD_COLORS.get(lane.kind, st.CARD_COLORS["customer"])[1])
            top = hb.y + hb.h / 2 - len(lane.name_lines) * m.LANE_NAME_LEADING / 2
            for j, line in enumerate(lane.name_lines):
                self.text(
                    hb.x + 9,
                    top + j * m.LANE_NAME_LEADING + m.LANE_NAME_SIZE * 0.85,
                    line,
                    m.LANE_NAME_SIZE,
                    True,
                )
        if self.layout.steps:
            d = "".join(
                f"M{_n(s.column.x)} {_n(s.column.y)}V{_n(s.column.bottom)}" for s in self.layout.steps
            )
            self.out.append(f'<path d="{d}" stroke="#E0E4E8" stroke-width="0.4"/>')

    def _headers(self) -> None:
        for stage in self.layout.stages:
            b = stage.box
            self.rect(b.x, b.y, b.w, b.h, st.STAGE_FILL, "#FFFFFF")
            self.text(b.x + 6, b.y + 14 - 0.0, stage.name_lines[0], m.STAGE_NAME_SIZE, True, "#FFFFFF")
            if stage.phase:
                self.text(
                    b.x + 6,
                    b.y + 27,
                    stage.phase.replace("-", " ").upper(),
                    m.STAGE_PHASE_SIZE,
                    False,
                    "#B0BEC5",
                )
        for step in self.layout.steps:
            b = step.box
            self.rect(b.x, b.y, b.w, b.h, st.STEP_FILL, "#FFFFFF")
            top = b.y + b.h / 2 - len(step.name_lines) * m.STEP_NAME_LEADING / 2
            for j, line in enumerate(step.name_lines):
                baseline = top + j * m.STEP_NAME_LEADING + m.STEP_NAME_SIZE * 0.85
                self.text(b.x + b.w / 2, baseline, line, m.STEP_NAME_SIZE, True, anchor="middle")

    def _emotion(self) -> None:
        curve = self.layout.emotion
        if curve is None:
            return
        b = curve.box
        self.rect(0, b.y, b.right, b.h, "#FFFFFF", st.GRID)
        if curve.header is not None:
            hb = curve.header
            self.rect(hb.x, hb.y, hb.w, hb.h, st.HEADER_FILL, st.GRID)
            self.text(hb.x + 9, hb.y + hb.h / 2 - 2, curve.label, m.LANE_NAME_SIZE, True)
            self.text(hb.x + 9, hb.y + hb.h / 2 + 9, "−2 … +2 per step", 6.5, False, st.MUTED)
        self.out.append(
            f'<path d="M{_n(b.x)} {_n(curve.baseline_y)}H{_n(b.right)}" '
            'stroke="#B0BEC5" stroke-width="0.5" stroke-dasharray="2 2"/>'
        )
        if len(curve.points) > 1:
            d = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in curve.points)
            self.out.append(f'<path d="{d}" fill="none" stroke="{st.MUTED}" stroke-width="1.4"/>')
        for (x, y), (_, value) in zip(curve.points, curve.values, strict=True):
            tone = st.EMOTION_UP if value > 0.25 else st.EMOTION_DOWN if value < -0.25 else st.EMOTION_FLAT
            self.out.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2" fill="{tone}" '
                'stroke="#FFFFFF" stroke-width="0.8"/>'
            )
            self.text(x + 5, y - 3, emotion_label(value), 6.5, False, tone)

    def _lines(self) -> None:
        starts = [4.0 + 6] + [s.box.x + 6 for s in self.layout.stages if s.box.x >= 154]
        plates = label_plates_near(self.layout, self.layout.lines)
        for line in self.layout.lines:
            colour, width, dash = st.LINE_STYLES[line.kind]
            dashes = f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"' if dash else ""
            self.out.append(
                f'<path d="M{_n(line.x0)} {_n(line.y)}H{_n(line.x1)}" stroke="{colour}" '
                f'stroke-width="{_n(width)}"{dashes}/>'
            )
            baseline = line.y + m.LINE_LABEL_SIZE + 1 if line.label_below else line.y - 2.5
            for x in caption_xs(line, starts, plates):
                self.text(x, baseline, line.label, m.LINE_LABEL_SIZE, False, colour)

    def _card(self, card: CardBox) -> None:
        b = card.box
        kind = card.lane_kind
        fill, border = st.CARD_COLORS.get(kind, st.CARD_COLORS["customer"])
        css = f"card k-{kind}"
        if self.focus is not None and self.focus.card_faded(card.card_id):
            css += " faded"
        fn = f' data-fn="{_a(card.function_id)}"' if card.function_id else ""
        self.out.append(f'<g class="{css}" data-card-id="{_a(card.card_id)}"{fn}>')
        if kind == "notes":
            fold = 8.0
            self.out.append(
                f'<path class="box" d="M{_n(b.x)} {_n(b.y)}H{_n(b.right)}V{_n(b.bottom - fold)}'
                f'L{_n(b.right - fold)} {_n(b.bottom)}H{_n(b.x)}Z" '
                f'fill="{fill}" stroke="{border}" stroke-width="0.8"/>'
                f'<path d="M{_n(b.right - fold)} {_n(b.bottom)}V{_n(b.bottom - fold)}H{_n(b.right)}Z" '
                f'fill="{border}"/>'
            )
        elif kind == "evidence":
            self.out.append(
                f'<rect class="box" x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" '
                f'height="{_n(b.h)}" rx="1.5" '
                f'fill="{fill}" stroke="{border}" stroke-width="0.8" stroke-dasharray="3 2"/>'
            )
        else:
            self.rect(b.x, b.y, b.w, b.h, fill, border, 0.8, 3, "box")
        if card.function_id is not None:
            self.rect(b.x, b.y, m.STRIP_WIDTH, b.h, card.function_color or st.NO_COLOR_STRIP)
        x = b.x + m.STRIP_WIDTH + m.CARD_PAD
        right = b.right - m.CARD_PAD
        top = b.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if card.markers else 0)
        if self.deferred is not None:
            self._sink = self.deferred[card.card_id] = []  # type: ignore[assignment]
        for line in card.title_lines:
            self._line(x, right, top + m.TITLE_SIZE * 0.95, line, m.TITLE_SIZE, True, "t")
            top += m.TITLE_LEADING
        if card.description_lines:
            top += m.BLOCK_GAP
            for line in card.description_lines:
                self._line(x, right, top + m.DESCRIPTION_SIZE * 0.95, line, m.DESCRIPTION_SIZE, False, "d")
                top += m.DESCRIPTION_LEADING
        if card.detail_lines:
            top += m.BLOCK_GAP
            for i, line in enumerate(card.detail_lines):
                bold = i == 0 and card.function_name is not None
                self.text(x, top + m.DETAIL_SIZE * 0.95, line, m.DETAIL_SIZE, bold, css="f" if bold else "d")
                top += m.DETAIL_LEADING
        self._sink = None
        for marker in card.markers:
            mb = marker.box
            if marker.kind == "fail":
                self.out.append(
                    f'<circle class="badge" cx="{_n(mb.x + mb.w / 2)}" cy="{_n(mb.y + mb.h / 2)}" '
                    f'r="{_n(mb.h / 2)}" fill="{st.FAIL}" stroke="#FFFFFF" stroke-width="0.8"/>'
                )
                self.text(mb.x + mb.w / 2, mb.y + mb.h / 2 + 2.6, "F", 7.5, True, "#FFFFFF", "middle")
            else:
                plan = marker.kind == "plan"  # an open improvement plan: white on teal, as in the PDF
                self.rect(
                    mb.x, mb.y, mb.w, mb.h, st.PLAN if plan else st.WAIT, "#FFFFFF", 0.8, mb.h / 2, "badge"
                )
                colour = "#FFFFFF" if plan else st.TEXT
                self.text(
                    mb.x + mb.w / 2, mb.y + mb.h / 2 + 2.4, marker.text, m.DETAIL_SIZE, True, colour, "middle"
                )
        self.out.append("</g>")

    def _line(
        self, x: float, right: float, baseline: float, line: str, size: float, bold: bool, css: str
    ) -> None:
        if reads_right_to_left(line):
            self.text(right, baseline, line, size, bold, anchor="end", css=css)
        else:
            self.text(x, baseline, line, size, bold, css=css)

    def _route(self, route: Route) -> None:
        colour = st.LOOP if route.kind == "loop" else st.HANDOFF if route.is_handoff else st.LINK
        width = 1.3 if route.is_handoff else 0.8
        css = "link handoff" if route.is_handoff else "link"
        if route.kind == "loop":
            css += " loop"
        if self.focus is not None:
            if self.focus.route_strong(route.link_id):
                css += " strong"
            elif self.focus.route_faded(route.link_id):
                css += " faded"
        points = list(route.points)
        if len(points) < 2:
            return
        (ax, ay), (bx, by) = points[-2], points[-1]
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        a, wing = _ARROW, _ARROW * 0.55
        points[-1] = (bx - ux * a, by - uy * a)
        d = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points)
        dash = ' stroke-dasharray="4 2"' if route.kind == "loop" else ""
        head = (
            f"M{_n(bx)} {_n(by)}L{_n(bx - ux * a - uy * wing)} {_n(by - uy * a + ux * wing)}"
            f"L{_n(bx - ux * a + uy * wing)} {_n(by - uy * a - ux * wing)}Z"
        )
        if route.is_handoff:  # the small square where work changes hands, filled with the arrow head
            x0, y0 = route.points[0]
            head += f"M{_n(x0 - 2)} {_n(y0 - 2)}h4v4h-4Z"
        self.out.append(
            f'<g class="{css}" data-link-id="{_a(route.link_id)}">'
            f'<path class="line" d="{d}" stroke="{colour}" stroke-width="{_n(width)}"{dash}/>'
            f'<path d="{head}" fill="{colour}"/>'
        )
        if route.label_text and route.label_pos is not None:
            x, y = route.label_pos
            w = text_width(route.label_text, m.LINK_LABEL_SIZE) + 4
            h = m.LINK_LABEL_SIZE + 2.5
            plate = st.HANDOFF if route.is_handoff else st.GRID
            text_colour = st.HANDOFF if route.is_handoff else st.MUTED
            if self.deferred is not None:
                self.deferred[route.link_id] = {
                    "plate": [round(x - w / 2, 2), round(y - h / 2, 2), round(w, 2), round(h, 2), plate],
                    "text": [
                        round(x, 2),
                        round(y + m.LINK_LABEL_SIZE * 0.35, 2),
                        route.label_text,
                        "lh" if route.is_handoff else "l",
                        "middle",
                        round(text_width(route.label_text, m.LINK_LABEL_SIZE), 2),
                    ],
                    "turn": [round(x, 2), round(y, 2)] if route.label_vertical else None,
                }
                self.out.append("</g>")
                return
            if route.label_vertical:
                self.out.append(f'<g transform="rotate(-90 {_n(x)} {_n(y)})">')
            self.rect(x - w / 2, y - h / 2, w, h, "#FFFFFF", plate, 0.4)
            self.text(
                x,
                y + m.LINK_LABEL_SIZE * 0.35,
                route.label_text,
                m.LINK_LABEL_SIZE,
                False,
                text_colour,
                "middle",
            )
            if route.label_vertical:
                self.out.append("</g>")
        self.out.append("</g>")


def blueprint_svg(layout: Layout, focus: FocusState | None = None) -> tuple[str, dict[str, object] | None]:
    """The inline `<svg>` element of `layout`, with `focus` as the initial fading, and (for a big
    blueprint) the text of its cards and link labels by id, which the viewer draws near the view:
    parsing 40,000 text elements at once made a 5,000-card page take many seconds to open."""
    writer = SvgWriter(layout, focus)
    return writer.write(), writer.deferred
