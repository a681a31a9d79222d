"""The scenario editor: title, round, author delegation, classification marking and description."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from workbench.document import Scenario
from workbench.ui.editors.fields import ChoiceEdit, IntEdit, LongTextEdit, TextEdit
from workbench.ui.editors.form import BoundForm


class MetadataEditor(BoundForm):
    """What the scenario is: shown on shared copies and term sheets."""

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(controller, parent)
        self.page = QWidget()
        self.form = QFormLayout(self.page)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The author delegation is credited with new clauses and with Option A when a parameter "
                               "is bracketed; the marking is printed on everything circulated."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.general)
        layout.addWidget(self.page)
        layout.addStretch(1)
        self.refresh()

    def structure(self, scenario: Scenario) -> Any:
        return [(p.code, p.name) for p in scenario.document.partners]

    def populate(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        m = ("document", "metadata")
        partners = [(f"{p.code} \u2014 {p.name}", p.code) for p in self.controller.scenario.document.partners]
        rows = [("title", self.tr("Title"), TextEdit(self.tr("Title"), 200)),
                ("round", self.tr("Round"), IntEdit(self.tr("Round"), 1, 999)),
                ("round_label", self.tr("Round label"), TextEdit(self.tr("Round label"), 200)),
                ("author_delegation", self.tr("Author delegation"), ChoiceEdit(self.tr("Author delegation"), partners)),
                ("classification", self.tr("Marking"), TextEdit(self.tr("Marking"), 200)),
                ("description", self.tr("Description"), LongTextEdit(self.tr("Description")))]
        for field, name, widget in rows:
            self.form.addRow(name + ":", self.bind((*m, field), name, widget))
