"""Compare and merge: redline, parameter and status changes, added/removed clauses, impact, three-way conflicts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sharing_helpers import canary_scenario, clause, edited

from workbench.defaults import default_scenario
from workbench.document.scenario import HistoryAction
from workbench.engine import evaluate
from workbench.sharing import MergeError, accept, compare, plan_merge, prepare_share, sender_of, timeline
from workbench.sharing.redline import redline_html, redline_text, word_diff
from workbench.sharing.slots import ABSENT, Slot, value_text

DAY = date(2026, 11, 28)
USD = "USD"


def _price(amount):
    return {"amount": amount, "currency": USD, "per": "kg"}


def _bracket_floor(d, a=110.0, b=120.0):
    clause(d, "ndpr-border-floor").update(status="bracketed", floor_price={
        "options": [{"label": "A", "value": _price(a), "proposed_by": "US"},
                    {"label": "B", "value": _price(b), "proposed_by": "EU"}], "selected": "B"})


def test_word_redline_marks_only_the_changed_words_and_escapes_html():
    pieces = word_diff("shall pay USD 110/kg <now>", "shall pay USD 120/kg <now>")
    assert redline_text(pieces) == "shall pay USD [-110/kg-]{+120/kg+} <now>"
    html_text = redline_html(pieces)
    assert "<del" in html_text and ">110/kg</del>" in html_text and ">120/kg</ins>" in html_text
    assert "&lt;now&gt;" in html_text and "<now>" not in html_text


def test_compare_reports_parameters_status_redline_and_added_removed_clauses():
    ours = default_scenario()

    def theirs_edit(d):
        _bracket_floor(d)
        clause(d, "ndpr-price-gap")["floor_price"]["amount"] = 120.0
        d["document"]["clauses"] = [c for c in d["document"]["clauses"] if c["id"] != "tungsten-tariff"]
        extra = dict(clause(d, "usmx-antimony-floor"), id="eu-antimony-copy", title="EU antimony floor")
        d["document"]["clauses"].append(extra)
        d["document"]["assumptions"]["discount_rate"] = 0.04
    theirs = edited(ours, theirs_edit)
    result = compare(ours, theirs, with_impact=False)
    assert [c.clause_id for c in result.by_change("added")] == ["eu-antimony-copy"]
    assert [c.clause_id for c in result.by_change("removed")] == ["tungsten-tariff"]
    assert [(c.clause_id, c.status) for c in result.status_changes()] == [
        ("ndpr-border-floor", ("proposed", "bracketed"))]
    floor = next(c for c in result.clauses if c.clause_id == "ndpr-border-floor")
    assert {p.slot.field for p in floor.parameters} == {"status", "floor_price"}
    assert "of {+[Alt 1: +}USD 110/kg{+ (US)] [Alt 2: USD 120/kg (EU)]+} (the" in redline_text(floor.redline)
    assert [(s.label, s.ours, s.theirs) for s in result.settings] == [("assumptions: discount rate", 0.03, 0.04)]
    text = result.to_text()
    assert "+ EU antimony floor (eu-antimony-copy)" in text and "- Tariff on tungsten" in text
    assert "NdPr oxide border-adjusted price floor: floor price: USD 110/kg -> [USD 110/kg][USD 120/kg] (B modelled)" \
        in text
    assert "not computed (not requested)" in text
    data = result.to_json()
    assert data["settings"][0]["parameter"] == "discount_rate" and data["impact"] is None


def test_identical_versions_have_no_differences():
    result = compare(default_scenario(), default_scenario(), with_impact=False)
    assert result.empty and result.clauses == [] and "No differences" in result.to_text()


def test_impact_per_partner_is_theirs_minus_ours_from_the_engine():
    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "ndpr-price-gap")["floor_price"].update(amount=130.0))
    result = compare(ours, theirs)
    t = result.impact.table
    assert list(t.index[:4]) == ["US", "EU", "JP", "MX"]
    assert t.loc["US", "fiscal_cost_pv_usd_change"] == pytest.approx(
        t.loc["US", "fiscal_cost_pv_usd_theirs"] - t.loc["US", "fiscal_cost_pv_usd_ours"])
    assert t.loc["US", "fiscal_cost_pv_usd_change"] > 0         # a higher floor costs the US treasury more
    direct = evaluate(theirs).partner_table["consumer_price_change_pct"] - \
        evaluate(ours).partner_table["consumer_price_change_pct"]
    assert t["consumer_price_change_pct_change"].to_dict() == pytest.approx(direct.to_dict())
    assert result.to_json()["impact"]["US"]["fiscal_cost_pv_usd"]["change"] > 0
    assert "Change per partner (theirs - ours):" in result.to_text()


def test_diff_output_never_contains_our_private_notes():
    ours, canaries = canary_scenario()
    theirs = edited(ours.without_private(), _bracket_floor)
    result = compare(ours, theirs, with_impact=False)
    dumped = result.to_text() + str(result.to_json())
    assert [c for c in canaries if c in dumped] == []


def test_without_a_base_every_difference_is_listed_and_none_is_a_conflict():
    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "ndpr-price-gap")["floor_price"].update(amount=120.0))
    plan = plan_merge(ours, theirs)
    assert not plan.has_base and plan.conflicts() == []
    assert [i.slot for i in plan.items] == [Slot("clause", "ndpr-price-gap", "floor_price")]


def test_three_way_merge_of_two_independently_edited_copies_of_the_default_scenario():
    base = prepare_share(default_scenario(), "US", today=DAY).shared

    def ours_edit(d):
        clause(d, "ndpr-border-floor")["floor_price"]["amount"] = 115.0          # both change: conflict
        d["document"]["assumptions"]["discount_rate"] = 0.05                     # only we change: not listed
        d["document"]["clauses"] = [c for c in d["document"]["clauses"] if c["id"] != "indium-purchase"]

    def theirs_edit(d):
        clause(d, "ndpr-border-floor")["floor_price"]["amount"] = 120.0
        clause(d, "nickel-cfd")["reserved_by"] = []                              # only they change
        clause(d, "stockpile-cobalt")["title"] = "Cobalt tranche of the stockpile facility"
        d["document"]["clauses"] = [c for c in d["document"]["clauses"] if c["id"] != "tungsten-tariff"]
        d["document"]["clauses"].append(dict(clause(d, "usmx-antimony-floor"), id="jp-antimony", title="JP floor"))
        d["document"]["history"].append({"round": 1, "date": "2026-11-29", "delegation": "EU", "action": "shared",
                                         "clause_id": None, "summary": "EU shared its edits"})
    ours, theirs = edited(base, ours_edit), edited(base, theirs_edit)
    plan = plan_merge(ours, theirs, base)
    by_slot = {i.slot: i for i in plan.items}
    assert set(by_slot) == {
        Slot("clause", "ndpr-border-floor", "floor_price"), Slot("clause", "nickel-cfd", "reserved_by"),
        Slot("clause", "stockpile-cobalt", "title"), Slot("clause", "tungsten-tariff", None),
        Slot("clause", "jp-antimony", None), Slot("history", None, None)}
    assert plan.sender == "EU"
    assert [i.slot.clause_id for i in plan.conflicts()] == ["ndpr-border-floor"]
    conflict = plan.conflicts()[0]
    assert (conflict.ours["amount"], conflict.theirs["amount"], conflict.base["amount"]) == (115.0, 120.0, 110.0)
    assert "both changed it; base USD 110/kg" in conflict.describe()
    assert by_slot[Slot("clause", "tungsten-tariff", None)].change == "removed"
    assert by_slot[Slot("clause", "jp-antimony", None)].change == "added"

    merged = ours
    for slot in (Slot("clause", "nickel-cfd", "reserved_by"), Slot("clause", "jp-antimony", None),
                 Slot("clause", "tungsten-tariff", None), Slot("history", None, None)):
        merged = accept(merged, [by_slot[slot]], plan, by="US", today=DAY)
    ids = [c.id for c in merged.document.clauses]
    assert "tungsten-tariff" not in ids and ids.index("jp-antimony") == ids.index("usmx-antimony-floor") + 1
    assert merged.document.clause("nickel-cfd").reserved_by == []
    assert merged.document.clause("ndpr-border-floor").floor_price.amount == 115.0   # the conflict is left alone
    assert merged.document.clause("stockpile-cobalt").title == ours.document.clause("stockpile-cobalt").title
    assert merged.document.assumptions.discount_rate == 0.05
    assert "indium-purchase" not in ids
    merges = [e for e in merged.document.history if e.action is HistoryAction.MERGED]
    assert [e.clause_id for e in merges] == ["nickel-cfd", "jp-antimony", "tungsten-tariff"]
    assert merges[0].summary.startswith("Accepted EU's changes: ") and merges[0].delegation == "US"
    assert any(e.summary == "EU shared its edits" for e in merged.document.history)
    taken = accept(merged, [conflict], plan, by="US", today=DAY)                     # the user may take theirs
    assert taken.document.clause("ndpr-border-floor").floor_price.amount == 120.0


def test_accepting_part_of_interlocked_changes_says_so_and_whole_clause_accept_works():
    ours = default_scenario()

    def theirs_edit(d):
        c = clause(d, "nickel-cfd")
        c["status"] = "agreed"
        c["strike_price"] = {"amount": 17500.0, "currency": USD, "per": "t"}
    theirs = edited(ours, theirs_edit)
    plan = plan_merge(ours, theirs)
    status = next(i for i in plan.items if i.slot.field == "status")
    with pytest.raises(MergeError, match=r"status alone would make the scenario invalid: .*cannot keep bracketed "
                                         r"parameters.*Accept the related changes together"):
        accept(ours, [status], plan, by="US")
    merged = accept(ours, plan.for_clause("nickel-cfd"), plan, by="US")
    assert merged.document.clause("nickel-cfd") == theirs.document.clause("nickel-cfd")


def test_accepting_a_change_to_a_clause_we_no_longer_have_is_refused():
    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "tungsten-tariff").update(rate=0.6))
    plan = plan_merge(ours, theirs)
    gone = edited(ours, lambda d: d["document"].update(
        clauses=[c for c in d["document"]["clauses"] if c["id"] != "tungsten-tariff"]))
    with pytest.raises(MergeError, match="no longer in our version"):
        accept(gone, plan.items, plan, by="US")


def test_removing_a_clause_keeps_our_private_note_as_an_internal_comment():
    ours, _ = canary_scenario()
    theirs = edited(ours.without_private(), lambda d: d["document"].update(
        clauses=[c for c in d["document"]["clauses"] if c["id"] != "ndpr-border-floor"]))
    plan = plan_merge(ours, theirs)
    merged = accept(ours, plan.for_clause("ndpr-border-floor"), plan, by="US")
    assert "ndpr-border-floor" not in merged.private.clause_notes
    assert merged.private.internal_comments[-1] == (
        "Note on removed clause ndpr-border-floor: CANARY-CLAUSENOTE-ndpr-border-floor concede after round 2")


def test_conflict_when_we_edited_a_clause_they_removed_and_no_item_for_our_own_additions():
    base = default_scenario()
    ours = edited(base, lambda d: (clause(d, "tungsten-tariff").update(rate=0.6), d["document"]["clauses"].append(
        dict(clause(d, "usmx-antimony-floor"), id="our-new", title="Ours"))))
    theirs = edited(base, lambda d: d["document"].update(
        clauses=[c for c in d["document"]["clauses"] if c["id"] != "tungsten-tariff"]))
    plan = plan_merge(ours, theirs, base)
    assert [(i.slot, i.change, i.conflict) for i in plan.items] == [
        (Slot("clause", "tungsten-tariff", None), "removed", True)]
    assert plan.items[0].base is not ABSENT


def test_sender_is_the_signer_then_the_last_sharer_then_the_author():
    s = default_scenario()
    assert sender_of(s) == "US"
    shared = prepare_share(s, "JP", today=DAY).shared
    assert sender_of(shared) == "JP"
    assert sender_of(shared, {"delegation": "EU"}) == "EU"


def test_rounds_timeline_groups_history_and_adds_unrecorded_proposals():
    s = prepare_share(edited(default_scenario(), lambda d: d["document"]["metadata"].update(round=2)), "US",
                      today=DAY).shared
    rounds = timeline(s.document)
    assert [r.number for r in rounds] == [1, 2]
    first = rounds[0].events
    recorded = [e for e in first if e.date]
    assert [(e.delegation, e.action) for e in recorded] == [("US", "proposed"), ("JP", "proposed"), ("MX", "bracketed")]
    assert recorded[0].clause_title == "NdPr oxide border-adjusted price floor"
    assert {e.clause_id for e in first if not e.date} == {
        "ndpr-price-gap", "indium-purchase", "stockpile-cobalt", "tungsten-tariff", "usmx-antimony-floor"}
    assert [(e.delegation, e.action, e.date) for e in rounds[1].events] == [("US", "shared", "2026-11-28")]
    assert rounds[1].label == s.document.metadata.round_label
    assert "2026-11-28  US  shared" in rounds[1].events[0].text()
    assert recorded[0].text() == ("2026-11-26  US  proposed NdPr oxide border-adjusted price floor - US tables a "
                                  "trilateral NdPr reference price held at the border.")
    from workbench.sharing.rounds import TimelineEvent

    bare = TimelineEvent("2026-11-27", "EU", "reserved", "nickel-cfd", "Nickel CfD", summary="")
    assert bare.text() == "2026-11-27  EU  reserved Nickel CfD"   # an entry recorded without a summary: no dash


def test_values_read_as_negotiators_write_them():
    s = default_scenario().to_data()["document"]
    assert value_text(s["partners"][:2]) == "US (member), EU (member)"
    assert value_text(s["minerals"][:2]) == "NdPr oxide, Nickel"
    assert value_text(clause({"document": s}, "nickel-cfd")["cost_sharing"]) == "fixed (EU 40%, JP 30%, US 30%)"
    assert value_text({"amount": 125000000.0, "currency": "USD"}) == "USD 125,000,000"
    assert value_text({"amount": 133.333, "unit": "t"}) == "133.333 t"
    assert value_text(ABSENT) == "(absent)" and value_text(None) == "none" and value_text([]) == "(none)"
    assert value_text(0.3) == "0.3" and value_text(True) == "yes"


def test_a_clause_left_unchanged_is_redlined_again_when_a_name_its_text_uses_changes():
    from workbench.defaults import default_scenario
    from workbench.sharing import compare

    ours = default_scenario()
    data = ours.to_data()
    assert compare(ours, ours, with_impact=False).empty
    data["document"]["partners"][1]["name"] = "European Union (the Union)"
    theirs = type(ours).from_data(data)
    changed = [c for c in compare(ours, theirs, with_impact=False).clauses if c.change == "changed"]
    assert changed and all("the Union" in "".join(p.text for p in c.redline if p.op == "insert") for c in changed)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["USD", "110/kg", "60/kg", "the", " ", "  ", "\n", "Parties", "floor"]), max_size=30),
       st.lists(st.sampled_from(["USD", "110/kg", "60/kg", "the", " ", "\n", "Parties", "ceiling"]), max_size=30))
def test_a_redline_rebuilds_both_texts_and_keeps_the_common_ends_equal(ours_words, theirs_words):
    ours, theirs = "".join(ours_words), "".join(theirs_words)
    pieces = word_diff(ours, theirs)
    assert "".join(p.text for p in pieces if p.op != "insert") == ours
    assert "".join(p.text for p in pieces if p.op != "delete") == theirs
    assert all(a.op != b.op for a, b in zip(pieces, pieces[1:]))  # neighbours differ in kind


def test_a_merge_lists_changed_clauses_in_the_order_of_the_text():
    # their edits to the last clause (its title) and the second (its upside share) are offered clause by clause as
    # the text runs, not alphabetically by field
    def edit(d):
        clause(d, "usmx-antimony-floor")["title"] = "Antimony reference price (US-Mexico)"
        clause(d, "ndpr-price-gap")["upside_share"] = 0.25

    ours = default_scenario()
    plan = plan_merge(ours, edited(ours.without_private(), edit))
    assert [(i.slot.clause_id, i.slot.field) for i in plan.items if i.slot.scope == "clause"] == [
        ("ndpr-price-gap", "upside_share"), ("usmx-antimony-floor", "title")]


def test_a_merge_summary_longer_than_a_history_entry_holds_is_cut_to_exactly_its_2000_characters():
    ours = default_scenario()

    def their_edit(d):
        d["document"]["metadata"]["description"] = "A long description. " * 90
        for c in d["document"]["clauses"]:
            c["text_note"] = "Their note on this clause, rewritten at length. " * 12
    plan = plan_merge(ours, edited(ours, their_edit))
    summary = accept(ours, plan.items, plan, by="US", today=DAY).document.history[-1].summary
    assert len(summary) == 2000 and summary.endswith("...")          # as long as an entry's summary may be
    assert summary.startswith("Accepted US's changes: metadata: description: ")


def test_values_read_as_a_negotiator_writes_them():
    assert [value_text(v) for v in (110.0, 17500.0, 0.125, 1234567, 3, True, None, [], ["US", "EU"])] == \
        ["110", "17,500", "0.125", "1,234,567", "3", "yes", "none", "(none)", "US, EU"]


def test_a_status_change_is_given_ours_then_theirs_in_the_json_diff():
    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "nickel-cfd").update(status="proposed"))
    change = next(c for c in compare(ours, theirs, with_impact=False).clauses if c.clause_id == "nickel-cfd")
    assert change.to_json()["status"] == {"ours": "bracketed", "theirs": "proposed"}


def test_a_rounds_events_come_in_date_order_after_the_unrecorded_proposals():
    def edit(d):
        d["document"]["history"] = [
            {"round": 1, "date": "2026-11-28", "delegation": "EU", "action": "amended", "clause_id": "nickel-cfd"},
            {"round": 1, "date": "2026-11-26", "delegation": "US", "action": "proposed",
             "clause_id": "ndpr-border-floor"},
            {"round": 1, "date": "2026-11-27", "delegation": "JP", "action": "proposed", "clause_id": "nickel-cfd"}]
    events = timeline(edited(default_scenario(), edit).document)[0].events
    dates = [e.date for e in events]
    assert dates == [""] * (len(dates) - 3) + ["2026-11-26", "2026-11-27", "2026-11-28"]


def test_the_text_diff_leaves_a_blank_line_after_each_section():
    ours = default_scenario()

    def their_edit(d):
        clause(d, "ndpr-border-floor")["status"] = "agreed"
        d["document"]["clauses"] = [c for c in d["document"]["clauses"] if c["id"] != "tungsten-tariff"]
    lines = compare(ours, edited(ours, their_edit), with_impact=False).to_text().splitlines()
    for heading in ("Removed clauses:", "Status changes:"):
        section = lines.index(heading)
        end = next(k for k in range(section + 1, len(lines)) if not lines[k].startswith("  "))
        assert lines[end] == "" and lines[end + 1] != "", heading


@pytest.mark.parametrize("ours, theirs", [("shall", "shall shall"), ("the Parties", "the Parties the Parties"),
                                          ("a b a", "a b a b a"), ("USD 110 USD", "USD")])
def test_a_redline_of_repeated_words_rebuilds_both_texts(ours, theirs):
    # the words both texts start and end with may be the same words: they are matched once, never twice
    pieces = word_diff(ours, theirs)
    assert "".join(p.text for p in pieces if p.op != "insert") == ours
    assert "".join(p.text for p in pieces if p.op != "delete") == theirs
