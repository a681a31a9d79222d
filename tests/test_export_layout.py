"""The term sheet as its reader gets it: page setup, column widths, the look of each kind of text, row heights, the
charts' ranges and sizes (the expected values from docs/term-sheet.md "Print layout" and from the scenario)."""

from __future__ import annotations

import dataclasses
import functools

from types import SimpleNamespace

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils import get_column_letter

from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import write_term_sheet
from workbench.export.page import display_width, header_text, wrapped_height, wrapped_lines
from workbench.export.styles import register_styles

#: A4 landscape: 29.7 cm wide, less the side margins of 0.45 inch each.
PRINTABLE_WIDTH_CM = 29.7 - 2 * 0.45 * 2.54
#: Printable width of every sheet in column-width units (docs/term-sheet.md, "Print layout").
PAGE_UNITS = 138


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    scenario = default_scenario()
    dataset = load_dataset()
    result = evaluate(scenario, dataset=dataset)
    mc = run_monte_carlo(scenario, dataset=dataset, paths=50, seed=7)
    path = tmp_path_factory.mktemp("layout") / "layout.xlsx"
    write_term_sheet(scenario, path, result=result, monte_carlo=mc, dataset=dataset)
    return SimpleNamespace(scenario=scenario, result=result, mc=mc, wb=openpyxl.load_workbook(path))


# -- wrapping and header text: the line model of docs/term-sheet.md ----------------------------------------------------

def test_a_line_holds_one_point_three_characters_per_unit_of_width_less_the_cell_padding():
    # 10 units of 10-pt text: 10 x 1.3 - 1.5 = 11.5 characters a line
    assert wrapped_lines("", 10) == 1 and wrapped_lines("a", 10) == 1
    assert wrapped_lines("aaaaa bbbbb", 10) == 1 and wrapped_lines("aaaaa bbbbbb", 10) == 2
    assert wrapped_lines("aa bb ccccc", 10) == 1                   # 11 characters with their spaces
    assert wrapped_lines("aaaaa bbbbbb cccc", 10) == 2             # the second line: 6 + 1 + 4
    assert wrapped_lines("a\nb", 10) == 2 and wrapped_lines("a\n\nb", 10) == 3
    assert wrapped_lines("x" * 25, 10) == 3                        # an unbroken run is broken: 11.5 + 11.5 + 2
    # 5 units: 6.5 - 1.5 = exactly 5 characters
    assert wrapped_lines("ab cd", 5) == 1 and wrapped_lines("ab cde", 5) == 2
    assert wrapped_lines("abcde", 5) == 1 and wrapped_lines("abcdef", 5) == 2
    # a line never holds fewer than 4 characters, however narrow the column
    assert wrapped_lines("abcd", 1) == 1 and wrapped_lines("abcde", 1) == 2
    # bold text is 8 % wider: 13 / 1.08 - 1.5 = 10.5 characters
    assert wrapped_lines("aaaaa bbbb", 10, bold=True) == 1 and wrapped_lines("aaaaa bbbbb", 10, bold=True) == 2
    # a bigger font holds fewer: 11 pt, 130 / 11 - 1.5 = 10.3
    assert wrapped_lines("aaaaa bbbb", 10, 11) == 1 and wrapped_lines("aaaaa bbbbb", 10, 11) == 2
    # wide characters count two cells: six of them are 12 cells
    assert wrapped_lines("日本語日本語", 10) == 2 and wrapped_lines("日本語日本", 10) == 1


def test_a_row_is_its_lines_at_1_22_times_the_font_size_plus_the_cell_padding():
    assert wrapped_height("Each Party shall", 111, 9) == pytest.approx(13.48)     # "13.5 pt for the 9-pt legal text"
    assert wrapped_height("aaaaa bbbbb", 10) == pytest.approx(14.7)               # 10 pt, not bold by default
    assert wrapped_height("aaaaa bbbbbb", 10) == pytest.approx(2 * 12.2 + 2.5)
    assert wrapped_height(12345, 10) == pytest.approx(14.7)                       # a number as its text


def test_display_width_counts_wide_characters_twice():
    assert display_width("abc") == 3 and display_width("Genève") == 6
    assert display_width("日本") == 4 and display_width("東京 Tokyo") == 10


def test_header_text_is_cut_with_an_ellipsis_to_its_display_width_and_ampersands_doubled():
    assert header_text("abcdefghij", 10) == "abcdefghij"                # exactly the limit: whole
    assert header_text("abcdefghijk", 10) == "abcdefghi\u2026"           # one more: nine and the ellipsis
    assert display_width(header_text("abcdefghijk", 10)) == 10
    assert header_text("abc defghij xyz", 10) == "abc defgh\u2026"
    assert header_text("abcdefgh jk", 10) == "abcdefgh\u2026"            # no space before the ellipsis
    assert header_text("日本語日本語", 10) == "日本語日\u2026"                # 8 cells and the ellipsis
    assert header_text("  DRAFT\n &  secret ", 20) == "DRAFT && secret"
    assert header_text("m" * 70) == "m" * 70 and header_text("m" * 71) == "m" * 69 + "\u2026"   # the marking: 70


def test_the_title_in_the_header_is_cut_only_where_it_would_reach_the_marking():
    from workbench.export.page import setup_page

    def title_shown(title: str, marking: str, banner: str = "") -> str:
        ws = Workbook().active
        setup_page(ws, marking=marking, title=title, header_row=None, freeze=None, widths={}, banner=banner)
        return ws.oddHeader.left.text

    # a short marking leaves a third of the line: 72 characters
    assert title_shown("t" * 72, "DRAFT") == "t" * 72
    assert title_shown("t" * 73, "DRAFT") == "t" * 71 + "\u2026"
    # a 60-character marking at 9 pt (4.6 pt a character) in the middle of the 777.2-pt line leaves
    # (777.2 - 276) / 2 - 15 = 235.6 pt on the left, 58 characters of 8-pt title (4 pt each)
    assert title_shown("t" * 58, "m" * 60) == "t" * 58
    assert title_shown("t" * 59, "m" * 60) == "t" * 57 + "\u2026"
    # a 44-character marking: (777.2 - 202.4) / 2 - 15 = 272.4 pt, 68 characters (68.1: a point less would cut 67)
    assert title_shown("t" * 68, "m" * 44) == "t" * 68
    assert title_shown("t" * 69, "m" * 44) == "t" * 67 + "\u2026"
    # the longest marking, 70 characters: (777.2 - 322) / 2 - 15 = 212.6 pt, 53 characters
    assert title_shown("t" * 53, "m" * 70) == "t" * 53
    assert title_shown("t" * 54, "m" * 70) == "t" * 52 + "\u2026"
    # a banner goes first, in bold, and takes its room from the marking (cut to 70 - 22 - 2) and the title
    ws = Workbook().active
    setup_page(ws, marking="m" * 70, title="t" * 80, header_row=None, freeze=None, widths={},
               banner="INTEGRITY NOT VERIFIED")
    assert ws.oddHeader.center.text == "&BINTEGRITY NOT VERIFIED&B  " + "m" * 45 + "\u2026"
    # centre: 46 cells + 22 x 1.2 for the bold banner = 72.4 x 4.6 = 333.0 pt; (777.2 - 333.0) / 2 - 15 = 207.1
    assert ws.oddHeader.left.text == "t" * 50 + "\u2026"                  # 51 of 4 pt each


# -- the look of each kind of text -------------------------------------------------------------------------------------

NAVY, RED, GREY, DARK = "FF1F3864", "FFC00000", "FF595959", "FF404040"
#: name: (size, bold, italic, colour, fill, wraps, ruled beneath) -- docs/term-sheet.md, "House style"
HOUSE_STYLE = {
    "ts_title": (16, True, False, NAVY, None, True, False),
    "ts_marking": (11, True, False, RED, None, True, False),
    "ts_alarm": (14, True, False, "FFFFFFFF", RED, True, False),
    "ts_alarm_text": (10, True, False, RED, None, True, True),
    "ts_subtitle": (11, False, True, DARK, None, True, False),
    "ts_header": (10, True, False, "FFFFFFFF", NAVY, True, False),
    "ts_section": (11, True, False, NAVY, None, False, False),
    "ts_label": (10, True, False, None, None, True, True),
    "ts_text": (10, False, False, None, None, True, True),
    "ts_legal": (9, False, False, None, None, True, True),
    "ts_item": (9, True, False, None, None, True, True),
    "ts_note": (9, False, True, GREY, None, True, False),
    "ts_comment": (8.5, False, True, GREY, None, True, False),
    "ts_footnote": (8.5, False, True, DARK, None, True, False),
    "ts_signature": (9, False, False, None, None, True, True),
    "ts_clause": (11, True, False, NAVY, "FFE9EDF4", True, False),
    "ts_clause_cont": (10, True, True, NAVY, "FFE9EDF4", True, False),
    "ts_status_agreed": (10, True, False, None, "FFE2EFDA", True, True),       # green
    "ts_status_bracketed": (10, True, False, None, "FFFFF0C2", True, True),    # yellow
    "ts_status_proposed": (10, True, False, None, "FFDDEBF7", True, True),     # blue
    "ts_value": (10, False, False, None, None, True, True),
}
#: Figures: 10 pt, never wrapped (a number is never broken over lines), ruled beneath.
FIGURE_STYLES = ("ts_value_int", "ts_value_rate", "ts_year", "ts_usd_m", "ts_pct", "ts_usd_m_zero", "ts_pct_zero",
                 "ts_m", "ts_m_zero", "ts_share", "ts_rate", "ts_days")


