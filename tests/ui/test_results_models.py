"""The results item models and table view: model-tester checks, units, sorting, highlights, TSV copy."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester

from workbench.analysis import units
from workbench.defaults import default_scenario
from workbench.engine import evaluate
from workbench.ui.results.frame_model import FrameModel
from workbench.ui.results.partner_model import BREACH_BACKGROUND, PartnerTableModel
from workbench.ui.results.table_view import EXPORT_ROLE, ResultsTableView

MODE = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture(scope="module")
def result():
    return evaluate(default_scenario())


def cell(model: QAbstractItemModel, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_partner_model_passes_the_model_tester_through_updates(qtbot, result):
    model = PartnerTableModel()
    QAbstractItemModelTester(model, MODE)
    model.set_result(result.partner_table, result.region_names, {})
    model.set_p95({r: 1e9 for r in result.regions})
    model.set_result(result.partner_table, result.region_names, {("US", "fiscal_cost_pv_usd"): ["too dear"]})
    model.set_result(result.partner_table.iloc[:3], result.region_names, {})
    assert model.rowCount() == 3


def test_partner_model_formats_with_units_and_marks_p95_pending(qtbot, result):
    model = PartnerTableModel()
    model.set_result(result.partner_table, result.region_names, {})
    pt = result.partner_table
    us = model.regions().index("US")
    # compact cells (the headers name the units) so that every column fits a laptop's pane; names in tooltips
    assert cell(model, us, 0) == "US" and cell(model, us, 0, Qt.ItemDataRole.ToolTipRole) == "United States"
    assert cell(model, us, 0, EXPORT_ROLE) == "United States (US)"
    pv_col = model.column_of("fiscal_cost_pv_usd")
    assert "USD m" in model.headerData(pv_col, Qt.Orientation.Horizontal)
    pv = pt.at["US", "fiscal_cost_pv_usd"]
    shown = cell(model, us, pv_col).replace("\u2212", "-")
    assert float(shown.replace(",", "")) == pytest.approx(pv / 1e6, abs=0.5)
    assert cell(model, us, pv_col, Qt.ItemDataRole.ToolTipRole).replace("\u2212", "").startswith("USD ")
    assert "%" in model.headerData(model.column_of("consumer_price_change_pct"), Qt.Orientation.Horizontal)
    assert cell(model, us, model.column_of("china_share_pct")) == f"{pt.at['US', 'china_share_pct']:.1f}"
    p95 = model.column_of("p95_pv_usd")
    assert cell(model, us, p95) == "pending\u2026"
    assert cell(model, us, p95, EXPORT_ROLE) == ""
    assert cell(model, us, p95, Qt.ItemDataRole.ForegroundRole) is not None  # drawn in the placeholder colour
    model.set_p95({"US": 2.5e9})
    assert cell(model, us, p95) == "2,500"
    assert cell(model, us, p95, EXPORT_ROLE) == 2500.0
    assert cell(model, us, p95, Qt.ItemDataRole.ForegroundRole) is None  # in the text colour once it has come
    # a new result makes the bad case pending again
    model.set_result(result.partner_table, result.region_names, {})
    assert cell(model, us, p95) == "pending\u2026"


def test_breaching_cells_are_highlighted_with_the_reason(qtbot, result):
    model = PartnerTableModel()
    model.set_result(result.partner_table, result.region_names, {("JP", "consumer_price_change_pct"): ["over 2 %"]})
    jp, us = model.regions().index("JP"), model.regions().index("US")
    col = model.column_of("consumer_price_change_pct")
    assert cell(model, jp, col, Qt.ItemDataRole.BackgroundRole) == BREACH_BACKGROUND
    assert "over 2 %" in cell(model, jp, col, Qt.ItemDataRole.ToolTipRole)
    assert cell(model, jp, col, Qt.ItemDataRole.DecorationRole) is not None
    assert cell(model, us, col, Qt.ItemDataRole.BackgroundRole) is None
    model.set_result(result.partner_table, result.region_names, {})  # the next edit is within the mandate
    assert [cell(model, jp, col, role) for role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole,
                                                    Qt.ItemDataRole.AccessibleDescriptionRole)] == [None] * 3
    assert "over 2 %" not in (cell(model, jp, col, Qt.ItemDataRole.ToolTipRole) or "")


def test_view_sorts_by_value_and_copies_tsv_in_view_order(qtbot, result):
    model = PartnerTableModel()
    model.set_result(result.partner_table, result.region_names, {})
    view = ResultsTableView(model, "table")
    qtbot.addWidget(view)
    col = model.column_of("fiscal_cost_pv_usd")
    view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    proxy = view.model()
    values = [proxy.data(proxy.index(r, col), EXPORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values)
    lowest = result.partner_table["fiscal_cost_pv_usd"].idxmin()
    assert proxy.data(proxy.index(0, 0)) == lowest

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["Partner", "Fiscal cost per year, average (USD m)",
                                        "Fiscal cost in the peak year (USD m)", "Fiscal cost, present value (USD m)"]
    assert len(lines) == 1 + len(result.regions)
    first = lines[1].split("\t")
    assert first[0].endswith(f"({lowest})")
    assert float(first[col]) == pytest.approx(result.partner_table.at[lowest, "fiscal_cost_pv_usd"] / 1e6, abs=0.01)

    # with a selection, only the selected cells (and their headers) are copied
    view.selectionModel().select(proxy.index(1, col), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.tsv().splitlines() == ["Fiscal cost, present value (USD m)", str(values[1])]


def test_frame_model_passes_the_model_tester_and_formats_by_kind(qtbot):
    model = FrameModel("Partner")
    QAbstractItemModelTester(model, MODE)
    frame = pd.DataFrame({"As modelled": [1.5e9, -2e6], "Option B": [float("nan"), 3e6]}, index=["US", "EU"])
    model.set_frame(frame, {"US": "United States"}, "usd", "USD m",
                    highlight={("US", "As modelled"): ["over the limit"]}, dimmed={"Option B"})
    assert model.columnCount() == 3 and model.rowCount() == 2
    assert cell(model, 0, 0) == "United States (US)" and cell(model, 1, 0) == "EU"
    assert cell(model, 0, 1) == "USD 1.50 bn" and cell(model, 1, 1) == "\u2212USD 2.0 m"
    assert cell(model, 0, 2) == "n/a" and cell(model, 0, 2, EXPORT_ROLE) == ""
    assert model.headerData(2, Qt.Orientation.Horizontal, EXPORT_ROLE) == "Option B (USD m)"
    assert cell(model, 0, 1, Qt.ItemDataRole.BackgroundRole) == BREACH_BACKGROUND
    assert cell(model, 0, 2, Qt.ItemDataRole.ForegroundRole) is not None
    model.set_frame(frame * 0.5, {}, "change", "%")
    assert cell(model, 1, 2) == "+1,500,000.0 %"
    model.set_frame(frame[["Option B"]], {}, "change", "%")
    assert model.columnCount() == 2


def test_amounts_and_changes_read_with_units():
    assert units.usd(85.24e6) == "USD 85.2 m"
    assert units.usd(-1.234e9) == "\u2212USD 1.23 bn"
    assert units.usd(-20_000.0) == "USD 0.0 m"  # no minus sign on what rounds to zero
    assert units.usd(float("nan")) == "n/a"
    assert units.pct(3.21) == "+3.2 %" and units.pct(-0.5) == "\u22120.5 %"
    assert units.pct(0.01) == "0.0 %" and units.pct(0.0) == "\u2013"
    assert units.pct(42.0, signed=False) == "42.0 %"
    assert units.usd_m(1_234_567.0) == 1.23
    # the window's compact table: the same house style as the CLI and the term sheet
    assert units.usd_m_text(0.0) == "\u2013" and units.usd_m_text(-20_000.0) == "0.0"
    assert units.usd_m_text(-2_877.7e6) == "\u22122,878" and units.usd_m_text(85.24e6) == "85.2"
