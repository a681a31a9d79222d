"""The deterministic result charts: fiscal cost by partner and instrument, price effects, annual cash flows."""

from __future__ import annotations

import numpy as np
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from PySide6.QtWidgets import QWidget

from workbench.document import RESERVED_REGIONS
from workbench.engine import EvaluationResult
from workbench.instrument_kinds import LEDGER
from workbench.ui.i18n import translate as _tr
from workbench.ui.results.canvas import LINE_COLOURS, SERIES_COLOURS, ChartCanvas


def partners_of(result: EvaluationResult) -> list[str]:
    """The result's regions that are scenario partners (not China or the rest of the world)."""
    return [r for r in result.regions if r not in RESERVED_REGIONS]


def set_bars(bars: BarContainer, heights: np.ndarray, bottoms: np.ndarray | None = None) -> None:
    """Move existing bars to new heights (and bottoms) without creating artists; a bar of no height is hidden (it
    draws nothing, and an edit's blit then skips it: most partners pay most instruments nothing)."""
    for i, rect in enumerate(bars.patches):
        rect.set_height(float(heights[i]))
        rect.set_y(0.0 if bottoms is None else float(bottoms[i]))
        rect.set_visible(bool(heights[i]))


class FiscalByInstrumentChart(ChartCanvas):
    """Present-value fiscal cost per partner, stacked by instrument: outlays up, receipts down, net as a marker."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Fiscal cost by partner and instrument"), parent)
        self._key: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        self._bars: dict[str, BarContainer] = {}
        self._net: Line2D | None = None
        self._legend_for: tuple[str, ...] = ()

    def label(self, instrument: str) -> str:
        """The legend label of an instrument of the fiscal ledger (workbench.instrument_kinds)."""
        return _tr(LEDGER[instrument].label)

    def draw_chart(self, result: EvaluationResult) -> None:
        ax = self.axes[0]
        partners = partners_of(result)
        table = result.fiscal_by_instrument().reindex(index=partners, fill_value=0.0)
        instruments = [str(c) for c in table.columns]
        values = table.to_numpy(dtype=float) / 1e6
        if (tuple(partners), tuple(instruments)) != self._key:
            self._rebuild(partners, instruments)
        up = np.zeros(len(partners))
        down = np.zeros(len(partners))
        for j, instrument in enumerate(instruments):
            v = values[:, j]
            pos, neg = np.clip(v, 0, None), np.clip(v, None, 0)
            bottoms = np.where(v >= 0, up, down + neg)
            set_bars(self._bars[instrument], np.abs(v), bottoms)
            up += pos
            down += neg
        net = values.sum(axis=1)
        self._net.set_ydata(net)
        shown = tuple(i for j, i in enumerate(instruments) if np.any(np.abs(values[:, j]) > 1e-9))
        if shown != self._legend_for and partners:
            self._legend_for = shown
            self.set_legend([self._bars[i].patches[0] for i in shown] + [self._net],
                            [self.label(i) for i in shown] + [self.tr("Net")])
        self.fit_y(ax, min(0.0, down.min(initial=0.0), net.min(initial=0.0)),
                   max(0.0, up.max(initial=0.0), net.max(initial=0.0)))

    def _rebuild(self, partners: list[str], instruments: list[str]) -> None:
        ax = self.axes[0]
        ax.clear()
        self.restart()
        x = np.arange(len(partners))
        self._bars = {i: ax.bar(x, np.zeros(len(x)), 0.6, color=LEDGER[i].colour, label=self.label(i))
                      for i in instruments}
        (self._net,) = ax.plot(x, np.zeros(len(x)), "D", markersize=5, label=self.tr("Net"))
        for bars in self._bars.values():
            self.animate(*bars.patches)
        self.animate(self._net)
        self.ink(self._net, ax.axhline(0.0, linewidth=0.8))
        ax.set_xticks(x, partners)
        ax.set_xlim(-0.6, len(partners) - 0.4)
        ax.set_ylabel(self.tr("PV, USD m"))  # short: a laptop's chart is not tall enough for more
        ax.set_title(self.tr("Fiscal cost by instrument\n(+ cost, \u2212 revenue)"), fontsize=10)
        self._key = (tuple(partners), tuple(instruments))
        self._legend_for = ()
        self.style_axes(ax)


class PriceEffectChart(ChartCanvas):
    """Consumer and producer price change against the baseline, per region, as paired bars."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Price effect by partner"), parent)
        self._key: tuple[str, ...] | None = None
        self._consumer: BarContainer | None = None
        self._producer: BarContainer | None = None

    def draw_chart(self, result: EvaluationResult) -> None:
        table = result.partner_table
        regions = list(table.index)
        if tuple(regions) != self._key:
            self._rebuild(regions)
        consumer = table["consumer_price_change_pct"].to_numpy(dtype=float)
        producer = table["producer_price_change_pct"].to_numpy(dtype=float)
        set_bars(self._consumer, consumer)
        set_bars(self._producer, producer)
        both = np.concatenate([consumer, producer, [0.0]])
        self.fit_y(self.axes[0], both.min(), both.max())

    def _rebuild(self, regions: list[str]) -> None:
        ax = self.axes[0]
        ax.clear()
        self.restart()
        x = np.arange(len(regions))
        zeros = np.zeros(len(regions))
        self._consumer = ax.bar(x - 0.2, zeros, 0.4, color=SERIES_COLOURS[4], label=self.tr("Consumer price"))
        self._producer = ax.bar(x + 0.2, zeros, 0.4, color=SERIES_COLOURS[0], label=self.tr("Producer price"))
        self.animate(*self._consumer.patches, *self._producer.patches)
        self.ink(ax.axhline(0.0, linewidth=0.8))
        ax.set_xticks(x, regions)
        ax.set_xlim(-0.6, len(regions) - 0.4)
        ax.set_ylabel(self.tr("Change vs baseline, %"))
        ax.set_title(self.tr("Price effect"), fontsize=10)
        self.set_legend([self._consumer.patches[0], self._producer.patches[0]] if regions else [],
                        [self.tr("Consumer price"), self.tr("Producer price")])
        self._key = tuple(regions)
        self.style_axes(ax)


