"""Limits on the workbooks and tables we import, in line with those of the `.blueprint` reader.

A workbook is a zip of XML files: its size on disk says little about what it unpacks to (a "zip bomb"
unpacks a few kilobytes into gigabytes). So the archive's own list of sizes is checked before anything
is unpacked (Python's zip reader never unpacks more than an entry's listed size), then rows and cells
are counted while they are read. Tests lower these to build small hostile files.
"""

from __future__ import annotations

from blueprint.fileformat.limits import MAX_COUNTS, MAX_FILE_BYTES, MAX_STRING_CHARS

# A workbook or CSV file on disk is read within the `.blueprint` reader's size limit (`read_bytes`).
#: All of a workbook's entries, unpacked: twice a `.blueprint` file's limit, as a sheet's XML spells
#: out more than the JSON does (a workbook of the largest blueprint the reader opens fits).
MAX_UNPACKED_BYTES = 2 * MAX_FILE_BYTES
#: Entries in the workbook's zip archive.
MAX_ENTRIES = 2_000
#: An entry over 1 MB that unpacks to more than this many times its packed size is a zip bomb, not a
#: spreadsheet (real sheets pack 5 to 50 times).
MAX_PACKING_RATIO = 500
#: Rows read from any one sheet or CSV file (the most elements of one kind a blueprint may hold, links).
MAX_ROWS = MAX_COUNTS["links"] + 1
#: Characters in one cell (the `.blueprint` reader's longest string).
MAX_CELL_CHARS = MAX_STRING_CHARS
#: Lines in one quoted CSV value (a long note runs to a few dozen). More is a quote mark never closed
#: where it should be, which a stray quote mark further down closed: rows read as one value.
MAX_VALUE_LINES = 1_000
