"""Legal text of clauses: templates, brackets as negotiators write them, alternatives, escaping."""

from __future__ import annotations

import re

import pytest

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.text import RenderedClause, Segment, TemplateError, render_clause
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
        assert "{" not in text and "@if" not in text and "@unless" not in text
        assert rc.paragraphs and all(isinstance(seg, Segment) for p in rc.paragraphs for seg in p)
        assert text.startswith(rc.heading)
        assert f"from 1 January {c.start_year}" in text
    assert kinds == {k.value for k in KINDS}
    floor = render_clause(s.document.clause("ndpr-border-floor"), s.document)
    assert floor.heading == "Border-adjusted price floor - NdPr oxide"
    assert "minimum import price for NdPr oxide of USD 110/kg" in floor.plain_text()
    assert "The Parties (United States, European Union and Japan) shall" in floor.plain_text()


def test_inline_brackets_carry_options_and_proponents():
    s = default_scenario()
    rc = render_clause(s.document.clause("nickel-cfd"), s.document)
    text = rc.plain_text()
    assert "strike price of USD [17,000][18,500]/t" in text
    bracketed = [seg for p in rc.paragraphs for seg in p if seg.bracketed]
    assert [(b.text, b.option, b.proposed_by) for b in bracketed] == [("17,000", "A", "JP"), ("18,500", "B", "EU")]
    assert "Status: Bracketed. Proposed by JP; EU reserves. Introduced in round 1." in text
    assert "strike price (Option A proposed by JP, Option B proposed by EU; Option A modelled)" in text
    agreed = render_clause(s.document.clause("ndpr-price-gap"), s.document).plain_text()
    assert "[" not in agreed and "Bracketed parameters" not in agreed
    assert "30 per cent of the difference" in agreed


def test_options_differing_in_unit_are_stacked_as_alternatives():
    def edit(d):
        c = _clause(d, "usmx-antimony-floor")
        c["floor_price"]["options"][1]["value"] = {"amount": 60.0, "currency": "EUR", "per": "kg"}
    s = _scenario_with(edit)
    rc = render_clause(s.document.clause("usmx-antimony-floor"), s.document)
    text = rc.plain_text()
    lines = text.splitlines()
    a = next(i for i, ln in enumerate(lines) if ln.startswith("Option A: "))
    assert lines[a + 1].startswith("Option B: ")
    assert "of [USD 25/lb] (the" in lines[a] and "of [EUR 60/kg] (the" in lines[a + 1]
    labels = [p[0] for p in rc.paragraphs if p and p[0].label]
    assert [(seg.option, seg.proposed_by) for seg in labels] == [("A", "US"), ("B", "MX")]
    assert "Option A</span>" not in rc.html() and "Option A (proposed by US):" in rc.html()


def test_plural_and_single_parties_and_review_paragraph():
    s = default_scenario()
    tariff = render_clause(s.document.clause("tungsten-tariff"), s.document).plain_text()
    assert "Each Party (United States) shall apply an ad valorem duty of 50 per cent" in tariff
    assert "originating in China (CN)" not in tariff and "originating in China." in tariff
    floor = render_clause(s.document.clause("ndpr-border-floor"), s.document).plain_text()
    assert "3 years after its entry into application" in floor
    assert "Any Party may request a review" not in floor
    assert "Any Party may request a review" in tariff


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
    paras = parse_template("# comment\nText {a}\nmore.\n\n@if b\nOnly with {b}.\n", allowed)
    assert paras[0].parts == ("Text ", "a", " more.") and paras[1].condition == ("if", "b")
    with pytest.raises(TemplateError, match="unknown parameter"):
        parse_template("Text {nope}.", allowed)
    with pytest.raises(TemplateError, match="stray brace"):
        parse_template("Text {A} here.", allowed)
    with pytest.raises(TemplateError, match="unknown parameter"):
        parse_template("@if zzz\nText.", allowed)


@pytest.mark.parametrize("kind", sorted(k.value for k in KINDS))
def test_shipped_templates_parse_with_their_parameters(kind):
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(kind))
    assert load_template(kind_of(kind).template, allowed)
    assert load_template("common", allowed)
    with pytest.raises(TemplateError):
        load_template(kind_of(kind).template, frozenset({"mineral"}))


def test_term_sheet_items_cover_every_section_with_brackets():
    from workbench.text import ITEM_NAMES, clause_items, definitions
    s = default_scenario()
    for c in s.document.clauses:
        items = clause_items(c, s.document)
        assert [name for name, _ in items] == list(ITEM_NAMES)
        assert all(segs and all(seg.text for seg in segs) for _, segs in items)
    items = dict(clause_items(s.document.clause("usmx-antimony-floor"), s.document))
    assert "".join(seg.plain() for seg in items["Price mechanism"]).startswith("Floor price USD [25][30]/lb;")
    assert [(seg.option, seg.proposed_by) for seg in items["Price mechanism"] if seg.bracketed] == [("A", "US"),
                                                                                                    ("B", "MX")]
    assert "".join(seg.plain() for seg in items["Status"]) == "Bracketed. Proposed by US; MX reserves. Round 1."
    cfd = dict(clause_items(s.document.clause("nickel-cfd"), s.document))
    assert "".join(seg.plain() for seg in cfd["Cost sharing"]) == (
        "The Parties shall share the net fiscal cost of this clause as follows: European Union 40 per cent, Japan 30 "
        "per cent and United States 30 per cent.")
    defs = definitions()
    assert any(d.startswith('"Reference Price" means') for d in defs) and all("{" not in d for d in defs)
