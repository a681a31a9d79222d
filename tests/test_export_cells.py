"""Cells in the term sheet as Excel reads them back: text stays literal text, numbers stay numbers, nothing crashes."""

from __future__ import annotations

import math

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText

from workbench.export.cells import put, put_segments
from workbench.text import Segment

LIMIT = 32_767  # Excel's limit on the characters of one cell


def _round_trip(tmp_path, write):
    """Write with ``write(ws)`` into a new workbook, save it, and return the sheet as openpyxl reads the file."""
    wb = openpyxl.Workbook()
    write(wb.active)
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    return openpyxl.load_workbook(path, rich_text=True).active


ORDINARY = ["Cobalt price floor", "USD 312.50/kg", "Article 4.2 (b)", "N/A", "the #1 supplier", "Option A:",
            "", "ref!", "100 %"]


def test_ordinary_text_is_written_as_typed_without_a_quote_prefix(tmp_path):
    ws = _round_trip(tmp_path, lambda ws: [put(ws, i, 1, text) for i, text in enumerate(ORDINARY, 1)])
    for i, text in enumerate(ORDINARY, 1):
        cell = ws.cell(i, 1)
        assert (cell.value or "") == text
        assert not cell.quotePrefix, text  # a stray apostrophe would show when someone edits the cell


ACTIVE = ["=1+1", "+44 20 7946 0000", "-5 %", "@SUM(A1)", "#N/A", "#REF!", " #div/0! ", "#NAME?", "#n/a",
          "\tindented", "#hashtag"]


def test_text_a_spreadsheet_would_read_as_a_formula_or_error_is_quoted(tmp_path):
    ws = _round_trip(tmp_path, lambda ws: [put(ws, i, 1, text) for i, text in enumerate(ACTIVE, 1)])
    for i, text in enumerate(ACTIVE, 1):
        cell = ws.cell(i, 1)
        assert cell.value == text and cell.data_type == "s", text
        assert cell.quotePrefix, text


def test_a_named_style_does_not_undo_the_quote_prefix(tmp_path):
    ws = _round_trip(tmp_path, lambda ws: put(ws, 1, 1, "=HYPERLINK(\"http://x\")", style="Note"))
    assert ws["A1"].quotePrefix and ws["A1"].style == "Note"


def _clause_text(first: str):
    return [Segment(first), Segment("USD 300/kg", bracketed=True, proposed_by="US"), Segment(" a year.")]


def test_bracketed_clause_text_is_rich_text_and_protected_when_it_starts_like_a_formula(tmp_path):
    def write(ws):
        put_segments(ws, 1, 1, _clause_text("=floor of "))
        put_segments(ws, 2, 1, _clause_text("A floor of "))
        put_segments(ws, 3, 1, _clause_text("-of "))
    ws = _round_trip(tmp_path, write)
    assert isinstance(ws["A1"].value, CellRichText)
    assert str(ws["A1"].value) == "=floor of [USD 300/kg] a year."
    assert ws["A1"].quotePrefix
    assert str(ws["A2"].value) == "A floor of [USD 300/kg] a year." and not ws["A2"].quotePrefix
    assert str(ws["A3"].value) == "-of [USD 300/kg] a year." and ws["A3"].quotePrefix
    bold = [block for block in ws["A2"].value if not isinstance(block, str) and block.font.b]
    assert [block.text for block in bold] == ["[USD 300/kg]"]  # the bracketed run stands out, the rest does not


def test_clause_text_without_brackets_is_plain_text(tmp_path):
    ws = _round_trip(tmp_path, lambda ws: put_segments(ws, 1, 1, [Segment("=agreed "), Segment("text")], style="Note"))
    assert ws["A1"].value == "=agreed text" and ws["A1"].quotePrefix and ws["A1"].style == "Note"


