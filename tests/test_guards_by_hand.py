"""Each validity guard on a hand-made run, pinned from both sides of its threshold.

No market is solved: the guards read arrays (prices, baseline quantities, output, the fiscal ledger), so each test
writes the arrays a negotiator would see and checks which warning the guards raise and what it says. One ore market
of three regions over two years (2026, 2027), baseline price P0 = USD 1,000/t (tonnes a year):

    region        US  EU  CN
    production     2   0   8      world output 10 t
    consumption    4   4   2
    imports        2   4   0      (US buys 2 t from CN, EU 4 t; CN sells 2 t at home)
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.document import (
    BorderFloorClause, CfdClause, CostSharing, Price, PriceGapSubsidyClause, PurchaseClause, TariffClause, Volume,
)
from workbench.engine.guards import ModelWarning, sign_flags, validity_warnings
from workbench.engine.instruments import compile_clauses
from workbench.engine.market import MineralMarket, Model

REGIONS = ("US", "EU", "CN")
P0 = 1000.0
PRODUCTION = np.array([2.0, 0.0, 8.0])
CONSUMPTION = np.array([4.0, 4.0, 2.0])
FLOWS = np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0], [2.0, 4.0, 2.0]])


def _model(volatility=0.3) -> Model:
    market = MineralMarket(
        mineral="ore", name="Ore", price=P0, production=PRODUCTION, consumption=CONSUMPTION, flows=FLOWS,
        supply_elasticity=np.ones(3), demand_elasticity=-np.ones(3), armington=5.0, demand_growth=0.0,
        price_index=np.ones(2), volatility=volatility, mean_reversion=0.5)
    return Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025,
                 horizon=2, discount_rate=0.0, usd_per={}, markets={"ore": market})


def _common(cid, **kw):
    base = dict(id=cid, title=cid, mineral="ore", parties=["US", "EU"], start_year=2026, duration_years=2,
                proposed_by="US", cost_sharing=CostSharing(rule="own"))
    base.update(kw)
    return base


def tariff(**kw):
    return TariffClause(rate=0.25, exporters=["CN"], **_common("tariff", **kw))


def floor(amount=1300.0, **kw):
    return BorderFloorClause(floor_price=Price(amount=amount, per="t"), **_common("floor", **kw))


def buy(volume, price=900.0, sources=("US", "CN"), **kw):
    return PurchaseClause(annual_volume=Volume(amount=volume), agreed_price=Price(amount=price, per="t"),
                          sources=list(sources), storage_cost_rate=0.0, **_common("buy", **kw))


def buy_at_market(volume):
    return PurchaseClause(annual_volume=Volume(amount=volume), price_basis="market_plus_premium", premium_share=0.05,
                          sources=["CN"], storage_cost_rate=0.0, **_common("buy"))


def cfd(volume, **kw):
    return CfdClause(strike_price=Price(amount=1500.0, per="t"), rebate_threshold=Price(amount=1600.0, per="t"),
                     volume_basis="fixed_volume", contracted_volume=Volume(amount=volume), eligible_producers=["US"],
                     **_common("cfd", **kw))


def warnings(clauses, model=None, *, price=None, index=None, base_price=None, production=None, supply=None,
             ledger=(), frac=None, consumption=CONSUMPTION) -> list[ModelWarning]:
    """The guards on a run where, unless told otherwise, every price is the baseline and output is the base."""
    mdl = model or _model()
    comps, _ = compile_clauses(mdl, list(clauses))
    full = np.full((1, 2, 3), P0)
    base_production = np.broadcast_to(PRODUCTION, (1, 2, 3)).copy()
    return validity_warnings(
        mdl, comps, price=full if price is None else price, index=full if index is None else index,
        base_price=np.full((1, 2), P0) if base_price is None else base_price,
        production=base_production if production is None else production,
        consumption=np.broadcast_to(consumption, (1, 2, 3)).copy(), base_flows=np.broadcast_to(FLOWS, (1, 2, 3, 3)),
        supply=base_production if supply is None else supply, ledger=list(ledger), frac=frac or {})


def one(found, code):
    [w] = [w for w in found if w.code == code]
    return w


def codes(found):
    return [w.code for w in found]


def prices(year, region, factor, *, consumer=False):
    """Baseline prices everywhere but one: ``factor`` x P0 for ``region`` in ``year`` (producer or consumer)."""
    a = np.full((1, 2, 3), P0)
    a[0, year - 2026, REGIONS.index(region)] = factor * P0
    return {"index" if consumer else "price": a}


# ---- price band: 0.5x to 2x the baseline ---------------------------------------------------------------------------

@pytest.mark.parametrize("factor", [2.0, 0.5])
def test_a_price_exactly_at_either_end_of_the_band_is_trusted(factor):
    assert warnings([tariff()], **prices(2027, "CN", factor)) == []
    assert warnings([tariff()], **prices(2027, "EU", factor, consumer=True)) == []


def test_a_producer_price_just_above_twice_the_baseline_is_flagged_with_its_year_and_side():
    w = one(warnings([tariff()], **prices(2027, "CN", 2.01)), "price_band")
    assert (w.clause_id, w.mineral, w.year, w.unit) == ("tariff", "ore", 2027, "x baseline price")
    assert w.figure == pytest.approx(2.01)
    assert w == ("clause 'tariff': the ore producer price reaches 2.01x the baseline in 2027, outside the 0.5x-2x "
                 "band where the constant elasticities are trusted; the figures extrapolate")
    assert w.short() == "tariff: price 2.01x the baseline (2027)"
    assert w.short("Tariff on CN") == "Tariff on CN: price 2.01x the baseline (2027)"


def test_a_price_just_below_half_the_baseline_is_flagged():
    w = one(warnings([tariff()], **prices(2026, "US", 0.49)), "price_band")
    assert (w.year, w.figure) == (2026, pytest.approx(0.49)) and "producer price reaches 0.49x" in w


def test_the_first_regions_consumer_price_is_a_consumer_price():
    # consumers' composite prices follow the producers' in the guard's table: the US's is the first of them
    w = one(warnings([tariff()], **prices(2026, "US", 2.5, consumer=True)), "price_band")
    assert "the ore consumer price reaches 2.50x" in w and w.figure == pytest.approx(2.5)


def test_the_worse_of_two_prices_beyond_the_band_is_the_one_reported():
    price = np.full((1, 2, 3), P0)
    price[0, 0, 2] = 0.4 * P0     # 2026: CN at 0.4x, 1.25 times beyond the lower end
    price[0, 1, 2] = 3.0 * P0     # 2027: CN at 3x, 1.5 times beyond the upper end
    w = one(warnings([tariff()], price=price), "price_band")
    assert (w.year, w.figure) == (2027, pytest.approx(3.0))


def test_a_region_that_neither_makes_nor_buys_the_mineral_has_no_price_to_flag():
    # EU mines nothing (its producer price is no market price); a region with no consumption has no consumer price
    assert warnings([tariff()], **prices(2026, "EU", 5.0)) == []
    consumption_free = np.full((1, 2, 3), P0)
    consumption_free[0, 0, 1] = 5.0 * P0
    mdl = _model()
    comps, _ = compile_clauses(mdl, [tariff()])
    found = validity_warnings(mdl, comps, price=np.full((1, 2, 3), P0), index=consumption_free,
                              base_price=np.full((1, 2), P0), production=np.broadcast_to(PRODUCTION, (1, 2, 3)),
                              consumption=np.broadcast_to([4.0, 0.0, 2.0], (1, 2, 3)),
                              base_flows=np.broadcast_to(FLOWS, (1, 2, 3, 3)), supply=np.ones((1, 2, 3)), ledger=[],
                              frac={})
    assert found == []


def test_small_producers_and_consumers_are_still_watched():
    # tonnages under one tonne count as much as big ones: a 0.5 t producer at 3x the baseline is flagged
    production = np.broadcast_to([0.5, 0.0, 8.0], (1, 2, 3)).copy()
    assert codes(warnings([tariff()], production=production, **prices(2026, "US", 3.0))) == ["price_band"]
    assert codes(warnings([tariff()], consumption=[0.5, 4.0, 2.0], **prices(2026, "US", 3.0, consumer=True))) == [
        "price_band"]


def test_a_clause_is_watched_only_in_the_years_it_is_in_force():
    late = tariff(start_year=2027, duration_years=1)
    assert warnings([late], **prices(2026, "CN", 3.0)) == []
    assert one(warnings([late], **prices(2027, "CN", 3.0)), "price_band").year == 2027
    assert warnings([tariff(start_year=2030, duration_years=1)], **prices(2026, "CN", 3.0)) == []


# ---- purchases: 20 % of world output, a source's output, the agreed price -------------------------------------------

def test_a_purchase_of_exactly_a_fifth_of_world_output_is_trusted_and_one_tonne_more_is_not():
    # 2 t of the world's 10 t is the 20 % limit; bought at USD 900/t, 10 % below the market
    assert codes(warnings([buy(2.0)])) == ["below_market"]
    assert one(warnings([buy(2.01)]), "purchase_share").figure == pytest.approx(0.201)
    w = one(warnings([buy(7.0)]), "purchase_share")
    assert (w.clause_id, w.year, w.unit, w.figure) == ("buy", 2026, "share of world output", pytest.approx(0.7))
    assert w == ("clause 'buy' buys 7 t of ore in 2026, 70% of world output (10 t), above the 20% a stockpile can "
                 "take without the model extrapolating")
    assert w.short() == "buy: buys 70% of world output (2026)"


def test_a_budget_cap_that_halves_the_first_years_purchase_moves_the_warning_to_the_second_year():
    w = one(warnings([buy(3.0)], frac={"buy": np.array([[0.5], [1.0]])}), "purchase_share")
    assert (w.year, w.figure) == (2027, pytest.approx(0.3))
    assert codes(warnings([buy(3.0)], frac={"buy": np.array([[0.5], [0.5]])})) == ["below_market"]  # 1.5 t: 15 %


def test_buying_more_than_a_source_makes_is_flagged_and_buying_all_of_it_is_not():
    # 1.5 t split 2 : 8 buys 0.3 t from the US and 1.2 t from CN; in 2027 the US makes only 0.3 t, then 0.2 t
    production = np.broadcast_to(PRODUCTION, (1, 2, 3)).copy()
    production[0, 1] = [0.3, 0.0, 9.7]
    assert codes(warnings([buy(1.5)], production=production)) == ["below_market"]
    production[0, 1] = [0.2, 0.0, 9.8]
    w = one(warnings([buy(1.5)], production=production), "purchase_share")
    assert (w.year, w.unit, w.figure) == (2027, "share of the source's output", pytest.approx(1.5))
    assert w == "clause 'buy' buys 0 t of ore a year from US, more than its base output (0 t) in 2027"
    assert w.short() == "buy: buys 1.5x a source's output (2027)"


def test_a_source_whose_output_falls_to_nothing_is_flagged_as_infinitely_over_bought():
    production = np.broadcast_to(PRODUCTION, (1, 2, 3)).copy()
    production[0, 1] = [0.0, 0.0, 10.0]
    w = one(warnings([buy(1.5)], production=production), "purchase_share")
    assert w.year == 2027 and math.isinf(w.figure) and "from US" in w


def test_an_agreed_price_just_within_one_percent_of_the_market_is_trusted():
    # the sources' market price is weighted by volume: US 0.2 x 1,000 + CN 0.8 x 1,250 = USD 1,200/t
    price = np.full((1, 2, 3), P0)
    price[0, :, 2] = 1250.0
    assert codes(warnings([buy(1.0, price=1188.5)], price=price)) == []          # 0.96 % below
    w = one(warnings([buy(1.0, price=1187.5)], price=price), "below_market")     # 1.04 % below
    assert w.figure == pytest.approx(1 - 1187.5 / 1200)
    assert w == ("clause 'buy': the agreed price USD 1,188/t is 1% below the sources' market price (USD 1,200/t) in "
                 "2026: sellers would not deliver at it; the model books the purchase as if they did")


def test_the_agreed_price_is_compared_in_the_year_the_market_is_dearest():
    price = np.full((1, 2, 3), P0)
    price[0, 1] = 1500.0
    w = one(warnings([buy(1.0, price=1200.0)], price=price), "below_market")
    assert (w.year, w.figure) == (2027, pytest.approx(0.2))
    assert "is 20% below" in w and w.short() == "buy: agreed price 20% below the market (2027)"


def test_small_sources_weigh_in_the_market_price_by_their_volume():
    # 0.5 t bought, 0.1 t from the US (at USD 1,000/t) and 0.4 t from CN (at USD 2,000/t): a market of USD 1,800/t
    price = np.full((1, 2, 3), P0)
    price[0, :, 2] = 2000.0
    w = one(warnings([buy(0.5, price=450.0)], price=price), "below_market")
    assert w.figure == pytest.approx(0.75) and "USD 450/t is 75% below the sources' market price (USD 1,800/t)" in w
    assert w.short() == "buy: agreed price 75% below the market (2026)"


def test_a_purchase_at_the_market_price_plus_a_premium_is_never_below_the_market():
    assert warnings([buy_at_market(1.0)]) == []


# ---- fixed-volume CfDs: the contracted volume against eligible output ------------------------------------------------

def test_a_contracted_volume_equal_to_the_eligible_output_is_trusted_and_more_is_flagged():
    assert warnings([cfd(2.0)]) == []
    w = one(warnings([cfd(2.5)]), "cfd_volume")
    assert (w.clause_id, w.year, w.unit, w.figure) == ("cfd", 2026, "x eligible output", pytest.approx(1.25))
    assert w == ("clause 'cfd': the contracted volume 2 t a year exceeds the eligible producers' output (2 t) in "
                 "2026; payments are booked on volume that is not produced")
    assert w.short() == "cfd: contracted volume 1.2x the eligible output (2026)"


def test_the_cfd_check_reads_the_eligible_output_under_the_clauses_in_the_year_it_is_least():
    supply = np.broadcast_to(PRODUCTION, (1, 2, 3)).copy()
    supply[0, 1] = [0.5, 3.0, 8.0]     # the US makes 0.5 t in 2027; the EU's output is not eligible
    w = one(warnings([cfd(1.0)], supply=supply), "cfd_volume")
    assert (w.year, w.figure) == (2027, pytest.approx(2.0))


def test_a_capped_price_gap_payment_is_no_contracted_volume():
    gap = PriceGapSubsidyClause(floor_price=Price(amount=500.0, per="t"), eligible_producers=["US"],
                                volume_cap=Volume(amount=50.0), **_common("gap"))
    assert warnings([gap]) == []


# ---- levy and tariff revenue against the parties' base-year import bill ----------------------------------------------

def _receipts(cid, inst, per_year):
    """A ledger row receiving ``per_year`` (2026, 2027) USD, split equally between the US and the EU."""
    a = np.zeros((2, 3))
    a[:, 0] = a[:, 1] = -np.asarray(per_year) / 2
    return (cid, inst, "ore", 0, a)


def test_revenue_equal_to_the_import_bill_is_trusted_and_more_is_flagged():
    # the parties import 2 + 4 = 6 t at USD 1,000/t: a bill of USD 6,000 a year
    assert warnings([tariff()], ledger=[_receipts("tariff", "tariff_revenue", [6000.0, 6000.0])]) == []
    w = one(warnings([tariff()], ledger=[_receipts("tariff", "tariff_revenue", [6000.0, 7500.0])]),
            "revenue_above_imports")
    assert (w.clause_id, w.mineral, w.year, w.unit, w.figure) == ("tariff", "ore", 2027, "x base import bill",
                                                                   pytest.approx(1.25))
    assert w == ("clause 'tariff': tariff revenue of USD 0.0 m in 2027 exceeds the parties' whole base-year ore import "
                 "bill (USD 0.0 m, 1.2x)")
    assert w.short() == "tariff: revenue 1.2x the base import bill (2027)"


def test_revenue_is_stated_in_millions():
    base_price = np.full((1, 2), 1e6)     # USD 1 m a tonne: a bill of USD 6 m
    w = one(warnings([floor(amount=2e6)], base_price=base_price, price=np.full((1, 2, 3), 1e6),
                     index=np.full((1, 2, 3), 1e6), ledger=[_receipts("floor", "levy_revenue", [9e6, 0.0])]),
            "revenue_above_imports")
    assert "levy revenue of USD 9.0 m in 2026 exceeds the parties' whole base-year ore import bill (USD 6.0 m, 1.5x)" \
        in w


def test_revenue_just_over_a_million_reads_1_1_m():
    # a bill of 6 t at USD 100,000/t is USD 0.6 m; USD 1,050,000.60 of revenue is 1.1 m to the nearest 0.1 m
    base_price = np.full((1, 2), 1e5)
    w = one(warnings([tariff()], base_price=base_price, price=np.full((1, 2, 3), 1e5), index=np.full((1, 2, 3), 1e5),
                     ledger=[_receipts("tariff", "tariff_revenue", [1_050_000.6, 0.0])]), "revenue_above_imports")
    assert "tariff revenue of USD 1.1 m in 2026" in w and "(USD 0.6 m, 1.8x)" in w


def test_revenue_below_a_bill_of_less_than_a_dollar_is_no_warning():
    # the US alone imports 2 t at USD 0.25/t: a bill of USD 0.50; USD 0.40 of revenue is within it
    base_price = np.full((1, 2), 0.25)
    found = warnings([tariff(parties=["US"])], base_price=base_price, price=np.full((1, 2, 3), 0.25),
                     index=np.full((1, 2, 3), 0.25), ledger=[_receipts("tariff", "tariff_revenue", [0.4, 0.0])])
    assert codes(found) == []


def test_only_the_parties_imports_make_the_bill():
    # a tariff of the US alone: its bill is 2 t x USD 1,000; USD 2,500 of revenue is 1.25 times that
    w = one(warnings([tariff(parties=["US"])], ledger=[_receipts("tariff", "tariff_revenue", [2500.0, 0.0])]),
            "revenue_above_imports")
    assert w.figure == pytest.approx(1.25)


def test_any_revenue_from_parties_that_import_nothing_is_flagged():
    # CN imports nothing: a single dollar of its tariff revenue is beyond any import bill, no revenue is not
    cn = tariff(parties=["CN"], proposed_by="CN")
    receipts = np.zeros((2, 3))
    receipts[0, 2] = -0.5
    w = one(warnings([cn], ledger=[("tariff", "tariff_revenue", "ore", 0, receipts)]), "revenue_above_imports")
    assert w.year == 2026 and math.isinf(w.figure)
    assert warnings([cn], ledger=[("tariff", "tariff_revenue", "ore", 0, np.zeros((2, 3)))]) == []


def test_outlays_and_other_clauses_rows_are_not_revenue():
    rows = [("buy", "purchase_outlay", "ore", 0, np.full((2, 3), -1e9)), ("gone", "tariff_revenue", "ore", 0,
                                                                          np.full((2, 3), -1e9))]
    assert codes(warnings([buy(1.0, price=1000.0)], ledger=rows)) == []


# ---- near the money: floors and strikes within one year's volatility of the reference --------------------------------

def test_a_floor_exactly_one_volatility_from_the_reference_is_near_the_money_and_one_beyond_it_is_not():
    distance = float(np.abs(np.log(1300.0 / P0)))
    w = one(warnings([floor()], _model(volatility=distance)), "near_the_money")
    assert w.figure == pytest.approx(1.0) and w.unit == "log distance / volatility"
    assert warnings([floor()], _model(volatility=distance * 0.999)) == []


def test_near_the_money_names_the_year_the_reference_comes_closest():
    base_price = np.array([[P0, 1250.0]])
    at_reference = np.broadcast_to(base_price[..., None], (1, 2, 3))
    w = one(warnings([floor()], _model(volatility=0.7), base_price=base_price, price=at_reference,
                     index=at_reference), "near_the_money")
    assert (w.clause_id, w.year) == ("floor", 2027)
    assert w.figure == pytest.approx(math.log(1300 / 1250) / 0.7)
    assert w.startswith("clause 'floor' is near the money: its price USD 1,300/t lies within one year's price "
                        "volatility (70%) of the ore reference price (USD 1,250/t) in 2027:")
    assert w.short() == "floor: near the money: compare the Monte Carlo expected cost"


def test_a_tariff_has_no_money_to_be_near():
    assert warnings([tariff()], _model(volatility=5.0)) == []


# ---- the deterministic sign against the Monte Carlo expectation -----------------------------------------------------

class _Table:
    def __init__(self, **columns):
        import pandas as pd

        self.regions = ["US", "EU", "JP"]
        self.partner_table = self.summary = pd.DataFrame(columns, index=self.regions)


def test_a_sign_is_read_only_beyond_fifty_thousand_dollars_either_side():
    det = _Table(fiscal_cost_pv_usd=[50_000.0, 50_000.5, -60_000.0])
    mc = _Table(expected_cost_pv_usd=[-1e6, -1e6, 50_000.0])
    assert sign_flags(det, mc) == {"EU": (50_000.5, -1e6)}
    assert sign_flags(_Table(fiscal_cost_pv_usd=[1e6, 1e6, 1e6]),
                      _Table(expected_cost_pv_usd=[-50_000.0, -50_000.5, 2e6])) == {"EU": (1e6, -50_000.5)}
    assert sign_flags(det, mc, tolerance_usd=10.0) == {"US": (50_000.0, -1e6), "EU": (50_000.5, -1e6),
                                                      "JP": (-60_000.0, 50_000.0)}


def test_to_json_carries_every_field_of_a_warning():
    w = one(warnings([tariff()], **prices(2027, "CN", 2.01)), "price_band")
    assert w.to_json() == {"code": "price_band", "clause_id": "tariff", "mineral": "ore", "year": 2027,
                           "figure": pytest.approx(2.01), "unit": "x baseline price", "message": str(w)}
