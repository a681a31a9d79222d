"""GSIM (Francois & Hall 2003) results checked against the model's own equations as published, written out here term
by term, on a three-region experiment with different elasticities in every region; the linear system's refusals at
their limits; the levels cross-check's conditions."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.engine import EngineInputError
from workbench.engine.gsim import parse, solve_levels, solve_linear, solve_unique

#: Three regions trading one good: A exports to B and C, B to A and C, C to A only. B and C liberalise their imports
#: from A (B: 20 % -> 5 %, C: 30 % -> 10 %); A raises its tariff on C's goods (0 -> 10 %).
THREE = {"regions": ["A", "B", "C"],
         "trade": [[0, 80, 40], [60, 0, 30], [50, 0, 0]],
         "tariffs_initial": [[1, 1.2, 1.3], [1.1, 1, 1.05], [1.0, 1, 1]],
         "tariffs_final": [[1, 1.05, 1.1], [1.1, 1, 1.05], [1.1, 1, 1]],
         "import_demand_elasticity": [-0.8, -1.5, -2.0], "export_supply_elasticity": [1.2, 3.0, 0.7],
         "substitution_elasticity": [4.0, 6.0, 2.5]}


def test_every_flow_follows_the_published_demand_equation_and_every_exporter_market_clears():
    """Francois & Hall: importer v's demand for r's good changes by
    M^_rv = N_rrv (T^_rv + P^_r) + sum_{k != r} N_rkv (T^_kv + P^_k), with N_rrv = th_rv Em_v - (1 - th_rv) Es_v and
    N_rkv = th_kv (Em_v + Es_v), th the import shares at internal prices; exporter r's supply changes by Ex_r P^_r
    and its market clears: sum_v M_rv M^_rv = Ex_r P^_r X_r."""
    g = parse(THREE)
    result = solve_linear(g)
    trade, t0, t1 = np.array(THREE["trade"], float), np.array(THREE["tariffs_initial"]), \
        np.array(THREE["tariffs_final"])
    em, ex, es = (np.array(THREE[k]) for k in ("import_demand_elasticity", "export_supply_elasticity",
                                                "substitution_elasticity"))
    p = result.price_change
    n = 3
    for v in range(n):
        internal = [trade[k][v] * t0[k][v] for k in range(n)]
        share = [x / sum(internal) for x in internal]
        for r in range(n):
            if trade[r][v] == 0:
                continue
            own = share[r] * em[v] - (1 - share[r]) * es[v]
            expected = own * (t1[r][v] / t0[r][v] - 1 + p[r])
            for k in range(n):
                if k != r:
                    expected += share[k] * (em[v] + es[v]) * (t1[k][v] / t0[k][v] - 1 + p[k])
            assert result.import_change[r, v] == pytest.approx(expected, rel=1e-10, abs=1e-12), (r, v)
    for r in range(n):
        demand = sum(trade[r][v] * result.import_change[r, v] for v in range(n))
        assert demand == pytest.approx(ex[r] * p[r] * trade[r].sum(), rel=1e-9, abs=1e-9), r
    # the liberalised exporter A gains on its world price; C, now taxed in A, loses
    assert p[0] > 0 > p[2]


def test_the_welfare_pieces_of_the_three_region_experiment():
    """Per region: producer surplus X_r P^_r (1 + Ex_r P^_r / 2); consumer surplus -(imports at internal prices)
    x PC (1 + Em PC / 2), PC the import-share weighted change of internal prices; tariff revenue after (on the new
    quantities at the new world prices) minus before; net welfare their sum."""
    g = parse(THREE)
    result = solve_linear(g)
    trade, t0, t1 = np.array(THREE["trade"], float), np.array(THREE["tariffs_initial"]), \
        np.array(THREE["tariffs_final"])
    em, ex = np.array(THREE["import_demand_elasticity"]), np.array(THREE["export_supply_elasticity"])
    p, mhat = result.price_change, result.import_change
    for r in range(3):
        exports = trade[r].sum()
        assert result.producer_surplus[r] == pytest.approx(exports * p[r] * (1 + ex[r] * p[r] / 2), rel=1e-12)
    for v in range(3):
        internal = [trade[k][v] * t0[k][v] for k in range(3)]
        pc = sum(internal[k] / sum(internal) * (t1[k][v] / t0[k][v] - 1 + p[k]) for k in range(3))
        assert result.consumer_surplus[v] == pytest.approx(-sum(internal) * pc * (1 + em[v] * pc / 2), rel=1e-12)
        before = sum((t0[k][v] - 1) * trade[k][v] for k in range(3))
        after = sum((t1[k][v] - 1) * trade[k][v] * (1 + mhat[k, v]) * (1 + p[k]) for k in range(3))
        assert result.tariff_revenue[v] == pytest.approx(after - before, rel=1e-12, abs=1e-12)
    assert result.welfare == pytest.approx(result.producer_surplus + result.consumer_surplus + result.tariff_revenue,
                                           rel=1e-12)
    # the records the CLI prints: percent, and each piece under its name
    records = result.to_json()["regions"]
    assert [r["region"] for r in records] == ["A", "B", "C"]
    assert records[2]["world_price_change_pct"] == pytest.approx(100 * p[2], rel=1e-12)
    assert records[1]["net_welfare"] == pytest.approx(float(result.welfare[1]), rel=1e-12)
    assert (records[0]["producer_surplus"], records[0]["consumer_surplus"], records[0]["tariff_revenue"]) == \
        (float(result.producer_surplus[0]), float(result.consumer_surplus[0]), float(result.tariff_revenue[0]))


def test_a_trade_flow_of_one_counts_like_any_other():
    """Scaling every trade value by the same factor changes no proportional result; with the smallest flow at exactly
    one value unit the answer is the same as with it at ten."""
    base = solve_linear(parse(THREE | {"trade": [[0, 8, 4], [6, 0, 3], [5, 0, 0]]}))
    scaled = solve_linear(parse(THREE | {"trade": [[0, 80, 40], [60, 0, 30], [50, 0, 0]]}))
    one = solve_linear(parse(THREE | {"trade": [[0, 8 / 3, 4 / 3], [2, 0, 1], [5 / 3, 0, 0]]}))
    for r in (scaled, one):
        assert r.price_change == pytest.approx(base.price_change, rel=1e-10)
        assert r.import_change == pytest.approx(base.import_change, rel=1e-10, abs=1e-12)
    assert scaled.producer_surplus == pytest.approx(10 * base.producer_surplus, rel=1e-10)


def test_a_condition_number_of_exactly_the_limit_is_refused_and_the_message_gives_it():
    with pytest.raises(EngineInputError, match=r"^the linear GSIM system has no unique solution \(condition number "
                                               r"1\.0e\+12, limit 1e\+12\): check the elasticities and trade values$"):
        solve_unique(np.diag([1.0, 1e-12]), np.ones(2))
    assert solve_unique(np.diag([1.0, 1.25e-12]), np.ones(2)) == pytest.approx([1.0, 8e11])
    assert solve_unique(np.diag([2.0, 4.0, 0.5]), np.ones(3)) == pytest.approx([0.5, 0.25, 2.0])
    with pytest.raises(EngineInputError, match=r"condition number 5\.0e\+12,"):
        solve_unique(np.diag([5.0, 3.0, 1e-12]), np.ones(3))


@pytest.mark.parametrize("matrix", [[[0.0, 0.0], [0.0, 0.0]], [[1e308, 1e308], [1e308, 1e308]],
                                    [[np.inf, 0.0], [0.0, 1.0]]], ids=["zero", "overflowing", "infinite"])
def test_a_singular_or_non_finite_system_has_an_infinite_condition_number(matrix):
    with pytest.raises(EngineInputError, match=r"\(condition number infinite, limit 1e\+12\)"):
        solve_unique(np.array(matrix), np.ones(2))


def test_the_levels_cross_check_needs_one_substitution_elasticity():
    two = {"regions": ["A", "B"], "trade": [[0, 100], [100, 0]], "tariffs_initial": [[1, 1.1], [1.1, 1]],
           "tariffs_final": [[1, 1.0], [1.1, 1]], "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5}
    with pytest.raises(EngineInputError, match=r"^substitution_elasticity: the levels cross-check needs one value for "
                                               r"all regions$"):
        solve_levels(parse(two | {"substitution_elasticity": [5.0, 5.5]}))
    # one value. B buys only from A, so in levels A's supply P^Ex meets B's demand (P T)^Em: P = T^(Em / (Ex - Em)),
    # T the tariff ratio 1.0 / 1.1; B's price does not move (A's tariff on it is unchanged and A buys only from B)
    levels = solve_levels(parse(two | {"substitution_elasticity": [5.0, 5.0]}))
    assert levels[0] == pytest.approx((1.0 / 1.1) ** (-1.25 / (1.5 + 1.25)) - 1.0, rel=1e-6)
    assert levels[1] == pytest.approx(0.0, abs=1e-9)


def test_a_region_trading_half_a_value_unit_trades_and_the_one_trading_nothing_is_named():
    base = {"regions": ["A", "B", "C"], "tariffs_initial": [[1] * 3] * 3, "tariffs_final": [[1] * 3] * 3,
            "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5, "substitution_elasticity": 5}
    assert parse(base | {"trade": [[0, 0.5, 0], [5, 0, 5], [5, 0.5, 0]]}).trade.sum(axis=1).tolist() == [0.5, 10, 5.5]
    with pytest.raises(EngineInputError, match=r"^trade\[1\]: B exports nothing"):
        parse(base | {"trade": [[0, 0.5, 0], [0, 0, 0], [5, 0.5, 0]]})
    with pytest.raises(EngineInputError, match=r"^trade: column 2 \(C\) imports nothing"):
        parse(base | {"trade": [[0, 0.5, 0], [5, 0, 0], [5, 0.5, 0]]})
