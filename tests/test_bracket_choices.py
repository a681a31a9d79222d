"""Per-bracket choices: evaluate(choices=...), workbench-cli evaluate --choose, and the per-bracket comparison."""

from __future__ import annotations

import pytest

from workbench.analysis.compare import bracket_options, per_bracket
from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.engine import EngineInputError, evaluate
from workbench.files import save_scenario

NDPR = "ndpr-border-floor"


def ndpr_bracketed(a: float, b: float) -> Scenario:
    """The default scenario with the NdPr floor bracketed as A = ``a``, B = ``b`` USD/kg (A modelled)."""
    data = default_scenario().to_data()
    clause = next(c for c in data["document"]["clauses"] if c["id"] == NDPR)
    price = clause["floor_price"]
    clause["floor_price"] = {"options": [{"label": "A", "value": {**price, "amount": a}, "proposed_by": "US"},
                                         {"label": "B", "value": {**price, "amount": b}, "proposed_by": "EU"}],
                             "selected": "A"}
    clause["status"] = "bracketed"
    return Scenario.from_data(data)


def us_cost(result) -> float:
    return float(result.partner_table.at["US", "fiscal_cost_avg_usd"])


def test_an_option_equal_to_the_modelled_one_changes_nothing_but_the_package_view_does():
    """The issue's case: A = B = 110 for the NdPr floor; choosing B alone is the scenario as modelled, while
    "all brackets at B" also switches the nickel, cobalt and antimony brackets."""
    s = ndpr_bracketed(110.0, 110.0)
    modelled = evaluate(s)
    alone = evaluate(s, choices={(NDPR, "floor_price"): "B"})
    assert alone.partner_table.equals(modelled.partner_table)
    assert abs(us_cost(evaluate(s, option="B")) - us_cost(modelled)) > 1e6  # other brackets moved


def test_choosing_one_bracket_equals_the_scenario_with_that_value_in_place():
    s = ndpr_bracketed(110.0, 130.0)
    chosen = evaluate(s, choices={(NDPR, "floor_price"): "B"})
    data = s.to_data()
    clause = next(c for c in data["document"]["clauses"] if c["id"] == NDPR)
    clause["floor_price"]["selected"] = "B"
    assert chosen.partner_table.equals(evaluate(Scenario.from_data(data)).partner_table)
    # a higher NdPr floor raises consumer prices in the zone, and nothing else's bracket moved
    assert chosen.partner_table.at["US", "consumer_price_change_pct"] > \
        evaluate(s).partner_table.at["US", "consumer_price_change_pct"]


@pytest.mark.parametrize(("choices", "named"), [
    ({("no-such-clause", "floor_price"): "B"}, "'no-such-clause' is not a clause"),
    ({(NDPR, "title"): "B"}, "'title' is not a bracketed parameter of clause 'ndpr-border-floor'"),
    ({(NDPR, "floor_price"): "D"}, "option 'D' of ndpr-border-floor.floor_price does not exist (options: A, B)"),
])
def test_bad_choices_are_refused_naming_the_value(choices, named):
    with pytest.raises(EngineInputError, match="choices: ") as info:
        evaluate(ndpr_bracketed(110.0, 130.0), choices=choices)
    assert named in str(info.value)


def test_per_bracket_costs_each_option_alone_and_reuses_the_modelled_result():
    s = ndpr_bracketed(110.0, 130.0)
    modelled = evaluate(s)
    results, errors = per_bracket(s, modelled)
    assert errors == {}
    brackets = bracket_options(s)
    assert [o.spec for o in brackets[0]] == [f"{NDPR}.floor_price=A", f"{NDPR}.floor_price=B"]
    assert [o.value_text() for o in brackets[0]] == ["USD 110/kg", "USD 130/kg"]
    assert results[f"{NDPR}.floor_price=A"] is modelled
    for options in brackets:
        for o in options:
            if not o.modelled:
                expected = evaluate(s, choices={o.key: o.label})
                assert results[o.spec].partner_table.equals(expected.partner_table), o.spec


def test_cli_choose_models_one_bracket_and_refuses_bad_values(tmp_path, capsys):
    path = tmp_path / "bracketed.cmws"
    save_scenario(path, ndpr_bracketed(110.0, 110.0))
    assert main(["evaluate", str(path), "--json"]) == 0
    modelled = capsys.readouterr().out
    assert main(["evaluate", str(path), "--json", "--choose", f"{NDPR}.floor_price=B"]) == 0
    assert capsys.readouterr().out == modelled
    assert main(["evaluate", str(path), "--choose", f"{NDPR}.floor_price=B", "--choose",
                 "nickel-cfd.strike_price=B"]) == 0
    out = capsys.readouterr().out
    assert f"options: {NDPR}.floor_price=B, nickel-cfd.strike_price=B, other brackets as modelled" in out
    assert main(["evaluate", str(path), "--choose", f"{NDPR}.floor_price=C"]) == 1
    assert "option 'C' of ndpr-border-floor.floor_price does not exist" in capsys.readouterr().err
    assert main(["evaluate", str(path), "--choose", "nickel-cfd.floor_price=B"]) == 1
    assert "'floor_price' is not a bracketed parameter of clause 'nickel-cfd' (bracketed: strike_price)" in \
        capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["evaluate", str(path), "--choose", "floor=B"])
    assert usage.value.code == 2 and "'floor=B' is not CLAUSE_ID.PARAM=LABEL" in capsys.readouterr().err
