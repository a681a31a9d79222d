"""Change in fiscal cost and price effects per partner between two versions, from the engine's partner tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbench.document import Scenario

#: Partner-table columns compared, with how to read them.
IMPACT_COLUMNS = {
    "fiscal_cost_pv_usd": "fiscal cost, present value (USD)",
    "fiscal_cost_avg_usd": "fiscal cost, average a year (USD)",
    "consumer_price_change_pct": "consumer price change (%)",
    "producer_price_change_pct": "producer price change (%)",
}


@dataclass(frozen=True)
class PartnerImpact:
    """Per region: each column for ours, theirs and the change (theirs - ours), plus the engine's warnings."""

    table: pd.DataFrame
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        """{region: {column: {"ours": x, "theirs": y, "change": d}}} with None where a side has no such region."""
        out: dict[str, Any] = {}
        for region, row in self.table.iterrows():
            out[str(region)] = {c: {side: _num(row[f"{c}_{side}"]) for side in ("ours", "theirs", "change")}
                                for c in IMPACT_COLUMNS}
        return out


def _num(x: Any) -> float | None:
    return None if pd.isna(x) else float(x)


def partner_impact(ours: Scenario, theirs: Scenario) -> PartnerImpact:
    """Evaluate both versions (each bracket's selected option) and line up the partner tables region by region."""
    from workbench.engine import evaluate  # the engine (scipy) loads only when a comparison needs it

    a, b = evaluate(ours), evaluate(theirs)
    regions = list(dict.fromkeys([*a.partner_table.index, *b.partner_table.index]))
    cols = list(IMPACT_COLUMNS)
    left = a.partner_table.reindex(regions)[cols]
    right = b.partner_table.reindex(regions)[cols]
    table = pd.DataFrame(index=pd.Index(regions, name="region"))
    for c in cols:
        table[f"{c}_ours"] = left[c]
        table[f"{c}_theirs"] = right[c]
        table[f"{c}_change"] = right[c] - left[c]
    warnings = [f"ours: {w}" for w in a.warnings] + [f"theirs: {w}" for w in b.warnings]
    return PartnerImpact(table=table, warnings=warnings)
