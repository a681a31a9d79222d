"""Mandate check: which partner limits in the private block a scenario, a clause or an option breaches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import pandas as pd

from workbench.document import Scenario
from workbench.engine import Cancelled, EvaluationResult, InfeasibleMarket, evaluate


class Measure(str, Enum):
    """A mandate limit, named as in ``Mandate``, with the partner-table column it is checked against."""

    ANNUAL_COST = "fiscal_ceiling_per_year"
    PV_COST = "max_pv_cost"
    CONSUMER_PRICE = "max_consumer_price_increase"

    @property
    def column(self) -> str:
        """The partner-table column the limit applies to."""
        return _COLUMNS[self]


_COLUMNS = {
    # An annual ceiling binds in every year, so the worst year is what is checked.
    Measure.ANNUAL_COST: "fiscal_cost_peak_usd",
    Measure.PV_COST: "fiscal_cost_pv_usd",
    Measure.CONSUMER_PRICE: "consumer_price_change_pct",
}


@dataclass(frozen=True)
class Breach:
    """One limit exceeded: by whom, on what, by how much, and in which variant of the scenario.

    ``value`` and ``limit`` are in USD for the cost measures and in percent for the consumer price.
    ``clause_id`` None means the whole scenario; ``option`` None means each bracket's selected option.
    """

    partner: str
    measure: Measure
    value: float
    limit: float
    clause_id: str | None = None
    option: str | None = None


@dataclass(frozen=True)
class Limits:
    """A mandate in model units: USD for the cost limits, percent for the price limit, per partner code."""

    by_measure: dict[Measure, dict[str, float]]

    @classmethod
    def of(cls, scenario: Scenario) -> "Limits":
        """The scenario's private mandate, converted with its exchange rates.

        ``max_consumer_price_increase`` is stored as a fraction (0.05 = 5 %); the model reports percent.
        """
        m = scenario.private.mandate
        fx = scenario.document.assumptions.usd_per_currency
        return cls({
            Measure.ANNUAL_COST: {p: money.usd(fx) for p, money in m.fiscal_ceiling_per_year.items()},
            Measure.PV_COST: {p: money.usd(fx) for p, money in m.max_pv_cost.items()},
            Measure.CONSUMER_PRICE: {p: frac * 100.0 for p, frac in m.max_consumer_price_increase.items()},
        })

    def __bool__(self) -> bool:
        return any(self.by_measure.values())

    def breaches(self, partner_table: pd.DataFrame, *, clause_id: str | None = None,
                 option: str | None = None) -> list[Breach]:
        """Every limit a result's partner table exceeds (strictly), in partner then measure order."""
        found: list[Breach] = []
        for partner in partner_table.index:
            for measure, limits in self.by_measure.items():
                if partner not in limits:
                    continue
                value = float(partner_table.at[partner, measure.column])
                if value > limits[partner]:
                    found.append(Breach(partner, measure, value, limits[partner], clause_id, option))
        return found


@dataclass(frozen=True)
class Variant:
    """A piece of the scenario costed alone: one clause (or all when None) under one option (selected when None)."""

    clause_id: str | None
    option: str | None


def variants(scenario: Scenario) -> list[Variant]:
    """The variants a mandate check costs besides the scenario as modelled.

    The whole scenario under each bracket option, each clause alone, and each clause under each of its options;
    an option that changes nothing against what is modelled (it is the selected one everywhere) is left out.
    """
    clauses = scenario.document.clauses
    found = [Variant(None, label) for label in option_labels(scenario)
             if any(c.resolved(label) != c.resolved() for c in clauses)]
    for clause in clauses:
        found.append(Variant(clause.id, None))
        modelled = clause.resolved()
        found.extend(Variant(clause.id, label) for label in clause.option_labels()
                     if clause.resolved(label) != modelled)
    return found


def option_labels(scenario: Scenario) -> list[str]:
    """Every option label used by a bracket anywhere in the scenario, in order."""
    return sorted({label for c in scenario.document.clauses for label in c.option_labels()})


@dataclass(frozen=True)
class MandateReport:
    """All breaches found for a scenario: as modelled, per option and per clause; variants the model could not solve."""

    breaches: tuple[Breach, ...]
    unsolved: tuple[Variant, ...] = ()

    def whole(self) -> list[Breach]:
        """Breaches of the whole scenario (as modelled or under an option)."""
        return [b for b in self.breaches if b.clause_id is None]

    def by_clause(self) -> dict[str, list[Breach]]:
        """Breaches of each clause costed alone (as modelled or under one of its options); breaching clauses only."""
        out: dict[str, list[Breach]] = {}
        for b in self.breaches:
            if b.clause_id is not None:
                out.setdefault(b.clause_id, []).append(b)
        return out

    def cells(self, option: str | None = None) -> set[tuple[str, str]]:
        """(partner, partner-table column) pairs the whole scenario breaches under ``option``."""
        return {(b.partner, b.measure.column) for b in self.breaches if b.clause_id is None and b.option == option}


def check(scenario: Scenario, *, modelled: EvaluationResult | None = None,
          options: dict[str, EvaluationResult] | None = None,
          cancelled: Callable[[], bool] | None = None) -> MandateReport:
    """Cost the scenario and each variant with the engine and collect every mandate breach.

    ``modelled`` and ``options`` (label -> result) reuse results already computed; ``cancelled`` is polled between
    evaluations and raises the engine's ``Cancelled`` when it returns True.
    """
    limits = Limits.of(scenario)
    if not limits:
        return MandateReport(())
    options = options or {}
    result = modelled if modelled is not None else evaluate(scenario)
    found = limits.breaches(result.partner_table)
    unsolved: list[Variant] = []
    for v in variants(scenario):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if v.clause_id is None and v.option in options:
            res = options[v.option]
        else:
            try:
                res = evaluate(scenario, option=v.option,
                               clause_ids=[v.clause_id] if v.clause_id is not None else None)
            except (InfeasibleMarket, ValueError):  # no equilibrium, or an input the engine refuses
                unsolved.append(v)
                continue
        found.extend(limits.breaches(res.partner_table, clause_id=v.clause_id, option=v.option))
    return MandateReport(tuple(found), tuple(unsolved))
