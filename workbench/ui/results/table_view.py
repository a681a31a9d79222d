"""A sortable results table that copies its selection (or everything) as tab-separated values."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

#: Role giving the raw number a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: Role giving a cell (or a header, with its unit) as exported: plain numbers in the header's unit.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        model.modelReset.connect(self._fit_first_column)
        self._fit_first_column()
        self.setAccessibleName(accessible_name)

    def _fit_first_column(self) -> None:
        """The first column (partner names) as wide as its contents, never wrapped; the others share the rest."""
        if self.horizontalHeader().count() > 0:
            self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for every row (up to 12), so that splitters give the table no empty space."""
        rows = min(max(self.model().rowCount(), 4), 12)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        return QSize(super().sizeHint().width(), height + 2 * self.frameWidth())

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
