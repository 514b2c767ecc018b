"""Exports of a blueprint for people who never open the editor: PDF (reportlab), SVG and PNG."""

from blueprint.export.pdf import ExportOptions, export_pdf

__all__ = ["ExportOptions", "export_pdf"]
