"""The batched market solver on small hand-made markets: equilibria derived on paper, identities, Newton's slope.

Quantities are in the solver's units (shares of world consumption, baseline price 1). Unless a test says otherwise
supply is X0 p (elasticity 1) and demand D0 / P (elasticity -1), so most equilibria are roots of a quadratic.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.engine import solver
from workbench.engine.solver import TOL, MarketCases, _evaluate, solve

INF = math.inf


def approx(expected, **tolerance):
    """pytest.approx of numbers or (nested) lists, compared as arrays."""
    return pytest.approx(np.asarray(expected, float), **tolerance)


def cases(production, consumption, import_share, *, eps=1.0, eta=-1.0, sigma=2.0, tariff=None, floor=None,
          purchases=None, support=(), capped_supply=None, **stress) -> MarketCases:
    """One case (N = 1) of R regions; ``support`` is a list of (floor, threshold, share, capped) per-region rows."""
    x0 = np.asarray(production, float)[None]
    r = x0.shape[1]
    zeros_rr = np.zeros((1, r, r))
    sup = support or [(np.zeros(r), np.full(r, INF), np.zeros(r), np.zeros(r, bool))]

    def k(i, dtype=float):
        return np.array([np.broadcast_to(np.asarray(s[i], dtype), (r,)) for s in sup])[None]

    extra = {name: None if v is None else np.asarray(v)[None] for name, v in stress.items()}
    return MarketCases(
        production_share=x0, consumption_share=np.asarray(consumption, float)[None],
        import_share=np.asarray(import_share, float)[None],
        supply_elasticity=np.broadcast_to(np.asarray(eps, float), (1, r)).copy(),
        demand_elasticity=np.broadcast_to(np.asarray(eta, float), (1, r)).copy(),
        armington_elasticity=np.array([sigma], float),
        tariff=zeros_rr if tariff is None else np.asarray(tariff, float)[None],
        floor_price=zeros_rr.copy() if floor is None else np.asarray(floor, float)[None],
        purchases=np.zeros((1, r)) if purchases is None else np.asarray(purchases, float)[None],
        support_floor=k(0), support_threshold=k(1), support_rebate_share=k(2), support_capped=k(3, bool),
        capped_supply=np.full((1, r), INF) if capped_supply is None else np.asarray(capped_supply, float)[None],
        **extra)


def stack(*many: MarketCases) -> MarketCases:
    """The cases of several one-case markets (same R and K) as one batch."""
    fields = MarketCases.__dataclass_fields__
    return MarketCases(*(None if getattr(many[0], f) is None else np.concatenate([getattr(c, f) for c in many])
                         for f in fields))


# A exports to B, which produces nothing: A sells half its baseline output at home, half to B
EXPORTER = dict(production=[1.0, 0.0], consumption=[0.5, 0.5], import_share=[[1.0, 1.0], [0.0, 0.0]])
# two regions each making and using 0.5, each buying half its needs from the other
TWIN = dict(production=[0.5, 0.5], consumption=[0.5, 0.5], import_share=[[0.5, 0.5], [0.5, 0.5]])


@pytest.fixture
def newton_steps(monkeypatch):
    """Counts the solver's evaluations: ``steps["newton"]`` Newton iterations, ``steps["trials"]`` line searches'
    batched evaluations, ``steps["rows"]`` the cases those evaluated in all."""
    steps = {"newton": -1, "trials": 0, "rows": 0}
    real = solver._evaluate

    def counting(c, y, jacobian):
        steps["newton" if jacobian else "trials"] += 1
        steps["rows"] += 0 if jacobian else len(y)
        return real(c, y, jacobian)

    monkeypatch.setattr(solver, "_evaluate", counting)
    return steps


def assert_cleared(eq, c: MarketCases):
    """Every active market clears: production = shipments + government purchases (to the solver's tolerance)."""
    assert eq.converged.all()
    assert eq.residual.max() <= 10 * TOL
    excess = eq.supply - eq.flows.sum(axis=2) - c.purchases
    assert np.abs(excess).max() <= 10 * TOL * c.consumption_share.sum(axis=1).max()


def test_no_policy_is_the_baseline_in_one_evaluation(newton_steps):
    """Calibrated shares, no instrument: every price is 1, flows are the baseline shares, no Newton step is taken."""
    c = cases(**TWIN, sigma=6.0, eps=0.4, eta=-0.3)
    eq = solve(c)
    assert eq.price == approx(np.ones((1, 2)), abs=1e-15)
    assert eq.index == approx(np.ones((1, 2)), abs=1e-15)
    assert eq.flows == approx(np.full((1, 2, 2), 0.25), abs=1e-15)
    assert eq.demand == approx(np.full((1, 2), 0.5)) and eq.supply == approx(np.full((1, 2), 0.5))
    assert eq.converged.all() and eq.quota_wedge is None
    assert newton_steps == {"newton": 0, "trials": 0, "rows": 0}


def test_a_government_purchase_in_one_region_by_hand():
    """X0 = D0 = 1 and purchases of 1.5: p = 1/p + 1.5 so p = 2; consumers keep 0.5, the state takes 1.5."""
    c = cases([1.0], [1.0], [[1.0]], purchases=[1.5])
    eq = solve(c)
    assert eq.price[0] == approx([2.0], rel=1e-10)
    assert eq.landed[0] == approx([[2.0]], rel=1e-10)
    assert eq.index[0] == approx([2.0], rel=1e-10)
    assert eq.demand[0] == approx([0.5], rel=1e-10)
    assert eq.flows[0] == approx([[0.5]], rel=1e-10)
    assert eq.supply[0] == approx([2.0], rel=1e-10)
    assert eq.support_u[0] == [0.0] and eq.support_c[0] == [0.0]
    assert_cleared(eq, c)


def test_a_tariff_on_the_only_supplier_by_hand():
    """B pays a 100 % tariff on A's ore: A's price p clears p = 0.5/p + 0.5/(2p), so p^2 = 0.75; B (no producer,
    buys nothing from itself) keeps price 1 and pays 2p at its border."""
    c = cases(**EXPORTER, tariff=[[0.0, 1.0], [0.0, 0.0]])
    eq = solve(c)
    p = math.sqrt(0.75)
    assert eq.price[0] == approx([p, 1.0], rel=1e-10)
    assert eq.landed[0, 0] == approx([p, 2 * p], rel=1e-10)
    assert eq.index[0] == approx([p, 2 * p], rel=1e-10)
    assert eq.demand[0] == approx([0.5 / p, 0.25 / p], rel=1e-10)
    assert eq.flows[0] == approx([[0.5 / p, 0.25 / p], [0.0, 0.0]], rel=1e-10)
    assert eq.supply[0] == approx([p, 0.0], rel=1e-10, abs=1e-15)
    assert_cleared(eq, c)


def test_a_border_floor_above_the_price_is_the_landed_price_by_hand():
    """B's border floor of 2 binds: B buys 0.5/2 = 0.25, so p = 0.5/p + 0.25, p = (0.25 + sqrt(2.0625)) / 2."""
    c = cases(**EXPORTER, floor=[[0.0, 2.0], [0.0, 0.0]])
    eq = solve(c)
    p = (0.25 + math.sqrt(2.0625)) / 2
    assert eq.price[0] == approx([p, 1.0], rel=1e-10)
    assert eq.landed[0, 0] == approx([p, 2.0], rel=1e-10)
    assert eq.flows[0, 0] == approx([0.5 / p, 0.25], rel=1e-10)
    assert_cleared(eq, c)


def test_a_floor_below_the_price_changes_nothing():
    """A floor of 0.9 under a tariff-paid price of 2p (p = 0.866) does not bind: the tariff case again."""
    c = cases(**EXPORTER, tariff=[[0.0, 1.0], [0.0, 0.0]], floor=[[0.0, 0.9], [0.0, 0.0]])
    eq = solve(c)
    assert eq.price[0, 0] == approx(math.sqrt(0.75), rel=1e-10)


def test_armington_mixing_under_a_mutual_tariff_by_hand():
    """TWIN with sigma = 2 and a 100 % tariff both ways. Home goods cost p, imports 2p; CES weights 0.5/p and
    0.5/(2p), so P = p / 0.75, shares 2/3 and 1/3, demand 0.375/p; home sales 1/(3p), exports 1/(12p). Supply 0.5 p
    equals 5/(12 p): p^2 = 5/6."""
    c = cases(**TWIN, tariff=[[0.0, 1.0], [1.0, 0.0]])
    eq = solve(c)
    p = math.sqrt(5 / 6)
    assert eq.price[0] == approx([p, p], rel=1e-10)
    assert eq.index[0] == approx([p / 0.75] * 2, rel=1e-10)
    assert eq.demand[0] == approx([0.375 / p] * 2, rel=1e-10)
    assert eq.flows[0] == approx([[1 / (3 * p), 1 / (12 * p)], [1 / (12 * p), 1 / (3 * p)]], rel=1e-10)
    assert_cleared(eq, c)


def test_an_uncapped_price_gap_subsidy_by_hand():
    """One region, producers paid up to 1.5 on every tonne: they see 1.5 whatever the price, supply 1.5, so p = 2/3
    and the support is 1.5 - 2/3 = 5/6 a tonne."""
    c = cases([1.0], [1.0], [[1.0]], support=[(1.5, INF, 0.0, False)])
    eq = solve(c)
    assert eq.price[0] == approx([2 / 3], rel=1e-10)
    assert eq.supply[0] == approx([1.5], rel=1e-10)
    assert eq.support_u[0] == approx([5 / 6], rel=1e-10)
    assert eq.support_c[0] == [0.0]
    assert_cleared(eq, c)


@pytest.mark.parametrize(("cap", "price"), [(1.2, 1 / 1.2), (3.0, 2 / 3)], ids=["cap-binds", "cap-loose"])
def test_a_capped_price_gap_subsidy_by_hand(cap, price):
    """The same payment on at most ``cap``: producers make min(1.5, cap) (more than the p they would make
    unpaid), so p = 1/1.2 when the cap of 1.2 binds and 2/3 when a cap of 3 does not; support = 1.5 - p."""
    c = cases([1.0], [1.0], [[1.0]], support=[(1.5, INF, 0.0, True)], capped_supply=[cap])
    eq = solve(c)
    assert eq.price[0] == approx([price], rel=1e-10)
    assert eq.supply[0] == approx([min(1.5, cap)], rel=1e-10)
    assert eq.support_c[0] == approx([1.5 - price], rel=1e-10)
    assert eq.support_u[0] == [0.0]
    assert_cleared(eq, c)


def test_a_cfd_rebate_above_its_threshold_by_hand():
    """Two-sided CfD (strike 1.2, half the price above 1.4 given back) and purchases of 1.2. At p = 2 producers get
    2 - 0.5 (2 - 1.4) = 1.7 = 0.5 + 1.2 = demand + purchases: p = 2, support -0.3."""
    c = cases([1.0], [1.0], [[1.0]], purchases=[1.2], support=[(1.2, 1.4, 0.5, False)])
    eq = solve(c)
    assert eq.price[0] == approx([2.0], rel=1e-10)
    assert eq.support_u[0] == approx([-0.3], rel=1e-10)
    assert eq.supply[0] == approx([1.7], rel=1e-10)
    assert_cleared(eq, c)


def test_a_stock_release_is_not_bought_by_hand():
    """0.5 released to consumers of a one-region market: p = 1/p - 0.5, p = (-0.5 + sqrt(4.25)) / 2; consumers use
    1/p, of which producers ship 1/p - 0.5."""
    c = cases([1.0], [1.0], [[1.0]], release=[0.5])
    eq = solve(c)
    p = (-0.5 + math.sqrt(4.25)) / 2
    assert eq.price[0] == approx([p], rel=1e-10)
    assert eq.demand[0] == approx([1 / p], rel=1e-10)
    assert eq.flows[0] == approx([[1 / p - 0.5]], rel=1e-10)
    assert_cleared(eq, c)


def test_dumping_into_an_importer_by_hand():
    """A sells to B at half its home price (export wedge ln 0.5): B pays p/2 and buys 1/p, so p = 0.5/p + 1/p."""
    c = cases(**EXPORTER, export_wedge=[[0.0, math.log(0.5)], [0.0, 0.0]])
    eq = solve(c)
    p = math.sqrt(1.5)
    assert eq.price[0, 0] == approx(p, rel=1e-10)
    assert eq.landed[0, 0] == approx([p, p / 2], rel=1e-10)
    assert eq.flows[0, 0] == approx([0.5 / p, 1 / p], rel=1e-10)
    assert_cleared(eq, c)


QUOTA_ON_B = dict(quota_from=0, quota_to=[False, True])


def test_a_binding_export_quota_by_hand():
    """A may ship at most 0.25 to B: B's price rises to 0.5/0.25 = 2, A's price p clears p = 0.5/p + 0.25 (as under
    a floor of 2), and the quota acts as an export tax of ln(2/p)."""
    c = cases(**EXPORTER, **QUOTA_ON_B, quota=0.25)
    eq = solve(c)
    p = (0.25 + math.sqrt(2.0625)) / 2
    assert eq.price[0] == approx([p, 1.0], rel=1e-10)
    assert eq.landed[0, 0] == approx([p, 2.0], rel=1e-10)
    assert eq.flows[0, 0] == approx([0.5 / p, 0.25], rel=1e-10)
    assert eq.quota_wedge == approx([math.log(2 / p)], rel=1e-10)
    assert eq.converged.all()


def test_a_slack_export_quota_changes_nothing_and_has_no_wedge():
    """A quota of 0.6 on A's 0.5 to B does not bind: the baseline, wedge 0."""
    eq = solve(cases(**EXPORTER, **QUOTA_ON_B, quota=0.6))
    assert eq.price[0] == approx([1.0, 1.0], abs=1e-12)
    assert eq.quota_wedge == approx([0.0], abs=1e-12)
    assert eq.converged.all()


def test_a_quota_solve_accepts_a_start_without_the_wedge_column():
    """A nearby solution given as R log prices (no wedge column) is a valid start and leads to the same answer."""
    c = cases(**EXPORTER, **QUOTA_ON_B, quota=0.25)
    p = (0.25 + math.sqrt(2.0625)) / 2
    eq = solve(c, y0=np.log([[p * 1.01, 1.0]]))
    assert eq.price[0, 0] == approx(p, rel=1e-10)
    assert eq.quota_wedge == approx([math.log(2 / p)], rel=1e-10)


def test_starting_at_the_answer_takes_no_step(newton_steps):
    """Started from the known equilibrium (p = 2 of the purchase case) the solver stops at once. B neither produces
    nor consumes (its consumers would buy only from B): it has no market and keeps price 1 whatever its start."""
    c = cases([1.0, 0.0], [1.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], purchases=[1.5, 0.0])
    eq = solve(c, y0=np.log([[2.0, 5.0]]))
    assert eq.price[0] == approx([2.0, 1.0], rel=1e-12)
    assert eq.converged.all()
    assert newton_steps["newton"] == 0


def test_prices_do_not_depend_on_the_unit_of_quantity():
    """Measuring every quantity in a unit a million times larger (all shares x 1e-6) leaves every price unchanged:
    the solver's tolerance is relative to world consumption."""
    big = cases(**TWIN, tariff=[[0.0, 1.0], [1.0, 0.0]], purchases=[0.1, 0.0], sigma=4.0)
    small = cases(**{k: np.asarray(v) * 1e-6 if k != "import_share" else v for k, v in TWIN.items()},
                  tariff=[[0.0, 1.0], [1.0, 0.0]], purchases=[0.1e-6, 0.0], sigma=4.0)
    one, other = solve(big), solve(small)
    assert other.converged.all()
    assert other.price == approx(one.price, rel=1e-10)
    assert other.flows == approx(one.flows * 1e-6, rel=1e-9)


def test_a_batch_solves_each_case_as_it_would_alone():
    """Cases solved together give each case's own answer, whichever needs more steps."""
    many = [cases([1.0], [1.0], [[1.0]], purchases=[g]) for g in (0.0, 1.5, 0.3, 8.0)]
    together = solve(stack(*many))
    for k, c in enumerate(many):
        alone = solve(c)
        assert together.price[k] == approx(alone.price[0], rel=1e-10)
        assert together.flows[k] == approx(alone.flows[0], rel=1e-10)
    # p - 1/p = g: p = (g + sqrt(g^2 + 4)) / 2
    assert together.price[:, 0] == approx([(g + math.sqrt(g * g + 4)) / 2 for g in (0.0, 1.5, 0.3, 8.0)],
                                                 rel=1e-10)


def test_an_infeasible_purchase_stops_at_the_price_bound_early(newton_steps):
    """Purchases of 15 where supply (elasticity 0.2) can reach at most e^(12 x 0.2) = 11.02 within the price bound
    e^12: the case is reported unconverged at the bound, with the gap 15 - 11.02 as its residual, after 10 Newton
    iterations: 6 steps of 2 in log price (the longest step taken) up to the bound 12, then STUCK_ITER = 4 at it
    without progress (not MAX_ITER = 60)."""
    c = cases([1.0], [1.0], [[1.0]], eps=0.2, purchases=[15.0])
    eq = solve(c)
    assert not eq.converged.any()
    assert eq.price[0] == approx([math.exp(12.0)], rel=1e-6)
    assert eq.residual[0] == approx(15 - math.exp(2.4) + math.exp(-12.0), rel=1e-9)
    assert newton_steps["newton"] == 6 + 4


@pytest.mark.parametrize(("below", "converged"), [(1e-3, True), (1e-8, True), (0.0, False)])
def test_the_price_bound_from_both_sides(below, converged):
    """p - 1/p = purchases puts the equilibrium at log price 12 - ``below``: just inside the bound e^12 it is found
    (to 1e-12 in log price); exactly at the bound it is reported as no equilibrium, though the residual there is 0."""
    g = 2 * math.sinh(12.0 - below)
    eq = solve(cases([1.0], [1.0], [[1.0]], purchases=[g]), y0=np.array([[11.9]]))
    assert eq.converged[0] == converged
    assert np.log(eq.price[0, 0]) == approx(12.0 - below, abs=1e-12)
    assert eq.residual[0] <= 10 * TOL


def test_a_producer_selling_only_to_a_stockpile_by_hand():
    """A's consumers buy nothing from A (B makes all B uses); the state buys 1 from A's 0.5: A's price is 2.
    B (0.5 made, 1 consumed) clears at 0.5 p_B = 1 / p_B, p_B = sqrt(2)."""
    c = cases([0.5, 0.5], [0.0, 1.0], [[0.0, 0.0], [1.0, 1.0]], purchases=[1.0, 0.0])
    eq = solve(c)
    assert eq.price[0] == approx([2.0, math.sqrt(2.0)], rel=1e-10)
    assert eq.supply[0] == approx([1.0, math.sqrt(2.0) / 2], rel=1e-10)
    assert_cleared(eq, c)


def test_a_supplier_with_no_production_left_has_no_price():
    """A has lost all its production but its buyers keep an Armington share of its good: no finite price of A's good
    cuts their purchases to nothing, so the case is reported unconverged with A's price at the bound."""
    eq = solve(cases([0.0, 1.0], [0.5, 0.5], [[0.5, 0.5], [0.5, 0.5]]))
    assert not eq.converged.any()
    assert eq.price[0, 0] == approx(math.exp(12.0), rel=1e-9)


def test_an_inelastic_exporter_whose_sales_all_pay_a_floor_finds_its_price():
    """A makes 1 whatever the price and sells only to B, whose border floor of 2 binds at the baseline (A's price has
    no effect there: a vanishing slope). The state buys 0.7, leaving 0.3 for B: B pays 1/0.3 = 3.33 > 2, so the
    floor stops binding and A's price is 10/3."""
    c = cases([1.0, 0.0], [0.0, 1.0], [[1.0, 1.0], [0.0, 0.0]], eps=0.0, floor=[[0.0, 2.0], [0.0, 0.0]],
              purchases=[0.7, 0.0])
    eq = solve(c)
    assert eq.price[0, 0] == approx(10 / 3, rel=1e-10)
    assert eq.flows[0, 0, 1] == approx(0.3, rel=1e-10)
    assert_cleared(eq, c)


def test_a_purchase_no_price_can_meet_gives_up_within_the_iteration_limit(newton_steps):
    """Perfectly inelastic supply of 1 cannot meet purchases of 2 at any price: the solve gives up unconverged after at
    most MAX_ITER = 60 Newton iterations (a bounded wait in the negotiation room), the gap near 1 left."""
    eq = solve(cases([1.0], [1.0], [[1.0]], eps=0.0, purchases=[2.0]))
    assert not eq.converged.any()
    assert eq.residual[0] == approx(1.0, rel=1e-3)
    assert newton_steps["newton"] <= 60


# -- Newton's slope -----------------------------------------------------------------------------------------------

def _random_shares(rng, n: int, r: int):
    """Random base-year production, consumption and import shares (each importer's shares adding up to one)."""
    prod = rng.uniform(0.2, 1.0, (n, r))
    cons = rng.uniform(0.2, 1.0, (n, r))
    imp = rng.uniform(0.1, 1.0, (n, r, r))
    imp /= imp.sum(axis=1, keepdims=True)
    return prod, cons, imp


def _random_quota(cases: MarketCases, rng, lowest: float) -> None:
    """An export quota on each case: a random supplier, most importers covered, a quota of ``lowest`` to 0.4."""
    n, r = cases.production_share.shape
    cases.quota_from = rng.integers(0, r, n)
    cases.quota_to = rng.random((n, r)) < 0.7
    cases.quota = rng.uniform(lowest, 0.4, n)


def rich_cases(seed: int, n: int = 4, quota: bool = True) -> MarketCases:
    """n random 3-region cases with every instrument: tariffs, floors (some binding), capped and uncapped supports,
    a volume cap, purchases, dumping, a stock release and (``quota``) an export quota, binding or not."""
    rng = np.random.default_rng(seed)
    r, k = 3, 3
    prod, cons, imp = _random_shares(rng, n, r)
    out = MarketCases(
        production_share=prod, consumption_share=cons, import_share=imp,
        supply_elasticity=rng.uniform(0.2, 1.5, (n, r)), demand_elasticity=rng.uniform(-1.2, -0.1, (n, r)),
        armington_elasticity=rng.uniform(1.5, 8.0, n),
        tariff=rng.uniform(0.0, 0.5, (n, r, r)) * (rng.random((n, r, r)) < 0.5),
        floor_price=rng.uniform(0.6, 1.6, (n, r, r)) * (rng.random((n, r, r)) < 0.4),
        purchases=rng.uniform(0.0, 0.2, (n, r)),
        support_floor=rng.uniform(0.5, 3.0, (n, k, r)) * (rng.random((n, k, r)) < 0.6),
        support_threshold=np.where(rng.random((n, k, r)) < 0.5, rng.uniform(0.0, 1.5, (n, k, r)), INF),
        support_rebate_share=rng.uniform(0.0, 1.0, (n, k, r)),
        support_capped=rng.random((n, k, r)) < 0.5,
        capped_supply=np.where(rng.random((n, r)) < 0.5, rng.uniform(0.3, 2.0, (n, r)), INF),
        export_wedge=rng.uniform(-0.4, 0.2, (n, r, r)),
        release=rng.uniform(0.0, 0.1, (n, r)))
    if quota:
        _random_quota(out, rng, lowest=0.0)
    return out


@pytest.mark.parametrize("quota", [True, False], ids=["quota", "no-quota"])
def test_newtons_slope_is_the_derivative_of_excess_supply(quota):
    """The analytic Jacobian dZ/dy the Newton steps rest on equals central differences of the excess supply, at
    random log prices, in random markets with every instrument at once (each branch met in some case)."""
    for seed in range(6):
        c = rich_cases(seed, quota=quota)
        n, r = c.production_share.shape
        width = r + quota
        rng = np.random.default_rng(100 + seed)
        y = rng.uniform(-1.2, 1.2, (n, width))
        if quota:
            y[:, r] = rng.uniform(-0.2, 1.0, n)
        _z, jac, _ = _evaluate(c, y, True)
        h = 1e-6
        for k in range(width):
            dy = np.zeros_like(y)
            dy[:, k] = h
            fd = (_evaluate(c, y + dy, False)[0] - _evaluate(c, y - dy, False)[0]) / (2 * h)
            assert jac[:, :, k] == approx(fd, rel=1e-5, abs=1e-7), (seed, k)


@pytest.mark.parametrize("price", [0.3, 0.8, 1.6])
def test_newtons_slope_where_paid_producers_see_less_than_the_base_price(price):
    """Capped-volume producers paid up to 1.0 who give back half the price above 0 on all output: at p = 0.8 they
    see 0.8 - 0.4 + 0.2 = 0.6 on the capped volume (below the baseline price 1), whose slope is -0.5 per unit of p;
    the analytic Jacobian matches central differences there and at prices below and above."""
    c = cases([1.0], [1.0], [[1.0]], eps=0.7, support=[(0.0, 0.0, 0.5, False), (1.0, INF, 0.0, True)])
    y = np.log([[price]])
    _z, jac, _ = _evaluate(c, y, True)
    h = 1e-6
    fd = (_evaluate(c, y + h, False)[0] - _evaluate(c, y - h, False)[0]) / (2 * h)
    assert jac[0, 0, 0] == approx(fd[0, 0], rel=1e-6)


def markets_with_an_equilibrium(seed: int, n: int = 8, quota: bool = False) -> MarketCases:
    """n random 3-region cases with an instrument of each kind as negotiated (a two-sided CfD, a capped price-gap
    payment, tariffs, floors, purchases, dumping, a small stock release, optionally a quota) that have an equilibrium
    for the seeds used below (scipy's root finds each)."""
    rng = np.random.default_rng(seed)
    r = 3
    prod, cons, imp = _random_shares(rng, n, r)
    cfd_floor = rng.uniform(0.6, 1.2, (n, r)) * (rng.random((n, r)) < 0.6)
    gap_floor = rng.uniform(0.8, 1.5, (n, r)) * (rng.random((n, r)) < 0.5)
    out = MarketCases(
        production_share=prod, consumption_share=cons, import_share=imp,
        supply_elasticity=rng.uniform(0.2, 1.5, (n, r)), demand_elasticity=rng.uniform(-1.2, -0.1, (n, r)),
        armington_elasticity=rng.uniform(1.5, 12.0, n),
        tariff=rng.uniform(0.0, 0.5, (n, r, r)) * (rng.random((n, r, r)) < 0.5),
        floor_price=rng.uniform(0.6, 1.6, (n, r, r)) * (rng.random((n, r, r)) < 0.4),
        purchases=rng.uniform(0.0, 0.2, (n, r)),
        support_floor=np.stack([cfd_floor, gap_floor], axis=1),
        support_threshold=np.stack([np.where(cfd_floor > 0, cfd_floor + rng.uniform(0.1, 0.5, (n, r)), INF),
                                    np.full((n, r), INF)], axis=1),
        support_rebate_share=np.stack([rng.uniform(0.0, 0.8, (n, r)), np.zeros((n, r))], axis=1),
        support_capped=np.stack([np.zeros((n, r), bool), np.ones((n, r), bool)], axis=1),
        capped_supply=np.where(gap_floor > 0, prod * rng.uniform(0.3, 1.5, (n, r)), INF),
        export_wedge=rng.uniform(-0.4, 0.2, (n, r, r)),
        release=rng.uniform(0.0, 0.05, (n, r)))
    if quota:
        _random_quota(out, rng, lowest=0.05)
    return out


@pytest.mark.parametrize(("seed", "quota"), [(0, False), (1, False), (3, False), (4, False), (5, False), (4, True)])
def test_markets_with_every_instrument_clear_within_fourteen_newton_steps(newton_steps, seed, quota):
    """Each batch of 8 random markets with every instrument clears (markets clear, the equilibrium has no excess
    supply) within 14 Newton iterations and 16 line-search evaluations for the whole batch: about twice what the
    damped Newton method needs today (5-7 iterations, 5-8 evaluations)."""
    c = markets_with_an_equilibrium(seed, quota=quota)
    eq = solve(c)
    assert_cleared(eq, c)
    assert newton_steps["newton"] <= 14
    assert newton_steps["trials"] <= 16


def with_an_idle_region(c: MarketCases) -> MarketCases:
    """The same cases with one more region that neither produces nor consumes (its consumers would buy from it)."""
    def pad(a, value, axes):
        widths = [(0, 1 if k in axes else 0) for k in range(a.ndim)]
        return np.pad(a, widths, constant_values=value)

    n, r = c.production_share.shape
    share = pad(c.import_share, 0.0, (1, 2))
    share[:, r, r] = 1.0
    return MarketCases(
        production_share=pad(c.production_share, 0.0, (1,)), consumption_share=pad(c.consumption_share, 0.0, (1,)),
        import_share=share, supply_elasticity=pad(c.supply_elasticity, 1.0, (1,)),
        demand_elasticity=pad(c.demand_elasticity, -1.0, (1,)), armington_elasticity=c.armington_elasticity,
        tariff=pad(c.tariff, 0.0, (1, 2)), floor_price=pad(c.floor_price, 0.0, (1, 2)),
        purchases=pad(c.purchases, 0.0, (1,)), support_floor=pad(c.support_floor, 0.0, (2,)),
        support_threshold=pad(c.support_threshold, INF, (2,)),
        support_rebate_share=pad(c.support_rebate_share, 0.0, (2,)),
        support_capped=pad(c.support_capped, False, (2,)), capped_supply=pad(c.capped_supply, INF, (1,)),
        export_wedge=pad(c.export_wedge, 0.0, (1, 2)), release=pad(c.release, 0.0, (1,)))


@pytest.mark.parametrize(("seed", "keep", "newton", "rows"), [
    (0, range(8), 12, 137), (1, [1, 3, 5, 6, 7], 13, 89), (2, range(7), 13, 118), (4, [0, 1, 2, 3, 4, 5, 7], 16, 130),
    (5, [1, 2, 3, 4, 6, 7], 13, 103), (6, [0, 2, 3, 5, 6, 7], 18, 167)])
def test_high_armington_markets_from_far_starts_clear_within_twice_todays_work(newton_steps, seed, keep, newton, rows):
    """Armington elasticities of 20-80 (CES shares swing as price^(1 - sigma)) and starts up to e^3 away from the
    answer: the full Newton step overshoots, so the line search backtracks and hedges with half steps. Every case
    clears, within twice the Newton iterations and twice the line-search case evaluations the solver needs today
    (``newton``, ``rows``): a slower step control would show here first."""
    rng = np.random.default_rng(seed)
    c = markets_with_an_equilibrium(seed)
    c.armington_elasticity = rng.uniform(20.0, 80.0, 8)
    y0 = rng.uniform(-3.0, 3.0, (8, 3))
    pick = np.isin(np.arange(8), list(keep))
    c = solver._subset(c, pick)
    eq = solve(c, y0=y0[pick])
    assert_cleared(eq, c)
    assert newton_steps["newton"] <= 2 * newton
    assert newton_steps["rows"] <= 2 * rows


def test_a_region_outside_the_market_changes_neither_prices_nor_the_work(newton_steps):
    """The hard markets above (seed 0) with a fourth region that neither produces nor consumes: its price stays 1,
    the others' prices are those of the three-region market, and the solve takes no more work than there."""
    rng = np.random.default_rng(0)
    c = markets_with_an_equilibrium(0)
    c.armington_elasticity = rng.uniform(20.0, 80.0, 8)
    y0 = rng.uniform(-3.0, 3.0, (8, 3))
    alone = solve(c, y0=y0)
    rows_alone = newton_steps["rows"]
    padded = with_an_idle_region(c)
    eq = solve(padded, y0=np.pad(y0, [(0, 0), (0, 1)]))
    assert eq.price[:, 3] == approx(np.ones(8), abs=0)
    assert eq.price[:, :3] == approx(alone.price, rel=1e-9)
    assert_cleared(eq, padded)
    assert newton_steps["rows"] - rows_alone <= 2 * 137
