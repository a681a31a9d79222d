"""Every column of the results tables on a tiny hand-made run, each figure worked out on paper.

Two minerals (ore, salt), three years (2026-28, discount factors 0.5, 0.25, 0.125), four regions (US, EU, JP, CN;
the zone is US and EU). Baseline prices: ore USD 100, 100, 200/t; salt USD 10/t every year.

The fiscal ledger (USD, + = outlay):

    floor  levy_revenue     (ore)   US  -40, -80, 0
    buy    purchase_outlay  (salt)  US  100, 0, 0;  EU 300, 0, 0
    buy    stock_end_value  (salt)  US  0, 0, -60;  EU 0, 0, -180   (non-cash: the stock's value at the end)
    cfd    cfd_payment      (ore)   JP   10, 20, 30

so the net cost a year is US 60, -80, -60; EU 300, 0, -180; JP 10, 20, 30; CN nothing, and the cash cost (without
the stock's end value) US 60, -80, 0; EU 300, 0, 0.

Quantities (t a year): base consumption of ore US 1, EU 2, CN 1; of salt US 10, 10, 20. Base production of ore
US 1, CN 3; of salt CN 10 a year. Base trade: ore US->US 1, CN->EU 2, CN->CN 1; salt CN->US 10, 10, 20. Trade
under the clauses: ore US->US 1, US->EU 1, CN->EU 1, CN->CN 1; salt CN->US 10, 10, 15 and EU->US 0, 0, 5.
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.engine.instruments import INSTRUMENTS
from workbench.engine.results import PARTNER_COLUMNS, EvaluationResult, MonteCarloResult

REGIONS = ["US", "EU", "JP", "CN"]
US, EU, JP, CN = range(4)
ORE, SALT = 0, 1
YEARS = [2026, 2027, 2028]


def _by_region(**years_by_region) -> np.ndarray:
    a = np.zeros((3, 4))
    for code, per_year in years_by_region.items():
        a[:, REGIONS.index(code)] = per_year
    return a


def tiny(ledger=None, **override) -> EvaluationResult:
    base_price = np.array([[100.0, 100.0, 200.0], [10.0, 10.0, 10.0]])
    pb = base_price[:, :, None]
    base_consumption = np.zeros((2, 3, 4))
    base_consumption[ORE, :, [US, EU, CN]] = [[1.0], [2.0], [1.0]]
    base_consumption[SALT, :, US] = [10.0, 10.0, 20.0]
    base_production = np.zeros((2, 3, 4))
    base_production[ORE, :, US], base_production[ORE, :, CN], base_production[SALT, :, CN] = 1.0, 3.0, 10.0
    base_flows = np.zeros((2, 3, 4, 4))
    base_flows[ORE, :, US, US], base_flows[ORE, :, CN, EU], base_flows[ORE, :, CN, CN] = 1.0, 2.0, 1.0
    base_flows[SALT, :, CN, US] = [10.0, 10.0, 20.0]
    flows = np.zeros((2, 3, 4, 4))
    flows[ORE, :, US, US] = flows[ORE, :, US, EU] = flows[ORE, :, CN, EU] = flows[ORE, :, CN, CN] = 1.0
    flows[SALT, :, CN, US] = [10.0, 10.0, 15.0]
    flows[SALT, :, EU, US] = [0.0, 0.0, 5.0]
    gov_flows = np.zeros((2, 3, 4, 4))
    gov_flows[SALT, 0, CN, US] = 1.0
    consumer_price = np.broadcast_to(pb, (2, 3, 4)).copy()
    consumer_price[ORE, 0, US] = 110.0            # +10 % in 2026
    consumer_price[SALT, 2, US] = 13.0            # +30 % in 2028
    consumer_price[ORE, :, EU] *= 1.05            # +5 % every year
    consumer_price[ORE, :, JP] *= 3.0             # JP buys nothing: its price weighs nothing
    producer_price = np.broadcast_to(pb, (2, 3, 4)).copy()
    producer_price[ORE, :, US] *= 1.2
    producer_price[ORE, :, CN] *= 0.9
    producer_price[ORE, :, EU] *= 2.0             # the EU makes no ore
    consumer_surplus = np.zeros((2, 3, 4))
    consumer_surplus[ORE, :, US] = -10.0
    consumer_surplus[SALT, 2, US] = -20.0
    consumer_surplus[ORE, 0, EU] = -4.0
    producer_surplus = np.zeros((2, 3, 4))
    producer_surplus[ORE, 0, US] = 16.0
    producer_surplus[ORE, 1, CN] = 8.0
    stock_end = np.zeros((2, 4))
    stock_end[SALT, US], stock_end[ORE, EU], stock_end[SALT, EU] = 0.6, 2.0, 18.0
    if ledger is None:
        ledger = [("floor", "levy_revenue", "ore", ORE, _by_region(US=[-40.0, -80.0, 0.0])),
                  ("buy", "purchase_outlay", "salt", SALT, _by_region(US=[100.0, 0, 0], EU=[300.0, 0, 0])),
                  ("buy", "stock_end_value", "salt", SALT, _by_region(US=[0, 0, -60.0], EU=[0, 0, -180.0])),
                  ("cfd", "cfd_payment", "ore", ORE, _by_region(JP=[10.0, 20.0, 30.0]))]
    fields = dict(
        years=YEARS, regions=REGIONS, region_names={"US": "United States", "EU": "European Union", "JP": "Japan",
                                                    "CN": "China"},
        minerals=["ore", "salt"], discount=np.array([0.5, 0.25, 0.125]), base_price=base_price,
        consumer_price=consumer_price, producer_price=producer_price, base_consumption=base_consumption,
        base_production=base_production, base_flows=base_flows, flows=flows, gov_flows=gov_flows,
        production=base_production.copy(), consumer_surplus=consumer_surplus, producer_surplus=producer_surplus,
        ledger=ledger, stock_end=stock_end, members=["US", "EU"], warnings=["a plain warning"])
    fields.update(override)
    return EvaluationResult(**fields)


def test_the_net_and_cash_cost_a_year_add_up_the_ledger():
    r = tiny()
    assert r.annual_net.tolist() == [[60, 300, 10, 0], [-80, 0, 20, 0], [-60, -180, 30, 0]]
    assert r.annual_stock_value.tolist() == [[0, 0, 0, 0], [0, 0, 0, 0], [60, 180, 0, 0]]
    assert r.annual_cash.tolist() == [[60, 300, 10, 0], [-80, 0, 20, 0], [0, 0, 30, 0]]


def test_the_partner_tables_fiscal_columns():
    pt = tiny().partner_table
    assert list(pt.columns) == list(PARTNER_COLUMNS) and list(pt.index) == REGIONS and pt.index.name == "region"
    expected = {
        # net: the average, the PV (60 x 0.5 - 80 x 0.25 - 60 x 0.125 = 2.5) and the worst year
        "fiscal_cost_avg_usd": [-80 / 3, 40.0, 20.0, 0.0],
        "fiscal_cost_pv_usd": [2.5, 127.5, 13.75, 0.0],
        "fiscal_cost_peak_usd": [60.0, 300.0, 30.0, 0.0],
        # cash: the same without the stock's end value (US 60, -80, 0)
        "cash_cost_avg_usd": [-20 / 3, 100.0, 20.0, 0.0],
        "cash_cost_pv_usd": [10.0, 150.0, 13.75, 0.0],
        "cash_cost_peak_usd": [60.0, 300.0, 30.0, 0.0],
        # the stock's end value, discounted from 2028: US 60 x 0.125, EU 180 x 0.125
        "stock_value_pv_usd": [7.5, 22.5, 0.0, 0.0],
    }
    for column, values in expected.items():
        assert pt[column].tolist() == pytest.approx(values), column
    assert (pt.cash_cost_pv_usd - pt.stock_value_pv_usd).tolist() == pytest.approx(pt.fiscal_cost_pv_usd.tolist())


def test_the_partner_tables_price_changes_are_weighted_by_baseline_value():
    pt = tiny().partner_table
    # US consumers: ore worth 100, 100, 200 (+10 % in 2026), salt worth 100, 100, 200 (+30 % in 2028): 70 / 800
    # EU: ore only, +5 % throughout; JP buys nothing; CN pays the baseline
    assert pt.consumer_price_change_pct.tolist() == pytest.approx([8.75, 5.0, 0.0, 0.0])
    # producers: US ore +20 %; CN ore -10 % on 1,200 of ore and 0 % on 300 of salt: -8 %; EU and JP make nothing
    assert pt.producer_price_change_pct.tolist() == pytest.approx([20.0, 0.0, 0.0, -8.0])


def test_the_partner_tables_shares_of_supply_by_value():
    pt = tiny().partner_table
    # the US buys ore worth 400 from itself and salt worth 400 from CN in the base (50 %); under the clauses salt
    # worth 350 from CN and 50 from the EU: 350 / 800 from China, 450 / 800 from the zone
    assert pt.china_share_base_pct.tolist() == pytest.approx([50.0, 100.0, 0.0, 100.0])
    assert pt.china_share_pct.tolist() == pytest.approx([43.75, 50.0, 0.0, 100.0])
    assert pt.zone_share_pct.tolist() == pytest.approx([56.25, 50.0, 0.0, 0.0])


def test_the_partner_tables_surplus_and_welfare():
    pt = tiny().partner_table
    # US consumers lose 10 a year of ore (PV 8.75) and 20 of salt in 2028 (2.5); its producers gain 16 in 2026
    assert pt.consumer_surplus_change_pv_usd.tolist() == pytest.approx([-11.25, -2.0, 0.0, 0.0])
    assert pt.producer_surplus_change_pv_usd.tolist() == pytest.approx([8.0, 0.0, 0.0, 2.0])
    # welfare = consumer + producer surplus - net fiscal cost
    assert pt.welfare_change_pv_usd.tolist() == pytest.approx([-5.75, -129.5, -13.75, 2.0])


def test_the_stockpile_covers_days_of_the_last_years_consumption_of_what_it_holds():
    pt = tiny().partner_table
    # the US holds 0.6 t of salt (USD 6) against 20 t a year of salt (USD 200 / 365 a day): 10.95 days;
    # the EU holds 2 t of ore (USD 400 at 2028's price) and 18 t of salt it does not use (USD 180), against its
    # 2 t a year of ore: 580 / (400 / 365) days
    assert pt.stockpile_days_cover.tolist() == pytest.approx([10.95, 580 * 365 / 400, 0.0, 0.0])


def test_the_long_ledger_lists_every_non_zero_amount():
    fiscal = tiny().fiscal
    assert list(fiscal.columns) == ["year", "region", "clause_id", "instrument", "amount_usd"]
    assert fiscal.dtypes.year == np.int64 and fiscal.dtypes.amount_usd == np.float64
    assert [tuple(row) for row in fiscal.itertuples(index=False)] == [
        (2026, "US", "floor", "levy_revenue", -40.0), (2027, "US", "floor", "levy_revenue", -80.0),
        (2026, "US", "buy", "purchase_outlay", 100.0), (2026, "EU", "buy", "purchase_outlay", 300.0),
        (2028, "US", "buy", "stock_end_value", -60.0), (2028, "EU", "buy", "stock_end_value", -180.0),
        (2026, "JP", "cfd", "cfd_payment", 10.0), (2027, "JP", "cfd", "cfd_payment", 20.0),
        (2028, "JP", "cfd", "cfd_payment", 30.0)]


def test_a_run_without_clauses_has_an_empty_typed_ledger():
    r = tiny(ledger=[])
    assert r.fiscal.empty and list(r.fiscal.columns) == ["year", "region", "clause_id", "instrument", "amount_usd"]
    assert r.fiscal.dtypes.year == np.int64 and r.fiscal.dtypes.amount_usd == np.float64
    assert r.partner_table.fiscal_cost_pv_usd.tolist() == [0.0] * 4


def test_the_price_and_volume_tables_in_long_form():
    r = tiny()
    prices = r.prices
    assert len(prices) == 2 * 3 * 4
    row = prices.query("year == 2028 and mineral == 'salt' and region == 'US'").iloc[0]
    assert (row.consumer_base, row.consumer, row.producer_base, row.producer) == (10.0, 13.0, 10.0, 10.0)
    row = prices.query("year == 2027 and mineral == 'ore' and region == 'CN'").iloc[0]
    assert (row.consumer, row.producer) == (100.0, pytest.approx(90.0))
    volumes = r.volumes
    assert len(volumes) == 2 * 3 * 4 * 4
    row = volumes.query("year == 2026 and mineral == 'salt' and exporter == 'CN' and importer == 'US'").iloc[0]
    assert (row.base_t, row.policy_t) == (10.0, 11.0)   # 10 t of trade and 1 t bought by the government
    row = volumes.query("year == 2028 and mineral == 'salt' and exporter == 'EU' and importer == 'US'").iloc[0]
    assert (row.base_t, row.policy_t) == (0.0, 5.0)
    assert volumes.policy_t.sum() == pytest.approx(r.flows.sum() + 1.0)


def test_the_mineral_table_splits_each_regions_figures_by_mineral():
    table = tiny().mineral_table.set_index(["mineral", "region"])
    assert len(table) == 8
    ore_us, salt_us, ore_eu, ore_cn = (table.loc[k] for k in (("ore", "US"), ("salt", "US"), ("ore", "EU"),
                                                                 ("ore", "CN")))
    # price changes over the years, weighted by the year's baseline value: US ore +10 % of 100 out of 400
    assert (ore_us.consumer_price_change_pct, salt_us.consumer_price_change_pct) == pytest.approx((2.5, 15.0))
    assert ore_eu.consumer_price_change_pct == pytest.approx(5.0)
    assert (ore_us.producer_price_change_pct, ore_cn.producer_price_change_pct) == pytest.approx((20.0, -10.0))
    assert table.loc[("salt", "CN")].producer_price_change_pct == pytest.approx(0.0)
    # fiscal PV of each mineral's clauses: ore's levy for the US (-40), salt's purchase net of its stock (42.5)
    assert (ore_us.fiscal_cost_pv_usd, salt_us.fiscal_cost_pv_usd) == pytest.approx((-40.0, 42.5))
    assert table.loc[("ore", "JP")].fiscal_cost_pv_usd == pytest.approx(13.75)
    assert table.loc[("salt", "EU")].fiscal_cost_pv_usd == pytest.approx(127.5)
    # China's share of the tonnes bought: salt to the US 35 of 40 (all of it in the base); ore to the EU 1 of 2
    assert (salt_us.china_share_pct, salt_us.china_share_base_pct) == pytest.approx((87.5, 100.0))
    assert (ore_eu.china_share_pct, ore_eu.china_share_base_pct) == pytest.approx((50.0, 100.0))
    assert (ore_us.china_share_pct, table.loc[("ore", "JP")].china_share_pct) == (0.0, 0.0)


def test_fiscal_pv_by_instrument():
    by = tiny().fiscal_by_instrument()
    assert list(by.columns) == list(INSTRUMENTS) and list(by.index) == REGIONS
    assert by.at["US", "levy_revenue"] == pytest.approx(-40.0)
    assert (by.at["US", "purchase_outlay"], by.at["EU", "purchase_outlay"]) == pytest.approx((50.0, 150.0))
    assert (by.at["US", "stock_end_value"], by.at["EU", "stock_end_value"]) == pytest.approx((-7.5, -22.5))
    assert by.at["JP", "cfd_payment"] == pytest.approx(13.75)
    assert by.sum(axis=1).tolist() == pytest.approx([2.5, 127.5, 13.75, 0.0])


def test_the_json_of_a_run():
    out = tiny().to_json()
    assert out["years"] == YEARS and out["regions"] == REGIONS and out["minerals"] == ["ore", "salt"]
    assert out["region_names"]["EU"] == "European Union"
    assert out["partners"]["EU"]["fiscal_cost_pv_usd"] == pytest.approx(127.5)
    assert set(out["partners"]["US"]) == set(PARTNER_COLUMNS)
    assert out["annual_net_fiscal_cost_usd"]["US"] == [60.0, -80.0, -60.0]
    assert out["fiscal_pv_by_instrument_usd"]["JP"]["cfd_payment"] == pytest.approx(13.75)
    assert len(out["minerals_by_region"]) == 8 and out["warnings"] == ["a plain warning"]
    assert out["validity_warnings"] == []


def test_a_result_cannot_be_changed_by_whoever_reads_it():
    r = tiny()
    for array in (r.discount, r.flows, r.ledger[0][-1], r.stock_end):
        with pytest.raises(ValueError):
            array[0] = 1.0


# ---- Monte Carlo: 21 paths, PV 0, 1, ..., 20 for the US (and the negative for the EU) ------------------------------

def _monte_carlo() -> MonteCarloResult:
    paths = np.arange(21.0)
    pv = np.stack([paths, -paths], axis=1)
    annual = np.zeros((21, 3, 2))
    annual[:, :, 0] = paths[:, None] + np.arange(3)    # the US: path p costs p, p + 1, p + 2 in its three years
    annual[:, :, 1] = -paths[:, None]
    return MonteCarloResult(paths=21, seed=7, years=YEARS, regions=["US", "EU"], pv=pv, annual=annual,
                            cfd_rebate_probability={"cfd": 0.25}, warnings=["w"])


def test_the_monte_carlo_summary_reads_percentiles_of_the_paths():
    s = _monte_carlo().summary
    assert list(s.index) == ["US", "EU"]
    # percentiles of 0..20 step one per 5 %: p5 = 1, p50 = 10, p95 = 19; the worst year of path p is p + 2
    assert s.loc["US"].tolist() == pytest.approx([10.0, 1.0, 10.0, 19.0, 21.0])
    assert s.loc["EU"].tolist() == pytest.approx([-10.0, -19.0, -10.0, -1.0, -1.0])


def test_the_monte_carlo_fan_gives_each_years_quantiles():
    fan = _monte_carlo().fan
    assert list(fan.columns) == ["year", "region", "q05", "q25", "q50", "q75", "q95"] and len(fan) == 6
    row = fan.query("year == 2028 and region == 'US'").iloc[0]
    assert [row.q05, row.q25, row.q50, row.q75, row.q95] == pytest.approx([3.0, 7.0, 12.0, 17.0, 21.0])
    row = fan.query("year == 2026 and region == 'EU'").iloc[0]
    assert [row.q05, row.q95] == pytest.approx([-19.0, -1.0])


def test_the_monte_carlo_json_and_its_frozen_arrays():
    mc = _monte_carlo()
    out = mc.to_json()
    assert (out["paths"], out["seed"], out["years"]) == (21, 7, YEARS)
    assert out["summary"]["US"]["p95_pv_usd"] == pytest.approx(19.0)
    assert out["cfd_rebate_probability"] == {"cfd": 0.25} and out["warnings"] == ["w"] and len(out["fan"]) == 6
    with pytest.raises(ValueError):
        mc.pv[0, 0] = 1.0

