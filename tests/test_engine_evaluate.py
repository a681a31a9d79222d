"""evaluate_model on tiny markets solved by hand, field by field: prices, tonnes, purchases, stocks, surplus."""

from __future__ import annotations

import dataclasses
import importlib
import math
from types import SimpleNamespace

import numpy as np
import pytest

from workbench.document import CostSharing, Money, PriceGapSubsidyClause, PurchaseClause, TariffClause, Volume
from workbench.engine import EngineInputError, InfeasibleMarket
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model, run, usd_t

US, EU, CN, ROW = (REGIONS.index(c) for c in ("US", "EU", "CN", "ROW"))
ev = importlib.import_module("workbench.engine.evaluate")  # the module (the package exports a function so named)


def _agreed_buy(tonnes=3.0, years=2, price=1.0, **kw):
    return PurchaseClause(id="buy", annual_volume=Volume(amount=tonnes), agreed_price=usd_t(price * P0), sources=["CN"],
                          storage_cost_rate=0.0, **common(duration_years=years, **kw))


def test_a_purchase_against_square_root_supply_and_demand_field_by_field():
    # CN makes X = 2 sqrt(p), the US and ROW each buy D = 1/sqrt(p) (eps = 0.5, eta = -0.5), and the government buys
    # 3 t at an agreed 4 P0: with q = sqrt(p), 2q = 2/q + 3, q = 2, p = 4 P0 in 2026 (the purchase's one year), P0 in
    # 2027. Consumers lose -D P0 ((p/P0)^(1+eta) - 1) / (1 + eta) = -(2 - 1) / 0.5 = -2 P0 each; CN gains the area
    # left of supply, the integral of 2 sqrt(s) from 1 to 4 = (4/3)(8 - 1) = 28/3 P0 (the agreed price is the market's).
    mk = market(**SINGLE, eps=0.5, eta=-0.5, horizon=2)
    res = run(model(mk, horizon=2), [_agreed_buy(years=1, price=4.0)])
    assert res.producer_price[0, :, CN] == pytest.approx([4 * P0, P0], rel=1e-9)
    assert res.consumer_price[0, :, US] == pytest.approx([4 * P0, P0], rel=1e-9)
    assert res.consumer_price[0, :, ROW] == pytest.approx([4 * P0, P0], rel=1e-9)
    assert res.production[0, :, CN] == pytest.approx([4.0, 2.0], rel=1e-9)
    assert res.flows[0, 0, CN, [US, ROW]] == pytest.approx([0.5, 0.5], rel=1e-9)
    assert res.consumer_surplus[0, 0, [US, ROW]] == pytest.approx([-2 * P0, -2 * P0], rel=1e-9)
    assert res.producer_surplus[0, 0, CN] == pytest.approx(28 / 3 * P0, rel=1e-9)
    assert res.consumer_surplus[0, 1] == pytest.approx([0.0] * 4, abs=1e-6)
    assert res.producer_surplus[0, 1] == pytest.approx([0.0] * 4, abs=1e-6)
    # what the government bought sits in the flows it was shipped with, booked to the party that pays (the US)
    assert res.gov_flows[0, :, CN, US] == pytest.approx([3.0, 0.0]) and res.gov_flows[0].sum() == pytest.approx(3.0)
    assert res.stock_end[0].tolist() == pytest.approx([3.0, 0.0, 0.0, 0.0])
    # the baseline, untouched by the clause
    assert res.base_production[0, :, CN].tolist() == pytest.approx([2.0, 2.0])
    assert res.base_consumption[0, :, US].tolist() == res.base_consumption[0, :, ROW].tolist() == [1.0, 1.0]
    assert res.base_flows[0, :, CN, US].tolist() == res.base_flows[0, :, CN, ROW].tolist() == [1.0, 1.0]
    assert res.base_flows[0].sum() == pytest.approx(4.0)
    assert res.base_price[0].tolist() == pytest.approx([P0, P0])