def _look(style) -> tuple:
    font, fill = style.font, style.fill
    colour = font.color.rgb if font.color is not None else None
    filled = fill.fgColor.rgb if fill is not None and fill.fill_type == "solid" else None
    return (font.sz, bool(font.b), bool(font.i), colour, filled, bool(style.alignment.wrap_text),
            style.border.bottom is not None and style.border.bottom.style == "thin")


def test_each_kind_of_text_has_its_documented_font_fill_and_rule():
    wb = Workbook()
    register_styles(wb)
    styles = {s.name: s for s in wb._named_styles}
    for name, look in HOUSE_STYLE.items():
        assert _look(styles[name]) == look, name
        assert styles[name].font.name == "Calibri", name
    for name in FIGURE_STYLES:
        assert _look(styles[name]) == (10, False, False, None, None, False, True), name
    # every style the writers use is one of these: no style without a documented look
    assert set(styles) - {"Normal"} == set(HOUSE_STYLE) | set(FIGURE_STYLES)


#: The house style of figures (docs/term-sheet.md, "Numbers"): sections positive; negative with U+2212; a true zero
#: as the nil dash. Money in millions (",," divides by a million), per cent from percentage points.
FORMATS = {
    "ts_usd_m": '"USD "#,##0.0,," m";"\u2212USD "#,##0.0,," m";"\u2013"',
    "ts_usd_m_zero": '"USD "0.0,," m";"USD "0.0,," m";"\u2013"',        # rounds to zero: no sign either way
    "ts_m": '#,##0.0,,;"\u2212"#,##0.0,,;"\u2013"',
    "ts_m_zero": '0.0,,;0.0,,;"\u2013"',
    "ts_pct": '+0.0"%";"\u2212"0.0"%";"\u2013"',                           # a change: signed
    "ts_share": '0.0"%";"\u2212"0.0"%";"\u2013"',
    "ts_pct_zero": '0.0"%";0.0"%";"\u2013"',
    "ts_days": '0" days";"\u2212"0" days";"\u2013"',
    "ts_year": "0", "ts_value_int": "0",
    "ts_rate": "0.0%", "ts_value_rate": "0.0%",
    "ts_value": "#,##0.####",
}


def test_figures_are_formatted_in_the_house_style_and_text_is_general():
    wb = Workbook()
    register_styles(wb)
    styles = {s.name: s for s in wb._named_styles}
    assert {name: styles[name].number_format for name in FORMATS} == FORMATS
    for name in set(HOUSE_STYLE) - set(FORMATS):
        assert styles[name].number_format == "General", name


# -- page setup --------------------------------------------------------------------------------------------------------

def test_every_sheet_prints_on_a4_landscape_with_the_documented_margins_header_and_footer(exported):
    marking = exported.scenario.document.metadata.classification
    for ws in exported.wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), ws.title       # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0) and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_options.horizontalCentered, ws.title
        m = ws.page_margins
        assert (m.left, m.right, m.top, m.bottom, m.header, m.footer) == (0.45, 0.45, 0.5, 0.5, 0.25, 0.25), ws.title
        # header: the title small on the left, the marking in red in the centre; footer: marking, sheet, page n of N
        assert (ws.oddHeader.left.size, ws.oddHeader.center.size, ws.oddHeader.center.color) == (8, 9, "C00000")
        assert ws.oddHeader.center.text == marking == ws.oddFooter.left.text
        assert (ws.oddFooter.left.size, ws.oddFooter.center.size, ws.oddFooter.right.size) == (8, 8, 8)
        assert ws.oddFooter.center.text == ws.title and ws.oddFooter.right.text == "Page &P of &N"
    # only the term sheet repeats its column headers and keeps them in view
    for ws in exported.wb.worksheets:
        repeated = (ws.print_title_rows, ws.freeze_panes)
        assert repeated == (("$4:$4", "A5") if ws.title == "Term sheet" else (None, None)), ws.title


def test_column_widths_fill_the_printed_width_as_documented(exported):
    wb = exported.wb

    def widths(ws, last: int) -> list[float]:
        return [ws.column_dimensions[get_column_letter(c)].width for c in range(1, last + 1)]

    assert widths(wb["Cover"], 2) == [24, 110]                     # label, value
    assert widths(wb["Term sheet"], 3) == [6, 19, 111]             # No., item, text
    assert widths(wb["Assumptions"], 2) == [44, 92]
    assert widths(wb["Data sources"], 5) == [6, 52, 50, 18, 11]    # No., source, used for, vintage, confidence
    assert widths(wb["Stress tests"], 10) == [22] + [12] * 7 + [16] * 2
    # the result sheets: code 8, name 22, the figures sharing the rest of the page equally
    for name in ("Fiscal cost", "Price effects"):
        ws = wb[name]
        used = ws.max_column
        figures = widths(ws, used)[2:]
        assert widths(ws, 2) == [8, 22] and len(set(figures)) == 1, name
        assert sum(widths(ws, used)) == pytest.approx(PAGE_UNITS), name
        assert get_column_letter(used + 1) not in ws.column_dimensions or \
            not ws.column_dimensions[get_column_letter(used + 1)].width, name


def test_cells_carry_the_style_of_what_they_hold(exported):
    wb = exported.wb
    cover = wb["Cover"]
    assert [cover.cell(r, 1).style for r in range(1, 5)] == ["ts_title", "ts_marking", "ts_marking", "ts_subtitle"]
    terms = wb["Term sheet"]
    assert [terms.cell(4, c).value for c in (1, 2, 3)] == ["No.", "Item", "Text"]
    assert {terms.cell(4, c).style for c in (1, 2, 3)} == {"ts_header"}
    for name in ("Fiscal cost", "Price effects", "Assumptions", "Data sources", "Stress tests"):
        ws = wb[name]
        assert [ws.cell(r, 1).style for r in range(1, 5)] == ["ts_title", "ts_subtitle", "ts_marking", "ts_note"], name
        assert ws.cell(2, 1).value == exported.scenario.document.metadata.title, name
        for r in range(1, 5):   # the title block spans the sheet's width
            assert any(str(rng).startswith(f"A{r}:") for rng in ws.merged_cells.ranges), (name, r)


def test_every_row_is_as_tall_as_its_text_needs_at_its_own_font_and_no_taller(exported):
    """A row taller than its text wastes the page the Pager planned; shorter, it clips."""
    for ws in exported.wb.worksheets:
        _rows_fit_their_text(ws)


def test_a_fiscal_sheet_with_many_partners_gives_each_its_year_column_within_the_page(tmp_path):
    from workbench.document import Scenario

    data = default_scenario().to_data()
    extra = [("CA", "Canada"), ("AU", "Australia"), ("KR", "Korea"), ("IN", "India"), ("GB", "United Kingdom"),
             ("CL", "Chile")]
    template = data["document"]["partners"][0]
    for code, name in extra:
        data["document"]["partners"].append({**template, "code": code, "name": name, "role": "observer"})
    scenario = Scenario.from_data(data)
    result = evaluate(scenario)
    from workbench.export.results import write_fiscal

    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    write_fiscal(ws, scenario, result, run_monte_carlo(scenario, paths=20, seed=1))
    regions = list(result.partner_table.index)
    year_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Year")
    assert [ws.cell(year_row, 2 + k).value for k in range(len(regions))] == \
        [result.region_names.get(g, g) for g in regions]
    used = ws.max_column
    assert used == 1 + len(regions) > 10                 # more columns than the headline table's ten
    total = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, used + 1)]
    assert sum(total) == pytest.approx(PAGE_UNITS) and len(set(total[2:])) == 1


# -- the cover ---------------------------------------------------------------------------------------------------------

def _scenario(**changes):
    """The default scenario with its metadata, clause statuses or history changed."""
    from workbench.document import Scenario

    data = default_scenario().to_data()
    doc = data["document"]
    doc["metadata"].update(changes.get("metadata", {}))
    if "status" in changes:
        for clause in doc["clauses"]:
            clause["status"] = changes["status"]
    if "clauses" in changes:
        doc["clauses"] = changes["clauses"]
        doc["history"] = [h for h in doc["history"] if not h.get("clause_id")]
    doc["history"] += changes.get("history", [])
    return Scenario.from_data(data)


def _cover(scenario, provenance=None, banner: str = ""):
    from workbench.export.cover import write_cover
    from workbench.export.integrity import unsaved

    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = "Cover"
    write_cover(ws, scenario, contents=[("Cover", "this page"), ("Term sheet", "the clauses")],
                modelled="Each bracket's selected alternative", monte_carlo=SimpleNamespace(paths=2000, seed=7),
                provenance=provenance or unsaved(), banner=banner)
    return ws


def _pairs(ws) -> dict[str, str]:
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)
            if ws.cell(r, 1).style == "ts_label"}


def _rows_fit_their_text(ws) -> None:
    """Every wrapped text row exactly as tall as its text needs at its own font (table minimums aside)."""
    spans = {(rng.min_row, rng.min_col): sum(ws.column_dimensions[get_column_letter(c)].width
                                             for c in range(rng.min_col, rng.max_col + 1))
             for rng in ws.merged_cells.ranges}
    for r in range(1, ws.max_row + 1):
        needs = []
        for c in range(1, ws.max_column + 1):
            cell = ws.cell(r, c)
            if isinstance(cell.value, (str, CellRichText)) and cell.alignment.wrap_text:
                width = spans.get((r, c), ws.column_dimensions[get_column_letter(c)].width)
                bold = bool(cell.font.b) or cell.style == "ts_subtitle"   # a subtitle's row is sized as bold
                needs.append(wrapped_height(str(cell.value), width, cell.font.sz, bold))
        height = ws.row_dimensions[r].height
        if needs:
            assert height == pytest.approx(max(needs)) or (height > max(needs) and height in ROW_MINIMUMS), \
                (ws.title, r, height, max(needs))


