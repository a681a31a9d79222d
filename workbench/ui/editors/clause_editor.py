"""The clause editor: typed fields per clause kind, brackets per parameter, inline issues, live legal text."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QLabel, QMessageBox, QScrollArea, QSplitter, QTextBrowser, QVBoxLayout,
                               QWidget)

from workbench.document import ClauseKind, Scenario
from workbench.document.clauses import ClauseStatus
from workbench.instrument_kinds import FieldType, Param, kind_of
from workbench.text import render_clause
from workbench.ui.editors.brackets import BracketEdit
from workbench.ui.editors.costsharing import CostSharingEdit, rescale_shares
from workbench.ui.editors.fields import (ChoiceEdit, CodesEdit, IntEdit, LongTextEdit, MoneyEdit, NumberEdit,
                                         OptionalEdit, PriceEdit, TextEdit, ValueEdit, VolumeEdit)
from workbench.ui.editors.form import IssueLabel, ScenarioForm, field_cell, replace_page
from workbench.ui.editors.release import ReleaseRuleEdit
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr
from workbench.ui.navigator.operations import (generated_id_stem, generated_title, is_generated_id,
                                               reference_price_per_t, unique_clause_id)


STATUS_ITEMS = [(QT_TR_NOOP("Proposed"), ClauseStatus.PROPOSED.value),
                (QT_TR_NOOP("Bracketed"), ClauseStatus.BRACKETED.value),
                (QT_TR_NOOP("Agreed"), ClauseStatus.AGREED.value)]

Factory = Callable[[str], ValueEdit]


def _short_text(widget: LongTextEdit) -> LongTextEdit:
    widget.text.setFixedHeight(widget.text.fontMetrics().lineSpacing() * 5)
    return widget


def kind_field(param: Param) -> Factory:
    """The editor widget of a kind's parameter (declared in workbench.instrument_kinds), by its field type."""
    if param.type is FieldType.REGIONS:
        return CodesEdit
    if param.type is FieldType.CHOICE:
        return lambda n: ChoiceEdit(n, [(_tr(c.label), c.value) for c in param.choices])
    if param.type is FieldType.RELEASE_RULE:
        return lambda n: OptionalEdit(n, ReleaseRuleEdit(n), lambda: dict(param.optional_default))
    inner: Factory = {FieldType.PRICE: PriceEdit, FieldType.VOLUME: VolumeEdit, FieldType.MONEY: MoneyEdit}.get(
        param.type, lambda n: NumberEdit(n, 0.0, param.maximum, 1, _tr(param.suffix), 100.0))
    factory = (lambda n: BracketEdit(n, inner)) if param.bracketable else inner
    if param.optional_default is None:
        return factory
    return lambda n: OptionalEdit(n, factory(n), lambda: dict(param.optional_default))


#: Fields every clause has, after the kind's own.
COMMON_FIELDS: list[tuple[str, str, Factory]] = [
    ("mineral", QT_TR_NOOP("Mineral"), lambda n: ChoiceEdit(n, [])),
    ("parties", QT_TR_NOOP("Parties"), CodesEdit),
    ("proposed_by", QT_TR_NOOP("Proposed by"), lambda n: ChoiceEdit(n, [])),
    ("reserved_by", QT_TR_NOOP("Reservations by"), CodesEdit),
    ("status", QT_TR_NOOP("Status"), lambda n: ChoiceEdit(n, [(_tr(t), v) for t, v in STATUS_ITEMS])),
    ("round_introduced", QT_TR_NOOP("Round introduced"), lambda n: IntEdit(n, 1, 999)),
    ("start_year", QT_TR_NOOP("Start year"), lambda n: IntEdit(n, 2000, 2100)),
    ("duration_years", QT_TR_NOOP("Duration"), lambda n: BracketEdit(n, lambda m: IntEdit(m, 1, 50, _tr(" years")))),
    ("review_after_years", QT_TR_NOOP("Review after"),
     lambda n: OptionalEdit(n, IntEdit(n, 1, 50, _tr(" years")), lambda: 3)),
    ("cost_sharing", QT_TR_NOOP("Cost sharing"), CostSharingEdit),
    ("text_note", QT_TR_NOOP("Drafting note (shared)"), lambda n: _short_text(LongTextEdit(n))),
]

def parameter_name(kind: str, field: str) -> str:
    """The editor's label of a clause field, e.g. "Floor price" (the field name spelled out when it has none)."""
    labels = [(p.name, p.label) for p in kind_of(ClauseKind(kind)).params] + [(n, t) for n, t, _f in COMMON_FIELDS]
    for name, label in labels:
        if name == field:
            return _tr(label)
    return field.replace("_", " ").capitalize()


