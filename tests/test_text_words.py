"""Parameters in words as the legal text and the term sheet draft them: volumes, shares, sums of money, years,
alternatives in brackets, names of parties and minerals, cost sharing and a stockpile's release rule, each checked
against the words a drafter would write by hand, at the edges where the wording changes."""

from __future__ import annotations

import pytest

from workbench.defaults import default_scenario
from workbench.document import Bracket, Option, Price, Volume
from workbench.document.clauses import CostSharing
from workbench.document.release import ReleaseRule
from workbench.text.segments import Segment
from workbench.text.words import (alt_name, cost_sharing_words, in_sentence_name, join_words, mineral_in_sentence,
                                  mineral_of, money_words, names, param, price_parts, region_name, release_rule_words,
                                  share_parts, text, volume_figure, years_parts)


@pytest.mark.parametrize("tonnes, words", [
    (133.333, "133"), (100.4, "100"), (1234.5, "1,234"), (12_000, "12,000"),   # whole tonnes from 100 up
    (99.94, "99.9"), (1.25, "1.2"), (1, "1"),                                     # one decimal from 1 to 100
    (0.12345, "0.123"), (0.5, "0.5"),                                           # three significant digits below 1
])
def test_volumes_are_drafted_without_spurious_decimals(tonnes, words):
    assert volume_figure(tonnes) == words


def test_shares_are_per_cent_to_two_decimals():
    assert "".join(share_parts(1 / 3)) == "33.33 per cent"
    assert "".join(share_parts(0.3)) == "30 per cent"
    assert "".join(share_parts(1.0)) == "100 per cent"


@pytest.mark.parametrize("amount, words", [
    (12e9, "USD 12 billion"),
    (999_999_999, "USD 1 billion"),            # rounds to a thousand million at the three decimals shown
    (999_500_000, "USD 1 billion"),
    (1_234_567_890, "USD 1.235 billion"),      # three decimals of a billion
    (999_400_000, "USD 999.4 million"),
    (125_000_000, "USD 125 million"),
    (1_000_000, "USD 1 million"),
    (1_234_567, "USD 1.235 million"),          # three decimals of a million
    (999_999, "USD 999,999"),
    (950_000.5, "USD 950,000.50"),
    (-2.5e9, "USD -2.5 billion"),              # a net revenue is still written in billions
    (-3e6, "USD -3 million"),
])
def test_sums_of_money_are_written_in_billions_millions_or_in_full(amount, words):
    assert money_words(amount, "USD") == words


def test_one_year_and_several_years():
    assert "".join(years_parts(1)) == "1 year"
    assert "".join(years_parts(2)) == "2 years"


def test_alternatives_are_numbered_as_tabled_each_with_its_proponent():
    floor = Bracket[Price](options=[Option(label="A", value=Price(amount=110), proposed_by="US"),
                                    Option(label="B", value=Price(amount=120)),
                                    Option(label="C", value=Price(amount=130.5), proposed_by="EU")], selected="B")
    segments = param(floor, price_parts)
    assert "".join(s.text for s in segments) == \
        "Alt 1: USD 110/kg (US) Alt 2: USD 120/kg Alt 3: USD 130.50/kg (EU)"
    assert [(s.bracketed, s.option, s.proposed_by) for s in segments] == [
        (True, "A", "US"), (False, None, None), (True, "B", None), (False, None, None), (True, "C", "EU")]
    assert alt_name(floor, "C") == "Alt 3"
    assert "".join(s.text for s in param(Price(amount=110), price_parts)) == "USD 110/kg"
    assert param(None, price_parts) is None


@pytest.mark.parametrize("name, in_sentence", [
    ("United States", "the United States"), ("European Union", "the European Union"), ("Japan", "Japan"),
    ("Marshall Islands", "the Marshall Islands"), ("Netherlands", "the Netherlands"), ("The Gambia", "The Gambia"),
    ("3rd party", "3rd party"), ("Mexico", "Mexico"), ("The United Kingdom", "The United Kingdom"),
    ("*European Union", "*European Union"), ("U.S. Virgin Islands", "the U.S. Virgin Islands"),
])
def test_names_take_the_article_where_english_uses_one(name, in_sentence):
    assert in_sentence_name(name) == in_sentence