#: Least heights of a row: a results table's row, an annex or assumptions row, a section title, a signature block.
ROW_MINIMUMS = {15.0, 14.0, 20.0, 26.0}


def test_the_cover_states_the_text_its_parties_and_what_was_checked_in_order():
    from workbench.files import CURRENT_SCHEMA

    scenario = default_scenario()
    meta = scenario.document.metadata
    ws = _cover(scenario)
    assert [ws.cell(r, 1).value for r in range(1, 5)] == [
        meta.title, meta.classification,
        "Draft \u2014 without prejudice \u2014 nothing is agreed until everything is agreed",
        "Rev. 1 \u2014 Round 1 \u2014 trilateral (US, EU, Japan) with the US\u2013Mexico action plan \u2014 2026-11-26"]
    assert sorted(str(rng) for rng in ws.merged_cells.ranges) == ["A1:B1", "A2:B2", "A3:B3", "A4:B4"]
    pairs = _pairs(ws)
    assert list(pairs) == ["Delegation", "Partners", "Observers", "Revision", "Scenario version",
                           "Stored content hash", "Verified", "Status of the text", "Results shown", "Uncertainty",
                           "Description", "Changes since the last round", "Contents"]
    assert pairs["Delegation"] == "US (United States)"
    assert pairs["Partners"] == ("United States (US), member; European Union (EU), member; Japan (JP), member; "
                                 "Mexico (MX), observer")
    assert pairs["Revision"] == "Rev. 1 of the text, round 1"
    assert pairs["Scenario version"].startswith(f"Schema {CURRENT_SCHEMA}, written by workbench ")
    assert pairs["Scenario version"].endswith("; last modified 2026-11-26T09:00:00Z")
    assert pairs["Stored content hash"] == "none (not a saved file)"
    assert pairs["Verified"] == "content hash not checked (not a saved file); not signed"
    # the default text: three agreed (price gap, indium, tungsten), three bracketed, one proposed
    assert pairs["Status of the text"] == ("7 clauses: 3 agreed, 3 bracketed, 1 proposed. Nothing is agreed until "
                                           "everything is agreed.")
    assert pairs["Uncertainty"] == "Monte Carlo over 2,000 price paths, seed 7"
    assert pairs["Contents"] == "Cover \u2014 this page; Term sheet \u2014 the clauses"
    assert pairs["Changes since the last round"].splitlines()[0] == "First round: the whole text is new."
    assert {ws.cell(r, 2).style for r in range(5, ws.max_row + 1) if ws.cell(r, 1).style == "ts_label"} == {"ts_text"}
    assert (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width) == (24, 110)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows is None
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for block in ("Delegation", "Changes since the last round", "Contents"):   # 9 pt of space above each block
        gap = labels[block] - 1
        assert ws.row_dimensions[gap].height == 9.0 and ws.cell(gap, 1).value is None, block
    assert labels["Delegation"] == 6 and labels["Contents"] == ws.max_row
    _rows_fit_their_text(ws)


@pytest.mark.parametrize("status, counts", [("bracketed", "0 agreed, 7 bracketed, 0 proposed"),
                                            ("proposed", "0 agreed, 0 bracketed, 7 proposed")])
def test_the_cover_counts_a_status_no_clause_has_as_zero(status, counts):
    pairs = _pairs(_cover(_scenario(status=status)))
    assert pairs["Status of the text"] == f"7 clauses: {counts}. Nothing is agreed until everything is agreed."


def test_a_cover_without_clauses_says_so():
    pairs = _pairs(_cover(_scenario(clauses=[])))
    assert pairs["Status of the text"] == "No clauses yet. Nothing is agreed until everything is agreed."


@pytest.mark.parametrize("label, shown", [
    ("", "Round 2"), ("Geneva session", "Round 2 \u2014 Geneva session"),
    ("Round 2, Geneva", "Round 2, Geneva"), ("round 2 in Geneva", "round 2 in Geneva")])
def test_the_cover_names_the_round_once(label, shown):
    ws = _cover(_scenario(metadata={"round": 2, "round_label": label, "modified": "2026-12-03T10:00:00Z"}))
    assert ws.cell(4, 1).value == f"Rev. 2 \u2014 {shown} \u2014 2026-12-03"
    assert _pairs(ws)["Revision"] == "Rev. 2 of the text, round 2"


def test_a_later_rounds_changes_name_removed_clauses_and_the_text_and_an_empty_round_says_so():
    later = [{"round": 2, "date": "2026-12-01", "delegation": "EU", "action": "amended", "clause_id": "nickel-cfd",
              "summary": "strike at USD 18,000/t"},
             {"round": 2, "date": "2026-12-01", "delegation": "JP", "action": "withdrawn",
              "clause_id": "gone-clause", "summary": ""},
             {"round": 2, "date": "2026-12-02", "delegation": "MX", "action": "amended"}]
    ws = _cover(_scenario(metadata={"round": 2}, history=later))
    assert _pairs(ws)["Changes since the last round"].splitlines() == [
        "EU amended Clause 3: strike at USD 18,000/t", "JP withdrawn a clause since removed", "MX amended the text"]
    quiet = _cover(_scenario(metadata={"round": 3}))
    pairs = _pairs(quiet)
    assert pairs["Changes since the last round"] == "No changes recorded in the rounds history for this round."
    # its bold label takes two lines of the 24-unit label column, so the row is two 10-pt lines tall
    row = next(r for r in range(1, quiet.max_row + 1) if quiet.cell(r, 1).value == "Changes since the last round")
    assert quiet.row_dimensions[row].height == pytest.approx(2 * 10 * 1.22 + 2.5)
    _rows_fit_their_text(quiet)


def test_a_cover_exported_unverified_says_why_above_the_title():
    from workbench.export.integrity import Provenance

    failed = Provenance("eu.cmws", "ab12cd", False, "not signed")
    ws = _cover(default_scenario(), failed, banner="INTEGRITY NOT VERIFIED")
    assert ws.cell(1, 1).value == ("INTEGRITY NOT VERIFIED \u2014 eu.cmws: not exported: its content hash does not "
                                   "match the document (changed after it was saved, or damaged)")
    assert ws.cell(1, 1).style == "ts_alarm" and ws.cell(2, 1).value == default_scenario().document.metadata.title
    pairs = _pairs(ws)
    assert pairs["Stored content hash"] == "ab12cd"
    assert pairs["Verified"] == "CONTENT HASH DOES NOT MATCH; not signed"
    verified = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Verified")
    assert ws.cell(verified, 2).style == "ts_alarm_text"
    assert ws.oddHeader.center.text.startswith("&BINTEGRITY NOT VERIFIED&B")
    _rows_fit_their_text(ws)


def test_a_long_title_on_the_cover_takes_two_lines_of_16_points():
    # 103 characters of bold 16-pt text in the 134 units of the merged label and value columns: 99 a line
    title = ("Plurilateral critical-minerals trade zone: border floors, contracts for difference and stockpiles "
             "draft")
    assert len(title) == 103
    ws = _cover(_scenario(metadata={"title": title}))
    assert ws.cell(1, 1).value == title
    assert ws.row_dimensions[1].height == pytest.approx(2 * 16 * 1.22 + 2.5)


# -- figures that round to zero ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("style, shown, rounds_to_zero, zero_style", [
    ("ts_usd_m", 50_000, 49_999, "ts_usd_m_zero"),     # USD 0.1 m (Excel rounds half away from zero), 0.0 m
    ("ts_m", 50_000, 49_999, "ts_m_zero"),
    ("ts_pct", 0.05, 0.0499, "ts_pct_zero"),           # +0.1 %, 0.0 %
    ("ts_share", 0.05, 0.0499, "ts_pct_zero"),
])
def test_a_figure_keeps_its_sign_from_the_first_shown_tenth(style, shown, rounds_to_zero, zero_style):
    from workbench.export.cells import put

    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    for value in (shown, -shown):
        assert put(ws, 1, 1, value, style).style == style, value
    for value in (rounds_to_zero, -rounds_to_zero):
        assert put(ws, 1, 1, value, style).style == zero_style, value


# -- charts ------------------------------------------------------------------------------------------------------------

def _ref(formula: str) -> tuple[str, str, int, str, int]:
    """``'Fiscal cost'!$A$12:$A$17`` -> (sheet, first column, first row, last column, last row)."""
    import re

    sheet, cells = formula.rsplit("!", 1)
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?", cells)
    first_col, first_row = m.group(1), int(m.group(2))
    return sheet.strip("'"), first_col, first_row, m.group(3) or first_col, int(m.group(4) or first_row)


def _category(series) -> str:
    cat = series.cat
    return (cat.numRef or cat.strRef).f


@pytest.fixture(scope="module")
def charted(exported):
    from workbench.export.results import write_fiscal, write_prices

    wb = Workbook()
    register_styles(wb)
    fiscal, prices = wb.active, wb.create_sheet()
    fiscal.title, prices.title = "Fiscal cost", "Price effects"
    captioned = write_prices(prices, exported.scenario, exported.result)
    write_fiscal(fiscal, exported.scenario, exported.result, exported.mc, more_charts=(captioned,))
    return fiscal, prices, captioned