class ClauseEditor(ScenarioForm):
    """Edits the selected clause; every field change is one labelled undo step (keystrokes merge)."""

    clauseRenamed = Signal(str)

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(controller, parent)
        self.clause_id: str | None = None
        self._kind: ClauseKind | None = None
        self._any_region: set[str] = set()
        self.widgets: dict[str, ValueEdit] = {}
        self.names: dict[str, str] = {}

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(_tr("Clause fields"))

        self.preview = QTextBrowser()
        self.preview.setAccessibleName(_tr("Legal text preview"))
        self.preview.setOpenLinks(False)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_title = QLabel(_tr("Legal text preview"))
        preview_title.setBuddy(self.preview)
        preview_layout.addWidget(preview_title)
        preview_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.empty = QLabel(_tr("Select a clause in the navigator, or add one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.general)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        controller.scenarioChanged.connect(self._scenario_changed)
        self.show_clause(None)

    # --- public API -------------------------------------------------------------------------------------------
    def show_clause(self, clause_id: str | None) -> None:
        """Edit ``clause_id`` (None shows a hint instead of fields)."""
        self.clause_id = clause_id
        clause = self._clause()
        self.splitter.setVisible(clause is not None)
        self.empty.setVisible(clause is None)
        self.show_issues([])
        if clause is None:
            self.heading.setText(_tr("No clause selected"))
            self._kind = None
            return
        if ClauseKind(clause.kind) != self._kind:
            self._build(ClauseKind(clause.kind))
        self._refresh()

    def base_path(self) -> str:
        ids = [c.id for c in self.controller.scenario.document.clauses]
        return f"document.clauses[{ids.index(self.clause_id)}]" if self.clause_id in ids else "document.clauses"

    # --- internals --------------------------------------------------------------------------------------------
    def _clause(self) -> Any:
        if self.clause_id is None:
            return None
        try:
            return self.controller.scenario.document.clause(self.clause_id)
        except KeyError:
            return None

    def _build(self, kind: ClauseKind) -> None:
        self._kind = kind
        # fields whose choices are region codes (partners plus CN and ROW) rather than partners only
        self._any_region = {p.name for p in kind_of(kind).params if p.any_region}
        self.clear_targets()
        self.widgets = {}
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow pane puts wide fields under labels
        specs = [("title", QT_TR_NOOP("Title"), lambda n: TextEdit(n, 200)),
                 ("id", QT_TR_NOOP("Clause id"), lambda n: TextEdit(n, 40, on_finish=True))]
        specs += [(p.name, p.label, kind_field(p)) for p in kind_of(kind).params] + COMMON_FIELDS
        for field, name, factory in specs:
            shown = _tr(name)
            widget = factory(shown)
            issue = IssueLabel()
            cell = field_cell(widget, issue)
            label = QLabel(shown + ":")
            label.setBuddy(widget.focusProxy() or widget)
            form.addRow(label, cell)
            widget.edited.connect(lambda typing, f=field, w=widget: self._edited(f, w, typing))
            self.register(field, shown, issue)
            self.widgets[field] = widget
            self.names[field] = shown
        replace_page(self.scroll, page)

    def _refresh(self) -> None:
        clause = self._clause()
        if clause is None:
            self.show_clause(None)
            return
        doc = self.controller.scenario.document
        self.heading.setText(f"{_tr(kind_of(clause).label)} \u2014 {clause.id}")
        partners = [(p.code, p.name) for p in doc.partners]
        regions = partners + [("CN", _tr("China")), ("ROW", _tr("Rest of the world"))]
        codes = [p.code for p in doc.partners]
        data = clause.model_dump(mode="json")
        for field, widget in self.widgets.items():
            if isinstance(widget, CodesEdit):
                widget.set_choices(regions if field in self._any_region else partners)
            elif isinstance(widget, ChoiceEdit) and field == "mineral":
                _refill(widget, [(m.name, m.id) for m in doc.minerals])
            elif isinstance(widget, ChoiceEdit) and field == "proposed_by":
                _refill(widget, [(f"{p.code} \u2014 {p.name}", p.code) for p in doc.partners])
            elif isinstance(widget, CostSharingEdit):
                widget.set_parties(clause.parties)
            for bracket in _brackets(widget):
                bracket.set_proponents(codes, clause.proposed_by)
            widget.set_value(data[field])
        self._render(clause)

    def _render(self, clause: Any) -> None:
        html = render_clause(clause, self.controller.scenario.document).html()
        if html != self.preview.toHtml():
            bar = self.preview.verticalScrollBar()
            position = bar.value()
            self.preview.setHtml(html)
            bar.setValue(position)

    def _edited(self, field: str, widget: ValueEdit, typing: bool) -> None:
        clause = self._clause()
        if clause is None:
            return
        value = widget.value()
        index = [c.id for c in self.controller.scenario.document.clauses].index(clause.id)
        label = getattr(widget, "last_action", None) or getattr(getattr(widget, "inner", None), "last_action", None) \
            or _tr("Edit {0} of {1}").format(self.names[field], clause.id)
        merge = f"{clause.id}/{field}" if typing else None
        reopen = clause.status == ClauseStatus.AGREED and field != "status"
        if reopen and not self.confirm_reopen(clause.id, self.names[field]):
            widget.set_value(clause.model_dump(mode="json")[field])  # agreed text is never changed silently
            return
        follow = self._mineral_follow(clause, value) if field == "mineral" else {}

        def mutate(data: dict[str, Any]) -> None:
            target = data["document"]["clauses"][index]
            target[field] = value
            if isinstance(value, dict) and "options" in value and target["status"] == ClauseStatus.PROPOSED.value:
                target["status"] = ClauseStatus.BRACKETED.value  # text in brackets is bracketed text
            if reopen:  # nothing is agreed until everything is agreed: an edited agreed clause is open again
                bracketed = any(isinstance(v, dict) and "options" in v for v in target.values())
                target["status"] = (ClauseStatus.BRACKETED if bracketed else ClauseStatus.PROPOSED).value
            if field == "parties" and target["cost_sharing"]["rule"] == "fixed" and value:
                target["cost_sharing"]["shares"] = rescale_shares(target["cost_sharing"]["shares"], value)
            target.update(follow)
            new_id = value if field == "id" else follow.get("id")
            if new_id:
                notes = data["private"]["clause_notes"]
                if clause.id in notes:
                    notes[new_id] = notes.pop(clause.id)

        if field == "id":
            label = _tr("Rename clause {0} to {1}").format(clause.id, value)
        if reopen:
            label = _tr("Reopen agreed clause {0}: {1}").format(clause.id, label)
            merge = None
        if self.edit(label, mutate, merge):
            new_id = value if field == "id" else follow.get("id")
            if new_id:
                self.clause_id = new_id
                self.clauseRenamed.emit(new_id)
        elif not typing and not widget.keeps_input:  # a refused choice snaps back; typed text stays to correct
            widget.set_value(clause.model_dump(mode="json")[field])

    def confirm_reopen(self, clause_id: str, field: str) -> bool:
        """Ask before an agreed clause is edited (Yes reopens it in the same undo step)."""
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self, _tr("Edit an agreed clause?"),
            _tr("Clause {0} is agreed. Changing its {1} reopens it: it goes back to proposed (bracketed if it has "
                "brackets), as one step you can undo.\n\nChange it?").format(clause_id, field.lower()),
            buttons.Yes | buttons.No, buttons.No) == buttons.Yes

    def confirm_rescale(self, old: str, new: str, factor: float) -> bool:
        """Ask whether the prices follow the new mineral's reference price (scaled by ``factor``)."""
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self, _tr("Rescale prices?"),
            _tr("The prices of this clause were set for {0}. Rescale them to the reference price of {1} "
                "(×{2})?").format(old, new, f"{factor:,.4g}"),
            buttons.Yes | buttons.No, buttons.Yes) == buttons.Yes

    def _mineral_follow(self, clause: Any, mineral: str) -> dict[str, Any]:
        """What changes with the mineral: a generated title and id (never ones the user typed), and the prices
        rescaled to the new mineral's reference price if the negotiator agrees."""
        if mineral == clause.mineral:
            return {}
        scenario = self.controller.scenario
        kind = ClauseKind(clause.kind)
        update: dict[str, Any] = {}
        if clause.title == generated_title(scenario, kind, clause.mineral):
            update["title"] = generated_title(scenario, kind, mineral)
        if is_generated_id(clause.id, kind, clause.mineral):
            update["id"] = unique_clause_id(scenario, generated_id_stem(kind, mineral), ignore=clause.id)
        old_ref, new_ref = reference_price_per_t(clause.mineral), reference_price_per_t(mineral)
        data = clause.model_dump(mode="json")
        prices = [p.name for p in kind_of(kind).params if p.type is FieldType.PRICE and data.get(p.name) is not None]
        if prices and old_ref and new_ref:
            names = {m.id: m.name for m in scenario.document.minerals}
            factor = new_ref / old_ref
            if self.confirm_rescale(names.get(clause.mineral, clause.mineral), names.get(mineral, mineral), factor):
                per = "kg" if new_ref >= 20_000 else "t"  # as a new clause on that mineral would be priced
                for f in prices:
                    update[f] = _rescaled(data[f], factor, per)
        return update

    def _scenario_changed(self, _scenario: Scenario) -> None:
        if self.clause_id is None:
            return
        clause = self._clause()
        if clause is None or ClauseKind(clause.kind) != self._kind:
            self.show_clause(self.clause_id)
            return
        self.show_issues([])
        self._refresh()


def _refill(widget: ChoiceEdit, items: list[tuple[str, str]]) -> None:
    combo = widget.combo
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
        return
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def _brackets(widget: ValueEdit) -> list[BracketEdit]:
    if isinstance(widget, BracketEdit):
        return [widget]
    inner = getattr(widget, "inner", None)
    return [inner] if isinstance(inner, BracketEdit) else []



def _rescaled(value: dict[str, Any], factor: float, per: str) -> dict[str, Any]:
    """A price (or each option of a bracketed price) times ``factor``, quoted per ``per`` when it was per kg or t."""
    if "options" in value:
        return {**value, "options": [{**o, "value": _rescaled(o["value"], factor, per)} for o in value["options"]]}
    amount, unit = value["amount"] * factor, value["per"]
    if {unit, per} == {"kg", "t"}:
        amount, unit = (amount * 1000.0, "t") if per == "t" else (amount / 1000.0, "kg")
    return {**value, "amount": round(amount, 2), "per": unit}