def test_text_over_the_cell_limit_is_cut_at_the_limit_and_marked(tmp_path):
    long_text = "The Parties shall " + "x" * 40_000
    ws = _round_trip(tmp_path, lambda ws: (put(ws, 1, 1, long_text), put(ws, 2, 1, "y" * LIMIT),
                                           put(ws, 3, 1, "z" * (LIMIT + 1))))
    assert len(ws["A1"].value) == LIMIT and ws["A1"].value.endswith("x\u2026")
    assert ws["A1"].value[:-1] == long_text[:LIMIT - 1]
    assert ws["A2"].value == "y" * LIMIT  # exactly at the limit: kept whole
    assert ws["A3"].value == "z" * (LIMIT - 1) + "\u2026"


def test_control_characters_xml_forbids_become_a_replacement_mark(tmp_path):
    ws = _round_trip(tmp_path, lambda ws: put(ws, 1, 1, "floor\x00price\x1b"))
    assert ws["A1"].value == "floor\ufffdprice\ufffd"


@pytest.mark.parametrize(("value", "expected"), [(None, None), (True, True), (False, False), (3, 3),
                                                 (2.5, 2.5), (-0.25, -0.25), (0, 0),
                                                 (float("nan"), None), (float("inf"), None), (-math.inf, None)])
def test_non_text_values(tmp_path, value, expected):
    ws = _round_trip(tmp_path, lambda ws: put(ws, 1, 1, value))
    cell = ws["A1"]
    assert cell.value == expected and type(cell.value) is type(expected)
    assert not cell.quotePrefix


def test_rich_text_runs_keep_the_clause_texts_font_and_mark_brackets_in_amber(tmp_path):
    from workbench.export.styles import AMBER, register_styles

    wb = openpyxl.Workbook()
    register_styles(wb)
    body = next(st for st in wb._named_styles if st.name == "ts_text").font
    ws = wb.active
    put_segments(ws, 1, 1, _clause_text("A floor of "), style="ts_text")
    path = tmp_path / "styled.xlsx"
    wb.save(path)
    cell = openpyxl.load_workbook(path, rich_text=True).active["A1"]
    assert str(cell.value) == "A floor of [USD 300/kg] a year."
    assert cell.style == "ts_text"  # rich text keeps the cell's named style (wrapping, border)
    runs = {block.text: block.font for block in cell.value}
    assert all(font.sz == body.sz and font.rFont == body.name for font in runs.values())  # no run jumps size
    plain, bracket = runs["A floor of "], runs["[USD 300/kg]"]
    assert not plain.b and not plain.i and plain.color is None
    assert bracket.b and not bracket.i and bracket.color.rgb == AMBER


def test_a_bracketed_commentary_line_stays_italic_in_every_run(tmp_path):
    # the term sheet's commentary under a clause is italic (ts_comment); its bracketed figure stays italic too
    from workbench.export.styles import AMBER, register_styles

    wb = openpyxl.Workbook()
    register_styles(wb)
    put_segments(wb.active, 1, 1, _clause_text("The US proposes "), style="ts_comment")
    path = tmp_path / "comment.xlsx"
    wb.save(path)
    cell = openpyxl.load_workbook(path, rich_text=True).active["A1"]
    runs = {block.text: block.font for block in cell.value}
    plain, bracket = runs["The US proposes "], runs["[USD 300/kg]"]
    assert plain.i and not plain.b and plain.sz == 8.5
    assert bracket.i and bracket.b and bracket.color.rgb == AMBER


def test_a_figure_that_rounds_to_zero_is_shown_without_a_sign():
    from workbench.export.styles import register_styles

    wb = openpyxl.Workbook()
    register_styles(wb)
    ws = wb.active
    cases = [(-40_000.0, "ts_usd_m", "ts_usd_m_zero"),   # USD -0.04 m shows as 0.0 m: never "-0.0"
             (-60_000.0, "ts_usd_m", "ts_usd_m"),        # USD -0.06 m shows as -0.1 m, sign and all
             (0.0, "ts_usd_m", "ts_usd_m"),              # an exact zero keeps the figure's own format
             (-0.04, "ts_pct", "ts_pct_zero"), (-0.06, "ts_pct", "ts_pct")]
    for row, (value, style, shown_as) in enumerate(cases, 1):
        put(ws, row, 1, value, style)
        assert ws.cell(row, 1).style == shown_as, (value, style)
        assert ws.cell(row, 1).value == value  # the cell keeps the exact figure