def _rows_of(ws, first: str, second: str, codes: list) -> tuple[int, int, int]:
    """(header row, first row, last row) of the table headed ``first | second`` whose rows start with ``codes``."""
    header = next(r for r in range(1, ws.max_row + 1)
                  if ws.cell(r, 1).value == first and ws.cell(r, 2).value == second)
    rows = [header + 1 + k for k in range(len(codes))]
    assert [ws.cell(r, 1).value for r in rows] == codes
    return header, rows[0], rows[-1]


def test_the_charts_plot_every_partner_and_year_of_their_tables(exported, charted):
    fiscal, prices, (caption, price_chart) = charted
    regions = list(exported.result.partner_table.index)
    pv_chart, line_chart = fiscal._charts[:2]
    header, first, last = _rows_of(fiscal, "Code", "Partner", regions)
    assert {_ref(_category(s)) for s in pv_chart.series} == {("Fiscal cost", "A", first, "A", last)}
    for s in pv_chart.series:                        # the title from the header, the values from every partner
        sheet, col, top, col_end, bottom = _ref(s.val.numRef.f)
        assert (sheet, top, bottom, col_end) == ("Fiscal cost", first, last, col)
        assert _ref(s.tx.strRef.f)[1:3] == (col, header)
    years = list(exported.result.years)
    year_header, first_year, last_year = _rows_of(fiscal, "Year", exported.result.region_names.get(regions[0]),
                                                  years)
    assert [fiscal[_ref(s.tx.strRef.f)[1] + str(year_header)].value for s in line_chart.series] == \
        [exported.result.region_names.get(g, g) for g in regions]       # one line per partner, in table order
    assert [_ref(s.tx.strRef.f)[1] for s in line_chart.series] == \
        [get_column_letter(2 + k) for k in range(len(regions))]
    for s in line_chart.series:
        assert _ref(s.val.numRef.f)[2::2] == (first_year, last_year)
        assert _ref(_category(s)) == ("Fiscal cost", "A", first_year, "A", last_year)
    header, first, last = _rows_of(prices, "Code", "Partner", regions)
    assert caption == "Price change against baseline (%)"
    for s in price_chart.series:
        assert _ref(_category(s)) == ("Price effects", "A", first, "A", last)
        assert _ref(s.val.numRef.f)[2::2] == (first, last) and _ref(s.tx.strRef.f)[2] == header


def test_three_charts_side_by_side_fit_the_printed_width_under_their_captions(charted):
    fiscal, _prices, _ = charted
    charts = fiscal._charts
    assert len(charts) == 3
    for chart in charts:                      # 8.9 x 8 cm: three of them fit the 27.4 cm of the page
        assert (chart.width, chart.height) == (8.9, 8.0)
        assert chart.legend.position == "b" and not chart.x_axis.delete and not chart.y_axis.delete
        assert chart.x_axis.tickLblPos == "low"          # category labels under the plot, clear of negative bars
    assert sum(c.width for c in charts) <= PRINTABLE_WIDTH_CM
    assert [c.y_axis.number_format.formatCode for c in charts] == ["#,##0,,", "#,##0,,", "0.0"]   # USD m, USD m, %
    anchors = [(c.anchor._from.col + 1, c.anchor._from.row + 1) for c in charts]
    captions = [(col, row - 1) for col, row in anchors]
    assert [fiscal.cell(row, col).value for col, row in captions] == [
        "Net fiscal cost per partner, PV (USD m)", "Net fiscal cost by year (USD m)",
        "Price change against baseline (%)"]
    assert {fiscal.cell(row, col).style for col, row in captions} == {"ts_section"}
    assert anchors[0][0] == 1


def test_the_yearly_chart_labels_as_many_years_as_fit_its_axis(exported, charted):
    # ten four-digit years side by side on an 8.9-cm axis ran together ("20262027...") when printed (LibreOffice):
    # they are slanted at 45 degrees (DrawingML's 60,000ths of a degree), every year still labelled
    line_chart = charted[0]._charts[1]
    assert len(exported.result.years) == 10 and line_chart.x_axis.txPr.bodyPr.rot == -45 * 60_000
    assert not line_chart.x_axis.tickLblSkip
    pv_chart = charted[0]._charts[0]                     # six partner codes fit level
    assert pv_chart.x_axis.txPr is None


def test_the_three_charts_are_spread_evenly_from_the_left_edge_to_the_right_edge_of_the_tables(charted):
    # the printed row of charts starts at the sheet's left edge, ends at the right edge of its columns and has two
    # equal gaps: each chart sits at its exact offset (in EMU, 12,700 a point) inside the column it starts in
    from workbench.export.results import POINTS_PER_UNIT

    fiscal = charted[0]
    widths = [fiscal.column_dimensions[get_column_letter(c)].width for c in range(1, fiscal.max_column + 1)]
    starts = [sum(widths[:c]) * POINTS_PER_UNIT for c in range(len(widths) + 1)]
    lefts = [starts[c.anchor._from.col] + c.anchor._from.colOff / 12_700 for c in fiscal._charts]
    sizes = [c.width / 2.54 * 72 for c in fiscal._charts]                      # cm to points
    assert [c.anchor.ext.width for c in fiscal._charts] == [round(8.9 / 2.54 * 914_400)] * 3   # EMU, as drawn
    assert lefts[0] == 0.0
    assert lefts[2] + sizes[2] == pytest.approx(starts[-1], abs=0.001)       # to the EMU (1/12,700 pt)
    gaps = [lefts[k + 1] - lefts[k] - sizes[k] for k in range(2)]
    assert gaps[0] == pytest.approx(gaps[1], abs=0.001) and gaps[0] > 5


@pytest.mark.parametrize("years, slanted", [(6, False), (7, True)])
def test_six_year_labels_stand_level_on_the_yearly_chart_and_seven_are_slanted(years, slanted):
    # six four-digit years fit the 8.9-cm axis side by side; from seven they would run together
    import pandas

    from workbench.document import Scenario
    from workbench.engine import evaluate
    from workbench.export.results import write_fiscal

    data = default_scenario().to_data()
    data["document"]["assumptions"]["horizon_years"] = years
    scenario = Scenario.from_data(data)
    result = evaluate(scenario)
    wb = Workbook()
    register_styles(wb)
    no_monte_carlo = SimpleNamespace(summary=pandas.DataFrame(), paths=0, seed=0, cfd_rebate_probability={})
    write_fiscal(wb.active, scenario, result, no_monte_carlo)
    axis = wb.active._charts[1].x_axis
    assert len(result.years) == years
    assert (axis.txPr.bodyPr.rot if slanted else axis.txPr) == (-2_700_000 if slanted else None)   # -45 degrees


def test_results_without_clauses_say_so_instead_of_charts():
    from workbench.export.results import NO_CLAUSES_RESULTS, write_fiscal, write_prices

    scenario = _scenario(clauses=[])
    result = evaluate(scenario)
    wb = Workbook()
    register_styles(wb)
    fiscal, prices = wb.active, wb.create_sheet()
    assert write_prices(prices, scenario, result) is None
    write_fiscal(fiscal, scenario, result, run_monte_carlo(scenario, paths=20, seed=1))
    year = next(r for r in range(1, fiscal.max_row + 1) if fiscal.cell(r, 1).value == "Year")
    figures = [fiscal.cell(r, c).value for r in range(year + 1, year + 1 + len(result.years))
               for c in range(2, 2 + len(result.partner_table.index))]
    assert figures and set(figures) == {0.0}                       # no fiscal flows: nil in every year
    for ws in (fiscal, prices):
        assert not ws._charts
        notes = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == NO_CLAUSES_RESULTS]
        assert len(notes) == 1 and ws.cell(notes[0], 1).style == "ts_note"
        assert ws.row_dimensions[notes[0]].height == 15.0
        assert ws.row_dimensions[notes[0] - 1].height == 9.0          # a gap above it
        assert ws.page_setup.orientation == "landscape"


# -- the assumptions sheet and the data-sources annex ------------------------------------------------------------------

@pytest.mark.parametrize("source, short", [
    ("USGS Mineral Commodity Summaries 2026 - Lithium (Feb 2026; 2025=USGS estimate) https://pubs.usgs.gov/x.pdf",
     "USGS Mineral Commodity Summaries 2026"),
    ("IEA World Energy Outlook 2024 as quoted by X https://x.example/y", "IEA World Energy Outlook 2024 as quoted by "
     "X"),
    ("IMF WEO October 2025; table A4", "IMF WEO October 2025"),
    ("BGS World Mineral Production (2024 edition)", "BGS World Mineral Production"),
    ("  USGS  MCS\n2026 ,", "USGS MCS 2026"),
    ("assumption: share of world demand set by where the using industry is", "Workbench assumptions: flagged, each "
     "with a range, overridable in the scenario"),
    ("Assumption (workbench)", "Workbench assumptions: flagged, each with a range, overridable in the scenario"),
    ("derived: world total minus the named producers", "Derived by the workbench from the sources listed (totals "
     "and differences)"),
    ("Estimated from price series: World Bank Pink Sheet (monthly) https://x", "World Bank Pink Sheet"),
    ("Estimated from price series of the LME", "Estimated from price series of the LME"),
    ("Estimated from price series: LME: cash settlement (daily)", "LME: cash settlement"),
    ("x" * 100, "x" * 100),
    ("x" * 101, "x" * 99 + "\u2026"),
    ("word " * 30, ("word " * 20).rstrip() + "\u2026"),
])
def test_the_annex_cites_each_publication_once_by_its_short_name(source, short):
    from workbench.export.sources import short_source

    assert short_source(source) == short


