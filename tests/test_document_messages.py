"""How a refusal reads (the path a user can follow, never pydantic's internal tags; the value when it is one) and how
brackets behave when an option is asked for that is not there."""

from __future__ import annotations

import pytest

from document_helpers import clause, refusal
from workbench.defaults import default_scenario
from workbench.document import Bracket, Option, Price, Scenario, is_partner_code, resolve
from workbench.document.clauses import CfdClause


@pytest.fixture()
def data():
    return default_scenario().to_data()


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d["document"]["metadata"].pop("title"), "document.metadata.title: required field is missing"),
    (lambda d: clause(d, "nickel-cfd")["strike_price"]["options"][0]["value"].update(amount=-1),
     "document.clauses[2].strike_price.options[0].value.amount: Input should be greater than 0 (got -1)"),
    (lambda d: clause(d, "ndpr-border-floor")["floor_price"].update(amount="abc"),
     "document.clauses[0].floor_price.amount: Input should be a valid number, unable to parse string as a number "
     "(got 'abc')"),
    (lambda d: d["document"]["partners"][0].update(countries={"a": 1}),
     "document.partners[0].countries: Input should be a valid list"),              # a dict is not quoted
    (lambda d: d["document"]["metadata"].update(created="2026-13-01T09:00:00Z"),
     "document.metadata.created: month must be in 1..12 (got '2026-13-01T09:00:00Z')"),
    (lambda d: d["document"].update(history=[{"round": 1, "date": "2026-02-30", "delegation": "US",
                                              "action": "proposed"}]),
     "document.history[0].date: day is out of range for month (got '2026-02-30')"),
    (lambda d: d["document"].update(history=[{"round": 1, "date": "26-02-01", "delegation": "US",
                                              "action": "proposed"}]),
     "document.history[0].date: must be a date YYYY-MM-DD (got '26-02-01')"),
    (lambda d: clause(d, "nickel-cfd")["strike_price"].update(selected="C"),
     "document.clauses[2].strike_price: selected option 'C' is not one of ['A', 'B']"),
])
def test_a_refusal_names_the_path_a_user_can_follow_and_the_value(data, edit, expected):
    edit(data)
    assert [str(i) for i in refusal(data).issues] == [expected]


def test_a_file_that_is_not_an_object_is_refused_as_a_whole():
    assert [str(i) for i in refusal([1, 2]).issues] == \
        ["(document): Input should be a valid dictionary or instance of Scenario"]


def test_dates_in_the_calendar_are_accepted(data):
    data["document"]["metadata"]["created"] = "2028-02-29T23:59:59.5+09:00"      # a leap day, Tokyo time
    data["document"]["history"] = [{"round": 1, "date": "2028-02-29", "delegation": "US", "action": "proposed"}]
    assert Scenario.from_data(data).document.history[0].date == "2028-02-29"


def test_an_option_that_is_not_there_is_a_key_error_and_a_bracket_object_stays_a_bracket():
    strike = Bracket[Price](options=[Option(label="A", value=Price(amount=17, per="t")),
                                     Option(label="B", value=Price(amount=18.5, per="t"))])
    assert strike.value_of("B").amount == 18.5
    with pytest.raises(KeyError, match="C"):
        strike.value_of("C")
    assert resolve(strike).amount == 17 and resolve(Price(amount=3)).amount == 3
    cfd = default_scenario().document.clause("nickel-cfd")
    rebuilt = CfdClause.model_validate({**dict(cfd), "strike_price": strike})
    assert rebuilt.bracketed_parameters() == ["strike_price"] and rebuilt.strike_price == strike


@pytest.mark.parametrize("value, ok", [("US", True), ("ABCDE", True), ("ABCDEF", False), ("U", False),
                                       ("us", False), (None, False), (12, False)])
def test_a_delegation_code_is_two_to_five_capital_letters(value, ok):
    assert is_partner_code(value) is ok