def test_regions_are_named_from_the_partner_list_then_china_and_the_rest_of_the_world():
    doc = default_scenario().document
    assert [region_name(doc, c) for c in ("US", "JP", "CN", "ROW", "KR")] == \
        ["the United States", "Japan", "China", "the rest of the world", "KR"]


@pytest.mark.parametrize("name, mid_sentence", [
    ("Nickel", "nickel"), ("Rare earths", "rare earths"), ("NdPr oxide", "NdPr oxide"), ("PGMs", "PGMs"),
    ("X", "X"), ("cobalt", "cobalt"), ("MOx fuel", "MOx fuel"), ("Sb oxide", "Sb oxide"),
    ("Li carbonate", "Li carbonate"),
    ("Tin", "tin"), ("Tin concentrate", "tin concentrate"),
])
def test_minerals_are_lower_case_mid_sentence_unless_written_as_an_acronym(name, mid_sentence):
    assert mineral_in_sentence(name) == mid_sentence


def test_lists_are_joined_with_commas_and_a_final_and():
    assert [join_words(w) for w in (["a"], ["a", "b"], ["a", "b", "c"])] == ["a", "a and b", "a, b and c"]
    doc = default_scenario().document
    assert names(doc, ["US", "CN"]) == [Segment("the United States and China")]
    assert names(doc, []) is None                                   # no one named: no value
    assert mineral_of(doc, "nickel").name == "Nickel" and mineral_of(doc, "gold") is None
    assert text("a") == [Segment("a")] and text(None) is None


def test_fixed_cost_shares_are_listed_by_party_in_per_cent():
    doc = default_scenario().document
    sharing = CostSharing(rule="fixed", shares={"EU": 0.4, "JP": 0.35, "MX": 0.25})
    assert cost_sharing_words(sharing, doc) == ("The Parties shall share the net fiscal cost of this clause as "
                                                "follows: the European Union 40 per cent, Japan 35 per cent and "
                                                "Mexico 25 per cent.")
    assert cost_sharing_words(CostSharing(rule="gdp"), doc).endswith("in proportion to their gross domestic product.")


def test_a_release_rule_with_both_triggers_and_both_rates_says_whichever_is_less():
    rule = ReleaseRule(on_stress=True, price_trigger=1.5, max_release=Volume(amount=5000), max_days_of_cover=60,
                       allocation="cost_share", replenish_rate=Volume(amount=2000))
    assert release_rule_words(rule) == (
        "while the Parties declare a supply disruption of the mineral or when its market price exceeds 1.5 times the "
        "Reference Price, at a rate not exceeding 5,000 t a year or 60 days of the receiving Parties' consumption a "
        "year (whichever is less), for sale at the market price to manufacturers in the Parties in proportion to "
        "their shares of the cost of this clause; purchases under this clause shall be suspended during a release; "
        "the tonnes released shall be bought back at up to 2,000 t a year once the release ends")


def test_a_release_rule_on_a_price_trigger_alone_neither_suspending_nor_buying_back():
    rule = ReleaseRule(on_stress=False, price_trigger=2, max_days_of_cover=90, suspend_purchases=False,
                       replenish=False)
    assert release_rule_words(rule) == (
        "when its market price exceeds 2 times the Reference Price, at a rate not exceeding 90 days of the receiving "
        "Parties' consumption a year, for sale at the market price to manufacturers in the Parties in proportion "
        "to their shortfall")
    refilled = rule.model_copy(update={"replenish": True})
    assert release_rule_words(refilled).endswith("; the tonnes released shall be bought back at the same rate once "
                                                 "the release ends")
