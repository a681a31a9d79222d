"""Calibration of a four-region market small enough to do on paper: regions, base-year flows, data overrides applied by
name, rebalancing of world production and consumption, price paths and the calibration report.

The market ("ore", tonnes): Ohio (US) makes 10, France (EU) 20, China 50, Chile (rest of world) 20; the US, the EU
and China use 30 each, the rest of the world ("OTHER") 10. The US data say its imports come 50 % from China, 25 %
from Chile and 25 % from "other countries". Partners US and EU; the model's regions are US, EU, CN, ROW.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from workbench.data.model import Dataset, MineralData, Sourced
from workbench.document.scenario import (
    DataOverride,
    ElasticityOverride,
    Metadata,
    Mineral,
    Partner,
    PricePath,
    Scenario,
    ScenarioDocument,
)
from workbench.engine import EngineInputError
from workbench.engine.calibrate import KnownImports, allocate_flows, country_map, known_imports, price_index
from workbench.engine.calibrate import build_model as _build_model
from workbench.engine.calibration_report import calibration_table, largest_gap, with_every_mineral

US, EU, CN, ROW = range(4)


def _s(value, low=None, high=None):
    return Sourced(value, "t", "test figure", "high", low, high)


def _ore(**change) -> MineralData:
    data = dict(
        id="ore", name="Ore", quantity_unit="t", stage="refined", base_year=2025, reference_price=_s(1000.0),
        price_history={2024: 800.0, 2025: 1000.0},
        production={"Ohio": _s(10.0), "France": _s(20.0), "China": _s(50.0), "Chile": _s(20.0)},
        consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(30.0), "OTHER": _s(10.0)},
        us_net_import_reliance_pct=None, us_import_sources={"China": 0.5, "Chile": 0.25, "Other countries": 0.25},
        supply_elasticity=_s(1.0, 0.5, 2.0), demand_elasticity=_s(-0.5), armington_elasticity=_s(5.0),
        volatility=_s(0.3), mean_reversion=_s(0.4), demand_growth=_s(0.02))
    return MineralData(**(data | change))


def _dataset(*minerals: MineralData, region_countries=None) -> Dataset:
    minerals = minerals or (_ore(),)
    rc = {"US": ["Ohio"], "EU": ["France"]} if region_countries is None else region_countries
    return Dataset(minerals={m.id: m for m in minerals}, region_countries=rc,
                   gdp_usd_bn={"US": _s(100.0), "CN": _s(80.0)})


def _partner(code, **kw):
    return Partner(code=code, name={"US": "United States", "EU": "European Union"}.get(code, code), **kw)


def _scenario(partners=None, minerals=("ore",), **assumptions) -> Scenario:
    meta = Metadata(title="ore by hand", author_delegation="US", created="2026-01-01T00:00:00Z",
                    modified="2026-01-01T00:00:00Z")
    doc = ScenarioDocument(metadata=meta, partners=partners or [_partner("US"), _partner("EU")],
                           minerals=[Mineral(id=m, name=m.title()) for m in minerals])
    return Scenario(document=doc.model_copy(update={
        "assumptions": doc.assumptions.model_copy(update=assumptions)}))


def build_model(scenario=None, dataset=None):
    return _build_model(scenario or _scenario(), dataset or _dataset())


def _ore_market(**assumptions):
    model = build_model(_scenario(**assumptions))
    return model.markets["ore"], model.warnings


def test_the_tiny_market_calibrated_by_hand():
    """Home sales first (the US sells its 10 t at home), its 20 t of imports 50 % China, 25 % Chile, and the unnamed
    25 % from the only producer the US data do not name (France, in the EU); the rest is the pooled market of what is
    left: EU 15, China 40, rest of world 15 t shared over EU 30, China 30, rest of world 10 t of use (of 70)."""
    model = build_model()
    assert model.regions == ("US", "EU", "CN", "ROW") and model.members == ("US", "EU")
    assert model.region_names == {"US": "United States", "EU": "European Union", "CN": "China",
                                  "ROW": "Rest of world"}
    assert model.gdp == {"US": 100.0, "CN": 80.0} and model.warnings == ()
    assert (model.base_year, model.horizon) == (2025, 10)
    ore = model.markets["ore"]
    assert ore.production.tolist() == [10.0, 20.0, 50.0, 20.0]
    assert ore.consumption.tolist() == [30.0, 30.0, 30.0, 10.0]    # "OTHER" is the rest of the world's
    pooled = np.outer([15.0, 40.0, 15.0], [30.0, 30.0, 10.0]) / 70.0
    expected = np.zeros((4, 4))
    expected[:, US] = [10.0, 5.0, 10.0, 5.0]
    expected[EU:, EU:] = pooled
    assert ore.flows == pytest.approx(expected, abs=1e-9)
    assert (ore.price, ore.volatility, ore.mean_reversion, ore.armington, ore.demand_growth) == \
        (1000.0, 0.3, 0.4, 5.0, 0.02)
    assert ore.supply_elasticity.tolist() == [1.0] * 4 and ore.demand_elasticity.tolist() == [-0.5] * 4
    assert ore.supply_low.tolist() == [0.5] * 4 and ore.supply_high.tolist() == [2.0] * 4
    assert ore.demand_low.tolist() == [-0.5] * 4 and ore.demand_high.tolist() == [-0.5] * 4   # no range: the value
    assert ore.price_index.tolist() == [1.0] * 10


def test_regions_are_the_partners_countries_else_the_datasets_list_and_china():
    """A partner's own country list wins over the dataset's; China is CN even when the dataset lists no CN
    countries; a country claimed by two partners goes to the first."""
    ds = _dataset(region_countries={"US": ["Ohio"], "EU": ["France", "Ohio"]})
    partners = [_partner("US"), _partner("EU")]
    assert country_map(partners, ds) == {"Ohio": "US", "France": "EU", "China": "CN"}
    partners = [_partner("US", countries=["Chile"]), _partner("EU")]
    assert country_map(partners, ds) == {"Chile": "US", "France": "EU", "Ohio": "EU", "China": "CN"}
    ds = _dataset(region_countries={"CN": ["China", "Macau"]})
    assert country_map([_partner("US")], ds) == {"China": "CN", "Macau": "CN"}
    # in the model: Chile's 20 t are the US's, Ohio's 10 t the rest of the world's
    model = build_model(_scenario(partners=[_partner("US", countries=["Chile"]), _partner("EU")]))
    assert model.markets["ore"].production.tolist() == [20.0, 20.0, 50.0, 10.0]


def test_a_partner_without_a_consumption_figure_consumes_none_and_is_named():
    model = build_model(_scenario(partners=[_partner("US"), _partner("EU"), _partner("KR"), _partner("MX")]))
    assert model.regions == ("US", "EU", "KR", "MX", "CN", "ROW")
    assert model.markets["ore"].consumption.tolist() == [30.0, 30.0, 0.0, 0.0, 30.0, 10.0]
    assert model.warnings == ("partner KR: the dataset has no consumption figure for ore; modelled as consuming none "
                              "(the rest of the world keeps it)",
                              "partner MX: the dataset has no consumption figure for ore; modelled as consuming none "
                              "(the rest of the world keeps it)")


def test_a_partners_own_gdp_wins_and_regions_without_one_have_none():
    model = build_model(_scenario(partners=[_partner("US"), _partner("EU", gdp_usd_bn=50.0)]))
    assert model.gdp == {"US": 100.0, "EU": 50.0, "CN": 80.0}


def test_a_dataset_figure_the_model_cannot_use_is_refused_by_name():
    """Calibration ends with the model's own checks: a demand growth of 150 % a year in the data is refused."""
    with pytest.raises(EngineInputError, match=r"market 'ore'\.demand_growth: must be between -0\.5 and 1, got 1\.5"):
        build_model(dataset=_dataset(_ore(demand_growth=_s(1.5))))


