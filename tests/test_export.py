"""Excel term sheet: structure, numbers equal to the engine's JSON, safety of scenario text, privacy, print setup."""

from __future__ import annotations

import io
import json
import math
import re
from contextlib import redirect_stdout

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText

from export_helpers import CANARIES, CANARY_AMOUNT, HOSTILE, canary_scenario, hostile_scenario, xlsx_parts
from workbench.cli.main import COMMANDS, main
from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import SHEETS, write_term_sheet
from workbench.export.page import PAGE_WIDTH_UNITS, Pager, Row
from workbench.files import save_scenario

PATHS = 200


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def default_export(tmp_path_factory, dataset):
    s = default_scenario()
    result = evaluate(s, dataset=dataset)
    mc = run_monte_carlo(s, dataset=dataset, paths=PATHS)
    path = tmp_path_factory.mktemp("export") / "default.xlsx"
    write_term_sheet(s, path, result=result, monte_carlo=mc, dataset=dataset)
    return path, result, mc


def _same(x: float):
    """Equal to the JSON number up to the 16 significant digits openpyxl writes."""
    return pytest.approx(x, rel=1e-14, abs=1e-9)


def _table(ws, header_first: str, header_second: str) -> tuple[list[str], dict[str, tuple]]:
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == header_first and r[1] == header_second)
    header = list(rows[start])
    table = {}
    for r in rows[start + 1:]:
        if r[0] is None:
            break
        table[r[0]] = r
    return header, table


def test_sheets_and_numbers_equal_the_engine_json(default_export):
    path, result, mc = default_export
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [name for name, _ in SHEETS]
    js = result.to_json()
    mcjs = mc.to_json()
    _, table = _table(wb["Fiscal cost"], "Code", "Partner")
    assert list(table) == js["regions"]
    for region, row in table.items():
        p = js["partners"][region]
        assert row[2] == _same(p["fiscal_cost_avg_usd"])
        assert row[3] == _same(p["fiscal_cost_pv_usd"])
        assert row[4] == _same(p["fiscal_cost_peak_usd"])
        assert row[5] == _same(p["cash_cost_pv_usd"])  # cash and the stock's end value apart
        assert row[6] == _same(p["stock_value_pv_usd"])
        assert row[5] - row[6] == pytest.approx(row[3])
        assert row[7] == _same(mcjs["summary"][region]["p50_pv_usd"])
        assert row[8] == _same(mcjs["summary"][region]["p95_pv_usd"])
        assert row[9] == _same(mcjs["summary"][region]["p95_annual_usd"])
    ws = wb["Fiscal cost"]
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Year")
    for k, year in enumerate(js["years"]):
        row = rows[start + 1 + k]
        assert row[0] == year
        for j, region in enumerate(js["regions"]):
            assert row[1 + j] == pytest.approx(js["annual_net_fiscal_cost_usd"][region][k], rel=1e-9, abs=1e-3)
    _, rebates = _table(wb["Fiscal cost"], "Clause", "Title")
    numbers = {c.id: str(n) for n, c in enumerate(default_scenario().document.clauses, start=1)}
    assert {k: row[2] for k, row in rebates.items()} == {numbers[k]: _same(v)
                                                         for k, v in mcjs["cfd_rebate_probability"].items()}
    for name in ("Term sheet", "Fiscal cost", "Assumptions"):  # clauses named by their number, never their id
        texts = [str(c.value) for row in wb[name].iter_rows() for c in row if c.value is not None]
        assert not any("nickel-cfd" in t for t in texts), name
    notes = [str(r[1]) for r in wb["Assumptions"].iter_rows(values_only=True) if r[0] == "Outside the model's range"]
    assert any(n.startswith("Clause 3 is near the money") for n in notes)
    _, prices = _table(wb["Price effects"], "Code", "Partner")
    for region, row in prices.items():
        assert row[2] == _same(js["partners"][region]["consumer_price_change_pct"])
        assert row[3] == _same(js["partners"][region]["producer_price_change_pct"])


