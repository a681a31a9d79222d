"""The assumptions editor: horizon, base year, discount rate, exchange rates, per-mineral paths and overrides,
data overrides and Monte Carlo settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from workbench.document import Scenario
from workbench.ui.editors.fields import (CheckEdit, ChoiceEdit, IntEdit, NumberEdit, OptionalEdit, TextEdit,
                                         ValueEdit)
from workbench.ui.editors.form import BoundForm, get_at, put_at, replace_page
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr

PATH_KINDS = [(QT_TR_NOOP("Flat"), "flat"), (QT_TR_NOOP("Trend (constant yearly change)"), "trend"),
              (QT_TR_NOOP("Custom index"), "custom")]
OVERRIDE_FIELDS = [(QT_TR_NOOP("Production"), "production"), (QT_TR_NOOP("Consumption"), "consumption"),
                   (QT_TR_NOOP("Reference price"), "reference_price"), (QT_TR_NOOP("Volatility"), "volatility"),
                   (QT_TR_NOOP("Mean reversion"), "mean_reversion")]


class NumbersText(TextEdit):
    """A list of numbers typed as ``1, 1.05, 1.1``; text that is not numbers is passed on for validation to name."""

    def value(self) -> Any:
        text = self.line.text().strip()
        try:
            return [float(x) for x in text.replace(";", ",").split(",") if x.strip()]
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(f"{v:g}" for v in (value or [])))


class CodeValuesText(TextEdit):
    """A mapping of region code to number typed as ``US=0.3, CN=0.2``; malformed text is passed on for validation."""

    def value(self) -> Any:
        out: dict[str, Any] = {}
        for part in self.line.text().replace(";", ",").split(","):
            if not part.strip():
                continue
            code, _, number = part.partition("=")
            try:
                out[code.strip().upper()] = float(number)
            except ValueError:
                out[code.strip().upper()] = number.strip()
        return out

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(f"{k}={v:g}" for k, v in (value or {}).items()))


class AssumptionsEditor(BoundForm):
    """Model settings; every change is one undo step and re-runs the model."""

    def __init__(self, controller: Any, parent: QWidget | None = None):
        super().__init__(controller, parent)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    def structure(self, scenario: Scenario) -> Any:
        doc = scenario.document
        return ([m.id for m in doc.minerals], [p.code for p in doc.partners], len(doc.assumptions.data_overrides))

    def _row(self, form: QFormLayout, keys: tuple[Any, ...], name: str, widget: ValueEdit, label: str | None = None,
             **kw: Any) -> None:
        """One form row; ``label`` (default ``name``) is what it shows, ``name`` what messages and screen readers use
        (inside a mineral's box the label leaves out the mineral the name starts with)."""
        form.addRow((label or name) + ":", self.bind(keys, name, widget, **kw))

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow pane puts fields under labels
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def populate(self) -> None:
        doc = self.controller.scenario.document
        page = QWidget()
        outer = QVBoxLayout(page)
        a = ("document", "assumptions")

        general = QGroupBox(self.tr("Horizon and discounting"))
        form = self._form(general)
        self._row(form, (*a, "base_year"), self.tr("Base year"), IntEdit(self.tr("Base year"), 2000, 2100))
        self._row(form, (*a, "horizon_years"), self.tr("Horizon"),
                  IntEdit(self.tr("Horizon"), 1, 40, self.tr(" years")))
        self._row(form, (*a, "discount_rate"), self.tr("Discount rate"),
                  NumberEdit(self.tr("Discount rate"), 0.0, 0.25, 2, " %", 100.0))
        outer.addWidget(general)

        rates = QGroupBox(self.tr("Exchange rates (USD per unit of currency)"))
        form = self._form(rates)
        for currency in ("EUR", "JPY", "MXN"):
            name = self.tr("USD per {0}").format(currency)
            self._row(form, (*a, "usd_per_currency", currency), name, NumberEdit(name, 0.0, 1000.0, 6))
        outer.addWidget(rates)

        for mineral in doc.minerals:
            box = QGroupBox(self.tr("{0}: prices, demand and elasticities").format(mineral.name))
            form = self._form(box)
            m = mineral.name
            path = (*a, "price_paths", mineral.id)
            self._row(form, (*path, "kind"), self.tr("{0}: price path").format(m),
                      ChoiceEdit(self.tr("{0}: price path").format(m), [(_tr(t), v) for t, v in PATH_KINDS]),
                      self.tr("Price path"),
                      get=lambda d, p=path: (get_at(d, p) or {}).get("kind", "flat"),
                      put=lambda d, v, p=path: put_at(d, p, {**(get_at(d, p) or {}), "kind": v}))
            self._row(form, (*path, "annual_change"), self.tr("{0}: yearly price change").format(m),
                      NumberEdit(self.tr("{0}: yearly price change").format(m), -0.5, 0.5, 1, " %", 100.0),
                      self.tr("Yearly price change"),
                      get=lambda d, p=path: (get_at(d, p) or {}).get("annual_change", 0.0),
                      put=lambda d, v, p=path: put_at(d, p, {**(get_at(d, p) or {}), "annual_change": v}))
            self._row(form, (*path, "index"), self.tr("{0}: custom price index").format(m),
                      NumbersText(self.tr("{0}: custom price index").format(m), 2000, on_finish=True),
                      self.tr("Custom price index (e.g. 1, 1.05, 1.1)"),
                      get=lambda d, p=path: (get_at(d, p) or {}).get("index", []),
                      put=lambda d, v, p=path: put_at(d, p, {**(get_at(d, p) or {}), "index": v}))
            growth = self.tr("{0}: demand growth override").format(m)
            self._row(form, (*a, "demand_growth", mineral.id), growth,
                      OptionalEdit(growth, NumberEdit(growth, -0.2, 0.5, 1, self.tr(" % a year"), 100.0), lambda: 0.0),
                      self.tr("Demand growth override"))
            el = (*a, "elasticity_overrides", mineral.id)
            for field, text, shown in (
                    ("supply", self.tr("{0}: supply elasticities (e.g. US=0.3, CN=0.2)"),
                     self.tr("Supply elasticities (e.g. US=0.3, CN=0.2)")),
                    ("demand", self.tr("{0}: demand elasticities (e.g. US=-0.3)"),
                     self.tr("Demand elasticities (e.g. US=-0.3)"))):
                self._row(form, (*el, field), text.format(m),
                          CodeValuesText(text.format(m), 1000, on_finish=True), shown,
                          get=lambda d, p=el, f=field: (get_at(d, p) or {}).get(f, {}),
                          put=lambda d, v, p=el, f=field: _put_elasticity(d, p, f, v))
            arm = self.tr("{0}: Armington elasticity").format(m)
            self._row(form, (*el, "armington"), arm, OptionalEdit(arm, NumberEdit(arm, 0.1, 100.0, 2), lambda: 4.0),
                      self.tr("Armington elasticity"),
                      get=lambda d, p=el: (get_at(d, p) or {}).get("armington"),
                      put=lambda d, v, p=el: _put_elasticity(d, p, "armington", v))
            outer.addWidget(box)

        overrides = QGroupBox(self.tr("Data overrides"))
        rows = QVBoxLayout(overrides)
        regions = [(self.tr("All regions"), "*")] + [(p.code, p.code) for p in doc.partners] + \
            [("CN", "CN"), ("ROW", "ROW")]
        for j, _ in enumerate(doc.assumptions.data_overrides):
            keys = (*a, "data_overrides", j)
            line = QHBoxLayout()
            n = j + 1
            line.addWidget(self.bind((*keys, "mineral"), self.tr("Override {0}: mineral").format(n), ChoiceEdit(
                self.tr("Override {0}: mineral").format(n), [(x.name, x.id) for x in doc.minerals])))
            line.addWidget(self.bind((*keys, "region"), self.tr("Override {0}: region").format(n), ChoiceEdit(
                self.tr("Override {0}: region").format(n), regions)))
            line.addWidget(self.bind((*keys, "field"), self.tr("Override {0}: field").format(n), ChoiceEdit(
                self.tr("Override {0}: field").format(n), [(_tr(t), v) for t, v in OVERRIDE_FIELDS])))
            line.addWidget(self.bind((*keys, "value"), self.tr("Override {0}: value").format(n), NumberEdit(
                self.tr("Override {0}: value").format(n), 0.0, 1e12, 4)), 1)
            line.addWidget(self.bind((*keys, "note"), self.tr("Override {0}: reason").format(n), TextEdit(
                self.tr("Override {0}: reason").format(n), 2000)), 2)
            remove = QPushButton(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove override {0}").format(n))
            remove.clicked.connect(lambda _=False, i=j: self.edit(
                self.tr("Remove data override {0}").format(i + 1),
                lambda d: d["document"]["assumptions"]["data_overrides"].pop(i)))
            line.addWidget(remove)
            rows.addLayout(line)
        add = QPushButton(self.tr("Add data override"))
        add.setAccessibleName(self.tr("Add data override"))
        add.clicked.connect(lambda: self.edit(self.tr("Add data override"), lambda d: d["document"]["assumptions"][
            "data_overrides"].append({"mineral": doc.minerals[0].id, "region": "*", "field": "reference_price",
                                      "value": 1.0, "note": ""})))
        rows.addWidget(add)
        outer.addWidget(overrides)

        mc = QGroupBox(self.tr("Uncertainty (Monte Carlo)"))
        form = self._form(mc)
        self._row(form, (*a, "monte_carlo", "paths"), self.tr("Price paths"),
                  IntEdit(self.tr("Price paths"), 100, 200_000))
        self._row(form, (*a, "monte_carlo", "seed"), self.tr("Random seed"),
                  IntEdit(self.tr("Random seed"), 0, 2**31 - 1))
        self._row(form, (*a, "monte_carlo", "vary_elasticities"), self.tr("Vary elasticities"),
                  CheckEdit(self.tr("Also draw elasticities")))
        self._row(form, (*a, "monte_carlo", "disruptions"), self.tr("Disruptions"),
                  CheckEdit(self.tr("Add supply disruptions (export bans, outages) as jumps")))
        outer.addWidget(mc)
        outer.addStretch(1)
        replace_page(self.scroll, page)


def _put_elasticity(data: dict[str, Any], keys: tuple[Any, ...], field: str, value: Any) -> None:
    """Set one part of a mineral's elasticity override; an override left empty is removed."""
    current = dict(get_at(data, keys) or {})
    current[field] = value
    if not current.get("supply") and not current.get("demand") and current.get("armington") is None:
        put_at(data, keys, None)
    else:
        put_at(data, keys, current)
