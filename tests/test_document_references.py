"""The scenario's cross-field checks: every reference to a partner, mineral, clause or region is checked, each refusal
names the path, what is wrong and the value found, and the nearest valid entry passes."""

from __future__ import annotations

import copy

import pytest

from document_helpers import clause, refusal, stress
from workbench.defaults import default_scenario
from workbench.document import Scenario


@pytest.fixture()
def data():
    return default_scenario().to_data()


def _issues(data) -> list[str]:
    return [str(i) for i in refusal(data).issues]


def _partners_again(data):
    data["document"]["partners"].append(copy.deepcopy(data["document"]["partners"][0]))


def _disruption(data, **entry):
    data["document"]["assumptions"]["disruption_risks"] = [
        {"mineral": "cobalt", "supplier": "CN", "annual_probability": 0.1, "duration_years": 1, "depth": 0.2, **entry}]


def _override(data, **entry):
    data["document"]["assumptions"]["data_overrides"] = [
        {"mineral": "cobalt", "region": "*", "field": "production", "value": 1000.0, **entry}]


@pytest.mark.parametrize("edit, expected", [
    (_partners_again, "document.partners[4].code: duplicates an earlier partner (got 'US')"),
    (lambda d: d["document"]["metadata"].update(author_delegation="KR"),
     "document.metadata.author_delegation: is not one of the partners (got 'KR')"),
    (lambda d: clause(d, "ndpr-border-floor").update(parties=["US", "EU", "US"]),
     "document.clauses[0].parties: lists a party twice (got ['US', 'EU', 'US'])"),
    (lambda d: clause(d, "ndpr-border-floor").update(proposed_by="KR"),
     "document.clauses[0].proposed_by: is not a partner (got 'KR')"),
    (lambda d: clause(d, "usmx-antimony-floor").update(reserved_by=["MX", "KR"]),
     "document.clauses[6].reserved_by[1]: is not a partner (got 'KR')"),
    (lambda d: clause(d, "nickel-cfd")["cost_sharing"].update(shares={"EU": 0.4, "JP": 0.3, "MX": 0.3}),
     "document.clauses[2].cost_sharing.shares: must give a share for each party and no one else "
     "(got ['EU', 'JP', 'MX'])"),
    (lambda d: clause(d, "ndpr-border-floor")["cost_sharing"].update(shares={"US": 1.0}),
     "document.clauses[0].cost_sharing.shares: only the 'fixed' rule takes shares, not 'own' (got ['US'])"),
    (lambda d: d["document"]["assumptions"]["price_paths"].update(gold={"kind": "flat"}),
     "document.assumptions: refers to unknown mineral 'gold' (got 'gold')"),
    (lambda d: d["document"]["assumptions"]["demand_growth"].update(gold=0.02),
     "document.assumptions: refers to unknown mineral 'gold' (got 'gold')"),
    (lambda d: d["document"]["assumptions"]["elasticity_overrides"].update(gold={"armington": 2.0}),
     "document.assumptions: refers to unknown mineral 'gold' (got 'gold')"),
    (lambda d: d["document"]["assumptions"]["price_paths"].update(nickel={"kind": "custom", "index": [1.0] * 9}),
     "document.assumptions.price_paths.nickel.index: needs one value per horizon year (10) (got 9)"),
    (lambda d: _disruption(d, mineral="gold"),
     "document.assumptions.disruption_risks[0].mineral: is not one of the scenario's minerals (got 'gold')"),
    (lambda d: _disruption(d, supplier="KR"),
     "document.assumptions.disruption_risks[0].supplier: is not a partner, CN or ROW (got 'KR')"),
    (lambda d: _override(d, mineral="gold"),
     "document.assumptions.data_overrides[0].mineral: is not one of the scenario's minerals (got 'gold')"),
    (lambda d: _override(d, region="KR"),
     "document.assumptions.data_overrides[0].region: is not a partner, CN or ROW (got 'KR')"),
    (lambda d: d["private"]["mandate"]["max_pv_cost"].update(KR={"amount": 1e9, "currency": "USD"}),
     "private.mandate.max_pv_cost.KR: is not a partner (got 'KR')"),
    (lambda d: d["private"]["mandate"]["max_consumer_price_increase"].update(KR=0.1),
     "private.mandate.max_consumer_price_increase.KR: is not a partner (got 'KR')"),
    (lambda d: d["private"]["clause_notes"].update({"no-such-clause": "fallback"}),
     "private.clause_notes.no-such-clause: refers to no clause in the scenario (got 'no-such-clause')"),
    (lambda d: stress(d, "supply_outage").update(region="KR"),
     "document.stress_tests[2].region: is not a partner, CN or ROW (got 'KR')"),
    (lambda d: stress(d, "dumping").update(supplier="KR"),
     "document.stress_tests[1].supplier: is not a partner, CN or ROW (got 'KR')"),
    (lambda d: stress(d, "export_restriction").update(target_partners=["US"]),
     "document.stress_tests[0].target_partners: only targets 'partners' names partners, not 'zone' (got ['US'])"),
    (lambda d: stress(d, "export_restriction").update(targets="partners", target_partners=["US", "KR"]),
     "document.stress_tests[0].target_partners[1]: is not a partner, CN or ROW (got 'KR')"),
    (lambda d: [p.update(role="observer") for p in d["document"]["partners"]],
     "document.stress_tests[0].targets: the zone has no members to target (got 'zone')"),
])
def test_a_bad_reference_is_the_one_issue_reported_naming_path_and_value(data, edit, expected):
    edit(data)
    assert _issues(data) == [expected]