@pytest.mark.skipif("evaluate" not in COMMANDS, reason="workbench-cli evaluate is not registered yet")
def test_assumptions_list_the_validity_warnings(default_export):
    path, result, _mc = default_export
    ws = openpyxl.load_workbook(path)["Assumptions"]
    checks = [r[1] for r in ws.iter_rows(values_only=True) if r[0] == "Outside the model's range"]
    numbers = {c.id: n for n, c in enumerate(default_scenario().document.clauses, start=1)}
    assert checks == [re.sub(r"clause '([a-z0-9-]+)'", lambda m: f"Clause {numbers[m.group(1)]}", str(w))
                      for w in result.validity_warnings]  # the term sheet's clause numbers, not internal ids
    assert any(c.startswith(f"Clause {numbers['indium-purchase']}:") and "would not deliver" in c for c in checks)


def test_numbers_equal_workbench_cli_evaluate_json(tmp_path):
    src = tmp_path / "s.cmws"
    save_scenario(src, default_scenario())
    out = tmp_path / "t.xlsx"
    assert main(["export", str(src), "-o", str(out), "--paths", str(PATHS)]) == 0
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["evaluate", str(src), "--json"]) == 0
    js = json.loads(buf.getvalue())
    partners = js.get("partners") or js["result"]["partners"]
    _, table = _table(openpyxl.load_workbook(out)["Fiscal cost"], "Code", "Partner")
    for region, row in table.items():
        assert row[3] == pytest.approx(partners[region]["fiscal_cost_pv_usd"], rel=1e-12, abs=1e-6)
        assert row[2] == pytest.approx(partners[region]["fiscal_cost_avg_usd"], rel=1e-12, abs=1e-6)


def test_term_sheet_numbers_clauses_and_styles_brackets(default_export):
    path, _, _ = default_export
    wb = openpyxl.load_workbook(path, rich_text=True)
    ws = wb["Term sheet"]
    rows = {r[0].value: r for r in ws.iter_rows() if isinstance(r[0].value, str) and r[0].value}
    scenario = default_scenario()
    for n, clause in enumerate(scenario.document.clauses, start=1):
        assert clause.title in str(rows[str(n)][2].value)
        assert rows[str(n)][1].value == clause.status.value.capitalize()
        assert rows[str(n)][1].style == f"ts_status_{clause.status.value}"
        assert rows[f"{n}.1"][1].value == "Commitment"
    nickel = next(n for n, c in enumerate(scenario.document.clauses, start=1) if c.id == "nickel-cfd")
    text = rows[f"{nickel}.1"][2].value
    assert isinstance(text, CellRichText)
    runs = [(b.text, bool(b.font.b)) for b in text if not isinstance(b, str)]
    assert ("[Alt 1: USD 17,000/t (JP)]", True) in runs and ("[Alt 2: USD 18,500/t (EU)]", True) in runs
    assert "strike price of [Alt 1: USD 17,000/t (JP)] [Alt 2: USD 18,500/t (EU)] (the \"Strike Price\")" in str(text)
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    # reservations are footnotes marked on the heading; commentary is one unnumbered line
    assert str(rows[str(nickel)][2].value).endswith("\u00b9")
    assert "\u00b9 EU reserves its position on this clause." in cells
    assert any(c.startswith("Modelled: Alt 1 of the strike price.") and "Proposed by JP in round 1." in c
               for c in cells)
    assert not any(c.startswith(("(a)", "(b)")) for c in cells)
    # definitions of the capitalised terms used, final provisions and one signature block per member
    assert rows["0"][2].value == "Definitions and common terms"
    defined = {str(r[1].value) for k, r in rows.items() if k.startswith("0.")}
    assert {"Parties", "Reference Price", "Settlement Period", "Eligible Producer", "Landed Price"} <= defined
    # the common terms stated once; a clause repeats an item only where its own rule differs
    common = {str(r[1].value): str(r[2].value) for k, r in rows.items() if k.startswith("0.")}
    assert common["Cost sharing"].startswith("Unless a clause provides otherwise, each Party shall bear the cost")
    assert common["Review and termination"].startswith("Unless a clause provides otherwise, any Party may request")
    for n, clause in enumerate(scenario.document.clauses, start=1):
        items = [str(r[1].value) for k, r in rows.items() if k.startswith(f"{n}.")]
        assert ("Cost sharing" in items) == (clause.cost_sharing.rule.value != "own"), (n, items)
        assert ("Review and termination" in items) == (clause.review_after_years is not None), (n, items)
        assert items[-1] in ("Term", "Cost sharing", "Review and termination")
    assert rows[f"{nickel}.5"][2].value.startswith("The Parties shall share the net fiscal cost of this clause")
    assert "Each Party shall bear the cost of" not in " ".join(cells[cells.index("1"):])  # never per clause
    last = str(len(scenario.document.clauses) + 1)
    assert rows[last][2].value == "Final provisions"
    items = [str(r[1].value) for k, r in rows.items() if k.startswith(last + ".")]
    assert items == ["Parties", "Accession", "Entry into force", "Duration and review", "Withdrawal",
                     "Relationship with WTO obligations", "Dispute settlement", "Status of this text"]
    assert [c for c in cells if c.startswith("For the ") or c == "For Japan"] == \
        ["For the United States", "For the European Union", "For Japan"]


