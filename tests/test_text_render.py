"""A rendered clause in the forms users get: plain text with brackets and numbered footnotes, and the HTML preview
with items in bold, bracketed text styled, commentary and footnotes in grey, every piece of scenario text escaped."""

from __future__ import annotations

import pytest

from workbench.defaults import default_scenario
from workbench.text import RenderedClause, Segment, render_clause
from workbench.text.segments import BRACKET_STYLE, COMMENT_STYLE


def _clause() -> RenderedClause:
    return RenderedClause(
        clause_id="x", heading="Tariff \u2014 tungsten", title="A & B", status="bracketed",
        paragraphs=[[Segment("Duty of "), Segment("Alt 1: 25 per cent (US)", bracketed=True, option="A"),
                     Segment(".")],
                    [Segment("Revenue <kept>.")]],
        items=["Commitment", ""],
        commentary=[[Segment("Status: Bracketed.")]],
        footnotes=["EU reserves its position on this clause.", "JP & MX reserve their positions."])


def test_plain_text_writes_brackets_and_numbers_the_footnotes():
    assert _clause().plain_text() == (
        "Tariff \u2014 tungsten\n\nDuty of [Alt 1: 25 per cent (US)].\n\nRevenue <kept>.\n\nStatus: Bracketed.\n\n"
        "(1) EU reserves its position on this clause.\n\n(2) JP & MX reserve their positions.\n")
    assert _clause().paragraph_text(0) == "Duty of [Alt 1: 25 per cent (US)]."
    assert Segment("plain").plain() == "plain"


def test_the_html_preview_escapes_text_and_styles_items_brackets_commentary_and_footnotes():
    assert _clause().html().split("\n") == [
        "<h3>Tariff \u2014 tungsten</h3>",
        "<p><i>A &amp; B</i></p>",
        f'<p><b>Commitment.</b> Duty of <span style="{BRACKET_STYLE}">[Alt 1: 25 per cent (US)]</span>.</p>',
        "<p>Revenue &lt;kept&gt;.</p>",
        f'<p style="{COMMENT_STYLE}">Status: Bracketed.</p>',
        f'<p style="{COMMENT_STYLE}"><small>EU reserves its position on this clause.</small></p>',
        f'<p style="{COMMENT_STYLE}"><small>JP &amp; MX reserve their positions.</small></p>',
    ]


def test_a_clause_on_a_mineral_the_list_no_longer_has_is_named_by_its_id():
    # the editor renders a clause while it is being edited: a mineral id not (or no longer) in the list still reads
    doc = default_scenario().document
    clause = doc.clause("tungsten-tariff").model_copy(update={"mineral": "gallium"})
    rendered = render_clause(clause, doc)
    assert rendered.heading == "Tariff \u2014 gallium"
    assert "on imports of gallium originating in China" in rendered.plain_text()
    cfd = doc.clause("nickel-cfd")
    assert "assessment of nickel (mined ore or concentrate)" in render_clause(cfd, doc).plain_text()
    moved = render_clause(cfd.model_copy(update={"mineral": "gallium"}), doc).plain_text()
    assert "assessment of gallium (as specified by the Parties)" in moved


def test_paragraphs_that_repeat_the_item_just_before_continue_it_and_a_later_repeat_starts_it_again(monkeypatch):
    # alternative paragraphs of one item are written each under its @item; where more than one applies, the item
    # is numbered once; the same item after another item is a new item
    from workbench.text import render
    from workbench.text.templates import parse_template

    own = ("@item Commitment\nOne.\n\n@item Commitment\nTwo.\n\n@item Other\nThree.\n\n@item Commitment\nFour.\n\n"
           "@item Other\nFive.\n\n@item Commitment\nSix.")
    real = render.load_template
    monkeypatch.setattr(render, "load_template",
                        lambda name, allowed: parse_template(own, set(allowed)) if name == "tariff"
                        else real(name, allowed))
    doc = default_scenario().document
    rendered = render_clause(doc.clause("tungsten-tariff"), doc)
    assert list(zip(rendered.items, [p[0].text for p in rendered.paragraphs]))[:6] == [
        ("Commitment", "One."), ("", "Two."), ("Other", "Three."), ("Commitment", "Four."), ("Other", "Five."),
        ("Commitment", "Six.")]
    assert rendered.items[6:] == ["Term", "Cost sharing", "Review and termination"]


def test_a_lone_opening_or_closing_brace_in_a_template_is_a_stray_brace():
    from workbench.text import TemplateError
    from workbench.text.templates import parse_template

    for body in ("Pay {a} to } them.", "Pay { to {a} them."):
        with pytest.raises(TemplateError, match=r"^t\.txt: stray brace in "):
            parse_template(body, {"a"}, "t.txt")
    assert parse_template("Pay {a} to them.", {"a"}, "t.txt")[0].parts == ("Pay ", "a", " to them.")


def test_without_members_every_partner_signs_and_without_observers_none_is_mentioned():
    from workbench.document import Scenario
    from workbench.text import final_provisions

    def parties_line(roles):
        data = default_scenario().to_data()
        for partner, role in zip(data["document"]["partners"], roles):
            partner["role"] = role
        for test in data["document"]["stress_tests"]:
            if test["kind"] == "export_restriction":
                test["targets"] = "all"                     # "zone" needs members
        provisions = final_provisions(Scenario.from_data(data).document)
        lines = ["".join(s.plain() for s in segs) for _item, segs in provisions]
        return lines[0], [line for line in lines if "observer" in line]

    assert parties_line(["non_member"] * 4) == (
        "The Parties to this arrangement are the United States, the European Union, Japan and Mexico.", [])
    assert parties_line(["member"] * 4) == (
        "The Parties to this arrangement are the United States, the European Union, Japan and Mexico.", [])
    first, observers = parties_line(["member", "observer", "non_member", "member"])
    assert first == "The Parties to this arrangement are the United States and Mexico."
    assert observers == ["The European Union takes part in the talks as an observer and may accede under the "
                         "provision on accession."]
