"""Saved views are chosen by name (View > Views, the export dialog), so two views may not share one.

The editor asks this before it saves or renames a view. The operations themselves do not refuse a
repeated name: a file written elsewhere may hold two, and undoing the deletion of one of them must
bring it back as it was. What makes two names the same is the reader's rule (`name_key`), which
reads a file's repeated name as "Name (2)".
"""

from __future__ import annotations

from blueprint.fileformat.view_names import name_key
from blueprint.model import Blueprint


def view_name_problem(bp: Blueprint, name: str, view_id: str | None = None) -> str | None:
    """Why `name` cannot name a view of `bp` (the view `view_id` may keep its own), or None."""
    if not name.strip():
        return "A view needs a name."
    for view in bp.views:
        if view.id != view_id and name_key(view.name) == name_key(name):
            return f"A view named “{view.name}” already exists: choose another name."
    return None
