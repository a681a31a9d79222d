"""Legal text of clauses: templates, brackets as negotiators write them, alternatives, escaping."""

from __future__ import annotations

import re

import pytest

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.text import RenderedClause, Segment, TemplateError, common_items, common_terms, render_clause
from workbench.instrument_kinds import KINDS, kind_of
from workbench.text.render import COMMON_PARAMS, kind_placeholders
from workbench.text.templates import load_template, parse_template


def _scenario_with(edit) -> Scenario:
    data = default_scenario().to_data()
    edit(data)
    return Scenario.from_data(data)


def _clause(data: dict, clause_id: str) -> dict:
    return next(c for c in data["document"]["clauses"] if c["id"] == clause_id)


def test_every_default_clause_renders_with_heading_and_no_template_syntax_left():
    s = default_scenario()
    kinds = set()
    for c in s.document.clauses:
        rc = render_clause(c, s.document)
        kinds.add(c.kind)
        assert isinstance(rc, RenderedClause)
        text = rc.plain_text()
        assert "{" not in text and "@" not in text
        assert len(rc.items) == len(rc.paragraphs) and rc.items[0] == "Commitment"
        assert [i for i in rc.items if i][-3:] == ["Term", "Cost sharing", "Review and termination"]
        assert rc.paragraphs and all(isinstance(seg, Segment) for p in rc.paragraphs for seg in p)
        assert text.startswith(rc.heading)
        assert f"from 1 January {c.start_year}" in text
    assert kinds == {k.value for k in KINDS}
    floor = render_clause(s.document.clause("ndpr-border-floor"), s.document)
    assert floor.heading == "Border-adjusted price floor \u2014 NdPr oxide"
    assert "minimum import price for NdPr oxide of USD 110/kg" in floor.plain_text()
    assert "The Parties (the United States, the European Union and Japan) shall" in floor.plain_text()


def test_alternatives_stand_within_the_paragraph_with_their_proponents():
    s = default_scenario()
    rc = render_clause(s.document.clause("nickel-cfd"), s.document)
    text = rc.plain_text()
    assert "strike price of [Alt 1: USD 17,000/t (JP)] [Alt 2: USD 18,500/t (EU)] (the" in text
    bracketed = [seg for p in rc.paragraphs for seg in p if seg.bracketed and seg.option]
    assert [(b.option, b.proposed_by) for b in bracketed] == [("A", "JP"), ("B", "EU")]
    # commentary is not legal text; the reservation is a footnote, not part of the status line
    assert ["".join(seg.plain() for seg in p) for p in rc.commentary] == [
        "Modelled: Alt 1 of the strike price.", "Status: Bracketed. Proposed by JP in round 1."]
    assert rc.footnotes == ["EU reserves its position on this clause."]
    assert all("Status" not in "".join(seg.text for seg in p) for p in rc.paragraphs)
    agreed = render_clause(s.document.clause("ndpr-price-gap"), s.document)
    assert "[Alt" not in agreed.plain_text() and "Modelled" not in agreed.plain_text() and not agreed.footnotes
    assert "30 per cent of the difference" in agreed.plain_text()
    # a difference in unit or currency stays within the sentence too: whole values, never stacked paragraphs
    def edit(d):
        _clause(d, "usmx-antimony-floor")["floor_price"]["options"][1]["value"] = {"amount": 60.0, "currency": "EUR",
                                                                                  "per": "kg"}
    other = _scenario_with(edit)
    floor = render_clause(other.document.clause("usmx-antimony-floor"), other.document)
    assert "antimony of [Alt 1: USD 25/lb (US)] [Alt 2: EUR 60/kg (MX)] (the" in floor.plain_text()
    assert "Option" not in floor.plain_text() and "[Alt 1: USD 25/lb (US)]" in floor.html()


