"""Real text in the term sheet: the longest titles, Japanese and accented names, long markings."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl import Workbook

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.export import write_term_sheet
from workbench.export.page import (CHAR_PT, MAX_MARKING, PRINT_WIDTH_PT, display_width, setup_page, wrapped_height,
                                   wrapped_lines)

JAPANESE_TITLE = ("重要鉱物の複数国間貿易圏に関する交渉：価格下限、差額決済契約および共同備蓄の条件についての作業文書"
                  "（第二回会合、東京）") * 2
LONG_MARKING = ("DRAFT \u2014 for discussion among the delegations of the United States, the European Union, Japan and "
                "Mexico only \u2014 not agreed \u2014 not for onward transmission \u2014 Ré-examinée à Genève")


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    data = default_scenario().to_data()
    meta = data["document"]["metadata"]
    meta["title"] = JAPANESE_TITLE[:200]
    meta["classification"] = LONG_MARKING[:200]
    data["document"]["partners"][1]["name"] = "Union européenne (Unión Europea) — Délégation auprès de l'OMC à Genève"
    data["document"]["clauses"][0]["title"] = "Prix plancher à la frontière pour l'oxyde de NdPr — " + "x" * 120
    scenario = Scenario.from_data(data)
    path = tmp_path_factory.mktemp("text") / "text.xlsx"
    write_term_sheet(scenario, path)
    return scenario, openpyxl.load_workbook(path)


def test_headers_never_overprint_and_are_cut_only_where_they_must(sheet):
    scenario, wb = sheet
    for ws in wb.worksheets:
        left, centre = ws.oddHeader.left.text, ws.oddHeader.center.text
        assert left.endswith("\u2026") and centre.endswith("\u2026")  # the Japanese title, the long marking: cut
        assert display_width(centre) <= MAX_MARKING
        # the left section ends before the centred one begins
        assert display_width(left) * CHAR_PT[8] < (PRINT_WIDTH_PT - display_width(centre) * CHAR_PT[9]) / 2
        assert display_width(ws.oddFooter.left.text) <= MAX_MARKING
        for section in (ws.oddHeader, ws.oddFooter):
            text = "".join(s.text or "" for s in (section.left, section.center, section.right))
            assert len(text) <= 255
    meta = default_scenario().document.metadata  # the default's own title and marking are not cut
    ws = Workbook().active
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None, widths={})
    assert ws.oddHeader.left.text == meta.title and ws.oddHeader.center.text == meta.classification


def test_the_cover_never_shrinks_and_every_row_is_tall_enough(sheet):
    scenario, wb = sheet
    cover = wb["Cover"]
    title = next(c for row in cover.iter_rows() for c in row if c.value == scenario.document.metadata.title)
    assert title.font.sz == 16 and title.alignment.wrap_text  # the same size whatever the length
    width = sum(cover.column_dimensions[c].width for c in "AB")
    assert cover.row_dimensions[title.row].height >= wrapped_lines(title.value, width, 16, True) * 16 * 1.2
    assert wrapped_lines(title.value, width, 16, True) >= 2  # a 200-character Japanese title takes two lines
    for ws in wb.worksheets:  # every wrapped text cell has at least the height its text needs
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text and cell.coordinate not in ws.merged_cells:
                    points = cell.font.sz or 11
                    need = wrapped_height(cell.value, ws.column_dimensions[cell.column_letter].width, points,
                                          bool(cell.font.b))
                    assert ws.row_dimensions[cell.row].height >= need - 0.01, (ws.title, cell.coordinate)


def test_wide_characters_count_double_when_wrapping():
    assert wrapped_lines("日本語" * 40, 60) == 4 and wrapped_lines("abc" * 40, 60) == 2  # 240 vs 120 cells, 76 a line
    assert wrapped_lines("a" * 400, 20) >= 400 // 26  # an unbroken run is broken, not left on one line
    assert display_width("Genève") == 6 and display_width("東京") == 4
