"""The registry of instrument kinds: every kind complete in every part, and no layer keeping its own per-kind table."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from xml.etree import ElementTree

import pytest

from workbench.document import ClauseKind
from workbench.document.clauses import Clause
from workbench.instrument_kinds import KINDS, LEDGER, FieldType, Part, Wedge, kind_of
from workbench.text.render import COMMON_PARAMS, kind_placeholders
from workbench.text.templates import load_template

ROOT = Path(__file__).resolve().parents[1]
HEX_COLOUR = re.compile(r"^#[0-9A-F]{6}$")
KIND_NAMES = [k.value for k in ClauseKind]


def test_every_kind_of_the_document_is_registered_once():
    assert list(KINDS) and set(KINDS) == set(ClauseKind)
    union = typing.get_args(typing.get_args(Clause)[0])
    assert {kind_of(k).model for k in ClauseKind} == set(union)
    assert len({k.id_stem for k in KINDS.values()}) == len(KINDS)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_a_kind_declares_every_part(name):
    kind = kind_of(name)
    assert kind.model.model_fields["kind"].default == name
    assert kind.label.strip() and kind.id_stem
    assert (ROOT / "resources" / "templates" / f"{kind.template}.txt").is_file()
    # editor fields: every parameter of the model that is not common to all clauses, and only those
    common = set.intersection(*(set(k.model.model_fields) for k in KINDS.values()))
    own = set(kind.model.model_fields) - common - {"kind"}
    assert {p.name for p in kind.params} == own
    for p in kind.params:
        assert p.label.strip(), p.name
        assert (p.type is FieldType.CHOICE) == bool(p.choices), p.name
    # the legal template's items make the term sheet: it starts with the commitment
    assert load_template(kind.template, frozenset(COMMON_PARAMS | kind_placeholders(name)))[0].item == "Commitment"
    # engine hooks: a wedge, a compile hook, ledger entries with labels and colours
    assert isinstance(kind.wedge, Wedge) and callable(kind.compile)
    assert kind.ledger
    for entry in kind.ledger:
        assert entry.label.strip() and HEX_COLOUR.match(entry.colour), entry
        assert isinstance(entry.part, Part)


def test_ledger_keys_labels_and_colours_are_distinct():
    keys = [e.key for k in KINDS.values() for e in k.ledger]
    assert len(keys) == len(set(keys)) == len(LEDGER)
    assert len({e.label for e in LEDGER.values()}) == len(LEDGER)
    assert len({e.colour for e in LEDGER.values()}) == len(LEDGER)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_each_template_parses_with_the_kinds_placeholders(name):
    kind = kind_of(name)
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(name))
    assert load_template(kind.template, allowed)


def test_every_label_of_the_registry_is_in_the_translation_template():
    """The window translates kind, field, choice and ledger labels (context ""): lupdate must have extracted them."""
    tree = ElementTree.parse(ROOT / "resources" / "translations" / "workbench.ts")
    known = {m.findtext("source") for c in tree.getroot() if c.findtext("name") == "" for m in c.findall("message")}
    labels = {k.label for k in KINDS.values()} | {e.label for e in LEDGER.values()}
    for kind in KINDS.values():
        for p in kind.params:
            labels |= {p.label} | {c.label for c in p.choices}
            if p.type is FieldType.SHARE and any(ch.isalpha() for ch in p.suffix):  # " %" needs no translation
                labels.add(p.suffix)
    assert sorted(labels - known) == []


def test_a_new_clause_starts_from_the_market_price_of_its_mineral():
    # nickel: USGS reference price USD 15,000/t and world output 3.9 Mt (resources/data); the kinds declare the
    # starting terms: prices at the market price (a CfD's cap 30 % above), half the gain above the cap clawed
    # back, a purchase of 1 % of world output
    from workbench.ui.navigator.operations import kind_defaults

    usd_t = {"currency": "USD", "per": "t"}
    assert kind_defaults(ClauseKind.BORDER_FLOOR, "nickel") == {"floor_price": {"amount": 15_000.0, **usd_t}}
    assert kind_defaults(ClauseKind.CFD, "nickel") == {"strike_price": {"amount": 15_000.0, **usd_t},
                                                       "rebate_threshold": {"amount": 19_500.0, **usd_t},
                                                       "clawback_share": 0.5}
    assert kind_defaults(ClauseKind.PRICE_GAP_SUBSIDY, "nickel") == {"floor_price": {"amount": 15_000.0, **usd_t},
                                                                     "upside_share": 0.3}   # as MP Materials'
    purchase = kind_defaults(ClauseKind.PURCHASE, "nickel")
    assert purchase["annual_volume"] == {"amount": 39_000.0, "unit": "t"}
    assert purchase["agreed_price"] == {"amount": 15_000.0, **usd_t}            # bought at the market price
    assert kind_defaults(ClauseKind.TARIFF, "nickel") == {"rate": 0.25, "exporters": ["CN"]}
    # a mineral outside the dataset starts from USD 100/kg (a CfD's cap at 130/kg)
    usd_kg = {"currency": "USD", "per": "kg"}
    assert kind_defaults(ClauseKind.BORDER_FLOOR, "scandium") == {"floor_price": {"amount": 100.0, **usd_kg}}
    cfd = kind_defaults(ClauseKind.CFD, "scandium")
    assert (cfd["strike_price"], cfd["rebate_threshold"]) == ({"amount": 100.0, **usd_kg}, {"amount": 130.0, **usd_kg})


def test_a_cfd_cap_below_its_strike_once_in_dollars_is_refused_by_the_engine():
    # the document compares prices in one currency only; EUR 17,000/t is USD 19,210/t at 1.13, above a USD 18,000 cap
    from workbench.defaults import default_scenario
    from workbench.document import Scenario
    from workbench.engine import EngineInputError, evaluate

    data = default_scenario().to_data()
    cfd = next(c for c in data["document"]["clauses"] if c["id"] == "nickel-cfd")
    cfd["strike_price"] = {"amount": 17_000.0, "currency": "EUR", "per": "t"}
    cfd["rebate_threshold"] = {"amount": 18_000.0, "currency": "USD", "per": "t"}
    with pytest.raises(EngineInputError, match=r"clause 'nickel-cfd'\.rebate_threshold: 18,000 USD/t is below the "
                                               r"strike price 19,210 USD/t"):
        evaluate(Scenario.from_data(data))


def test_a_parameter_is_offered_in_brackets_exactly_where_the_file_format_takes_a_bracket():
    # the clause editor offers alternatives for a bracketable parameter; a bracket the model does not accept would
    # be refused on saving, and one it accepts but the editor never offers could not be drafted
    for kind in KINDS.values():
        for param in kind.params:
            annotation = repr(kind.model.model_fields[param.name].annotation)
            assert param.bracketable == ("Bracket[" in annotation), (kind.kind.value, param.name)


def test_eligible_producers_left_empty_are_the_parties_in_the_text_as_in_the_model():
    from workbench.defaults import default_scenario
    from workbench.document import Scenario
    from workbench.text import render_clause

    data = default_scenario().to_data()
    gap = next(c for c in data["document"]["clauses"] if c["id"] == "ndpr-price-gap")
    gap.update(eligible_producers=[], parties=["US", "JP"])
    doc = Scenario.from_data(data).document
    text = render_clause(doc.clause("ndpr-price-gap"), doc).plain_text()
    assert "Eligible Producers of NdPr oxide established in the United States and Japan" in text


def test_a_price_gap_floor_near_the_market_price_is_flagged_as_near_the_money():
    # NdPr oxide: reference USD 69/kg, volatility 40 % a year (resources/data); a floor of USD 75/kg pays in some
    # years and not in others, so its deterministic cost says little
    from workbench.defaults import default_scenario
    from workbench.document import Scenario
    from workbench.engine import evaluate

    data = default_scenario().to_data()
    gap = next(c for c in data["document"]["clauses"] if c["id"] == "ndpr-price-gap")
    gap["floor_price"] = {"amount": 75.0, "currency": "USD", "per": "kg"}
    near = {w.clause_id for w in evaluate(Scenario.from_data(data)).validity_warnings if w.code == "near_the_money"}
    assert "ndpr-price-gap" in near


def test_the_editor_offers_cn_and_row_exactly_where_the_file_accepts_them():
    from workbench.defaults import default_scenario
    from workbench.document import Scenario, ScenarioValidationError

    checked = set()
    for kind in KINDS.values():
        for param in kind.params:
            if param.type is not FieldType.REGIONS:
                continue
            data = default_scenario().to_data()
            clause = next(c for c in data["document"]["clauses"] if c["kind"] == kind.kind.value)
            clause[param.name] = ["CN"]
            try:
                Scenario.from_data(data)
                accepted = True
            except ScenarioValidationError:
                accepted = False
            assert param.any_region == accepted, (kind.kind.value, param.name)
            checked.add(param.name)
    assert {"sources", "exporters", "eligible_producers"} <= checked


def test_an_optional_term_ticked_starts_at_the_documented_usable_value():
    # docs/ui.md: a volume cap of 1,000 t; a release rule released on stress, up to 30 days of cover, by need
    from workbench.document import ReleaseRule, Volume

    optional = {p.name: p.optional_default for kind in KINDS.values() for p in kind.params if p.optional_default}
    assert Volume(**optional["volume_cap"]).tonnes() == 1000
    rule = ReleaseRule(**optional["release_rule"])
    assert rule.on_stress and rule.max_days_of_cover == 30 and rule.allocation.value == "need"


def test_the_editors_upper_limit_of_each_share_is_the_highest_the_file_accepts():
    # written after the fresh seed-20 sample (its survivor spec.py:72): a share offered up to 100 %, a tariff up to
    # 500 %, storage up to 25 % a year; a hair above is refused by the document, naming the field
    from workbench.defaults import default_scenario
    from workbench.document import Scenario, ScenarioValidationError

    checked = set()
    for kind in KINDS:
        for p in kind_of(kind).params:
            if p.type is not FieldType.SHARE:
                continue
            for value, ok in ((p.maximum, True), (p.maximum + 0.001, False)):
                data = default_scenario().to_data()
                clause = next(c for c in data["document"]["clauses"] if c["kind"] == kind.value)
                clause[p.name] = value
                if ok:
                    assert getattr(Scenario.from_data(data).document.clause(clause["id"]), p.name) == value
                else:
                    with pytest.raises(ScenarioValidationError, match=rf"\.{p.name}: "):
                        Scenario.from_data(data)
            checked.add((kind.value, p.name, p.maximum))
    assert checked == {("tariff", "rate", 5.0), ("price_gap_subsidy", "upside_share", 1.0),
                       ("cfd", "clawback_share", 1.0), ("purchase", "premium_share", 1.0),
                       ("purchase", "storage_cost_rate", 0.25)}


def test_a_new_tariff_binds_only_the_proposing_delegation_a_new_cfd_every_member():
    # written after the fresh seed-20 sample (its survivor tariff.py:37): each party applies its own tariff, so a new
    # one starts with the author's delegation alone; other kinds start with the zone's members
    from workbench.defaults import default_scenario
    from workbench.ui.navigator.operations import add_clause

    sc = default_scenario()   # written by the US delegation; members US, EU, JP; Mexico observes
    tariff, tariff_id = add_clause(sc, ClauseKind.TARIFF, "nickel")
    cfd, cfd_id = add_clause(sc, ClauseKind.CFD, "nickel")
    assert tariff.document.clause(tariff_id).parties == ["US"]
    assert cfd.document.clause(cfd_id).parties == ["US", "EU", "JP"]


def test_every_ledger_line_is_a_payment_except_the_stock_s_end_value():
    """Cash flows (the results' "Cash PV", the term sheet's cash rows) count every levy, duty, payment, rebate,
    outlay and storage bill; only the stock still held at the end is a valuation, not money paid."""
    from workbench.instrument_kinds import LEDGER

    assert {key for key, entry in LEDGER.items() if not entry.cash} == {"stock_end_value"}
    assert {"levy_revenue", "tariff_revenue", "subsidy_payment", "cfd_payment", "cfd_rebate", "purchase_outlay",
            "storage_cost"} <= set(LEDGER)