def test_the_base_year_price_comes_from_the_history_else_the_reference_with_a_warning():
    ore, warnings = _ore_market(base_year=2024)
    assert ore.price == 800.0 and warnings == ()
    ore, warnings = _ore_market(base_year=2023)
    assert ore.price == 1000.0
    assert warnings == ("ore: no price for base year 2023; using the 2025 reference price",)


def test_overrides_apply_to_their_mineral_only_by_name():
    """Overrides of another mineral leave ore alone; ore's reference price, volatility and mean reversion are replaced
    and the demand growth of the assumptions wins over the data's."""
    other = _ore(id="slag", name="Slag")
    overrides = [DataOverride(mineral="slag", field="reference_price", value=5.0),
                 DataOverride(mineral="slag", field="production", value=1.0),
                 DataOverride(mineral="ore", field="reference_price", value=0.5),
                 DataOverride(mineral="ore", field="volatility", value=0.9),
                 DataOverride(mineral="ore", field="mean_reversion", value=0.1)]
    model = build_model(_scenario(minerals=("ore", "slag"), data_overrides=overrides, demand_growth={"slag": 0.05}),
                        _dataset(_ore(), other))
    ore, slag = model.markets["ore"], model.markets["slag"]
    assert (ore.price, ore.volatility, ore.mean_reversion, ore.demand_growth) == (0.5, 0.9, 0.1, 0.02)
    assert ore.production.tolist() == [10.0, 20.0, 50.0, 20.0]
    assert (slag.price, slag.volatility, slag.mean_reversion, slag.demand_growth) == (5.0, 0.3, 0.4, 0.05)
    assert slag.production.sum() == pytest.approx(1.0) and slag.consumption.sum() == pytest.approx(1.0)


