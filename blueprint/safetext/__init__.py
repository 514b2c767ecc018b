"""Text from untrusted files made safe for where it is shown: terminals, spreadsheets, JSON reports.

A `.blueprint` file is untrusted: its titles and names may hold terminal escape sequences or start
like a spreadsheet formula, and a file's own name may not even be UTF-8. Every output that shows such
text to a person or hands it to another program goes through these functions (the bottom layer: any
layer may import them).

- `spreadsheet_cell` / `spreadsheet_row`: for every CSV (and XLSX) cell written from a document.
- `for_terminal`: for text reports printed on a terminal (`validate`, `handoffs`).
  A file name that is not UTF-8 shows its bytes as `\\xff`, so it is valid text in JSON too.
- `xml_text`: for text written into XML (SVG, XMP), which cannot hold most control characters.
"""

from blueprint.safetext.spreadsheet import FORMULA_STARTS, spreadsheet_cell, spreadsheet_row
from blueprint.safetext.terminal import for_terminal
from blueprint.safetext.xml import xml_text

__all__ = ["FORMULA_STARTS", "for_terminal", "spreadsheet_cell", "spreadsheet_row", "xml_text"]
