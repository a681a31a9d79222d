"""The scenario's limits pinned from both sides (the last accepted value and the first refused, by field), and the
values a file from another tool gets for the terms it leaves out."""

from __future__ import annotations

import json

import pytest

from document_helpers import clause, refusal, stress
from workbench.defaults import DEFAULT_SCENARIO, default_scenario, resource
from workbench.document import Issue, Scenario, ScenarioValidationError


@pytest.fixture()
def data():
    return default_scenario().to_data()


def _set(data, where, key, value):
    node = {"price-gap": lambda d: clause(d, "ndpr-price-gap"),
            "floor": lambda d: clause(d, "ndpr-border-floor")["floor_price"],
            "tariff": lambda d: clause(d, "tungsten-tariff"),
            "indium": lambda d: clause(d, "indium-purchase"),
            "budget": lambda d: clause(d, "indium-purchase")["budget_cap"],
            "partner": lambda d: d["document"]["partners"][3],
            "private": lambda d: d["private"],
            "dumping": lambda d: stress(d, "dumping"),
            "outage": lambda d: stress(d, "supply_outage")}[where](data)
    node[key] = value


# (where, field, path in the refusal, last accepted value, first refused value)
LIMITS = [
    ("price-gap", "upside_share", "document.clauses[1].upside_share", 1.0, 1.000001),
    ("price-gap", "upside_share", "document.clauses[1].upside_share", 0.0, -0.000001),
    ("tariff", "rate", "document.clauses[5].rate", 5.0, 5.000001),         # 500 %
    ("tariff", "rate", "document.clauses[5].rate", 0.0, -0.000001),
    ("tariff", "start_year", "document.clauses[5].start_year", 2000, 1999),
    ("tariff", "start_year", "document.clauses[5].start_year", 2100, 2101),
    ("tariff", "duration_years", "document.clauses[5].duration_years", 1, 0),
    ("floor", "amount", "document.clauses[0].floor_price.amount", 1e7, 1e7 + 0.5),   # USD 10 million a kg
    ("budget", "amount", "document.clauses[3].budget_cap.amount", 1e13, 1e13 + 1),   # USD 10 trillion
    ("partner", "name", "document.partners[3].name", "M" * 200, "M" * 201),
    ("partner", "name", "document.partners[3].name", "M", ""),
    ("private", "notes", "private.notes", "n" * 100_000, "n" * 100_001),
    ("dumping", "price_cut", "document.stress_tests[1].price_cut", 0.9, 0.900001),
    ("dumping", "source_note", "document.stress_tests[1].source_note", "s" * 2000, "s" * 2001),
    ("outage", "duration_years", "document.stress_tests[2].duration_years", 1, 0),
    ("outage", "start_year", "document.stress_tests[2].start_year", 2000, 1999),
]


@pytest.mark.parametrize("where, key, path, last_accepted, first_refused", LIMITS,
                         ids=[f"{w}.{k}={a!s:.12}" for w, k, _, a, _ in LIMITS])
def test_each_limit_accepts_its_last_value_and_names_the_first_refused(data, where, key, path, last_accepted,
                                                                       first_refused):
    _set(data, where, key, last_accepted)
    assert isinstance(Scenario.from_data(data), Scenario)
    _set(data, where, key, first_refused)
    assert [i.path for i in refusal(data).issues] == [path]


def test_a_price_cut_must_leave_the_price_above_nothing(data):
    _set(data, "dumping", "price_cut", 0.000001)
    assert Scenario.from_data(data)
    _set(data, "dumping", "price_cut", 0.0)
    with pytest.raises(ScenarioValidationError, match=r"^document.stress_tests\[1\].price_cut: "):
        Scenario.from_data(data)


def test_assumptions_left_out_are_the_shipped_scenarios_settings(data):
    # a file from another tool may leave out the assumptions: its figures are then those of the shipped scenario
    # (docs/file-format.md), read here from the shipped file itself, not from the model's defaults
    shipped = json.loads(resource(*DEFAULT_SCENARIO).read_text(encoding="utf-8"))["document"]["assumptions"]
    assert (shipped["base_year"], shipped["horizon_years"], shipped["discount_rate"]) == (2025, 10, 0.03)
    del data["document"]["assumptions"]
    read = Scenario.from_data(data).document.assumptions
    assert (read.base_year, read.horizon_years, read.discount_rate) == (2025, 10, 0.03)
    assert read.usd_per_currency == shipped["usd_per_currency"] == {"EUR": 1.13, "JPY": 0.0067, "MXN": 0.053}


