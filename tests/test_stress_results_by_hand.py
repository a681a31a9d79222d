"""The stress-test table, paths, stock, ledger and JSON on hand-made worlds, each figure worked out on paper.

Three regions (US, EU, CN), three years (2026-28) with discount factors 0.5, 0.25, 0.125; the event is in force in
2027-28 only: 2026's prices and quantities are there to be ignored (money is
reckoned over the whole horizon). Baseline consumer price USD 100, 100, 200/t; baseline
consumption (t) US 10, 10, 20; EU 5 a year; CN 2 a year.

Three worlds: without the agreement under the stress (w), with it and calm (c), with it under the stress (s).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.engine.market import MineralMarket, Model
from workbench.engine.stress_events import CompiledStress
from workbench.engine.stress_results import STRESS_COLUMNS, StressResult, StressTestResult, World

REGIONS = ["US", "EU", "CN"]
YEARS = [2026, 2027, 2028]
BASE_PRICE = np.array([100.0, 100.0, 200.0])
D0 = np.array([[10.0, 5.0, 2.0], [10.0, 5.0, 2.0], [20.0, 5.0, 2.0]])


def _hr(us, eu, cn) -> np.ndarray:
    """(H, R) from each region's three years."""
    return np.array([us, eu, cn], float).T


def _world(cp, cons, cs, ps, net, released=None, held=None, ledger=None, stocks=None, wedge=None) -> World:
    zero = np.zeros((3, 3))
    return World(consumer_price=cp, consumption=cons, consumer_surplus=cs, producer_surplus=ps, net=net,
                 ledger=ledger or {}, released=zero if released is None else released,
                 wedge_pct=np.zeros(3) if wedge is None else np.asarray(wedge, float),
                 held=zero if held is None else held, stocks=stocks or {}, production=zero, flows=np.zeros((3, 3, 3)),
                 gov=zero)


def _stock(start, bought, released, replenished, end):
    return {"start": np.array(start, float), "bought": np.array(bought, float), "released": np.array(released, float),
            "replenished": np.array(replenished, float), "end": np.array(end, float)}


WITHOUT = _world(
    cp=_hr([1000, 150, 300], [100, 120, 200], [100, 100, 200]),   # US +50 %, EU (600 + 1,000) / 1,500 in force
    cons=_hr([3, 8, 15], [5, 5, 4], [2, 2, 2]),                  # US 2 + 5 t short of 30; EU 1 t of 10
    cs=_hr([0, -40, -80], [0, 0, 0], [0, 0, 0]),                # US consumers lose 40 x 0.25 + 80 x 0.125 = 20
    ps=_hr([0, 0, 0], [0, 0, 0], [0, -80, -160]),               # CN producers lose 40
    net=np.zeros((3, 3)), wedge=[0.0, 80.0, 60.0])
CALM = _world(
    cp=_hr([100, 110, 220], [100, 100, 200], [100, 100, 200]),
    cons=_hr([10, 10, 20], [5, 5, 5], [2, 2, 2]),
    cs=_hr([0, -4, -8], [0, 0, 0], [0, 0, 0]), ps=np.zeros((3, 3)),
    net=_hr([8, 8, 8], [0, 0, 0], [0, 0, 0]),
    stocks={"buy": _stock([0, 4, 8], [4, 4, 4], [0, 0, 0], [0, 0, 0], [4, 8, 12])})
STRESSED = _world(
    cp=_hr([100, 121, 242], [100, 100, 200], [100, 105, 210]),   # US +10 % on the calm path, +21 % on the baseline
    cons=_hr([1, 9, 18], [5, 5, 5], [2, 1, 2]),                  # US 1 + 2 t short of 30; CN 1 of 4
    cs=_hr([0, -20, -40], [0, 0, 0], [0, 0, 0]),               # 16 x 0.25 + 32 x 0.125 = 8 more lost than calm
    ps=_hr([0, 0, 0], [0, 0, 0], [0, -16, -32]),               # CN producers lose 8 against calm
    net=_hr([8, 16, 32], [0, 0, 0], [0, 0, 0]),                  # PV 12, 5 more than calm
    released=_hr([7, 2, 1], [0, 0.5, 0], [0, 0, 0]),
    held=_hr([100, 4, 0], [0, 1, 0], [0, 0, 0]),                 # held at the start of 2027: US 4 t, EU 1 t
    ledger={("buy", "storage_cost"): _hr([8, 16, 0], [0, 0, 0], [0, 0, 0]),
            ("buy", "stock_release_receipt"): _hr([0, 0, 32], [0, 0, 0], [0, 0, 0])},
    stocks={"buy": _stock([0, 4, 6], [4, 4, 4], [0, 2, 1], [0, 0, 0], [4, 6, 9])},
    wedge=[0.0, 25.0, 10.0])


