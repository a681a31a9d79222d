"""Disruption jumps drawn from known draws: which years of which path a risk strikes, how long it lasts, which risk
wins where several overlap, and which risks apply to a market at all."""

from __future__ import annotations

import numpy as np

from workbench.engine.disruptions import Risk, draw_states
from tests.test_engine_cases import market, model

H = 5
US, EU, CN, ROW = range(4)


class KnownDraws:
    """Stands in for the random generator: each call to ``random`` hands out the next given (H, P) table of draws."""

    def __init__(self, *tables):
        self.tables = [np.asarray(t, float).T for t in tables]   # given path by path, (P, H) -> (H, P)

    def random(self, shape):
        table = self.tables.pop(0)
        assert table.shape == shape
        return table


MODEL = model(market([1, 1, 2, 1], [1, 1, 1, 2], horizon=H), horizon=H)


def _states(risks, *tables, minerals=("ore",)):
    return draw_states(MODEL, list(minerals), risks, len(tables[0]) if tables else 1, KnownDraws(*tables))


def test_a_risk_starts_where_the_draw_is_below_its_probability_and_lasts_its_duration():
    """A 50 % risk lasting two years: a draw of 0.1 in 2027 disrupts 2027-2028; a draw of exactly 0.5 starts
    nothing; a start in a year already disrupted extends the disruption (2026 and 2027 starts: 2026-2028); a start in
    the last year counts for that year."""
    draws = [[0.9, 0.1, 0.9, 0.9, 0.3],
             [0.5, 0.9, 0.9, 0.2, 0.9],
             [0.1, 0.2, 0.9, 0.9, 0.9],
             [0.9, 0.9, 0.9, 0.9, 0.9]]
    scales, state = _states([Risk("ore", "CN", 0.5, 2, 0.4)], draws)[0]
    assert np.allclose(scales, [[1, 1, 1, 1], [1, 1, 0.6, 1]])
    assert state.T.tolist() == [[0, 1, 1, 0, 1],
                                [0, 0, 0, 1, 1],
                                [1, 1, 1, 0, 0],
                                [0, 0, 0, 0, 0]]


def test_a_one_year_risk_lasts_the_year_it_starts_and_a_three_year_one_three_years():
    one = _states([Risk("ore", "CN", 0.5, 1, 0.4)], [[0.1, 0.9, 0.9, 0.2, 0.9]])[0][1]
    assert one[:, 0].tolist() == [1, 0, 0, 1, 0]
    three = _states([Risk("ore", "CN", 0.5, 3, 0.4)], [[0.9, 0.1, 0.9, 0.9, 0.9]])[0][1]
    assert three[:, 0].tolist() == [0, 1, 1, 1, 0]


def test_every_producer_loses_output_under_a_risk_on_all_suppliers():
    scales, state = _states([Risk("ore", "*", 1.0, 1, 0.25)], [[0.0] * H])[0]
    assert np.allclose(scales, [[1, 1, 1, 1], [0.75] * 4])
    assert state[:, 0].tolist() == [1] * H


def test_the_deepest_risk_in_force_wins_and_the_first_listed_of_equally_deep_ones():
    """ROW loses 20 % every year, CN 40 % when its draw says so: CN's state where both are in force, whatever the
    order in which they are listed; two equally deep risks both in force: the first listed."""
    always, sometimes = [[0.0] * H], [[0.9, 0.1, 0.9, 0.9, 0.1]]
    shallow, deep = Risk("ore", "ROW", 1.0, 1, 0.2), Risk("ore", "CN", 0.5, 1, 0.4)
    scales, state = _states([shallow, deep], always, sometimes)[0]
    assert np.allclose(scales, [[1, 1, 1, 1], [1, 1, 1, 0.8], [1, 1, 0.6, 1]])
    assert state[:, 0].tolist() == [1, 2, 1, 1, 2]
    _, state = _states([deep, shallow], sometimes, always)[0]
    assert state[:, 0].tolist() == [2, 1, 2, 2, 1]
    _, state = _states([Risk("ore", "ROW", 1.0, 1, 0.4), deep], always, sometimes)[0]
    assert state[:, 0].tolist() == [1] * H


def test_risks_that_cannot_strike_or_do_not_concern_the_market_are_left_out():
    """No chance, no depth, another mineral, a supplier outside the model: no disruption states at all; a risk on
    the second mineral of the run is filed under that mineral's index."""
    idle = [Risk("ore", "CN", 0.0, 1, 0.4), Risk("ore", "CN", 0.5, 1, 0.0), Risk("tin", "CN", 0.5, 1, 0.4),
            Risk("ore", "JP", 0.5, 1, 0.4)]
    assert _states(idle) == {}
    out = _states(idle, [[0.1] * H], minerals=("ore", "tin"))
    assert list(out) == [1]
    assert np.allclose(out[1][0], [[1, 1, 1, 1], [1, 1, 0.6, 1]])


def test_the_scenarios_risks_replace_the_datasets_of_the_same_mineral_and_supplier_and_add_new_ones():
    """A scenario that sets its own antimony risk for CN and adds one for every tungsten producer: the dataset's list
    in its order with the antimony line replaced (the scenario's note as its source), then the new tungsten line."""
    from workbench.defaults import default_scenario
    from workbench.document import Scenario
    from workbench.engine.disruptions import default_risks, scenario_risks

    data = default_scenario().to_data()
    data["document"]["assumptions"]["disruption_risks"] = [
        {"mineral": "antimony", "supplier": "CN", "annual_probability": 0.5, "duration_years": 2, "depth": 0.3,
         "note": "our own view"},
        {"mineral": "tungsten", "supplier": "*", "annual_probability": 0.05, "duration_years": 1, "depth": 0.2}]
    risks = scenario_risks(Scenario.from_data(data))
    defaults = default_risks()
    ours = Risk("antimony", "CN", 0.5, 2, 0.3, "our own view")
    assert risks == [ours if (r.mineral, r.supplier) == ("antimony", "CN") else r for r in defaults] + [
        Risk("tungsten", "*", 0.05, 1, 0.2, "")]
    assert ours in risks and len(risks) == len(defaults) + 1
