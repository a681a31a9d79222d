"""GSIM validation mode: hand-solved two-region case, the Francois & Hall (2003) example, levels cross-check."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from workbench.cli.main import main
from workbench.engine import EngineInputError
from workbench.engine.gsim import MAX_CONDITION, parse, solve_levels, solve_linear, solve_unique

FIXTURE = Path(__file__).parent / "fixtures" / "gsim_fh2003_us_eu_fta.json"


def two_regions(t0=1.1, t1=1.0):
    return parse({"regions": ["A", "B"], "trade": [[0, 100], [100, 0]],
                  "tariffs_initial": [[1, t0], [1.1, 1]], "tariffs_final": [[1, t1], [1.1, 1]],
                  "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5, "substitution_elasticity": 5})


def test_two_region_case_by_hand():
    # B buys only from A: M^ = Em (T^ + P^) = Ex P^  =>  P^ = Em T^ / (Ex - Em)
    r = solve_linear(two_regions())
    that = 1 / 1.1 - 1
    p = -1.25 * that / (1.5 + 1.25)
    assert r.price_change == pytest.approx([p, 0.0], abs=1e-12)
    assert r.producer_surplus[0] == pytest.approx(100 * p * (1 + 0.75 * p))
    pc = that + p
    assert r.consumer_surplus[1] == pytest.approx(-110 * pc * (1 - 0.625 * pc))
    assert r.tariff_revenue[1] == pytest.approx(-10.0)
    assert r.welfare == pytest.approx(r.producer_surplus + r.consumer_surplus + r.tariff_revenue)


def test_no_tariff_change_changes_nothing():
    g = parse(json.loads(FIXTURE.read_text()))
    r = solve_linear(replace(g, t1=g.t0))
    for arr in (r.price_change, r.producer_surplus, r.consumer_surplus, r.tariff_revenue):
        assert np.allclose(arr, 0.0)


def test_francois_hall_us_eu_fta():
    g = parse(json.loads(FIXTURE.read_text()))
    r = solve_linear(g)
    us, jp, eu, rw = range(4)
    # members' export prices rise, outsiders' fall (trade diversion); members lose tariff revenue
    assert r.price_change[us] > 0 and r.price_change[eu] > 0
    assert r.price_change[jp] < 0 and r.price_change[rw] < 0
    assert r.tariff_revenue[us] < 0 and r.tariff_revenue[eu] < 0
    assert r.welfare[jp] < 0 and r.welfare[rw] < 0
    # exporters' markets clear: sum_v M_rv M^_rv = Ex P^_r X_r
    lhs = (g.trade * r.import_change).sum(axis=1)
    assert lhs == pytest.approx(1.5 * r.price_change * g.trade.sum(axis=1))
    # the world price changes reported for this example, to the reported precision
    assert [round(float(x), 4) for x in r.price_change] == [0.0792, -0.0316, 0.0480, -0.0184]
    # welfare as this workbench reports it (docs/model.md)
    assert r.welfare == pytest.approx([13.09, -34.21, 7.434, -39.32], rel=1e-3)


def test_linear_mode_is_the_first_order_approximation_of_the_levels_model():
    g = parse(json.loads(FIXTURE.read_text()))
    for step in (1e-2, 1e-3):
        t1 = g.t0.copy()
        t1[0, 2] *= 1 - step
        t1[2, 0] *= 1 - step
        small = replace(g, t1=t1)
        lin, lev = solve_linear(small).price_change, solve_levels(small)
        assert np.abs(lin - lev).max() < 20 * step * np.abs(lin).max()
    assert np.all(np.sign(solve_levels(g)) == np.sign(solve_linear(g).price_change))


def test_bad_experiments_name_the_field():
    data = json.loads(FIXTURE.read_text())
    with pytest.raises(EngineInputError, match="export_supply_elasticity"):
        parse(data | {"export_supply_elasticity": -1})
    with pytest.raises(EngineInputError, match=r"tariffs_final\[0\]\[1\].*0.5"):
        parse(data | {"tariffs_final": [[1, 0.5, 1, 1]] + data["tariffs_final"][1:]})
    with pytest.raises(EngineInputError, match="trade: must be a 4x4"):
        parse(data | {"trade": [[0, 1], [1, 0]]})
    with pytest.raises(EngineInputError, match="missing field"):
        parse({"regions": ["A", "B"]})
    with pytest.raises(EngineInputError, match="substitution_elasticity.*3 numbers|list of 4"):
        parse(data | {"substitution_elasticity": [5, 5, 5]})


def test_a_region_that_exports_or_imports_nothing_is_refused_by_name():
    base = {"regions": ["A", "B", "C"], "tariffs_initial": [[1] * 3] * 3, "tariffs_final": [[1] * 3] * 3,
            "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5, "substitution_elasticity": 5}
    with pytest.raises(EngineInputError, match=r"^trade\[1\]: B exports nothing; every region needs some trade$"):
        parse(base | {"trade": [[0, 5, 5], [0, 0, 0], [5, 5, 0]]})
    with pytest.raises(EngineInputError,
                       match=r"^trade: column 2 \(C\) imports nothing; every region needs some trade$"):
        parse(base | {"trade": [[0, 5, 0], [5, 0, 0], [5, 5, 0]]})
    assert parse(base | {"trade": [[0, 5, 1e-9], [5, 0, 0], [5, 5, 0]]}).trade[0, 2] == 1e-9  # a trickle is trade


def test_a_trade_flow_of_exactly_the_limit_is_accepted_and_one_above_it_refused():
    # written after the fresh seed-20 sample (its survivor gsim.py:86)
    base = {"regions": ["A", "B"], "tariffs_initial": [[1, 1], [1, 1]], "tariffs_final": [[1, 1], [1, 1]],
            "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5, "substitution_elasticity": 5}
    assert parse(base | {"trade": [[0, 1e15], [100, 0]]}).trade[0, 1] == 1e15
    with pytest.raises(EngineInputError, match=r"^trade\[0\]\[1\]: must be between 0 and 1e\+15, got 1\.1e\+15$"):
        parse(base | {"trade": [[0, 1.1e15], [100, 0]]})
    with pytest.raises(EngineInputError, match=r"^trade\[1\]\[0\]: .*got 1\.1e\+15$"):   # not the 1e15 before it
        parse(base | {"trade": [[0, 1e15], [1.1e15, 0]]})


def test_a_tariff_of_1000_percent_is_the_highest_accepted():
    assert two_regions(t0=11.0).t0[0, 1] == 11.0                  # a tariff power of 11: 1,000 %
    with pytest.raises(EngineInputError, match=r"tariffs_initial\[0\]\[1\]: a tariff power 1 \+ t must be between 1 "
                                               r"and 11 \(a tariff of at most 1,000 %\), got 11\.01"):
        two_regions(t0=11.01)
    with pytest.raises(EngineInputError, match=r"tariffs_initial\[1\]\[0\].*got 11\.5"):   # not the 11 before it
        parse({"regions": ["A", "B"], "trade": [[0, 100], [100, 0]], "tariffs_initial": [[1, 11], [11.5, 1]],
               "tariffs_final": [[1, 1], [1, 1]], "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5,
               "substitution_elasticity": 5})


@pytest.mark.parametrize("matrix", [
    [[1.0, 1.0], [1.0, 1.0]],                       # exactly singular
    [[0.0, 0.0], [0.0, 0.0]],                       # all zero
    [[1.0, 0.0], [0.0, 1e-13]],                     # condition number 1e13
    [[1.0 / (i + j + 1) for j in range(14)] for i in range(14)],  # Hilbert 14: condition number about 1e17-1e19
], ids=["singular", "zero", "ill-conditioned", "hilbert"])
def test_systems_without_a_unique_solution_are_refused_on_every_machine(matrix):
    # Classified by the condition number, far from the limit on either side, so rounding cannot change the verdict.
    a = np.array(matrix)
    with pytest.raises(EngineInputError, match="no unique solution"):
        solve_unique(a, np.ones(len(a)))


def test_a_well_conditioned_system_is_solved():
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    assert solve_unique(a, np.array([3.0, 5.0])) == pytest.approx([0.8, 1.4])
    # the boundary is on the condition number: 1e11 passes, 1e13 is refused
    assert solve_unique(np.diag([1.0, 1e-11]), np.ones(2)) == pytest.approx([1.0, 1e11])
    assert MAX_CONDITION == 1e12


def test_cli_prints_every_region(capsys):
    assert main(["gsim", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    for region in ("US", "JP", "EU", "RW"):
        assert f"\n{region} " in out
    assert main(["gsim", str(FIXTURE), "--json", "--levels"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["region"] for r in data["regions"]] == ["US", "JP", "EU", "RW"]
    assert data["regions"][0]["world_price_change_pct"] == pytest.approx(7.918, abs=1e-3)
    assert "levels_world_price_change_pct" in data["regions"][0]


def test_cli_reports_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"regions": ["A"]')
    assert main(["gsim", str(bad)]) == 1
    assert "not valid JSON" in capsys.readouterr().err
