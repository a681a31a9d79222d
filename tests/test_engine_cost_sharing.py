"""Who pays how much: every cost-sharing rule with two and three parties, against splits worked out by hand.

One market of five regions (tonnes a year, baseline price P0):

    region       US  EU  JP  CN  ROW
    production    2   1   0   8   1
    consumption   3   4   2   1   2
    home sales    1   1   0   1   1      (so imports = consumption - home sales: US 2, EU 3, JP 2)

A fixed-volume CfD of 10 t at a strike of 1.3 P0 is a pure transfer (the price stays P0): it pays 0.3 P0 a tonne,
3 P0 a year, to its eligible producers by production - the US (2 t of output, so 2 P0) and ROW, which is not a party
(1 P0). A purchase of 1 t a year at an agreed 2 P0 costs the parties 2 P0 a year, shared by the rule's weights.
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.document import CfdClause, CostSharing, Price, PurchaseClause, TariffClause, Volume
from workbench.engine import EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import evaluate_model
from workbench.engine.instruments import compile_clauses
from workbench.engine.market import MineralMarket, Model

REGIONS = ("US", "EU", "JP", "CN", "ROW")
P0 = 1000.0
FLOWS = [[1, 1, 0, 0, 0],   # US sells 1 at home, 1 to the EU
         [0, 1, 0, 0, 0],   # EU sells at home
         [0, 0, 0, 0, 0],   # JP produces nothing
         [2, 2, 2, 1, 1],   # CN sells to everyone
         [0, 0, 0, 0, 1]]   # ROW sells at home
GDP = {"US": 60.0, "EU": 30.0, "JP": 10.0, "CN": 40.0, "ROW": 50.0}
FIXED = {("US", "EU"): {"US": 0.25, "EU": 0.75}, ("US", "EU", "JP"): {"US": 0.5, "EU": 0.3, "JP": 0.2}}


def ore(production=(2, 1, 0, 8, 1), consumption=(3, 4, 2, 1, 2), flows=FLOWS, supply_elasticity=1.0):
    prod = np.array(production, float)
    return MineralMarket(
        mineral="ore", name="Ore", price=P0, production=prod, consumption=np.array(consumption, float),
        flows=np.array(flows, float), supply_elasticity=np.full(len(prod), float(supply_elasticity)),
        demand_elasticity=np.full(len(prod), -1.0), armington=5.0, demand_growth=0.0, price_index=np.ones(1),
        volatility=0.3, mean_reversion=0.5)


def model(market=None, gdp=GDP) -> Model:
    return Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU", "JP"), base_year=2025,
                 horizon=1, discount_rate=0.0, usd_per={}, markets={"ore": market or ore()}, gdp=dict(gdp))


def sharing(rule: str, parties: tuple[str, ...]) -> CostSharing:
    return CostSharing(rule=rule, shares=FIXED[parties]) if rule == "fixed" else CostSharing(rule=rule)


def common(parties, rule="own", **kw):
    base = dict(title="t", mineral="ore", parties=list(parties), start_year=2026, duration_years=1,
                proposed_by=parties[0], cost_sharing=sharing(rule, tuple(parties)))
    base.update(kw)
    return base


def paid(mdl: Model, clause, instrument: str) -> dict[str, float]:
    """USD each region pays for ``instrument`` in the one modelled year (regions that pay nothing left out)."""
    comps, warnings = compile_clauses(mdl, [clause])
    res = evaluate_model(mdl, comps, warnings=warnings)
    rows = res.fiscal.query("instrument == @instrument").groupby("region").amount_usd.sum()
    return {region: amount for region, amount in rows.items() if abs(amount) > 1e-9}


def cfd(parties, rule):
    return CfdClause(id="cfd", strike_price=Price(amount=1.3 * P0, per="t"),
                     rebate_threshold=Price(amount=1.5 * P0, per="t"), volume_basis="fixed_volume",
                     contracted_volume=Volume(amount=10), eligible_producers=["US", "ROW"], **common(parties, rule))


# Payments (in P0): US's producers get 2, ROW's (a non-party) 1.
CFD_SPLITS = {
    # own: the US pays its own producers; ROW's payment is split equally among the parties
    ("own", ("US", "EU")): {"US": 2 + 1 / 2, "EU": 1 / 2},
    ("own", ("US", "EU", "JP")): {"US": 2 + 1 / 3, "EU": 1 / 3, "JP": 1 / 3},
    # everything else: the whole 3 P0 by the agreed weights
    ("fixed", ("US", "EU")): {"US": 0.75, "EU": 2.25},
    ("fixed", ("US", "EU", "JP")): {"US": 1.5, "EU": 0.9, "JP": 0.6},
    ("gdp", ("US", "EU")): {"US": 2.0, "EU": 1.0},                        # GDP 60 : 30
    ("gdp", ("US", "EU", "JP")): {"US": 1.8, "EU": 0.9, "JP": 0.3},       # GDP 60 : 30 : 10
    ("consumption", ("US", "EU")): {"US": 9 / 7, "EU": 12 / 7},           # consumption 3 : 4
    ("consumption", ("US", "EU", "JP")): {"US": 1.0, "EU": 4 / 3, "JP": 2 / 3},  # 3 : 4 : 2
    ("imports", ("US", "EU")): {"US": 1.2, "EU": 1.8},                    # imports 2 : 3
    ("imports", ("US", "EU", "JP")): {"US": 6 / 7, "EU": 9 / 7, "JP": 6 / 7},  # 2 : 3 : 2
}


@pytest.mark.parametrize(("rule", "parties"), list(CFD_SPLITS), ids=lambda v: v if isinstance(v, str) else len(v))
def test_cfd_payments_are_split_as_the_rule_says(rule, parties):
    assert paid(model(), cfd(parties, rule), "cfd_payment") == pytest.approx(
        {region: share * P0 for region, share in CFD_SPLITS[(rule, parties)].items()}, rel=1e-9)


# Purchase outlays (2 P0 a year) by the rule's weights; under "own" there are no own producers to pay, so equal.
PURCHASE_SHARES = {
    ("own", ("US", "EU")): {"US": 1 / 2, "EU": 1 / 2},
    ("own", ("US", "EU", "JP")): {"US": 1 / 3, "EU": 1 / 3, "JP": 1 / 3},
    ("fixed", ("US", "EU", "JP")): {"US": 0.5, "EU": 0.3, "JP": 0.2},
    ("gdp", ("US", "EU", "JP")): {"US": 0.6, "EU": 0.3, "JP": 0.1},
    ("consumption", ("US", "EU", "JP")): {"US": 3 / 9, "EU": 4 / 9, "JP": 2 / 9},
    ("imports", ("US", "EU", "JP")): {"US": 2 / 7, "EU": 3 / 7, "JP": 2 / 7},
    ("imports", ("US", "EU")): {"US": 2 / 5, "EU": 3 / 5},
}


@pytest.mark.parametrize(("rule", "parties"), list(PURCHASE_SHARES), ids=lambda v: v if isinstance(v, str) else len(v))
def test_purchase_outlays_are_shared_by_the_rules_weights(rule, parties):
    clause = PurchaseClause(id="buy", annual_volume=Volume(amount=1), agreed_price=Price(amount=2 * P0, per="t"),
                            sources=["CN"], storage_cost_rate=0.0, **common(parties, rule))
    assert paid(model(), clause, "purchase_outlay") == pytest.approx(
        {region: share * 2 * P0 for region, share in PURCHASE_SHARES[(rule, parties)].items()}, rel=1e-9)


def test_own_rule_keeps_each_partys_tariff_revenue():
    # a 50 % tariff on CN: each party collects 0.5 x CN's price x its own imports from CN, and shares none of it
    clause = TariffClause(id="tariff", rate=0.5, exporters=["CN"], **common(("US", "EU", "JP")))
    mdl = model()
    comps, _ = compile_clauses(mdl, [clause])
    res = evaluate_model(mdl, comps)
    revenue = res.fiscal.query("instrument == 'tariff_revenue'").groupby("region").amount_usd.sum()
    cn = REGIONS.index("CN")
    collected = {code: 0.5 * res.producer_price[0, 0, cn] * res.flows[0, 0, cn, REGIONS.index(code)]
                 for code in ("US", "EU", "JP")}
    assert min(collected.values()) > 0
    assert revenue.to_dict() == pytest.approx({code: -amount for code, amount in collected.items()}, rel=1e-9)


def test_a_share_rule_whose_weights_are_all_zero_splits_equally():
    # JP consumes nothing and CN buys only its own output: the imports rule has no weights to go by
    market = ore(consumption=(3, 4, 0, 1, 4), flows=[[1, 1, 0, 0, 0], [0, 1, 0, 0, 0], [0] * 5, [2, 2, 0, 1, 3],
                                                     [0, 0, 0, 0, 1]])
    clause = PurchaseClause(id="buy", annual_volume=Volume(amount=1), agreed_price=Price(amount=2 * P0, per="t"),
                            sources=["CN"], storage_cost_rate=0.0, **common(("JP", "CN"), "imports"))
    assert paid(model(market), clause, "purchase_outlay") == pytest.approx({"JP": P0, "CN": P0}, rel=1e-9)


def test_a_clause_on_a_mineral_without_market_data_is_reported_not_dropped_silently():
    clause = TariffClause(id="ga-tariff", rate=0.5, exporters=["CN"], **common(("US", "EU"), mineral="gallium"))
    comps, warnings = compile_clauses(model(), [clause])
    assert comps == []
    assert warnings == ["clause 'ga-tariff': no market data for mineral 'gallium'; not modelled"]


@pytest.mark.parametrize("gdp", [0.0, -5.0, float("nan")])
def test_gdp_rule_refuses_a_party_without_a_positive_gdp(gdp):
    clause = cfd(("US", "EU"), "gdp")
    with pytest.raises(EngineInputError, match=r"'cfd'.*GDP of EU.*partners\[EU\]\.gdp_usd_bn"):
        compile_clauses(model(gdp={**GDP, "EU": gdp}), [clause])


def test_gdp_rule_accepts_a_small_positive_gdp():
    # just above the boundary: EU's USD 0.5 bn against the US's 60 bn is a share of 0.5/60.5
    shares = paid(model(gdp={**GDP, "EU": 0.5}), cfd(("US", "EU"), "gdp"), "cfd_payment")
    assert shares == pytest.approx({"US": 3 * P0 * 60 / 60.5, "EU": 3 * P0 * 0.5 / 60.5}, rel=1e-9)


def test_gdp_of_a_non_party_is_never_needed():
    clause = cfd(("US", "EU"), "gdp")
    assert paid(model(gdp={"US": 60.0, "EU": 30.0}), clause, "cfd_payment") == pytest.approx(
        {"US": 2 * P0, "EU": P0}, rel=1e-9)


def _buy(volume, source="ROW"):
    return PurchaseClause(id="buy", annual_volume=Volume(amount=volume), agreed_price=Price(amount=2 * P0, per="t"),
                          sources=[source], storage_cost_rate=0.0, **common(("US", "EU")))


def test_buying_all_a_fixed_supply_produces_is_infeasible_and_named():
    # ROW makes 1 t with no supply response: the government cannot take all of it (nothing left for ROW's buyers)
    mdl = model(ore(supply_elasticity=0.0))
    with pytest.raises(InfeasibleMarket, match=r"'buy' buys 1 t a year of ore from ROW, which produces 1 t") as exc:
        compile_clauses(mdl, [_buy(1.0)])
    assert exc.value.clause_ids == ("buy",)


def test_buying_less_than_a_fixed_supply_produces_is_feasible():
    mdl = model(ore(supply_elasticity=0.0))
    comps, _ = compile_clauses(mdl, [_buy(0.9)])
    res = evaluate_model(mdl, comps)
    assert res.gov_flows.sum() == pytest.approx(0.9, rel=1e-9)
    assert res.fiscal.query("instrument == 'purchase_outlay'").amount_usd.sum() == pytest.approx(1.8 * P0, rel=1e-9)


def test_buying_more_than_a_fixed_supply_is_infeasible_but_an_elastic_supply_can_deliver():
    with pytest.raises(InfeasibleMarket, match="'buy'"):
        compile_clauses(model(ore(supply_elasticity=0.0)), [_buy(1.5)])
    comps, _ = compile_clauses(model(), [_buy(1.5)])  # elasticity 1: the price rises until ROW makes more
    assert comps[0].volume.sum() == pytest.approx(1.5)


def test_buying_from_a_region_that_produces_nothing_is_infeasible_whatever_the_elasticity():
    with pytest.raises(InfeasibleMarket, match="from JP, which produces 0 t"):
        compile_clauses(model(), [_buy(0.5, source="JP")])


def test_a_clause_outside_the_horizon_is_reported_with_its_years():
    # the model covers 2026 only; a three-year tariff from 2030 runs 2030-2032
    clause = TariffClause(id="late", rate=0.5, exporters=["CN"], **common(("US", "EU"), start_year=2030,
                                                                       duration_years=3))
    comps, warnings = compile_clauses(model(), [clause])
    assert warnings == ["clause 'late' is not active within the horizon 2026-2026 (years 2030-2032)"]
    assert not comps[0].years.any()


def test_a_clause_is_active_from_its_first_to_its_last_year():
    mdl = Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU", "JP"), base_year=2025,
                horizon=5, discount_rate=0.0, usd_per={}, markets={"ore": ore()}, gdp=GDP)
    clause = TariffClause(id="mid", rate=0.5, exporters=["CN"], **common(("US",), start_year=2027, duration_years=2))
    comps, warnings = compile_clauses(mdl, [clause])
    assert warnings == [] and comps[0].years.tolist() == [False, True, True, False, False]  # 2027 and 2028


@pytest.mark.parametrize(("field", "clause"), [
    ("parties", lambda: TariffClause(id="kr", rate=0.5, exporters=["CN"], **common(("US", "KR")))),
    ("exporters", lambda: TariffClause(id="kr", rate=0.5, exporters=["KR"], **common(("US",)))),
    ("sources", lambda: PurchaseClause(id="kr", annual_volume=Volume(amount=1), agreed_price=Price(amount=P0, per="t"),
                                       sources=["KR"], **common(("US",)))),
])
def test_a_region_the_model_lacks_is_named_with_the_field(field, clause):
    with pytest.raises(EngineInputError, match=rf"^clause 'kr'\.{field}: 'KR' is not a region of the model "
                                               r"\(US, EU, JP, CN, ROW\)$"):
        compile_clauses(model(), [clause()])


def test_a_purchase_from_two_small_sources_buys_from_each_by_its_output():
    # the market scaled down to a tenth: the US makes 0.2 t and ROW 0.1 t, so 0.09 t bought splits 0.06 : 0.03
    market = ore(production=(0.2, 0.1, 0, 0.8, 0.1), consumption=(0.3, 0.4, 0.2, 0.1, 0.2),
                 flows=[[0.1 * f for f in row] for row in FLOWS])
    mdl = model(market)
    clause = PurchaseClause(id="buy", annual_volume=Volume(amount=0.09), agreed_price=Price(amount=2 * P0, per="t"),
                            sources=["US", "ROW"], storage_cost_rate=0.0, **common(("US", "EU")))
    comps, _ = compile_clauses(mdl, [clause])
    res = evaluate_model(mdl, comps)
    bought = res.gov_flows[0, 0].sum(axis=1)  # by source
    assert bought.tolist() == pytest.approx([0.06, 0, 0, 0, 0.03], rel=1e-9, abs=1e-12)


def test_shares_of_small_tonnages_follow_the_rule_not_an_equal_split():
    # the market scaled down to a tenth: the US consumes 0.3 t and the EU 0.4 t, weights adding up to less than one
    # tonne; a purchase of 0.01 t at 2 P0 (USD 20 a year) is still shared 3 : 4
    market = ore(production=(0.2, 0.1, 0, 0.8, 0.1), consumption=(0.3, 0.4, 0.2, 0.1, 0.2),
                 flows=[[0.1 * f for f in row] for row in FLOWS])
    clause = PurchaseClause(id="buy", annual_volume=Volume(amount=0.01), agreed_price=Price(amount=2 * P0, per="t"),
                            sources=["CN"], storage_cost_rate=0.0, **common(("US", "EU"), "consumption"))
    assert paid(model(market), clause, "purchase_outlay") == pytest.approx({"US": 20 * 3 / 7, "EU": 20 * 4 / 7},
                                                                           rel=1e-9)
