"""The fiscal ledger booked by hand: levies, tariff revenue, price-gap and CfD payments and rebates, purchases.

No market is solved: the clauses are compiled on a small model and booked against market prices and trade written
by hand, for three years (2026-28) and two variants of each year (v0, v1), in four regions (US, EU, JP, CN). Every
clause shares costs under the ``own`` rule: a party pays (or keeps) what arises at home, and what arises outside the
parties is split equally among them. Amounts are USD, + = outlay, - = receipt.

Salt (USD/t; the same each year): exporters' prices US 10, EU 10, JP 12, CN 8 (v0) or 16 (v1); trade (t a year)
CN->US 2, CN->EU 3, CN->JP 1, JP->US 1, US->JP 4.

Ore (USD/t): exporters' prices US 100 (v0) or 130 (v1) in 2026-27 and 200 in 2028; CN 80 (v0) or 120 (v1) in 2026-27
and 80 in 2028; EU and JP 100. Trade CN->US 2, CN->EU 1, US->US 3, CN->CN 1; output US 3, CN 9 t a year.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from workbench.document import (
    BorderFloorClause, CfdClause, CostSharing, Price, PriceGapSubsidyClause, PurchaseClause, TariffClause, Volume,
)
from workbench.engine.cases import prepare
from workbench.engine.instruments import compile_clauses
from workbench.engine.ledger import market_ledger, purchase_ledger
from workbench.engine.market import MineralMarket, Model
from workbench.engine.support import per_unit_support

REGIONS = ("US", "EU", "JP", "CN")
US, EU, JP, CN = range(4)
ORE, SALT = 0, 1


def _market(mineral, price, flows):
    flows = np.array(flows, float)
    return MineralMarket(
        mineral=mineral, name=mineral, price=price, production=flows.sum(axis=1), consumption=flows.sum(axis=0),
        flows=flows, supply_elasticity=np.ones(4), demand_elasticity=-np.ones(4), armington=5.0, demand_growth=0.0,
        price_index=np.ones(3), volatility=0.3, mean_reversion=0.5)


MODEL = Model(
    regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU", "JP"), base_year=2025, horizon=3,
    discount_rate=0.0, usd_per={},
    # base-year output: ore US 2, CN 8 (so a CfD volume splits 2 : 8); salt US 4, JP 1, CN 6
    markets={"ore": _market("ore", 100.0, [[2, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [2, 2, 2, 2]]),
             "salt": _market("salt", 10.0, [[0, 0, 4, 0], [0, 0, 0, 0], [1, 0, 0, 0], [2, 3, 1, 0]])})


def _common(cid, mineral, parties, start=2026, years=3):
    return dict(id=cid, title=cid, mineral=mineral, parties=list(parties), start_year=start, duration_years=years,
                proposed_by=parties[0], cost_sharing=CostSharing(rule="own"))


def _per_t(amount):
    return Price(amount=amount, per="t")


CLAUSES = [
    # salt floors: USD 15 into the US and the EU in 2026-27; USD 20 into Japan; USD 12 into the US and the EU, which
    # binds only in 2028 once the higher floor has lapsed; a floor on ore that starts after the horizon
    BorderFloorClause(floor_price=_per_t(15.0), **_common("floor-15", "salt", ("US", "EU"), years=2)),
    BorderFloorClause(floor_price=_per_t(20.0), **_common("floor-20", "salt", ("JP",))),
    BorderFloorClause(floor_price=_per_t(12.0), **_common("floor-12", "salt", ("US", "EU"))),
    BorderFloorClause(floor_price=_per_t(500.0), **_common("floor-late", "ore", ("US",), start=2030)),
    # a 50 % EU tariff on Chinese salt (the EU floor's levy is on the duty-paid price); 25 % on Chinese ore in
    # 2026-27 into the US and the EU
    TariffClause(rate=0.5, exporters=["CN"], **_common("salt-tariff", "salt", ("EU",))),
    TariffClause(rate=0.25, exporters=["CN"], **_common("ore-tariff", "ore", ("US", "EU"), years=2)),
    # price gaps to US ore producers: F = 120 with half the upside clawed back, on all output or capped at 2 t
    PriceGapSubsidyClause(floor_price=_per_t(120.0), upside_share=0.5, eligible_producers=["US"],
                          **_common("gap", "ore", ("US", "EU"))),
    PriceGapSubsidyClause(floor_price=_per_t(120.0), upside_share=0.5, eligible_producers=["US"],
                          volume_cap=Volume(amount=2.0), **_common("gap-capped", "ore", ("US", "EU"))),
    # a CfD on 10 t a year, split by base output: 2 t to the US, 8 t to CN (not a party): strike 150, rebate above 180
    CfdClause(strike_price=_per_t(150.0), rebate_threshold=_per_t(180.0), clawback_share=1.0,
              volume_basis="fixed_volume", contracted_volume=Volume(amount=10.0), eligible_producers=["US", "CN"],
              **_common("cfd", "ore", ("US", "EU"))),
]


def _hbr(**regions) -> np.ndarray:
    """(H, B, R) amounts from {region: [(v0, v1) for 2026, 2027, 2028]}."""
    a = np.zeros((3, 2, 4))
    for code, years in regions.items():
        a[:, :, REGIONS.index(code)] = years
    return a


def _outcome(export_wedge=None):
    price = np.zeros((2, 3, 2, 4))
    price[SALT] = [10.0, 10.0, 12.0, 8.0]
    price[SALT, :, 1, CN] = 16.0
    price[ORE] = 100.0
    price[ORE, :2, :, US] = [100.0, 130.0]
    price[ORE, 2, :, US] = 200.0
    price[ORE, :, :, CN] = 80.0
    price[ORE, :2, 1, CN] = 120.0
    flows = np.zeros((2, 3, 2, 4, 4))
    for (i, j), tonnes in {(CN, US): 2, (CN, EU): 3, (CN, JP): 1, (JP, US): 1, (US, JP): 4}.items():
        flows[SALT, :, :, i, j] = tonnes
    for (i, j), tonnes in {(CN, US): 2, (CN, EU): 1, (US, US): 3, (CN, CN): 1}.items():
        flows[ORE, :, :, i, j] = tonnes
    production = np.zeros((2, 3, 2, 4))
    production[ORE, :, :, US], production[ORE, :, :, CN] = 3.0, 9.0
    return SimpleNamespace(exporter_price=price, flows=flows, production=production, export_wedge=export_wedge)


def _book(clauses=CLAUSES, outcome=None):
    comps, _ = compile_clauses(MODEL, clauses)
    return market_ledger(prepare(MODEL, ["ore", "salt"], comps), outcome or _outcome())


def test_levies_are_booked_at_the_importer_each_year_the_floor_binds():
    ledger = _book()
    # USD 15 into the US: from CN (15 - 8) x 2 = 14 and from JP (15 - 12) x 1 = 3; at 16 CN is above the floor.
    # Into the EU on the duty-paid price 8 x 1.5 = 12: (15 - 12) x 3 = 9; at 16 x 1.5 nothing. Lapses after 2027.
    assert ledger[("floor-15", "levy_revenue")] == pytest.approx(
        _hbr(US=[(-17, -3), (-17, -3), (0, 0)], EU=[(-9, 0), (-9, 0), (0, 0)]))
    # USD 20 into Japan: from the US (20 - 10) x 4 = 40, from CN (20 - 8) x 1 = 12, or (20 - 16) x 1 = 4
    assert ledger[("floor-20", "levy_revenue")] == pytest.approx(_hbr(JP=[(-52, -44)] * 3))
    # USD 12 binds in 2028 only: into the US from CN (12 - 8) x 2 = 8 (JP's 12 is no gap); the EU's duty-paid 12 none
    assert ledger[("floor-12", "levy_revenue")] == pytest.approx(_hbr(US=[(0, 0), (0, 0), (-8, 0)]))
    assert ledger[("floor-late", "levy_revenue")] == pytest.approx(np.zeros((3, 2, 4)))


def test_tariff_revenue_is_the_rate_on_the_fob_value_of_covered_imports():
    ledger = _book()
    # salt: 0.5 x 8 x 3 t = 12 (v0) or 0.5 x 16 x 3 = 24 at the EU; ore: 0.25 x 80 x 2 = 40 at the US and
    # 0.25 x 80 x 1 = 20 at the EU (v0), at 120 a tonne 60 and 30 (v1), in 2026-27; CN's own ore is never taxed
    assert ledger[("salt-tariff", "tariff_revenue")] == pytest.approx(_hbr(EU=[(-12, -24)] * 3))
    assert ledger[("ore-tariff", "tariff_revenue")] == pytest.approx(
        _hbr(US=[(-40, -60), (-40, -60), (0, 0)], EU=[(-20, -30), (-20, -30), (0, 0)]))


def test_an_export_subsidy_lowers_the_fob_price_levies_and_duties_are_reckoned_on():
    wedge = np.ones((2, 3, 2, 4, 4))
    wedge[SALT, :, :, CN, JP] = 0.5     # CN's salt reaches Japan at half its home price
    wedge[ORE, :, :, CN, US] = 0.5      # and its ore the US
    ledger = _book(outcome=_outcome(wedge))
    # Japan's levy on CN salt: (20 - 8 x 0.5) x 1 = 16 (v0), (20 - 8) x 1 = 12 (v1), beside 40 on US salt
    assert ledger[("floor-20", "levy_revenue")] == pytest.approx(_hbr(JP=[(-56, -52)] * 3))
    # the US duty on CN ore: 0.25 x 40 x 2 = 20 or 0.25 x 60 x 2 = 30; the EU's is unchanged
    assert ledger[("ore-tariff", "tariff_revenue")] == pytest.approx(
        _hbr(US=[(-20, -30), (-20, -30), (0, 0)], EU=[(-20, -30), (-20, -30), (0, 0)]))


def test_price_gap_payments_on_output_and_on_capped_output():
    ledger = _book()
    # US ore at 100: (120 - 100) = 20 a tonne; at 130: -0.5 x 10 = -5; at 200: -0.5 x 80 = -40. Output 3 t, cap 2 t.
    assert ledger[("gap", "subsidy_payment")] == pytest.approx(_hbr(US=[(60, -15), (60, -15), (-120, -120)]))
    assert ledger[("gap-capped", "subsidy_payment")] == pytest.approx(_hbr(US=[(40, -10), (40, -10), (-80, -80)]))
    # the producers' side of the same payments, by producing region, before anyone shares the cost
    assert ledger[("gap", "_producers")] == pytest.approx(_hbr(US=[(60, -15), (60, -15), (-120, -120)]))


def test_cfd_payments_and_rebates_split_under_the_own_rule():
    ledger = _book()
    # per tonne: the US 150 - 100 = 50, 150 - 130 = 20, in 2028 -(200 - 180) = -20; CN 150 - 80 = 70, 150 - 120 = 30.
    # On 2 t (US) and 8 t (CN): US 100, 40, -40; CN 560, 240, 560. CN is no party: the US and the EU pay half each.
    assert ledger[("cfd", "_producers")] == pytest.approx(
        _hbr(US=[(100, 40), (100, 40), (-40, -40)], CN=[(560, 240), (560, 240), (560, 560)]))
    assert ledger[("cfd", "cfd_payment")] == pytest.approx(
        _hbr(US=[(380, 160), (380, 160), (280, 280)], EU=[(280, 120), (280, 120), (280, 280)]))
    assert ledger[("cfd", "cfd_rebate")] == pytest.approx(_hbr(US=[(0, 0), (0, 0), (-40, -40)]))


def test_a_clause_outside_its_years_books_nothing():
    late = TariffClause(rate=0.25, exporters=["CN"], **_common("late", "ore", ("US",), start=2028, years=1))
    ledger = _book([late])
    assert ledger[("late", "tariff_revenue")] == pytest.approx(_hbr(US=[(0, 0), (0, 0), (-40, -40)]))


def test_the_per_unit_support_formula_and_its_slope():
    # max(0, F - p) - share x max(0, p - C), and its derivative in p, on either side of F and C (F = 100, C = 120)
    price = np.array([80.0, 100.0, 110.0, 120.0, 150.0])
    support, slope = per_unit_support(price, 100.0, 120.0, 0.5, slope=True)
    assert support.tolist() == [20.0, 0.0, 0.0, 0.0, -15.0]
    assert slope.tolist() == [-1.0, 0.0, 0.0, 0.0, -0.5]
    assert per_unit_support(price, 100.0, 120.0, 0.5).tolist() == support.tolist()
    assert per_unit_support(np.array([99.5, 120.5]), 100.0, 120.0, 0.5, slope=True)[1].tolist() == [-1.0, -0.5]


# ---- purchases ------------------------------------------------------------------------------------------------------

PURCHASES = [
    # 5 t of salt a year at an agreed USD 30, from the US and CN by base output (2 t and 3 t), storage 10 % a year
    PurchaseClause(annual_volume=Volume(amount=5.0), agreed_price=_per_t(30.0), sources=["US", "CN"],
                   storage_cost_rate=0.1, **_common("buy", "salt", ("US", "EU"))),
    # 1 t of Chinese ore a year at the market price plus 10 %, in 2027-28, no storage cost
    PurchaseClause(annual_volume=Volume(amount=1.0), price_basis="market_plus_premium", premium_share=0.1,
                   sources=["CN"], storage_cost_rate=0.0, **_common("market", "ore", ("US", "EU"), start=2027,
                                                                     years=2)),
]


def _purchases(premiums=True):
    comps, _ = compile_clauses(MODEL, PURCHASES + [CLAUSES[0]])
    price = _outcome().exporter_price
    base = np.stack([np.full((3, 2), 100.0), np.full((3, 2), 10.0)])   # the baseline reference prices
    frac = {"buy": np.array([[1.0, 0.5]] * 3)}                          # v1: the budget buys half
    return purchase_ledger(price, comps, frac, base, premiums=premiums)


def test_purchase_outlays_storage_and_end_value():
    flows, stock_end, _ = _purchases()
    assert set(flows) == {(cid, inst) for cid in ("buy", "market")
                          for inst in ("purchase_outlay", "storage_cost", "stock_end_value")}
    # salt at USD 30: 5 t = 150 a year, or 75 when the budget buys half
    assert flows[("buy", "purchase_outlay")].tolist() == [[150, 75]] * 3
    # the stock (5, 10, 15 t or half) valued at the lower of the sources' price and the baseline (USD 10):
    # v0: (2 x 10 + 3 x 8) / 5 = 8.8; v1: (2 x 10 + 3 x 16) / 5 = 13.6, so 10. Storage 10 % of that each year.
    assert flows[("buy", "storage_cost")] == pytest.approx(np.array([[4.4, 2.5], [8.8, 5.0], [13.2, 7.5]]))
    assert flows[("buy", "stock_end_value")] == pytest.approx(np.array([[0, 0], [0, 0], [-132.0, -75.0]]))
    assert stock_end["buy"].tolist() == [15.0, 7.5]
    # ore at 1.1 x CN's price from 2027: 88 (v0) or 132 (v1) in 2027, 88 in 2028; 2 t held at 80 in the end
    assert flows[("market", "purchase_outlay")] == pytest.approx(np.array([[0, 0], [88.0, 132.0], [88.0, 88.0]]))
    assert flows[("market", "storage_cost")].tolist() == [[0, 0]] * 3
    assert flows[("market", "stock_end_value")] == pytest.approx(np.array([[0, 0], [0, 0], [-160.0, -160.0]]))
    assert stock_end["market"].tolist() == [2.0, 2.0]


def test_purchase_premiums_are_what_sellers_get_above_their_market_price():
    _, _, premium = _purchases()
    # salt at 30 against the US's 10 (on 2 t) and CN's 8 or 16 (on 3 t, half of both in v1)
    assert premium["buy"] == pytest.approx(_hbr(US=[(40, 20)] * 3, CN=[(66, 21)] * 3))
    # 10 % over CN's ore price on 1 t: 8 or 12 in 2027, 8 in 2028
    assert premium["market"] == pytest.approx(_hbr(CN=[(0, 0), (8, 12), (8, 8)]))
    assert _purchases(premiums=False)[2] == {}
