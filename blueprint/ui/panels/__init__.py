"""The editor's dock panels: Inspector, Functions, Findings and Improvements."""

from blueprint.ui.panels.findings import FindingsPanel
from blueprint.ui.panels.functions import FunctionsPanel
from blueprint.ui.panels.improvements import ImprovementsPanel
from blueprint.ui.panels.inspector import InspectorPanel

__all__ = ["FindingsPanel", "FunctionsPanel", "ImprovementsPanel", "InspectorPanel"]