def test_legal_english_articles_lower_case_minerals_no_zero_premium_whole_volumes():
    s = default_scenario()
    tariff = render_clause(s.document.clause("tungsten-tariff"), s.document).plain_text()
    assert "The United States shall apply an ad valorem duty of 50 per cent on imports of tungsten originating in " \
           "China; the revenue accrues to the importing Party." in tariff
    floor = render_clause(s.document.clause("ndpr-border-floor"), s.document).plain_text()
    assert "3 years after it starts to apply" in floor and "Any Party may request a review" not in floor
    assert "Any Party may request a review" in tariff
    cfd = render_clause(s.document.clause("nickel-cfd"), s.document).plain_text()
    assert "Eligible Producers of nickel established in the European Union, Japan and the United States" in cfd
    assert "the European Union 40 per cent, Japan 30 per cent and the United States 30 per cent" in cfd
    indium = render_clause(s.document.clause("indium-purchase"), s.document).plain_text()
    assert "purchase 133 t of indium a year" in indium  # 400 t over three years, not 133.333 t
    assert "shall not exceed USD 125 million" in indium
    cobalt = render_clause(s.document.clause("stockpile-cobalt"), s.document).plain_text()
    assert "premium" not in cobalt.replace("without a premium", "") and "without a premium" in cobalt
    assert "USD 12 billion" in cobalt
    # purchases carry delivery terms, specification and a named price benchmark; floors rules of origin
    purchase_items = render_clause(s.document.clause("stockpile-cobalt"), s.document).items
    assert {"Delivery terms", "Specification", "Price benchmark"} <= set(purchase_items)
    assert "Incoterms 2020" in cobalt and "[Fastmarkets][Argus Media][Benchmark Mineral Intelligence]" in cobalt
    floor_items = render_clause(s.document.clause("ndpr-border-floor"), s.document).items
    assert "Rules of origin" in floor_items and '"originating in a non-Party"' in floor


def test_every_capitalised_term_used_is_defined():
    from workbench.text import defined_terms, definitions, final_provisions
    s = default_scenario()
    text = " ".join(render_clause(c, s.document).plain_text() for c in s.document.clauses)
    text += " ".join("".join(seg.plain() for seg in segs) for _, segs in final_provisions(s.document))
    names = {p.name for p in s.document.partners} | {m.name for m in s.document.minerals}
    ignore = {"The Parties", "The United States", "United States", "European Union", "Option", "Nothing",
              "Article", "International Chamber", "Permanent Court", "Benchmark Mineral Intelligence",
              "Argus Media", "Price-gap", "Contract", "Purchase", "Border-adjusted", "Tariff"}
    # capitalised phrases after a lower-case word (so not just the start of a sentence)
    used = set(re.findall(r"\b[a-z]+ ([A-Z][a-z]+(?: [A-Z][a-z0-9]+)+)\b", text))
    assert {"Reference Price", "Settlement Period", "Eligible Producers"} <= used
    terms = set(defined_terms())
    printed = {t.strip() for item, _ in definitions(text) for t in item.split(",")}
    for term in sorted(used):
        if term in names or any(term.startswith(i) or i.startswith(term) for i in ignore) or \
                term.endswith(("Commodity Summaries", "Department", "Materials")):
            continue
        base = term[:-1] if term.endswith("s") and term[:-1] in terms else term
        assert base in terms, f"{term!r} is used but not defined"
        assert base in printed, f"{term!r} is defined but not printed"


def test_hostile_scenario_text_is_escaped_in_html_and_never_read_as_template():
    hostile = '<script>alert(1)</script> & {parties} =HYPERLINK("http://x")'
    def edit(d):
        d["document"]["partners"][0]["name"] = "<b>Evil</b> & Co"
        _clause(d, "ndpr-border-floor")["title"] = hostile
        _clause(d, "ndpr-border-floor")["text_note"] = hostile
        d["document"]["minerals"][0]["name"] = "<i>NdPr</i>"
    s = _scenario_with(edit)
    rc = render_clause(s.document.clause("ndpr-border-floor"), s.document)
    html = rc.html()
    assert "<script>" not in html and "<b>Evil" not in html and "<i>NdPr" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in html
    # scenario text is substituted once: a brace inside it stays literal
    assert "Note: " + hostile in rc.plain_text()
    assert re.sub(r"<[^>]+>", "", html).count("{parties}") == 2  # title and note, untouched