def _sources():
    import pandas as pd

    rows = [  # mineral, item, source, vintage, confidence
        ("nickel", "production:Indonesia", "USGS MCS 2026 - Nickel (Feb 2026)", "2025 (estimate)", "high"),
        ("cobalt", "production:DRC", "USGS MCS 2026 - Cobalt (Feb 2026)", "2025 (estimate)", "low"),
        ("nickel", "volatility", "Estimated from price series: World Bank Pink Sheet (monthly)", "2021-2025", "medium"),
        ("nickel", "armington_elasticity", "assumption: substitution", "", "assumption"),
        ("lithium", "production:Chile", "Chilean copper commission", "2024", "low"),   # not a mineral of ours
        ("nickel", "demand:JP", "derived: consumption less imports", "", "medium"),
        ("", "gdp_usd_bn:US", "IMF WEO October 2025", "2024", "medium"),
        ("", "gdp_usd_bn:JP", "IMF WEO October 2025", "2023", "high"),
        ("", "us_net_import_reliance_pct", "IMF WEO October 2025", "", "unknown"),
    ]
    return pd.DataFrame(rows, columns=["mineral", "item", "source", "vintage", "confidence"])


def test_the_annex_numbers_sources_alphabetically_assumptions_and_derived_figures_last():
    from workbench.export.sources import annex, citations

    entries = annex(_sources(), {"nickel": "Nickel", "cobalt": "Cobalt"})
    assert [(e["number"], e["source"], e["used_for"], sorted(e["vintages"]), e["confidence"]) for e in entries] == [
        (1, "IMF WEO October 2025", "all minerals (GDP, US net import reliance)", ["2023", "2024"], "medium"),
        (2, "USGS MCS 2026", "Cobalt, Nickel (production)", ["2025"], "low"),            # its lowest confidence
        (3, "World Bank Pink Sheet", "Nickel (price volatility)", ["2021-2025"], "medium"),
        (4, "Workbench assumptions: flagged, each with a range, overridable in the scenario",
         "Nickel (substitution between sources)", [], "assumption"),
        (5, "Derived by the workbench from the sources listed (totals and differences)", "Nickel (demand)", [],
         "medium"),
    ]
    assert citations(entries, "Nickel") == "sources [2], [3], [4], [5] (Data sources annex)"
    assert citations(entries, "Cobalt") == "sources [2] (Data sources annex)"
    assert citations(entries, "Lithium") == "no dataset figures"


def test_model_messages_name_clauses_by_their_number_in_the_text():
    from workbench.export.sources import clause_numbers

    numbered = clause_numbers(default_scenario().document)
    assert numbered("clause 'nickel-cfd' is near the money; Clause 'ndpr-border-floor' binds") == \
        "Clause 3 is near the money; Clause 1 binds"
    assert numbered("clause 'no-such-clause' is unknown") == "clause 'no-such-clause' is unknown"


def test_the_assumptions_sheet_lists_settings_paths_overrides_and_warnings(exported):
    from workbench.document import Scenario
    from workbench.export.sources import annex, write_assumptions

    data = default_scenario().to_data()
    a = data["document"]["assumptions"]
    a["price_paths"] = {"nickel": {"kind": "trend", "annual_change": -0.02}, "cobalt": {"kind": "flat"},
                        "indium": {"kind": "custom", "index": [1.0, 1.1, 0.95] + [1.0] * 7}}
    a["demand_growth"] = {"nickel": 0.04}
    a["elasticity_overrides"] = {"nickel": {"supply": {"ID": 0.5}, "demand": {"JP": -0.3}, "armington": 2.5},
                                 "cobalt": {}}
    a["data_overrides"] = [{"mineral": "nickel", "region": "CN", "field": "production", "value": 2.2e6,
                            "note": "ministry figure"},
                           {"mineral": "cobalt", "field": "reference_price", "value": 33000.0}]
    scenario = Scenario.from_data(data)
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    minerals = {m.id: m.name for m in scenario.document.minerals}
    result = SimpleNamespace(validity_warnings=["clause 'nickel-cfd' is near the money"],
                             warnings=["clause 'nickel-cfd' is near the money", "clause 'tungsten-tariff' binds"])
    mc = SimpleNamespace(paths=500, seed=3, warnings=["few paths"])
    write_assumptions(ws, scenario, result, mc, annex(_sources(), minerals))
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Assumption")
    assert header == 5                                   # straight under the four rows of the title block
    assert ws.cell(header, 2).value == "Value" and ws.cell(header, 1).style == "ts_header"
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 2).style) for r in range(header + 1, ws.max_row + 1)]
    assert rows == [
        ("Base year", 2025, "ts_value_int"), ("Horizon (years)", 10, "ts_value"),
        ("Discount rate", 0.03, "ts_value_rate"), ("Monte Carlo price paths", 500, "ts_value"),
        ("Monte Carlo seed", 3, "ts_value_int"), ("Elasticities varied in Monte Carlo", "no", "ts_value"),
        ("USD per EUR", 1.13, "ts_value"), ("USD per JPY", 0.0067, "ts_value"), ("USD per MXN", 0.053, "ts_value"),
        ("Baseline price path, Nickel", "\u22122.0% a year", "ts_value"),
        ("Baseline price path, Cobalt", "flat", "ts_value"),
        ("Baseline price path, Indium", "custom index 1, 1.1, 0.95" + ", 1" * 7, "ts_value"),
        ("Demand growth, Nickel", 0.04, "ts_value_rate"),
        ("Elasticities, Nickel", "supply ID 0.5; demand JP -0.3; Armington 2.5", "ts_value"),
        ("Elasticities, Cobalt", "dataset values", "ts_value"),
        ("Override: Nickel production (CN)", "2.2e+06 \u2014 ministry figure", "ts_value"),
        ("Override: Cobalt reference_price (*)", "33000", "ts_value"),
        *[(f"Dataset figures, {name}", f"sources [2]{', [3], [4], [5]' if name == 'Nickel' else ''} (Data "
           "sources annex)" if name in ("Nickel", "Cobalt") else "no dataset figures", "ts_value")
          for name in minerals.values()],
        ("Outside the model's range", "Clause 3 is near the money", "ts_value"),
        ("Model warning", "Clause 6 binds", "ts_value"),          # the range warning is not repeated
        ("Monte Carlo warning", "few paths", "ts_value"),
    ]
    assert {ws.cell(r, 1).style for r in range(header + 1, ws.max_row + 1)} == {"ts_label"}
    _rows_fit_their_text(ws)


def test_the_annex_sheet_has_one_numbered_row_per_source(exported):
    ws = exported.wb["Data sources"]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "No.")
    assert header == 5
    assert [ws.cell(header, c).value for c in range(1, 6)] == ["No.", "Source", "Used for", "Vintage",
                                                               "Confidence (lowest)"]
    numbers = [ws.cell(r, 1).value for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).style == "ts_item"]
    assert numbers == [f"[{n}]" for n in range(1, len(numbers) + 1)] and len(numbers) >= 5
    assert {ws.cell(r, c).style for r in range(header + 1, ws.max_row + 1) for c in range(2, 6)
            if ws.cell(r, c).value is not None} == {"ts_legal"}


# -- the term sheet proper ---------------------------------------------------------------------------------------------

def _terms(scenario, body_height: float | None = None, monkeypatch=None):
    from workbench.export import page
    from workbench.export.terms import write_terms

    if body_height is not None:
        monkeypatch.setattr(page, "BODY_HEIGHT_PT", body_height)
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = "Term sheet"
    meta = scenario.document.metadata
    write_terms(ws, scenario, title_rows=[("Term sheet", "ts_title"), (meta.title, "ts_subtitle"),
                                          (meta.classification, "ts_marking")])
    return ws


def _headings(ws) -> list[int]:
    return [r for r in range(5, ws.max_row + 1)
            if ws.cell(r, 1).style == "ts_clause" and str(ws.cell(r, 1).value).isdigit()]


def test_clauses_are_six_points_apart_unless_one_starts_a_page(exported):
    ws = exported.wb["Term sheet"]
    breaks = {b.id for b in ws.row_breaks.brk}
    headings = _headings(ws)
    assert [ws.cell(r, 1).value for r in headings] == [str(n) for n in range(0, 9)]   # 0, clauses 1-7, 8 final
    assert headings[0] == 5                          # straight under the column headers
    signed = next(r for r in range(1, ws.max_row + 1)
                  if ws.cell(r, 3).value == "Signed for the Parties, ad referendum:")
    for r in headings[1:] + [signed]:
        if r - 1 not in breaks:
            assert ws.row_dimensions[r - 1].height == 6.0 and ws.cell(r - 1, 3).value is None, r
    assert ws.cell(signed, 3).style == "ts_section"
    assert ws.row_dimensions[signed].height == pytest.approx(11 * 1.22 + 2.5)        # one 11-pt line
    members = ["For the United States", "For the European Union", "For Japan"]
    rows = [signed + 1 + k for k in range(3)]
    assert [ws.cell(r, 2).value for r in rows] == members and rows[-1] == ws.max_row
    assert {ws.cell(r, 2).style for r in rows} == {"ts_item"} and {ws.cell(r, 3).style for r in rows} == \
        {"ts_signature"}
    assert {ws.row_dimensions[r].height for r in rows} == {26.0}                       # room to sign
    # the two reservations are footnotes numbered through the text: 1 under clause 3, 2 under clause 7
    notes = [(r, ws.cell(r, 3).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 3).style == "ts_footnote"]
    assert [text for _, text in notes] == ["\u00b9 EU reserves its position on this clause.",
                                           "\u00b2 MX reserves its position on this clause."]
    assert str(ws.cell(headings[3], 3).value).endswith("\u00b9") and str(ws.cell(headings[7], 3).value).endswith(
        "\u00b2")
    assert headings[3] < notes[0][0] < headings[4] and headings[7] < notes[1][0] < headings[8]


