"""Stock release rules worked by hand on one stockpile: the 90 % cap on what a region still buys, need against cost
shares, the price trigger on its boundary, days of cover, suspended purchases and the buy-back after the crisis."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from workbench.document import CostSharing, PurchaseClause, ReleaseRule, Volume
from workbench.engine.instruments import compile_clauses
from workbench.engine.releases import MAX_SHARE_OF_PURCHASES, plan_releases, release_ledger
from tests.test_engine_cases import P0, SINGLE, common, market, model, usd_t

H = 4                       # 2026-2029; the stress is in force in 2027 and 2028
US, EU, CN, ROW = range(4)
STRESSED = np.array([[False], [True], [True], [False]])


def _stockpile(rule, cid="stock", volume=5.0, parties=("US",), weights=None, duration=H):
    sharing = CostSharing(rule="fixed", shares=weights) if weights else CostSharing()
    return PurchaseClause(id=cid, annual_volume=Volume(amount=volume), agreed_price=usd_t(P0), sources=["CN"],
                          release_rule=rule, **common(start_year=2026, duration_years=duration, parties=list(parties),
                                                      cost_sharing=sharing))


def _plan(rule: ReleaseRule | None, *, bought=(0.5, 0.0), need=(0.8, 0.0), price=None, stressed=STRESSED,
          base=(1.0, 1.0), clauses=None, **clause):
    """Purchases of 5 t a year from CN (one clause 'stock' unless ``clauses``), stored; variants B = stressed's columns.

    ``bought`` / ``need``: what US and EU consumers still buy / lack each year; ``price`` (H,) the US and EU consumer
    price, or (US path, EU path) (default the baseline P0; set in the first variant); ``base`` the US and EU
    base-year consumption (t)."""
    clauses = clauses or [_stockpile(rule, **clause)]
    mdl = model(market(**SINGLE, horizon=H), horizon=H)
    comps, _ = compile_clauses(mdl, clauses)
    b = stressed.shape[1]
    per_region = np.zeros((H, b, 4))
    bought_a, need_a, price_a = per_region.copy(), per_region.copy(), np.full((H, b, 4), P0)
    bought_a[:, :, [US, EU]] = bought
    need_a[:, :, [US, EU]] = need
    if price is not None:
        price_a[:, 0, [US, EU]] = np.asarray(price).T if np.ndim(price) == 2 else np.asarray(price)[:, None]
    base_consumption = np.tile([*base, 0.0, 1.0], (H, 1))
    rules = {c.id: c.release_rule for c in clauses if c.release_rule is not None}
    return plan_releases(rules, comps, {}, stressed, price_a, np.full(H, P0), base_consumption, need_a, bought_a)


def test_a_release_covers_at_most_90_percent_of_what_the_region_still_buys():
    assert MAX_SHARE_OF_PURCHASES == 0.9
    # 5 t bought in 2026; in 2027 the US lacks 0.8 t but its consumers still buy only 0.5 t: 0.45 t is released
    plan = _plan(ReleaseRule(max_release=Volume(amount=10.0)))
    s = plan.stocks["stock"]
    assert plan.received[:, 0, US].tolist() == pytest.approx([0.0, 0.45, 0.45, 0.0])
    assert s.released[:, 0].tolist() == pytest.approx([0.0, 0.45, 0.45, 0.0])
    # purchases are suspended while releasing; 0.9 t is bought back in 2029 (at the release rate, 10 t a year)
    assert s.bought[:, 0].tolist() == pytest.approx([5.0, 0.0, 0.0, 5.0])
    assert s.replenished[:, 0].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.9])
    assert s.end[:, 0].tolist() == pytest.approx([5.0, 4.55, 4.1, 10.0])
    assert s.planned_end[:, 0].tolist() == pytest.approx([5.0, 5.0, 5.0, 10.0])
    assert plan.buy_back[:, 0, CN].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.9])     # bought back from the source
    assert plan.frac["stock"][:, 0].tolist() == [1.0, 0.0, 0.0, 1.0]


def test_by_need_a_release_stops_at_the_shortfall_by_cost_share_at_the_cap():
    need = _plan(ReleaseRule(max_release=Volume(amount=10.0)), need=(0.3, 0.0))
    assert need.received[1, 0, US] == pytest.approx(0.3)
    shares = _plan(ReleaseRule(max_release=Volume(amount=10.0), allocation="cost_share"), need=(0.3, 0.0))
    assert shares.received[1, 0, US] == pytest.approx(0.45)


def test_cost_shares_split_a_release_and_each_region_is_capped_on_its_own():
    # the US pays 75 %, the EU 25 %: 1 t released is 0.75 t and 0.25 t; the US buys only 0.5 t, so it gets 0.45 t
    rule = ReleaseRule(max_release=Volume(amount=1.0), allocation="cost_share")
    plan = _plan(rule, parties=("US", "EU"), weights={"US": 0.75, "EU": 0.25}, bought=(0.5, 2.0))
    assert plan.received[1, 0, [US, EU]].tolist() == pytest.approx([0.45, 0.25])
    assert plan.stocks["stock"].released[1, 0] == pytest.approx(0.70)
    # a second variant without the stress releases nothing; the first is unchanged beside it
    two = _plan(rule, parties=("US", "EU"), weights={"US": 0.75, "EU": 0.25}, bought=(0.5, 2.0),
                stressed=np.concatenate([STRESSED, np.zeros((H, 1), bool)], axis=1))
    assert two.received[1, :, US].tolist() == pytest.approx([0.45, 0.0])
    assert two.received[1, :, EU].tolist() == pytest.approx([0.25, 0.0])


def test_two_stockpiles_together_release_at_most_90_percent_of_what_the_region_buys():
    rule = ReleaseRule(max_release=Volume(amount=10.0))
    plan = _plan(None, clauses=[_stockpile(rule, "a"), _stockpile(rule, "b")])
    assert plan.received[1, 0, US] == pytest.approx(0.45)
    assert plan.stocks["a"].released[1, 0] + plan.stocks["b"].released[1, 0] == pytest.approx(0.45)


def test_by_need_nothing_is_released_where_nothing_is_lacking():
    plan = _plan(ReleaseRule(max_release=Volume(amount=10.0)), need=(0.0, 0.0))
    assert plan.received.sum() == 0 and plan.stocks["stock"].released.sum() == 0


def test_the_buy_back_runs_at_its_rate_until_what_was_released_is_back():
    # 0.45 t released in 2027 only; bought back 0.3 t in 2028 and the remaining 0.15 t in 2029
    rule = ReleaseRule(max_release=Volume(amount=10.0), replenish_rate=Volume(amount=0.3))
    plan = _plan(rule, stressed=np.array([[False], [True], [False], [False]]))
    assert plan.stocks["stock"].replenished[:, 0].tolist() == pytest.approx([0.0, 0.0, 0.3, 0.15])


def test_a_stockpile_buys_only_in_the_years_of_its_clause():
    plan = _plan(ReleaseRule(max_release=Volume(amount=10.0)), duration=3)
    assert plan.stocks["stock"].bought[:, 0].tolist() == pytest.approx([5.0, 0.0, 0.0, 0.0])
    assert plan.stocks["stock"].planned_end[:, 0].tolist() == pytest.approx([5.0] * 4)


def test_days_of_cover_limit_the_yearly_release():
    # 73 days of the owner's base consumption (2 t a year) is 0.4 t a year
    plan = _plan(ReleaseRule(max_days_of_cover=73.0), bought=(5.0, 0.0), base=(2.0, 1.0))
    assert plan.received[:, 0, US].tolist() == pytest.approx([0.0, 0.4, 0.4, 0.0])
    # the buy-back runs at the release rate too: 0.4 of the 0.8 t owed in 2029
    assert plan.stocks["stock"].replenished[:, 0].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.4])
    slow = _plan(ReleaseRule(max_days_of_cover=73.0, replenish_rate=Volume(amount=0.05)), bought=(5.0, 0.0))
    assert slow.stocks["stock"].replenished[:, 0].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.05])
    never = _plan(ReleaseRule(max_days_of_cover=73.0, replenish=False), bought=(5.0, 0.0))
    assert never.stocks["stock"].replenished[:, 0].tolist() == [0.0] * 4


def test_a_price_trigger_fires_above_its_multiple_of_the_baseline_not_at_it():
    # no release on the stress itself: only when the owners' price is above 1.5 times the baseline (in 2028)
    rule = ReleaseRule(on_stress=False, price_trigger=1.5, max_release=Volume(amount=0.1), suspend_purchases=False)
    plan = _plan(rule, price=np.array([1.0, 1.5, 1.51, 3.0]) * P0)
    # and in 2029, after the stress: the price trigger looks at any year once a stress struck in the horizon
    assert plan.received[:, 0, US].tolist() == pytest.approx([0.0, 0.0, 0.1, 0.1])
    calm = _plan(rule, price=np.array([1.0, 1.5, 1.51, 3.0]) * P0, stressed=np.zeros((H, 1), bool))
    assert calm.received.sum() == 0              # high prices with no stress in force anywhere: no release
    assert plan.stocks["stock"].bought[:, 0].tolist() == [5.0] * 4    # purchases go on when not suspended


def test_the_price_trigger_weighs_the_owners_prices_by_their_base_consumption():
    # the US (base 0.3 t) pays 2 P0, the EU (0.2 t) P0 in 2028: weighted 1.6 P0 fires a 1.5 trigger, where a plain
    # mean (1.5 P0) would not; with no base consumption at all the plain mean is used
    rule = ReleaseRule(on_stress=False, price_trigger=1.5, max_release=Volume(amount=0.1))
    price = (np.array([1.0, 1.0, 2.0, 1.0]) * P0, np.full(H, P0))

    def fired(base):
        plan = _plan(rule, parties=("US", "EU"), price=price, base=base, bought=(1.0, 1.0), need=(1.0, 1.0))
        return plan.received[:, 0].sum(axis=1).tolist()

    assert fired((0.3, 0.2)) == pytest.approx([0.0, 0.0, 0.1, 0.0])
    assert fired((0.2, 0.3)) == [0.0] * 4              # weighted 1.4 P0
    assert fired((0.0, 0.0)) == [0.0] * 4              # plain mean 1.5 P0: at the trigger, not above it
    price = (np.array([1.0, 1.0, 2.2, 1.0]) * P0, np.full(H, P0))
    assert fired((0.0, 0.0)) == pytest.approx([0.0, 0.0, 0.1, 0.0])     # plain mean 1.6 P0


def test_a_purchase_without_a_rule_releases_nothing():
    plan = _plan(ReleaseRule())
    other = _plan(None)
    assert other.stocks == {} and other.received.sum() == 0
    # no rate limit: the whole stock held at the start of 2027 (5 t) could go, but only 90 % of 0.5 t does
    assert plan.received[1, 0, US] == pytest.approx(0.45)


def _ledger(stressed, source, consumer_us, base_price, rule=None):
    """A 5 t a year stockpile bought from CN (4.5 t) and ROW (0.5 t), storage 10 % a year, released to the US (which
    lacks 0.8 t and still buys 0.5 t a year, so 0.45 t a year goes); (plan, ledger {instrument: (H,)}, clause).

    ``source`` (CN path, ROW path) the exporters' prices; ``consumer_us`` (H,) the US consumer price."""
    rule = rule or ReleaseRule(max_release=Volume(amount=10.0))
    clause = PurchaseClause(id="stock", annual_volume=Volume(amount=5.0), agreed_price=usd_t(P0), sources=["CN"],
                            release_rule=rule, storage_cost_rate=0.1, **common(start_year=2026, duration_years=H))
    mdl = model(market(**SINGLE, horizon=H), horizon=H)
    comps, _ = compile_clauses(mdl, [clause])
    comps = [replace(comps[0], volume=np.array([0.0, 0.0, 4.5, 0.5]))]
    bought, need = np.zeros((H, 1, 4)), np.zeros((H, 1, 4))
    bought[:, :, US], need[:, :, US] = 0.5, 0.8
    consumer = np.full((H, 1, 4), P0)
    consumer[:, 0, US] = consumer_us
    source_price = np.full((H, 1, 4), 50 * P0)      # what US and EU would sell at: no source, never read
    source_price[:, 0, CN], source_price[:, 0, ROW] = source
    base_consumption = np.tile([1.0, 1.0, 0.0, 1.0], (H, 1))
    plan = plan_releases({"stock": rule}, comps, {}, stressed, consumer, np.asarray(base_price), base_consumption,
                         need, bought)
    led = release_ledger(plan, comps, source_price, consumer, np.asarray(base_price))
    return plan, {inst: v[:, 0] for (_cid, inst), v in led.items()}, comps[0]