def test_a_reference_price_of_zero_is_refused_naming_the_override():
    overrides = [DataOverride(mineral="ore", field="volatility", value=0.2),
                 DataOverride(mineral="ore", field="reference_price", value=0.0)]
    with pytest.raises(EngineInputError, match=r"^assumptions\.data_overrides\[1\]\.value: a reference price must be "
                                               r"> 0, got 0\.0$"):
        _ore_market(data_overrides=overrides)


def test_a_world_production_override_scales_every_producer_and_consumption_follows():
    """Production "*" 200 t doubles every producer; consumption is rescaled to match (30, 30, 30, 10 -> x2)."""
    ore, warnings = _ore_market(data_overrides=[DataOverride(mineral="ore", field="production", value=200.0)])
    assert ore.production.tolist() == [20.0, 40.0, 100.0, 40.0]
    assert ore.consumption == pytest.approx([60.0, 60.0, 60.0, 20.0], rel=1e-12)
    assert warnings == ("ore: consumption rescaled to match overridden world production 200 t",)


def test_one_producers_override_rescales_consumption_and_one_consumers_rescales_production():
    # US output 30 t (was 10): world output 120, every consumer x1.2
    ore, warnings = _ore_market(data_overrides=[DataOverride(mineral="ore", region="US", field="production",
                                                             value=30.0)])
    assert ore.production.tolist() == [30.0, 20.0, 50.0, 20.0]
    assert ore.consumption == pytest.approx([36.0, 36.0, 36.0, 12.0], rel=1e-12)
    assert warnings == ("ore: consumption rescaled to match overridden world production 120 t",)
    # EU use 50 t (was 30): world use 120, every producer x1.2
    ore, warnings = _ore_market(data_overrides=[DataOverride(mineral="ore", region="EU", field="consumption",
                                                             value=50.0)])
    assert ore.consumption.tolist() == [30.0, 50.0, 30.0, 10.0]
    assert ore.production == pytest.approx([12.0, 24.0, 60.0, 24.0], rel=1e-12)
    assert warnings == ("ore: production rescaled to match world consumption 120 t",)


def test_overridden_consumers_keep_their_figure_and_the_others_share_the_rest():
    """US output 30 t (world 120) and EU use 40 t: the other consumers (70 t) share the remaining 80 t."""
    ore, _ = _ore_market(data_overrides=[
        DataOverride(mineral="ore", region="US", field="production", value=30.0),
        DataOverride(mineral="ore", region="EU", field="consumption", value=40.0)])
    assert ore.consumption == pytest.approx([30 * 8 / 7, 40.0, 30 * 8 / 7, 10 * 8 / 7], rel=1e-12)
    assert ore.production.tolist() == [30.0, 20.0, 50.0, 20.0]


def test_consumption_may_take_all_of_world_production_but_not_more():
    over = DataOverride(mineral="ore", region="US", field="production", value=30.0)   # world 120 t
    ore, _ = _ore_market(data_overrides=[over, DataOverride(mineral="ore", region="EU", field="consumption",
                                                            value=120.0)])
    assert ore.consumption.tolist() == [0.0, 120.0, 0.0, 0.0]
    ore, _ = _ore_market(data_overrides=[over, DataOverride(mineral="ore", region="EU", field="consumption",
                                                            value=119.5)])
    assert ore.consumption == pytest.approx([0.5 * 3 / 7, 119.5, 0.5 * 3 / 7, 0.5 / 7], rel=1e-12)
    with pytest.raises(EngineInputError, match=r"^ore: consumption overrides \(121 t\) exceed world production "
                                               r"\(120 t\)$"):
        _ore_market(data_overrides=[over, DataOverride(mineral="ore", region="EU", field="consumption",
                                                       value=121.0)])


def test_consumers_that_are_all_overridden_set_world_output_for_the_producers_not_overridden():
    """US output 30 t, world use 150 t: the other producers (90 t) grow to 120 t."""
    ore, warnings = _ore_market(data_overrides=[
        DataOverride(mineral="ore", region="US", field="production", value=30.0),
        DataOverride(mineral="ore", field="consumption", value=150.0)])
    assert ore.consumption == pytest.approx([45.0, 45.0, 45.0, 15.0], rel=1e-12)
    assert ore.production == pytest.approx([30.0, 20 * 4 / 3, 50 * 4 / 3, 20 * 4 / 3], rel=1e-12)
    assert warnings == ("ore: production rescaled to match world consumption 150 t",)
    # every producer and every consumer overridden: production is scaled as a whole
    ore, warnings = _ore_market(data_overrides=[DataOverride(mineral="ore", field="production", value=100.0),
                                                DataOverride(mineral="ore", field="consumption", value=150.0)])
    assert ore.production == pytest.approx([15.0, 30.0, 75.0, 30.0], rel=1e-12)
    assert warnings == ("ore: production rescaled to match world consumption 150 t",)