def test_private_notes_never_enter_the_text():
    def edit(d):
        d["private"]["clause_notes"] = {"nickel-cfd": "CANARY-PRIVATE-4711 fall back to 19000"}
        d["private"]["notes"] = "CANARY-PRIVATE-4712"
    s = _scenario_with(edit)
    for c in s.document.clauses:
        rc = render_clause(c, s)  # even when handed the whole scenario
        assert "CANARY" not in rc.plain_text() and "CANARY" not in rc.html()


def test_template_syntax_rules():
    allowed = {"a", "b"}
    paras = parse_template("# comment\nText {a}\nmore.\n\n@item Price\n@if b\n@unless a\nOnly with {b}.\n\n"
                           "@comment\nA note.", allowed)
    assert paras[0].parts == ("Text ", "a", " more.") and paras[1].conditions == (("if", "b"), ("unless", "a"))
    assert paras[1].item == "Price" and paras[2].commentary and not paras[1].commentary
    with pytest.raises(TemplateError, match="unknown directive"):
        parse_template("@ifnot a\nText.", allowed)
    with pytest.raises(TemplateError, match="unknown parameter"):
        parse_template("Text {nope}.", allowed)
    with pytest.raises(TemplateError, match="stray brace"):
        parse_template("Text {A} here.", allowed)
    with pytest.raises(TemplateError, match="unknown parameter"):
        parse_template("@if zzz\nText.", allowed)


def test_a_template_error_quotes_the_paragraph_by_its_first_sixty_characters():
    # whoever edits a template finds the paragraph with the stray brace by its opening words, 60 characters of them
    body = "Each Party shall pay {a} a year to the producers at {a rate} of the Reference Price."
    with pytest.raises(TemplateError) as info:
        parse_template(body, {"a"})
    assert str(info.value) == "template: stray brace in 'Each Party shall pay {a} a year to the producers at {a rate}'"


@pytest.mark.parametrize("kind", sorted(k.value for k in KINDS))
def test_shipped_templates_parse_with_their_parameters(kind):
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(kind))
    assert load_template(kind_of(kind).template, allowed)
    assert load_template("common", allowed)
    with pytest.raises(TemplateError):
        load_template(kind_of(kind).template, frozenset({"mineral"}))


def test_final_provisions_name_the_parties_and_observers():
    from workbench.text import final_provisions
    s = default_scenario()
    items = final_provisions(s.document)
    text = {item: "".join(seg.plain() for seg in segs) for item, segs in items if item}
    assert text["Parties"] == "The Parties to this arrangement are the United States, the European Union and Japan."
    assert any("Mexico takes part in the talks as an observer" in "".join(seg.plain() for seg in segs)
               for item, segs in items if not item)
    assert "[justified under Article XX of the GATT 1994][" in text["Relationship with WTO obligations"]
    assert "consultations" in text["Dispute settlement"] and "arbitration" in text["Dispute settlement"]
    assert set(text) >= {"Accession", "Entry into force", "Duration and review", "Withdrawal"}


def test_common_terms_stand_for_the_clauses_that_say_no_more():
    """The term sheet states each Party's own cost and the review on request once; a clause whose rule differs
    (fixed shares, a review year) keeps its own item, and with no such clause there are no common terms."""
    s = default_scenario()
    items = {c.id: common_items(c) for c in s.document.clauses}
    assert items["nickel-cfd"] == set()  # fixed shares and a review after 4 years: its own items
    assert items["ndpr-border-floor"] == {"Cost sharing"}  # its review after 3 years is its own
    assert items["tungsten-tariff"] == {"Cost sharing", "Review and termination"}
    terms = dict(common_terms(s.document.clauses))
    assert list(terms) == ["Cost sharing", "Review and termination"]
    own = render_clause(s.document.clause("tungsten-tariff"), s.document)
    rule = "shall bear the cost of, and retain any revenue from, the measures it applies under"
    assert rule in "".join(seg.text for seg in own.paragraphs[own.items.index("Cost sharing")])
    assert rule in "".join(seg.text for seg in terms["Cost sharing"])  # the same rule, stated for every clause

    def own_rules(data):
        for c in data["document"]["clauses"]:
            c["review_after_years"] = 5
            c["cost_sharing"] = {"rule": "gdp"}
    assert common_terms(_scenario_with(own_rules).document.clauses) == []