def _result(kind="export_restriction", full_ban=False, active=(False, True, True), years=YEARS, worlds=None):
    return StressTestResult(
        id="ban", title="A ban", kind=kind, mineral="ore", source_note="by hand", years=list(years),
        regions=REGIONS, region_names={"US": "United States", "EU": "European Union", "CN": "China"},
        active=np.array(active), discount=np.array([0.5, 0.25, 0.125])[:len(years)],
        base_price=BASE_PRICE[:len(years)], base_consumption=D0[:len(years)], full_ban=full_ban,
        worlds=worlds or {"without": WITHOUT, "with_calm": CALM, "with": STRESSED})


def test_the_table_reads_price_changes_over_the_years_in_force():
    t = _result().table
    assert list(t.columns) == list(STRESS_COLUMNS) and list(t.index) == REGIONS
    # US without: (10 x 150 + 20 x 300) / (10 x 100 + 20 x 200) = 7,500 / 5,000; EU: 1,600 / 1,500
    assert t.consumer_price_change_pct_without.tolist() == pytest.approx([50.0, 100 / 15, 0.0])
    # with, on its own calm path: US 121 / 110 and 242 / 220 (+10 %), CN 105 / 100 and 210 / 200 (+5 %)
    assert t.consumer_price_change_pct_with.tolist() == pytest.approx([10.0, 0.0, 5.0])
    # and on the baseline: US (10 x 121 + 20 x 242) / 5,000 = +21 %
    assert t.consumer_price_vs_baseline_pct_with.tolist() == pytest.approx([21.0, 0.0, 5.0])


def test_the_table_reads_shortfalls_releases_and_cover():
    t = _result().table
    assert t.shortfall_t_without.tolist() == pytest.approx([7.0, 1.0, 0.0])
    assert t.shortfall_pct_without.tolist() == pytest.approx([700 / 30, 10.0, 0.0])
    assert t.shortfall_t_with.tolist() == pytest.approx([3.0, 0.0, 1.0])
    assert t.shortfall_pct_with.tolist() == pytest.approx([10.0, 0.0, 25.0])
    assert t.released_t_with.tolist() == pytest.approx([3.0, 0.5, 0.0])
    # stock held when the event starts (2027) over that year's daily consumption: US 4 t / (10 / 365), EU 1 / (5 / 365)
    assert t.days_of_cover_with.tolist() == pytest.approx([146.0, 73.0, 0.0])


def test_the_table_reads_money_in_present_values():
    t = _result().table
    assert t.fiscal_cost_pv_usd_with.tolist() == pytest.approx([12.0, 0.0, 0.0])
    assert t.fiscal_cost_change_pv_usd.tolist() == pytest.approx([5.0, 0.0, 0.0])
    assert t.consumer_loss_pv_usd_without.tolist() == pytest.approx([20.0, 0.0, 0.0])
    assert t.consumer_loss_pv_usd_with.tolist() == pytest.approx([8.0, 0.0, 0.0])
    assert t.security_value_pv_usd.tolist() == pytest.approx([12.0, 0.0, 0.0])
    # CN's producers lose 40 without the agreement and 8 with it: 32 avoided
    assert t.producer_loss_avoided_pv_usd.tolist() == pytest.approx([0.0, 0.0, 32.0])


def test_an_event_never_in_force_changes_nothing_in_the_table():
    t = _result(active=(False, False, False)).table
    for column in ("consumer_price_change_pct_without", "consumer_price_change_pct_with", "shortfall_t_without",
                   "released_t_with", "days_of_cover_with"):
        assert t[column].tolist() == [0.0, 0.0, 0.0], column
    # a one-year horizon with the event outside it: the cover is read in that one year, and is none
    one = {name: World(**{f: (v[:1] if isinstance(v, np.ndarray) else v) for f, v in vars(w).items()})
           for name, w in {"without": WITHOUT, "with_calm": CALM, "with": STRESSED}.items()}
    assert _result(active=(False,), years=[2026], worlds=one).table.days_of_cover_with.tolist() == [0.0] * 3


def test_the_chart_paths_year_by_year():
    p = _result().paths
    assert list(p.columns) == ["year", "region", "active", "consumer_price_baseline", "consumer_price_without",
                               "consumer_price_with_calm", "consumer_price_with", "consumption_baseline",
                               "consumption_without", "consumption_with_calm", "consumption_with", "released_t"]
    us = p[p.region == "US"].set_index("year")
    assert us.active.tolist() == [False, True, True]
    assert us.consumer_price_baseline.tolist() == [100.0, 100.0, 200.0]
    assert us.consumer_price_with.tolist() == [100.0, 121.0, 242.0]
    assert us.consumption_baseline.tolist() == [10.0, 10.0, 20.0] and us.consumption_without.tolist() == [3, 8, 15]
    assert us.released_t.tolist() == [7.0, 2.0, 1.0]


def test_the_stock_table_beside_the_calm_stock():
    s = _result().stock
    assert [tuple(row) for row in s.itertuples(index=False)] == [
        (2026, "buy", 0.0, 4.0, 0.0, 0.0, 4.0, 4.0), (2027, "buy", 4.0, 4.0, 2.0, 0.0, 6.0, 8.0),
        (2028, "buy", 6.0, 4.0, 1.0, 0.0, 9.0, 12.0)]
    without_stock = _result(worlds={"without": WITHOUT, "with_calm": CALM, "with": WITHOUT})
    assert without_stock.stock.empty and list(without_stock.stock.columns) == list(s.columns)


