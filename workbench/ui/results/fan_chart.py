"""The uncertainty fan chart: one partner's annual net fiscal cost, P5-P95 and P25-P75 bands around the median."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.collections import FillBetweenPolyCollection
from matplotlib.lines import Line2D
from PySide6.QtWidgets import QWidget

from workbench.ui.results.canvas import SERIES_COLOURS, ChartCanvas


@dataclass(frozen=True)
class FanData:
    """What the fan chart shows: the Monte Carlo fan for one region, and the deterministic path to compare."""

    region: str
    region_name: str
    years: list[int]
    fan: pd.DataFrame | None          # columns year, q05, q25, q50, q75, q95 (USD); None while pending
    deterministic: np.ndarray         # USD per year, same order as years


class FanChart(ChartCanvas):
    """Bands of annual net fiscal cost across Monte Carlo price paths, updated in place edit after edit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Uncertainty fan chart"), parent)
        self._years: tuple[int, ...] | None = None
        self._outer: FillBetweenPolyCollection | None = None
        self._inner: FillBetweenPolyCollection | None = None
        self._median: Line2D | None = None
        self._modelled: Line2D | None = None

    def draw_chart(self, data: FanData) -> None:
        ax = self.axes[0]
        if tuple(data.years) != self._years:
            self._rebuild(data.years)
        years = np.asarray(data.years, dtype=float)
        self._modelled.set_ydata(data.deterministic / 1e6)
        if data.fan is not None:
            fan = data.fan.set_index("year")[["q05", "q25", "q50", "q75", "q95"]].reindex(data.years) / 1e6
            self._outer.set_data(years, fan["q05"].to_numpy(), fan["q95"].to_numpy())
            self._inner.set_data(years, fan["q25"].to_numpy(), fan["q75"].to_numpy())
            self._median.set_ydata(fan["q50"].to_numpy())
            title = self.tr("{0}: annual net fiscal cost, Monte Carlo").format(data.region_name)
        else:
            title = self.tr("{0}: annual net fiscal cost (Monte Carlo pending\u2026)").format(data.region_name)
        for artist in (self._outer, self._inner, self._median):
            artist.set_visible(data.fan is not None)
        if ax.get_title() != title:
            ax.set_title(title, fontsize=10)
            self.invalidate()
        shown = [data.deterministic / 1e6, [0.0]]
        if data.fan is not None:
            shown += [fan["q05"].to_numpy(), fan["q95"].to_numpy()]
        values = np.concatenate(shown)
        self.fit_y(ax, np.nanmin(values), np.nanmax(values))

    def _rebuild(self, years: list[int]) -> None:
        ax = self.axes[0]
        ax.clear()
        self.restart()
        x = np.asarray(years, dtype=float)
        zeros = np.zeros(len(x))
        colour = SERIES_COLOURS[1]  # sky blue bands show on light and dark backgrounds alike
        self._outer = ax.fill_between(x, zeros, zeros, color=colour, alpha=0.3, linewidth=0,
                                      label=self.tr("P5\u2013P95"))
        self._inner = ax.fill_between(x, zeros, zeros, color=colour, alpha=0.6, linewidth=0,
                                      label=self.tr("P25\u2013P75"))
        (self._median,) = ax.plot(x, zeros, linewidth=1.8, label=self.tr("Median"))
        (self._modelled,) = ax.plot(x, zeros, color=SERIES_COLOURS[0], linestyle="--", linewidth=1.4,
                                    label=self.tr("Modelled (reference prices)"))
        self.ink(self._median)  # the median in the text colour, over the bands, whatever the palette
        self.animate(self._outer, self._inner, self._median, self._modelled)
        self.ink(ax.axhline(0.0, linewidth=0.6))
        if years:
            ax.set_xlim(years[0], years[-1])
        ax.set_ylabel(self.tr("USD m per year (+ cost, \u2212 revenue)"))
        ax.set_xlabel(self.tr("Year"))
        self.set_legend([self._outer, self._inner, self._median, self._modelled],
                        [self.tr("P5\u2013P95"), self.tr("P25\u2013P75"), self.tr("Median"),
                         self.tr("Modelled (reference prices)")])
        self._years = tuple(years)
        self.style_axes(ax)
