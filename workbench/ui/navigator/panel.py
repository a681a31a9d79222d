"""The navigator panel: grouping choice, the clause tree and the add/duplicate/delete/reorder actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QToolButton, QTreeView, QVBoxLayout,
                               QWidget)

from workbench.document import ClauseKind, Scenario
from workbench.instrument_kinds import KINDS
from workbench.ui.controller import DocumentController
from workbench.ui.i18n import translate as _tr
from workbench.ui.navigator.model import CLAUSE_ID_ROLE, ClauseTreeModel, Grouping
from workbench.ui.navigator.operations import add_clause, delete_clause, duplicate_clause, move_clause


class WrappingTitleDelegate(QStyledItemDelegate):
    """Makes a row as tall as its title needs when wrapped to the title column's width (QTreeView alone keeps
    one line and cuts the title)."""

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth = 1 if index.parent().isValid() else 0
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1), 10_000)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        style = self.tree.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        bounds = opt.fontMetrics.boundingRect(QRect(0, 0, max(text.width() - 2 * margin, 20), 10_000),
                                              int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(size.width(), max(size.height(), bounds.height() + size.height() - opt.fontMetrics.height()))


class NavigatorPanel(QWidget):
    """Lists the clauses; selecting one emits :attr:`clauseSelected`; the actions edit the list undoably."""

    clauseSelected = Signal(object)   # clause id or None
    groupingChanged = Signal(str)

    def __init__(self, controller: DocumentController, grouping: Grouping = Grouping.MINERAL,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._current: str | None = None
        self.model = ClauseTreeModel(controller.scenario, grouping, self)

        self.grouping_combo = QComboBox()
        self.grouping_combo.setAccessibleName(self.tr("Group clauses by"))
        self.grouping_combo.addItem(self.tr("By mineral"), Grouping.MINERAL.value)
        self.grouping_combo.addItem(self.tr("By partner"), Grouping.PARTNER.value)
        self.grouping_combo.setCurrentIndex(0 if grouping is Grouping.MINERAL else 1)
        self.grouping_combo.currentIndexChanged.connect(self._regroup)

        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("Clauses"))
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)  # whole clause titles, on two lines or more in a narrow pane
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(self.tree.indentation() * 3 // 4)
        self.tree.setItemDelegateForColumn(0, WrappingTitleDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._title_resized)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)

        self.add_menu = QMenu(self.tr("Add clause"), self)
        self.add_actions: dict[ClauseKind, QAction] = {}
        for kind, declared in KINDS.items():
            action = self.add_menu.addAction(_tr(declared.label))
            action.triggered.connect(lambda _=False, k=kind: self.add(k))
            self.add_actions[kind] = action
        self.duplicate_action = QAction(self.tr("D&uplicate"), self)
        self.duplicate_action.setToolTip(self.tr("Duplicate the clause as an alternative"))
        self.duplicate_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D))
        self.duplicate_action.triggered.connect(self.duplicate)
        self.delete_action = QAction(self.tr("De&lete"), self)
        self.delete_action.setToolTip(self.tr("Delete the clause"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete)
        self.up_action = QAction(self.tr("Move clause &up"), self)
        self.up_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Up))
        self.up_action.triggered.connect(lambda: self.move(-1))
        self.down_action = QAction(self.tr("Move clause do&wn"), self)
        self.down_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Down))
        self.down_action.triggered.connect(lambda: self.move(1))
        self.tree.addAction(self.delete_action)

        buttons = QHBoxLayout()
        add_button = QToolButton()
        add_button.setText(self.tr("Add"))
        add_button.setAccessibleName(self.tr("Add clause"))
        add_button.setMenu(self.add_menu)
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        buttons.addWidget(add_button)
        # the move buttons show arrows drawn as text, in the palette's text colour: the style's arrow pixmaps are
        # dark and vanished on a dark palette
        self.up_action.setIconText("\u25b2")  # tool buttons show the icon text; menus keep the words
        self.down_action.setIconText("\u25bc")
        for action in (self.duplicate_action, self.delete_action, self.up_action, self.down_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setToolTip(action.text().replace("&", ""))
            buttons.addWidget(button)
        buttons.addStretch(1)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Group:"))
        label.setBuddy(self.grouping_combo)
        top.addWidget(label)
        top.addWidget(self.grouping_combo, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        controller.scenarioChanged.connect(self._scenario_changed)
        self._update_actions()

    # --- public API -------------------------------------------------------------------------------------------
    @property
    def current_clause_id(self) -> str | None:
        """The selected clause's id."""
        return self._current

    def select_clause(self, clause_id: str | None) -> None:
        """Select ``clause_id`` (its first row) or clear the selection."""
        indexes = self.model.clause_indexes(clause_id) if clause_id else []
        if indexes:
            self.tree.setCurrentIndex(indexes[0])
            self.tree.scrollTo(indexes[0])
        else:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            self._set_current(None)

    def flag_breaches(self, breaches: dict[str, list[str]]) -> None:
        """Mark the clauses that breach the mandate (clause id -> messages) with an icon and a tooltip."""
        self.model.set_breaches(breaches)

    def add(self, kind: ClauseKind) -> None:
        """Add a clause of ``kind`` on the selected clause's mineral (or the first mineral) and select it."""
        scenario = self.controller.scenario
        mineral = scenario.document.clause(self._current).mineral if self._current else None
        new, clause_id = add_clause(scenario, kind, mineral)
        self.controller.apply(new, self.tr("Add clause {0}").format(clause_id))
        self.select_clause(clause_id)

    def duplicate(self) -> None:
        """Duplicate the selected clause as an alternative and select the copy."""
        if self._current is None:
            return
        new, clause_id = duplicate_clause(self.controller.scenario, self._current)
        self.controller.apply(new, self.tr("Duplicate clause {0}").format(self._current))
        self.select_clause(clause_id)

    def delete(self) -> None:
        """Delete the selected clause (undoable) and select its neighbour."""
        if self._current is None:
            return
        ids = [c.id for c in self.controller.scenario.document.clauses]
        index = ids.index(self._current)
        neighbour = ids[index + 1] if index + 1 < len(ids) else (ids[index - 1] if index else None)
        removed = self._current
        self.controller.apply(delete_clause(self.controller.scenario, removed),
                              self.tr("Delete clause {0}").format(removed))
        self.select_clause(neighbour)

    def move(self, delta: int) -> None:
        """Move the selected clause up (-1) or down (+1) in the clause order."""
        if self._current is None:
            return
        clause_id = self._current
        new = move_clause(self.controller.scenario, clause_id, delta)
        label = self.tr("Move clause {0} up") if delta < 0 else self.tr("Move clause {0} down")
        self.controller.apply(new, label.format(clause_id))
        self.select_clause(clause_id)

    # --- internals --------------------------------------------------------------------------------------------
    def _regroup(self) -> None:
        grouping = Grouping(self.grouping_combo.currentData())
        self.model.set_grouping(grouping)
        self.groupingChanged.emit(grouping.value)

    def _scenario_changed(self, scenario: Scenario) -> None:
        self.model.set_scenario(scenario)
        if self._current is not None and self._current not in {c.id for c in scenario.document.clauses}:
            self._set_current(None)
        self._update_actions()

    def _title_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.tree.doItemsLayout()  # wrapped titles take the height the new width needs

    def _after_reset(self) -> None:
        self.tree.expandAll()
        current = self._current
        if current is not None and self.model.clause_indexes(current):
            self.select_clause(current)

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        clause_id = index.siblingAtColumn(0).data(CLAUSE_ID_ROLE) if index.isValid() else None
        if clause_id is None and self.model.rowCount() and not index.isValid() and self._current is not None:
            return  # a model reset cleared the view's current index; _after_reset restores it
        self._set_current(clause_id)

    def _set_current(self, clause_id: Any) -> None:
        if clause_id != self._current:
            self._current = clause_id
            self._update_actions()
            self.clauseSelected.emit(clause_id)

    def _update_actions(self) -> None:
        has = self._current is not None
        ids = [c.id for c in self.controller.scenario.document.clauses]
        position = ids.index(self._current) if has and self._current in ids else -1
        self.duplicate_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.up_action.setEnabled(position > 0)
        self.down_action.setEnabled(0 <= position < len(ids) - 1)
