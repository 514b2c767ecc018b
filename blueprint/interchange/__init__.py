"""Spreadsheets and draw.io, in and out: the blueprint for the tools designers share it with.

Out (`exports.export_file` by the suffix of the file): `workbook_export.export_xlsx` (the whole
document, re-imports exactly, with result sheets), `csv_export.export_cards_csv` (the cards as one
table), `drawio.export_drawio` (the diagram, from the PDF's layout).
In (`importer.import_file`): our workbook (`workbook_import`), Blueprint Signal's project workbook
(`signal_workbook`) and simple process lists (`process_list`), each giving the document and an
`report.ImportReport` with one line for everything not imported as it was. Workbooks are opened by
`workbook_reading` within `limits`; CSV files by `csv_reading`.

A layer above `export` (draw.io reads the layout and the print colours) and below the editor; no Qt.
Nothing here is imported by the package itself, so a command pays only for the format it uses.
"""