def test_print_setup_properties_and_charts(default_export):
    path, _, _ = default_export
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "DRAFT" in ws.oddHeader.center.text and "&P" in ws.oddFooter.right.text
        assert "&N" in ws.oddFooter.right.text and ws.oddFooter.center.text == ws.title
        widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJKL" if c in ws.column_dimensions]
        assert sum(widths) <= PAGE_WIDTH_UNITS  # fits the page at 100 %: the page breaks are ours
    assert wb["Term sheet"].print_title_rows == "$4:$4"  # the column headers on every page
    assert [b.id for b in wb["Term sheet"].row_breaks.brk]  # breaks placed between clauses
    assert {"ts_usd_m", "ts_pct", "ts_header", "ts_text"} <= set(wb.named_styles)
    _, table = _table(wb["Fiscal cost"], "Code", "Partner")
    assert wb["Fiscal cost"].cell(next(r for r in range(1, 40) if wb["Fiscal cost"].cell(r, 1).value == "US"),
                                  4).number_format.startswith('"USD "')
    parts = xlsx_parts(path)
    charts = [name for name in parts if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
    assert len(charts) == 3
    kinds = "".join(parts[c] for c in charts)
    assert kinds.count("<barChart>") == 2 and kinds.count("<lineChart>") == 1
    core, app = parts["docProps/core.xml"], parts["docProps/app.xml"]
    assert "<dc:creator>US delegation</dc:creator>" in core
    assert "<dc:title>Plurilateral critical-minerals trade zone" in core
    assert "<Application>Critical-minerals negotiation workbench</Application>" in app
    assert all("openpyxl" not in text.lower() for text in parts.values())


def test_hostile_text_is_literal_everywhere(tmp_path, dataset):
    s = hostile_scenario()
    path = tmp_path / "hostile.xlsx"
    write_term_sheet(s, path, result=evaluate(s, dataset=dataset),
                     monte_carlo=run_monte_carlo(s, dataset=dataset, paths=PATHS), dataset=dataset)
    wb = openpyxl.load_workbook(path)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (ws.title, cell.coordinate, cell.value)
                assert cell.hyperlink is None
                if isinstance(cell.value, str):
                    seen.add(cell.value)
                    if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r", "#"):
                        assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    for text in HOSTILE[:9]:  # each shown literally (alone in a cell or inside a sentence)
        assert any(text.replace("\r", "\n") in v or text in v for v in seen), text
    parts = xlsx_parts(path)
    for name, xml in parts.items():
        if name.startswith("xl/charts/"):  # the app's own formulas: chart ranges on its own sheets
            sheets = "|".join(re.escape(n) for n, _ in SHEETS)
            assert all(re.fullmatch(rf"'({sheets})'!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?", f)
                       for f in re.findall(r"<f>(.*?)</f>", xml)), name
        else:
            assert "<f>" not in xml and "<f " not in xml, name    # no formula in any cell
        assert 't="e"' not in xml, name                           # no error value
        assert "<hyperlink" not in xml and "relationships/hyperlink" not in xml, name  # no link
    ws = wb["Term sheet"]
    assert ws.oddHeader.center.text == "&&P &&N =1+1 DRAFT && secret"
    assert ws.oddHeader.left.text == HOSTILE[0]  # short enough: not cut


def test_private_block_never_reaches_the_file(tmp_path, dataset):
    s = canary_scenario()
    path = tmp_path / "canary.xlsx"
    write_term_sheet(s, path, monte_carlo=run_monte_carlo(s.without_private(), dataset=dataset, paths=PATHS),
                     dataset=dataset)
    blob = "\n".join(xlsx_parts(path).values())
    for canary in CANARIES:
        assert canary not in blob
    assert "987654321" not in blob and str(CANARY_AMOUNT) not in blob
    assert "United States" in blob  # the export did happen


def test_write_term_sheet_computes_results_when_not_given(tmp_path):
    path = write_term_sheet(default_scenario(), tmp_path / "auto.xlsx")
    wb = openpyxl.load_workbook(path)
    _, table = _table(wb["Fiscal cost"], "Code", "Partner")
    assert all(isinstance(v, (int, float)) and math.isfinite(v) for row in table.values() for v in row[2:8])
    expected = evaluate(default_scenario()).partner_table["fiscal_cost_pv_usd"]
    assert [row[3] for row in table.values()] == [_same(x) for x in expected]


def test_alternatives_in_another_unit_stay_within_the_paragraph(tmp_path, dataset):
    data = default_scenario().to_data()
    clause = next(c for c in data["document"]["clauses"] if c["id"] == "usmx-antimony-floor")
    clause["floor_price"]["options"][1]["value"] = {"amount": 60.0, "currency": "EUR", "per": "kg"}
    from workbench.document import Scenario
    s = Scenario.from_data(data)
    path = tmp_path / "alternatives.xlsx"
    write_term_sheet(s, path, result=evaluate(s, dataset=dataset),
                     monte_carlo=run_monte_carlo(s, dataset=dataset, paths=PATHS), dataset=dataset)
    texts = [str(c.value) for row in openpyxl.load_workbook(path)["Term sheet"].iter_rows() for c in row if c.value]
    assert any("antimony of [Alt 1: USD 25/lb (US)] [Alt 2: EUR 60/kg (MX)] (the \"Floor Price\")" in t for t in texts)
    assert not any("Option" in t for t in texts)


def test_cli_export(tmp_path, capsys):
    src = tmp_path / "s.cmws"
    save_scenario(src, canary_scenario())
    out = tmp_path / "t.xlsx"
    assert main(["export", str(src), "-o", str(out), "--paths", str(PATHS)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert not any(c in "\n".join(xlsx_parts(out).values()) for c in CANARIES)
    assert main(["export", str(src), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["export", str(src), "-o", str(tmp_path / "t.csv")]) == 1
    assert "must be an .xlsx file" in capsys.readouterr().err
    bad = tmp_path / "bad.cmws"
    bad.write_text("{}")
    assert main(["export", str(bad), "-o", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a scenario file" in err and "Traceback" not in err


def test_pager_moves_joined_rows_whole_and_splits_only_a_group_longer_than_a_page():
    def rows(*heights: float) -> list[Row]:  # the first row of a group, then the rows joined to it
        return [Row(h, lambda r: None, joined=k > 0) for k, h in enumerate(heights)]

    ws = openpyxl.Workbook().active
    pager = Pager(ws, 1, 0.0)
    pager.capacity = 100.0
    pager.block(rows(10, 10) + rows(20, 20, 20) + rows(20, 20, 20), rows(10), keep=False)
    # title and header (20) and the first group (60) fill 80: the second group (60) goes whole to the next page,
    # under the continuation row, instead of leaving one of its rows on the first page
    assert [b.id for b in ws.row_breaks.brk] == [5] and pager.used == 70
    pager.new_page()
    pager.block(rows(10) + rows(*[20] * 6), rows(10), keep=False)  # 120 points: split between rows
    assert [b.id for b in ws.row_breaks.brk] == [5, 9, 14] and pager.used == 10 + 40  # 4 rows, then 2
    # the default export's mineral table: a page ends where a mineral's rows end
    wb = openpyxl.Workbook()
    from workbench.export.results import write_prices
    from workbench.export.styles import register_styles
    register_styles(wb)
    scenario = default_scenario()
    write_prices(wb.active, scenario, evaluate(scenario, dataset=load_dataset()))
    sheet = wb.active
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert breaks
    for b in breaks:  # the per-partner table fits the first page: the mineral table goes on to the next
        assert sheet.cell(b, 2).value in {m.name for m in scenario.document.minerals}
        assert sheet.cell(b + 2, 2).value == "Mineral"  # continued under the headers...
        assert sheet.cell(b + 3, 2).value != sheet.cell(b, 2).value  # ...with the next mineral


def _cover_pairs(path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Cover"]
    return {str(a.value): str(b.value) for a, b in ws.iter_rows(min_col=1, max_col=2) if a.value and b.value}


def test_the_cover_names_observers_and_the_description_only_when_there_are_some(default_export, tmp_path, dataset):
    pairs = _cover_pairs(default_export[0])
    labels = list(pairs)
    assert pairs["Observers"] == "Mexico" and labels.index("Observers") == labels.index("Partners") + 1
    assert pairs["Description"] == default_scenario().document.metadata.description
    data = default_scenario().to_data()
    data["document"]["metadata"]["description"] = ""
    for partner in data["document"]["partners"]:
        partner["role"] = "member"
    from workbench.document import Scenario

    path = tmp_path / "no_observers.xlsx"
    write_term_sheet(Scenario.from_data(data), path, dataset=dataset)
    assert not {"Observers", "Description"} & set(_cover_pairs(path))


def test_partner_names_fit_their_column_on_the_fiscal_sheet(default_export):
    path, result, _mc = default_export
    ws = openpyxl.load_workbook(path)["Fiscal cost"]
    _, table = _table(ws, "Code", "Partner")
    names = [result.region_names[code] for code in table]
    assert max(map(len, names)) > 13      # longer than a column of default width
    assert ws.column_dimensions["B"].width >= max(map(len, names))   # the name column, not cut at the page edge


def test_the_sources_annex_shows_two_vintages_then_counts_the_rest():
    from workbench.export.sources import _vintages

    assert _vintages(set()) == "\u2013"                    # the nil dash, as for every empty figure
    assert _vintages({"USGS MCS 2025", "IEA 2024"}) == "IEA 2024; USGS MCS 2025"
    assert _vintages({"USGS MCS 2025", "IEA 2024", "BGS 2023"}) == "BGS 2023; IEA 2024 and 1 more"


def test_commentary_rows_are_as_tall_as_their_own_font_needs(default_export):
    # the pages are planned from row heights: a commentary row sized for a bigger font than its 8.5 pt would push
    # clauses onto more pages than LibreOffice and Excel print
    from workbench.export.page import wrapped_height
    from workbench.export.terms import WIDTHS

    ws = openpyxl.load_workbook(default_export[0])["Term sheet"]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).style == "ts_comment"]
    assert len(rows) >= 2
    for r in rows:
        cell = ws.cell(r, 3)
        assert cell.font.sz == 8.5
        assert ws.row_dimensions[r].height == pytest.approx(wrapped_height(str(cell.value), WIDTHS["C"], 8.5))


def test_a_continued_clause_heading_is_one_band_across_the_row():
    from workbench.export.styles import register_styles
    from workbench.export.terms import _Rows

    wb = openpyxl.Workbook()
    register_styles(wb)
    _Rows(wb.active).continued("Clause 3 (cont.)", "Two-sided contract for difference").write(5)
    assert [wb.active.cell(5, c).style for c in (1, 2, 3)] == ["ts_clause_cont"] * 3
    assert [wb.active.cell(5, c).value for c in (2, 3)] == ["Clause 3 (cont.)", "Two-sided contract for difference"]


def test_the_cover_lists_the_rounds_changes_by_clause_number_with_their_summary():
    from workbench.document import Scenario
    from workbench.export.cover import changes_since_last_round

    data = default_scenario().to_data()
    data["document"]["history"].append({"round": 1, "date": "2026-11-27", "delegation": "EU", "action": "amended",
                                        "clause_id": "nickel-cfd", "summary": ""})
    assert changes_since_last_round(Scenario.from_data(data).document) == [
        "First round: the whole text is new.",
        "US proposed Clause 1: US tables a trilateral NdPr reference price held at the border.",
        "JP proposed Clause 3: Japan proposes a two-sided CfD; EU reserves on the strike price.",
        "MX bracketed Clause 7: Mexico brackets the antimony reference price.",
        "EU amended Clause 3"]                                   # recorded without a summary: no colon
