"""Free text in a scenario: which fields are one line and which may run over several, the control characters refused
in each (by path and code point), and a received file's text cleaned without touching anything else."""

from __future__ import annotations

import copy

from workbench.defaults import default_scenario
from workbench.document.free_text import control_character_issues, free_texts, strip_control_characters


def _data():
    data = default_scenario().to_data()
    data["document"]["partners"][0]["countries"] = ["Guam", "Puerto Rico"]
    data["private"]["clause_notes"] = {"nickel-cfd": "fallback:\n\tstrike B"}
    return data


def test_line_breaks_and_tabs_are_allowed_where_text_runs_over_lines_tabs_alone_in_one_line_fields():
    data = _data()
    data["document"]["clauses"][0]["title"] = "Floor\tprice"
    data["document"]["clauses"][0]["text_note"] = "first line\nsecond line"
    data["private"]["internal_comments"] = ["a\nb"]
    assert control_character_issues(data) == []


def test_each_control_character_is_named_with_its_field_and_what_the_field_allows():
    data = _data()
    data["document"]["clauses"][2]["title"] = "CfD\x07"
    data["document"]["partners"][0]["name"] = "United\nStates"
    data["document"]["partners"][0]["countries"][1] = "Puerto\nRico"
    data["private"]["notes"] = "mandate \x1b[31m"
    data["private"]["clause_notes"]["nickel-cfd"] = "\x7f"
    assert [str(i) for i in control_character_issues(data)] == [
        "document.partners[0].name: holds a line break (U+000A): this field is one line of text",
        "document.partners[0].countries[1]: holds a line break (U+000A): this field is one line of text",
        "document.clauses[2].title: holds the control character U+0007; only tab is allowed",
        "private.notes: holds the control character U+001B; only tab and line breaks are allowed",
        "private.clause_notes.nickel-cfd: holds the control character U+007F; only tab and line breaks are allowed",
    ]


def test_free_texts_walks_every_text_field_with_its_path_and_nothing_else():
    data = _data()
    found = {path: (text, multi) for path, text, multi in free_texts(data["document"], "document")}
    assert found["document.metadata.title"] == (data["document"]["metadata"]["title"], False)
    assert found["document.metadata.description"][1] is True
    assert found["document.partners[0].countries[1]"] == ("Puerto Rico", False)
    assert found["document.stress_tests[0].title"][1] is False
    assert "document.clauses[0].id" not in found and "document.metadata.author_delegation" not in found
    assert not any(p.startswith("document.clauses[0].floor_price") for p in found)
    notes = {path: multi for path, _t, multi in free_texts(data["private"])}
    assert notes == {"notes": True, "clause_notes.nickel-cfd": True}


def test_cleaning_removes_only_the_bad_characters_and_lists_the_fields_changed():
    data = _data()
    assert strip_control_characters(data) == (data, [])              # nothing to clean: the same data back
    data["document"]["clauses"][1]["title"] = "Price\ngap\x00"
    data["private"]["notes"] = "keep\nthe line\x1b"
    before = copy.deepcopy(data)
    cleaned, paths = strip_control_characters(data)
    assert data == before                                            # the data given is not modified
    assert paths == ["document.clauses[1].title", "private.notes"]
    assert cleaned["document"]["clauses"][1]["title"] == "Price gap"  # a line break in one line becomes a space
    assert cleaned["private"]["notes"] == "keep\nthe line"
    cleaned["document"]["clauses"][1]["title"] = before["document"]["clauses"][1]["title"]
    cleaned["private"]["notes"] = before["private"]["notes"]
    assert cleaned == before                                         # and nothing else changed
