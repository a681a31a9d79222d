"""The partners editor: code, name, role and GDP override of each delegation; add, remove, rename."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStyle, QToolButton,
                               QVBoxLayout, QWidget)

from workbench.document import Scenario
from workbench.document.scenario import PartnerRole
from workbench.ui.editors.fields import ChoiceEdit, NumberEdit, OptionalEdit, TextEdit
from workbench.ui.editors.form import BoundForm
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

ROLE_TEXT = {PartnerRole.MEMBER: QT_TR_NOOP("Member"), PartnerRole.OBSERVER: QT_TR_NOOP("Observer"),
             PartnerRole.NON_MEMBER: QT_TR_NOOP("Non-member")}

#: Fields holding partner codes (values or list items) and dicts keyed by partner code, renamed with the partner.
CODE_FIELDS = {"parties", "proposed_by", "reserved_by", "eligible_producers", "sources", "exporters",
               "author_delegation", "delegation", "region", "supplier", "target_partners"}
CODE_KEYED = {"shares", "fiscal_ceiling_per_year", "max_pv_cost", "max_consumer_price_increase"}


def rename_code(node: Any, old: str, new: str, field: str | None = None) -> Any:
    """A copy of ``node`` with partner code ``old`` replaced by ``new`` wherever a code field refers to it."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if field in CODE_KEYED and key == old:
                key = new
            out[key] = rename_code(value, old, new, key)
        return out
    if isinstance(node, list):
        return [rename_code(v, old, new, field) for v in node]
    if field in CODE_FIELDS and node == old:
        return new
    return node


def unused_code(scenario: Scenario) -> str:
    """A partner code not yet used: NEW, NEWA, NEWB..."""
    taken = {p.code for p in scenario.document.partners}
    for code in ["NEW"] + [f"NEW{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]:
        if code not in taken:
            return code
    raise ValueError("no free partner code")


class PartnersEditor(BoundForm):
    """One row per partner; renaming a code renames it in every clause, share and mandate entry."""

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(controller, parent)
        self.page = QWidget()
        self.grid = QGridLayout(self.page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        add = QPushButton(self.tr("Add partner"))
        add.setAccessibleName(self.tr("Add partner"))
        add.clicked.connect(self.add_partner)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Delegations in the scenario. China (CN) and the rest of the world (ROW) are added "
                               "by the model. Renaming a code renames it throughout the scenario."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.general)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.refresh()

    def structure(self, scenario: Scenario) -> Any:
        return [p.code for p in scenario.document.partners]

    def populate(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        for column, text in enumerate((self.tr("Code"), self.tr("Name"), self.tr("Role"),
                                       self.tr("GDP override\n(USD bn)"))):
            self.grid.addWidget(QLabel("<b>{0}</b>".format(text.replace("\n", "<br>"))), 0, column)
        for i, partner in enumerate(self.controller.scenario.document.partners):
            keys = ("document", "partners", i)
            code = TextEdit(self.tr("Partner {0}: code").format(i + 1), 5, on_finish=True)
            code.line.setMaximumWidth(code.line.fontMetrics().horizontalAdvance("WWWWWW") + 16)
            self.grid.addWidget(self.bind((*keys, "code"), code.name, code,
                                          put=lambda data, value, old=partner.code: self._rename(data, old, value),
                                          label_of=lambda value, old=partner.code: self.tr(
                                              "Rename partner {0} to {1}").format(old, value)),
                                i + 1, 0)
            name = TextEdit(self.tr("{0}: name").format(partner.code))
            name.line.setMinimumWidth(name.line.fontMetrics().horizontalAdvance("Mexico") + 12)
            self.grid.addWidget(self.bind((*keys, "name"), name.name, name), i + 1, 1)
            role = ChoiceEdit(self.tr("{0}: role").format(partner.code),
                              [(_tr(t), r.value) for r, t in ROLE_TEXT.items()])
            self.grid.addWidget(self.bind((*keys, "role"), role.name, role), i + 1, 2)
            gdp_name = self.tr("{0}: GDP override").format(partner.code)
            amount = NumberEdit(gdp_name, 0.0, 1e6, 1, " bn")
            amount.spin.setMinimumWidth(amount.spin.fontMetrics().horizontalAdvance("99999.0 bn") + 32)  # not 1e6 wide
            gdp = OptionalEdit(gdp_name, amount, lambda: 1000.0)
            self.grid.addWidget(self.bind((*keys, "gdp_usd_bn"), gdp_name, gdp), i + 1, 3)
            remove = QToolButton()  # a small button: the row fits a laptop's editor pane
            remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
            remove.setAccessibleName(self.tr("Remove partner {0}").format(partner.code))
            remove.setToolTip(self.tr("Remove partner {0} (refused while clauses or the mandate refer to it)").format(
                partner.code))
            remove.clicked.connect(lambda _=False, c=partner.code: self.remove_partner(c))
            self.grid.addWidget(remove, i + 1, 4)
        self.grid.setRowStretch(len(self.controller.scenario.document.partners) + 1, 1)
        self.grid.setColumnStretch(1, 1)

    @staticmethod
    def _rename(data: dict[str, Any], old: str, new: str) -> None:
        new = new.strip().upper()
        renamed = rename_code({"document": data["document"], "private": data["private"]}, old, new)
        for i, partner in enumerate(renamed["document"]["partners"]):
            if partner["code"] == old:
                renamed["document"]["partners"][i]["code"] = new
        data.update(renamed)

    def add_partner(self) -> None:
        """Add a member partner with a free code, to be renamed."""
        code = unused_code(self.controller.scenario)
        self.edit(self.tr("Add partner {0}").format(code), lambda data: data["document"]["partners"].append(
            {"code": code, "name": self.tr("New partner"), "role": PartnerRole.MEMBER.value, "gdp_usd_bn": None,
             "countries": []}))

    def remove_partner(self, code: str) -> None:
        """Remove a partner; refused (with the reason) while clauses or the mandate still refer to it."""
        self.edit(self.tr("Remove partner {0}").format(code), lambda data: data["document"].__setitem__(
            "partners", [p for p in data["document"]["partners"] if p["code"] != code]))