def test_a_text_without_clauses_defines_its_terms_says_so_and_keeps_its_final_provisions():
    from workbench.export.terms import CONVENTIONS, NO_CLAUSES

    ws = _terms(_scenario(clauses=[]))
    assert [ws.cell(r, 1).value for r in range(1, 5)] == ["Term sheet", default_scenario().document.metadata.title,
                                                          default_scenario().document.metadata.classification, "No."]
    assert (ws.cell(5, 1).value, ws.cell(5, 3).value) == ("0", "Definitions")      # no common terms to state
    assert (ws.cell(6, 1).value, ws.cell(6, 2).value) == ("0.1", "Parties")
    texts = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)]
    assert texts.index(NO_CLAUSES) == texts.index(CONVENTIONS) + 2                 # after a gap
    assert ws.cell(texts.index(NO_CLAUSES) + 1, 3).style == "ts_legal"
    final = _headings(ws)[1]
    assert (ws.cell(final, 1).value, ws.cell(final, 3).value) == ("1", "Final provisions")
    assert ws.cell(final + 1, 1).value == "1.1"
    _rows_fit_their_text(ws)


def test_a_clause_longer_than_a_page_continues_under_its_number_and_title(monkeypatch):
    ws = _terms(default_scenario(), body_height=180.0, monkeypatch=monkeypatch)
    scenario = default_scenario()
    titles = {str(n): c.title for n, c in enumerate(scenario.document.clauses, start=1)}
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    assert len(breaks) > 10
    # no page holds more than the 180 points: the first with the title rows, the others under the repeated header
    for first, last in zip([1] + [b + 1 for b in breaks], breaks + [ws.max_row]):
        repeated = ws.row_dimensions[4].height if first > 1 else 0.0
        assert sum(ws.row_dimensions[r].height or 0.0 for r in range(first, last + 1)) + repeated <= 180.0, first
    continued = 0
    for b in breaks:
        top = b + 1
        above = [r for r in _headings(ws) if r < top][-1]
        number = ws.cell(above, 1).value
        if ws.cell(top, 1).style == "ts_clause" or ws.cell(top, 3).value == "Signed for the Parties, ad referendum:":
            continue                                        # a clause or the signatures starting their page
        continued += 1
        assert [ws.cell(top, c).style for c in (1, 2, 3)] == ["ts_clause_cont"] * 3, top
        if number == "0":
            assert ws.cell(top, 2).value == "0 (cont.)" and ws.cell(top, 3).value == "Definitions and common terms"
        elif number in titles:
            assert ws.cell(top, 2).value == f"Clause {number} (cont.)" and ws.cell(top, 3).value == titles[number]
        else:
            assert ws.cell(top, 2).value == f"{number} (cont.)" and ws.cell(top, 3).value == "Final provisions"
        assert ws.cell(top, 1).value in (None, "")
    assert continued >= 5
    _rows_fit_their_text(ws)


def test_footnote_marks_are_superscript_numbers():
    from workbench.export.terms import footnote_mark

    assert [footnote_mark(n) for n in (1, 2, 3, 10, 12)] == ["\u00b9", "\u00b2", "\u00b3", "\u00b9\u2070",
                                                             "\u00b9\u00b2"]


# -- the stress tests sheet --------------------------------------------------------------------------------------------

def _event(kind: str, **fields):
    base = dict(kind=kind, mineral="indium", supplier="CN", start_year=2029, duration_years=2, share_withheld=0.5,
                licensing_delay=False, targets=SimpleNamespace(value="all"), target_partners=[], price_cut=0.3,
                region="*", share_lost=0.25)
    return SimpleNamespace(**{**base, **fields})


@pytest.mark.parametrize("event, text", [
    (_event("export_restriction"), "Export restriction \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 50 % of "
     "exports withheld \u00b7 targets: all importers \u00b7 years: 2029\u20132030"),
    (_event("export_restriction", share_withheld=1.0, licensing_delay=True, duration_years=1,
            targets=SimpleNamespace(value="partners"), target_partners=["JP", "EU"]),
     "Export restriction \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 100 % of exports withheld (licensing "
     "delay) \u00b7 targets: named importers (JP, EU) \u00b7 years: 2029\u20132029"),
    (_event("export_restriction", targets=SimpleNamespace(value="zone"), target_partners=["JP"]),
     "Export restriction \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 50 % of exports withheld \u00b7 targets: "
     "the zone's members (US, EU, JP) \u00b7 years: 2029\u20132030"),
    (_event("dumping", price_cut=0.75, start_year=2027, duration_years=3),
     "Dumping episode \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 export price cut by 75 % (export subsidy) "
     "\u00b7 years: 2027\u20132029"),
    (_event("supply_outage", region="ID", share_lost=0.6),
     "Supply outage \u00b7 mineral: indium \u00b7 region: ID \u00b7 60 % of output lost \u00b7 years: 2029\u20132030"),
    (_event("supply_outage"), "Supply outage \u00b7 mineral: indium \u00b7 region: every producing region \u00b7 "
     "25 % of output lost \u00b7 years: 2029\u20132030"),
])
def test_each_stress_event_is_described_in_one_line(event, text):
    from workbench.export.stress_sheet import describe

    assert describe(event, ["US", "EU", "JP"]) == text


def test_the_line_about_a_test_gives_the_export_tax_equivalent_and_the_source():
    from workbench.export.stress_sheet import about

    event = _event("export_restriction")
    described = ("Export restriction \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 50 % of exports withheld "
                 "\u00b7 targets: all importers \u00b7 years: 2029\u20132030")
    assert about(event, [], "USGS", [12.5, None, 1234.56]) == (
        described + " \u00b7 export-tax equivalent with the agreement, by year in force: 12.5\u00a0%, ban, "
        "1,234.6\u00a0%. Source: USGS")
    assert about(event, [], "", []) == described + ". Source: none given."
    assert about(None, [], "USGS", []) == "Source: USGS"


def test_a_long_line_is_cut_at_a_word_to_its_lines():
    from workbench.export.stress_sheet import CUT, fit_lines

    assert fit_lines("one two three", 10, 10, 2) == "one two three"
    text = " ".join(f"word{k}" for k in range(60))          # 60 x 6 characters: about 4 lines of 96
    cut = fit_lines(text, 75, 10, 2)
    assert cut.endswith(CUT) and wrapped_lines(cut, 75, 10) == 2
    kept = cut[: -len(CUT)].split(" ")
    assert kept == text.split(" ")[: len(kept)]                # whole words, in order
    assert wrapped_lines(" ".join(text.split(" ")[: len(kept) + 1]) + CUT, 75, 10) > 2   # the longest that fits
    assert fit_lines("a, b, c; " + "x" * 300, 40, 10, 1) == "a, b, c" + CUT            # trailing punctuation dropped
    assert fit_lines("x" * 300 + " tail", 40, 10, 1) == CUT     # a first word longer than the lines: the cut alone


@pytest.mark.parametrize("style, value, shown", [
    ("ts_stress_t", 0.4, "ts_stress_t_zero"), ("ts_stress_t", -0.4, "ts_stress_t_zero"),
    ("ts_stress_t", 0.6, "ts_stress_t"), ("ts_stress_t", -1.0, "ts_stress_t"), ("ts_stress_t", 0.0, "ts_stress_t"),
    ("ts_usd_m", 40_000.0, "ts_usd_m_zero"), ("ts_usd_m", 60_000.0, "ts_usd_m"), ("ts_usd_m", 0.0, "ts_usd_m"),
    ("ts_pct", 0.04, "ts_pct_zero"), ("ts_pct", -0.06, "ts_pct"), ("ts_share", 0.01, "ts_pct_zero"),
    ("ts_days", 0.01, "ts_days"),
])
def test_a_stress_figure_that_rounds_to_zero_is_shown_without_a_sign(style, value, shown):
    from workbench.export.stress_sheet import figure_style, shown_style

    assert shown_style(style, value) == shown
    assert figure_style(style, value) == (shown if style == "ts_stress_t" else style)


def test_tonnes_styles_are_added_once_in_the_house_style():
    from workbench.export.stress_sheet import FMT_TONNES, FMT_TONNES_ROUNDS_TO_ZERO, register_stress_styles

    wb = Workbook()
    register_styles(wb)
    register_stress_styles(wb)
    register_stress_styles(wb)                               # a second sheet of the same workbook: no error
    styles = {s.name: s for s in wb._named_styles}
    assert (styles["ts_stress_t"].number_format, styles["ts_stress_t_zero"].number_format) == \
        (FMT_TONNES, FMT_TONNES_ROUNDS_TO_ZERO) == ('#,##0" t";"\u2212"#,##0" t";"\u2013"', '0" t";0" t";"\u2013"')
    assert _look(styles["ts_stress_t"]) == _look(styles["ts_stress_t_zero"]) == (10, False, False, None, None,
                                                                                 False, True)


@functools.lru_cache(maxsize=None)
def _default_stress():
    """The default scenario and its stress tests (run once: the sheet only reads them)."""
    from workbench.engine.stress import run_stress_tests

    scenario = default_scenario()
    return scenario, run_stress_tests(scenario)


