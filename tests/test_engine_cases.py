"""Engine on hand-built markets: cases solvable with pencil and paper, identities, errors naming the field."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.document import (
    BorderFloorClause,
    CfdClause,
    CostSharing,
    Money,
    Price,
    PriceGapSubsidyClause,
    PurchaseClause,
    TariffClause,
    Volume,
)
from workbench.engine import EngineInputError, InfeasibleMarket
from workbench.engine.calibrate import allocate_flows
from workbench.engine.evaluate import evaluate_model
from workbench.engine.instruments import compile_clauses
from workbench.engine.montecarlo import simulate
from workbench.engine.market import MineralMarket, Model

REGIONS = ("US", "EU", "CN", "ROW")
P0 = 1000.0  # USD per tonne


def market(production, consumption, flows=None, eps=1.0, eta=-1.0, sigma=5.0, growth=0.0, horizon=3, volatility=0.3,
           mean_reversion=0.5, **kw):
    """A one-mineral market 'ore' over REGIONS."""
    prod = np.array(production, float)
    cons = np.array(consumption, float)
    r = len(prod)
    return MineralMarket(
        mineral="ore", name="Ore", price=P0, production=prod, consumption=cons,
        flows=allocate_flows(prod, cons) if flows is None else np.array(flows, float),
        supply_elasticity=np.full(r, float(eps)), demand_elasticity=np.full(r, float(eta)), armington=sigma,
        demand_growth=growth, price_index=np.ones(horizon), volatility=volatility, mean_reversion=mean_reversion, **kw)


def model(mk, horizon=3, rate=0.0, gdp=None):
    return Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025,
                 horizon=horizon, discount_rate=rate, usd_per={}, markets={"ore": mk}, gdp=gdp or {})


def run(mdl, clauses, option=None):
    comps, warns = compile_clauses(mdl, clauses, option)
    return evaluate_model(mdl, comps, warnings=warns)


def common(**kw):
    base = dict(title="t", mineral="ore", parties=["US"], start_year=2026, duration_years=3, proposed_by="US")
    base.update(kw)
    return base


def usd_t(x):
    return Price(amount=x, per="t")


# CN produces everything; US and ROW consume, one source each: the Armington nest is trivial.
SINGLE = dict(production=[0, 0, 2, 0], consumption=[1, 0, 0, 1],
              flows=[[0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]])


def test_zero_policy_is_the_baseline():
    mk = market([3, 1, 4, 2], [2, 3, 1, 4], growth=0.05)
    res = run(model(mk), [])
    assert np.allclose(res.consumer_price, P0) and np.allclose(res.producer_price, P0)
    assert np.allclose(res.flows, res.base_flows)
    assert np.allclose(res.production, res.base_production)
    assert res.fiscal.empty
    t = res.partner_table
    assert np.allclose(t.drop(columns=["china_share_pct", "china_share_base_pct", "zone_share_pct"]).to_numpy(), 0.0)
    assert np.allclose(t.china_share_pct, t.china_share_base_pct)
    # demand growth scales the baseline volumes year by year
    assert np.allclose(res.base_production[0, :, 0], 3 * 1.05 ** np.arange(1, 4) / 10 * 10)


def test_tariff_matches_the_hand_solution():
    # X = 2p, D_US = 1/(2p), D_ROW = 1/p  ->  p^2 = 3/4
    mk = market(**SINGLE)
    res = run(model(mk), [TariffClause(id="t", rate=1.0, exporters=["CN"], **common(parties=["US"]))])
    p = math.sqrt(0.75)
    cn = REGIONS.index("CN")
    assert res.producer_price[0, :, cn] == pytest.approx(P0 * p, rel=1e-9)
    assert res.consumer_price[0, :, 0] == pytest.approx(2 * P0 * p, rel=1e-9)
    # revenue t * p * Q_US = p * 1/(2p) = 0.5 (x P0 x tonnes)
    rev = res.fiscal.query("instrument == 'tariff_revenue'")
    assert set(rev.region) == {"US"}
    assert rev.amount_usd.to_numpy() == pytest.approx(-0.5 * P0, rel=1e-9)
    # surplus by hand (eta = -1, eps = 1): CS_US = -ln(2p), CS_ROW = -ln(p), PS_CN = X0 (p^2 - 1) / 2 = p^2 - 1
    assert res.consumer_surplus[0, 0, 0] == pytest.approx(-P0 * math.log(2 * p), rel=1e-9)
    assert res.consumer_surplus[0, 0, 3] == pytest.approx(-P0 * math.log(p), rel=1e-9)
    assert res.producer_surplus[0, 0, cn] == pytest.approx(P0 * (p * p - 1), rel=1e-9)
    world = res.partner_table.welfare_change_pv_usd.sum() / 3
    assert world == pytest.approx(P0 * (0.25 - math.log(1.5)), rel=1e-9)  # the deadweight loss, < 0


def test_border_floor_levies_non_members_into_parties_only():
    # floor F = 2 P0 on imports into the US from non-parties: US pays 2 P0, so D_US = 1/2; 2p = 1/2 + 1/p
    mk = market(**SINGLE)
    res = run(model(mk), [BorderFloorClause(id="f", floor_price=usd_t(2 * P0), **common(parties=["US", "EU"]))])
    p = (0.5 + math.sqrt(0.25 + 8)) / 4
    cn = REGIONS.index("CN")
    assert res.producer_price[0, :, cn] == pytest.approx(P0 * p, rel=1e-9)
    assert res.consumer_price[0, :, 0] == pytest.approx(2 * P0, rel=1e-9)
    assert res.consumer_price[0, :, 3] == pytest.approx(P0 * p, rel=1e-9)  # ROW is not levied
    levy = res.fiscal.query("instrument == 'levy_revenue'")
    assert set(levy.region) == {"US"}  # the EU imports nothing here
    assert levy.amount_usd.to_numpy() == pytest.approx(-(2 - p) * 0.5 * P0, rel=1e-9)


def test_floor_below_the_market_price_does_nothing():
    mk = market(**SINGLE)
    res = run(model(mk), [BorderFloorClause(id="f", floor_price=usd_t(0.5 * P0), **common(parties=["US"]))])
    assert np.allclose(res.consumer_price, P0) and res.fiscal.empty


def test_price_gap_subsidy_matches_the_hand_solution():
    # the US produces for ROW only; floor 1.21 P0: X = 1.21 (fixed by the floor), ROW demand 1/p = 1.21
    mk = market([1, 0, 0, 0], [0, 0, 0, 1], flows=[[0, 0, 0, 1], [0] * 4, [0] * 4, [0] * 4])
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * P0), **common())
    res = run(model(mk), [clause])
    p = 1 / 1.21
    assert res.producer_price[0, :, 0] == pytest.approx(1.21 * P0, rel=1e-9)  # received, support included
    assert res.consumer_price[0, :, 3] == pytest.approx(p * P0, rel=1e-9)
    pay = res.fiscal.query("instrument == 'subsidy_payment'").amount_usd.to_numpy()
    assert pay == pytest.approx((1.21 - p) * 1.21 * P0, rel=1e-9)
    # producer surplus: integral of X = s from 1 to 1.21 (x P0); consumer surplus: -ln(p) x P0
    ps = res.producer_surplus[0, :, 0]
    assert ps == pytest.approx(P0 * (1.21 ** 2 - 1) / 2, rel=1e-9)
    assert res.consumer_surplus[0, :, 3] == pytest.approx(-P0 * math.log(p), rel=1e-9)


def test_a_volume_cap_stops_the_price_gap_payment_and_the_extra_output_at_the_cap():
    # the US makes X = 2s for ROW (D = 2/p). Floor 1.21 P0 capped at 2.2 t: without the cap the US would make 2.42 t;
    # with it output stops at 2.2 t, so p = 2 / 2.2 = P0 / 1.1, and the gap (1.21 - 1/1.1) P0 is paid on 2.2 t
    mk = market([2, 0, 0, 0], [0, 0, 0, 2], flows=[[0, 0, 0, 2], [0] * 4, [0] * 4, [0] * 4])
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * P0), volume_cap=Volume(amount=2.2), **common())
    res = run(model(mk), [clause])
    assert res.production[0, :, 0] == pytest.approx([2.2] * 3, rel=1e-9)
    assert res.consumer_price[0, :, 3] == pytest.approx([P0 / 1.1] * 3, rel=1e-9)
    pay = res.fiscal.query("instrument == 'subsidy_payment'").amount_usd.to_numpy()
    assert pay == pytest.approx([(1.21 - 1 / 1.1) * 2.2 * P0] * 3, rel=1e-9)   # USD 662 a year


def test_upside_share_is_clawed_back_above_the_floor():
    mk = market([1, 0, 0, 0], [0, 0, 0, 1], flows=[[0, 0, 0, 1], [0] * 4, [0] * 4, [0] * 4], eps=0.0)
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(0.8 * P0), upside_share=0.3, **common())
    res = run(model(mk), [clause])
    # fixed supply: price stays P0; the government takes 0.3 x (P0 - 0.8 P0) per tonne
    pay = res.fiscal.query("instrument == 'subsidy_payment'").amount_usd.to_numpy()
    assert pay == pytest.approx(-0.3 * 0.2 * P0, rel=1e-9)


def test_fixed_volume_cfd_is_a_pure_transfer_both_ways():
    mk = market([1, 1, 0, 0], [0, 0, 1, 1])
    pay_side = CfdClause(id="c", strike_price=usd_t(1.3 * P0), rebate_threshold=usd_t(1.5 * P0),
                         volume_basis="fixed_volume", contracted_volume=Volume(amount=10), **common())
    res = run(model(mk), [pay_side])
    assert np.allclose(res.consumer_price, P0)
    assert res.fiscal.query("instrument == 'cfd_payment'").amount_usd.to_numpy() == pytest.approx(10 * 0.3 * P0)
    rebate_side = CfdClause(id="c", strike_price=usd_t(0.5 * P0), rebate_threshold=usd_t(0.7 * P0),
                            clawback_share=0.5, volume_basis="fixed_volume", contracted_volume=Volume(amount=10),
                            **common())
    res = run(model(mk), [rebate_side])
    assert res.fiscal.query("instrument == 'cfd_rebate'").amount_usd.to_numpy() == pytest.approx(-10 * 0.5 * 0.3 * P0)


def test_marginal_cfd_raises_supply_and_lowers_the_price():
    mk = market([1, 1, 1, 1], [1, 1, 1, 1])
    clause = CfdClause(id="c", strike_price=usd_t(1.5 * P0), rebate_threshold=usd_t(2 * P0), **common())
    res = run(model(mk), [clause])
    assert (res.production[0, :, 0] > res.base_production[0, :, 0]).all()
    assert (res.consumer_price[0, :, 1] < P0).all()
    assert (res.fiscal.amount_usd > 0).all()


def test_purchase_with_budget_cap_stops_buying_when_spent():
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], horizon=5)
    clause = PurchaseClause(id="b", annual_volume=Volume(amount=1), agreed_price=usd_t(2 * P0), sources=["ROW"],
                            budget_cap=Money(amount=5 * P0), storage_cost_rate=0.0, **common(duration_years=5))
    res = run(model(mk, horizon=5), [clause])
    out = res.fiscal.query("instrument == 'purchase_outlay'").set_index("year").amount_usd
    assert out.to_dict() == pytest.approx({2026: 2 * P0, 2027: 2 * P0, 2028: P0})
    # 2.5 t bought: the stock's end value is a receipt at the last year's market price of the source
    end = res.fiscal.query("instrument == 'stock_end_value'")
    assert list(end.year) == [2030]
    assert end.amount_usd.iloc[0] == pytest.approx(-2.5 * P0, rel=1e-9)  # no purchase any more in 2030
    # government purchases are in the volumes, so exporters' rows still add up to production
    assert res.gov_flows.sum(axis=(2, 3))[0].tolist() == pytest.approx([1, 1, 0.5, 0, 0])
    assert res.stock_end[0, 0] == pytest.approx(2.5)
    assert res.partner_table.at["US", "stockpile_days_cover"] == pytest.approx(2.5 / 5 * 365)


def test_stock_bought_to_the_last_year_is_valued_without_the_purchases_own_price_effect():
    # CN sells to the US and ROW (X = 2p, D = 1/p each); 3 t a year bought by the government: 2p = 2/p + 3, p = 2.
    # The 6 t held at the end fetch the baseline P0 (the 2 P0 of 2027 is propped up by the purchase itself), so the
    # programme cannot come out as a world welfare gain.
    mk = market(**SINGLE, horizon=2)
    clause = PurchaseClause(id="buy", annual_volume=Volume(amount=3), agreed_price=usd_t(2 * P0), sources=["CN"],
                            storage_cost_rate=0.0, **common(duration_years=2))
    res = run(model(mk, horizon=2), [clause])
    cn = REGIONS.index("CN")
    assert res.producer_price[0, :, cn] == pytest.approx([2 * P0, 2 * P0], rel=1e-9)
    assert res.partner_table.at["CN", "producer_price_change_pct"] == pytest.approx(100.0)  # the price doubles
    f = res.fiscal.pivot_table(index="year", columns="instrument", values="amount_usd", aggfunc="sum")
    assert f.purchase_outlay.to_list() == pytest.approx([6 * P0, 6 * P0], rel=1e-9)
    assert f.at[2027, "stock_end_value"] == pytest.approx(-6 * P0, rel=1e-9)
    # CN gains the integral of X = 2s from 1 to 2 (3 P0) a year; the US and ROW each lose ln 2 P0
    assert res.producer_surplus[0, :, cn] == pytest.approx([3 * P0, 3 * P0], rel=1e-9)
    world = res.partner_table.welfare_change_pv_usd.sum()
    assert world == pytest.approx(2 * (3 - 2 * math.log(2)) * P0 - 12 * P0 + 6 * P0, rel=1e-9)
    assert world < 0


def test_stock_is_valued_at_the_market_price_when_a_tariff_holds_it_below_the_baseline():
    # a 100% US tariff on CN plus 0.25 t bought from CN: 2p = 1/(2p) + 1/p + 0.25, p = (0.25 + sqrt(12.0625)) / 4 < 1
    mk = market(**SINGLE, horizon=1)
    clauses = [TariffClause(id="t", rate=1.0, exporters=["CN"], **common(duration_years=1)),
               PurchaseClause(id="buy", annual_volume=Volume(amount=0.25), price_basis="market_plus_premium",
                              sources=["CN"], storage_cost_rate=0.0, **common(duration_years=1))]
    res = run(model(mk, horizon=1), clauses)
    p = (0.25 + math.sqrt(12.0625)) / 4
    assert res.producer_price[0, 0, REGIONS.index("CN")] == pytest.approx(p * P0, rel=1e-9)
    end = res.fiscal.query("instrument == 'stock_end_value'").amount_usd.sum()
    assert end == pytest.approx(-0.25 * p * P0, rel=1e-9)


def test_budget_cap_on_a_market_price_purchase_buys_what_the_budget_affords_at_the_price_it_causes():
    # CN sells to the US and ROW (X = 2p, D = 1/p each) plus g bought by the government: 2p = 2/p + g.
    # The budget 6 P0 buys g with g p = 6: p = 2, g = 3 (half the 6 t committed, which would push p to 3.30).
    mk = market(**SINGLE, horizon=2)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=6), price_basis="market_plus_premium",
                            sources=["CN"], budget_cap=Money(amount=6 * P0), storage_cost_rate=0.0,
                            **common(duration_years=2))
    res = run(model(mk, horizon=2), [clause])
    cn = REGIONS.index("CN")
    assert res.producer_price[0, :, cn] == pytest.approx([2 * P0, P0], rel=1e-9)
    assert res.gov_flows[0].sum(axis=(1, 2)) == pytest.approx([3.0, 0.0], rel=1e-9, abs=1e-9)
    out = res.fiscal.query("instrument == 'purchase_outlay'").set_index("year").amount_usd
    assert out.sum() == pytest.approx(6 * P0, rel=1e-9) and out.get(2026) == pytest.approx(6 * P0, rel=1e-9)


def test_a_capped_purchase_that_starts_a_year_late_spends_its_whole_budget_on_its_own_years():
    # 30 t a year from 20 t of world output has no equilibrium, so the purchase settles from nothing bought; 2026,
    # before it starts, spends nothing and takes nothing from the budget of USD 20 P0
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.01, eta=-0.01, horizon=3, volatility=0.0)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=30), price_basis="market_plus_premium",
                            sources=["ROW"], budget_cap=Money(amount=20 * P0),
                            **common(start_year=2027, duration_years=2))
    res = run(model(mk, horizon=3), [clause])
    out = res.fiscal.query("instrument == 'purchase_outlay'").groupby("year").amount_usd.sum()
    assert out.get(2026, 0.0) == 0.0
    assert out.sum() == pytest.approx(20 * P0, rel=1e-9)


@pytest.mark.parametrize("eps", [0.4, 0.05, 0.01])
def test_budget_cap_is_never_overspent_however_steep_the_market(eps):
    # buying 150% of world output against inelastic supply: the full volume would cost many times the budget
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=eps, eta=-eps, horizon=3, volatility=0.0)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=30), price_basis="market_plus_premium",
                            sources=["ROW"], budget_cap=Money(amount=20 * P0), **common(duration_years=3))
    mdl = model(mk, horizon=3)
    res = run(mdl, [clause])
    comps, _ = compile_clauses(mdl, [clause])
    paths = simulate(mdl, comps, paths=2, seed=1).pv  # Monte Carlo without volatility books the same
    assert paths == pytest.approx(np.tile(res.partner_table.fiscal_cost_pv_usd.to_numpy(), (2, 1)), rel=1e-9)
    out = res.fiscal.query("instrument == 'purchase_outlay'").amount_usd
    assert out.sum() == pytest.approx(20 * P0, rel=1e-9)
    bought = res.gov_flows[0].sum(axis=(1, 2))
    row = REGIONS.index("ROW")
    assert bought[0] * res.producer_price[0, 0, row] == pytest.approx(20 * P0, rel=1e-9)  # all in the first year
    assert bought[1:] == pytest.approx([0.0, 0.0], abs=1e-9)


def test_market_plus_premium_purchase_and_storage_cost():
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.0, eta=-1.0, horizon=2)
    clause = PurchaseClause(id="b", annual_volume=Volume(amount=1), price_basis="market_plus_premium",
                            premium_share=0.1, sources=["EU"], storage_cost_rate=0.02, **common(duration_years=1))
    res = run(model(mk, horizon=2), [clause])
    eu = REGIONS.index("EU")
    p = res.producer_price[0, 0, eu]
    assert p > P0  # the extra demand raises the source's price
    f = res.fiscal.pivot_table(index="year", columns="instrument", values="amount_usd", aggfunc="sum")
    assert f.at[2026, "purchase_outlay"] == pytest.approx(1.1 * p, rel=1e-9)
    assert f.at[2027, "storage_cost"] == pytest.approx(0.02 * 1 * P0, rel=1e-9)  # back to P0 in 2027


def test_markets_clear_and_fiscal_shares_add_up():
    mk = market([3, 1, 4, 2], [2, 3, 1, 4], sigma=8.0, eps=0.7, eta=-0.4, growth=0.03, horizon=4)
    clauses = [
        BorderFloorClause(id="f", floor_price=usd_t(1.4 * P0), **common(parties=["US", "EU"], duration_years=4,
                          cost_sharing=CostSharing(rule="fixed", shares={"US": 0.25, "EU": 0.75}))),
        CfdClause(id="c", strike_price=usd_t(1.2 * P0), rebate_threshold=usd_t(1.6 * P0),
                  **common(parties=["US", "EU"], cost_sharing=CostSharing(rule="consumption"))),
        PurchaseClause(id="b", annual_volume=Volume(amount=0.2), agreed_price=usd_t(1.5 * P0), sources=["ROW", "EU"],
                       **common(parties=["US", "EU"], cost_sharing=CostSharing(rule="gdp"))),
    ]
    mdl = model(mk, horizon=4, gdp={"US": 30.0, "EU": 20.0})
    res = run(mdl, clauses)
    supplied = res.flows.sum(axis=3) + res.gov_flows.sum(axis=3)  # exporter rows
    assert np.allclose(supplied, res.production, rtol=1e-9)
    fisc = res.fiscal
    by = fisc.groupby(["clause_id", "region"]).amount_usd.sum().unstack(fill_value=0.0)
    assert by.loc["f", "US"] / by.loc["f"].sum() == pytest.approx(0.25)
    assert by.loc["c", "EU"] / by.loc["c"].sum() == pytest.approx(3 / 5)  # consumption shares 2:3
    outlay = fisc.query("clause_id == 'b' and instrument == 'purchase_outlay'").groupby("region").amount_usd.sum()
    assert outlay["US"] / outlay.sum() == pytest.approx(0.6)  # GDP 30:20
    assert set(fisc.region) <= {"US", "EU"}
    # per-partner totals equal the ledger; PV uses the discount factors
    assert res.partner_table.fiscal_cost_pv_usd.sum() == pytest.approx(fisc.amount_usd.sum())
    # welfare: world surplus change + government net = sum of partners' welfare
    t = res.partner_table
    assert t.welfare_change_pv_usd.sum() == pytest.approx(
        t.consumer_surplus_change_pv_usd.sum() + t.producer_surplus_change_pv_usd.sum() - t.fiscal_cost_pv_usd.sum())


def test_tariff_is_a_world_welfare_loss_and_revenue_is_in_the_identity():
    mk = market([2, 2, 4, 2], [3, 3, 2, 2], sigma=4.0, eps=1.0, eta=-0.8)
    res = run(model(mk), [TariffClause(id="t", rate=0.3, exporters=["CN"], **common())])
    t = res.partner_table
    assert t.welfare_change_pv_usd.sum() < 0
    assert t.at["CN", "producer_price_change_pct"] < 0 < t.at["US", "consumer_price_change_pct"]
    assert t.at["US", "china_share_pct"] < t.at["US", "china_share_base_pct"]


def test_active_years_and_present_value():
    mk = market(**SINGLE, horizon=5)
    res = run(model(mk, horizon=5, rate=0.1),
              [TariffClause(id="t", rate=1.0, exporters=["CN"], **common(start_year=2027, duration_years=2))])
    assert sorted(set(res.fiscal.year)) == [2027, 2028]
    annual = -0.5 * P0
    t = res.partner_table.loc["US"]
    assert t.fiscal_cost_pv_usd == pytest.approx(annual / 1.1 ** 2 + annual / 1.1 ** 3)
    assert t.fiscal_cost_avg_usd == pytest.approx(2 * annual / 5)
    assert t.fiscal_cost_peak_usd == pytest.approx(0.0)


def test_clause_outside_the_horizon_warns():
    mk = market(**SINGLE)
    res = run(model(mk), [TariffClause(id="late", rate=1.0, exporters=["CN"], **common(start_year=2040))])
    assert res.fiscal.empty and any("late" in w for w in res.warnings)


def test_bracket_options_are_modelled_on_request():
    from workbench.document import Bracket, Option

    mk = market(**SINGLE)
    rate = Bracket(options=[Option(label="A", value=0.5), Option(label="B", value=1.0)], selected="A")
    clauses = [TariffClause(id="t", rate=rate, exporters=["CN"], **common())]
    a = run(model(mk), clauses)
    b = run(model(mk), clauses, option="B")
    assert b.fiscal.amount_usd.to_numpy() == pytest.approx(-0.5 * P0, rel=1e-9)  # the hand case above
    assert not np.allclose(a.fiscal.amount_usd, b.fiscal.amount_usd)


def test_bad_inputs_name_the_field_and_value():
    with pytest.raises(EngineInputError, match=r"production\[EU\].*-1"):
        model(market([1, -1, 2, 0], [1, 0, 1, 0], flows=np.zeros((4, 4)))).check()
    with pytest.raises(EngineInputError, match="demand_elasticity.*0.5"):
        model(market([1, 1, 1, 1], [1, 1, 1, 1], eta=0.5)).check()
    with pytest.raises(EngineInputError, match="discount_rate"):
        Model(regions=REGIONS, region_names={}, members=(), base_year=2025, horizon=1, discount_rate=float("nan"),
              usd_per={}, markets={}).check()
    # flows: each of a wrong shape, a NaN and a negative tonnage is refused on its own
    flows = allocate_flows(np.ones(4), np.ones(4))
    for bad in (flows[:3], np.where(np.eye(4) > 0, np.nan, flows), flows - np.eye(4) * 0.3):
        with pytest.raises(EngineInputError, match=r"flows: must be a 4x4 matrix of finite non-negative tonnes"):
            model(market([1, 1, 1, 1], [1, 1, 1, 1], flows=bad)).check()


def test_gdp_sharing_without_a_gdp_names_the_partner():
    mk = market(**SINGLE)
    clause = TariffClause(id="t", rate=0.5, exporters=["CN"],
                          **common(parties=["US", "EU"], cost_sharing=CostSharing(rule="gdp")))
    with pytest.raises(EngineInputError, match=r"'t'.*GDP of US.*gdp_usd_bn"):
        run(model(mk), [clause])


def test_purchase_from_a_source_that_produces_nothing_is_infeasible_and_named():
    mk = market(**SINGLE)
    clause = PurchaseClause(id="buy-dry", annual_volume=Volume(amount=1), agreed_price=usd_t(P0), sources=["EU"],
                            **common())
    with pytest.raises(InfeasibleMarket, match="buy-dry") as exc:
        run(model(mk), [clause])
    assert exc.value.clause_ids == ("buy-dry",)


def test_infeasible_market_names_the_uncapped_purchase_not_the_one_its_budget_limits():
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.05, eta=-0.05)
    too_big = PurchaseClause(id="too-big", annual_volume=Volume(amount=30), agreed_price=usd_t(P0), sources=["ROW"],
                             **common())
    capped = PurchaseClause(id="capped", annual_volume=Volume(amount=30), price_basis="market_plus_premium",
                            sources=["EU"], budget_cap=Money(amount=20 * P0), **common())
    with pytest.raises(InfeasibleMarket) as exc:
        run(model(mk), [too_big, capped])
    assert exc.value.clause_ids == ("too-big",)
    assert run(model(mk), [capped]).fiscal.query("instrument == 'purchase_outlay'").amount_usd.sum() == \
        pytest.approx(20 * P0, rel=1e-9)


def test_a_budget_that_affords_an_undeliverable_volume_is_infeasible_and_named():
    # 78 t a year from ROW, which makes 5 t with supply elasticity 0.2: within the solver's price bound (e^12) at most
    # about 5 x (e^12)^0.2 = 55 t can be had. The budget pays for all 78 t in the first year, so it limits nothing
    # there (it once came out as 101 P0 spent out of 78.01 P0, the later years buying what the first could not)
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.2, eta=-0.2)
    clause = PurchaseClause(id="undeliverable", annual_volume=Volume(amount=78), agreed_price=usd_t(P0),
                            sources=["ROW"], budget_cap=Money(amount=78.01 * P0), **common())
    with pytest.raises(InfeasibleMarket, match="undeliverable") as exc:
        run(model(mk), [clause])
    assert exc.value.clause_ids == ("undeliverable",) and exc.value.year == 2026


def test_batched_newton_agrees_with_scipy_root_on_a_distorted_market():
    from scipy.optimize import root

    from workbench.engine.cases import build_cases, prepare, purchase_volume
    from workbench.engine.solver import _evaluate, _subset, solve

    mk = market([3, 1, 4, 2], [2, 3, 1, 4], sigma=6.0, eps=0.6, eta=-0.5)
    mdl = model(mk)
    clauses = [
        BorderFloorClause(id="f", floor_price=usd_t(1.3 * P0), **common(parties=["US", "EU"])),
        TariffClause(id="t", rate=0.4, exporters=["ROW"], **common(parties=["EU"])),
        CfdClause(id="c", strike_price=usd_t(1.2 * P0), rebate_threshold=usd_t(1.4 * P0), **common()),
        PurchaseClause(id="b", annual_volume=Volume(amount=0.5), agreed_price=usd_t(P0), sources=["CN"], **common()),
    ]
    comps, _ = compile_clauses(mdl, clauses)
    setup = prepare(mdl, ["ore"], comps)
    shock = np.ones((1, 3, 1))
    cases = build_cases(setup, shock, purchase_volume(setup, {}, 1))
    eq = solve(cases)
    one = _subset(cases, np.arange(len(cases.production_share)) < 1)

    def fun(y):
        z, jac, _ = _evaluate(one, y[None], True)
        return z[0], jac[0]

    ref = root(fun, np.zeros(4), jac=True, method="hybr", tol=1e-13)
    assert ref.success
    assert eq.converged.all()
    assert np.log(eq.price[0]) == pytest.approx(ref.x, abs=1e-8)


@pytest.mark.parametrize("cap", [100.0, 3.0], ids=["cap-loose", "cap-binds"])
def test_the_solvers_jacobian_is_the_derivative_of_excess_supply(cap):
    # Newton's steps rest on dZ/dy; checked by central differences. US producers get a capped price-gap payment up
    # to 1.3 P0 and give back half the price above 0.9 P0 under an uncapped CfD (at 1.05 P0 both bind: the capped
    # branch of supply, whose slope is then half the plain one), with a border floor and a tariff besides
    from workbench.engine.cases import build_cases, prepare, purchase_volume
    from workbench.engine.solver import _evaluate, _subset

    mk = market([3, 1, 4, 2], [2, 3, 1, 4], sigma=6.0, eps=0.6, eta=-0.5)
    mdl = model(mk)
    clauses = [
        PriceGapSubsidyClause(id="g", floor_price=usd_t(1.3 * P0), eligible_producers=["US"],
                              volume_cap=Volume(amount=cap), **common()),
        CfdClause(id="c", strike_price=usd_t(0.8 * P0), rebate_threshold=usd_t(0.9 * P0), clawback_share=0.5,
                  eligible_producers=["US"], **common()),
        BorderFloorClause(id="f", floor_price=usd_t(0.9 * P0), **common(parties=["EU"])),
        TariffClause(id="t", rate=0.4, exporters=["ROW"], **common(parties=["EU"])),
    ]
    comps, _ = compile_clauses(mdl, clauses)
    setup = prepare(mdl, ["ore"], comps)
    cases = build_cases(setup, np.ones((1, 3, 1)), purchase_volume(setup, {}, 1))
    one = _subset(cases, np.arange(len(cases.production_share)) < 1)
    y = np.log(np.array([[1.05, 0.97, 1.1, 0.93]]))
    _z, jac, _ = _evaluate(one, y, True)
    h = 1e-6
    for k in range(4):
        dy = np.zeros_like(y)
        dy[0, k] = h
        fd = (_evaluate(one, y + dy, False)[0] - _evaluate(one, y - dy, False)[0]) / (2 * h)
        assert jac[0, :, k] == pytest.approx(fd[0], rel=1e-5, abs=1e-7), k


def test_an_infeasible_market_among_many_clauses_names_the_one_that_fails_alone():
    # 30 small purchases and one that wants 78 t from ROW (5 t, supply elasticity 0.2: at most ~55 t within the price
    # bound): the clause is found in one batched solve of each clause alone, not by removing 31 clauses one at a time
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.2, eta=-0.2)
    small = [PurchaseClause(id=f"small-{k}", annual_volume=Volume(amount=0.01), agreed_price=usd_t(P0),
                            sources=["ROW"], **common()) for k in range(30)]
    huge = PurchaseClause(id="huge", annual_volume=Volume(amount=78), agreed_price=usd_t(P0), sources=["ROW"],
                          **common())
    with pytest.raises(InfeasibleMarket, match=r"under clause huge even on its own") as exc:
        run(model(mk), [*small[:15], huge, *small[15:]])
    assert exc.value.clause_ids == ("huge",) and exc.value.year == 2026


def test_two_purchases_that_fit_alone_but_not_together_are_both_named():
    # ROW (5 t, supply elasticity 0.2) can deliver either 40 t purchase, not both; the 0.01 t one is not to blame
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.2, eta=-0.2)
    us, eu, jp = (PurchaseClause(id=cid, annual_volume=Volume(amount=t), agreed_price=usd_t(P0), sources=["ROW"],
                                 **common()) for cid, t in (("us-buy", 40), ("eu-buy", 40), ("jp-buy", 0.01)))
    run(model(mk), [us, jp])
    run(model(mk), [eu, jp])
    with pytest.raises(InfeasibleMarket, match=r"- the market clears without clause us-buy, eu-buy$") as exc:
        run(model(mk), [us, jp, eu])
    assert exc.value.clause_ids == ("us-buy", "eu-buy")


def test_up_to_twelve_clauses_are_narrowed_down_to_the_one_without_which_the_market_clears():
    # ROW (5 t, supply elasticity 0.2) delivers at most ~55 t: a 50 t purchase fits alone, not beside 1 t ones.
    # With 12 clauses in all, each is taken out in turn and the 50 t one named (docs/cli.md: up to 12); with 13
    # the market is not narrowed down (each try is a solve of the whole market) and all are named as they are
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.2, eta=-0.2)
    big = PurchaseClause(id="big", annual_volume=Volume(amount=50), agreed_price=usd_t(P0), sources=["ROW"],
                         **common())
    small = [PurchaseClause(id=f"small-{k}", annual_volume=Volume(amount=1), agreed_price=usd_t(P0),
                            sources=["ROW"], **common()) for k in range(12)]
    with pytest.raises(InfeasibleMarket, match=r"- the market clears without clause big$") as exc:
        run(model(mk), [big, *small[:11]])
    assert exc.value.clause_ids == ("big",)
    with pytest.raises(InfeasibleMarket) as exc:
        run(model(mk), [big, *small])
    assert len(exc.value.clause_ids) == 13 and "clears without" not in str(exc.value)


def test_settling_capped_purchases_reports_progress_round_by_round():
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.05, eta=-0.05)
    capped = PurchaseClause(id="capped", annual_volume=Volume(amount=30), price_basis="market_plus_premium",
                            sources=["EU"], budget_cap=Money(amount=20 * P0), **common())
    told = []
    mdl = model(mk)
    comps, _ = compile_clauses(mdl, [capped])
    res = evaluate_model(mdl, comps, progress=lambda done, total, what: told.append((done, total, what)))
    assert told and told[0] == (1, 40, "capped") and [d for d, _t, _w in told] == list(range(1, len(told) + 1))
    assert res.fiscal.query("instrument == 'purchase_outlay'").amount_usd.sum() == pytest.approx(20 * P0, rel=1e-9)