def test_production_overrides_that_cannot_meet_world_use_are_refused():
    # only Ohio produces; the US override keeps all of it, nobody else can make the 150 t used
    ohio = _ore(production={"Ohio": _s(100.0)})
    with pytest.raises(EngineInputError, match=r"^ore: production overrides cannot match world consumption 150 t$"):
        build_model(_scenario(data_overrides=[
            DataOverride(mineral="ore", region="US", field="production", value=120.0),
            DataOverride(mineral="ore", field="consumption", value=150.0)]), _dataset(ohio))
    # world use overridden to nothing: there is nothing to produce for
    with pytest.raises(EngineInputError, match=r"^ore: production overrides cannot match world consumption 0 t$"):
        _ore_market(data_overrides=[DataOverride(mineral="ore", field="consumption", value=0.0)])
    # a world use of half a tonne is a market, if a small one
    ore, _ = _ore_market(data_overrides=[DataOverride(mineral="ore", field="consumption", value=0.5)])
    assert ore.production == pytest.approx([0.05, 0.1, 0.25, 0.1], rel=1e-12)


def test_a_consumption_override_on_a_mineral_without_consumption_data_leaves_none_to_produce_for():
    bare = _ore(consumption={})
    with pytest.raises(EngineInputError, match=r"^ore: production overrides cannot match world consumption 0 t$"):
        build_model(_scenario(data_overrides=[DataOverride(mineral="ore", field="consumption", value=50.0)]),
                    _dataset(bare))


def test_a_world_production_of_half_a_tonne_is_a_market_and_zero_is_refused():
    ore, _ = _ore_market(data_overrides=[DataOverride(mineral="ore", field="production", value=0.5)])
    assert ore.production == pytest.approx([0.05, 0.1, 0.25, 0.1], rel=1e-12)
    assert ore.consumption == pytest.approx([0.15, 0.15, 0.15, 0.05], rel=1e-12)
    with pytest.raises(EngineInputError, match=r"^ore: world production must be > 0 \(after data overrides\), got 0$"):
        _ore_market(data_overrides=[DataOverride(mineral="ore", field="production", value=0.0)])


def test_a_rounding_difference_between_world_output_and_use_is_not_rescaled():
    """World use 1e-9 of output above output counts as balanced (no warning, figures kept); 2e-9 is rescaled."""
    close = _ore(consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(30.0), "OTHER": _s(10.0 + 0.5e-7)})
    model = build_model(dataset=_dataset(close))
    assert model.markets["ore"].consumption[ROW] == 10.0 + 0.5e-7 and model.warnings == ()
    apart = _ore(consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(30.0), "OTHER": _s(10.0 + 2e-7)})
    model = build_model(dataset=_dataset(apart))
    assert model.warnings == ("ore: production rescaled to match world consumption 100 t",)
    assert model.markets["ore"].production.sum() == pytest.approx(100.0 + 2e-7, rel=1e-15)


def test_elasticity_overrides_by_region_and_everywhere():
    over = {"ore": ElasticityOverride(supply={"EU": 3.0}, demand={"*": -0.9}, armington=2.0),
            "slag": ElasticityOverride(supply={"*": 0.7})}
    model = build_model(_scenario(minerals=("ore", "slag"), elasticity_overrides=over),
                        _dataset(_ore(), _ore(id="slag", name="Slag")))
    ore, slag = model.markets["ore"], model.markets["slag"]
    assert ore.supply_elasticity.tolist() == [1.0, 3.0, 1.0, 1.0]
    assert ore.supply_low.tolist() == [0.5, 3.0, 0.5, 0.5] and ore.supply_high.tolist() == [2.0, 3.0, 2.0, 2.0]
    assert ore.demand_elasticity.tolist() == [-0.9] * 4
    assert ore.demand_low.tolist() == [-0.9] * 4 and ore.demand_high.tolist() == [-0.9] * 4
    assert ore.armington == 2.0
    assert slag.supply_elasticity.tolist() == [0.7] * 4 and slag.supply_low.tolist() == [0.7] * 4
    assert slag.armington == 5.0 and slag.demand_elasticity.tolist() == [-0.5] * 4


def test_price_paths_flat_trend_and_custom_of_exactly_the_horizon():
    a = _scenario(horizon_years=3, price_paths={
        "ore": PricePath(kind="flat", annual_change=0.1), "slag": PricePath(kind="trend", annual_change=-0.1),
        "ash": PricePath(kind="custom", index=[1.0, 0.5, 2.0]), "tin": PricePath(kind="custom", index=[1.0, 2.0])
    }).document.assumptions
    assert price_index(a, "ore").tolist() == [1.0, 1.0, 1.0]
    assert price_index(a, "slag") == pytest.approx([0.9, 0.81, 0.729], rel=1e-12)
    assert price_index(a, "ash").tolist() == [1.0, 0.5, 2.0]
    with pytest.raises(EngineInputError, match=r"^assumptions\.price_paths\.tin\.index: needs 3 values, got 2$"):
        price_index(a, "tin")


# ---- the import-source facts and the calibration report


