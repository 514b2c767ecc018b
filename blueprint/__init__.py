"""Service Blueprint Studio: draw, check and share service blueprints."""

__version__ = "0.1.0"
