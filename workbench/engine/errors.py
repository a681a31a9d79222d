"""Errors the engine raises: bad inputs, markets with no equilibrium, cancelled runs."""

from __future__ import annotations


class EngineInputError(ValueError):
    """An input the model cannot use; the message names the field and the value."""


class InfeasibleMarket(RuntimeError):
    """No market equilibrium exists (or none was found) under the scenario's clauses.

    ``mineral`` and ``clause_ids`` say where; ``clause_ids`` names the clause(s) without which the market clears.
    """

    def __init__(self, message: str, *, mineral: str = "", year: int | None = None,
                 clause_ids: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.mineral = mineral
        self.year = year
        self.clause_ids = clause_ids


class Cancelled(RuntimeError):
    """A long computation stopped because the caller asked it to."""
