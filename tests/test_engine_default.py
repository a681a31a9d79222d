"""Engine on the built-in default scenario and the embedded dataset: contract shapes, identities, calibration."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.defaults import default_scenario
from workbench.engine import EngineInputError, evaluate
from workbench.engine.evaluate import model_for
from workbench.engine.instruments import INSTRUMENTS
from workbench.engine.results import PARTNER_COLUMNS


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


@pytest.fixture(scope="module")
def result(scenario):
    return evaluate(scenario)


def _with_assumptions(scenario, **update):
    a = scenario.document.assumptions.model_copy(update=update)
    return scenario.model_copy(update={"document": scenario.document.model_copy(update={"assumptions": a})})


def test_result_shapes_follow_the_contract(result):
    assert result.regions == ["US", "EU", "JP", "MX", "CN", "ROW"]
    assert result.years == list(range(2026, 2036))
    assert result.region_names["CN"] == "China" and result.region_names["US"] == "United States"
    assert list(result.partner_table.columns) == list(PARTNER_COLUMNS)
    assert list(result.partner_table.index) == result.regions
    assert list(result.fiscal.columns) == ["year", "region", "clause_id", "instrument", "amount_usd"]
    assert set(result.fiscal.instrument) <= set(INSTRUMENTS)
    assert list(result.prices.columns) == ["year", "mineral", "region", "consumer_base", "consumer",
                                           "producer_base", "producer"]
    assert list(result.volumes.columns) == ["year", "mineral", "exporter", "importer", "base_t", "policy_t"]
    assert list(result.mineral_table.columns) == ["region", "mineral", "consumer_price_change_pct",
                                                  "producer_price_change_pct", "fiscal_cost_pv_usd",
                                                  "china_share_pct", "china_share_base_pct"]
    assert list(result.fiscal_by_instrument().columns) == list(INSTRUMENTS)
    data = result.to_json()
    assert set(data["partners"]["US"]) == set(PARTNER_COLUMNS)


def test_results_are_read_only(result):
    with pytest.raises(AttributeError):
        result.years = []
    with pytest.raises(ValueError):
        result.consumer_price[0, 0, 0] = 0.0


def test_every_number_is_finite(result):
    for frame in (result.partner_table, result.prices, result.volumes, result.mineral_table,
                  result.fiscal_by_instrument()):
        num = frame.select_dtypes("number").to_numpy()
        assert np.isfinite(num).all()
    assert np.isfinite(result.fiscal.amount_usd).all()


def test_default_scenario_effects_have_the_expected_signs(result):
    t = result.partner_table
    inst = result.fiscal_by_instrument()
    # the trilateral NdPr floor earns levy revenue in the EU and Japan, which import Chinese oxide
    assert inst.at["JP", "levy_revenue"] < 0 and inst.at["EU", "levy_revenue"] < 0
    # the US pays the NdPr price gap and the stockpile, and collects the tungsten tariff
    assert inst.at["US", "subsidy_payment"] > 0 and inst.at["US", "purchase_outlay"] > 0
    assert inst.at["US", "tariff_revenue"] < 0
    # the nickel CfD is split 40/30/30 between the EU, Japan and the US
    cfd = result.fiscal.query("clause_id == 'nickel-cfd'").groupby("region").amount_usd.sum()
    assert cfd["EU"] / cfd.sum() == pytest.approx(0.4)
    # NdPr consumers in the floor zone pay more; Chinese producers get less
    mt = result.mineral_table.set_index(["region", "mineral"])
    assert mt.at[("JP", "ndpr_oxide"), "consumer_price_change_pct"] > 10
    assert mt.at[("CN", "ndpr_oxide"), "producer_price_change_pct"] < 0
    assert t.at["US", "china_share_pct"] < t.at["US", "china_share_base_pct"]
    assert t.at["US", "stockpile_days_cover"] > 0 and t.at["EU", "stockpile_days_cover"] == 0


def test_markets_clear_in_the_default_scenario(result):
    supplied = result.flows.sum(axis=3) + result.gov_flows.sum(axis=3)
    assert np.allclose(supplied, result.production, rtol=1e-8)
    vol = result.volumes.groupby(["year", "mineral", "exporter"]).policy_t.sum()
    prod = {(y, m, r): result.production[i, j, k] for i, m in enumerate(result.minerals)
            for j, y in enumerate(result.years) for k, r in enumerate(result.regions)}
    assert all(vol[key] == pytest.approx(prod[key], rel=1e-8) for key in prod)


def test_ledger_adds_up_to_every_table(result):
    f = result.fiscal
    pv = result.partner_table.fiscal_cost_pv_usd.sum()
    assert result.fiscal_by_instrument().to_numpy().sum() == pytest.approx(pv)
    assert result.mineral_table.fiscal_cost_pv_usd.sum() == pytest.approx(pv)
    annual = f.groupby("region").amount_usd.sum() / len(result.years)
    for region, v in annual.items():
        assert result.partner_table.at[region, "fiscal_cost_avg_usd"] == pytest.approx(v)


def test_calibration_reproduces_the_base_year(scenario):
    model = model_for(scenario)
    for mk in model.markets.values():
        assert np.allclose(mk.flows.sum(axis=1), mk.production)
        assert np.allclose(mk.flows.sum(axis=0), mk.consumption)
        assert mk.production.sum() == pytest.approx(mk.consumption.sum())
    no_clauses = scenario.model_copy(update={"document": scenario.document.model_copy(update={"clauses": []})})
    res = evaluate(no_clauses)
    assert np.allclose(res.consumer_price, res.base_price[:, :, None])
    assert res.fiscal.empty


def test_selected_clauses_and_options(scenario, result):
    alone = evaluate(scenario, clause_ids=["tungsten-tariff"])
    assert set(alone.fiscal.clause_id) == {"tungsten-tariff"}
    # markets are separate by mineral: costing one clause alone gives its share of the full run
    full = result.fiscal.query("clause_id == 'tungsten-tariff'").amount_usd.sum()
    assert alone.fiscal.amount_usd.sum() == pytest.approx(full)
    a = evaluate(scenario, option="A", clause_ids=["nickel-cfd"]).fiscal.amount_usd.sum()
    b = evaluate(scenario, option="B", clause_ids=["nickel-cfd"]).fiscal.amount_usd.sum()
    assert b > a > 0  # strike USD 18,500 pays more than USD 17,000
    with pytest.raises(EngineInputError, match="no-such-clause"):
        evaluate(scenario, clause_ids=["no-such-clause"])


def test_assumptions_are_applied(scenario, result):
    slower = evaluate(_with_assumptions(scenario, discount_rate=0.10))
    jp_pv = result.partner_table.at["JP", "fiscal_cost_pv_usd"]
    assert abs(slower.partner_table.at["JP", "fiscal_cost_pv_usd"]) < abs(jp_pv)
    assert slower.partner_table.at["JP", "fiscal_cost_avg_usd"] == pytest.approx(
        result.partner_table.at["JP", "fiscal_cost_avg_usd"])
    from workbench.document.scenario import DataOverride, PricePath

    path = _with_assumptions(scenario, price_paths={"nickel": PricePath(kind="trend", annual_change=0.05)})
    res = evaluate(path)
    nickel = res.prices.query("mineral == 'nickel' and region == 'US'").consumer_base.to_numpy()
    assert nickel[1] / nickel[0] == pytest.approx(1.05)
    over = _with_assumptions(scenario, data_overrides=[DataOverride(mineral="nickel", field="reference_price",
                                                                    value=25000.0)])
    assert evaluate(over).prices.query("mineral == 'nickel'").consumer_base.iloc[0] == pytest.approx(25000.0)


def test_partner_countries_and_data_overrides_shape_the_markets(scenario):
    from workbench.data import load_dataset
    from workbench.document.scenario import DataOverride, Partner

    data = load_dataset().mineral("nickel")
    partners = list(scenario.document.partners) + [
        Partner(code="CA", name="Canada", role="member"),
        Partner(code="ID", name="Indonesia and the Philippines", role="observer",
                countries=["Indonesia", "Philippines"])]
    wider = scenario.model_copy(update={"document": scenario.document.model_copy(update={"partners": partners})})
    model = model_for(wider)
    nickel = model.markets["nickel"]
    regions = list(model.regions)
    assert regions == ["US", "EU", "JP", "MX", "CA", "ID", "CN", "ROW"]
    assert nickel.production[regions.index("CA")] == data.production["Canada"].value
    assert nickel.production[regions.index("ID")] == data.production["Indonesia"].value \
        + data.production["Philippines"].value
    assert nickel.consumption[regions.index("CA")] == data.consumption["CA"].value
    assert nickel.consumption[regions.index("ID")] == 0.0  # no consumption figure for a custom code
    assert any(w.startswith("partner ID: the dataset has no consumption figure for") for w in model.warnings)
    assert nickel.production.sum() == pytest.approx(nickel.consumption.sum())

    over = _with_assumptions(scenario, data_overrides=[
        DataOverride(mineral="nickel", region="US", field="production", value=200000.0)])
    model = model_for(over)
    nickel = model.markets["nickel"]
    assert nickel.production[0] == 200000.0
    assert nickel.production.sum() == pytest.approx(nickel.consumption.sum())  # consumption rescaled
    assert any("nickel: consumption rescaled" in w for w in model.warnings)


def test_levy_and_price_gap_follow_from_the_price_and_volume_tables(result):
    # docs/model.md, worked example: levy = sum over non-party sources (F - producer price) x imports
    year, floor = 2026, 110_000.0
    prices = result.prices.query(f"year == {year} and mineral == 'ndpr_oxide'").set_index("region").producer
    vol = result.volumes.query(f"year == {year} and mineral == 'ndpr_oxide' and importer == 'JP'").set_index("exporter")
    expected = sum((floor - prices[src]) * vol.at[src, "policy_t"] for src in ("MX", "CN", "ROW"))
    levy = result.fiscal.query(f"year == {year} and region == 'JP' and instrument == 'levy_revenue'").amount_usd.sum()
    assert levy == pytest.approx(-expected, rel=1e-9)
    m, t = result.minerals.index("ndpr_oxide"), 0
    us_out = result.production[m, t, 0]
    market = floor - result.fiscal.query(f"year == {year} and clause_id == 'ndpr-price-gap'").amount_usd.sum() / us_out
    assert prices["US"] == pytest.approx(floor)  # producers receive the floor
    assert float(result.flows[m, t, 0].sum() + result.gov_flows[m, t, 0].sum()) == pytest.approx(us_out)
    assert 0 < market < floor


def test_tariff_purchases_storage_end_value_and_pv_by_calculator(result):
    f = result.fiscal.groupby(["year", "clause_id", "instrument", "region"]).amount_usd.sum()
    prices = result.prices.set_index(["year", "mineral", "region"]).producer.sort_index()
    vol = result.volumes.set_index(["year", "mineral", "exporter", "importer"]).policy_t

    def by_region(year, mineral):
        return prices.loc[(year, mineral)].reindex(result.regions).to_numpy()

    # tungsten: 50% of the Chinese FOB price on US imports from China, a receipt of the US
    tariff = 0.5 * prices[(2026, "tungsten", "CN")] * vol[(2026, "tungsten", "CN", "US")]
    assert f[(2026, "tungsten-tariff", "tariff_revenue", "US")] == pytest.approx(-tariff, rel=1e-9)
    # indium: 133.3 t a year at USD 312.5/kg for three years is the USD 125 m budget (400 t)
    ind = result.fiscal.query("clause_id == 'indium-purchase'").pivot_table(
        index="year", columns="instrument", values="amount_usd", aggfunc="sum").fillna(0.0)
    assert ind.purchase_outlay.to_dict() == pytest.approx({y: 400 / 3 * 312_500 if y <= 2028 else 0.0
                                                           for y in result.years}, rel=1e-9)
    m = result.minerals.index("indium")
    assert result.stock_end[m, 0] == pytest.approx(400.0)
    share = result.base_production[m, 0] * np.isin(result.regions, ["JP", "ROW"])
    src_price = {y: (by_region(y, "indium") * share).sum() / share.sum() for y in result.years}
    held = {y: 400 / 3 * min(y - 2025, 3) for y in result.years}
    # storage: 2% a year of the stock valued like its end value, at the lower of market and baseline price
    value = {y: min(src_price[y], 370_000.0) for y in result.years}
    assert ind.storage_cost.to_dict() == pytest.approx({y: 0.02 * held[y] * value[y] for y in result.years})
    assert ind.at[2035, "stock_end_value"] == pytest.approx(-400 * 370_000.0, rel=1e-9)  # back at the base price
    # cobalt: 5,000 t a year at the sources' market prices (no premium), split by their base production
    m = result.minerals.index("cobalt")
    bought = result.gov_flows[m, 0].sum(axis=1)
    assert bought.sum() == pytest.approx(5000.0)
    cost = (bought * by_region(2026, "cobalt")).sum()
    assert f[(2026, "stockpile-cobalt", "purchase_outlay", "US")] == pytest.approx(cost, rel=1e-9)
    # present value: annual net cost discounted at 3% from the first horizon year
    us = result.fiscal.query("region == 'US'").groupby("year").amount_usd.sum()
    pv = sum(v / 1.03 ** (y - 2025) for y, v in us.items())
    assert result.partner_table.at["US", "fiscal_cost_pv_usd"] == pytest.approx(pv, rel=1e-12)


def test_data_overrides_at_their_limits(scenario):
    from workbench.document.scenario import DataOverride

    def nickel(*overrides):
        return model_for(_with_assumptions(scenario, data_overrides=list(overrides))).markets["nickel"]

    def over(field, value, region="*"):
        return DataOverride(mineral="nickel", region=region, field=field, value=value)

    # a reference price must be positive: 0 is refused by name, half a dollar a tonne is taken as given
    with pytest.raises(EngineInputError, match=r"data_overrides\[0\]\.value: a reference price must be > 0, got 0"):
        nickel(over("reference_price", 0.0))
    assert nickel(over("reference_price", 0.5)).price == 0.5
    # a world total keeps each region's share, however small the figures it scales (here half a tonne in all)
    regions = ["US", "EU", "JP", "MX", "CN", "ROW"]
    tiny = [over("production", 0.25 if r in ("US", "CN") else 0.0, r) for r in regions]
    market = nickel(*tiny, over("production", 1000.0))
    assert market.production.tolist() == pytest.approx([500, 0, 0, 0, 500, 0])
    assert market.consumption.sum() == pytest.approx(1000)
    # consumption overrides above the overridden world output cannot be met by rescaling the others
    with pytest.raises(EngineInputError, match=r"nickel: consumption overrides \(1,500 t\) exceed world production "
                                               r"\(1,000 t\)"):
        nickel(over("production", 1000.0), over("consumption", 1500.0, "US"))
    fits = nickel(over("production", 1000.0), over("consumption", 900.0, "US"))
    assert fits.consumption[0] == 900 and fits.consumption.sum() == pytest.approx(1000)


def test_a_custom_price_index_is_used_year_by_year_and_must_cover_the_horizon(scenario):
    from workbench.document.scenario import PricePath

    index = [1.0, 1.1, 1.2, 1.3, 1.2, 1.1, 1.0, 0.9, 0.9, 0.9]     # ten values for 2026-2035
    res = evaluate(_with_assumptions(scenario, price_paths={"nickel": PricePath(kind="custom", index=index)}))
    nickel = res.prices.query("mineral == 'nickel' and region == 'US'").consumer_base.to_numpy()
    assert nickel / nickel[0] == pytest.approx(index)
    short = _with_assumptions(scenario, price_paths={"nickel": PricePath(kind="custom", index=index[:3])})
    with pytest.raises(EngineInputError, match=r"price_paths\.nickel\.index: needs 10 values, got 3"):
        evaluate(short)


def test_elasticity_ranges_come_from_the_dataset(scenario):
    # resources/data: nickel supply 0.8 (0.3-1.5), demand -0.3 (-0.6 to -0.1), flagged assumptions with ranges
    nickel = model_for(scenario).markets["nickel"]
    assert set(nickel.supply_elasticity) == {0.8} and set(nickel.demand_elasticity) == {-0.3}
    assert set(nickel.supply_low) == {0.3} and set(nickel.supply_high) == {1.5}
    assert set(nickel.demand_low) == {-0.6} and set(nickel.demand_high) == {-0.1}