def test_fixed_supply_gains_the_price_rise_on_every_tonne_less_the_agreed_discount():
    # CN's 2 t are fixed (eps = 0); the US and ROW buy D = 1/p; the government buys 1 t: 2 = 2/p + 1, p = 2 P0.
    # CN gains (p - P0) on each of its 2 t (2 P0) but sells the government's tonne at the agreed P0, a P0 below the
    # market: P0 in all. Consumers lose ln 2 P0 each (eta = -1).
    mk = market(**SINGLE, eps=0.0, eta=-1.0, horizon=1)
    res = run(model(mk, horizon=1), [_agreed_buy(tonnes=1.0, years=1)])
    assert res.producer_price[0, 0, CN] == pytest.approx(2 * P0, rel=1e-9)
    assert res.producer_surplus[0, 0, CN] == pytest.approx(P0, rel=1e-9)
    assert res.consumer_surplus[0, 0, [US, ROW]] == pytest.approx([-math.log(2) * P0] * 2, rel=1e-9)


def test_a_purchase_shared_by_two_parties_books_their_tonnes_and_stocks_by_share():
    # 1 t a year bought for the US (60 %) and the EU (40 %) over two years, 2 t stocked at the end
    mk = market(**SINGLE, horizon=2)
    clause = _agreed_buy(tonnes=1.0, years=2, parties=["US", "EU"],
                         cost_sharing=CostSharing(rule="fixed", shares={"US": 0.6, "EU": 0.4}))
    res = run(model(mk, horizon=2), [clause])
    assert res.gov_flows[0, :, CN, US] == pytest.approx([0.6, 0.6]) and res.gov_flows[0, :, CN, EU] == \
        pytest.approx([0.4, 0.4])
    assert res.stock_end[0].tolist() == pytest.approx([1.2, 0.8, 0.0, 0.0])
    assert res.discount.tolist() == [1.0, 1.0]
    # each pays its share of the P0 a year the tonne costs at the agreed price
    out = res.fiscal.query("instrument == 'purchase_outlay'").pivot_table(index="year", columns="region",
                                                                          values="amount_usd")
    assert list(out.columns) == ["EU", "US"]
    assert out.EU.tolist() == pytest.approx([0.4 * P0] * 2, rel=1e-12)
    assert out.US.tolist() == pytest.approx([0.6 * P0] * 2, rel=1e-12)


def test_years_are_discounted_from_the_first_year_of_the_horizon():
    res = run(model(market(**SINGLE, horizon=3), horizon=3, rate=0.25), [])
    assert res.discount.tolist() == pytest.approx([0.8, 0.64, 0.512], rel=1e-15)
    assert res.years == [2026, 2027, 2028] and res.regions == list(REGIONS) and res.minerals == ["ore"]
    assert res.members == ["US", "EU"]


def test_a_capped_purchase_books_only_what_its_budget_bought():
    # 1 t a year at an agreed 2 P0 from a budget of 3 P0: 1 t, then 0.5 t, then nothing
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], horizon=3)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=1), agreed_price=usd_t(2 * P0), sources=["ROW"],
                            budget_cap=Money(amount=3 * P0), storage_cost_rate=0.0, **common(duration_years=3))
    res = run(model(mk, horizon=3), [clause])
    assert res.gov_flows[0].sum(axis=(1, 2)).tolist() == pytest.approx([1.0, 0.5, 0.0], abs=1e-12)
    assert res.stock_end[0, US] == pytest.approx(1.5)


class _Dumps:
    """A partner, mineral or assumptions block: what the model cache keys on."""

    def __init__(self, value):
        self.value = value

    def model_dump(self, mode):
        return {"value": self.value}


def _scenario(tag):
    return SimpleNamespace(document=SimpleNamespace(partners=[_Dumps(tag)], minerals=[_Dumps("ore")],
                                                    assumptions=_Dumps(0)))


@pytest.fixture
def calibrations(monkeypatch):
    """Counts the calibrations model_for runs (each returns a fresh model), with an empty cache."""
    made = []

    def build(scenario, dataset):
        made.append(scenario.document.partners[0].value)
        return object()

    monkeypatch.setattr(ev, "build_model", build)
    monkeypatch.setattr(ev, "_MODEL_CACHE", type(ev._MODEL_CACHE)())
    return made


