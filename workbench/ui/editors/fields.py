"""Typed input widgets for scenario values (prices, volumes, money, shares, codes), each reporting edits."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from workbench.document.quantities import MAX_MONEY, MAX_PRICE, MAX_VOLUME, Currency, PriceUnit, VolumeUnit
from workbench.ui.i18n import translate as _tr


class FigureSpinBox(QDoubleSpinBox):
    """A spin box that shows figures as drafted: ``1,000 t a year``, ``110``, ``133.5`` - no trailing zeros."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class ValueEdit(QWidget):
    """Base of the widgets for one JSON-ready value.

    Subclasses provide ``value()`` and ``set_value(value)`` (which never reports an edit) and emit
    ``edited(typing)`` after a user edit.

    ``typing`` is True for keystroke-by-keystroke edits (which merge into one undo step) and False for discrete
    choices.
    """

    edited = Signal(bool)
    #: Whether a refused edit leaves the user's input in place to be corrected (text), rather than snapping back.
    keeps_input = False

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    # helpers shared by the concrete editors
    def _spin(self, lo: float, hi: float, decimals: int, accessible: str, suffix: str = "") -> QDoubleSpinBox:
        spin = FigureSpinBox()
        spin.setRange(lo, hi)
        spin.setDecimals(decimals)
        spin.setGroupSeparatorShown(True)
        spin.setSuffix(suffix)
        spin.setAccessibleName(accessible)
        # Qt sizes a spin box for its largest value (up to 1e15 here); at most as wide as 999,999.000 keeps amount,
        # currency, unit and [ ] Bracket beside their label in more rows of a laptop's editor pane. It still grows.
        spin.setMinimumWidth(min(spin.minimumSizeHint().width(),
                                 spin.fontMetrics().horizontalAdvance("999,999.000" + suffix) + 32))
        spin.valueChanged.connect(lambda _v: self.edited.emit(True))
        self.layout_.addWidget(spin, 1)
        return spin

    def _combo(self, items: list[tuple[str, str]], accessible: str) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        combo.setAccessibleName(accessible)
        combo.currentIndexChanged.connect(lambda _i: self.edited.emit(False))
        self.layout_.addWidget(combo)
        return combo


def set_spin(spin: QDoubleSpinBox | QSpinBox, value: float) -> None:
    """Show ``value`` without reporting an edit (and without touching a spin box that already shows it)."""
    if spin.value() != value:
        spin.blockSignals(True)
        spin.setValue(value)
        spin.blockSignals(False)


def set_combo(combo: QComboBox, data: Any) -> None:
    """Select the item whose data is ``data`` without reporting an edit."""
    index = combo.findData(data)
    if index != combo.currentIndex():
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)


class PriceEdit(ValueEdit):
    """A price: amount, currency and the unit it is per (e.g. USD 110 per kg)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.amount = self._spin(0.0, MAX_PRICE, 2, _tr("{0}: amount").format(name))
        self.currency = self._combo([(c.value, c.value) for c in Currency], _tr("{0}: currency").format(name))
        self.per = self._combo([(_tr("per {0}").format(u.value), u.value) for u in PriceUnit],
                               _tr("{0}: per unit").format(name))

    def value(self) -> dict[str, Any]:
        return {"amount": self.amount.value(), "currency": self.currency.currentData(), "per": self.per.currentData()}

    def set_value(self, value: dict[str, Any]) -> None:
        set_spin(self.amount, value["amount"])
        set_combo(self.currency, value["currency"])
        set_combo(self.per, value["per"])


class VolumeEdit(ValueEdit):
    """A physical volume per year: amount and unit."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.amount = self._spin(0.0, MAX_VOLUME, 3, _tr("{0}: amount").format(name))
        self.unit = self._combo([(_tr("{0} a year").format(u.value), u.value) for u in VolumeUnit],
                                _tr("{0}: unit").format(name))

    def value(self) -> dict[str, Any]:
        return {"amount": self.amount.value(), "unit": self.unit.currentData()}

    def set_value(self, value: dict[str, Any]) -> None:
        set_spin(self.amount, value["amount"])
        set_combo(self.unit, value["unit"])


class MoneyEdit(ValueEdit):
    """A sum of money in a currency, typed in millions or billions as the results show money (USD 250 m, 1.2 bn)."""

    MAGNITUDES = (("m", 1e6), ("bn", 1e9))

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.amount = self._spin(0.0, MAX_MONEY / 1e6, 3, _tr("{0}: amount").format(name))
        self.currency = self._combo([(c.value, c.value) for c in Currency], _tr("{0}: currency").format(name))
        self.magnitude = self._combo([(_tr(text), text) for text, _scale in self.MAGNITUDES],
                                     _tr("{0}: million or billion").format(name))
        self.layout_.insertWidget(0, self.currency)  # reads as written: USD 250 m

    def _scale(self) -> float:
        return dict(self.MAGNITUDES)[self.magnitude.currentData() or "m"]

    def value(self) -> dict[str, Any]:
        return {"amount": round(self.amount.value() * self._scale(), 6), "currency": self.currency.currentData()}

    def set_value(self, value: dict[str, Any]) -> None:
        set_combo(self.currency, value["currency"])
        amount = float(value["amount"])
        if abs(self.amount.value() * self._scale() - amount) <= 0.5e-3 * self._scale():
            return  # already shown (e.g. while typing 1,500 m: not switched to 1.5 bn under the cursor)
        magnitude = "bn" if amount >= 1e9 else "m"
        set_combo(self.magnitude, magnitude)
        set_spin(self.amount, amount / self._scale())


