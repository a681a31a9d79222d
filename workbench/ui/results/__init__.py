"""The results panel and its parts: tables, charts, the compute scheduler and its background worker."""

from workbench.ui.results.panel import ResultsPanel

__all__ = ["ResultsPanel"]
