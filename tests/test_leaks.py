"""Private text in public fields: near-copies caught, ordinary words and figures not (workbench/sharing/leaks.py)."""

from __future__ import annotations

import pytest
from sharing_helpers import clause, edited

from workbench.defaults import default_scenario
from workbench.sharing import find_leaks
from workbench.sharing.leaks import FRAGMENT_TOKENS, normalise, tokens

NOTE = ("Fallback position: we can accept a floor of USD 95/kg if the EU carries 40% of the cost.\n"
        "Do not reveal that the minister wants the indium purchase signed before the summit.")

#: Private notes a delegation would plausibly keep on the default scenario: they talk about the same clauses, minerals
#: and partners as the public text, in the same words, without copying it.
ORDINARY_NOTES = [
    "The NdPr oxide floor is our priority; the border-adjusted levy is what the EU dislikes most.",
    "Japan will push the nickel CfD strike to option A; we can live with B if the rebate threshold stays.",
    "Indium: the USD 125 m purchase is already agreed at home, keep it out of the trade-offs.",
    "Tungsten tariff at 50% is domestic law; do not let it be bracketed.",
    "Cobalt stockpile: the 12 bn envelope is a ceiling, not a target. Mexico observes only.",
    "Nothing is agreed until everything is agreed - remind the EU of this in round 2.",
    "Price-gap payments to zone producers mirror the MP Materials deal; say so only if asked.",
]


def _with(notes: str = NOTE, ceiling: float | None = 4321987.0, **public: str):
    def edit(d):
        d["private"]["notes"] = notes
        if ceiling is not None:
            d["private"]["mandate"]["fiscal_ceiling_per_year"] = {"US": {"amount": ceiling, "currency": "USD"}}
        if "description" in public:
            d["document"]["metadata"]["description"] = public["description"]
        if "title" in public:
            clause(d, "indium-purchase")["title"] = public["title"]
        if "text_note" in public:
            clause(d, "indium-purchase")["text_note"] = public["text_note"]
    return edited(default_scenario(), edit)


def _found(scenario) -> list[tuple[str, str]]:
    return [(leak.path, leak.source) for leak in find_leaks(scenario)]


DESCRIPTION = ("document.metadata.description", "private notes")


@pytest.mark.parametrize("public", [
    "We can accept a floor of  USD 95/kg if the EU  carries 40% of the cost.",                   # double spaces
    "we\u00a0can\u00a0accept a floor of USD\u00a095/kg if the EU carries 40% of the cost",          # no-break spaces
    "we can acc\u200bept a fl\u200door of USD 95/kg if the E\u2060U carries 40% of the cost",       # zero-width
    "Fallback position \u2013 we can accept a floor of USD 95\u2011kg if the EU carries 40 %",     # en dash, nb hyphen
    "FALLBACK POSITION: WE CAN ACCEPT A FLOOR OF USD 95/KG",                                    # upper case
    "\uff37\uff45 can accept a floor of USD 95/kg if the EU carries 40% of the cost",             # full-width letters
    "The minister wants the indium purchase signed before the summit, we hear.",               # part of a line
])
def test_near_copies_of_a_private_line_are_caught(public):
    assert _found(_with(description=public)) == [DESCRIPTION]


def test_text_split_across_a_clause_title_and_its_note_is_caught_naming_both():
    scenario = _with(title="Indium purchase - do not reveal that the",
                     text_note="minister wants the indium purchase signed")
    assert _found(scenario) == [("document.clauses[3].title + document.clauses[3].text_note", "private notes")]


@pytest.mark.parametrize("written", ["4321987", "4,321,987", "4 321 987", "4.321.987", "4,321,987.00",
                                     "4.32 m", "4.32m", "USD 4.3 million", "4,32 Mio", "4322 thousand", "4.3 mn",
                                     "0.0043 bn", "4,300,000", "4322k", "4.32 millions", "0.0043 b",
                                     "0.0043 billion", "0.0043 billions"])
def test_a_mandate_figure_is_caught_in_any_common_spelling(written):
    found = _found(_with(notes="", description=f"ceiling USD {written} a year"))
    assert found == [("document.metadata.description", "the mandate's yearly fiscal ceiling for US")]


