"""The private block editor: the delegation's notes, internal comments, clause notes and mandate - never shared."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from workbench.document import Scenario
from workbench.ui.editors.fields import LongTextEdit, MoneyEdit, NumberEdit, OptionalEdit
from workbench.ui.editors.form import BoundForm, replace_page
from workbench.ui.icons import icon


class PrivateEditor(BoundForm):
    """Notes and mandate of this delegation, clearly marked: kept out of every shared copy."""

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(controller, parent)
        banner = QHBoxLayout()
        lock = QLabel()
        size = self.style().pixelMetric(self.style().PixelMetric.PM_LargeIconSize)
        lock.setPixmap(icon("private").pixmap(size, size))
        text = QLabel(self.tr("<b>PRIVATE \u2014 never shared.</b> Notes and mandate of your delegation. They stay "
                              "in your scenario file and are removed from every copy you share."))
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("Private - never shared"))
        banner.addWidget(lock, 0, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(text, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addWidget(self.general)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    def structure(self, scenario: Scenario) -> Any:
        doc = scenario.document
        return ([(c.id, c.title) for c in doc.clauses], [p.code for p in doc.partners],
                len(scenario.private.internal_comments))

    def populate(self) -> None:
        doc = self.controller.scenario.document
        page = QWidget()
        outer = QVBoxLayout(page)

        notes = QGroupBox(self.tr("Private notes"))
        form = QFormLayout(notes)
        name = self.tr("Private notes")
        notes_edit = LongTextEdit(name)
        notes_edit.text.setFixedHeight(self.fontMetrics().lineSpacing() * 7)
        form.addRow(self.bind(("private", "notes"), name, notes_edit))
        outer.addWidget(notes)

        comments = QGroupBox(self.tr("Internal comments"))
        rows = QVBoxLayout(comments)
        for j, _ in enumerate(self.controller.scenario.private.internal_comments):
            n = j + 1
            name = self.tr("Internal comment {0}").format(n)
            widget = LongTextEdit(name)
            widget.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove internal comment {0}").format(n))
            remove.clicked.connect(lambda _=False, i=j: self.edit(
                self.tr("Remove internal comment {0}").format(i + 1),
                lambda d: d["private"]["internal_comments"].pop(i)))
            line = QHBoxLayout()
            line.addWidget(self.bind(("private", "internal_comments", j), name, widget), 1)
            line.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
            rows.addLayout(line)
        add = QPushButton(self.tr("Add internal comment"))
        add.setAccessibleName(self.tr("Add internal comment"))
        add.clicked.connect(lambda: self.edit(self.tr("Add internal comment"),
                                              lambda d: d["private"]["internal_comments"].append("")))
        rows.addWidget(add)
        outer.addWidget(comments)

        mandate = QGroupBox(self.tr("Mandate"))  # a group box is as wide as its title: the note goes inside
        form = QFormLayout(mandate)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        note = QLabel(self.tr("Sums in millions (m) or billions (bn), as the results show them. Breaches are "
                              "flagged in the navigator and on the result cell that breaches."))
        note.setWordWrap(True)
        form.addRow(note)
        m = ("private", "mandate")
        for partner in doc.partners:
            code = partner.code
            heading = QLabel(f"<b>{partner.name} ({code})</b>")
            form.addRow(heading)
            for field, text in (("fiscal_ceiling_per_year", self.tr("{0}: fiscal ceiling per year")),
                                ("max_pv_cost", self.tr("{0}: maximum present-value cost"))):
                label = text.format(code)
                widget = OptionalEdit(label, MoneyEdit(label), lambda: {"amount": 5e8, "currency": "USD"})
                form.addRow(label + ":", self.bind((*m, field, code), label, widget))
            label = self.tr("{0}: maximum consumer price increase").format(code)
            widget = OptionalEdit(label, NumberEdit(label, 0.0, 10.0, 1, " %", 100.0), lambda: 0.1)
            form.addRow(label + ":", self.bind((*m, "max_consumer_price_increase", code), label, widget))
        name = self.tr("Red lines (one a line)")
        form.addRow(QLabel(f"<b>{name}</b>"))
        red_lines = LongTextEdit(name)
        red_lines.text.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        form.addRow(self.bind((*m, "red_lines"), name, red_lines,
                              get=lambda d: "\n".join(d["private"]["mandate"]["red_lines"]),
                              put=lambda d, v: d["private"]["mandate"].__setitem__(
                                  "red_lines", [line for line in v.split("\n") if line.strip()])))
        outer.addWidget(mandate)

        clause_notes = QGroupBox(self.tr("Private notes per clause"))
        column = QVBoxLayout(clause_notes)
        for clause in doc.clauses:
            name = self.tr("Private note on {0}").format(clause.id)
            widget = LongTextEdit(name)
            widget.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
            title = QLabel(f"{clause.title} ({clause.id}):")
            title.setWordWrap(True)
            title.setBuddy(widget.text)
            column.addWidget(title)
            column.addWidget(self.bind(("private", "clause_notes", clause.id), name, widget,
                                       get=lambda d, c=clause.id: d["private"]["clause_notes"].get(c, ""),
                                       put=lambda d, v, c=clause.id: _put_note(d, c, v)))
        outer.addWidget(clause_notes)
        outer.addStretch(1)
        replace_page(self.scroll, page)


def _put_note(data: dict[str, Any], clause_id: str, text: str) -> None:
    notes = data["private"]["clause_notes"]
    if text:
        notes[clause_id] = text
    else:
        notes.pop(clause_id, None)