def test_a_crisis_at_the_end_leaves_the_stock_short_valued_at_the_lower_of_market_and_baseline_price():
    """Stress in 2028-2029: purchases stop after 10 t, 0.45 t is sold each year at the US price (2 P0, 3 P0).

    The sources' price is 90 % CN + 10 % ROW by volume: (1.0, 1.0, 0.7, 0.9) P0. The stock ends 0.9 t short of the
    plain purchase: storage saved 10 % x 0.45 x 0.7 P0 in 2028, 10 % x 0.9 x 0.9 P0 in 2029; the missing 0.9 t are
    not valued at the end: 0.9 x min(0.9 P0, baseline P0) = 0.81 P0 less end value (a cost)."""
    cn = np.array([1.0, 0.9, 0.6, 0.8]) * P0
    row = np.array([1.0, 1.9, 1.6, 1.8]) * P0
    plan, led, _ = _ledger(np.array([[False], [False], [True], [True]]), (cn, row), np.array([1, 1, 2, 3]) * P0,
                           np.array([1.0, 0.5, 0.6, 1.0]) * P0)
    s = plan.stocks["stock"]
    assert s.end[:, 0].tolist() == pytest.approx([5.0, 10.0, 9.55, 9.1])
    assert s.planned_end[:, 0].tolist() == pytest.approx([5.0, 10.0, 10.0, 10.0])
    assert led["stock_release_receipt"].tolist() == pytest.approx([0.0, 0.0, -0.9 * P0, -1.35 * P0])
    assert led["purchase_outlay"].tolist() == [0.0] * 4                  # nothing bought back within the horizon
    assert led["storage_cost"].tolist() == pytest.approx([0.0, 0.0, -0.0315 * P0, -0.081 * P0])
    assert led["stock_end_value"].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.81 * P0])
    # a market price above the baseline: the short stock is valued at the baseline price (0.9 x P0)
    _, dear, _ = _ledger(np.array([[False], [False], [True], [True]]), (cn * 2, row * 2),
                         np.array([1, 1, 2, 3]) * P0, np.array([1.0, 0.5, 0.6, 1.0]) * P0)
    assert dear["stock_end_value"].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.9 * P0])


