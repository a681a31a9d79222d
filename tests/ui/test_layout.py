"""Layout on a laptop screen: results never wrapped or cut, whole clause titles, tabs and forms that fit."""

from __future__ import annotations

from typing import Any

import pytest

from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel

LAPTOP = (1229, 691)  # a 1366x768 screen less the task bar and title, as the window opens there


def test_results_cells_are_one_line_and_never_cut(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.results.result is not None)
    for page, table in ((0, window.results.table), (2, window.results.uncertainty.table),
                        (3, window.results.compare.table)):
        window.results.tabs.setCurrentIndex(page)  # a hidden table is fitted when its tab is shown
        header = table.horizontalHeader()
        assert not table.wordWrap()
        for column in range(header.count()):
            assert header.sectionSize(column) >= table.sizeHintForColumn(column)
            lines = str(table.model().headerData(column, Qt.Orientation.Horizontal)).split("\n")
            assert header.sectionSize(column) > max(header.fontMetrics().horizontalAdvance(x) for x in lines)
    window.results.tabs.setCurrentIndex(0)
    table = window.results.table
    money = [table.model().index(r, 2).data() for r in range(table.model().rowCount())]
    assert any(text.startswith("\u2212") for text in money), money
    assert table.height() >= table.minimumSizeHint().height()  # all six regions in view


def test_wide_results_pane_shares_out_the_spare_width(qtbot: Any, window: Any) -> None:
    window.resize(1600, 960)
    window.splitter.setSizes([280, 440, 880])  # wide enough for the nine columns (cash and stock value apart)
    table = window.results.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 6)
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used == table.viewport().width()


