"""The per-mineral table's China shares against hand-counted tonnes: the share of what each region buys that comes
from China ("From China %" of the results), with and without the agreement's clauses."""

from __future__ import annotations

import pytest

from tests.test_engine_cases import SINGLE, market, model, run


def _row(result, region):
    table = result.mineral_table.set_index("region")
    return table.loc[region]


def test_a_region_supplied_only_by_china_buys_100_percent_from_china():
    result = run(model(market(**SINGLE)), [])
    for region in ("US", "ROW"):
        assert _row(result, region).china_share_pct == pytest.approx(100.0)
        assert _row(result, region).china_share_base_pct == pytest.approx(100.0)


def test_one_tonne_of_four_from_china_is_25_percent():
    # the EU ships 3 t and China 1 t to the US, the US's only purchases
    mk = market([0, 3, 1, 0], [4, 0, 0, 0], flows=[[0, 0, 0, 0], [3, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]])
    result = run(model(mk), [])
    assert _row(result, "US").china_share_base_pct == pytest.approx(25.0)
    assert _row(result, "US").china_share_pct == pytest.approx(25.0)
