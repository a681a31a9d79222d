"""Engine inputs at their edges: every market field refused by name on its wrong side and taken on its right side;
the calibration's overrides (elasticities, volatility, prices by year, rescaled totals) land where the user put them."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.document.scenario import DataOverride, ElasticityOverride, PricePath
from workbench.engine import EngineInputError
from workbench.engine.calibrate import allocate_flows, build_model, price_index
from workbench.engine.market import MineralMarket, Model

REGIONS = ("US", "EU", "CN", "ROW")
PROD = np.array([1.0, 0.0, 3.0, 1.0])
CONS = np.array([2.0, 1.0, 1.0, 1.0])


def _market(**kw) -> MineralMarket:
    base = dict(mineral="ore", name="Ore", price=1000.0, production=PROD, consumption=CONS,
                flows=allocate_flows(PROD, CONS), supply_elasticity=np.ones(4), demand_elasticity=-np.ones(4),
                armington=5.0, demand_growth=0.0, price_index=np.ones(3), volatility=0.3, mean_reversion=0.5)
    base.update(kw)
    return MineralMarket(**base)


def _check(market: MineralMarket | None = None, rate: float = 0.03) -> None:
    Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025, horizon=3,
          discount_rate=rate, usd_per={}, markets={"ore": market or _market()}).check()


def test_a_sound_market_passes():
    _check()


@pytest.mark.parametrize("field, good, bad, message", [
    ("price", 0.01, 0.0, r"market 'ore'\.price: must be a finite number > 0, got 0"),
    ("volatility", 0.0, -0.01, r"market 'ore'\.volatility: must be a finite number >= 0, got -0.01"),
    ("mean_reversion", 0.0, float("inf"), r"market 'ore'\.mean_reversion: must be a finite number >= 0, got inf"),
    ("armington", 0.05, 0.049, r"armington: must be between 0.05 and 200, got 0.049"),
    ("armington", 200.0, 200.5, r"armington: must be between 0.05 and 200, got 200.5"),
    ("armington", 100.0, float("nan"), r"armington: must be between 0.05 and 200, got nan"),
    ("demand_growth", -0.49, -0.5, r"demand_growth: must be between -0.5 and 1, got -0.5"),
    ("demand_growth", 0.99, 1.0, r"demand_growth: must be between -0.5 and 1, got 1.0"),
    ("demand_growth", 0.0, float("nan"), r"demand_growth: must be between -0.5 and 1, got nan"),
])
def test_each_scalar_is_refused_by_name_just_past_its_limit_and_taken_at_it(field, good, bad, message):
    _check(_market(**{field: good}))
    with pytest.raises(EngineInputError, match=message):
        _check(_market(**{field: bad}))


@pytest.mark.parametrize("name", ["production", "consumption", "supply_elasticity", "demand_elasticity"])
def test_a_regional_array_of_the_wrong_length_or_with_nan_is_refused_by_name(name):
    good = getattr(_market(), name)
    with pytest.raises(EngineInputError, match=rf"market 'ore'\.{name}: expected 4 values \(one per region\), "
                                               r"got shape \(3,\)"):
        _check(_market(**{name: good[:3]}))
    shown = np.where(np.arange(4) == 1, np.nan, good)
    shown[0] = 1 / 3            # the message shows the values to six decimals
    with pytest.raises(EngineInputError, match=rf"market 'ore'\.{name}: must be finite numbers, "
                                               r"got \[0\.333333, nan,"):
        _check(_market(**{name: shown}))


def test_negative_tonnes_and_flows_that_do_not_add_up_are_refused():
    cons = np.array([2.0, -1.0, 3.0, 1.0])
    with pytest.raises(EngineInputError, match=r"consumption\[EU\]: must be >= 0, got -1"):
        _check(_market(consumption=cons, flows=np.zeros((4, 4))))
    zero = np.zeros(4)
    with pytest.raises(EngineInputError, match=r"production: world production must be > 0, got 0"):
        _check(_market(production=zero, consumption=zero, flows=np.zeros((4, 4))))
    flows = allocate_flows(PROD, CONS)
    moved = flows.copy()
    moved[0, 0] += 1e-3      # US ships a kilogram more than it produces: its row is off
    with pytest.raises(EngineInputError, match=r"flows: rows must add up to production"):
        _check(_market(flows=moved))
    moved[0, 0] -= 1e-3
    moved[2, 1] += 1e-3
    moved[2, 0] -= 1e-3     # same CN row total, but the US column is short and the EU one over
    with pytest.raises(EngineInputError, match=r"flows: columns must add up to consumption"):
        _check(_market(flows=moved))
    tiny = np.array([0.25, 0.0, 0.5, 0.0])     # three quarters of a tonne in the world is still a market
    _check(_market(production=tiny, consumption=tiny[::-1].copy(), flows=allocate_flows(tiny, tiny[::-1])))
    within = flows.copy()
    within[0, 0] += 1e-7     # a rounding error far below a millionth of world output passes
    _check(_market(flows=within))


@pytest.mark.parametrize("flows, why", [
    (np.ones((4, 3)), "a column short"),
    (np.where(np.eye(4) > 0, np.nan, 0.0), "no number on the diagonal"),
    (np.where(np.eye(4) > 0, np.inf, 0.0), "infinite home sales"),
    (np.diag([2.0, -1.0, 3.0, 1.0]), "negative tonnes"),
], ids=["shape", "nan", "inf", "negative"])
def test_a_flow_matrix_that_is_not_finite_non_negative_tonnes_is_refused(flows, why):
    """Each defect of the bilateral flow matrix on its own is refused with the field and the expected shape."""
    with pytest.raises(EngineInputError, match=r"market 'ore'\.flows: must be a 4x4 matrix of finite non-negative "
                                               r"tonnes"):
        _check(_market(flows=flows))


def test_flows_may_be_off_by_a_millionth_of_world_production_not_more():
    """The add-up checks allow a mismatch of exactly one millionth of world production and refuse twice that, on
    rows (exports vs production) and columns (purchases vs consumption) alike, whatever the unit of the tonnes."""
    base = np.array([1.0, 0.0, 3.0, 1.0])
    gap = 5e-6
    for _ in range(60):     # EU's production is the gap itself, which counts in world production
        gap = 1e-6 * float(base.sum() + np.array([0.0, gap, 0.0, 0.0]).sum())
    with_eu = base + np.array([0.0, gap, 0.0, 0.0])
    assert 1e-6 * float(with_eu.sum()) == gap                  # exactly the allowance
    flows = allocate_flows(base, CONS)                           # EU ships nothing of what it makes
    _check(_market(production=with_eu, flows=flows))
    with pytest.raises(EngineInputError, match=r"flows: rows must add up to production"):
        _check(_market(production=base + np.array([0.0, 2 * gap, 0.0, 0.0]), flows=flows))
    cons = np.array([3.0, 0.0, 1.0, 1.0])
    flows = allocate_flows(base, cons)                           # EU buys nothing of what it uses
    allowance = 1e-6 * float(base.sum())
    _check(_market(production=base, consumption=cons + np.array([0.0, allowance, 0.0, 0.0]), flows=flows))
    with pytest.raises(EngineInputError, match=r"flows: columns must add up to consumption"):
        _check(_market(production=base, consumption=cons + np.array([0.0, 2 * allowance, 0.0, 0.0]), flows=flows))
    # in kilotonnes instead of tonnes (x 1000) a kilogram more than produced is far below the allowance
    kt = allocate_flows(1000 * PROD, 1000 * CONS)
    kt[0, 0] += 1e-3
    _check(_market(production=1000 * PROD, consumption=1000 * CONS, flows=kt))


def test_an_elasticity_on_the_wrong_side_of_zero_is_refused_naming_the_region():
    with pytest.raises(EngineInputError, match=r"supply_elasticity\[CN\]: must be >= 0, got -0.1"):
        _check(_market(supply_elasticity=np.array([1.0, 1.0, -0.1, 1.0])))
    with pytest.raises(EngineInputError, match=r"demand_elasticity\[ROW\]: must be <= 0, got 0.2"):
        _check(_market(demand_elasticity=np.array([-1.0, -1.0, -1.0, 0.2])))
    _check(_market(supply_elasticity=np.zeros(4), demand_elasticity=np.zeros(4)))   # fixed supply and demand


def test_the_price_index_needs_one_positive_value_a_year():
    with pytest.raises(EngineInputError, match=r"price_index: needs 3 positive values"):
        _check(_market(price_index=np.ones(2)))
    with pytest.raises(EngineInputError, match=r"price_index: needs 3 positive values"):
        _check(_market(price_index=np.array([1.0, 0.0, 1.0])))
    with pytest.raises(EngineInputError, match=r"price_index: needs 3 positive values"):
        _check(_market(price_index=np.array([1.0, np.nan, 1.0])))


def test_the_discount_rate_is_taken_from_zero_up_to_below_one():
    _check(rate=0.0)
    _check(rate=0.99)
    with pytest.raises(EngineInputError, match=r"assumptions\.discount_rate: must be in \[0, 1\), got 1"):
        _check(rate=1.0)
    with pytest.raises(EngineInputError, match=r"discount_rate: must be in \[0, 1\), got -0.01"):
        _check(rate=-0.01)


# ---- calibration from the default scenario and the shipped dataset


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


def _with(scenario, partners=None, minerals=None, **assumptions):
    doc = scenario.document
    update = {"assumptions": doc.assumptions.model_copy(update=assumptions)}
    if partners is not None:
        update["partners"] = partners
    if minerals is not None:
        update["minerals"] = minerals
    return scenario.model_copy(update={"document": doc.model_copy(update=update)})


def test_elasticity_overrides_replace_the_dataset_value_by_region_or_everywhere(scenario, dataset):
    # resources/data: nickel supply 0.8 (0.3-1.5), demand -0.3 (-0.6 to -0.1), Armington 8
    over = ElasticityOverride(supply={"EU": 2.0}, demand={"*": -0.7}, armington=3.0)
    nickel = build_model(_with(scenario, elasticity_overrides={"nickel": over}), dataset).markets["nickel"]
    assert nickel.supply_elasticity.tolist() == [0.8, 2.0, 0.8, 0.8, 0.8, 0.8]
    # the user's figure is the whole range: the Monte Carlo does not vary it
    assert nickel.supply_low.tolist() == [0.3, 2.0, 0.3, 0.3, 0.3, 0.3]
    assert nickel.supply_high.tolist() == [1.5, 2.0, 1.5, 1.5, 1.5, 1.5]
    assert nickel.demand_elasticity.tolist() == [-0.7] * 6
    assert nickel.demand_low.tolist() == [-0.7] * 6 and nickel.demand_high.tolist() == [-0.7] * 6
    assert nickel.armington == 3.0
    cobalt = build_model(_with(scenario, elasticity_overrides={"nickel": over}), dataset).markets["cobalt"]
    assert 2.0 not in cobalt.supply_elasticity.tolist()     # another mineral keeps its data
    bad = ElasticityOverride(demand={"KR": -0.5})
    with pytest.raises(EngineInputError, match=r"assumptions\.elasticity_overrides\.nickel\.demand: 'KR' is not a "
                                               r"region \(US, EU, JP, MX, CN, ROW\) or '\*'"):
        build_model(_with(scenario, elasticity_overrides={"nickel": bad}), dataset)


def test_volatility_and_mean_reversion_overrides_are_used(scenario, dataset):
    overrides = [DataOverride(mineral="nickel", field="volatility", value=0.5),
                 DataOverride(mineral="nickel", field="mean_reversion", value=0.9),
                 DataOverride(mineral="cobalt", field="reference_price", value=12345.0)]
    model = build_model(_with(scenario, data_overrides=overrides), dataset)
    nickel = model.markets["nickel"]
    assert (nickel.volatility, nickel.mean_reversion, nickel.price) == (0.5, 0.9, 15000.0)
    assert model.markets["cobalt"].price == 12345.0


def test_a_consumption_override_alone_rescales_production_to_match(scenario, dataset):
    base = build_model(scenario, dataset).markets["nickel"]
    over = [DataOverride(mineral="nickel", region="US", field="consumption", value=base.consumption[0] + 1000.0)]
    model = build_model(_with(scenario, data_overrides=over), dataset)
    nickel = model.markets["nickel"]
    world = base.consumption.sum() + 1000.0
    assert nickel.production.sum() == pytest.approx(world, rel=1e-12)
    # every producer grows in proportion: shares unchanged
    assert nickel.production / world == pytest.approx(base.production / base.production.sum(), rel=1e-9)
    assert f"nickel: production rescaled to match world consumption {world:,.0f} t" in model.warnings
    # a user who overrides every producer's output cannot then be matched by rescaling it
    everyone = [DataOverride(mineral="nickel", region=r, field="production", value=0.0)
                for r in ("US", "EU", "JP", "MX", "CN")]
    with pytest.raises(EngineInputError, match=r"nickel: world production must be > 0 \(after data overrides\)"):
        build_model(_with(scenario, data_overrides=[*everyone, DataOverride(mineral="nickel", field="production",
                                                                           value=0.0)]), dataset)


def test_a_base_year_takes_that_years_price_or_says_it_used_the_reference(scenario, dataset):
    # resources/data: nickel 16,812 USD/t in 2024, reference 15,000 in 2025, no figure for 2020
    model = build_model(_with(scenario, base_year=2024), dataset)
    assert model.markets["nickel"].price == 16812.0
    assert not any(w.startswith("nickel:") for w in model.warnings)
    model = build_model(_with(scenario, base_year=2020), dataset)
    assert model.markets["nickel"].price == 15000.0
    assert "nickel: no price for base year 2020; using the 2025 reference price" in model.warnings


def test_a_partners_own_gdp_replaces_the_dataset_figure(scenario, dataset):
    partners = [p.model_copy(update={"gdp_usd_bn": 5000.0}) if p.code == "MX" else p
                for p in scenario.document.partners]
    model = build_model(_with(scenario, partners=partners), dataset)
    assert model.gdp["MX"] == 5000.0 and model.gdp["US"] == 29170.0    # dataset: US 29,170 bn


def test_a_mineral_the_dataset_lacks_is_left_out_with_a_warning(scenario, dataset):
    unknown = scenario.document.minerals[0].model_copy(update={"id": "unobtainium", "name": "Unobtainium"})
    model = build_model(_with(scenario, minerals=[*scenario.document.minerals, unknown]), dataset)
    assert "unobtainium" not in model.markets and "nickel" in model.markets
    assert "mineral 'unobtainium': not in the dataset; its clauses are not modelled" in model.warnings


def test_price_paths_flat_trend_and_custom(scenario):
    a = scenario.document.assumptions.model_copy(update={"horizon_years": 3, "price_paths": {
        "nickel": PricePath(kind="trend", annual_change=0.1),
        "cobalt": PricePath(kind="custom", index=[1.0, 0.5, 2.0, 9.0])}})
    assert price_index(a, "nickel").tolist() == pytest.approx([1.1, 1.21, 1.331], rel=1e-12)
    assert price_index(a, "cobalt").tolist() == [1.0, 0.5, 2.0]     # the years past the horizon are not used
    assert price_index(a, "indium").tolist() == [1.0, 1.0, 1.0]
    exact = replace(_market(), price_index=price_index(a, "cobalt"))
    _check(exact)