def test_an_agreed_zero_is_written_except_where_the_kind_leaves_it_out():
    # a zero clawback or a zero tariff is a term the parties agreed; only a zero upside share or premium (declared
    # omit_zero by their kinds) drops its paragraph
    def edit(data):
        _clause(data, "nickel-cfd")["clawback_share"] = 0.0
        _clause(data, "tungsten-tariff")["rate"] = 0.0
        _clause(data, "ndpr-price-gap")["upside_share"] = 0.0

    s = _scenario_with(edit)
    doc = s.document
    assert "the producer shall pay to the Parties 0 per cent of the excess" in \
        render_clause(doc.clause("nickel-cfd"), doc).plain_text()
    assert "an ad valorem duty of 0 per cent on imports of tungsten" in \
        render_clause(doc.clause("tungsten-tariff"), doc).plain_text()
    assert "Where the Reference Price exceeds the Floor Price" not in \
        render_clause(doc.clause("ndpr-price-gap"), doc).plain_text()


def test_a_purchase_names_the_stage_of_the_mineral_it_buys():
    s = default_scenario()
    text = render_clause(s.document.clause("indium-purchase"), s.document).plain_text()
    assert "Each lot shall be indium (refined) of [a purity" in text


def test_sums_in_words_switch_to_millions_and_billions_at_exactly_one():
    from workbench.text.words import money_words

    assert money_words(999_999, "USD") == "USD 999,999"
    assert money_words(1_000_000, "USD") == "USD 1 million"
    assert money_words(125_000_000, "EUR") == "EUR 125 million"
    assert money_words(1_000_000_000, "USD") == "USD 1 billion"
    assert money_words(12_000_000_000, "USD") == "USD 12 billion"


def test_a_sum_just_under_a_billion_is_not_written_as_a_thousand_million():
    from workbench.text.words import money_words

    assert money_words(999_999_999, "USD") == "USD 1 billion"  # 999.999999 million shows as 1,000.000 million
    assert money_words(999_499_999, "USD") == "USD 999.5 million"  # 0.9995 bn rounds to 0.999: stays in millions
    assert money_words(999_999.6, "USD") == "USD 999,999.60"  # under a million: the exact sum, never rounded up


def test_a_directive_without_its_paragraph_is_a_template_error():
    with pytest.raises(TemplateError, match=r"^t\.txt: @comment has no paragraph$"):
        parse_template("Text.\n\n@comment", set(), "t.txt")


def test_the_stockpile_says_when_its_stock_is_released():
    s = default_scenario()   # the cobalt tranche: on a declared disruption or at 1.5 times the reference price
    text = render_clause(s.document.clause("stockpile-cobalt"), s.document).plain_text()
    assert ("The stock shall be released while the Parties declare a supply disruption of the mineral or when its "
            "market price exceeds 1.5 times the Reference Price, at a rate not exceeding 5,000 t a year") in text


def test_the_stockpile_says_who_gets_the_stock_and_what_happens_to_purchases_and_the_buy_back():
    def sentence(**rule):
        def edit(d):
            _clause(d, "stockpile-cobalt")["release_rule"].update(rule)
        s = _scenario_with(edit)
        text = render_clause(s.document.clause("stockpile-cobalt"), s.document).plain_text()
        return text[text.index("at a rate not exceeding 5,000 t a year"):].split("\n")[0]

    assert sentence() == (   # as shipped: to those short of cobalt, buying stops while the stock is sold, then refills
        "at a rate not exceeding 5,000 t a year, for sale at the market price to manufacturers in the Parties in "
        "proportion to their shortfall; purchases under this clause shall be suspended during a release; the tonnes "
        "released shall be bought back at the same rate once the release ends.")
    assert sentence(suspend_purchases=False, replenish=False, allocation="cost_share") == (
        "at a rate not exceeding 5,000 t a year, for sale at the market price to manufacturers in the Parties in "
        "proportion to their shares of the cost of this clause.")
    assert sentence(replenish_rate={"amount": 2000, "unit": "t"}).endswith(
        "; the tonnes released shall be bought back at up to 2,000 t a year once the release ends.")