@pytest.mark.parametrize("edit", [
    lambda d: d["document"]["assumptions"]["price_paths"].update(nickel={"kind": "custom", "index": [1.0] * 10}),
    lambda d: d["document"]["assumptions"]["price_paths"].update(nickel={"kind": "trend", "annual_change": 0.02}),
    lambda d: d["document"]["assumptions"].update(price_paths={"nickel": {"kind": "flat"}},
                                                   demand_growth={"cobalt": 0.02},
                                                   elasticity_overrides={"indium": {"armington": 2.0}}),
    lambda d: _disruption(d, supplier="*"),
    lambda d: _disruption(d, supplier="ROW"),
    lambda d: _disruption(d, supplier="MX"),
    lambda d: _override(d, region="CN"),
    lambda d: _override(d, region="JP"),
    lambda d: stress(d, "supply_outage").update(region="CN"),
    lambda d: stress(d, "dumping").update(supplier="ROW"),
    lambda d: stress(d, "export_restriction").update(targets="partners", target_partners=["US", "ROW"]),
    lambda d: stress(d, "export_restriction").update(targets="all"),
    lambda d: [p.update(role="observer") for p in d["document"]["partners"][1:]],
    lambda d: clause(d, "ndpr-border-floor")["cost_sharing"].update(rule="imports"),
    lambda d: d["private"]["mandate"]["max_consumer_price_increase"].update(MX=0.1),
    lambda d: d["private"]["clause_notes"].update({"nickel-cfd": "fallback: strike B"}),
])
def test_the_nearest_valid_entry_is_accepted(data, edit):
    edit(data)
    assert isinstance(Scenario.from_data(data), Scenario)


def test_several_bad_references_are_all_reported_in_document_order(data):
    clause(data, "ndpr-border-floor").update(parties=["US", "KR"], proposed_by="KR")
    clause(data, "nickel-cfd")["cost_sharing"]["shares"]["EU"] = 0.5
    data["private"]["mandate"]["fiscal_ceiling_per_year"]["KR"] = {"amount": 1e9, "currency": "USD"}
    assert _issues(data) == [
        "document.clauses[0].parties[1]: is not a partner (got 'KR')",
        "document.clauses[0].proposed_by: is not a partner (got 'KR')",
        "document.clauses[2].cost_sharing.shares: must add up to 1 (got 1.1)",
        "private.mandate.fiscal_ceiling_per_year.KR: is not a partner (got 'KR')",
    ]


def test_a_clause_or_partner_looked_up_by_an_unknown_id_is_a_key_error():
    doc = default_scenario().document
    assert doc.clause("nickel-cfd").kind == "cfd"
    with pytest.raises(KeyError, match="no-such-clause"):
        doc.clause("no-such-clause")
    assert doc.members() == ["US", "EU", "JP"]           # Mexico observes the zone: not a member
