"""The scenario document model: typed clauses, brackets, and validation messages that name field and value."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from workbench.defaults import default_scenario
from workbench.document import Bracket, Option, Price, Scenario, ScenarioValidationError, resolve
from workbench.document.clauses import ClauseStatus


@pytest.fixture()
def data():
    return default_scenario().to_data()


def _clause(data, clause_id):
    return next(c for c in data["document"]["clauses"] if c["id"] == clause_id)


def _error(data) -> ScenarioValidationError:
    with pytest.raises(ScenarioValidationError) as info:
        Scenario.from_data(data)
    return info.value


def test_default_scenario_has_every_clause_kind_and_the_reference_points():
    doc = default_scenario().document
    assert {c.kind for c in doc.clauses} == {"border_floor", "price_gap_subsidy", "cfd", "purchase", "tariff"}
    floor = doc.clause("ndpr-price-gap")
    assert floor.floor_price == Price(amount=110, currency="USD", per="kg")
    indium = doc.clause("indium-purchase")
    assert indium.annual_volume.tonnes() * indium.duration_years == pytest.approx(400)
    assert indium.budget_cap.amount == 125_000_000
    assert indium.agreed_price.amount * 1000 * 400 == pytest.approx(125_000_000)
    assert doc.clause("stockpile-cobalt").budget_cap.amount == 12_000_000_000
    cfd = doc.clause("nickel-cfd")
    assert resolve(cfd.rebate_threshold).amount > max(o.value.amount for o in cfd.strike_price.options)
    assert {p.code for p in doc.partners} == {"US", "EU", "JP", "MX"}
    assert doc.clause("usmx-antimony-floor").parties == ["US", "MX"]


def test_negative_price_names_the_field_and_the_value(data):
    _clause(data, "ndpr-border-floor")["floor_price"]["amount"] = -5
    err = _error(data)
    assert str(err.issues[0]).startswith("document.clauses[0].floor_price.amount:")
    assert "-5" in str(err.issues[0])


def test_unknown_party_is_reported_with_its_path(data):
    _clause(data, "ndpr-border-floor")["parties"].append("KR")
    err = _error(data)
    assert [str(i) for i in err.issues] == ["document.clauses[0].parties[3]: is not a partner (got 'KR')"]


def test_fixed_shares_must_add_up_to_one(data):
    _clause(data, "nickel-cfd")["cost_sharing"]["shares"]["EU"] = 0.5
    err = _error(data)
    assert err.issues[0].path == "document.clauses[2].cost_sharing.shares"
    assert "add up to 1" in err.issues[0].message and err.issues[0].value == pytest.approx(1.1)


def test_rebate_threshold_below_any_strike_option_is_rejected(data):
    _clause(data, "nickel-cfd")["rebate_threshold"]["amount"] = 18000
    err = _error(data)
    assert err.issues[0].path == "document.clauses[2].rebate_threshold"
    assert "USD 18,000/t" in str(err.issues[0])


def test_agreed_clause_cannot_keep_brackets(data):
    _clause(data, "nickel-cfd")["status"] = "agreed"
    err = _error(data)
    assert err.issues[0].path == "document.clauses[2].status"
    assert "strike_price" in err.issues[0].message


def test_unknown_field_and_wrong_type_are_named(data):
    _clause(data, "tungsten-tariff")["rate_pct"] = 50
    _clause(data, "tungsten-tariff")["start_year"] = "soon"
    err = _error(data)
    text = err.summary()
    assert "document.clauses[5].rate_pct: Extra inputs are not permitted" in text
    assert "document.clauses[5].start_year" in text and "'soon'" in text


def test_bracket_options_must_be_labelled_in_order(data):
    _clause(data, "nickel-cfd")["strike_price"]["options"][1]["label"] = "C"
    err = _error(data)
    assert err.issues[0].path == "document.clauses[2].strike_price"
    assert "labelled A, B" in err.issues[0].message


def test_private_notes_must_refer_to_existing_clauses(data):
    data["private"]["clause_notes"] = {"no-such-clause": "fallback position"}
    err = _error(data)
    assert err.issues[0].path == "private.clause_notes.no-such-clause"


def test_reserved_region_codes_cannot_be_partners(data):
    data["document"]["partners"].append({"code": "CN", "name": "China", "role": "non_member"})
    assert _error(data).issues[0].path == "document.partners[4].code"


def test_resolved_replaces_brackets_by_the_chosen_option():
    cfd = default_scenario().document.clause("nickel-cfd")
    assert cfd.bracketed_parameters() == ["strike_price"]
    assert cfd.resolved().strike_price.amount == 17000
    assert cfd.resolved("B").strike_price.amount == 18500
    assert cfd.resolved("C").strike_price.amount == 17000  # no option C: the selected one stays
    assert cfd.option_labels() == ["A", "B"]
    assert [c["strike_price"].amount for c in cfd.option_combinations()] == [17000, 18500]


def test_models_are_immutable_and_copies_share_nothing_mutable():
    s = default_scenario()
    with pytest.raises(ValidationError, match="frozen"):
        s.document.metadata.title = "changed"  # type: ignore[misc]
    clause = s.document.clauses[0]
    changed = clause.model_copy(update={"status": ClauseStatus.AGREED})
    assert clause.status is ClauseStatus.PROPOSED and changed.status is ClauseStatus.AGREED


def test_price_and_money_conversions_by_hand():
    fx = {"EUR": 1.10, "JPY": 0.0065, "MXN": 0.05}
    assert Price(amount=110, per="kg").usd_per_tonne(fx) == pytest.approx(110_000)
    assert Price(amount=25, per="lb").usd_per_tonne(fx) == pytest.approx(25 / 0.45359237 * 1000)
    assert Price(amount=100, currency="EUR", per="t").usd_per_tonne(fx) == pytest.approx(110)
    bracket = Bracket[Price](options=[Option(label="A", value=Price(amount=1)),
                                      Option(label="B", value=Price(amount=2))], selected="B")
    assert resolve(bracket).amount == 2 and resolve(bracket, "A").amount == 1


def test_without_private_drops_every_private_field(data):
    data["private"]["notes"] = "fallback: accept 120"
    s = Scenario.from_data(copy.deepcopy(data))
    assert s.private.notes and s.without_private().private.notes == ""
    assert s.without_private().document == s.document