class CashFlowChart(ChartCanvas):
    """Net fiscal cash flow per partner and year (USD m): one line per partner."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Annual cash flows"), parent)
        self._key: tuple[tuple[str, ...], tuple[int, ...]] | None = None
        self._lines: dict[str, Line2D] = {}

    def draw_chart(self, result: EvaluationResult) -> None:
        partners = partners_of(result)
        flows = (result.fiscal.groupby(["region", "year"])["amount_usd"].sum().unstack("year")
                 .reindex(index=partners, columns=result.years, fill_value=0.0).fillna(0.0) / 1e6)
        key = (tuple(partners), tuple(result.years))
        if key != self._key:
            self._rebuild(partners, result.years)
        values = flows.to_numpy(dtype=float)
        for i, p in enumerate(partners):
            self._lines[p].set_ydata(values[i])
        self.fit_y(self.axes[0], min(0.0, values.min(initial=0.0)), max(0.0, values.max(initial=0.0)))

    def _rebuild(self, partners: list[str], years: list[int]) -> None:
        ax = self.axes[0]
        ax.clear()
        self.restart()
        self._lines = {p: ax.plot(years, np.zeros(len(years)), marker="o", markersize=3,
                                  color=LINE_COLOURS[k % len(LINE_COLOURS)], label=p)[0]
                       for k, p in enumerate(partners)}
        self.animate(*self._lines.values())
        if years:
            ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        self.ink(ax.axhline(0.0, linewidth=0.8))
        ax.set_ylabel(self.tr("USD m per year"))
        ax.set_title(self.tr("Annual cash flows (+ cost, \u2212 revenue)"), fontsize=10)
        self.set_legend(list(self._lines.values()), list(self._lines))
        self._key = (tuple(partners), tuple(years))
        self.style_axes(ax)