def test_the_import_facts_by_region_with_the_us_table_as_fallback():
    """The US facts come from the USGS table when import_sources has no US entry; a named country inside the
    importer's own region is dropped; "Other countries" is not a named source; an importer outside the model and one
    naming no country are skipped."""
    ore = _ore(import_sources={"EU": {"China": 0.6, "France": 0.1, "Ohio": 0.1, "Other": 0.2}, "KR": {"China": 1.0},
                               "JP": {"Unattributed": 1.0}})
    regions = ("US", "EU", "JP", "CN", "ROW")
    cmap = country_map([_partner("US"), _partner("EU"), _partner("JP")], _dataset())
    eu, us = known_imports(ore, regions, cmap)
    assert (us.importer, eu.importer) == (0, 1)
    assert us.named.tolist() == [0.0, 0.0, 0.0, 0.5, 0.25] and us.other == 0.25
    assert us.unnamed.tolist() == [0.0, 20.0, 0.0, 0.0, 0.0]    # France; Ohio is the importer's own
    assert us.countries == {"China": 0.5, "Chile": 0.25}
    assert eu.named.tolist() == [0.1, 0.0, 0.0, 0.6, 0.0] and eu.other == pytest.approx(0.3)
    assert eu.unnamed.tolist() == [0.0, 0.0, 0.0, 0.0, 20.0]    # Chile
    assert eu.countries == {"China": 0.6, "Ohio": 0.1}
    # the US table is only the fallback: an import_sources entry for the US wins
    own = _ore(import_sources={"US": {"Chile": 1.0}})
    (us,) = known_imports(own, regions, cmap)
    assert us.named.tolist() == [0.0, 0.0, 0.0, 0.0, 1.0] and us.other == 0.0
    assert known_imports(_ore(us_import_sources={}), regions, cmap) == []


def test_unnamed_output_follows_a_production_override():
    """France's 20 t are the unnamed source of the US; an EU output override of 40 t doubles it, and a region whose
    data output was zero (Japan) takes its overridden output whole."""
    regions = ("US", "EU", "JP", "CN", "ROW")
    cmap = country_map([_partner("US"), _partner("EU"), _partner("JP")], _dataset())
    (us,) = known_imports(_ore(), regions, cmap, np.array([10.0, 40.0, 7.0, 50.0, 20.0]))
    assert us.unnamed.tolist() == [0.0, 40.0, 7.0, 0.0, 0.0]


def test_an_importer_without_consumption_gets_no_imports_from_its_shares():
    ore = _ore(consumption={"EU": _s(30.0), "CN": _s(60.0), "OTHER": _s(10.0)})
    flows = build_model(dataset=_dataset(ore)).markets["ore"].flows
    assert flows[:, US].tolist() == [0.0] * 4
    assert flows.sum(axis=1) == pytest.approx([10.0, 20.0, 50.0, 20.0])


def _report(model=None, scenario=None, dataset=None):
    scenario, dataset = scenario or _scenario(), dataset or _dataset()
    return calibration_table(model or build_model(scenario, dataset), scenario, dataset)


def test_the_calibration_report_of_the_tiny_market():
    """US imports (20 t): EU 25 % (all of it the data's unnamed 25 %), China 50 %, Chile 25 %: no gap."""
    table = _report()
    assert table.to_dict("records") == [
        {"mineral": "ore", "importer": "US", "source": "EU", "named_countries": "", "data_pct": 0.0,
         "data_other_pct": 25.0, "model_pct": pytest.approx(25.0), "gap_pp": pytest.approx(0.0, abs=1e-9)},
        {"mineral": "ore", "importer": "US", "source": "CN", "named_countries": "China 50%", "data_pct": 50.0,
         "data_other_pct": 0.0, "model_pct": pytest.approx(50.0), "gap_pp": pytest.approx(0.0, abs=1e-9)},
        {"mineral": "ore", "importer": "US", "source": "ROW", "named_countries": "Chile 25%", "data_pct": 25.0,
         "data_other_pct": 0.0, "model_pct": pytest.approx(25.0), "gap_pp": pytest.approx(0.0, abs=1e-9)}]
    assert largest_gap(table)["source"] in ("EU", "CN", "ROW")