def test_the_buy_back_is_paid_at_the_sources_price_split_by_their_volumes():
    """Stress in 2027 only: 0.45 t sold at 2 P0, bought back 0.3 t in 2028 and 0.15 t in 2029 (0.3 t a year), from
    CN and ROW in the clause's 90/10 split, at their price 1.2 P0 then 1.1 P0; the stock is whole again at the end
    (no end-value change); storage saved on 0.45 t in 2027 and 0.15 t in 2028 at the sources' price."""
    cn = np.array([1.0, 1.0, 1.0, 1.0]) * P0
    row = np.array([1.0, 1.0, 3.0, 2.0]) * P0
    rule = ReleaseRule(max_release=Volume(amount=10.0), replenish_rate=Volume(amount=0.3))
    plan, led, _ = _ledger(np.array([[False], [True], [False], [False]]), (cn, row), np.array([1, 2, 1, 1]) * P0,
                           np.full(H, P0), rule)
    assert plan.buy_back[:, 0, CN].tolist() == pytest.approx([0.0, 0.0, 0.27, 0.135])
    assert plan.buy_back[:, 0, ROW].tolist() == pytest.approx([0.0, 0.0, 0.03, 0.015])
    assert led["stock_release_receipt"].tolist() == pytest.approx([0.0, -0.9 * P0, 0.0, 0.0])
    assert led["purchase_outlay"].tolist() == pytest.approx([0.0, 0.0, 0.3 * 1.2 * P0, 0.15 * 1.1 * P0])
    assert led["storage_cost"].tolist() == pytest.approx([0.0, -0.045 * P0, -0.015 * 1.2 * P0, 0.0])
    assert led["stock_end_value"].tolist() == pytest.approx([0.0] * 4, abs=1e-6)


