"""The Stress tab: the scenario's stress events (export restrictions, dumping episodes, supply outages) listed, added,
duplicated, removed and edited field by field, each change one labelled undo step validated inline."""

from __future__ import annotations

import copy
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QRadioButton, QScrollArea, QSplitter, QToolButton, QVBoxLayout, QWidget)

from workbench.document import Scenario
from workbench.document.stress import StressKind, TargetScope
from workbench.ui.editors.fields import (ChoiceEdit, CheckEdit, CodesEdit, IntEdit, LongTextEdit, NumberEdit,
                                         TextEdit, ValueEdit)
from workbench.ui.editors.form import BoundForm, IssueLabel, path_text, replace_page
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

KIND_TEXT = {StressKind.EXPORT_RESTRICTION: QT_TR_NOOP("Export restriction"),
             StressKind.DUMPING: QT_TR_NOOP("Dumping episode"),
             StressKind.SUPPLY_OUTAGE: QT_TR_NOOP("Supply outage")}
TARGET_TEXT = {TargetScope.ALL: QT_TR_NOOP("All importers"),
               TargetScope.ZONE: QT_TR_NOOP("The zone's members"),
               TargetScope.PARTNERS: QT_TR_NOOP("Named importers:")}
#: Region code of a supply outage that hits every producing region (e.g. refiners short of feed).
EVERY_REGION = "*"


def new_event(kind: StressKind, scenario: Scenario, mineral: str | None = None) -> dict[str, Any]:
    """A new stress event of ``kind`` as document data: a unique id, a title naming the kind and the mineral, two
    years from the year after the base year; the supplier China, half its exports withheld from the zone (all
    importers if the zone has no members), a 30 % price cut, or a third of the rest of the world's output lost."""
    doc = scenario.document
    mineral = mineral or (doc.minerals[0].id if doc.minerals else "")
    names = {m.id: m.name for m in doc.minerals}
    taken = {e.id for e in doc.stress_tests}
    stem = kind.value.replace("_", "-")
    number = next(n for n in range(1, len(taken) + 2) if f"{stem}-{n}" not in taken)
    data: dict[str, Any] = {
        "kind": kind.value, "id": f"{stem}-{number}",
        "title": _tr("{0} on {1}").format(_tr(KIND_TEXT[kind]), names.get(mineral, mineral)),
        "mineral": mineral, "start_year": doc.assumptions.base_year + 1, "duration_years": 2, "source_note": ""}
    if kind is StressKind.EXPORT_RESTRICTION:
        data.update(supplier="CN", share_withheld=0.5, targets=(TargetScope.ZONE if doc.members() else
                                                                TargetScope.ALL).value,
                    target_partners=[], licensing_delay=False)
    elif kind is StressKind.DUMPING:
        data.update(supplier="CN", price_cut=0.3)
    else:
        data.update(region="ROW", share_lost=0.3)
    return data


