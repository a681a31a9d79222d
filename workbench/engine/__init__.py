"""Market and fiscal model: multi-region partial equilibrium per mineral, fiscal ledger, Monte Carlo, GSIM mode."""

from workbench.engine.errors import Cancelled, EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import evaluate
from workbench.engine.montecarlo import run_monte_carlo
from workbench.engine.results import EvaluationResult, MonteCarloResult

__all__ = ["Cancelled", "EngineInputError", "EvaluationResult", "InfeasibleMarket", "MonteCarloResult",
           "evaluate", "run_monte_carlo"]
