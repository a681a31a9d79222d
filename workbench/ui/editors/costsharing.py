"""Editor of a clause's cost-sharing rule, with a share per party for the fixed rule."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workbench.document import CostSharingRule
from workbench.ui.editors.fields import ValueEdit, set_combo, set_spin
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

RULE_TEXT = {
    CostSharingRule.OWN: QT_TR_NOOP("Each party its own"),
    CostSharingRule.FIXED: QT_TR_NOOP("Fixed shares"),
    CostSharingRule.GDP: QT_TR_NOOP("By GDP"),
    CostSharingRule.CONSUMPTION: QT_TR_NOOP("By consumption"),
    CostSharingRule.IMPORTS: QT_TR_NOOP("By imports"),
}


def equal_shares(parties: list[str]) -> dict[str, float]:
    """Equal shares that add up to exactly 1 (the last party takes the rounding remainder)."""
    if not parties:
        return {}
    each = round(1.0 / len(parties), 6)
    shares = {p: each for p in parties}
    shares[parties[-1]] = round(1.0 - each * (len(parties) - 1), 6)
    return shares


def rescale_shares(shares: dict[str, float], parties: list[str]) -> dict[str, float]:
    """Shares for a changed list of parties: kept ones scaled up or down to add up to 1, new ones at 0."""
    kept = {p: shares.get(p, 0.0) for p in parties}
    total = sum(kept.values())
    if total <= 0:
        return equal_shares(parties)
    scaled = {p: round(v / total, 6) for p, v in kept.items()}
    scaled[parties[-1]] = round(1.0 - sum(v for p, v in scaled.items() if p != parties[-1]), 6)
    return scaled


class CostSharingEdit(ValueEdit):
    """The rule (own, fixed, GDP, consumption, imports); for the fixed rule one percentage per party."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(box, 1)
        self.rule = QComboBox()
        self.rule.setAccessibleName(_tr("{0}: rule").format(name))
        for rule, text in RULE_TEXT.items():
            self.rule.addItem(_tr(text), rule.value)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        row = QHBoxLayout()
        row.addWidget(self.rule)
        row.addStretch(1)
        box.addLayout(row)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.grid)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self._parties: list[str] = []

    def _rule_changed(self) -> None:
        fixed = self.rule.currentData() == CostSharingRule.FIXED.value
        self._show_shares(equal_shares(self._parties) if fixed else {})
        self.edited.emit(False)

    def _show_shares(self, shares: dict[str, float]) -> None:
        if list(shares) != list(self.spins):
            while self.grid.count():
                item = self.grid.takeAt(0)
                if item.widget():
                    item.widget().hide()
                    item.widget().deleteLater()
            self.spins = {}
            for i, code in enumerate(shares):
                label = QLabel(code)
                spin = QDoubleSpinBox()
                spin.setRange(0.0, 100.0)
                spin.setDecimals(2)
                spin.setSuffix(" %")
                spin.setAccessibleName(_tr("{0}: share of {1}").format(self.name, code))
                spin.valueChanged.connect(lambda _v: self.edited.emit(True))
                label.setBuddy(spin)
                self.grid.addWidget(label, i // 3, 2 * (i % 3))
                self.grid.addWidget(spin, i // 3, 2 * (i % 3) + 1)
                self.spins[code] = spin
        for code, share in shares.items():
            set_spin(self.spins[code], share * 100.0)

    def set_parties(self, parties: list[str]) -> None:
        """The clause's parties (the fixed rule asks a share of each)."""
        self._parties = list(parties)

    def value(self) -> dict[str, Any]:
        return {"rule": self.rule.currentData(),
                "shares": {code: round(spin.value() / 100.0, 6) for code, spin in self.spins.items()}}

    def set_value(self, value: dict[str, Any]) -> None:
        set_combo(self.rule, value["rule"])
        self._show_shares(dict(value.get("shares", {})))