def test_a_scenario_evaluated_again_is_not_calibrated_again(calibrations):
    data, other = object(), object()
    first = ev.model_for(_scenario("a"), data)
    assert ev.model_for(_scenario("a"), data) is first and calibrations == ["a"]
    # another dataset (or another partner list) is another model
    assert ev.model_for(_scenario("a"), other) is not first and ev.model_for(_scenario("b"), data) is not first
    assert calibrations == ["a", "a", "b"]


def test_the_eight_scenarios_used_last_are_kept_and_the_least_recent_dropped(calibrations):
    data = object()
    kept = {tag: ev.model_for(_scenario(tag), data) for tag in "abcdefgh"}  # eight: all kept
    assert ev.model_for(_scenario("a"), data) is kept["a"]  # used again: now the most recent
    ev.model_for(_scenario("i"), data)  # a ninth drops the least recently used, b
    assert [ev.model_for(_scenario(tag), data) is kept[tag] for tag in "acdefgh"] == [True] * 7
    assert calibrations == [*"abcdefgh", "i"]
    assert ev.model_for(_scenario("b"), data) is not kept["b"] and calibrations[-1] == "b"


def test_clause_lists_in_messages_name_five_then_count_the_rest():
    assert ev._names(list("abcde")) == "a, b, c, d, e"
    assert ev._names(list("abcdef")) == "a, b, c, d, e and 1 more"
    assert ev._names(list("abcdefgh")) == "a, b, c, d, e and 3 more"


def test_a_market_a_quarter_the_size_has_the_same_prices_and_a_quarter_of_the_surplus():
    # the square-root market above with every tonne divided by 4 (CN makes 0.5 t, the US and ROW use 0.25 t each,
    # 0.75 t bought): the same prices, every surplus a quarter - 7/3 P0 for CN, -0.5 P0 for each consumer
    mk = market([0, 0, 0.5, 0], [0.25, 0, 0, 0.25], flows=[[0] * 4, [0] * 4, [0.25, 0, 0, 0.25], [0] * 4],
                eps=0.5, eta=-0.5, horizon=1)
    res = run(model(mk, horizon=1), [_agreed_buy(tonnes=0.75, years=1, price=4.0)])
    assert res.producer_price[0, 0, CN] == pytest.approx(4 * P0, rel=1e-9)
    assert res.producer_surplus[0, 0, CN] == pytest.approx(7 / 3 * P0, rel=1e-9)
    assert res.consumer_surplus[0, 0, [US, ROW]] == pytest.approx([-0.5 * P0] * 2, rel=1e-9)


@pytest.mark.parametrize("payer", ["US", "EU"])
def test_a_capped_price_gap_payment_counts_in_full_but_output_only_to_its_cap(payer):
    # the US makes X = 2s for ROW (D = 2/p) with a floor of 1.21 P0 paid on at most 2.2 t (tests/test_engine_cases.py):
    # output 2.2 t sold at P0 / 1.1 plus the gap up to 1.21 P0 brings 2.2 x 1.21 = 2.662 P0; making 2.2 t costs the
    # area under the supply curve s = X/2, 2.2^2 / 4 = 1.21 P0. At baseline: 2 P0 earned, 1 P0 cost. Change: 0.452 P0.
    mk = market([2, 0, 0, 0], [0, 0, 0, 2], flows=[[0, 0, 0, 2], [0] * 4, [0] * 4, [0] * 4], horizon=1)
    # (paid for by the US itself or by the EU: the producers gain it either way)
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * P0), volume_cap=Volume(amount=2.2),
                                   eligible_producers=["US"], **common(duration_years=1, parties=[payer]))
    res = run(model(mk, horizon=1), [clause])
    assert res.producer_surplus[0, 0, US] == pytest.approx((2.662 - 1.21 - 1.0) * P0, rel=1e-9)
    assert res.producer_surplus[0, 0, EU] == 0.0
    assert res.consumer_surplus[0, 0, ROW] == pytest.approx(-2 * math.log(1 / 1.1) * P0, rel=1e-9)


