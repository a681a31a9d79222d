"""Options side by side: fiscal cost and price effects per partner for several variants of a scenario."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd

from workbench.document import Scenario
from workbench.engine import Cancelled, EvaluationResult, InfeasibleMarket, evaluate

#: Clause parameters held as fractions and shown as percentages (0.5 -> 50 %).
FRACTION_PARAMETERS = frozenset({"rate", "upside_share", "clawback_share", "premium_share", "storage_cost_rate"})

#: The partner-table columns a comparison shows, in order.
COMPARED_COLUMNS = (
    "fiscal_cost_avg_usd",
    "fiscal_cost_peak_usd",
    "fiscal_cost_pv_usd",
    "consumer_price_change_pct",
    "producer_price_change_pct",
)


@dataclass(frozen=True)
class Compared:
    """One variant in a comparison: a display name and its result."""

    name: str
    result: EvaluationResult


def comparison(variants: list[Compared], column: str) -> pd.DataFrame:
    """One measure side by side: index = region (first variant's order, then any new ones), one column per variant.

    A region a variant does not model (e.g. a partner added later) is NaN there.
    """
    if column not in COMPARED_COLUMNS:
        raise ValueError(f"cannot compare {column!r}; choose one of {', '.join(COMPARED_COLUMNS)}")
    regions: list[str] = []
    for v in variants:
        regions.extend(r for r in v.result.partner_table.index if r not in regions)
    data = {v.name: v.result.partner_table[column].reindex(regions) for v in variants}
    return pd.DataFrame(data, index=pd.Index(regions, name="region"), columns=[v.name for v in variants])


def region_names(variants: list[Compared]) -> dict[str, str]:
    """Region code -> display name over all variants (later variants fill in codes earlier ones lack)."""
    names: dict[str, str] = {}
    for v in variants:
        for code, name in v.result.region_names.items():
            names.setdefault(code, name)
    return names


@dataclass(frozen=True)
class BracketOption:
    """One option of one bracket: which clause and parameter it varies, its label and value, whether modelled."""

    clause_id: str
    clause_title: str
    parameter: str
    label: str
    value: Any
    modelled: bool

    @property
    def key(self) -> tuple[str, str]:
        """The bracket, as ``evaluate(choices=...)`` names it: (clause id, parameter)."""
        return (self.clause_id, self.parameter)

    @property
    def spec(self) -> str:
        """The choice as ``workbench-cli evaluate --choose`` writes it, e.g. ``ndpr-border-floor.floor_price=B``."""
        return f"{self.clause_id}.{self.parameter}={self.label}"

    def value_text(self) -> str:
        """The option's value as the editor shows it: ``USD 110/kg``, ``50 %``, ``1,000 t``, ``10 years``."""
        return parameter_text(self.parameter, self.value)


def parameter_text(parameter: str, value: Any) -> str:
    """A clause parameter's value in the editor's units (fractions as percentages, quantities with their unit)."""
    if hasattr(value, "label") and callable(value.label):
        return str(value.label())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if parameter in FRACTION_PARAMETERS:
            return f"{value * 100:.4g} %"
        if parameter.endswith("_years"):
            return f"{value:g} years" if value != 1 else "1 year"
        return f"{value:,.6g}"
    return str(value)


def bracket_options(scenario: Scenario) -> list[list[BracketOption]]:
    """Every bracket of the scenario (clause order, then parameter order), each as the list of its options."""
    out: list[list[BracketOption]] = []
    for clause in scenario.document.clauses:
        for parameter in clause.bracketed_parameters():
            bracket = getattr(clause, parameter)
            out.append([BracketOption(clause.id, clause.title, parameter, o.label, o.value,
                                      o.label == bracket.selected) for o in bracket.options])
    return out


def per_bracket(scenario: Scenario, modelled: EvaluationResult,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[dict[str, EvaluationResult], dict[str, str]]:
    """Each option of each bracket costed with every other bracket as modelled: (spec -> result, spec -> error).

    The modelled option of a bracket is the scenario as modelled (``modelled`` is reused); an option the market
    cannot solve, or the engine refuses, is an error message instead. ``cancelled()`` is polled before each run
    and makes this raise the engine's Cancelled.
    """
    results: dict[str, EvaluationResult] = {}
    errors: dict[str, str] = {}
    for options in bracket_options(scenario):
        for option in options:
            if option.modelled:
                results[option.spec] = modelled
                continue
            if cancelled():
                raise Cancelled()
            try:
                results[option.spec] = evaluate(scenario, choices={option.key: option.label})
            except (InfeasibleMarket, ValueError) as exc:
                errors[option.spec] = str(exc)
    return results, errors