def test_the_report_measures_a_gap_below_the_named_share_and_above_named_plus_other():
    """Move 4 t of the US's 20 t of imports from China to the EU: China 30 % against 50 % named (-20 pp), the EU
    45 % against at most 25 % (+20 pp). A region with no named share, no unnamed output and no model share (Japan)
    has no row; a trickle from it (1 % of imports) gets one."""
    scenario = _scenario(partners=[_partner("US"), _partner("EU"), _partner("JP")])
    model = build_model(scenario)
    ore = model.markets["ore"]
    us, eu, jp, cn = 0, 1, 2, 3
    flows = ore.flows.copy()
    flows[cn, us] -= 4.0
    flows[eu, us] += 4.0
    moved = replace(model, markets={"ore": replace(ore, flows=flows)})
    table = _report(moved, scenario).set_index("source")
    assert list(table.index) == ["EU", "CN", "ROW"]
    assert table.loc["CN", "model_pct"] == pytest.approx(30.0) and table.loc["CN", "gap_pp"] == pytest.approx(-20.0)
    assert table.loc["EU", "model_pct"] == pytest.approx(45.0) and table.loc["EU", "gap_pp"] == pytest.approx(20.0)
    worst = largest_gap(table.reset_index())      # the first of two gaps of 20 pp
    assert (worst["source"], worst["gap_pp"]) == ("EU", pytest.approx(20.0))
    flows[jp, us] += 0.2    # 0.2 t more imports, from Japan
    trickle = replace(model, markets={"ore": replace(ore, flows=flows)})
    table = _report(trickle, scenario).set_index("source")
    assert table.loc["JP", "data_pct"] == 0.0 and table.loc["JP", "data_other_pct"] == 0.0
    assert table.loc["JP", "model_pct"] == pytest.approx(100 * 0.2 / 20.2)
    assert table.loc["JP", "gap_pp"] == pytest.approx(100 * 0.2 / 20.2)


def test_a_report_without_import_data_is_empty_and_has_no_largest_gap():
    ds = _dataset(_ore(us_import_sources={}))
    table = _report(dataset=ds)
    assert table.empty and list(table.columns) == ["mineral", "importer", "source", "named_countries", "data_pct",
                                                   "data_other_pct", "model_pct", "gap_pp"]
    assert largest_gap(table) is None


def test_every_mineral_of_the_dataset_is_added_once():
    ds = _dataset(_ore(), _ore(id="slag", name="Slag"))
    both = with_every_mineral(_scenario(), ds)
    assert [(m.id, m.name) for m in both.document.minerals] == [("ore", "Ore"), ("slag", "Slag")]


def test_an_importer_using_half_a_tonne_gets_its_named_source_and_one_using_none_is_not_named_short():
    """Importers A and D both buy half their imports from B, which makes 1 t. A uses 0.5 t (all imported: 0.25 t from
    B); D uses 9.5 t and asks B for 4.75 t, more than B has: B's shipments are scaled down and the warning names D
    only. An importer that uses nothing (A at 0 t) is not one B falls short for."""
    prod = np.array([0.0, 1.0, 9.0, 0.0])
    named = np.array([0.0, 0.5, 0.0, 0.0])
    known = [KnownImports(0, named=named, unnamed=np.array([0.0, 0.0, 9.0, 0.0]), countries={}),
             KnownImports(3, named=named, unnamed=np.array([0.0, 0.0, 9.0, 0.0]), countries={})]
    warnings: list[str] = []
    flows = allocate_flows(prod, np.array([0.5, 0.0, 0.0, 9.5]), known, warnings, "ore", ("A", "B", "C", "D"))
    assert flows[1, 0] == pytest.approx(0.25 / 5.0) and flows[1, 3] == pytest.approx(4.75 / 5.0)
    assert flows.sum(axis=1) == pytest.approx(prod) and flows.sum(axis=0) == pytest.approx([0.5, 0.0, 0.0, 9.5])
    assert warnings == ["ore: B's base-year output (1.0 t) cannot cover the import shares the data name for it "
                        "(importers A, D); its shipments are scaled down to its output (`workbench-cli calibration` "
                        "shows the gap)"]
    warnings = []
    allocate_flows(prod, np.array([0.0, 0.0, 0.5, 9.5]), known, warnings, "ore", ("A", "B", "C", "D"))
    assert warnings == ["ore: B's base-year output (1.0 t) cannot cover the import shares the data name for it "
                        "(importers D); its shipments are scaled down to its output (`workbench-cli calibration` "
                        "shows the gap)"]


def test_a_world_override_scales_a_market_of_under_a_tonne():
    """Data in small units: 0.2 + 0.3 t of use doubled to 1 t by a world consumption override; production follows."""
    small = _ore(production={"Ohio": _s(0.5)}, consumption={"US": _s(0.2), "EU": _s(0.3)}, us_import_sources={})
    model = build_model(_scenario(data_overrides=[DataOverride(mineral="ore", field="consumption", value=1.0)]),
                        _dataset(small))
    ore = model.markets["ore"]
    assert ore.consumption == pytest.approx([0.4, 0.6, 0.0, 0.0], rel=1e-12)
    assert ore.production == pytest.approx([1.0, 0.0, 0.0, 0.0], rel=1e-12)


