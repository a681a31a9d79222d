"""Change in fiscal cost and price effects per partner between two versions, from the engine's partner tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbench.document import Scenario

#: Partner-table columns compared (each one of analysis.compare.COMPARED_COLUMNS), with how to read them.
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
    from workbench.analysis.compare import Compared, comparison  # loads the engine only when needed
    from workbench.engine import evaluate

    a, b = evaluate(ours), evaluate(theirs)
    versions = [Compared("ours", a), Compared("theirs", b)]
    table = pd.DataFrame()
    for c in IMPACT_COLUMNS:
        side = comparison(versions, c)
        table[f"{c}_ours"] = side["ours"]
        table[f"{c}_theirs"] = side["theirs"]
        table[f"{c}_change"] = side["theirs"] - side["ours"]
    warnings = [f"ours: {w}" for w in a.warnings] + [f"theirs: {w}" for w in b.warnings]
    return PartnerImpact(table=table, warnings=warnings)