def test_two_stockpiles_releasing_in_one_year_share_the_sales_by_their_tonnes():
    """Both stockpiles release 0.45 t to the US by need; the 90 % cap leaves the second none in 2027: the first
    books every receipt, the second none, and together they book what the US consumers paid (0.45 t x 2 P0)."""
    rule = ReleaseRule(max_release=Volume(amount=10.0))
    clauses = [_stockpile(rule, "a"), _stockpile(rule, "b")]
    mdl = model(market(**SINGLE, horizon=H), horizon=H)
    comps, _ = compile_clauses(mdl, clauses)
    bought, need = np.zeros((H, 1, 4)), np.zeros((H, 1, 4))
    bought[:, :, US], need[:, :, US] = 0.5, 0.8
    consumer = np.full((H, 1, 4), 2 * P0)
    plan = plan_releases({"a": rule, "b": rule}, comps, {}, STRESSED, consumer, np.full(H, P0),
                         np.tile([1.0, 1.0, 0.0, 1.0], (H, 1)), need, bought)
    led = release_ledger(plan, comps, np.full((H, 1, 4), P0), consumer, np.full(H, P0))
    assert led[("a", "stock_release_receipt")][:, 0].tolist() == pytest.approx([0.0, -0.9 * P0, -0.9 * P0, 0.0])
    assert led[("b", "stock_release_receipt")][:, 0].tolist() == [0.0] * 4