class NumberEdit(ValueEdit):
    """A plain number; ``scale`` converts between stored and shown (100 shows a share 0..1 as 0..100 %)."""

    def __init__(self, name: str, lo: float, hi: float, decimals: int = 2, suffix: str = "", scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(name, parent)
        self.scale = scale
        self.spin = self._spin(lo * scale, hi * scale, decimals, name, suffix)

    def value(self) -> float:
        return round(self.spin.value() / self.scale, 12)

    def set_value(self, value: float) -> None:
        set_spin(self.spin, value * self.scale)


class IntEdit(ValueEdit):
    """A whole number (years, counts)."""

    def __init__(self, name: str, lo: int, hi: int, suffix: str = "", parent: QWidget | None = None):
        super().__init__(name, parent)
        self.spin = QSpinBox()
        self.spin.setRange(lo, hi)
        self.spin.setSuffix(suffix)
        self.spin.setAccessibleName(name)
        self.spin.valueChanged.connect(lambda _v: self.edited.emit(True))
        self.layout_.addWidget(self.spin, 1)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        set_spin(self.spin, value)


class ChoiceEdit(ValueEdit):
    """One of a fixed list of values (shown text, stored value)."""

    def __init__(self, name: str, items: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(name, parent)
        self.combo = self._combo(items, name)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        set_combo(self.combo, value)


class TextEdit(ValueEdit):
    """One line of text; every keystroke is an edit (they merge into one undo step), or with ``on_finish`` the
    finished text is one edit."""

    keeps_input = True

    def __init__(self, name: str, max_length: int = 200, on_finish: bool = False, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.line = QLineEdit()
        self.line.setMaxLength(max_length)
        self.line.setAccessibleName(name)
        if on_finish:  # e.g. an identifier: applied when the user presses Enter or leaves the field
            self.line.editingFinished.connect(lambda: self.line.isModified() and self.edited.emit(False))
        else:
            self.line.textEdited.connect(lambda _t: self.edited.emit(True))
        self.layout_.addWidget(self.line, 1)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: str) -> None:
        if self.line.text() != value:
            self.line.setText(value)
            if not self.line.hasFocus():
                self.line.setCursorPosition(0)  # a long title shows its beginning, not its end


class CodesEdit(ValueEdit):
    """A set of partner or region codes as a grid of check boxes; the value keeps the choices' order."""

    COLUMNS = 6

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(self.grid)
        self.layout_.addStretch(1)
        self.boxes: dict[str, QCheckBox] = {}

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """The codes offered, as (code, tooltip); rebuilt only when they change."""
        if [c for c, _ in choices] == list(self.boxes):
            return
        for box in self.boxes.values():
            box.hide()
            box.deleteLater()
        self.boxes = {}
        for i, (code, tip) in enumerate(choices):
            box = QCheckBox(code)
            box.setToolTip(tip)
            box.setAccessibleName(_tr("{0}: {1}").format(self.name, code))
            box.toggled.connect(lambda _c: self.edited.emit(False))
            self.grid.addWidget(box, i // self.COLUMNS, i % self.COLUMNS)
            self.boxes[code] = box

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: list[str]) -> None:
        for code, box in self.boxes.items():
            if box.isChecked() != (code in value):
                box.blockSignals(True)
                box.setChecked(code in value)
                box.blockSignals(False)


class OptionalEdit(ValueEdit):
    """A value that may be absent: a check box switches the inner editor on (value) or off (None)."""

    def __init__(self, name: str, inner: ValueEdit, default: Callable[[], Any], parent: QWidget | None = None):
        super().__init__(name, parent)
        self.inner = inner
        self.default = default
        self.check = QCheckBox(_tr("set"))
        self.check.setAccessibleName(_tr("{0}: set").format(name))
        self.check.toggled.connect(self._toggled)
        inner.edited.connect(self.edited)
        self.layout_.addWidget(self.check)
        self.layout_.addWidget(inner, 1)

    def _toggled(self, on: bool) -> None:
        self.inner.setEnabled(on)
        if on:
            self.inner.set_value(self.default())
        self.edited.emit(False)

    def value(self) -> Any:
        return self.inner.value() if self.check.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(value is not None)
        self.check.blockSignals(False)
        self.inner.setEnabled(value is not None)
        if value is not None:
            self.inner.set_value(value)


class LongTextEdit(ValueEdit):
    """Several lines of text (notes); every keystroke is an edit (they merge into one undo step)."""

    keeps_input = True

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(name)
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(lambda: self.edited.emit(True))
        self.layout_.addWidget(self.text, 1)

    def value(self) -> str:
        return self.text.toPlainText()

    def set_value(self, value: str) -> None:
        if self.text.toPlainText() != value:
            self.text.blockSignals(True)
            self.text.setPlainText(value)
            self.text.blockSignals(False)


class CheckEdit(ValueEdit):
    """A yes/no setting."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.check = QCheckBox(name)
        self.check.setAccessibleName(name)
        self.check.toggled.connect(lambda _c: self.edited.emit(False))
        self.layout_.addWidget(self.check, 1)

    def value(self) -> bool:
        return self.check.isChecked()

    def set_value(self, value: bool) -> None:
        if self.check.isChecked() != value:
            self.check.blockSignals(True)
            self.check.setChecked(value)
            self.check.blockSignals(False)
