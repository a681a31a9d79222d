"""The clause navigator: clauses grouped by mineral or partner, with status, proponent and mandate flags."""

from workbench.ui.navigator.model import ClauseTreeModel, Grouping
from workbench.ui.navigator.panel import NavigatorPanel

__all__ = ["ClauseTreeModel", "Grouping", "NavigatorPanel"]
