"""The blueprint as one self-contained HTML page anyone can open offline (spec: sharing.md)."""

from blueprint.export.html.page import export_html, render_html

__all__ = ["export_html", "render_html"]
