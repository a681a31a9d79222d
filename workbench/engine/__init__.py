"""Market and fiscal model: multi-region partial equilibrium per mineral, fiscal ledger, Monte Carlo, GSIM mode."""

from typing import Any

from workbench.engine.errors import Cancelled, EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import evaluate
from workbench.engine.results import EvaluationResult, MonteCarloResult

__all__ = ["Cancelled", "EngineInputError", "EvaluationResult", "InfeasibleMarket", "MonteCarloResult",
           "evaluate", "run_monte_carlo"]


def __getattr__(name: str) -> Any:
    """``run_monte_carlo`` is imported on first use: the window shows before anything needs it."""
    if name == "run_monte_carlo":
        from workbench.engine.montecarlo import run_monte_carlo
        return run_monte_carlo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
