"""A sortable results table that copies its selection (or everything) as tab-separated values."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

#: Role giving the raw number a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: Role giving a cell (or a header, with its unit) as exported: plain numbers in the header's unit.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving a text the column keeps room for (e.g. a number still pending), so widths do not jump when it comes.
RESERVE_ROLE = Qt.ItemDataRole.UserRole + 2


class ResultsTableView(QTableView):
    """Shows a results model through a sorting proxy; Ctrl+C copies TSV."""

    def __init__(self, model: QAbstractItemModel, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self._fit_pending = False
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # one line a row
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(40)
        for signal in (model.modelReset, model.dataChanged, model.headerDataChanged, model.layoutChanged,
                       model.columnsInserted, model.columnsRemoved):
            signal.connect(self.fit_columns)
        header.sortIndicatorChanged.connect(self.fit_columns)
        self.fit_columns()
        self.setAccessibleName(accessible_name)

    def fit_columns(self) -> None:
        """Every column at least as wide as its header and cells (never wrapped or cut); spare width is shared out
        in proportion, and a pane too narrow for the contents scrolls sideways."""
        self._fit_pending = not self.isVisible()  # a table on a hidden tab is fitted when shown
        header = self.horizontalHeader()
        count = header.count()
        if count == 0 or self._fit_pending:
            return
        needed = [max(self._header_width(c), self._cells_width(c)) for c in range(count)]
        spare = self.viewport().width() - sum(needed)
        if spare > 0:
            extra = [spare * n // sum(needed) for n in needed]
            extra[-1] += spare - sum(extra)
            needed = [n + e for n, e in zip(needed, extra)]
        for column, width in enumerate(needed):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _cells_width(self, column: int) -> int:
        """The width the column's cells need (display text, warning icon, margins), measured directly: a tenth of
        the cost of ``sizeHintForColumn``, which matters on the edit-to-repaint path."""
        model, metrics = self.proxy.sourceModel(), self.fontMetrics()  # widths do not depend on the sort order
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 4
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self) + 4
        display, decoration = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole
        widest = 0
        for row in range(model.rowCount()):
            index = model.index(row, column)
            width = max(metrics.horizontalAdvance(str(model.data(index, display) or "")),
                        metrics.horizontalAdvance(str(model.data(index, RESERVE_ROLE) or "")))
            if model.data(index, decoration) is not None:
                width += icon
            widest = max(widest, width)
        return widest + margin

    def _header_width(self, column: int) -> int:
        """The width a header's lines need; room for the sort arrow only where it shows (Qt reserves the header's
        height for it in every column, which makes two-line headers twice as wide as their cells)."""
        header = self.horizontalHeader()
        text = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        style, metrics = header.style(), header.fontMetrics()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        width = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin + 4
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        return width

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fit_pending:
            self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for every row (at least 6, the default scenario's regions; up to 12), so that splitters give
        the table no empty space."""
        return QSize(super().sizeHint().width(), self._height(min(max(self.model().rowCount(), 6), 12)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Up to 8 rows stay visible however the splitter is dragged: the numbers come before the charts."""
        return QSize(super().minimumSizeHint().width(), self._height(min(max(self.model().rowCount(), 1), 8)))

    def _height(self, rows: int) -> int:
        return (self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
                + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def copy(self) -> None:
        """Put the selected cells (every cell when none is selected) on the clipboard as TSV."""
        QGuiApplication.clipboard().setText(self.tsv())

    def tsv(self) -> str:
        """The selection (or the whole table) in view order as TSV: a header row with units, then plain numbers."""
        model = self.model()
        selected = self.selectionModel().selectedIndexes()
        if selected:
            rows = sorted({i.row() for i in selected})
            cols = sorted({i.column() for i in selected})
        else:
            rows = list(range(model.rowCount()))
            cols = list(range(model.columnCount()))
        lines = ["\t".join(_text(model.headerData(c, Qt.Orientation.Horizontal, EXPORT_ROLE)) for c in cols)]
        for r in rows:
            lines.append("\t".join(_text(model.data(model.index(r, c), EXPORT_ROLE)) for c in cols))
        return "\n".join(lines) + "\n"


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")
