"""Desktop integration (no Qt): the application's menu entry, icon and the .blueprint file type,
installed the freedesktop.org way so a file manager opens `.blueprint` files in the editor."""

from blueprint.desktop.install import DESKTOP_ID, MIME_TYPE, Installed, install, launcher_command

__all__ = ["DESKTOP_ID", "MIME_TYPE", "Installed", "install", "launcher_command"]