def test_the_last_consumer_without_an_override_takes_what_is_left_however_small():
    """US output 30 t (world 120); US, EU and China use 40, 40 and 39 t by override: the rest of the world (0.5 t in
    the data) takes the last tonne."""
    ore = _ore(consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(39.5), "OTHER": _s(0.5)})
    overrides = [DataOverride(mineral="ore", region="US", field="production", value=30.0),
                 DataOverride(mineral="ore", region="US", field="consumption", value=40.0),
                 DataOverride(mineral="ore", region="EU", field="consumption", value=40.0),
                 DataOverride(mineral="ore", region="CN", field="consumption", value=39.0)]
    market = build_model(_scenario(data_overrides=overrides), _dataset(ore)).markets["ore"]
    assert market.consumption == pytest.approx([40.0, 40.0, 39.0, 1.0], rel=1e-12)
    # nobody left to take it: the rest of the world uses nothing in these data
    ore = _ore(consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(40.0)})
    with pytest.raises(EngineInputError, match=r"^ore: consumption overrides \(119 t\) leave 1 t of world production "
                                               r"\(120 t\) to consumers that use none in the data$"):
        build_model(_scenario(data_overrides=overrides), _dataset(ore))


def test_the_one_producer_without_an_override_makes_what_is_missing_however_small():
    """Ohio's output is set to 120 t and world use to 150 t: France (0.5 t in the data) makes the other 30 t."""
    ore = _ore(production={"Ohio": _s(100.0), "France": _s(0.5)})
    market = build_model(_scenario(data_overrides=[
        DataOverride(mineral="ore", region="US", field="production", value=120.0),
        DataOverride(mineral="ore", field="consumption", value=150.0)]), _dataset(ore)).markets["ore"]
    assert market.production == pytest.approx([120.0, 30.0, 0.0, 0.0], rel=1e-12)


def test_the_unnamed_part_of_a_small_region_scales_with_its_output():
    """The rest of the world makes 0.5 t in the data, 0.3 t of it in Chile (named by the US) and 0.2 t in Peru: with
    the region's output overridden to 1 t, Peru's unnamed share is 0.4 t."""
    ore = _ore(production={"Ohio": _s(10.0), "France": _s(20.0), "China": _s(50.0), "Chile": _s(0.3),
                           "Peru": _s(0.2)})
    regions = ("US", "EU", "CN", "ROW")
    (us,) = known_imports(ore, regions, country_map([_partner("US"), _partner("EU")], _dataset()),
                          np.array([10.0, 20.0, 50.0, 1.0]))
    assert us.unnamed == pytest.approx([0.0, 20.0, 0.0, 0.4], rel=1e-12)


def _us_imports(model, column):
    """The model with the US's base-year column replaced (the report reads only the flows)."""
    ore = model.markets["ore"]
    flows = ore.flows.copy()
    flows[:, 0] = column
    return replace(model, markets={"ore": replace(ore, flows=flows)})


def test_the_report_of_an_importer_the_model_has_importing_little_or_nothing():
    """No imports: every named share is missed whole (China -50 pp, Chile -25 pp). Half a tonne, all from China:
    China 100 % (+50 pp), Chile 0 % (-25 pp), the EU 0 % (inside its 0-25 % unnamed range)."""
    scenario = _scenario()
    model = build_model(scenario)
    table = _report(_us_imports(model, [30.0, 0.0, 0.0, 0.0]), scenario).set_index("source")
    assert table["model_pct"].tolist() == [0.0, 0.0, 0.0]
    assert table["gap_pp"].tolist() == [0.0, -50.0, -25.0]
    table = _report(_us_imports(model, [30.0, 0.0, 0.5, 0.0]), scenario).set_index("source")
    assert table["model_pct"].tolist() == [0.0, 100.0, 0.0]
    assert table["gap_pp"].tolist() == [0.0, 50.0, -25.0]


def test_a_source_with_exactly_five_hundredths_of_a_percent_is_shown():
    """Japan has no share in the US data and no unnamed output; 1 t of 2,000 t of US imports (0.05 %) is reported,
    less is below the report's resolution."""
    scenario = _scenario(partners=[_partner("US"), _partner("EU"), _partner("JP")])
    model = build_model(scenario)
    table = _report(_us_imports(model, [0.0, 500.0, 1.0, 999.0, 500.0]), scenario).set_index("source")
    assert table.loc["JP", "model_pct"] == 0.05 and table.loc["JP", "gap_pp"] == 0.05
    table = _report(_us_imports(model, [0.0, 500.0, 0.5, 999.5, 500.0]), scenario)
    assert "JP" not in set(table["source"])


def test_a_region_making_a_fraction_of_a_tonne_unnamed_may_supply_the_unnamed_share():
    """The rest of the world makes 0.3 t in Chile (named: 25 % of US imports) and 0.2 t in Peru (not named): the
    report allows it the US data's unnamed 25 % on top, as it allows the EU (France, not named)."""
    ore = _ore(production={"Ohio": _s(10.0), "France": _s(20.0), "China": _s(50.0), "Chile": _s(0.3),
                           "Peru": _s(0.2)},
               consumption={"US": _s(30.0), "EU": _s(30.0), "CN": _s(20.0), "OTHER": _s(0.5)})
    table = _report(dataset=_dataset(ore)).set_index("source")
    assert table["data_pct"].to_dict() == {"EU": 0.0, "CN": 50.0, "ROW": 25.0}
    assert table["data_other_pct"].to_dict() == {"EU": 25.0, "CN": 0.0, "ROW": 25.0}