def duplicate_event(event: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    """A copy of ``event`` (document data) with a free id (``<id>-copy``, ``<id>-copy-2``...) and "(copy)" titled."""
    out = copy.deepcopy(event)
    stem = event["id"][:34]
    candidates = [f"{stem}-copy"] + [f"{stem}-copy-{n}" for n in range(2, len(taken) + 3)]
    out["id"] = next(c for c in candidates if c not in taken)
    out["title"] = (event["title"] + _tr(" (copy)"))[:200]
    return out


class TargetsEdit(ValueEdit):
    """Who an export restriction hits: every importer, the zone's members, or the importers ticked.

    The value is ``{"targets": ..., "target_partners": [...]}``. Ticking an importer chooses "Named importers";
    choosing it with none ticked ticks the first one that is not the supplier.
    """

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(column, 1)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for scope, text in TARGET_TEXT.items():
            button = QRadioButton(_tr(text))
            button.setAccessibleName(_tr("{0}: {1}").format(name, _tr(text)))
            self.group.addButton(button)
            self.buttons[scope.value] = button
            column.addWidget(button)
        self.codes = CodesEdit(_tr("{0}: importers").format(name))
        self.codes.COLUMNS = 5
        column.addWidget(self.codes)
        self.supplier = ""
        self.group.buttonClicked.connect(self._scope_clicked)
        self.codes.edited.connect(self._code_ticked)

    def set_choices(self, choices: list[tuple[str, str]], members: list[str], supplier: str) -> None:
        """The importers offered (code, tooltip), the zone's members named beside "The zone's members", the
        supplier (never ticked first)."""
        self.codes.set_choices(choices)
        self.supplier = supplier
        zone = _tr(TARGET_TEXT[TargetScope.ZONE])
        self.buttons[TargetScope.ZONE.value].setText(f"{zone} ({', '.join(members)})" if members else zone)

    def _scope_clicked(self, button: QRadioButton) -> None:
        if button is self.buttons[TargetScope.PARTNERS.value] and not self.codes.value():
            first = next((c for c in self.codes.boxes if c != self.supplier), None)
            if first is not None:
                self.codes.set_value([first])
        elif button is not self.buttons[TargetScope.PARTNERS.value]:
            self.codes.set_value([])
        self.edited.emit(False)

    def _code_ticked(self, _typing: bool) -> None:
        if self.codes.value():
            self.buttons[TargetScope.PARTNERS.value].setChecked(True)
        self.edited.emit(False)

    def value(self) -> dict[str, Any]:
        scope = next((s for s, b in self.buttons.items() if b.isChecked()), TargetScope.ALL.value)
        return {"targets": scope, "target_partners": self.codes.value() if scope == TargetScope.PARTNERS.value
                else []}

    def set_value(self, value: dict[str, Any]) -> None:
        button = self.buttons.get(value["targets"])
        if button is not None and not button.isChecked():
            self.group.blockSignals(True)
            button.setChecked(True)
            self.group.blockSignals(False)
        self.codes.set_value(value["target_partners"])


class StressEditor(BoundForm):
    """The scenario's stress tests: a list (add by kind, duplicate, remove) and the fields of the selected one."""

    stressSelected = Signal(object)  # the id of the stress test selected in the list, or None

    def __init__(self, controller: Any, parent: QWidget | None = None):
        self._row = 0
        super().__init__(controller, parent)
        intro = QLabel(self.tr("Crises the agreement is tested against: each is run with and without the agreement's "
                               "clauses (results: the Stress tab of the results pane)."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Stress tests"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add stress test"))
        self.add_button.setAccessibleName(self.tr("Add stress test"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_actions = {}
        for kind, text in KIND_TEXT.items():
            action = self.add_menu.addAction(_tr(text))
            action.triggered.connect(lambda _=False, k=kind: self.add_event(k))
            self.add_actions[kind] = action
        self.add_button.setMenu(self.add_menu)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setAccessibleName(self.tr("Duplicate the selected stress test"))
        self.duplicate_button.clicked.connect(self.duplicate_event)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected stress test"))
        self.remove_button.clicked.connect(self.remove_event)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list, 1)
        top_layout.addLayout(buttons)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Stress test fields"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.general)
        layout.addWidget(self.splitter, 1)
        self.refresh()

    # --- what is selected -------------------------------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        """The id of the stress test being edited (None when the scenario has none)."""
        events = self.controller.scenario.document.stress_tests
        return events[self._row].id if 0 <= self._row < len(events) else None

    def select(self, stress_id: str | None) -> None:
        """Edit the stress test ``stress_id`` (the first one when None or unknown)."""
        ids = [e.id for e in self.controller.scenario.document.stress_tests]
        self.list.setCurrentRow(ids.index(stress_id) if stress_id in ids else (0 if ids else -1))

    def _row_changed(self, row: int) -> None:
        if row < 0 or row == self._row:
            return
        self._row = row
        self.refresh()
        self.stressSelected.emit(self.current_id)

    # --- list operations, one undo step each --------------------------------------------------------------------
    def add_event(self, kind: StressKind) -> None:
        """Add a stress event of ``kind`` after the selected one (on its mineral) and select it."""
        events = self.controller.scenario.document.stress_tests
        mineral = events[self._row].mineral if 0 <= self._row < len(events) else None
        data = new_event(kind, self.controller.scenario, mineral)
        at = min(self._row + 1, len(events))
        if self.edit(self.tr("Add stress test {0}").format(data["id"]),
                     lambda d: d["document"]["stress_tests"].insert(at, data)):
            self.select(data["id"])

    def duplicate_event(self) -> None:
        """Add a copy of the selected stress event right after it (an alternative to edit) and select it."""
        stress_id = self.current_id
        if stress_id is None:
            return
        data = self.controller.scenario.to_data()["document"]["stress_tests"]
        copied = duplicate_event(data[self._row], {e["id"] for e in data})
        at = self._row + 1
        if self.edit(self.tr("Duplicate stress test {0}").format(stress_id),
                     lambda d: d["document"]["stress_tests"].insert(at, copied)):
            self.select(copied["id"])

    def remove_event(self) -> None:
        """Remove the selected stress event."""
        stress_id = self.current_id
        if stress_id is None:
            return
        row = self._row
        if self.edit(self.tr("Remove stress test {0}").format(stress_id),
                     lambda d: d["document"]["stress_tests"].pop(row)):
            self.select(None if not self.controller.scenario.document.stress_tests else
                        self.controller.scenario.document.stress_tests[max(0, row - 1)].id)

    # --- the form -----------------------------------------------------------------------------------------------
    def structure(self, scenario: Scenario) -> Any:
        doc = scenario.document
        return (tuple((e.id, e.kind) for e in doc.stress_tests), min(self._row, len(doc.stress_tests) - 1),
                tuple((p.code, p.name, p.role) for p in doc.partners), tuple((m.id, m.name) for m in doc.minerals))

    def refresh(self, scenario: Scenario | None = None) -> None:
        scenario = scenario or self.controller.scenario
        events = scenario.document.stress_tests
        self._row = min(max(self._row, 0), len(events) - 1) if events else 0
        super().refresh(scenario)
        self._fill_list(scenario)
        self.duplicate_button.setEnabled(bool(events))
        self.remove_button.setEnabled(bool(events))

    def _fill_list(self, scenario: Scenario) -> None:
        events = scenario.document.stress_tests
        texts = [f"{e.title}\n{_tr(KIND_TEXT[StressKind(e.kind)])} \u00b7 {e.mineral} \u00b7 {e.id}" for e in events]
        self.list.blockSignals(True)
        while self.list.count() > len(texts):
            self.list.takeItem(self.list.count() - 1)
        for i, text in enumerate(texts):
            item = self.list.item(i) or QListWidgetItem()
            if self.list.item(i) is None:
                self.list.addItem(item)
            if item.text() != text:
                item.setText(text)
            item.setToolTip(f"<p>{html.escape(events[i].source_note or _tr('No source note.'))}</p>")
        self.list.setCurrentRow(self._row if events else -1)
        self.list.blockSignals(False)

    def populate(self) -> None:
        doc = self.controller.scenario.document
        page = QWidget()
        if not doc.stress_tests:
            box = QVBoxLayout(page)
            empty = QLabel(self.tr("No stress tests yet. Add an export restriction, a dumping episode or a supply "
                                   "outage to see what the agreement protects against."))
            empty.setWordWrap(True)
            box.addWidget(empty)
            box.addStretch(1)
            replace_page(self.scroll, page)
            return
        i = self._row
        event = doc.stress_tests[i]
        kind = StressKind(event.kind)
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        heading = QLabel(_tr(KIND_TEXT[kind]))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        form.addRow(heading)
        regions = [(p.code, p.name) for p in doc.partners] + [("CN", _tr("China")), ("ROW", _tr("Rest of the world"))]
        keys = ("document", "stress_tests", i)

        def row(field: str, label: str, widget: ValueEdit, **kwargs: Any) -> QWidget:
            shown = _tr(label)
            kwargs.setdefault("label_of", lambda _v: self.tr("Edit {0} of {1}").format(shown, event.id))
            cell = self.bind((*keys, field), shown, widget, **kwargs)
            text = QLabel(shown + ":")
            text.setBuddy(widget.focusProxy() or widget)
            form.addRow(text, cell)
            return cell

        row("title", QT_TR_NOOP("Title"), TextEdit(_tr("Title"), 200))
        row("id", QT_TR_NOOP("Stress test id"), TextEdit(_tr("Stress test id"), 40, on_finish=True),
            label_of=lambda v: self.tr("Rename stress test {0} to {1}").format(event.id, v))
        row("mineral", QT_TR_NOOP("Mineral"), ChoiceEdit(_tr("Mineral"), [(m.name, m.id) for m in doc.minerals]))
        if kind is StressKind.SUPPLY_OUTAGE:
            row("region", QT_TR_NOOP("Producing region"),
                ChoiceEdit(_tr("Producing region"), [(f"{c} \u2014 {n}", c) for c, n in regions]
                           + [(_tr("Every producing region"), EVERY_REGION)]))
            row("share_lost", QT_TR_NOOP("Share of output lost"),
                NumberEdit(_tr("Share of output lost"), 0.0, 1.0, 1, " %", 100.0))
        else:
            row("supplier", QT_TR_NOOP("Supplier"),
                ChoiceEdit(_tr("Supplier"), [(f"{c} \u2014 {n}", c) for c, n in regions]))
        if kind is StressKind.EXPORT_RESTRICTION:
            row("share_withheld", QT_TR_NOOP("Share of exports withheld"),
                NumberEdit(_tr("Share of exports withheld"), 0.0, 1.0, 1, " %", 100.0))
            targets = TargetsEdit(_tr("Targets"))
            targets.set_choices(regions, doc.members(), event.supplier)
            cell = row("targets", QT_TR_NOOP("Targets"), targets,
                       get=lambda d: {f: d["document"]["stress_tests"][i][f] for f in ("targets", "target_partners")},
                       put=lambda d, v: d["document"]["stress_tests"][i].update(v))
            partners_issue = IssueLabel()  # the importers named have their own message under the same field
            cell.layout().addWidget(partners_issue)
            self.register(path_text((*keys, "target_partners")), _tr("Targets"), partners_issue)
            row("licensing_delay", QT_TR_NOOP("Licensing delay"),
                CheckEdit(_tr("A licensing delay (the share is what the licences hold back)")))
        if kind is StressKind.DUMPING:
            row("price_cut", QT_TR_NOOP("Export price cut"),
                NumberEdit(_tr("Export price cut"), 0.0, 0.9, 1, " %", 100.0))
            note = QLabel(self.tr("Modelled as an export subsidy: the supplier's buyers abroad pay this much less."))
            note.setWordWrap(True)
            form.addRow(note)
        row("start_year", QT_TR_NOOP("Start year"), IntEdit(_tr("Start year"), 2000, 2100))
        row("duration_years", QT_TR_NOOP("Duration"), IntEdit(_tr("Duration"), 1, 50, _tr(" years")))
        note = LongTextEdit(_tr("Source note"))
        note.text.setFixedHeight(note.text.fontMetrics().lineSpacing() * 5)
        note.text.setPlaceholderText(self.tr("e.g. precedent: Ga/Ge ban to the US, Dec 2024"))
        row("source_note", QT_TR_NOOP("Source note"), note)
        replace_page(self.scroll, page)
