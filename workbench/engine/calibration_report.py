"""Calibration report: the model's base-year import shares by source next to the import-source data they honour."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from workbench.engine.calibrate import country_map, known_imports
from workbench.engine.market import Model

#: A known import share the model misses by more than this many percentage points is a calibration failure.
GAP_LIMIT_PP = 1.0

#: Columns of :func:`calibration_table`.
CALIBRATION_COLUMNS = ("mineral", "importer", "source", "named_countries", "data_pct", "data_other_pct",
                       "model_pct", "gap_pp")


def calibration_table(model: Model, scenario: Any, dataset: Any) -> pd.DataFrame:
    """One row per (mineral, importer with import-source data, source region).

    ``data_pct`` is the share of the importer's imports the data name for the countries of that region;
    ``data_other_pct`` the data's unnamed share ("other countries") the region may supply (0 when every producing
    country of the region is named); ``model_pct`` the model's base-year share; ``gap_pp`` how far the model lies
    outside [data_pct, data_pct + data_other_pct] (0 inside).
    """
    regions = tuple(model.regions)
    cmap = country_map(scenario.document.partners, dataset)
    rows = []
    for mid, market in model.markets.items():
        md = dataset.mineral(mid)
        for k in known_imports(md, regions, cmap, market.production):
            j = k.importer
            col = market.flows[:, j].copy()
            col[j] = 0.0
            imports = col.sum()
            model_pct = 100 * col / imports if imports > 0 else np.zeros(len(regions))
            for i, code in enumerate(regions):
                if i == j:
                    continue
                named = 100 * k.named[i]
                other = 100 * k.other if k.unnamed[i] > 0 else 0.0
                if named == 0 and other == 0 and model_pct[i] < 0.05:
                    continue
                gap = min(0.0, model_pct[i] - named) + max(0.0, model_pct[i] - named - other)
                countries = ", ".join(f"{c} {100 * s:g}%" for c, s in k.countries.items()
                                      if cmap.get(c, "ROW") == code)
                rows.append((mid, regions[j], code, countries, named, other, float(model_pct[i]), float(gap)))
    return pd.DataFrame(rows, columns=list(CALIBRATION_COLUMNS))


def with_every_mineral(scenario: Any, dataset: Any) -> Any:
    """The scenario with every mineral of the dataset added to its minerals (partners, assumptions unchanged)."""
    from workbench.document.scenario import Mineral

    doc = scenario.document
    have = {m.id for m in doc.minerals}
    extra = [Mineral(id=mid, name=md.name) for mid, md in dataset.minerals.items() if mid not in have]
    return scenario.model_copy(update={"document": doc.model_copy(update={"minerals": [*doc.minerals, *extra]})})


def largest_gap(table: pd.DataFrame) -> pd.Series | None:
    """The row with the largest absolute gap (None for an empty table)."""
    if table.empty:
        return None
    return table.loc[table["gap_pp"].abs().idxmax()]