def test_the_ledger_under_the_stress_lists_its_non_zero_amounts():
    f = _result().fiscal
    assert [tuple(row) for row in f.itertuples(index=False)] == [
        (2028, "US", "buy", "stock_release_receipt", 32.0),
        (2026, "US", "buy", "storage_cost", 8.0), (2027, "US", "buy", "storage_cost", 16.0)]


def test_the_export_tax_equivalent_is_blank_in_the_years_a_total_ban_is_in_force():
    assert _result().export_tax_equivalent_pct() == [0.0, 25.0, 10.0]
    assert _result().export_tax_equivalent_pct("without") == [0.0, 80.0, 60.0]
    assert _result(full_ban=True).export_tax_equivalent_pct() == [0.0, None, None]


def test_the_json_of_a_test():
    data = _result().to_json()
    assert (data["id"], data["kind"], data["years_in_force"]) == ("ban", "export_restriction", [2027, 2028])
    us = data["regions"][0]
    assert us["region"] == "US" and us["name"] == "United States" and us["security_value_pv_usd"] == pytest.approx(12)
    assert data["export_tax_equivalent_pct_with"] == [0.0, 25.0, 10.0]
    assert data["export_tax_equivalent_pct_without"] == [0.0, 80.0, 60.0]
    assert len(data["stock"]) == 3 and "error" not in data
    assert "export_tax_equivalent_pct_with" not in _result(kind="supply_outage").to_json()


def test_json_numbers_have_no_signed_zero_and_no_infinity():
    data = _result().to_json()
    cn = data["regions"][2]
    # nobody in the EU or CN loses anything: -(PV 0.0) is -0.0, which JSON would print as "-0.0"
    assert cn["consumer_loss_pv_usd_without"] == 0.0 and math.copysign(1.0, cn["consumer_loss_pv_usd_without"]) == 1.0
    infinite = _result(worlds={"without": WITHOUT, "with_calm": CALM,
                               "with": World(**{**vars(STRESSED), "net": np.full((3, 3), np.inf)})})
    assert infinite.to_json()["regions"][0]["fiscal_cost_pv_usd_with"] is None


def test_a_stress_result_finds_its_tests_by_id():
    res = StressResult(tests=[_result()], warnings=["w"])
    assert res.test("ban").id == "ban"
    with pytest.raises(KeyError):
        res.test("other")
    assert res.to_json()["warnings"] == ["w"] and res.to_json()["tests"][0]["id"] == "ban"


def _model(growth=0.1, discount=0.05):
    market = MineralMarket(
        mineral="ore", name="Ore", price=100.0, production=np.array([0.0, 0.0, 17.0]),
        consumption=np.array([10.0, 5.0, 2.0]), flows=np.array([[0.0] * 3, [0.0] * 3, [10.0, 5.0, 2.0]]),
        supply_elasticity=np.ones(3), demand_elasticity=-np.ones(3), armington=5.0, demand_growth=growth,
        price_index=np.array([1.0, 1.5, 2.0]), volatility=0.3, mean_reversion=0.5)
    return Model(regions=tuple(REGIONS), region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025,
                 horizon=3, discount_rate=discount, usd_per={}, markets={"ore": market})


def _event(kind="export_restriction", share=0.5):
    return CompiledStress("ban", "A ban", kind, "ore", "note", np.array([False, True, True]), 2,
                          np.array([True, True, False]), share, 0.0)


def test_build_grows_the_baseline_and_discounts_from_the_first_year():
    t = StressTestResult.build(_event(), _model(), WITHOUT, CALM, STRESSED)
    # consumption grows 10 % a year from the base year, prices follow the price index, money is discounted at 5 %
    assert t.base_consumption[:, 0] == pytest.approx([11.0, 12.1, 13.31])
    assert t.base_price.tolist() == [100.0, 150.0, 200.0]
    assert t.discount == pytest.approx([1 / 1.05, 1 / 1.05 ** 2, 1 / 1.05 ** 3])
    assert (t.years, t.regions, t.active.tolist(), t.full_ban) == (YEARS, REGIONS, [False, True, True], False)
    shrinking = StressTestResult.build(_event(), _model(growth=-0.1), WITHOUT, CALM, STRESSED)
    assert shrinking.base_consumption[:, 0] == pytest.approx([9.0, 8.1, 7.29])


def test_build_calls_only_a_complete_export_restriction_a_full_ban():
    def ban(kind, share):
        return StressTestResult.build(_event(kind, share), _model(), WITHOUT, CALM, STRESSED).full_ban

    assert ban("export_restriction", 1.0) and ban("export_restriction", 1.0 - 1e-9)
    assert not ban("export_restriction", 1.0 - 1e-8)
    assert not ban("supply_outage", 1.0)