def _stress_sheet(body_height: float | None = None, monkeypatch=None, stress=None):
    """The stress-test sheet of ``stress`` (scenario, result; the default scenario's if None), on pages
    ``body_height`` points tall if given."""
    from workbench.export import page
    from workbench.export.stress_sheet import write_stress

    if body_height is not None:
        monkeypatch.setattr(page, "BODY_HEIGHT_PT", body_height)
    wb = Workbook()
    register_styles(wb)
    write_stress(wb.active, *(stress or _default_stress()))
    return wb.active


def test_stress_tests_on_short_pages_repeat_both_header_rows_and_continue_a_long_test(monkeypatch):
    from workbench.export.stress_sheet import GROUPS

    ws = _stress_sheet(130.0, monkeypatch)
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    assert len(breaks) >= 3
    assert all(ws.cell(b, 1).value != "Partner" for b in breaks)     # never the header rows alone at a page's foot
    groups = [label for label, _ in GROUPS]
    first = [r for r in range(5, breaks[0] + 1) if ws.cell(r, 1).value or ws.cell(r, 2).value]
    for top in first[:1] + [b + 1 for b in breaks]:         # each page's first row under the title block
        rows = {ws.cell(r, 1).value: r for r in range(top, top + 4)}
        group_row = next(r for r in range(top, top + 2) if ws.cell(r, 2).value == groups[0])
        assert [ws.cell(group_row, c).value for c in (2, 4, 6, 8, 9, 10)] == groups
        assert [ws.cell(group_row, c).value for c in (3, 5, 7)] == [None] * 3
        assert ws.cell(group_row + 1, 1).value == "Partner" and ws.cell(group_row, 1).style == "ts_header"
        assert "Partner" in rows
    group_row = next(r for r in range(5, ws.max_row) if ws.cell(r, 2).value == groups[0])
    spans = sorted(str(r).replace(str(group_row), "#") for r in ws.merged_cells.ranges if r.min_row == group_row)
    assert spans == ["B#:C#", "D#:E#", "F#:G#"]               # the pairs w/o | with under one label
    continued = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).endswith(" (cont.)")]
    assert continued and all(ws.cell(r, 1).style == "ts_clause_cont" for r in continued)
    for r in continued:                                      # under the test's title, then the header rows again
        title = ws.cell(r, 1).value.removesuffix(" (cont.)")
        assert any(ws.cell(h, 1).value == title for h in range(5, r))
        assert ws.cell(r + 1, 2).value == groups[0] and ws.cell(r + 2, 1).value == "Partner"
    _rows_fit_their_text(ws)


# -- the Pager: page breaks of its own ---------------------------------------------------------------------------------

def _pager(capacity: float = 100.0, repeated: float = 0.0):
    from workbench.export.page import Pager

    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    pager = Pager(ws, 3, repeated)
    pager.capacity = capacity
    return ws, pager


def _rows(*heights: float, joined: bool = False, log: list | None = None):
    from workbench.export.page import Row

    def write(r: int) -> None:
        if log is not None:
            log.append(r)
    return [Row(h, write, joined=joined and k > 0) for k, h in enumerate(heights)]


def _breaks(ws) -> list[int]:
    return [b.id for b in ws.row_breaks.brk]


def test_a_page_holds_the_a4_landscape_height_less_half_inch_margins_at_99_percent():
    from workbench.export.page import Pager, Row

    ws = Workbook().active
    assert Pager(ws, 1).capacity == pytest.approx((595.3 - 72 * (0.5 + 0.5)) * 0.99)   # 518.1 pt, none repeated
    assert Pager(ws, 1, 15.0).capacity == pytest.approx((595.3 - 72) * 0.99 - 15.0)           # less repeated rows
    assert Row(10.0, print).joined is False


def test_the_pager_writes_rows_downwards_at_their_heights():
    log: list[int] = []
    ws, pager = _pager()
    assert (pager.row, pager.used) == (3, 0.0)
    assert pager.put(_rows(12.5, log=log)[0]) == 3 and pager.put(_rows(7.0, log=log)[0]) == 4
    assert log == [3, 4] and (ws.row_dimensions[3].height, ws.row_dimensions[4].height) == (12.5, 7.0)
    assert (pager.row, pager.used) == (5, 19.5)


def test_a_gap_is_dropped_at_the_top_of_a_page_and_where_it_would_not_fit():
    ws, pager = _pager()
    pager.gap()
    assert pager.row == 3                                    # nothing above it: no gap
    pager.put(_rows(82.0)[0])
    pager.gap()                                              # 82 + 9 = 91: fits
    assert (pager.row, pager.used, ws.row_dimensions[4].height) == (5, 91.0, 9.0)
    pager.gap(9.0)                                           # 91 + 9 = 100: exactly fits
    assert pager.used == 100.0
    pager.gap(0.5)                                           # 100.5: does not
    assert (pager.row, pager.used) == (6, 100.0)
    assert pager.fits(0.0) and not pager.fits(0.5)


def test_a_new_page_breaks_after_the_last_row_and_never_on_an_empty_page():
    ws, pager = _pager()
    pager.new_page()
    assert _breaks(ws) == []
    pager.put(_rows(10.0)[0])
    pager.new_page()
    assert _breaks(ws) == [3] and (pager.used, pager.row) == (0.0, 4)
    pager.put(_rows(0.5)[0])
    pager.new_page()                                         # half a point is a page's content too
    assert _breaks(ws) == [3, 4]


def test_a_block_is_kept_whole_when_it_fits_a_page_and_split_under_its_continuation_when_not():
    ws, pager = _pager()
    pager.put(_rows(40.0)[0])
    assert pager.block(_rows(30.0, 30.0)) == 4 and _breaks(ws) == []          # 100 exactly: same page
    ws, pager = _pager()
    pager.put(_rows(40.0)[0])
    assert pager.block(_rows(30.0, 30.5)) == 4 and _breaks(ws) == [3]         # whole to the next page
    assert pager.used == 60.5
    ws, pager = _pager()
    pager.put(_rows(40.0)[0])
    log: list[int] = []
    first = pager.block(_rows(*[20.0] * 7), _rows(10.0, log=log))             # 140: longer than a page
    assert first == 4 and _breaks(ws) == [6] and log == [7]                    # 40 + 3 x 20, then cont. + 4 rows
    assert (pager.used, pager.row) == (10.0 + 4 * 20.0, 12)
    assert ws.row_dimensions[7].height == 10.0
    # without keep, a block is split at once, but never leaves its first two rows' heading alone at the foot
    ws, pager = _pager()
    pager.put(_rows(70.0)[0])
    pager.block(_rows(20.0, 20.0, 20.0), keep=False)
    assert _breaks(ws) == [3]                                                 # 70 + 40 > 100: all on the next
    ws, pager = _pager()
    pager.put(_rows(60.0)[0])
    pager.block(_rows(20.0, 20.0, 20.0), keep=False)
    assert _breaks(ws) == [5]                                                 # two rows fit, the third goes on


def test_joined_rows_go_with_the_row_they_join():
    ws, pager = _pager()
    pager.put(_rows(50.0)[0])
    pager.block(_rows(10.0, 10.0) + _rows(20.0, 20.0, joined=True) + _rows(15.0, 15.0, joined=True), keep=False)
    # 50 + 20 + 40 = 110 > 100: the joined pair (20 + 20) goes to the next page whole
    assert _breaks(ws) == [5]
    ws, pager = _pager()
    pager.block(_rows(30.0) + _rows(40.0, 40.0, 40.0, joined=True), keep=False)
    assert _breaks(ws) == [4]                                 # a group longer than the page is split by rows


def test_a_group_exactly_as_tall_as_a_page_under_its_continuation_rows_moves_whole():
    # a page of 100 with 20 of continuation rows holds a group of 80 whole: it goes to the next page together; a
    # group of 80.5 can never be whole on a page, so it is split by rows where it stands
    ws, pager = _pager()
    pager.block(_rows(30.0) + _rows(40.0, 40.0, joined=True), _rows(20.0), keep=False)
    assert _breaks(ws) == [3] and ws.row_dimensions[4].height == 20.0          # continuation, then the group
    ws, pager = _pager()
    pager.block(_rows(30.0) + _rows(40.0, 40.5, joined=True), _rows(20.0), keep=False)
    assert _breaks(ws) == [4]


def test_result_tables_are_titled_20_points_tall_9_points_apart_and_charts_sit_on_16_rows(exported):
    for name in ("Fiscal cost", "Price effects"):
        ws = exported.wb[name]
        breaks = {b.id for b in ws.row_breaks.brk}
        titles = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).style == "ts_section"]
        assert len(titles) >= 2, name
        for r in titles:
            assert ws.row_dimensions[r].height == 20.0, (name, r)
            if r - 1 not in breaks and not str(ws.cell(r, 1).value).endswith("(cont.)"):
                assert ws.row_dimensions[r - 1].height == 9.0 and ws.cell(r - 1, 1).value is None, (name, r)
        for r in titles:                            # a table title, its header row, then its first row
            if ws.cell(r + 1, 1).style == "ts_header":
                assert ws.cell(r + 2, 1).style in ("ts_label", "ts_year"), (name, r)
    ws = exported.wb["Fiscal cost"]
    caption = next(r for r in range(1, ws.max_row + 1)
                   if ws.cell(r, 1).value == "Net fiscal cost per partner, PV (USD m)")
    # an 8-cm chart is 226.8 pt tall: 16 empty rows of 15 pt (240 pt) under the captions, the sheet's last rows
    assert [ws.row_dimensions[r].height for r in range(caption + 1, caption + 18)] == [15.0] * 16 + [None]


