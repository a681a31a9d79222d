"""The rounds timeline: one branch per round, one row per event (date, delegation, action, clause, summary)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench.document import ScenarioDocument
from workbench.sharing import timeline


class RoundsTimelineView(QTreeWidget):
    """Who proposed what, and when, round by round."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rounds timeline"))
        self.setHeaderLabels([self.tr("Round / date"), self.tr("Delegation"), self.tr("Action"), self.tr("Clause"),
                              self.tr("Summary")])
        self.setRootIsDecorated(True)

    def show_document(self, document: ScenarioDocument) -> None:
        """Fill the view from ``document``'s history."""
        self.clear()
        for rnd in timeline(document):
            title = self.tr("Round {0}").format(rnd.number)
            if rnd.label:  # a label that already names the round ("Round 1 - trilateral") is shown as it is
                title = rnd.label if rnd.label.lower().startswith(title.lower()) else f"{title} \u2014 {rnd.label}"
            top = QTreeWidgetItem(self, [title])
            top.setFirstColumnSpanned(True)
            for e in rnd.events:
                row = QTreeWidgetItem(top, [e.date or self.tr("(not recorded)"), e.delegation, e.action,
                                            e.clause_title, e.summary])
                row.setToolTip(3, e.clause_title)
                row.setToolTip(4, e.summary)
            top.setExpanded(True)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)


class RoundsTimelineDialog(QDialog):
    """A window around the timeline of the current scenario, kept up to date as it changes."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rounds timeline"))
        layout = QVBoxLayout(self)
        self.view = RoundsTimelineView(self)
        layout.addWidget(self.view)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        controller.scenarioChanged.connect(lambda s: self.view.show_document(s.document))
        self.view.show_document(controller.scenario.document)
        self.resize(1100, 480)
