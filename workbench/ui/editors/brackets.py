"""Editor of a bracketable parameter: a plain value, or Option A / Option B... each with proponent, one modelled."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton, QToolButton, QVBoxLayout,
                               QWidget)

from workbench.document.brackets import OPTION_LABELS
from workbench.ui.editors.fields import ValueEdit, set_combo
from workbench.ui.i18n import translate as _tr


class BracketEdit(ValueEdit):
    """Edits ``Bracketable`` values; ``last_action`` names what the latest edit did (for the undo label)."""

    def __init__(self, name: str, make_inner: Callable[[str], ValueEdit], parent: QWidget | None = None):
        super().__init__(name, parent)
        self.make_inner = make_inner
        self.proponents: list[str] = []
        self.default_proponent: str | None = None
        self.last_action: str | None = None
        self.box = QVBoxLayout()
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.layout_.addLayout(self.box, 1)
        self._shape: int | None = None   # 0 = plain, n = number of options
        self._widgets: list[QWidget] = []
        self.plain: ValueEdit | None = None
        self.rows: list[tuple[str, ValueEdit, QComboBox, QRadioButton]] = []
        self.group = QButtonGroup(self)

    # --- ValueEdit --------------------------------------------------------------------------------------------
    def value(self) -> Any:
        if self.plain is not None:
            return self.plain.value()
        selected = next((label for label, _, _, radio in self.rows if radio.isChecked()), "A")
        return {"options": [{"label": label, "value": inner.value(), "proposed_by": combo.currentData()}
                            for label, inner, combo, _ in self.rows], "selected": selected}

    def set_value(self, value: Any) -> None:
        bracketed = isinstance(value, dict) and "options" in value
        shape = len(value["options"]) if bracketed else 0
        if shape != self._shape:
            self._build(shape)
        if not bracketed:
            assert self.plain is not None
            self.plain.set_value(value)
            return
        for (label, inner, combo, radio), option in zip(self.rows, value["options"]):
            inner.set_value(option["value"])
            self._fill_proponents(combo)
            set_combo(combo, option.get("proposed_by"))
            if radio.isChecked() != (value["selected"] == label):
                radio.blockSignals(True)
                radio.setChecked(value["selected"] == label)
                radio.blockSignals(False)

    def set_proponents(self, codes: list[str], default: str | None) -> None:
        """The delegations that may propose an option, and the one credited with option A when bracketing."""
        self.proponents = list(codes)
        self.default_proponent = default
        for _, _, combo, _ in self.rows:
            current = combo.currentData()
            self._fill_proponents(combo)
            set_combo(combo, current)

    # --- actions ----------------------------------------------------------------------------------------------
    def bracket(self) -> None:
        """Put the plain value in brackets: Option A keeps it, Option B starts as a copy to be amended."""
        assert self.plain is not None
        current = self.plain.value()
        value = {"options": [{"label": "A", "value": current, "proposed_by": self.default_proponent},
                             {"label": "B", "value": current, "proposed_by": None}], "selected": "A"}
        self._edit(value, _tr("Bracket {0}").format(self.name))

    def add_option(self) -> None:
        """Add another option (up to D), starting as a copy of the last one."""
        value = self.value()
        n = len(value["options"])
        if n >= len(OPTION_LABELS):
            return
        value["options"].append({"label": OPTION_LABELS[n], "value": value["options"][-1]["value"],
                                 "proposed_by": None})
        self._edit(value, _tr("Add option {0} to {1}").format(OPTION_LABELS[n], self.name))

    def remove_option(self) -> None:
        """Remove the last option (at least two stay); the modelled choice falls back to A if it was removed."""
        value = self.value()
        if len(value["options"]) <= 2:
            return
        removed = value["options"].pop()
        if value["selected"] == removed["label"]:
            value["selected"] = "A"
        self._edit(value, _tr("Remove option {0} from {1}").format(removed["label"], self.name))

    def unbracket(self) -> None:
        """Agree on the modelled option: the parameter leaves brackets with that option's value."""
        value = self.value()
        chosen = next(o for o in value["options"] if o["label"] == value["selected"])
        self._edit(chosen["value"], _tr("Remove brackets from {0} (keep option {1})").format(
            self.name, value["selected"]))

    # --- internals --------------------------------------------------------------------------------------------
    def _edit(self, value: Any, action: str) -> None:
        self.set_value(value)
        self.last_action = action
        self.edited.emit(False)
        self.last_action = None

    def _fill_proponents(self, combo: QComboBox) -> None:
        wanted = [None, *self.proponents]
        if [combo.itemData(i) for i in range(combo.count())] == wanted:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("\u2014", None)
        for code in self.proponents:
            combo.addItem(code, code)
        combo.blockSignals(False)

    def _row(self, *widgets: QWidget, stretch: int = -1) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if i == stretch else 0)
        if stretch < 0:
            layout.addStretch(1)
        self.box.addWidget(row)
        self._widgets.append(row)

    def _button(self, text: str, accessible: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.clicked.connect(slot)
        return button

    def _build(self, shape: int) -> None:
        for widget in self._widgets:
            widget.hide()
            widget.deleteLater()
        self._widgets = []
        self.rows = []
        self.plain = None
        for button in self.group.buttons():
            self.group.removeButton(button)
        self._shape = shape
        if shape == 0:
            self.plain = self.make_inner(self.name)
            self.plain.edited.connect(self.edited)
            self._row(self.plain, self._button(_tr("[ ] Bracket"), _tr("{0}: put in brackets (Option A / Option B)")
                                               .format(self.name), self.bracket), stretch=0)
            return
        for i in range(shape):
            label = OPTION_LABELS[i]
            inner = self.make_inner(_tr("{0}, option {1}").format(self.name, label))
            inner.edited.connect(self.edited)
            combo = QComboBox()
            combo.setAccessibleName(_tr("{0}, option {1}: proposed by").format(self.name, label))
            combo.setToolTip(_tr("Delegation proposing option {0}").format(label))
            self._fill_proponents(combo)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit(False))
            radio = QRadioButton(f"[{label}]")
            radio.setAccessibleName(_tr("{0}: model option {1}").format(self.name, label))
            radio.setToolTip(_tr("Option {0}; checked: the option used in the headline results").format(label))
            radio.toggled.connect(lambda on: on and self.edited.emit(False))
            self.group.addButton(radio)
            by = QLabel(_tr("by"))  # the menu names who proposed the option: said, not guessed
            by.setBuddy(combo)
            self._row(radio, inner, by, combo, stretch=1)
            self.rows.append((label, inner, combo, radio))
        add = self._button(_tr("+ Option"), _tr("{0}: add an option").format(self.name), self.add_option)
        add.setEnabled(shape < len(OPTION_LABELS))
        remove = self._button(_tr("\u2212 Option"), _tr("{0}: remove the last option").format(self.name),
                              self.remove_option)
        remove.setEnabled(shape > 2)
        hint = QLabel(_tr("(\u25c9 = modelled)"))
        hint.setToolTip(_tr("The checked option is the one used in the headline results"))
        self._row(add, remove, self._button(_tr("Remove brackets"), _tr(
            "{0}: remove brackets, keep the modelled option").format(self.name), self.unbracket), hint)
