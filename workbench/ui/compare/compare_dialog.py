"""File > Compare with another version: origin, redline, parameter changes, impact per partner, accept or reject."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from workbench.analysis import units
from workbench.files import FILE_EXTENSION, FileFormatError, load_scenario
from workbench.sharing import (Keyring, MergeError, MergeItem, SentArchive, accept, compare, plan_merge, sender_of,
                               verify_origin)
from workbench.sharing.merge import HISTORY_SLOT
from workbench.sharing.redline import redline_html
from workbench.sharing.slots import clause_titles
from workbench.analysis.compare import FRACTION_PARAMETERS, parameter_text
from workbench.sharing.slots import slot_values, value_text
from workbench.ui.compare.common import MessageLine, our_delegation
from workbench.ui.compare.timeline_view import RoundsTimelineView
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr
from workbench.untrusted_text import shown

ITEM_ROLE = Qt.ItemDataRole.UserRole
CONFLICT_BRUSH = QBrush(QColor("#ffd6d6"))
STATE_COLUMN = 4
#: Impact columns: result field, header (ours / theirs / change under it), money or percentage.
_IMPACT = (("fiscal_cost_pv_usd", QT_TR_NOOP("Cost PV"), "usd"),
           ("consumer_price_change_pct", QT_TR_NOOP("Consumer price"), "pct"),
           ("producer_price_change_pct", QT_TR_NOOP("Producer price"), "pct"))


def shown_value(field: str, value: object) -> str:
    """A slot's value as the editor shows it: shares and rates in % (a tariff of 0.5 reads 50 %), each option of a
    bracket in full: ``[50 %][25 %] (A modelled)``."""
    if isinstance(value, dict) and "options" in value and "selected" in value:
        options = "".join(f"[{shown_value(field, o['value'])}]" for o in value["options"])
        return f"{options} ({value['selected']} modelled)"
    if field in FRACTION_PARAMETERS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return parameter_text(field, value)
    return value_text(value)


def impact_text(value: float, kind: str, change: bool) -> str:
    """A cell of the impact table in the results panel's formats: ``USD 82.3 m`` / ``+USD 221.6 m`` for money,
    ``+4.1 %`` for a price change and ``+0.4 pp`` for the change between the versions (percentage points)."""
    if value != value:  # NaN
        return _tr("n/a")
    if kind == "usd":
        text = units.usd(value)
        return "+" + text if change and round(value / 1e6, 1) > 0 else text
    text = units.pct(value)
    return text.replace(" %", " pp") if change else text


class CompareDialog(QDialog):
    """Our version against theirs; every accept goes through the controller as one undoable command."""

    def __init__(self, controller, keyring: Keyring, archive: SentArchive, theirs_path: Path, *,
                 base_path: Path | None = None, parent: QWidget | None = None):
        """Raises FileFormatError when ``theirs_path`` is not a readable scenario file."""
        super().__init__(parent)
        self.controller, self.keyring, self.archive = controller, keyring, archive
        self.loaded = load_scenario(theirs_path)
        self.theirs = self.loaded.scenario
        self.origin = verify_origin(self.loaded, keyring)
        self.sender = sender_of(self.theirs, self.loaded.signature)
        self.by = our_delegation(keyring, controller.scenario)
        self.rejected: set = set()
        self.setWindowTitle(self.tr("Compare with {0} ({1})").format(theirs_path.name, self.sender))

        layout = QVBoxLayout(self)
        self.origin_label = QLabel(self.tr("Their file: {0}").format(self.origin.text), self)
        self.origin_label.setWordWrap(True)
        if not self.origin.trustworthy:
            self.origin_label.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.origin_label)
        base_row = QHBoxLayout()
        self.base_label = QLabel(self)
        self.base_label.setWordWrap(True)
        choose_base = QPushButton(self.tr("Choose base..."), self)
        base_row.addWidget(self.base_label, 1)
        base_row.addWidget(choose_base)
        layout.addLayout(base_row)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._changes_tab(), self.tr("Changes"))
        self.redline = QTextBrowser(self)
        self.redline.setAccessibleName(self.tr("Redline of clause texts"))
        self.tabs.addTab(self.redline, self.tr("Redline"))
        self.impact_table = QTableWidget(self)
        self.impact_table.setAccessibleName(self.tr("Change in fiscal cost and prices per partner"))
        self.impact_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.impact_note = QLabel(self)
        self.impact_note.setWordWrap(True)
        impact_box = QWidget(self)
        impact_layout = QVBoxLayout(impact_box)
        impact_layout.addWidget(self.impact_table, 1)
        impact_layout.addWidget(self.impact_note)
        self.tabs.addTab(impact_box, self.tr("Fiscal cost and prices"))
        self.timeline = RoundsTimelineView(self)
        self.timeline.show_document(self.theirs.document)
        self.tabs.addTab(self.timeline, self.tr("Their rounds"))

        self.message = MessageLine(self)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        choose_base.clicked.connect(self._choose_base)
        controller.scenarioChanged.connect(self._refresh_states)

        self.diff = compare(controller.scenario, self.theirs)
        self._show_redline()
        self._show_impact()
        base = None
        if base_path is not None:
            base = self._load_base(base_path)
        found = base if base is not None else archive.find_base(self.theirs, controller.scenario)
        self._set_base(found, explicit=base is not None)
        self.resize(1180, 640)  # the nine impact columns side by side on a 1366-pixel screen

    # -- base and plan ------------------------------------------------------------------------------------------
    def _load_base(self, path: Path):
        try:
            return load_scenario(path).scenario
        except FileFormatError as exc:
            self.message.error(self.tr("Base not used: {0}").format(exc))
            return None

    def _choose_base(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Common base version"), "",
                                              self.tr("Scenario files (*{0})").format(FILE_EXTENSION))
        if name:
            self.set_base_file(Path(name))

    def set_base_file(self, path: Path) -> None:
        """Use the version in ``path`` as the common base (e.g. the copy we sent, from elsewhere)."""
        base = self._load_base(path)
        if base is not None:
            self._set_base(base, explicit=True)

    def _set_base(self, base, *, explicit: bool) -> None:
        self.plan = plan_merge(self.controller.scenario, self.theirs, base, sender=self.sender)
        if base is None:
            self.base_label.setText(self.tr("No common base: we have no record of sharing the version they worked "
                                            "from, so every difference is listed and none can be called a conflict."))
        else:
            how = self.tr("chosen by you") if explicit else self.tr("the copy we last shared")
            self.base_label.setText(self.tr("Base: {0}. Only their changes since then are listed; parts both sides "
                                            "changed are conflicts ({1}).").format(how, len(self.plan.conflicts())))
        self._fill_changes()

    # -- changes tab --------------------------------------------------------------------------------------------
    def _changes_tab(self) -> QWidget:
        box = QWidget(self)
        v = QVBoxLayout(box)
        self.tree = QTreeWidget(box)
        self.tree.setAccessibleName(self.tr("Their changes"))
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Ours"), self.tr("Theirs"), self.tr("Base"),
                                   self.tr("State")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setColumnWidth(0, 330)
        for column in (1, 2, 3):
            self.tree.setColumnWidth(column, 200)
        v.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept selected"), box)
        self.reject_button = QPushButton(self.tr("Reject selected"), box)
        self.accept_rest_button = QPushButton(self.tr("Accept all without conflict"), box)
        for b in (self.accept_button, self.reject_button, self.accept_rest_button):
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        self.accept_button.clicked.connect(lambda: self.accept_items(self.selected_items()))
        self.reject_button.clicked.connect(lambda: self.reject_items(self.selected_items()))
        self.accept_rest_button.clicked.connect(
            lambda: self.accept_items([i for i in self.plan.items if not i.conflict and self.state(i) == "pending"]))
        return box

    def _fill_changes(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        titles = clause_titles(self.controller.scenario, self.theirs)
        for index, item in enumerate(self.plan.items):
            key = item.slot.clause_id or ("history" if item.slot == HISTORY_SLOT else "settings")
            if key not in groups:
                name = titles.get(key) or (self.tr("Rounds history") if key == "history"
                                           else self.tr("Document settings"))
                groups[key] = QTreeWidgetItem(self.tree, [name])
                groups[key].setFirstColumnSpanned(True)
                groups[key].setExpanded(True)
            child = QTreeWidgetItem(groups[key], self._row_texts(item))
            for column in range(1, 4):  # a long bracket is cut at the column's edge: the whole value on hover
                child.setToolTip(column, child.text(column))
            child.setData(0, ITEM_ROLE, index)
            for col in range(1, 4):  # long values (titles, notes) are cut in the column: whole in the tooltip
                child.setToolTip(col, child.text(col))
            if item.conflict:
                for col in range(5):
                    child.setBackground(col, CONFLICT_BRUSH)
        if not self.plan.items:
            QTreeWidgetItem(self.tree, [self.tr("No changes of theirs to take.")])
        self._refresh_states()

    def _row_texts(self, item: MergeItem) -> list[str]:
        what = item.slot.field.replace("_", " ") if item.slot.field else item.label
        if item.slot == HISTORY_SLOT:
            return [self.tr("{0} new history entries").format(len(item.theirs)), "", "", "", ""]
        if item.slot.field is None:
            what = self.tr("clause added by them") if item.change == "added" else self.tr("clause removed by them")
        field = item.slot.field or ""
        base = shown_value(field, item.base) if self.plan.has_base else ""
        return [what, shown_value(field, item.ours), shown_value(field, item.theirs), base, ""]

    def state(self, item: MergeItem) -> str:
        """``accepted`` (our version now has their value), ``rejected``, ``conflict`` or ``pending``."""
        current = self.controller.scenario
        if item.slot == HISTORY_SLOT:
            taken = all(e in current.document.model_dump(mode="json")["history"] for e in item.theirs)
        else:
            values = slot_values(current)
            taken = values.get(item.slot, None) == item.theirs if item.change != "removed" \
                else item.slot not in values
        if taken:
            return "accepted"
        if item.slot in self.rejected:
            return "rejected"
        return "conflict" if item.conflict else "pending"

    def _refresh_states(self, *_: object) -> None:
        labels = {"accepted": self.tr("accepted"), "rejected": self.tr("rejected"),
                  "conflict": self.tr("CONFLICT: both changed it; your call"), "pending": self.tr("pending")}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                child.setText(STATE_COLUMN, labels[self.state(self.plan.items[child.data(0, ITEM_ROLE)])])

    def selected_items(self) -> list[MergeItem]:
        """Merge items of the selected rows; a selected clause row stands for all its rows."""
        picked: list[int] = []
        for row in self.tree.selectedItems():
            rows = [row] if row.data(0, ITEM_ROLE) is not None else [row.child(k) for k in range(row.childCount())]
            picked += [r.data(0, ITEM_ROLE) for r in rows if r.data(0, ITEM_ROLE) not in picked]
        return [self.plan.items[i] for i in sorted(set(picked))]

    def accept_items(self, items: list[MergeItem]) -> bool:
        """Take their side of ``items`` into our version as one undoable step; False (and a message) if invalid."""
        items = [i for i in items if self.state(i) != "accepted"]
        if not items:
            return False
        try:
            merged = accept(self.controller.scenario, items, self.plan, by=self.by)
        except MergeError as exc:
            self.message.error(str(exc))
            return False
        self.rejected -= {i.slot for i in items}
        label = items[0].label if len(items) == 1 else self.tr("{0} changes").format(len(items))
        self.controller.apply(merged, self.tr("Accept {0}'s change: {1}").format(self.sender, label))
        self.message.info(self.tr("Accepted {0}. Edit > Undo takes it back.").format(label))
        self._refresh_states()
        return True

    def reject_items(self, items: list[MergeItem]) -> None:
        """Leave ``items`` as they are in our version, and mark them rejected."""
        kept = [i for i in items if self.state(i) != "accepted"]
        self.rejected |= {i.slot for i in kept}
        if kept:
            label = kept[0].label if len(kept) == 1 else self.tr("{0} changes").format(len(kept))
            self.message.info(self.tr("Rejected {0}: your version keeps its own text.").format(label))
        self._refresh_states()

    # -- redline and impact -------------------------------------------------------------------------------------
    def _show_redline(self) -> None:
        parts = []
        for c in self.diff.clauses:
            status = f" \u2014 status {c.status[0]} \u2192 {c.status[1]}" if c.status else ""
            parts.append(f"<h3>{html.escape(c.title)} <small>({html.escape(c.change)}{html.escape(status)})</small>"
                         f"</h3><p>{redline_html(c.redline)}</p>")
        self.redline.setHtml("".join(parts) or f"<p>{html.escape(self.tr('The clause texts are the same.'))}</p>")

    def _show_impact(self) -> None:
        impact = self.diff.impact
        if impact is None:
            self.impact_table.setRowCount(0)
            self.impact_note.setText(self.tr("Not computed: {0}").format(shown(self.diff.impact_error)))
            return
        t = impact.table
        headers = []
        for _, name, _ in _IMPACT:
            headers += [f"{_tr(name)}\n{_tr(side)}" for side in (QT_TR_NOOP("ours"), QT_TR_NOOP("theirs"),
                                                                       QT_TR_NOOP("change"))]
        self.impact_table.setColumnCount(len(headers))
        self.impact_table.setHorizontalHeaderLabels(headers)
        self.impact_table.setRowCount(len(t))
        self.impact_table.setVerticalHeaderLabels([str(r) for r in t.index])
        for r, (_, row) in enumerate(t.iterrows()):
            for k, (col, _, kind) in enumerate(_IMPACT):
                for s, side in enumerate(("ours", "theirs", "change")):
                    cell = QTableWidgetItem(impact_text(row[f"{col}_{side}"], kind, side == "change"))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.impact_table.setItem(r, 3 * k + s, cell)
        self.impact_table.resizeColumnsToContents()
        notes = [self.tr("Change = theirs \u2212 ours (price changes in percentage points, pp); each "
                         "bracket's selected option modelled.")]
        self.impact_note.setText("\n".join(notes + [shown(w) for w in impact.warnings]))