def test_a_figure_a_result_does_not_have_is_left_empty():
    import pandas as pd

    from workbench.export.results import _value

    frame = pd.DataFrame({"fiscal_cost_pv_usd": [1.5e6]}, index=["US"])
    assert _value(frame, "US", "fiscal_cost_pv_usd") == 1.5e6
    assert _value(frame, "EU", "fiscal_cost_pv_usd") is None             # a partner without a row
    assert _value(frame, "US", "p50_pv_usd") is None                     # a column the result does not have
    assert _value(frame, "EU", "p50_pv_usd") is None


def test_a_result_table_never_leaves_its_title_and_header_without_a_row_at_a_pages_foot():
    from workbench.export.results import _Tables

    ws, pager = _pager()
    pager.put(_rows(50.0)[0])                     # 50 used; with the 9-pt gap, title and header (34.7) would fit
    tables = _Tables(ws, pager, {1: 8, 2: 22})
    body = [[(code, "ts_label"), (name, "ts_label")] for code, name in
            (("US", "United States"), ("EU", "European Union"), ("JP", "Japan"), ("MX", "Mexico"), ("CN", "China"),
             ("ROW", "Rest of world"))]                  # 20 + 14.7 + 6 x 15: longer than a page, so it is split
    header, last = tables.table("Net fiscal cost", ["Code", "Partner"], body)
    assert _breaks(ws)[0] == 4                    # after the gap: title, header and first row start the next page
    assert (ws.cell(5, 1).value, ws.cell(6, 1).value, ws.cell(7, 1).value) == ("Net fiscal cost", "Code", "US")
    assert header == 6 and ws.cell(last, 2).value == "Rest of world"
    assert [ws.row_dimensions[r].height for r in range(5, 9)] == [20.0, pytest.approx(14.7), 15.0, 15.0]


def test_a_long_result_table_continues_under_its_title_and_header_and_keeps_groups_together():
    from workbench.export.results import _Tables

    ws, pager = _pager(capacity=130.0)
    tables = _Tables(ws, pager, {1: 8, 2: 22})
    body = [[(m, "ts_label"), (region, "ts_label")] for m in ("Nickel", "Cobalt", "Indium")
            for region in ("US", "EU", "JP")]
    tables.table("By mineral", ["Mineral", "Code"], body, group=0)
    breaks = _breaks(ws)
    assert breaks
    for b in breaks:     # each page goes on with the title (cont.) and header, then a mineral's first row
        assert (ws.cell(b + 1, 1).value, ws.cell(b + 2, 1).value) == ("By mineral (cont.)", "Mineral")
        assert ws.cell(b + 3, 1).value != ws.cell(b, 1).value and ws.cell(b + 3, 2).value == "US"


def test_a_clause_status_and_a_continued_label_take_one_line_of_the_item_column():
    # the heading row is sized by the clause's title alone: its status and "(cont.)" label never need a second line
    from workbench.export.terms import WIDTHS

    for status in ("Agreed", "Bracketed", "Proposed"):
        assert wrapped_lines(status, WIDTHS["B"], 11, bold=True) == 1
    assert wrapped_lines("Clause 999 (cont.)", WIDTHS["B"], 10, bold=True) == 1
    assert wrapped_lines("Clause 9999 (cont.)", WIDTHS["B"], 10, bold=True) == 1


def test_every_stress_header_label_fits_one_line_of_its_columns():
    from workbench.export.stress_sheet import COLUMNS, GROUPS, HEADER_ROW_HEIGHT, WIDTHS

    col = 1
    for label, span in GROUPS:                               # each group's label over its columns
        assert wrapped_lines(label, sum(WIDTHS[col:col + span]), bold=True) == 1, label
        col += span
    for head, width in zip(["Partner"] + [h for _, h, _ in COLUMNS], WIDTHS):
        assert wrapped_lines(head, width, bold=True) == 1, head
    assert HEADER_ROW_HEIGHT == pytest.approx(14.7)          # one 10-pt line


def test_a_stress_test_too_long_for_a_page_starts_where_its_first_rows_fit(monkeypatch):
    # a test with its header rows would not fit a whole page: it is split, not moved to a new page first
    ws = _stress_sheet(150.0, monkeypatch)
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    second = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("2. "))
    last_of_first = second - 1
    assert ws.cell(last_of_first, 1).style == "ts_label"         # the first test's last partner row...
    assert not any(last_of_first <= b < second for b in breaks)  # ...and the second test's heading share a page


@functools.lru_cache(maxsize=None)
def _long_first_title():
    """The default scenario and its stress tests, the first with a title long enough for two lines."""
    scenario, result = _default_stress()
    first = dataclasses.replace(result.tests[0], title=result.tests[0].title + ", " + "with a long explanation " * 5)
    return scenario, dataclasses.replace(result, tests=[first, *result.tests[1:]])


def _heading_row(ws, number: int) -> int:
    return next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith(f"{number}. "))


def test_a_stress_test_filling_a_page_exactly_with_the_header_rows_moves_whole_to_a_new_page(monkeypatch):
    # pages exactly as tall as the second test and the two header rows: it does not fit below the end of the first
    # test, so it starts a new page whole (under the header rows) rather than being split; a hundredth of a point
    # less and it can never fit a page whole, so it starts where its heading, its line and a first row fit
    probe = _stress_sheet(1000.0, monkeypatch, _long_first_title())
    second = _heading_row(probe, 2)
    whole = sum(probe.row_dimensions[r].height for r in range(second, _heading_row(probe, 3)))
    headers = sum([probe.row_dimensions[second - 2].height, probe.row_dimensions[second - 1].height])
    exact = whole + headers
    ws = _stress_sheet(exact, monkeypatch, _long_first_title())
    second = _heading_row(ws, 2)
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    assert ws.cell(second - 1, 1).value == "Partner"                 # under the header rows of a new page...
    assert second - 3 in breaks                                       # ...which begins right there
    assert not any(second <= b < _heading_row(ws, 3) - 3 for b in breaks)   # and is not split: whole on the page
    ws = _stress_sheet(exact - 0.01, monkeypatch, _long_first_title())
    second = _heading_row(ws, 2)
    assert ws.cell(second - 1, 1).style == "ts_label"                # right after the first test's last row
    assert any(second <= b < _heading_row(ws, 3) - 3 for b in sorted(b.id for b in ws.row_breaks.brk))   # split


def test_a_stress_test_with_no_equilibrium_says_so_on_one_line_in_place_of_its_partner_rows():
    scenario, result = _default_stress()
    assert result.tests[0].kind == "export_restriction"
    failed = dataclasses.replace(result.tests[0], error="prices diverge in 2029")
    ws = _stress_sheet(stress=(scenario, dataclasses.replace(result, tests=[failed, *result.tests[1:]])))
    first, second = _heading_row(ws, 1), _heading_row(ws, 2)
    line = first + 2
    assert ws.cell(line, 1).value == ("No result: the market has no equilibrium under this stress "
                                      "(prices diverge in 2029)")
    assert ws.cell(line, 1).style == "ts_text"
    assert ws.row_dimensions[line].height == pytest.approx(10 * 1.22 + 2.5)          # one line of 10-pt text
    assert [ws.cell(r, 1).value for r in range(line + 1, second)] == [None] * (second - line - 1)  # no partner rows
    # no export-tax equivalent for a restriction that has no result
    assert "export-tax equivalent" not in ws.cell(first + 1, 1).value
    assert "export-tax equivalent" in _stress_sheet().cell(first + 1, 1).value


def test_a_long_scenario_title_on_the_term_sheet_takes_two_lines_sized_as_bold():
    # 152 characters at 11 pt across the 136 units of the sheet: one line of plain text (159), two of bold (145)
    title = ("Plurilateral critical-minerals trade zone: price floors, contracts for difference, stockpiles and "
             "tariffs among the parties, working draft for round two")
    ws = _terms(_scenario(metadata={"title": title}))
    assert ws.cell(2, 1).value == title and ws.cell(2, 1).style == "ts_subtitle"
    assert ws.row_dimensions[2].height == pytest.approx(2 * 11 * 1.22 + 2.5)


def test_the_first_stress_test_starts_on_the_first_page_exactly_when_its_first_rows_fit_there(monkeypatch):
    # the page holds the title block, 4 pt, the two header rows and the test's heading, line and first row: then it
    # starts there; a hundredth of a point less and the headers and test start the next page
    ws = _stress_sheet()
    heights = {r: ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)}
    heading = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("1. "))
    title = 0.0
    for r in range(1, 5):
        title += heights[r]
    headers = sum([heights[heading - 2], heights[heading - 1]])
    start = sum([heights[heading], heights[heading + 1], heights[heading + 2]])
    exact = title + (4.0 + headers + start)
    assert all(b.id > heading for b in _stress_sheet(exact, monkeypatch).row_breaks.brk)  # no break before the test
    moved = _stress_sheet(exact - 0.01, monkeypatch)
    assert min(b.id for b in moved.row_breaks.brk) == 4                      # the title block alone on page 1


def test_a_partner_row_names_the_partner_then_its_code_unless_the_name_is_the_code():
    """'Mexico (MX)', but a partner recorded under its code alone reads 'MX', not 'MX (MX)'."""
    import dataclasses

    scenario, result = _default_stress()
    first = result.tests[0]
    renamed = dataclasses.replace(first, region_names={**first.region_names, "MX": "MX"})
    sheet = _stress_sheet(stress=(scenario, dataclasses.replace(result, tests=[renamed, *result.tests[1:]])))
    labels = [c.value for c in sheet["A"] if isinstance(c.value, str)]
    assert "United States (US)" in labels and "MX" in labels
    assert "MX (MX)" not in labels and "Mexico (MX)" in labels  # the other tests keep the name
