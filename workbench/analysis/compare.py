"""Options side by side: fiscal cost and price effects per partner for several variants of a scenario."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.engine import EvaluationResult

#: The partner-table columns a comparison shows, in order.
COMPARED_COLUMNS = (
    "fiscal_cost_avg_usd",
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
