"""Budget-capped purchases settled against a market solved in closed form: what each year's budget buys, by hand,
and how many market solves the settling takes (the progress a user watches on a long run)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.document import Money, Price, PurchaseClause, TariffClause, Volume
from workbench.engine import InfeasibleMarket
from workbench.engine.budgets import BUDGET_ROUNDS, budget_fractions, settle_budgets
from workbench.engine.instruments import compile_clauses
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model, usd_t

CN = REGIONS.index("CN")


def _compiled(clauses, horizon):
    comps, _ = compile_clauses(model(market(**SINGLE, horizon=horizon), horizon=horizon), clauses)
    return comps


def _buy(cid, tonnes, budget=None, start=2026, years=None, horizon=3, agreed=None, premium=0.0, unit=1.0):
    """A purchase from CN (the only producer of SINGLE) of ``tonnes`` a year, ``budget`` in units of ``unit`` P0."""
    basis = dict(agreed_price=usd_t(agreed * P0 * unit)) if agreed else dict(price_basis="market_plus_premium",
                                                                             premium_share=premium)
    return PurchaseClause(id=cid, annual_volume=Volume(amount=tonnes), sources=["CN"], storage_cost_rate=0.0,
                          budget_cap=None if budget is None else Money(amount=budget * P0 * unit), **basis,
                          **common(start_year=start, duration_years=years or horizon - (start - 2026)))


class Market:
    """SINGLE's market in closed form: CN supplies X = 2 p^eps, the US and ROW each demand p^-eps (p in P0), and the
    government buys g from CN, so with q = p^eps: 2q = 2/q + g, q = (g + sqrt(g^2 + 16)) / 4. Above ``limit`` tonnes
    a year there is no equilibrium. Prices are quoted in ``unit`` P0 (a currency unit). Counts the solves."""

    def __init__(self, comps, horizon, eps=1.0, limit=np.inf, unit=1.0):
        self.comps, self.h, self.eps, self.limit, self.unit = comps, horizon, eps, limit, unit
        self.solves = 0
        self.strict = []

    def bought(self, frac):
        g = np.zeros((self.h, 1))
        for c in self.comps:
            if c.volume is not None:
                g += frac.get(c.clause_id, np.ones((self.h, 1))) * c.years[:, None] * c.volume.sum()
        return g

    def price(self, g):
        q = (g + np.sqrt(g * g + 16.0)) / 4.0
        return q ** (1.0 / self.eps)

    def __call__(self, frac, strict):
        self.solves += 1
        self.strict.append(strict)
        g = self.bought(frac)
        ok = g <= self.limit * (1 + 1e-12)
        if strict and not ok.all():
            raise InfeasibleMarket("no equilibrium", mineral="ore", year=2026, clause_ids=())
        with np.errstate(divide="ignore"):
            p = np.where(ok, self.price(g), np.nan) * P0 * self.unit
        return np.broadcast_to(p[None, :, :, None], (1, self.h, 1, len(REGIONS))).copy(), g, ok[None]


class AtCapacity(Market):
    """A mine running towards its capacity K t a year: the price is P0 / (1 - g/K) for purchases g < K, and there is
    no equilibrium at or beyond K. A budget B (in P0) buys g / (1 - g/K) = B, i.e. g = B K / (K + B)."""

    def __init__(self, comps, horizon, capacity):
        super().__init__(comps, horizon, limit=capacity * (1 - 1e-12))
        self.capacity = capacity

    def price(self, g):
        return 1.0 / (1.0 - g / self.capacity)


def _price_buying(g, eps=1.0):
    """The price (in P0) at which the government buys g tonnes a year: q = (g + sqrt(g^2 + 16)) / 4, p = q^(1/eps)."""
    return ((g + math.sqrt(g * g + 16.0)) / 4.0) ** (1.0 / eps)


def _settle(clauses, horizon, eps=1.0, limit=np.inf, frac=None, unit=1.0, capacity=None):
    comps = _compiled(clauses, horizon)
    mkt = Market(comps, horizon, eps, limit, unit) if capacity is None else AtCapacity(comps, horizon, capacity)
    told = []
    out, g = settle_budgets(mkt, comps, frac or {}, list(range(2026, 2026 + horizon)),
                            progress=lambda done, total, what: told.append((done, total, what)))
    return out, g[:, 0], mkt, told


# ---------------------------------------------------------------------------------------------------------------
# budget_fractions: at given prices (the Monte Carlo's paths), each year buys what the budget still affords


def _prices(per_year, horizon):
    p = np.asarray(per_year, float).reshape(horizon, 1) * P0
    return np.broadcast_to(p[None, :, :, None], (1, horizon, 1, len(REGIONS))).copy()


def test_a_budget_buys_every_year_in_full_until_it_runs_out_then_a_fraction_then_nothing():
    # 1 t a year at 2 P0 from a budget of 5 P0: two years in full (4 P0), half of the third (1 P0), nothing after
    comps = _compiled([_buy("cap", 1.0, budget=5, horizon=5)], 5)
    fr = budget_fractions(_prices([2, 2, 2, 2, 2], 5), comps)
    assert list(fr) == ["cap"]
    assert fr["cap"][:, 0].tolist() == pytest.approx([1.0, 1.0, 0.5, 0.0, 0.0], abs=1e-15)


def test_at_market_prices_plus_a_premium_the_budget_pays_the_premium_too():
    # 2 t a year at 1 P0 + 25 %: 2.5 P0 a year; a budget of 4 P0 buys year one in full and 60 % of year two (1.5 P0)
    comps = _compiled([_buy("cap", 2.0, budget=4, horizon=3, premium=0.25)], 3)
    fr = budget_fractions(_prices([1, 1, 1], 3), comps)
    assert fr["cap"][:, 0].tolist() == pytest.approx([1.0, 0.6, 0.0], abs=1e-15)


def test_only_capped_purchases_get_fractions_and_uncapped_ones_buy_in_full():
    clauses = [_buy("capped", 1.0, budget=1, agreed=2), _buy("uncapped", 1.0, agreed=2),
               TariffClause(id="t", rate=0.5, exporters=["CN"], **common())]
    fr = budget_fractions(_prices([2, 2, 2], 3), _compiled(clauses, 3))
    assert list(fr) == ["capped"]
    assert fr["capped"][:, 0].tolist() == pytest.approx([0.5, 0.0, 0.0], abs=1e-15)


def test_a_purchase_that_starts_late_keeps_its_whole_budget_for_its_own_years():
    # 2026 is not a year of the clause: it costs nothing, then 2027 buys in full (2 P0) and 2028 half (1 P0 left)
    comps = _compiled([_buy("late", 1.0, budget=3, start=2027, horizon=4, agreed=2)], 4)
    fr = budget_fractions(_prices([2, 2, 2, 2], 4), comps)
    assert fr["late"][1:, 0].tolist() == pytest.approx([1.0, 0.5, 0.0], abs=1e-15)
    assert fr["late"][0, 0] == 1.0  # nothing to buy: nothing held back


def test_a_budget_that_pays_exactly_for_a_year_buys_it_in_full_and_nothing_after():
    # 3 t at 2 P0 cost 6 P0 a year: a budget of exactly 6 P0 buys the first year whole, a hair more a sliver of the next
    comps = _compiled([_buy("cap", 3.0, budget=6, agreed=2)], 3)
    assert budget_fractions(_prices([2, 2, 2], 3), comps)["cap"][:, 0].tolist() == [1.0, 0.0, 0.0]
    comps = _compiled([_buy("cap", 3.0, budget=6.6, agreed=2)], 3)
    assert budget_fractions(_prices([2, 2, 2], 3), comps)["cap"][:, 0].tolist() == pytest.approx([1.0, 0.1, 0.0])


# ---------------------------------------------------------------------------------------------------------------
# settle_budgets: the purchase moves the price it pays, so the fraction is a root: f V u(fV) = budget left.
# With eps = 1: g = 2p - 2/p, so a budget B (in P0) buys g p = 2p^2 - 2 = B: p = sqrt(1 + B/2), g = B / p.


def test_half_the_committed_volume_exhausts_the_budget_at_the_price_it_raises():
    # 6 t committed, 6 P0 budget: p = sqrt(1 + 3) = 2, g = 3 t in 2026 (f = 1/2) and nothing left for 2027. Each
    # round is one market solve (no solve beyond the last round's), told to the progress as "round k of 40".
    f, g, mkt, told = _settle([_buy("cap", 6.0, budget=6, horizon=2)], 2)
    assert f["cap"][:, 0].tolist() == pytest.approx([0.5, 0.0], abs=1e-10)
    assert g.tolist() == pytest.approx([3.0, 0.0], abs=1e-9)
    assert [d for d, _t, _w in told] == list(range(1, len(told) + 1)) and len(told) <= 14
    assert {(t, w) for _d, t, w in told} == {(BUDGET_ROUNDS, "cap")}
    assert mkt.solves == len(told) + 1 and mkt.strict == [False] * mkt.solves


def test_a_budget_that_outlasts_the_first_year_buys_it_whole_and_part_of_the_second():
    # 1 t a year: the first costs p(1) = (1 + sqrt 17) / 4 = 1.2808 P0; of 2 P0 the rest B = 2 - 1.2808 = 0.7192 P0
    # buys g = B / sqrt(1 + B/2) in 2027, nothing in 2028
    p1 = _price_buying(1.0)
    rest = 2.0 - p1
    f, g, mkt, told = _settle([_buy("cap", 1.0, budget=2, horizon=3)], 3)
    assert g.tolist() == pytest.approx([1.0, rest / math.sqrt(1 + rest / 2), 0.0], rel=1e-9, abs=1e-12)
    assert f["cap"][0, 0] == 1.0 and f["cap"][2, 0] == 0.0
    assert len(told) <= 12 and mkt.solves == len(told) + 1


def test_a_budget_that_pays_for_every_year_settles_without_a_round():
    # 1 t a year costs 1.2808 P0; 4 P0 pays for all three years: nothing to settle, one solve
    f, g, mkt, told = _settle([_buy("cap", 1.0, budget=4, horizon=3)], 3)
    assert "cap" not in f and g.tolist() == [1.0, 1.0, 1.0]  # no fraction: the full volume
    assert told == [] and mkt.solves == 1


def test_an_agreed_price_budget_settles_in_one_round():
    # at an agreed 2 P0 the spending does not depend on the market: 1 t a year from 3 P0 is 1, 0.5, 0 at once
    f, g, mkt, told = _settle([_buy("cap", 1.0, budget=3, horizon=3, agreed=2)], 3)
    assert f["cap"][:, 0].tolist() == pytest.approx([1.0, 0.5, 0.0], abs=1e-12)
    assert len(told) == 1 and mkt.solves == 2


@pytest.mark.parametrize("eps, budget, horizon, rounds", [
    (0.2, 20, 3, 22), (0.05, 20, 3, 24), (0.01, 20, 3, 32), (0.05, 20, 2, 24), (0.2, 2, 2, 22), (1.0, 0.2, 2, 14)])
def test_a_purchase_against_inelastic_supply_settles_within_twice_todays_rounds(eps, budget, horizon, rounds):
    # 30 t a year against 2 t of supply with elasticity eps: the full volume would cost up to millions of times the
    # budget, and the plain step f <- left / (V u(f)) overshoots back and forth. The budget buys g with
    # g p(g) = budget in 2026, where q = p^eps = (g + sqrt(g^2 + 16)) / 4, i.e. g = 2 q - 2 / q.
    f, g, mkt, told = _settle([_buy("cap", 30.0, budget=budget, horizon=horizon)], horizon, eps=eps)
    assert g[0] * _price_buying(g[0], eps) == pytest.approx(budget, rel=1e-9)
    assert g[1:].tolist() == [0.0] * (horizon - 1)
    assert len(told) <= rounds and mkt.solves == len(told) + 1


@pytest.mark.parametrize("tonnes, budget, capacity, rounds", [
    (30, 20, 4, 24), (30, 200, 4, 34), (5, 2000, 4, 34), (300, 2000, 1, BUDGET_ROUNDS), (30, 2, 1, 22)])
def test_a_purchase_from_a_mine_near_capacity_settles_within_twice_todays_rounds(tonnes, budget, capacity, rounds):
    # the committed volume is far beyond what the mine can make: the first tries have no equilibrium and are halved,
    # and near capacity the price (and the spending) climbs steeply. The budget buys g = B K / (K + B) in 2026.
    f, g, mkt, told = _settle([_buy("cap", tonnes, budget=budget, horizon=2)], 2, capacity=capacity)
    assert g.tolist() == pytest.approx([budget * capacity / (capacity + budget), 0.0], rel=1e-9, abs=1e-12)
    assert len(told) <= rounds and mkt.solves == len(told) + 2  # the full volume tried once, then from nothing


@pytest.mark.parametrize("budget, eps", [(20, 0.05), (2, 0.2), (6, 1.0)])
def test_the_currency_unit_changes_nothing(budget, eps):
    # the same purchase with every price and the budget quoted in a unit a million times smaller (a fraction of a
    # US cent per tonne) buys the same tonnes in the same number of rounds: nothing depends on the size of a dollar
    clause = dict(tonnes=30.0, budget=budget, horizon=2)
    f1, g1, _m1, told1 = _settle([_buy("cap", **clause)], 2, eps=eps)
    f2, g2, _m2, told2 = _settle([_buy("cap", **clause, unit=1e-6)], 2, eps=eps, unit=1e-6)
    assert g2.tolist() == pytest.approx(g1.tolist(), rel=1e-9, abs=1e-12) and len(told2) == len(told1)


def test_a_volume_without_equilibrium_is_settled_from_nothing_and_halved_until_it_clears():
    # no equilibrium above 7 t a year: the 30 t committed cannot even be tried, so the purchase starts from none; the
    # budget of 20 P0 buys g = 20 / sqrt(11) = 6.03 t at p = sqrt(11) P0, just within reach
    f, g, mkt, told = _settle([_buy("cap", 30.0, budget=20, horizon=2)], 2, limit=7.0)
    assert g.tolist() == pytest.approx([20 / math.sqrt(11), 0.0], rel=1e-9, abs=1e-12)
    assert mkt.strict[:2] == [False, True]  # the full volume tried leniently, then nothing bought, strictly
    assert len(told) <= 20 and mkt.solves == len(told) + 2


def test_a_budget_whose_volume_has_no_equilibrium_names_the_purchase():
    # no equilibrium above 1 t a year, yet the 20 P0 budget affords 6 t (and any volume that clears costs less than
    # the budget): no volume both clears and spends the budget, so the purchase is named with its year
    with pytest.raises(InfeasibleMarket, match="clause cap's budget") as exc:
        _settle([_buy("cap", 30.0, budget=20, horizon=2)], 2, limit=1.0)
    assert exc.value.clause_ids == ("cap",) and exc.value.year == 2026


def test_two_capped_purchases_with_the_same_terms_share_the_market_they_move():
    # two identical purchases of 6 t with 6 P0 each: together they buy g with g p = 12, p = sqrt(7), half each
    f, g, mkt, told = _settle([_buy("a", 6.0, budget=6), _buy("b", 6.0, budget=6)], 3)
    assert g.tolist() == pytest.approx([12 / math.sqrt(7), 0.0, 0.0], rel=1e-9, abs=1e-12)
    assert f["a"][:, 0].tolist() == pytest.approx(f["b"][:, 0].tolist(), rel=1e-12)
    assert {w for _d, _t, w in told} >= {"a, b"} and len(told) <= 14


def test_fractions_given_up_front_are_solved_strictly_and_settled_from_there():
    # the Monte Carlo starts from budget_fractions at the paths' prices: the first solve must clear (strict)
    f, g, mkt, told = _settle([_buy("cap", 6.0, budget=6, horizon=2)], 2, frac={"cap": np.array([[0.4], [0.0]])})
    assert g.tolist() == pytest.approx([3.0, 0.0], abs=1e-9)
    assert mkt.strict[0] is True and mkt.strict[1:] == [False] * (mkt.solves - 1)


def test_a_purchase_that_starts_late_settles_its_budget_on_its_own_years():
    # as above, one year later: nothing in 2026 (not a year of the clause), 2027 in full at p(1) = 1.2808 P0 and the
    # rest of the 2 P0 in 2028
    rest = 2.0 - _price_buying(1.0)
    f, g, mkt, told = _settle([_buy("late", 1.0, budget=2, start=2027, horizon=4)], 4)
    assert g.tolist() == pytest.approx([0.0, 1.0, rest / math.sqrt(1 + rest / 2), 0.0], rel=1e-9, abs=1e-12)


# The settling tolerance is 1e-10 of the budget: USD 1 of a USD 10 bn budget, exactly representable both ways.
BN10 = 1e10


def _lot(budget_usd, cost_usd, years=2):
    """4,096 t a year at an agreed price that makes them cost ``cost_usd`` (exactly: 4,096 is a power of two)."""
    return PurchaseClause(id="lot", annual_volume=Volume(amount=4096), sources=["CN"], storage_cost_rate=0.0,
                          agreed_price=Price(amount=cost_usd / 4096, per="t"), budget_cap=Money(amount=budget_usd),
                          **common(duration_years=years))


@pytest.mark.parametrize("over, whole", [(0.0, True), (1.0, True), (2.0, False)])
def test_a_year_that_costs_the_budget_plus_at_most_the_tolerance_is_bought_whole(over, whole):
    # a year costing USD 10 bn + over from a budget of USD 10 bn: within USD 1 it is bought whole (and the budget is
    # spent); USD 2 over, the budget buys 10 bn / (10 bn + 2) of it
    f, _g, _mkt, _told = _settle([_lot(BN10, BN10 + over)], 2)
    first = f.get("lot", np.ones((2, 1)))[0, 0]
    assert first == (1.0 if whole else pytest.approx(BN10 / (BN10 + over), rel=1e-15))


@pytest.mark.parametrize("spend, rest", [(BN10 - 1.0, 0.0), (BN10 - 2.0, 2.0)])
def test_a_dollar_left_of_ten_billion_is_nothing_left(spend, rest):
    # the first year spends all but USD 1 (the tolerance): the second buys nothing; all but USD 2: it buys USD 2 worth
    f, _g, _mkt, _told = _settle([_lot(BN10, spend)], 2)
    assert f["lot"][1, 0] == pytest.approx(rest / spend, abs=0.0, rel=1e-12) and f["lot"][0, 0] == 1.0


@pytest.mark.parametrize("off, kept", [(1.0, True), (-1.0, True), (2.0, False)])
def test_a_fraction_handed_in_within_the_tolerance_is_kept_without_a_round(off, kept):
    # the Monte Carlo hands in fractions: half of a year costing 2 (10 bn + off) spends 10 bn + off of a 10 bn budget;
    # within USD 1 that is settled as it is (one solve), beyond it one more round buys 10 bn worth
    full = 2 * (BN10 + off)
    f, _g, mkt, told = _settle([_lot(BN10, full)], 2, frac={"lot": np.array([[0.5], [0.0]])})
    assert mkt.solves == (1 if kept else 2) and len(told) == (0 if kept else 1)
    assert f["lot"][0, 0] == (0.5 if kept else pytest.approx(BN10 / full, rel=1e-15))


@pytest.mark.parametrize("a, b", [((3, 2), (2, 1)), ((10, 3), (1, 0.5))])
def test_two_capped_purchases_with_their_own_budgets_share_the_price_they_move(a, b):
    # (tonnes, budget in P0) each, both far more than the budgets afford: together they spend B = 3 or 3.5 P0, so
    # p = sqrt(1 + B/2) and each buys its own budget's worth at that one price, budget / p
    f, g, mkt, told = _settle([_buy("a", a[0], budget=a[1], horizon=2), _buy("b", b[0], budget=b[1], horizon=2)], 2)
    p = math.sqrt(1 + (a[1] + b[1]) / 2)
    assert g.tolist() == pytest.approx([(a[1] + b[1]) / p, 0.0], rel=1e-9, abs=1e-12)
    assert f["a"][0, 0] * a[0] == pytest.approx(a[1] / p, rel=1e-9)
    assert f["b"][0, 0] * b[0] == pytest.approx(b[1] / p, rel=1e-9)
    assert len(told) <= 32


def test_a_fraction_handed_in_below_what_an_ample_budget_affords_rises_to_the_full_volume_not_beyond():
    # 1 t a year at an agreed 1 P0 from 10 P0: every year affordable; handed in at half, each year buys its 1 t
    f, g, _mkt, told = _settle([_buy("cap", 1.0, budget=10, horizon=2, agreed=1)], 2,
                               frac={"cap": np.array([[0.5], [0.5]])})
    assert f["cap"][:, 0].tolist() == [1.0, 1.0] and g.tolist() == [1.0, 1.0] and len(told) == 1
