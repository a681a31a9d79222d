"""The stress-test chart: a partner's consumer price over the years with and without the agreement, and the
stockpile's level and releases, the years the stress is in force shaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from workbench.ui.results.canvas import SERIES_COLOURS, ChartCanvas

#: Okabe-Ito: vermillion without the agreement, blue with it, sky blue with it in calm, orange releases, green stock.
WITHOUT, WITH, WITH_CALM, RELEASES, STOCK = "#D55E00", "#0072B2", "#56B4E9", SERIES_COLOURS[0], "#009E73"


@dataclass(frozen=True)
class StressChartData:
    """What the chart shows: one StressTestResult (not failed) and the region whose price is drawn."""

    test: Any
    region: str


class StressChart(ChartCanvas):
    """Left: consumer price (USD/kg) baseline, without and with the agreement; right: stock and releases (t)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Stress test: price path and stockpile"), parent, axes=2)
        # Fixed margins instead of the constrained layout: it was most of a redraw's time (measured: 1.5 of 2.4 s on
        # a loaded machine), and this chart redraws whenever the stress test on screen is edited.
        self.figure.set_layout_engine("none")
        self._fixed = True
        self._place_axes()

    def draw_chart(self, data: StressChartData) -> None:
        test, region = data.test, data.region
        price_ax, stock_ax = self.axes
        for ax in self.axes:
            ax.clear()
        self.restart()
        years = np.asarray(test.years)
        shade = self.colour(QPalette.ColorRole.Mid)
        for ax in self.axes:
            for year in years[test.active]:
                ax.axvspan(year - 0.5, year + 0.5, color=shade, alpha=0.25, linewidth=0)
        paths = test.paths[test.paths["region"] == region]
        per_kg = 1e-3
        (base,) = price_ax.plot(years, paths["consumer_price_baseline"] * per_kg, ":", linewidth=1.2)
        self.ink(base)
        (calm,) = price_ax.plot(years, paths["consumer_price_with_calm"] * per_kg, "--", color=WITH_CALM,
                                linewidth=1.2)
        (without,) = price_ax.plot(years, paths["consumer_price_without"] * per_kg, "-o", color=WITHOUT,
                                   linewidth=2.0, markersize=3)
        (with_,) = price_ax.plot(years, paths["consumer_price_with"] * per_kg, "-o", color=WITH, linewidth=2.0,
                                 markersize=3)
        name = test.region_names.get(region, region)
        price_ax.set_title(self.tr("Consumer price in {0}, USD/kg").format(name), fontsize=9)
        price_ax.margins(x=0.02)
        stock = test.stock.groupby("year")[["stock_end_t", "stock_end_calm_t", "released_t"]].sum() \
            .reindex(years, fill_value=0.0)
        handles = [without, with_, calm, base]
        labels = [self.tr("Without the agreement"), self.tr("With the agreement"),
                  self.tr("With the agreement, no stress"), self.tr("Baseline")]
        if test.stock.empty:
            stock_ax.text(0.5, 0.5, self.tr("No stockpile on {0}\nin the agreement").format(test.mineral),
                          ha="center", va="center", transform=stock_ax.transAxes, fontsize=8,
                          color=self.colour(QPalette.ColorRole.WindowText))
            stock_ax.set_yticks([])
        else:
            bars = stock_ax.bar(years, stock["released_t"], 0.6, color=RELEASES)
            (level,) = stock_ax.plot(years, stock["stock_end_t"], "-o", color=STOCK, linewidth=2.0, markersize=3)
            stock_ax.plot(years, stock["stock_end_calm_t"], "--", color=STOCK, linewidth=1.0)
            handles += [level, bars.patches[0]]
            labels += [self.tr("Stock (dashed: no stress)"), self.tr("Released")]
            stock_ax.set_ylim(bottom=0.0)
        stock_ax.set_title(self.tr("Stockpile, t"), fontsize=9)
        stock_ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
        for ax in self.axes:
            ax.tick_params(labelsize=7)
            ax.xaxis.get_major_locator().set_params(integer=True)
            self.style_axes(ax)
        self.set_legend(handles, labels)

    def _apply_palette(self) -> None:
        """Restyle for a light/dark switch; the shading and the no-stockpile note are redrawn in the new colours."""
        super()._apply_palette()
        if getattr(self, "_data", None) is not None and getattr(self, "_fixed", False):
            self.draw_chart(self._data)

    def _place_axes(self) -> None:
        """Margins in pixels (titles, tick labels, a two-row legend below) turned into figure fractions."""
        if not getattr(self, "_fixed", False):  # resized while the base class is still being built
            return
        width, height = max(self.width(), 200), max(self.height(), 150)
        left, right, gap = 44 / width, 12 / width, 56 / width
        bottom, top = (32 + 15 * self._legend_rows()) / height, 24 / height
        each = (1 - left - right - gap) / 2
        for k, ax in enumerate(self.axes):  # placed directly: the base class's layout engine refuses adjustments
            ax.set_position([left + k * (each + gap), bottom, each, 1 - top - bottom])

    def _legend_rows(self) -> int:
        return -(-6 // self._legend_columns())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place_axes()
        super().resizeEvent(event)

    def _legend_columns(self) -> int:
        """Columns for the long entries of this legend (about 170 pixels each)."""
        return max(1, self.width() // 170)

    def legend_labels(self) -> list[str]:
        """The legend's entries as shown."""
        return [t.get_text() for legend in self.figure.legends for t in legend.get_texts()]

