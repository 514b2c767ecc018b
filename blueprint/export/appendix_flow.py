"""How appendix pages are written: text placed as plain "ops" (text at a position), wrapped and flowed
down one or two columns, a new page when full, so the page count is known before anything is drawn
("page n of m")."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout.text import wrap

HEADING = 13.0
SUBHEADING = 9.5
BODY = 8.5
SMALL = 8.0  # the smallest appendix text: still legible when printed
LEADING = 1.3
SECTION_GAP = 16.0  # above a section that follows another on the same page


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline, from the top of the frame
    text: str
    size: float
    bold: bool = False
    color: str = "#212121"
    owner: str | None = None


@dataclass
class AppendixPage:
    ops: list[TextOp] = field(default_factory=list)
    bookmarks: list[tuple[str, str, float]] = field(default_factory=list)  # (key, title, y)


COLUMN_GAP = 28.0


class Flow:
    """Writes wrapped text down the frame in one or two columns, starting a new page when full."""

    def __init__(self, width: float, height: float) -> None:
        self.columns = 2 if width > 600 else 1
        self.width = (width - COLUMN_GAP * (self.columns - 1)) / self.columns
        self.height = height
        self.pages: list[AppendixPage] = []
        self.column = 0
        self.left = 0.0
        self.top = 0.0  # where columns start on this page (below any full-width block)
        self.below_block = False  # just under a full-width block: a section there needs its gap
        self.full_width = width
        self.y = height  # forces a first page

    def _page(self) -> None:
        self.pages.append(AppendixPage())
        self.column, self.left, self.y, self.top = 0, 0.0, 0.0, 0.0
        self.below_block = False

    def new_page(self) -> None:
        """Go on at the top of a new page (a table row that does not fit, a section of its own)."""
        self._page()

    def need(self, room: float) -> None:
        if self.y + room <= self.height:
            return
        if self.pages and self.column + 1 < self.columns:
            self.column += 1
            self.left = self.column * (self.width + COLUMN_GAP)
            self.y = self.top
            self.below_block = False
        else:
            self._page()

    def text_height(self, text: str, size: float = BODY, bold: bool = False, indent: float = 0.0) -> float:
        """The height `text` takes when written with these settings (to keep a block together)."""
        lines, _ = wrap(text, size, self.width - indent, bold)
        return max(len(lines), 1) * size * LEADING

    def keep_together(self, height: float) -> None:
        """Start a block of `height` in the next column or page unless it fits whole where the text
        is now; a block taller than a column starts at once (it would not fit anywhere)."""
        if self.y + height > self.height and height <= self.height - self.top:
            self.need(height)

    def heading_height(self, title: str) -> float:
        """The height a section's heading takes (without the gap above it)."""
        return 4 + self.text_height(title, HEADING, bold=True) + 6

    def section(self, key: str, title: str) -> None:
        """Start a section where the previous one ended (a new page only when the heading and a few
        lines would not fit); its outline entry points at its heading."""
        if not self.pages:
            self._page()
        elif self.y > self.top or self.below_block:
            self.y += SECTION_GAP  # not at the top of a page or column (a table ends at `top`)
        self.need(4 + HEADING * LEADING + 6 + BODY * LEADING * 3)
        self.pages[-1].bookmarks.append((key, title, self.y))
        self.y += 4
        self.text(title, HEADING, bold=True, gap_after=6)

    def full_width_block(self, height: float) -> None:
        """Make room for a block as wide as the page: below what column 0 holds on this page (a new
        page when the second column is in use or the block does not fit); columns go on below it."""
        if self.column != 0 or self.y + height > self.height:
            self._page()
        self.left = 0.0

    def end_full_width_block(self) -> None:
        self.top = self.y
        self.below_block = True

    def text(
        self,
        text: str,
        size: float = BODY,
        bold: bool = False,
        indent: float = 0.0,
        color: str = "#212121",
        owner: str | None = None,
        gap_after: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        lines, _ = wrap(text, size, self.width - indent, bold)
        leading = size * LEADING
        self.need(leading * min(len(lines), 2) + keep)
        for line in lines or ("",):
            self.need(leading)
            self.y += leading
            self.pages[-1].ops.append(
                TextOp(self.left + indent, self.y - size * 0.25, line, size, bold, color, owner)
            )
        self.y += gap_after

    def gap(self, points: float) -> None:
        self.y += points
