"""What a negotiator gets when adding a clause or ticking an optional term: the starting terms each kind declares
(docs/ui.md), for a mineral outside the dataset and for every optional term."""

from __future__ import annotations

from workbench.document import ClauseKind, Scenario
from workbench.instrument_kinds import KINDS


def test_a_purchase_of_a_mineral_outside_the_dataset_starts_at_100_t_a_year_from_the_rest_of_the_world():
    from workbench.ui.navigator.operations import kind_defaults

    assert kind_defaults(ClauseKind.PURCHASE, "scandium") == {
        "annual_volume": {"amount": 100.0, "unit": "t"},
        "agreed_price": {"amount": 100.0, "currency": "USD", "per": "kg"},
        "sources": ["ROW"]}


def test_every_optional_term_ticked_starts_at_its_documented_value_and_the_clause_stays_valid():
    # docs/ui.md: a CfD's contracted volume and a volume cap of 1,000 t, a budget cap of USD 100 million, an agreed
    # price of USD 100/kg, a release rule on stress up to 30 days of cover by need
    from workbench.defaults import default_scenario

    optional = {(kind.value, p.name): p.optional_default for kind, spec in KINDS.items() for p in spec.params
                if p.optional_default is not None}
    assert optional == {
        ("cfd", "contracted_volume"): {"amount": 1000.0, "unit": "t"},
        ("price_gap_subsidy", "volume_cap"): {"amount": 1000.0, "unit": "t"},
        ("purchase", "agreed_price"): {"amount": 100.0, "currency": "USD", "per": "kg"},
        ("purchase", "budget_cap"): {"amount": 1e8, "currency": "USD"},
        ("purchase", "release_rule"): {"on_stress": True, "max_days_of_cover": 30.0, "allocation": "need"},
    }
    data = default_scenario().to_data()
    for (kind, name), value in optional.items():
        clause = next(c for c in data["document"]["clauses"] if c["kind"] == kind)
        clause[name] = value
    assert Scenario.from_data(data)
