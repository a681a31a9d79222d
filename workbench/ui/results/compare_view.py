"""The Compare options tab: each option of one bracket (the others as modelled), the package views (every bracket at
option A, B...), and kept alternatives, side by side."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.container import BarContainer
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from workbench.analysis.compare import (COMPARED_COLUMNS, BracketOption, Compared, bracket_options, comparison,
                                        region_names)
from workbench.analysis.mandate import Limits
from workbench.document import Scenario
from workbench.engine import EvaluationResult
from workbench.ui.editors.clause_editor import parameter_name
from workbench.ui.results import messages
from workbench.ui.results.canvas import LINE_COLOURS, ChartCanvas
from workbench.ui.results.charts import set_bars
from workbench.ui.results.frame_model import FrameModel
from workbench.ui.results.table_view import ResultsTableView
from workbench.ui.results.worker import Analysis


#: The "Options of" entry for the package views: every bracket at option A, at B...
PACKAGES = "packages"


@dataclass(frozen=True)
class Alternative:
    """A scenario snapshot the user kept to compare against, with its result."""

    name: str
    scenario: Scenario
    result: EvaluationResult


class CompareChart(ChartCanvas):
    """One measure per region, one bar per variant."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Comparison of options chart"), parent)
        self._key: tuple | None = None
        self._bars: list[BarContainer] = []

    def draw_chart(self, data: tuple[pd.DataFrame, float, str]) -> None:
        frame, scale, ylabel = data
        key = (tuple(frame.index), tuple(frame.columns))
        if key != self._key:
            self._rebuild(frame)
        values = np.nan_to_num(frame.to_numpy(dtype=float) / scale)
        for bars, column in zip(self._bars, values.T):
            set_bars(bars, column)
        ax = self.axes[0]
        if ax.get_ylabel() != ylabel:
            ax.set_ylabel(ylabel)
            self.invalidate()
        self.fit_y(ax, min(0.0, values.min(initial=0.0)), max(0.0, values.max(initial=0.0)))

    def _rebuild(self, frame: pd.DataFrame) -> None:
        ax = self.axes[0]
        ax.clear()
        self.restart()
        n = max(1, len(frame.columns))
        width = 0.8 / n
        x = np.arange(len(frame.index))
        self._bars = [ax.bar(x - 0.4 + width * (k + 0.5), np.zeros(len(x)), width,
                             color=LINE_COLOURS[k % len(LINE_COLOURS)], label=_one_line(name))
                      for k, name in enumerate(frame.columns)]
        for bars in self._bars:
            self.animate(*bars.patches)
        self.ink(ax.axhline(0.0, linewidth=0.8))
        ax.set_xticks(x, [str(i) for i in frame.index])
        ax.set_xlim(-0.6, len(frame.index) - 0.4)
        has_bars = len(frame.index) > 0
        self.set_legend([b.patches[0] for b in self._bars] if has_bars else [], [_one_line(c) for c in frame.columns])
        self._key = (tuple(frame.index), tuple(frame.columns))
        self.style_axes(ax)