def _a_and_c_know_their_sources(c_output):
    """A uses 10 t, all imported: half from B by its data, the unnamed half only from C. C (with data) uses 5 t of
    its own output at home; D uses 15 t and has no data."""
    prod = np.array([0.0, 10.0, c_output, 20.0 - c_output])
    known = [KnownImports(0, named=np.array([0.0, 0.5, 0.0, 0.0]), unnamed=np.array([0.0, 0.0, c_output, 0.0]),
                          countries={}),
             KnownImports(2, named=np.zeros(4), unnamed=np.array([0.0, 10.0, 0.0, 0.0]), countries={})]
    warnings: list[str] = []
    flows = allocate_flows(prod, np.array([10.0, 0.0, 5.0, 15.0]), known, warnings, "ore", ("A", "B", "C", "D"))
    return flows, warnings


def test_an_unnamed_share_no_unnamed_producer_can_spare_is_spread_over_every_producer_and_named():
    """C makes 5 t and uses them all: A's unnamed 5 t come from B (5 t left) and D (15 t), pooled: B 5 x 5/20,
    D 15 x 5/20; D's own 15 t are the rest."""
    flows, warnings = _a_and_c_know_their_sources(5.0)
    assert flows[:, 0] == pytest.approx([0.0, 5.0 + 1.25, 0.0, 3.75])
    assert flows[:, 3] == pytest.approx([0.0, 3.75, 0.0, 11.25]) and flows[2, 2] == pytest.approx(5.0)
    assert warnings == ["ore: no producer the data leave unnamed has output to spare for the unnamed share of A's "
                        "imports; it is spread over every other producer (`workbench-cli calibration` shows the gap)"]


def test_an_unnamed_share_larger_than_the_unnamed_producers_spare_output_is_spread_and_named():
    """C makes 6 t, uses 5: its 1 t to spare cannot make A's unnamed 5 t, so every producer with output left (B 5, C 1,
    D 14 t) supplies A's 5 t and D's 15 t in proportion."""
    flows, warnings = _a_and_c_know_their_sources(6.0)
    assert flows[:, 0] == pytest.approx([0.0, 5.0 + 1.25, 0.25, 3.5])
    assert flows[:, 3] == pytest.approx([0.0, 3.75, 0.75, 10.5])
    assert warnings == ["ore: the producers the import data leave unnamed cannot supply the unnamed shares; they are "
                        "spread over every other producer instead"]


def test_home_sales_settle_through_a_chain_of_import_data():
    """C (makes nothing, uses 10 t) names A for half its imports; A (makes 10, uses 10) names B for half of its own.
    A therefore keeps only what C's 5 t leave it (5 t at home) and imports 5 t, 2.5 t of them from B, which keeps
    7.5 t at home. D, with no data, makes the 10 t every unnamed share needs: A 2.5, B 2.5, C 5."""
    d_only = np.array([0.0, 0.0, 0.0, 10.0])
    known = [KnownImports(0, named=np.array([0.0, 0.5, 0.0, 0.0]), unnamed=d_only, countries={}),
             KnownImports(1, named=np.zeros(4), unnamed=d_only, countries={}),
             KnownImports(2, named=np.array([0.5, 0.0, 0.0, 0.0]), unnamed=d_only, countries={})]
    warnings: list[str] = []
    flows = allocate_flows(np.array([10.0, 10.0, 0.0, 10.0]), np.array([10.0, 10.0, 10.0, 0.0]), known, warnings)
    assert flows == pytest.approx(np.array([[5.0, 0.0, 5.0, 0.0],
                                            [2.5, 7.5, 0.0, 0.0],
                                            [0.0, 0.0, 0.0, 0.0],
                                            [2.5, 2.5, 5.0, 0.0]]), abs=1e-9)
    assert warnings == []


def test_an_unnamed_producer_of_under_a_tonne_that_can_spare_enough_supplies_the_unnamed_share_alone():
    """A imports 1 t, half from B by its data; the unnamed 0.5 t may come only from C, which makes 0.8 t and uses
    none: C ships 0.5 t to A and its other 0.3 t to D; no warning."""
    known = [KnownImports(0, named=np.array([0.0, 0.5, 0.0, 0.0]), unnamed=np.array([0.0, 0.0, 0.8, 0.0]),
                          countries={})]
    warnings: list[str] = []
    flows = allocate_flows(np.array([0.0, 10.0, 0.8, 0.0]), np.array([1.0, 0.0, 0.0, 9.8]), known, warnings)
    assert flows[:, 0] == pytest.approx([0.0, 0.5, 0.5, 0.0]) and flows[:, 3] == pytest.approx([0.0, 9.5, 0.3, 0.0])
    assert warnings == []