def test_clause_terms_left_out_take_the_documented_values(data):
    # round 1, nothing shared above the floor or paid above the market, 2 % storage a year, a full claw-back
    for c in data["document"]["clauses"]:
        del c["round_introduced"]
    del clause(data, "stockpile-cobalt")["premium_share"]
    del clause(data, "stockpile-cobalt")["storage_cost_rate"]
    del data["document"]["metadata"]["round"]
    del stress(data, "export_restriction")["licensing_delay"]
    rule = clause(data, "indium-purchase")["release_rule"]
    for key in ("on_stress", "suspend_purchases", "replenish"):
        del rule[key]
    doc = Scenario.from_data(data).document
    assert {c.round_introduced for c in doc.clauses} == {1} and doc.metadata.round == 1
    cobalt = doc.clause("stockpile-cobalt")
    assert (cobalt.premium_share, cobalt.storage_cost_rate) == (0.0, 0.02)
    assert doc.stress_test("cn-indium-licensing").licensing_delay is False
    released = doc.clause("indium-purchase").release_rule
    assert (released.on_stress, released.suspend_purchases, released.replenish) == (True, True, True)


def test_a_price_path_left_as_flat_keeps_the_price_flat(data):
    data["document"]["assumptions"]["price_paths"] = {"nickel": {"kind": "flat"}}
    path = Scenario.from_data(data).document.assumptions.price_paths["nickel"]
    assert (path.kind, path.annual_change, path.index) == ("flat", 0.0, [])


def test_the_error_message_is_its_first_issue_and_an_empty_one_says_invalid_scenario():
    first, second = Issue("document.partners[4].code", "duplicates an earlier partner", "US"), Issue("x", "y")
    assert str(ScenarioValidationError([first, second])) == "document.partners[4].code: duplicates an earlier " \
                                                            "partner (got 'US')"
    assert str(ScenarioValidationError([])) == "invalid scenario"
    assert ScenarioValidationError([first, second]).summary(limit=1) == f"{first}\n... and 1 more"


@pytest.mark.parametrize("part", [
    lambda s: s.document.clause("nickel-cfd"),
    lambda s: s.document.clause("nickel-cfd").cost_sharing,
    lambda s: s.document.clause("nickel-cfd").strike_price,
    lambda s: s.document.clause("nickel-cfd").strike_price.options[0],
    lambda s: s.document.clause("stockpile-cobalt").release_rule,
    lambda s: s.document.stress_tests[0],
    lambda s: s.document.assumptions,
    lambda s: s.private.mandate,
], ids=["clause", "cost sharing", "bracket", "option", "release rule", "stress test", "assumptions", "mandate"])
def test_no_part_of_a_scenario_can_be_changed_in_place(part):
    # an edit makes a new scenario (undo keeps the old one); a part changed in place would change both
    target = part(default_scenario())
    name = next(iter(type(target).model_fields))
    with pytest.raises(ValueError, match="frozen"):
        setattr(target, name, getattr(target, name))


@pytest.mark.parametrize("edit, path", [
    (lambda d: clause(d, "nickel-cfd")["cost_sharing"]["shares"].update(EU=float("nan")),
     "document.clauses[2].cost_sharing.shares.EU"),
    (lambda d: clause(d, "ndpr-price-gap").update(upside_share=float("nan")), "document.clauses[1].upside_share"),
    (lambda d: clause(d, "nickel-cfd")["strike_price"]["options"][1]["value"].update(amount=float("inf")),
     "document.clauses[2].strike_price.options[1].value.amount"),
    (lambda d: clause(d, "nickel-cfd").update(clawback_share={"options": [{"label": "A", "value": 0.5},
                                                                          {"label": "B", "value": float("nan")}]}),
     "document.clauses[2].clawback_share.options[1].value"),
    (lambda d: clause(d, "stockpile-cobalt")["release_rule"].update(price_trigger=float("nan")),
     "document.clauses[4].release_rule.price_trigger"),
    (lambda d: stress(d, "dumping").update(price_cut=float("nan")), "document.stress_tests[1].price_cut"),
    (lambda d: d["document"]["assumptions"].update(discount_rate=float("nan")),
     "document.assumptions.discount_rate"),
])
def test_a_nan_or_infinite_number_is_refused_as_not_finite(data, edit, path):
    # "not a finite number" tells the user what is wrong; a range message ("at least 0") would not
    edit(data)
    assert [str(i).split(" (got")[0] for i in refusal(data).issues] == [f"{path}: Input should be a finite number"]


def test_a_rebate_threshold_may_equal_the_highest_strike_not_fall_a_cent_below_it(data):
    # strike options USD 17,000 and 18,500 a tonne: a threshold at 18,500 claws back only above the strike
    clause(data, "nickel-cfd")["rebate_threshold"]["amount"] = 18_500
    assert Scenario.from_data(data)
    clause(data, "nickel-cfd")["rebate_threshold"]["amount"] = 18_499.99
    assert [str(i) for i in refusal(data).issues] == [
        "document.clauses[2].rebate_threshold: must not be below the strike price USD 18,500/t "
        "(got 'USD 18,499.99/t')"]