@pytest.mark.parametrize("eps", [5e-4, 0.0])
def test_near_fixed_supply_under_a_price_gap_floor_gains_the_area_left_of_supply(eps):
    # the US makes X = s^eps for ROW; with a floor of 1.21 P0 it receives 1.21 P0 on all it makes, so it gains the
    # area left of its supply curve between P0 and 1.21 P0: (1.21^(1+eps) - 1) / (1 + eps) P0 (0.21 P0 when fixed).
    # Below eps = 1e-3 the engine reads the margin from the price plus support, not from the output.
    mk = market([1, 0, 0, 0], [0, 0, 0, 1], flows=[[0, 0, 0, 1], [0] * 4, [0] * 4, [0] * 4], eps=eps, horizon=1)
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * P0), **common(duration_years=1))
    res = run(model(mk, horizon=1), [clause])
    assert res.producer_surplus[0, 0, US] == pytest.approx((1.21 ** (1 + eps) - 1) / (1 + eps) * P0, rel=1e-9)


def test_near_fixed_supply_without_a_clause_gains_nothing():
    res = run(model(market(**SINGLE, eps=5e-4, horizon=1), horizon=1), [])
    assert res.producer_surplus.tolist() == res.consumer_surplus.tolist() == [[[0.0] * 4]]


def _two_minerals(horizon=2, names=("ore", "tin")):
    """'ore' and 'tin' (or the minerals named), the same SINGLE market each."""
    ore = market(**SINGLE, horizon=horizon)
    markets = {name: dataclasses.replace(ore, mineral=name, name=name.title()) for name in names}
    return dataclasses.replace(model(ore, horizon=horizon), markets=markets)


def test_a_mineral_without_a_clause_stays_exactly_at_its_baseline():
    # a 6 t capped purchase of ore (6 P0: it buys 3 t at 2 P0, tests/test_engine_cases.py) and a tariff on tin that
    # starts after the horizon: tin is not solved at all, every figure is its baseline to the last bit
    clauses = [PurchaseClause(id="cap", annual_volume=Volume(amount=6), price_basis="market_plus_premium",
                              sources=["CN"], budget_cap=Money(amount=6 * P0), storage_cost_rate=0.0,
                              **common(duration_years=2)),
               TariffClause(id="later", rate=0.5, exporters=["CN"], **common(mineral="tin", start_year=2030))]
    res = run(_two_minerals(), clauses)
    assert res.minerals == ["ore", "tin"]
    assert res.producer_price[0, :, CN] == pytest.approx([2 * P0, P0], rel=1e-9)
    assert res.gov_flows[0].sum(axis=(1, 2)) == pytest.approx([3.0, 0.0], rel=1e-9, abs=1e-12)
    assert res.producer_price[1].tolist() == [[P0] * 4] * 2 and res.consumer_price[1].tolist() == [[P0] * 4] * 2
    assert res.production[1].tolist() == res.base_production[1].tolist()
    assert res.flows[1].tolist() == res.base_flows[1].tolist()
    assert res.producer_surplus[1].tolist() == res.consumer_surplus[1].tolist() == [[0.0] * 4] * 2


@pytest.mark.parametrize("shock", [1.0, 2.0])
def test_markets_left_unsolved_report_their_baseline_in_usd_and_tonnes(shock):
    # the calm world of a stress test: no market solved, every figure the calibrated baseline at the reference price
    mdl = model(market(**SINGLE, horizon=2), horizon=2)
    setup = ev.prepare(mdl, ["ore"], [])
    out = ev.solve_active(setup, np.full((1, 2, 1), shock), {}, [], mdl)
    assert out.reference_price.tolist() == [[[shock * P0]] * 2]
    assert out.exporter_price.tolist() == out.consumer_price.tolist() == [[[[shock * P0] * 4]] * 2]
    assert out.landed_price.tolist() == [[[[[shock * P0] * 4] * 4]] * 2]
    assert out.production.tolist() == [[[[0.0, 0.0, 2.0, 0.0]]] * 2]
    assert out.consumption.tolist() == [[[[1.0, 0.0, 0.0, 1.0]]] * 2]
    assert out.flows[0, :, 0, CN].tolist() == [[1.0, 0.0, 0.0, 1.0]] * 2 and out.flows.sum() == 4.0
    assert out.unit_support.tolist() == [[[[0.0] * 4]] * 2] and out.converged.all()


