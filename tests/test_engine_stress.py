"""Stress tests in the engine: hand-solved quota, slack quota, zero stress, releases, identities, random stresses."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.defaults import default_scenario
from workbench.document import (
    DumpingEpisode,
    ExportRestriction,
    PurchaseClause,
    ReleaseRule,
    Scenario,
    SupplyOutage,
    Volume,
)
from workbench.engine import EngineInputError, evaluate
from workbench.engine.instruments import compile_clauses
from workbench.engine.solver import MarketCases, solve
from workbench.engine.stress import run_stress_tests, stress_model
from tests.test_engine_cases import P0, SINGLE, common, market, model, usd_t

YEARS = dict(mineral="ore", start_year=2026, duration_years=3)


def stress(mdl, events, clauses=(), rules=None):
    comps, warns = compile_clauses(mdl, list(clauses))
    return stress_model(mdl, comps, list(events), rules or {}, warnings=warns)


def test_binding_quota_one_supplier_solved_by_hand():
    # CN produces 2 t, the US and ROW each consume 1 t, one source each; eps = 1, eta = -1.
    # CN withholds half its exports to the US: the US gets 0.5 t, so its price doubles (D = P0/P~ = 0.5).
    # CN's home price x (in P0) clears 2x = 0.5 + 1/x: x = (0.5 + sqrt(8.25)) / 4 = 0.84307...
    mdl = model(market(**SINGLE))
    ev = ExportRestriction(id="q", title="quota", supplier="CN", share_withheld=0.5, targets="partners",
                           target_partners=["US"], **YEARS)
    t = stress(mdl, [ev]).test("q")
    assert not t.error
    w = t.worlds["without"]
    x = (0.5 + math.sqrt(8.25)) / 4
    us, cn, row = 0, 2, 3
    assert w.consumer_price[:, us] == pytest.approx(2 * P0, rel=1e-9)
    assert w.consumer_price[:, row] == pytest.approx(x * P0, rel=1e-9)
    assert w.flows[:, cn, us] == pytest.approx(0.5, rel=1e-9)
    assert w.production[:, cn] == pytest.approx(2 * x, rel=1e-9)
    assert t.export_tax_equivalent_pct("without") == pytest.approx([100 * (2 / x - 1)] * 3, rel=1e-8)
    row_ = t.table.loc["US"]
    assert row_.consumer_price_change_pct_without == pytest.approx(100.0, rel=1e-9)
    assert row_.shortfall_pct_without == pytest.approx(50.0, rel=1e-9)
    # consumer loss of the US: -D0 P0 ln(P~/P0) = P0 ln 2 a year (eta = -1), discount rate 0
    assert row_.consumer_loss_pv_usd_without == pytest.approx(3 * P0 * math.log(2), rel=1e-9)
    # no clauses: the agreement changes nothing, so it avoids no loss
    assert t.table.security_value_pv_usd.abs().max() < 1e-6


def test_a_total_ban_has_no_export_tax_equivalent_but_withholding_99_9_percent_has_one():
    # CN stops every shipment to the US: no export tax does that, so the equivalent is left empty while the ban is in
    # force; withholding 99.9 % still ships 0.0008 t, and the tax that would do the same is a (large) number
    mdl = model(market([3, 1, 4, 2], [2, 3, 1, 4], eps=0.5, eta=-0.4, sigma=3.0))

    def restriction(share):
        ev = ExportRestriction(id="q", title="ban", supplier="CN", share_withheld=share, targets="partners",
                               target_partners=["US"], **YEARS)
        return stress(mdl, [ev]).test("q")

    ban = restriction(1.0)
    assert ban.worlds["without"].flows[:, 2, 0] == pytest.approx([0.0] * 3, abs=1e-12)
    assert ban.export_tax_equivalent_pct("without") == [None] * 3
    almost = restriction(0.999)
    assert all(tax > 1000 for tax in almost.export_tax_equivalent_pct("without"))


def test_quota_that_does_not_bind_changes_nothing():
    mk = market([3, 1, 4, 2], [2, 3, 1, 4], eps=0.5, eta=-0.4, sigma=3.0)
    from workbench.engine.cases import build_cases, prepare, purchase_volume
    mdl = model(mk)
    setup = prepare(mdl, ["ore"], [])
    cases = build_cases(setup, np.ones((1, 3, 1)), purchase_volume(setup, {}, 1))
    free = solve(cases)
    n, r = cases.production_share.shape
    exports = free.flows[:, 2, :2].sum(axis=1)  # CN to the US and the EU
    slack = MarketCases(**{**vars(cases), "quota_from": np.full(n, 2), "quota_to": np.tile([True, True, False, False],
                           (n, 1)), "quota": exports * 1.2})
    capped = solve(slack)
    assert capped.converged.all() and np.allclose(capped.quota_wedge, 0.0)
    for name in ("price", "index", "flows", "supply"):
        assert np.allclose(getattr(capped, name), getattr(free, name), rtol=1e-12, atol=1e-14), name


def _with_tests(scenario: Scenario, tests) -> Scenario:
    data = scenario.to_data()
    data["document"]["stress_tests"] = [t.model_dump(mode="json") for t in tests]
    return Scenario.from_data(data)


def test_zero_stress_reproduces_evaluate_exactly():
    sc = default_scenario()
    zero = []
    for m in ("ndpr_oxide", "indium", "cobalt", "nickel"):
        zero.append(ExportRestriction(id=f"r-{m.replace('_', '-')}", title="none", mineral=m, start_year=2026,
                                      duration_years=10, supplier="CN", share_withheld=0.0))
        zero.append(SupplyOutage(id=f"o-{m.replace('_', '-')}", title="none", mineral=m, start_year=2026,
                                 duration_years=10, region="ROW", share_lost=0.0))
    sc = _with_tests(sc, zero)
    base = evaluate(sc)
    res = run_stress_tests(sc)
    for t in res.tests:
        mi = base.minerals.index(t.mineral)
        w, calm = t.worlds["with"], t.worlds["with_calm"]
        assert np.allclose(w.consumer_price, base.consumer_price[mi], rtol=1e-9), t.id
        assert np.allclose(calm.consumer_price, base.consumer_price[mi], rtol=1e-9), t.id
        assert np.allclose(w.flows, base.flows[mi], rtol=1e-9, atol=1e-6), t.id
        assert np.allclose(w.production, base.production[mi], rtol=1e-9), t.id
        mine = sum(a for cid, _i, m, _mi, a in base.ledger if m == t.mineral)
        assert np.allclose(w.net, mine, rtol=1e-9, atol=1e-3), t.id
        assert np.allclose(w.consumer_surplus, base.consumer_surplus[mi], rtol=1e-9, atol=1e-3), t.id
        assert np.allclose(t.worlds["without"].consumer_price, base.base_price[mi][:, None], rtol=1e-12)
        tab = t.table
        for col in ("consumer_price_change_pct_without", "consumer_price_change_pct_with", "shortfall_t_with",
                    "released_t_with", "fiscal_cost_change_pv_usd", "security_value_pv_usd"):
            assert np.allclose(tab[col], 0.0, atol=1e-4), (t.id, col)


def _stockpile(rule: ReleaseRule | None, volume=0.2) -> PurchaseClause:
    return PurchaseClause(id="stock", annual_volume=Volume(amount=volume), agreed_price=usd_t(P0), sources=["CN"],
                          release_rule=rule, **common(start_year=2026, duration_years=3, parties=["US"]))


def test_release_lowers_the_spike_and_never_creates_stock():
    mdl = model(market(**SINGLE, eps=0.5, eta=-0.3, sigma=2.0, horizon=5), horizon=5)
    ev = ExportRestriction(id="q", title="quota", supplier="CN", share_withheld=0.4, mineral="ore", start_year=2028,
                           duration_years=2, targets="partners", target_partners=["US"])
    rule = ReleaseRule(on_stress=True, max_release=Volume(amount=0.15), allocation="need", replenish=True)
    plain = stress(mdl, [ev], [_stockpile(None)]).test("q")
    rel = stress(mdl, [ev], [_stockpile(rule)], {"stock": rule}).test("q")
    on = rel.active
    assert rel.stock.released_t.sum() > 0
    us = 0
    assert (rel.worlds["with"].consumer_price[on, us] < plain.worlds["with"].consumer_price[on, us] - 1e-6).all()
    assert rel.table.at["US", "security_value_pv_usd"] > plain.table.at["US", "security_value_pv_usd"]
    s = rel.stock
    assert (s.released_t <= s.stock_start_t + 1e-12).all()           # only stock held at the start of a year
    assert (s.released_t <= 0.15 + 1e-12).all()                       # at most the rate
    assert (s.stock_end_t >= -1e-12).all()
    assert np.allclose(s.stock_end_t, s.stock_start_t + s.bought_t - s.released_t + s.replenished_t)
    assert s.bought_t[on].sum() == 0                                  # purchases suspended while releasing
    # what is released went to US consumers; it is bought back after the crisis at the same rate (one year left)
    assert rel.worlds["with"].released[:, us].sum() == pytest.approx(s.released_t.sum())
    assert s.replenished_t.tolist() == pytest.approx([0, 0, 0, 0, min(0.15, s.released_t.sum())])
    # the proceeds are booked at the US consumer price of the release years
    fiscal = rel.fiscal
    receipts = fiscal[fiscal.instrument == "stock_release_receipt"].amount_usd.sum()
    price = rel.worlds["with"].consumer_price[:, us]
    assert receipts == pytest.approx(-(rel.worlds["with"].released[:, us] * price).sum(), rel=1e-9)
    # what is left at the end (0.6 t bought, 0.5 t released, 0.15 t bought back) is valued once, in the last year,
    # at the baseline price; without releases all 0.6 t would be
    assert s.stock_end_t.iloc[-1] == pytest.approx(0.25)
    end = fiscal[fiscal.instrument == "stock_end_value"]
    assert end.year.tolist() == [2030] and end.amount_usd.sum() == pytest.approx(-0.25 * P0, rel=1e-9)
    # markets clear with the released stock as supply to the US
    w = rel.worlds["with"]
    assert np.allclose(w.production, w.flows.sum(axis=-1) + w.gov, atol=1e-12)


def test_dumping_and_outage_move_prices_the_right_way_and_markets_clear():
    mdl = model(market([3, 1, 4, 2], [2, 3, 1, 4], eps=0.6, eta=-0.5, sigma=4.0))
    floor = PurchaseClause(id="buy", annual_volume=Volume(amount=0.3), agreed_price=usd_t(P0), sources=["US"],
                           **common())
    events = [DumpingEpisode(id="d", title="dump", supplier="CN", price_cut=0.3, **YEARS),
              SupplyOutage(id="o", title="out", region="ROW", share_lost=0.5, **YEARS)]
    res = stress(mdl, events, [floor])
    d, o = res.test("d"), res.test("o")
    assert (d.table.consumer_price_change_pct_without.drop("CN") < 0).all()
    assert (o.table.consumer_price_change_pct_without > 0).all()
    for t in (d, o):
        for w in t.worlds.values():
            assert np.allclose(w.production, w.flows.sum(axis=-1) + w.gov, rtol=1e-9, atol=1e-9)


def test_unknown_test_id_and_region_are_named():
    sc = default_scenario()
    with pytest.raises(EngineInputError, match="'nope' is not a stress test"):
        run_stress_tests(sc, test_ids=["nope"])


def test_random_stresses_give_finite_results_or_a_named_diagnostic():
    sc = default_scenario()
    rng = np.random.default_rng(11)
    regions = ["US", "EU", "JP", "MX", "CN", "ROW"]
    minerals = [m.id for m in sc.document.minerals]
    events = []
    for k in range(24):
        kind = k % 3
        base = dict(id=f"s{k}", title="random", mineral=str(rng.choice(minerals)),
                    start_year=int(rng.integers(2024, 2036)), duration_years=int(rng.integers(1, 6)))
        where = str(rng.choice(regions))
        if kind == 0:
            target = str(rng.choice(["all", "zone", "partners"]))
            partners = [r for r in ("US", "JP", "ROW") if r != where][:1] if target == "partners" else []
            events.append(ExportRestriction(supplier=where, share_withheld=float(rng.choice([rng.random(), 1.0])),
                                            targets=target, target_partners=partners, **base))
        elif kind == 1:
            events.append(DumpingEpisode(supplier=where, price_cut=float(rng.uniform(0.01, 0.9)), **base))
        else:
            events.append(SupplyOutage(region=where, share_lost=float(rng.random()), **base))
    sc = _with_tests(sc, events)
    res = run_stress_tests(sc)
    assert [t.id for t in res.tests] == [e.id for e in events]
    for t in res.tests:
        if t.error:
            assert t.mineral in t.error, t.error
            continue
        table = t.table.to_numpy(dtype=float)
        assert np.isfinite(table).all(), t.id
        for w in t.worlds.values():
            assert np.isfinite(w.consumer_price).all() and (w.consumer_price > 0).all(), t.id
            assert np.allclose(w.production, w.flows.sum(axis=-1) + w.gov, rtol=1e-7, atol=1e-6), t.id
        s = t.stock
        assert (s.stock_end_t >= -1e-9).all() and (s.released_t <= s.stock_start_t + 1e-9).all(), t.id


def _ndpr_only(probability: float, depth: float = 0.4, duration: int = 10) -> Scenario:
    data = default_scenario().to_data()
    doc = data["document"]
    doc["clauses"] = [c for c in doc["clauses"] if c["mineral"] == "ndpr_oxide"]
    doc["stress_tests"] = []
    a = doc["assumptions"]
    a["data_overrides"] = a["data_overrides"] + [{"mineral": "ndpr_oxide", "field": "volatility", "value": 0.0}]
    a["monte_carlo"]["disruptions"] = True
    a["disruption_risks"] = [{"mineral": "ndpr_oxide", "supplier": "CN", "annual_probability": probability,
                              "duration_years": duration, "depth": depth}]
    return Scenario.from_data(data)


def test_monte_carlo_jumps_that_always_strike_give_the_deterministic_outage():
    from workbench.engine import run_monte_carlo

    sc = _ndpr_only(1.0)
    mc = run_monte_carlo(sc, paths=200, seed=3)
    assert np.allclose(mc.annual, mc.annual[:1], rtol=1e-9, atol=1e-3)  # no price noise: every path alike
    outage = SupplyOutage(id="o", title="o", mineral="ndpr_oxide", start_year=2026, duration_years=10, region="CN",
                          share_lost=0.4)
    t = run_stress_tests(_with_tests(sc, [outage])).test("o")
    assert np.allclose(mc.annual[0], t.worlds["with"].net, rtol=1e-6, atol=1.0)
    calm = run_monte_carlo(sc, paths=200, seed=3, disruptions=False)
    assert not np.allclose(mc.annual, calm.annual)


def test_monte_carlo_jumps_are_seeded_and_leave_the_price_paths_alone():
    from workbench.engine import run_monte_carlo

    sc = default_scenario()
    never = _with_risks(sc, 0.0)
    base = run_monte_carlo(sc, paths=300, seed=5)
    assert np.array_equal(run_monte_carlo(never, paths=300, seed=5, disruptions=True).pv, base.pv)
    sometimes = _with_risks(sc, 0.3)
    a = run_monte_carlo(sometimes, paths=300, seed=5, disruptions=True)
    assert np.array_equal(a.pv, run_monte_carlo(sometimes, paths=300, seed=5, disruptions=True).pv)
    assert not np.array_equal(a.pv, run_monte_carlo(sometimes, paths=300, seed=6, disruptions=True).pv)
    assert not np.allclose(a.pv, base.pv)
    assert np.isfinite(a.pv).all()


def _with_risks(sc: Scenario, probability: float) -> Scenario:
    from workbench.engine.disruptions import default_risks

    data = sc.to_data()
    data["document"]["assumptions"]["disruption_risks"] = [
        {"mineral": r.mineral, "supplier": r.supplier, "annual_probability": probability,
         "duration_years": r.duration_years, "depth": r.depth} for r in default_risks()]
    return Scenario.from_data(data)


def test_default_disruption_risks_are_sourced_assumptions():
    import csv
    from workbench.defaults import resource

    rows = list(csv.DictReader(resource("data", "disruption_risks.csv").read_text("utf-8").splitlines()))
    assert {r["mineral"] for r in rows} >= {"ndpr_oxide", "cobalt", "indium", "antimony", "tungsten"}
    for r in rows:
        assert r["confidence"] == "assumption" and r["source"] and r["note"]
        assert float(r["probability_low"]) <= float(r["annual_probability"]) <= float(r["probability_high"])
        assert float(r["depth_low"]) <= float(r["depth"]) <= float(r["depth_high"])


def test_worked_example_of_docs_model_md_by_hand():
    t = run_stress_tests(default_scenario(), test_ids=["cn-indium-licensing"]).test("cn-indium-licensing")
    i = t.years.index(2029)
    zone = [t.regions.index(r) for r in ("US", "EU", "JP")]
    cn, us = t.regions.index("CN"), t.regions.index("US")
    calm = t.worlds["with_calm"].flows[i, cn, zone].sum()
    assert calm == pytest.approx(186.97, abs=0.01)
    for world in ("without", "with"):
        assert t.worlds[world].flows[i, cn, zone].sum() == pytest.approx(0.5 * calm, rel=1e-9)  # the cap binds
    w = t.worlds["with"]
    released = w.released[i, us]
    rate = 90 / 365 * t.base_consumption[i, us]
    assert 0 < released < rate and rate == pytest.approx(58.7, abs=0.05)
    fiscal = t.fiscal
    receipt = fiscal[(fiscal.year == 2029) & (fiscal.instrument == "stock_release_receipt")].amount_usd.sum()
    assert receipt == pytest.approx(-released * w.consumer_price[i, us], rel=1e-12)
    s = t.stock.set_index("year")
    assert s.at[2029, "stock_start_t"] == pytest.approx(400.0)
    assert s.at[2031, "replenished_t"] == pytest.approx(s.released_t.sum()) and s.at[2031, "stock_end_t"] == 400.0
    row = t.table.loc["US"]
    assert row.security_value_pv_usd == pytest.approx(row.consumer_loss_pv_usd_without - row.consumer_loss_pv_usd_with)
    assert row.security_value_pv_usd > 0 and row.days_of_cover_with == pytest.approx(400 / t.base_consumption[i, us]
                                                                                       * 365)


def test_the_stock_left_after_releases_is_valued_at_the_last_years_baseline_price():
    # as above with the reference price rising 5 % a year: the 0.25 t left in 2030 fetch that year's P0 x 1.05^5
    from dataclasses import replace

    mk = replace(market(**SINGLE, eps=0.5, eta=-0.3, sigma=2.0, horizon=5), price_index=1.05 ** np.arange(1, 6))
    ev = ExportRestriction(id="q", title="quota", supplier="CN", share_withheld=0.4, mineral="ore", start_year=2028,
                           duration_years=2, targets="partners", target_partners=["US"])
    rule = ReleaseRule(on_stress=True, max_release=Volume(amount=0.15), allocation="need", replenish=True)
    rel = stress(model(mk, horizon=5), [ev], [_stockpile(rule)], {"stock": rule}).test("q")
    assert rel.stock.stock_end_t.iloc[-1] == pytest.approx(0.25)
    end = rel.fiscal[rel.fiscal.instrument == "stock_end_value"]
    assert end.year.tolist() == [2030]
    assert end.amount_usd.sum() == pytest.approx(-0.25 * P0 * 1.05 ** 5, rel=1e-9)


def test_disruption_years_follow_the_annual_probability_and_the_deepest_risk_wins():
    from workbench.engine.disruptions import Risk, draw_states
    from workbench.engine.evaluate import model_for

    mdl = model_for(default_scenario())
    cn, row = mdl.regions.index("CN"), mdl.regions.index("ROW")
    # a one-year CN outage with a 10 % chance a year: about 10 % of the 10 years x 4,000 paths are disrupted
    scales, state = draw_states(mdl, ["nickel"], [Risk("nickel", "CN", 0.1, 1, 0.4)], 4000,
                                np.random.default_rng(1))[0]
    assert scales[1, cn] == pytest.approx(0.6) and scales[1, row] == 1.0 and (scales[0] == 1.0).all()
    assert (state == 1).mean() == pytest.approx(0.1, abs=0.005)
    # a shallow ROW risk that always strikes and a deeper CN one that sometimes does: the CN one where both do
    both = [Risk("nickel", "ROW", 1.0, 1, 0.2), Risk("nickel", "CN", 0.1, 1, 0.4)]
    _scales, state = draw_states(mdl, ["nickel"], both, 4000, np.random.default_rng(1))[0]
    assert set(np.unique(state)) == {1, 2} and (state == 2).mean() == pytest.approx(0.1, abs=0.005)
    _scales, state = draw_states(mdl, ["nickel"], both[::-1], 4000, np.random.default_rng(1))[0]
    assert set(np.unique(state)) == {1, 2} and (state == 1).mean() == pytest.approx(0.1, abs=0.005)