def test_figures_names_and_lists_as_a_drafter_writes_them():
    from workbench.text.words import in_sentence_name, join_words, share_parts, volume_figure, years_parts

    # volumes: whole tonnes from 100 up, one decimal from 1, three significant digits below 1
    assert [volume_figure(x) for x in (133.333, 12_345.4, 100.4, 99.94, 2.46, 1.04, 0.98765, 0.05)] == \
        ["133", "12,345", "100", "99.9", "2.5", "1", "0.988", "0.05"]
    assert "".join(share_parts(1 / 3)) == "33.33 per cent" and "".join(share_parts(0.3)) == "30 per cent"
    assert "".join(years_parts(1)) == "1 year" and "".join(years_parts(2)) == "2 years"
    assert [in_sentence_name(n) for n in ("United States", "Japan", "Solomon Islands", "Republic of Korea",
                                           "The Bahamas", "Philippines", "Mexico", "3 Gorges")] == \
        ["the United States", "Japan", "the Solomon Islands", "the Republic of Korea", "The Bahamas",
         "the Philippines", "Mexico", "3 Gorges"]
    assert [join_words(x) for x in (["Japan"], ["Japan", "Mexico"], ["Japan", "Mexico", "the United States"])] == \
        ["Japan", "Japan and Mexico", "Japan, Mexico and the United States"]


def test_a_bad_directive_is_quoted_by_its_first_forty_characters_and_a_missing_template_is_named():
    directive = "@if_the_parties_agree_on_a_floor_price_of_usd"   # 45 characters
    with pytest.raises(TemplateError, match=r"^t\.txt: unknown directive '@if_the_parties_agree_on_a_floor_price_o'$"):
        parse_template(f"{directive}\nText.", set(), "t.txt")
    with pytest.raises(TemplateError, match=r"^t\.txt: @item Price mechanism, reference price a has no paragraph$"):
        parse_template("@item Price mechanism, reference price and review", set(), "t.txt")
    with pytest.raises(TemplateError, match=r"^no clause template no_such_kind\.txt in resources/templates$"):
        load_template("no_such_kind", frozenset())


def test_several_reservations_and_observers_take_the_plural_and_a_sentence_starts_with_a_capital():
    from workbench.text import final_provisions

    def edit(d):
        _clause(d, "nickel-cfd")["reserved_by"] = ["EU", "MX"]
        d["document"]["partners"].append({"code": "KR", "name": "Republic of Korea", "role": "observer",
                                          "gdp_usd_bn": None, "countries": []})
    s = _scenario_with(edit)
    rc = render_clause(s.document.clause("nickel-cfd"), s.document)
    assert rc.footnotes == ["EU and MX reserve their positions on this clause."]
    lines = ["".join(seg.plain() for seg in segs) for _item, segs in final_provisions(s.document)]
    assert any(line.startswith("Mexico and the Republic of Korea take part in the talks as observers")
               for line in lines)

    def korea_alone(d):
        edit(d)
        next(p for p in d["document"]["partners"] if p["code"] == "MX")["role"] = "member"
    s = _scenario_with(korea_alone)
    lines = ["".join(seg.plain() for seg in segs) for _item, segs in final_provisions(s.document)]
    assert any(line.startswith("The Republic of Korea takes part in the talks as an observer") for line in lines)


def test_parties_is_always_defined_and_other_terms_only_where_the_text_uses_them():
    # written after the fresh seed-20 sample (its survivor provisions.py:34)
    from workbench.text.provisions import definitions
    assert [term for term, _ in definitions("")] == ["Parties"]
    assert [term for term, _ in definitions("the Reference Price paid to Eligible Producers")] == \
        ["Parties", "Reference Price", "Eligible Producer"]