def test_a_settling_round_solves_again_only_the_market_whose_purchase_changed(monkeypatch):
    # ore's market-price purchase takes several rounds to settle; tin's agreed-price one settles in the first (1 t
    # at 2 P0 from 3 P0: 1, 0.5); zinc's tariff has nothing to settle. Only the first solve is of all three, the
    # first round solves ore and tin, and after it only ore is solved again.
    solved = []

    def counting(setup, shock, frac, active, *args):
        solved.append(list(active))
        return solve_active(setup, shock, frac, active, *args)

    solve_active = ev.solve_active
    monkeypatch.setattr(ev, "solve_active", counting)
    clauses = [PurchaseClause(id="ore-cap", annual_volume=Volume(amount=6), price_basis="market_plus_premium",
                              sources=["CN"], budget_cap=Money(amount=6 * P0), storage_cost_rate=0.0,
                              **common(duration_years=2)),
               PurchaseClause(id="tin-cap", annual_volume=Volume(amount=1), agreed_price=usd_t(2 * P0),
                              sources=["CN"], budget_cap=Money(amount=3 * P0), storage_cost_rate=0.0,
                              **common(mineral="tin", duration_years=2)),
               TariffClause(id="zinc-duty", rate=1.0, exporters=["CN"], **common(mineral="zinc", duration_years=2))]
    res = run(_two_minerals(names=("ore", "tin", "zinc")), clauses)
    assert res.gov_flows[0].sum(axis=(1, 2)) == pytest.approx([3.0, 0.0], rel=1e-9, abs=1e-12)
    assert res.gov_flows[1].sum(axis=(1, 2)) == pytest.approx([1.0, 0.5], rel=1e-12)
    assert res.producer_price[2, :, CN] == pytest.approx([math.sqrt(0.75) * P0] * 2, rel=1e-9)
    assert solved[:2] == [[0, 1, 2], [0, 1]] and len(solved) > 3 and all(a == [0] for a in solved[2:])


def _drafted(*clauses):
    return SimpleNamespace(document=SimpleNamespace(clauses=list(clauses)))


def test_evaluating_some_clauses_takes_those_named_in_draft_order_and_names_an_unknown_one():
    t1, t2, t3 = (TariffClause(id=cid, rate=0.1, exporters=["CN"], **common()) for cid in ("t1", "t2", "t3"))
    scenario = _drafted(t1, t2, t3)
    assert [c.id for c in ev.select_clauses(scenario, ["t3", "t1"])] == ["t1", "t3"]
    assert [c.id for c in ev.select_clauses(scenario, None)] == ["t1", "t2", "t3"]
    with pytest.raises(EngineInputError, match=r"^clause_ids: 'nope' is not a clause of the scenario$"):
        ev.select_clauses(scenario, ["t1", "nope"])


@pytest.mark.parametrize("key", [("t1",), "t1", ("t1", "rate", "A"), "ab"])
def test_a_choice_not_keyed_by_clause_and_parameter_is_refused_naming_it(key):
    scenario = _drafted(TariffClause(id="t1", rate=0.1, exporters=["CN"], **common()))
    with pytest.raises(EngineInputError, match=r"^choices: .* is not a \(clause id, parameter\) pair$"):
        ev.select_clauses(scenario, None, {key: "A"})


def test_a_capped_purchase_that_cannot_clear_even_settled_is_named_beside_an_uncapped_one():
    # 78 t a year from ROW, and 78 t from EU (each makes 5 t, supply elasticity 0.2: at most about 55 t within the
    # solver's price bound), the second capped by a budget that pays for all 78 t at the agreed P0: neither clears on
    # its own, the capped one not even with its budget settled - both are named
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], eps=0.2, eta=-0.2)
    clauses = [PurchaseClause(id="uncapped", annual_volume=Volume(amount=78), agreed_price=usd_t(P0),
                              sources=["ROW"], **common()),
               PurchaseClause(id="capped", annual_volume=Volume(amount=78), agreed_price=usd_t(P0),
                              sources=["EU"], budget_cap=Money(amount=78.01 * P0), **common())]
    with pytest.raises(InfeasibleMarket, match=r"under clause uncapped, capped even on its own") as exc:
        run(model(mk), clauses)
    assert exc.value.clause_ids == ("uncapped", "capped") and exc.value.year == 2026
