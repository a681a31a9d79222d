"""GSIM experiments from outside: every malformed field refused naming it and its value, and each elasticity taken
at the ends of its range (0.01-100) and refused just past them."""

from __future__ import annotations

import pytest

from workbench.engine import EngineInputError
from workbench.engine.gsim import parse

BASE = {"regions": ["A", "B"], "trade": [[0, 100], [100, 0]], "tariffs_initial": [[1, 1.1], [1.1, 1]],
        "tariffs_final": [[1, 1], [1.1, 1]], "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5,
        "substitution_elasticity": 5}


@pytest.mark.parametrize("change, message", [
    ({"regions": ["A"]}, r"^regions: must be a list of at least 2 distinct names, got \['A'\]$"),
    ({"regions": ["A", "A"]}, r"^regions: must be a list of at least 2 distinct names, got \['A', 'A'\]$"),
    ({"regions": ["A", ""]}, r"^regions: must be a list of at least 2 distinct names"),
    ({"regions": ["A", 2]}, r"^regions: must be a list of at least 2 distinct names"),
    ({"regions": "AB"}, r"^regions: must be a list of at least 2 distinct names, got 'AB'$"),
    ({"trade": [["x", 1], [1, 0]]}, r"^trade: must be a 2x2 matrix of numbers$"),
    ({"trade": [[0, float("nan")], [1, 0]]}, r"^trade: must hold finite numbers only$"),
    ({"tariffs_initial": [[1, 1], [1]]}, r"^tariffs_initial: must be a 2x2 matrix of numbers$"),
    ({"trade": [[0, -1], [100, 0]]}, r"^trade\[0\]\[1\]: must be between 0 and 1e\+15, got -1$"),
    ({"tariffs_initial": [[1, 11.5], [1, 1]]}, r"^tariffs_initial\[0\]\[1\]: a tariff power 1 \+ t must be between 1 "
                                               r"and 11 \(a tariff of at most 1,000 %\), got 11.5$"),
    ({"import_demand_elasticity": "elastic"},
     r"^import_demand_elasticity: must be a number or a list of 2 numbers, got 'elastic'$"),
    ({"import_demand_elasticity": True},
     r"^import_demand_elasticity: must be a number or a list of 2 finite numbers, got True$"),
    ({"export_supply_elasticity": [1.5, float("inf")]},
     r"^export_supply_elasticity: must be a number or a list of 2 finite numbers, got \[1.5, inf\]$"),
    ({"substitution_elasticity": [5, 5, 5]},
     r"^substitution_elasticity: must be a number or a list of 2 finite numbers, got \[5, 5, 5\]$"),
])
def test_a_malformed_field_is_refused_by_name(change, message):
    with pytest.raises(EngineInputError, match=message):
        parse(BASE | change)


def test_not_an_object_or_fields_missing():
    with pytest.raises(EngineInputError, match=r"^gsim: expected a JSON object with regions, trade, tariffs_initial, "
                                               r"tariffs_final, .*, got list$"):
        parse([BASE])
    with pytest.raises(EngineInputError, match=r"^gsim: missing field\(s\) trade, substitution_elasticity$"):
        parse({k: v for k, v in BASE.items() if k not in ("trade", "substitution_elasticity")})


@pytest.mark.parametrize("name, field, inside, outside, rule", [
    ("import_demand_elasticity", "em", [-0.01, -100], [-0.0099, -100.5], r"between -100 and -0.01 \(< 0\)"),
    ("export_supply_elasticity", "ex", [0.01, 100], [0.0099, 100.5], r"between 0.01 and 100 \(> 0\)"),
    ("substitution_elasticity", "es", [0.01, 100], [0.0099, 100.5], r"between 0.01 and 100 \(> 0\)"),
])
def test_each_elasticity_is_taken_at_its_limits_and_refused_past_them(name, field, inside, outside, rule):
    assert getattr(parse(BASE | {name: inside}), field).tolist() == inside
    for k, bad in enumerate(outside):
        value = list(inside)
        value[k] = bad
        with pytest.raises(EngineInputError, match=rf"^{name}\[{k}\]: must be {rule}, got {bad:g}$"):
            parse(BASE | {name: value})


def test_a_tariff_power_of_exactly_one_is_free_trade_and_just_below_is_refused():
    assert parse(BASE | {"tariffs_final": [[1, 1], [1, 1]]}).t1.tolist() == [[1, 1], [1, 1]]
    with pytest.raises(EngineInputError, match=r"^tariffs_final\[1\]\[0\]: .* got 0.999$"):
        parse(BASE | {"tariffs_final": [[1, 1], [0.999, 1]]})
