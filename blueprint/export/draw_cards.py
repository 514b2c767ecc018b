"""The PDF painter's cards: the box (sticky note, dashed evidence outline or rounded card), the
function's strip, title, description and detail lines, fail, wait and improvement badges, and the
appendix mark."""

from __future__ import annotations

from blueprint.export import style as st
from blueprint.export.painter_state import PainterState
from blueprint.export.pathops import rect, round_rect
from blueprint.export.rtl import reads_right_to_left
from blueprint.layout import CardBox, Marker
from blueprint.layout import metrics as m
from blueprint.layout.focus import FADED_OPACITY


class CardPainter(PainterState):
    """Paints card boxes with their text and badges (the text is queued on the shared pen)."""

    def _card(self, card: CardBox) -> None:
        c = self.c
        b = card.box
        kind = card.lane_kind
        fill, border = st.CARD_COLORS.get(kind, st.CARD_COLORS["customer"])
        bottom = self.y(b.bottom)
        self.fill(fill)
        self.stroke(border, 0.8)
        if kind == "notes":  # a sticky note: square, with a folded corner
            fold = 8.0
            path = c.beginPath()
            path.moveTo(b.x, bottom)
            path.lineTo(b.right - fold, bottom)
            path.lineTo(b.right, bottom + fold)
            path.lineTo(b.right, bottom + b.h)
            path.lineTo(b.x, bottom + b.h)
            path.close()
            c.drawPath(path, stroke=1, fill=1)
            self.fill("#F9A825")
            fold_path = c.beginPath()
            fold_path.moveTo(b.right - fold, bottom)
            fold_path.lineTo(b.right - fold, bottom + fold)
            fold_path.lineTo(b.right, bottom + fold)
            fold_path.close()
            c.drawPath(fold_path, stroke=0, fill=1)
        elif kind == "evidence":  # physical evidence: a dashed "object" outline
            c.setDash(3, 2)
            round_rect(c, b.x, bottom, b.w, b.h, 1.5, self._paint)
            c.setDash()
        else:
            round_rect(c, b.x, bottom, b.w, b.h, 3, self._paint)
        if card.function_id is not None:
            self.fill(card.function_color or st.NO_COLOR_STRIP)
            rect(c, b.x, bottom, m.STRIP_WIDTH, b.h, self._fill_only)
        owner = f"card '{card.card_id}'"
        queue = self.pen.queue
        x = b.x + m.STRIP_WIDTH + m.CARD_PAD
        top = b.y + m.CARD_PAD + (m.MARKER_HEIGHT / 2 if card.markers else 0)
        right = b.right - m.CARD_PAD
        title_top = top
        top += len(card.title_lines) * m.TITLE_LEADING
        description_top = top + m.BLOCK_GAP
        if card.description_lines:
            top = description_top + len(card.description_lines) * m.DESCRIPTION_LEADING
        if any(reads_right_to_left(line) for line in (*card.title_lines, *card.description_lines)):
            self._lines_one_by_one(card, owner, x, right, title_top, description_top)
        else:
            h = self.h
            block = self.pen.block
            block(
                x,
                h - title_top - m.TITLE_SIZE * 0.95,
                card.title_lines,
                m.TITLE_SIZE,
                m.TITLE_LEADING,
                True,
                owner,
            )
            if card.description_lines:
                baseline = h - description_top - m.DESCRIPTION_SIZE * 0.95
                lines = card.description_lines
                block(x, baseline, lines, m.DESCRIPTION_SIZE, m.DESCRIPTION_LEADING, False, owner, st.MUTED)
        if card.detail_lines:
            top += m.BLOCK_GAP
            for i, line in enumerate(card.detail_lines):
                is_function = i == 0 and card.function_name is not None
                colour = st.MUTED  # the function reads as bold; one colour keeps the PDF lean
                queue(
                    x,
                    self.h - top - m.DETAIL_SIZE * 0.95,
                    line,
                    m.DETAIL_SIZE,
                    is_function,
                    owner,
                    color=colour,
                )
                top += m.DETAIL_LEADING
        for marker in card.markers:
            self._marker(marker)
        ref = self.refs.get(card.card_id)
        if ref:
            queue(b.right - 4, bottom + 3, f"▸{ref}", 6.0, True, align="right", color=st.REF)

    def _lines_one_by_one(
        self, card: CardBox, owner: str, x: float, right: float, title_top: float, description_top: float
    ) -> None:
        """Title and description line by line, right-to-left lines aligned right."""
        queue = self.pen.queue
        top = title_top
        for line in card.title_lines:
            rtl = reads_right_to_left(line)
            baseline = self.h - top - m.TITLE_SIZE * 0.95
            queue(right if rtl else x, baseline, line, m.TITLE_SIZE, True, owner, "right" if rtl else "left")
            top += m.TITLE_LEADING
        top = description_top
        for line in card.description_lines:
            rtl = reads_right_to_left(line)
            baseline = self.h - top - m.DESCRIPTION_SIZE * 0.95
            align = "right" if rtl else "left"
            queue(right if rtl else x, baseline, line, m.DESCRIPTION_SIZE, False, owner, align, st.MUTED)
            top += m.DESCRIPTION_LEADING

    def _marker(self, marker: Marker) -> None:
        c = self.c
        b = marker.box
        self.stroke("#FFFFFF", 0.8)
        if marker.kind == "fail":
            self.fill(st.FAIL)
            c.circle(b.x + b.w / 2, self.y(b.y + b.h / 2), b.h / 2, stroke=1, fill=1)
            self.pen.queue(
                b.x + b.w / 2, self.y(b.y + b.h / 2 + 2.6), "F", 7.5, True, align="center", color="#FFFFFF"
            )
        else:
            plan = marker.kind == "plan"
            self.fill(st.PLAN if plan else st.WAIT)
            c.roundRect(b.x, self.y(b.bottom), b.w, b.h, b.h / 2, stroke=1, fill=1)
            self.pen.queue(
                b.x + b.w / 2,
                self.y(b.y + b.h / 2 + 2.4),
                marker.text,
                m.DETAIL_SIZE,
                True,
                align="center",
                color="#FFFFFF" if plan else st.TEXT,
            )

    def _veil(self, cards: list[CardBox]) -> None:
        """Fade `cards` (drawn already, text included): white at 1 - FADED_OPACITY over each box and
        badge, so a faded card keeps FADED_OPACITY of its strength, as on the canvas and in the HTML.
        The text stays in the page (search still finds it)."""
        if not cards:
            return
        c = self.c
        c.saveState()
        c.setFillAlpha(1 - FADED_OPACITY)
        c.setFillColor(st.rgb("#FFFFFF"))
        path = c.beginPath()
        for card in cards:
            b = card.box
            path.rect(b.x - 0.5, self.y(b.bottom) - 0.5, b.w + 1, b.h + 1)
            for marker in card.markers:
                mb = marker.box
                path.roundRect(mb.x - 0.5, self.y(mb.bottom) - 0.5, mb.w + 1, mb.h + 1, mb.h / 2 + 0.5)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()
        self._forget_state()