class CompareView(QWidget):
    """Compares, per partner, one chosen measure across the variants of the scenario in one table and chart."""

    restoreRequested = Signal(object, str)   # Scenario of a kept alternative, its name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._scenario: Scenario | None = None
        self._result: EvaluationResult | None = None
        self._options: dict[str, EvaluationResult] = {}
        self._brackets: dict[str, EvaluationResult] = {}
        self._options_stale = False
        self._alternatives: list[Alternative] = []
        self._stale = False

        self.measure = QComboBox(self)
        self.measure.setAccessibleName(self.tr("Measure compared"))
        for key, label in self.measures().items():
            self.measure.addItem(label, key)
        self.measure.currentIndexChanged.connect(self._refresh)
        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("Options compared"))
        self.subject.setToolTip(self.tr("A bracket: each of its options with every other bracket as modelled.\n"
                                        "Packages: every bracket at option A, at option B..."))
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject.setMinimumContentsLength(16)
        self.subject.currentIndexChanged.connect(self._refresh)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name of the alternative"))
        self.name.setAccessibleName(self.tr("Name of the alternative to keep"))
        self.keep = QPushButton(self.tr("&Keep current as alternative"), self)
        self.keep.setAccessibleName(self.tr("Keep current scenario as alternative"))
        self.keep.clicked.connect(lambda: self.keep_current(self.name.text()))
        self.alternatives_list = QListWidget(self)
        self.alternatives_list.setAccessibleName(self.tr("Kept alternatives"))
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(self.tr("Remove the selected alternative"))
        self.remove.clicked.connect(self._remove_selected)
        self.restore = QPushButton(self.tr("Restore"), self)
        self.restore.setAccessibleName(self.tr("Make the selected alternative the current scenario"))
        self.restore.clicked.connect(self._restore_selected)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Comparison notes"))
        self.model = FrameModel(self.tr("Partner"), self)
        self.table = ResultsTableView(self.model, self.tr("Comparison of options per partner"), self)
        self.chart = CompareChart(self)

        choose = QHBoxLayout()
        subject_label = QLabel(self.tr("Options &of:"), self)
        subject_label.setBuddy(self.subject)
        choose.addWidget(subject_label)
        choose.addWidget(self.subject, 1)
        label = QLabel(self.tr("&Measure:"), self)
        label.setBuddy(self.measure)
        choose.addWidget(label)
        choose.addWidget(self.measure)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.keep)
        # the kept alternatives as one wrapping row above the table: the table and chart keep the pane's width
        self.alternatives_list.setFlow(QListView.Flow.LeftToRight)
        self.alternatives_list.setWrapping(True)
        self.alternatives_list.setSpacing(2)
        self.alternatives_list.setFixedHeight(2 * self.fontMetrics().height() + 16)
        kept = QHBoxLayout()
        kept_label = QLabel(self.tr("Kept:"), self)
        kept_label.setBuddy(self.alternatives_list)
        kept.addWidget(kept_label)
        kept.addWidget(self.alternatives_list, 1)
        kept.addWidget(self.restore)
        kept.addWidget(self.remove)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(top)
        layout.addLayout(kept)
        layout.addWidget(self.notes)
        layout.addWidget(split, 1)
        self._update_buttons()
        self.alternatives_list.currentRowChanged.connect(self._update_buttons)

    def measures(self) -> dict[str, str]:
        """Compared partner-table column -> label."""
        tr = self.tr
        labels = {"fiscal_cost_avg_usd": tr("Fiscal cost per year"),
                  "fiscal_cost_peak_usd": tr("Fiscal cost, peak year"), "fiscal_cost_pv_usd": tr("Fiscal cost, PV"),
                  "consumer_price_change_pct": tr("Consumer price change"),
                  "producer_price_change_pct": tr("Producer price change")}
        return {key: labels[key] for key in COMPARED_COLUMNS}

    def set_current(self, scenario: Scenario, result: EvaluationResult) -> None:
        """The scenario as modelled changed; option results shown are out of date until the next analysis."""
        self._scenario, self._result = scenario, result
        self._options_stale = True
        self._fill_subjects()
        self._refresh()

    def set_analysis(self, analysis: Analysis) -> None:
        """Bracket options (each alone, and the package views) costed for the current scenario."""
        self._options = dict(analysis.options)
        self._brackets = dict(analysis.brackets)
        self._options_stale = False
        errors = [self.tr("All brackets at {0} could not be solved: {1}").format(k, v)
                  for k, v in sorted(analysis.option_errors.items())]
        errors += [self.tr("{0} could not be solved: {1}").format(k, v)
                   for k, v in sorted(analysis.bracket_errors.items())]
        self.notes.setText("\n".join(errors))
        self._refresh()

    def subjects(self) -> list[str]:
        """The entries of the "Options of" menu, in order."""
        return [self.subject.itemText(i) for i in range(self.subject.count())]

    def show_subject(self, key: tuple[str, str] | str) -> None:
        """Compare the options of bracket (clause id, parameter), or the package views (``PACKAGES``)."""
        index = self.subject.findData(key)
        if index < 0:
            raise KeyError(key)
        self.subject.setCurrentIndex(index)

    def _fill_subjects(self) -> None:
        if self._scenario is None:
            return
        kinds = {c.id: c.kind for c in self._scenario.document.clauses}
        items: list[tuple[str, object]] = []
        for options in bracket_options(self._scenario):
            first = options[0]
            items.append((self.tr("{0}: {1}").format(first.clause_title, parameter_name(kinds[first.clause_id],
                                                                                          first.parameter)),
                          first.key))
        items.append((self.tr("Packages: all brackets at A, at B…"), PACKAGES))
        if [(self.subject.itemText(i), self.subject.itemData(i)) for i in range(self.subject.count())] == items:
            return
        current = self.subject.currentData()
        before = {self.subject.itemData(i) for i in range(self.subject.count())}
        added = [data for _text, data in items if data not in before]
        if before and added:
            current = added[0]  # a bracket just made is the one the negotiator wants to weigh
        self.subject.blockSignals(True)
        self.subject.clear()
        for text, data in items:
            self.subject.addItem(text, data)
            self.subject.setItemData(self.subject.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.subject.setCurrentIndex(max(0, self.subject.findData(current)))
        self.subject.blockSignals(False)

    def _bracket_variants(self, key: tuple[str, str]) -> list[Compared]:
        """Each option of one bracket, the other brackets as modelled; every column names clause and parameter."""
        assert self._scenario is not None and self._result is not None
        found = [opts for opts in bracket_options(self._scenario) if opts[0].key == key]
        if not found:
            return []
        kind = self._scenario.document.clause(key[0]).kind
        out = []
        for option in found[0]:
            result = self._result if option.modelled else self._brackets.get(option.spec)
            if result is not None:
                out.append(Compared(self._option_title(option, kind), result))
        return out

    def _option_title(self, option: BracketOption, kind: str) -> str:
        """Three header lines: the clause id, the parameter and option, its value (and whether it is modelled)."""
        value = option.value_text()
        if option.modelled:
            value = self.tr("{0} (modelled)").format(value)
        return f"{option.clause_id}\n{parameter_name(kind, option.parameter)} {option.label}\n{value}"

    def keep_current(self, name: str = "") -> str:
        """Keep the current scenario and result as a named alternative; returns the name used."""
        if self._scenario is None or self._result is None:
            return ""
        taken = {a.name for a in self._alternatives}
        name = name.strip() or self.tr("Alternative {0}").format(len(self._alternatives) + 1)
        base, k = name, 2
        while name in taken:
            name, k = f"{base} ({k})", k + 1
        self._alternatives.append(Alternative(name, self._scenario, self._result))
        item = QListWidgetItem(name)
        item.setToolTip(self._scenario.document.metadata.title)
        self.alternatives_list.addItem(item)
        self.alternatives_list.setCurrentRow(self.alternatives_list.count() - 1)
        self.name.clear()
        self._refresh()
        return name

    def alternatives(self) -> list[Alternative]:
        """The kept alternatives, in the order kept."""
        return list(self._alternatives)

    def variants(self) -> list[Compared]:
        """Columns of the comparison: each option of the chosen bracket (or, for the packages, the scenario as
        modelled and every bracket at A, at B...), then each kept alternative."""
        if self._result is None:
            return []
        key = self.subject.currentData()
        if isinstance(key, tuple):
            out = self._bracket_variants(key)
        else:
            out = [Compared(self.tr("As modelled"), self._result)]
            out += [Compared(self.tr("All brackets\nat {0}").format(k), r) for k, r in sorted(self._options.items())]
        out += [Compared(a.name, a.result) for a in self._alternatives]
        return out

    def _recomputed(self, variants: list[Compared]) -> set[str]:
        """Columns whose results belong to an earlier edit until the background run reports."""
        if not self._options_stale:
            return set()
        kept = {a.name for a in self._alternatives}
        return {v.name for v in variants if v.result is not self._result and v.name not in kept}

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _refresh(self) -> None:
        """Rebuild the comparison; while the tab is hidden, only note that it is out of date."""
        self._stale = not self.isVisible()
        if self._stale:
            return
        variants = self.variants()
        if not variants:
            return
        column = self.measure.currentData()
        frame = comparison(variants, column)
        limits = Limits.of(self._scenario)
        highlight: dict[tuple[str, str], list[str]] = {}
        for v in variants:
            for (region, shown), texts in messages.cells(limits.breaches(v.result.partner_table)).items():
                if shown == column:
                    highlight[(region, v.name)] = texts
        is_usd = column.endswith("_usd")
        dimmed = self._recomputed(variants)
        unit = self.tr("USD m") if is_usd else "%"
        self.model.set_frame(frame, region_names(variants), "usd" if is_usd else "change", unit,
                             highlight=highlight, dimmed=dimmed)
        self.chart.show_data((frame, 1e6 if is_usd else 1.0, unit))  # the measure is named in the menu above

    def _selected(self) -> int:
        return self.alternatives_list.currentRow()

    def _update_buttons(self) -> None:
        has = 0 <= self._selected() < len(self._alternatives)
        self.remove.setEnabled(has)
        self.restore.setEnabled(has)

    def _remove_selected(self) -> None:
        row = self._selected()
        if 0 <= row < len(self._alternatives):
            del self._alternatives[row]
            self.alternatives_list.takeItem(row)
            self._update_buttons()
            self._refresh()

    def _restore_selected(self) -> None:
        row = self._selected()
        if 0 <= row < len(self._alternatives):
            alt = self._alternatives[row]
            self.restoreRequested.emit(alt.scenario, alt.name)


def _one_line(name: object) -> str:
    """A column title for the chart legend: an option's "Floor price B" (the menu names the clause), or the title
    on one line."""
    lines = str(name).split("\n")
    return lines[1] if len(lines) == 3 else " ".join(lines)
