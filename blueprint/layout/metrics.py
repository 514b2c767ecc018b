"""Sizes of everything the layout places, in points. One place, so canvas and PDF agree."""

from __future__ import annotations

FONT = "DejaVu Sans"

# Columns (steps) have a fixed width: a change in one cell never moves other columns.
COLUMN_WIDTH = 140.0
CARD_INSET_X = 10.0  # space between a card and its column edge; two of them form a routing gutter
CARD_WIDTH = COLUMN_WIDTH - 2 * CARD_INSET_X
LANE_HEADER_WIDTH = 100.0

# Lanes grow to fit their tallest cell.
LANE_PAD_TOP = 16.0  # the top of a lane is a horizontal routing channel
LANE_PAD_BOTTOM = 10.0
CARD_GAP = 14.0  # between stacked cards in one cell
MIN_LANE_HEIGHT = 64.0
BOTTOM_CHANNEL = 16.0  # below the last lane, for routes that go around the bottom

# Headers.
STAGE_HEADER_HEIGHT = 34.0
STEP_HEADER_HEIGHT = 30.0
EMOTION_ROW_HEIGHT = 60.0

# Text inside a card.
STRIP_WIDTH = 4.0  # the function's colour strip at the card's left edge
CARD_PAD = 5.0
TEXT_WIDTH = CARD_WIDTH - STRIP_WIDTH - 2 * CARD_PAD
TITLE_SIZE = 9.5
TITLE_LEADING = 11.5
TITLE_MAX_LINES = 5
DESCRIPTION_SIZE = 7.0
DESCRIPTION_LEADING = 8.5
DESCRIPTION_MAX_LINES = 2
DETAIL_SIZE = 7.0
DETAIL_LEADING = 8.5
BLOCK_GAP = 3.0  # between title, description and details
MARKER_HEIGHT = 12.0  # fail and wait badges straddle the card's top edge
MIN_CARD_HEIGHT = 34.0
REF_ROW = 7.0  # a shortened card's bottom row, where the PDF points to its appendix entry

# Headers' text.
LANE_NAME_SIZE = 9.0
LANE_NAME_LEADING = 11.0
STAGE_NAME_SIZE = 10.0
STAGE_PHASE_SIZE = 7.0
STEP_NAME_SIZE = 8.0
STEP_NAME_LEADING = 9.5
LINE_LABEL_SIZE = 6.5
LINK_LABEL_SIZE = 6.5