@pytest.mark.parametrize("written", ["4 million", "USD 4 m", "4.4 million", "43,219,870", "2026", "432,198"])
def test_other_figures_are_not_taken_for_the_mandate(written):
    assert _found(_with(notes="", description=f"a USD {written} programme")) == []


def test_ordinary_private_notes_raise_no_alarm_on_the_default_scenario_public_text():
    for note in ORDINARY_NOTES:
        assert _found(_with(notes=note)) == [], note
    assert _found(_with(notes="\n".join(ORDINARY_NOTES), ceiling=None)) == []


def test_a_mandate_figure_that_a_public_figure_rounds_is_caught_and_a_round_one_is_not():
    public = "a USD 125 m purchase of 400 t of indium"  # the default scenario's own words
    assert _found(_with(notes="", ceiling=125_000_001.0, description=public)) == [
        ("document.metadata.description", "the mandate's yearly fiscal ceiling for US"),
        ("document.clauses[3].text_note", "the mandate's yearly fiscal ceiling for US")]  # "USD 125 million"
    assert _found(_with(notes="", ceiling=400_000_000.0, description="a USD 400 m envelope")) == []


def test_the_fragment_length_sits_above_the_longest_stock_phrase():
    stock = tokens("Nothing is agreed until everything is agreed.")
    assert len(stock) == FRAGMENT_TOKENS - 1
    public = "As always, nothing is agreed until everything is agreed, whatever the chair says."
    assert _found(_with(notes=f"Remind them: {' '.join(stock)} and the rest follows", description=public)) == []


def test_short_private_lines_count_whole_and_single_words_never():
    assert _found(_with(notes="Walk away below USD 95/kg", description="walk away below USD 95/kg")) == [DESCRIPTION]
    assert _found(_with(notes="NdPr oxide\nprice floor", description="NdPr oxide price floor")) == []


@pytest.mark.parametrize("line, caught", [
    ("cede the tin floor", True),            # four tokens, 18 characters: a line counted whole
    ("cede tin floor", False),               # three tokens are never enough
    ("ab cd ef gh", False),                  # four tokens but 11 characters
    ("ab cd ef ghi", True),                  # four tokens and exactly 12 characters
])
def test_a_short_private_line_counts_from_four_tokens_and_twelve_characters(line, caught):
    found = _found(_with(notes=f"{line}\nanother line of ours", ceiling=None, description=f"we say: {line}."))
    assert found == ([DESCRIPTION] if caught else [])


def test_normalise_folds_what_the_eye_cannot_see():
    assert normalise("A\u00a0\u00a0B\u200b\u2013C\tD\u202eE") == "a b-c de"


def test_a_mandate_figure_from_1000_up_is_searched_for_and_below_it_is_not():
    # smaller sums would match ordinary numbers; USD 1,000 is the first one searched for
    assert _found(_with(notes="", ceiling=1000.0, description="a token fee of USD 1,000.00 a year")) == [
        ("document.metadata.description", "the mandate's yearly fiscal ceiling for US")]
    assert _found(_with(notes="", ceiling=999.0, description="a token fee of USD 999.00 a year")) == []


def test_a_private_line_copied_at_the_very_end_of_the_public_text_is_caught():
    # the last window of the text is searched too: an eight-word copy (the shortest caught) ends the last public
    # field, the last stress test's title
    def edit(d):
        d["private"]["notes"] = NOTE
        d["document"]["stress_tests"][-1]["title"] = "Outage: wants the indium purchase signed before the summit"
    assert _found(edited(default_scenario(), edit)) == [("document.stress_tests[2].title", "private notes")]


def test_a_written_figure_stands_for_the_mandate_amounts_within_half_its_last_digit():
    # "4.3 million" is 4,250,000 to 4,350,000 rounded: half of its last digit, 0.1 million, either way
    public = "a USD 4.3 million programme"
    for ceiling in (4_350_000.0, 4_250_000.0, 4_300_000.0):
        assert _found(_with(notes="", ceiling=ceiling, description=public)) == [
            ("document.metadata.description", "the mandate's yearly fiscal ceiling for US")], ceiling
    for ceiling in (4_350_001.0, 4_249_999.0):
        assert _found(_with(notes="", ceiling=ceiling, description=public)) == [], ceiling