def test_navigator_shows_whole_clause_titles_on_several_lines(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(*LAPTOP)
    window.splitter.setSizes([260, 450, 500])
    tree = window.navigator.tree
    qtbot.wait(50)
    index = window.navigator.model.clause_indexes("usmx-antimony-floor")[0]
    title = index.data()
    rect = tree.visualRect(index)
    needed = tree.fontMetrics().boundingRect(0, 0, rect.width() - 8, 10_000, int(Qt.TextFlag.TextWordWrap), title)
    assert tree.wordWrap()
    assert rect.height() >= needed.height() > tree.fontMetrics().height()


def test_editor_tabs_fit_without_scroll_buttons(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(*LAPTOP)
    window.splitter.setSizes([260, 450, 500])
    qtbot.wait(50)
    bar = window.tabs.tabBar()
    assert bar.tabRect(bar.count() - 1).right() <= window.tabs.width()


def test_assumption_rows_name_the_field_not_the_mineral_again(window: Any) -> None:
    editor = window.assumptions_editor
    labels = [w.text() for w in editor.findChildren(QLabel)]
    assert "Price path:" in labels and "Supply elasticities (e.g. US=0.3, CN=0.2):" in labels
    assert not any(text.startswith("Nickel: ") for text in labels)
    assert "Nickel: price path" in editor.widgets  # messages and screen readers keep the mineral
    forms = editor.findChildren(QFormLayout)
    assert forms and all(f.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapLongRows for f in forms)


def test_partner_rows_fit_the_narrowest_editor_pane(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(*LAPTOP)
    window.splitter.setSizes([260, 440, 500])
    window.tabs.setCurrentWidget(window.partners_editor)
    qtbot.wait(50)
    page = window.partners_editor.page
    assert page.width() <= page.parentWidget().width()  # no sideways scrolling: every Remove button in view


def test_a_long_clause_title_shows_its_beginning(window: Any) -> None:
    window.navigator.select_clause("nickel-cfd")
    line = window.clause_editor.widgets["title"].line
    assert line.text().startswith("Two-sided") and line.cursorPosition() == 0


def test_fan_chart_median_is_drawn_in_the_text_colour(qtbot: Any, window: Any) -> None:
    window.results.tabs.setCurrentWidget(window.results.uncertainty)
    qtbot.waitUntil(lambda: window.results.uncertainty.fan._median is not None)
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    assert to_hex(window.results.uncertainty.fan._median.get_color()) == to_hex(text)


def test_compare_options_table_has_the_whole_width_and_the_kept_list_above_it(qtbot: Any, window: Any) -> None:
    compare = window.results.compare
    window.results.tabs.setCurrentWidget(compare)
    qtbot.waitUntil(lambda: window.results.result is not None)
    compare.keep_current("Floor 110")
    qtbot.wait(50)
    assert compare.table.width() >= compare.width() - 40
    top_of = lambda w: w.mapTo(compare, w.rect().topLeft()).y()  # noqa: E731 - a one-line getter reads best inline
    assert top_of(compare.alternatives_list) < top_of(compare.table)
    assert compare.alternatives_list.count() == 1


def test_menu_shortcuts_are_unique_and_export_has_one(window: Any) -> None:
    seen: dict[str, str] = {}

    def walk(menu: Any) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.shortcut().isEmpty():
                key = action.shortcut().toString()
                assert key not in seen, (key, seen.get(key), action.text())
                seen[key] = action.text()

    for action in window.menuBar().actions():
        walk(action.menu())
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert all(a.text().endswith("\u2026") for a in window.sharing_actions.values())


def test_the_proposed_status_ring_stays_visible_on_a_selected_row(window: Any) -> None:
    index = window.navigator.model.clause_indexes("ndpr-border-floor")[0].siblingAtColumn(1)
    ring = index.data(Qt.ItemDataRole.DecorationRole)
    normal = ring.pixmap(16, 16, QIcon.Mode.Normal).toImage()
    selected = ring.pixmap(16, 16, QIcon.Mode.Selected).toImage()
    assert QColor(selected.pixel(8, 2)).lightness() > 240 > QColor(normal.pixel(8, 2)).lightness()


def test_amount_fields_are_not_sized_for_their_largest_value(window: Any) -> None:
    window.navigator.select_clause("indium-purchase")
    cap = window.clause_editor.widgets["budget_cap"].inner.amount  # up to MAX_MONEY
    assert cap.minimumWidth() <= cap.fontMetrics().horizontalAdvance("999,999.000") + 32
    assert cap.minimumWidth() <= cap.minimumSizeHint().width()  # typed in millions now: 10,000,000 m at most


def _clipped_labels(root: Any) -> list[str]:
    """Visible one-line labels narrower than their text (word-wrapped labels and elided notices excepted)."""
    from workbench.ui.results.notice import NoticeLine

    out = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or isinstance(label, NoticeLine) or not label.text():
            continue
        if label.width() < label.minimumSizeHint().width():
            out.append(label.text())
    return out


@pytest.mark.parametrize("size", [(1366, 700), (1280, 652)])  # 1366x768 and 1280x720 less task bar and title
def test_laptop_screens_show_every_results_column_and_no_clipped_label(qtbot: Any, make_window: Any,
                                                                       size: tuple[int, int]) -> None:
    window = make_window()
    window.resize(*size)
    window.splitter.setSizes([250, 440, size[0] - 700])  # the first start's sizes on a small screen
    table = window.results.table
    qtbot.waitUntil(lambda: window.results.result is not None and table.model().rowCount() == 6)
    qtbot.wait(50)
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    for column in range(header.count()):
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), column
    assert _clipped_labels(window.results) == []
    for chart in (window.results.fiscal_chart, window.results.price_chart):  # no legend label cut at the edges
        qtbot.waitUntil(lambda c=chart: bool(c.figure.legends))
        for width in (chart.width(), 250):  # as laid out, and as narrow as a maximised 1366x768 window makes it
            chart.resize(width, chart.height())
            renderer = chart.get_renderer()
            assert all(legend.get_window_extent(renderer).width <= chart.figure.bbox.width
                       for legend in chart.figure.legends), (type(chart).__name__, width)
    window.tabs.setCurrentWidget(window.private_editor)
    qtbot.wait(50)
    scroll = window.private_editor.scroll
    assert not scroll.horizontalScrollBar().isVisible()  # the mandate rows fit the pane's width
    assert _clipped_labels(window.private_editor) == []


def test_the_breach_and_validity_lines_keep_their_height_while_typing(qtbot: Any, window: Any) -> None:
    panel = window.results
    qtbot.waitUntil(lambda: panel.result is not None)
    tabs_top = panel.tabs.geometry().top()
    height = panel.validity.height()
    spin = window.clause_editor.widgets["floor_price"].plain.amount
    for amount in (200.0, 20.0, 110.0):
        with qtbot.waitSignal(panel.resultsShown):
            spin.setValue(amount)
        qtbot.wait(20)
        assert panel.tabs.geometry().top() == tabs_top and panel.validity.height() == height


def test_a_first_start_on_a_small_screen_opens_maximised_and_remembers_the_geometry(make_window: Any,
                                                                                    settings: Any) -> None:
    window = make_window(maximised=True)  # the offscreen screen is smaller than SMALL_SCREEN
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.close()
    assert not settings.geometry.isEmpty()
    again = make_window(maximised=True)
    assert again.windowState() & Qt.WindowState.WindowMaximized  # restored from the remembered geometry
