"""Editor of a stockpile's release rule: trigger, rate, who draws on it, suspension and buy-back."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from workbench.document.release import ReleaseAllocation
from workbench.ui.editors.fields import ChoiceEdit, NumberEdit, OptionalEdit, ValueEdit, VolumeEdit
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

ALLOCATION_TEXT = {
    ReleaseAllocation.NEED: QT_TR_NOOP("Parties' consumers by need (shortfall)"),
    ReleaseAllocation.COST_SHARE: QT_TR_NOOP("Parties' consumers by cost share"),
}
_FLAGS = (("on_stress", QT_TR_NOOP("Release while a stress event is in force")),
          ("suspend_purchases", QT_TR_NOOP("Stop buying while releasing")),
          ("replenish", QT_TR_NOOP("Buy the released tonnes back afterwards")))


class ReleaseRuleEdit(ValueEdit):
    """One form for a ReleaseRule (workbench.document.release); every change is one edit."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(form, 1)
        self.flags: dict[str, QCheckBox] = {}
        for key, label in _FLAGS:
            box = QCheckBox(_tr(label))
            box.setAccessibleName(f"{name}: {_tr(label)}")
            box.toggled.connect(lambda _on: self.edited.emit(False))
            self.flags[key] = box
        self.fields: dict[str, ValueEdit] = {
            "price_trigger": OptionalEdit(name, NumberEdit(_tr("price trigger"), 1.0, 100.0, 2, _tr(" x baseline")),
                                          lambda: 1.5),
            "max_release": OptionalEdit(name, VolumeEdit(_tr("maximum release")),
                                        lambda: {"amount": 1000.0, "unit": "t"}),
            "max_days_of_cover": OptionalEdit(name, NumberEdit(_tr("days of cover"), 0.1, 3650.0, 1,
                                                               _tr(" days a year")), lambda: 30.0),
            "allocation": ChoiceEdit(_tr("to whom"), [(_tr(t), a.value) for a, t in ALLOCATION_TEXT.items()]),
            "replenish_rate": OptionalEdit(name, VolumeEdit(_tr("buy-back rate")),
                                           lambda: {"amount": 1000.0, "unit": "t"}),
        }
        for field in self.fields.values():
            field.edited.connect(self.edited)
        form.addRow(self.flags["on_stress"])
        form.addRow(_tr("Or when the price exceeds"), self.fields["price_trigger"])
        form.addRow(_tr("At most a year"), self.fields["max_release"])
        form.addRow(_tr("Or days of cover a year"), self.fields["max_days_of_cover"])
        form.addRow(_tr("To"), self.fields["allocation"])
        form.addRow(self.flags["suspend_purchases"])
        form.addRow(self.flags["replenish"])
        form.addRow(_tr("Buy-back rate (default: release rate)"), self.fields["replenish_rate"])

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {key: box.isChecked() for key, box in self.flags.items()}
        out.update({key: field.value() for key, field in self.fields.items()})
        return out

    def set_value(self, value: dict[str, Any]) -> None:
        for key, box in self.flags.items():
            box.blockSignals(True)
            box.setChecked(bool(value.get(key, True)))  # the model's defaults are all on
            box.blockSignals(False)
        for key, field in self.fields.items():
            field.set_value(value.get(key, ReleaseAllocation.NEED.value if key == "allocation" else None))
