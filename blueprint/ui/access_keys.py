"""Access keys (the underlined letter, `&` in a Qt text) for the entries of a menu.

A person who opens a context menu with the Menu key or Shift+F10 picks an entry with one letter, as in
the menu bar. Within one menu every entry has its own letter: two entries sharing one make Qt cycle
between them and wait for Enter, which is worse than no letter at all.

The fixed entries of the editor's menus carry a hand-chosen letter (the Edit menu's where they do the
same thing: Cu&t, &Copy, &Delete); `give_access_keys` fills in a letter for every entry that has none,
which is what the entries named after the document need (functions, plans, lanes, views, the linked
cards). It prefers the first letter of a word, then any letter or digit of the text, and leaves an
entry without a letter only when every letter and digit of its text is taken (a menu of more than
36 functions, say); such an entry is still reached with the arrow keys.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

__all__ = ["access_key", "give_access_keys", "shown_text"]


def access_key(text: str) -> str | None:
    """The access key of a Qt text, lower-cased: the character after a lone `&` (`&&` is a literal
    ampersand), or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 2
            continue
        i += 1
    return None


def shown_text(text: str) -> str:
    """A Qt text as the menu draws it: the lone `&` of the access key gone, `&&` shown as `&`."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text):
            out.append(text[i + 1] if text[i + 1] == "&" else "")
            if text[i + 1] == "&":
                i += 2
                continue
            i += 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def give_access_keys(menu: QMenu) -> QMenu:
    """Give each entry of `menu` (and of its submenus) that has no access key a letter no other entry
    of the same menu uses; return `menu`. Entries that have a letter keep it."""
    actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    taken = {key for a in actions if (key := access_key(a.text())) is not None}
    for action in actions:
        text = action.text()
        if access_key(text) is None:
            at = _free_place(text, taken)
            if at is not None:
                taken.add(text[at].lower())
                action.setText(text[:at] + "&" + text[at:])
        sub = action.menu()
        if isinstance(sub, QMenu):
            give_access_keys(sub)
    return menu


def _free_place(text: str, taken: set[str]) -> int | None:
    """Where to put the `&` in `text` (an index into it): the first free letter that starts a word, or
    else the first free letter or digit; None when there is none. Escaped `&&` are stepped over."""
    places: list[int] = []
    i = 0
    while i < len(text):
        if text[i] == "&":  # "&&": a literal ampersand, no letter
            i += 2
            continue
        places.append(i)
        i += 1
    usable = [i for i in places if text[i].isascii() and text[i].isalnum()]
    starts = [i for i in usable if i == 0 or not text[i - 1].isalnum()]
    for i in starts + usable:
        if text[i].lower() not in taken:
            return i
    return None
