"""The clause tree model: groups (minerals or partners) with their clauses, status, proponent and mandate flags."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.document import Scenario
from workbench.instrument_kinds import kind_of
from workbench.ui.icons import icon
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

Index = QModelIndex | QPersistentModelIndex

#: Role carrying a clause row's clause id (None on group rows).
CLAUSE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Grouping(str, Enum):
    """How the navigator groups clauses."""

    MINERAL = "mineral"
    PARTNER = "partner"


STATUS_TEXT = {"proposed": QT_TR_NOOP("Proposed"), "bracketed": QT_TR_NOOP("Bracketed"),
               "agreed": QT_TR_NOOP("Agreed")}


class ClauseTreeModel(QAbstractItemModel):
    """Two levels: a group row per mineral (or partner), under it one row per clause; three columns."""

    COLUMNS = (QT_TR_NOOP("Clause"), QT_TR_NOOP("Status"), QT_TR_NOOP("By"))
    COLUMN_TIPS = (QT_TR_NOOP("Clause title (a warning icon: breaches the mandate)"),
                   QT_TR_NOOP("Where the clause stands in the talks"), QT_TR_NOOP("Delegation proposing the clause"))

    def __init__(self, scenario: Scenario, grouping: Grouping = Grouping.MINERAL, parent: Any = None):
        super().__init__(parent)
        self._scenario = scenario
        self._grouping = grouping
        self._breaches: dict[str, list[str]] = {}
        self._groups: list[tuple[str, str, list[Any]]] = self._build()  # (key, label, clauses)

    # --- public API -------------------------------------------------------------------------------------------
    @property
    def grouping(self) -> Grouping:
        """The current grouping."""
        return self._grouping

    def set_grouping(self, grouping: Grouping) -> None:
        """Regroup the clauses."""
        if grouping != self._grouping:
            self.beginResetModel()
            self._grouping = grouping
            self._groups = self._build()
            self.endResetModel()

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario``: changed rows update in place when the tree's shape is unchanged, else the model resets."""
        self._scenario = scenario
        groups = self._build()
        if self._shape(groups) == self._shape(self._groups):
            old, self._groups = self._groups, groups
            last = len(self.COLUMNS) - 1
            for g, ((_, old_label, old_clauses), (_, label, clauses)) in enumerate(zip(old, groups)):
                if old_label != label:
                    self.dataChanged.emit(self.index(g, 0), self.index(g, 0))
                parent = self.index(g, 0)
                for r, (before, after) in enumerate(zip(old_clauses, clauses)):
                    if _shown(before) != _shown(after):
                        self.dataChanged.emit(self.index(r, 0, parent), self.index(r, last, parent))
        else:
            self.beginResetModel()
            self._groups = groups
            self.endResetModel()

    def set_breaches(self, breaches: dict[str, list[str]]) -> None:
        """Flag the clauses that breach the mandate (clause id -> messages); an empty dict clears every flag."""
        self._breaches = {k: list(v) for k, v in breaches.items() if v}
        self._all_changed()

    def breaches(self, clause_id: str) -> list[str]:
        """The mandate breach messages of one clause."""
        return list(self._breaches.get(clause_id, []))

    def clause_indexes(self, clause_id: str) -> list[QModelIndex]:
        """Every row (column 0) that shows ``clause_id`` (several when grouped by partner)."""
        out = []
        for g, (_, _, clauses) in enumerate(self._groups):
            for r, c in enumerate(clauses):
                if c.id == clause_id:
                    out.append(self.createIndex(r, 0, g + 1))
        return out

    # --- QAbstractItemModel -----------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        group = child.internalId()
        if group == 0:
            return QModelIndex()
        return self.createIndex(group - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][2])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0:
            flags = Qt.ItemFlag.ItemIsEnabled
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(self.COLUMN_TIPS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            return self._group_data(index, role)
        clause = self._groups[group - 1][2][index.row()]
        return self._clause_data(clause, index.column(), role)

    # --- internals --------------------------------------------------------------------------------------------
    def _group_data(self, index: Index, role: int) -> Any:
        key, label, clauses = self._groups[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{label} ({len(clauses)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        return None

    def _clause_data(self, clause: Any, column: int, role: int) -> Any:
        status = clause.status.value
        breaches = self._breaches.get(clause.id)
        if role == CLAUSE_ID_ROLE:
            return clause.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return clause.title
            if column == 1:
                return _tr(STATUS_TEXT[status])
            return clause.proposed_by
        if role == Qt.ItemDataRole.DecorationRole:
            if column == 0 and breaches:
                return icon("breach")
            if column == 1:
                return icon(f"status-{status}")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [clause.title, _tr(kind_of(clause).label),
                     _tr("Status: {0}; proposed by {1}").format(_tr(STATUS_TEXT[status]), clause.proposed_by)]
            if clause.reserved_by:
                lines.append(_tr("Reserved by {0}").format(", ".join(clause.reserved_by)))
            if clause.bracketed_parameters():
                lines.append(_tr("In brackets: {0}").format(", ".join(clause.bracketed_parameters())))
            if breaches:
                lines.append(_tr("Breaches the mandate:"))
                lines.extend(f"\u2022 {m}" for m in breaches)
            return "\n".join(lines)
        return None

    def _build(self) -> list[tuple[str, str, list[Any]]]:
        doc = self._scenario.document
        if self._grouping is Grouping.MINERAL:
            return [(m.id, m.name, [c for c in doc.clauses if c.mineral == m.id]) for m in doc.minerals]
        return [(p.code, f"{p.name} ({p.code})", [c for c in doc.clauses if p.code in c.parties]) for p in doc.partners]

    @staticmethod
    def _shape(groups: list[tuple[str, str, list[Any]]]) -> list[tuple[str, list[str]]]:
        return [(key, [c.id for c in clauses]) for key, _, clauses in groups]

    def _all_changed(self) -> None:
        """Every cell may have changed (e.g. the mandate flags)."""
        if not self._groups:
            return
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, last))
        for g, (_, _, clauses) in enumerate(self._groups):
            if clauses:
                parent = self.index(g, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(clauses) - 1, last, parent))


def _shown(clause: Any) -> tuple[Any, ...]:
    """What a clause row displays (text, icons, tooltip): rows whose value is unchanged need no repaint."""
    return (clause.title, clause.kind, clause.status, clause.proposed_by, tuple(clause.reserved_by),
            tuple(clause.bracketed_parameters()))
