"""Stress results at their edges: the chart paths year by year against a hand-solved quota, a test whose market has
no equilibrium, and events the engine cannot model (no market data, outside the horizon) named in the warnings."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.document import ExportRestriction
from workbench.engine import EngineInputError
from workbench.engine.stress_results import STRESS_COLUMNS
from tests.test_engine_cases import P0, SINGLE, market, model
from tests.test_engine_stress import stress

US, EU, CN, ROW = range(4)


def _quota(share=0.5, start=2027, duration=2, mineral="ore", **kw):
    return ExportRestriction(id="q", title="quota", supplier="CN", share_withheld=share, targets="partners",
                             target_partners=["US"], mineral=mineral, start_year=start, duration_years=duration, **kw)


def test_chart_paths_show_the_hand_solved_quota_only_in_the_years_it_is_in_force():
    # CN produces 2 t, the US and ROW each consume 1 t, one source each (tests/test_engine_cases.py SINGLE);
    # withholding half the US's shipments in 2027-2028 halves what it gets and doubles its price (eta = -1)
    mdl = model(market(**SINGLE, horizon=4), horizon=4)
    t = stress(mdl, [_quota()]).test("q")
    p = t.paths
    assert len(p) == 4 * 4
    assert p.year.tolist() == [y for y in (2026, 2027, 2028, 2029) for _ in range(4)]
    assert p.region.tolist() == ["US", "EU", "CN", "ROW"] * 4
    us = p[p.region == "US"].set_index("year")
    assert us.active.tolist() == [False, True, True, False]
    assert us.consumer_price_baseline.tolist() == [P0] * 4
    assert us.consumer_price_without.to_numpy() == pytest.approx([P0, 2 * P0, 2 * P0, P0], rel=1e-9)
    assert us.consumption_baseline.tolist() == [1.0] * 4
    assert us.consumption_without.to_numpy() == pytest.approx([1.0, 0.5, 0.5, 1.0], rel=1e-9)
    # no clauses: the agreement's worlds are the worlds without it, and nothing is released
    assert us.consumer_price_with.to_numpy() == pytest.approx(us.consumer_price_without.to_numpy(), rel=1e-9)
    assert us.consumer_price_with_calm.to_numpy() == pytest.approx([P0] * 4, rel=1e-9)
    assert us.consumption_with_calm.to_numpy() == pytest.approx([1.0] * 4, rel=1e-9)
    assert us.consumption_with.to_numpy() == pytest.approx([1.0, 0.5, 0.5, 1.0], rel=1e-9)
    assert p.released_t.abs().max() == 0
    # CN's producers lose (they sell less to the US), but without clauses the agreement avoids none of it
    assert t.worlds["without"].producer_surplus[1:3, CN].max() < -1.0
    assert t.table.producer_loss_avoided_pv_usd.abs().max() < 1e-9
    # the table reads the years in force only: a 100 % price rise and a 50 % shortfall, 1 t over two years
    assert t.table.at["US", "consumer_price_change_pct_without"] == pytest.approx(100.0, rel=1e-9)
    assert t.table.at["US", "shortfall_t_without"] == pytest.approx(1.0, rel=1e-9)
    assert t.to_json()["years_in_force"] == [2027, 2028]


def test_a_test_whose_market_cannot_clear_says_so_and_shows_no_numbers():
    # demand that does not bend (eta = 0) and a total ban on the US's only supplier: no price clears the US market
    mdl = model(market(**SINGLE, eta=0.0, horizon=4), horizon=4)
    with np.errstate(all="ignore"):
        t = stress(mdl, [_quota(share=1.0)]).test("q")
    assert "the ore market has no equilibrium in 2027" in t.error
    assert "nan" not in t.error.split() and "(no finite price comes near clearing it)" in t.error  # said "nan" before
    assert list(t.table.columns) == list(STRESS_COLUMNS) and t.table.empty
    assert t.paths.empty and t.stock.empty and t.fiscal.empty
    assert t.export_tax_equivalent_pct() == [None] * 4
    data = t.to_json()
    assert data["error"] == t.error and data["regions"] == [] and data["years_in_force"] == [2027, 2028]
    assert "export_tax_equivalent_pct_with" not in data


def test_events_the_engine_cannot_model_are_named_in_the_warnings():
    mdl = model(market(**SINGLE, horizon=4), horizon=4)
    res = stress(mdl, [_quota(mineral="gold")])
    assert res.tests == []
    assert "stress test 'q': no market data for mineral 'gold'; not modelled" in res.warnings
    late = stress(mdl, [_quota(start=2030, duration=2)])
    assert "stress test 'q' is not in force within the horizon 2026-2029 (years 2030-2031)" in late.warnings
    assert late.test("q").table.shortfall_t_without.abs().max() == 0       # modelled, but nothing happens
    last = stress(mdl, [_quota(start=2029, duration=1)])
    assert not any("not in force" in w for w in last.warnings)
    assert last.test("q").to_json()["years_in_force"] == [2029]


def test_a_supplier_or_target_outside_the_model_is_named():
    mdl = model(market(**SINGLE, horizon=4), horizon=4)
    ev = ExportRestriction(id="q", title="quota", supplier="JP", share_withheld=0.5, targets="all", mineral="ore",
                           start_year=2027, duration_years=2)
    with pytest.raises(EngineInputError, match=r"^stress test 'q': 'JP' is not a region of the model "
                                               r"\(US, EU, CN, ROW\)$"):
        stress(mdl, [ev])
    with pytest.raises(EngineInputError, match=r"^stress test 'q'\.target_partners: 'JP' is not a region of the "
                                               r"model$"):
        stress(mdl, [_quota().model_copy(update={"target_partners": ["US", "JP"]})])
