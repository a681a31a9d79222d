"""A matplotlib canvas that follows the Qt palette (light or dark) and redraws only when shown and changed."""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Okabe-Ito colours: distinguishable for colour-blind readers and legible on light and dark backgrounds.
SERIES_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")


class ChartCanvas(FigureCanvasQTAgg):
    """Base of every results chart.

    Subclasses implement :meth:`draw_chart` (update artists in place where the structure is unchanged) for the
    data given to :meth:`show_data`. Hidden charts only remember their data and render when shown, so an edit
    costs only the charts on screen; rendering ends with ``draw_idle``, never a blocking redraw.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *, axes: int = 1):
        figure = Figure(figsize=(4.0, 3.0), layout="constrained")
        self.axes: list[Axes] = []
        super().__init__(figure)
        self.setParent(parent)
        self.axes = [figure.add_subplot(1, axes, i + 1) for i in range(axes)]
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 160)
        self._data: Any = None
        self._dirty = False
        self.render_count = 0
        self._apply_palette()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 280)

    def show_data(self, data: Any) -> None:
        """New data to chart: rendered now if the chart is visible, else when it is next shown."""
        self._data = data
        self._dirty = True
        if self.isVisible():
            self._flush()

    @property
    def data(self) -> Any:
        """The data last given to :meth:`show_data`."""
        return self._data

    def draw_chart(self, data: Any) -> None:
        """Update the figure's artists for ``data``; subclasses implement it."""
        raise NotImplementedError

    @staticmethod
    def colour(role: QPalette.ColorRole) -> str:
        """An application palette colour (the system's light or dark scheme) as a matplotlib colour string.

        The application palette, not the canvas's: matplotlib gives its canvas a fixed white palette.
        """
        return QGuiApplication.palette().color(role).name()

    def style_axes(self, ax: Axes) -> None:
        """Give ``ax`` (and its legend) the palette's colours; called after artists are (re)created."""
        text = self.colour(QPalette.ColorRole.WindowText)
        grid = self.colour(QPalette.ColorRole.Mid)
        ax.set_facecolor(self.colour(QPalette.ColorRole.Base))
        ax.tick_params(colors=text, labelcolor=text)
        for spine in ax.spines.values():
            spine.set_color(grid)
        ax.title.set_color(text)
        ax.xaxis.label.set_color(text)
        ax.yaxis.label.set_color(text)
        ax.grid(True, axis="y", color=grid, linewidth=0.5, alpha=0.6)
        ax.set_axisbelow(True)
        legend = ax.get_legend()
        if legend is not None:
            legend.get_frame().set_facecolor(self.colour(QPalette.ColorRole.Base))
            legend.get_frame().set_edgecolor(grid)
            for t in legend.get_texts():
                t.set_color(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self._flush()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.axes:
            self._apply_palette()
            self.draw_idle()

    def _flush(self) -> None:
        self._dirty = False
        if self._data is None:
            return
        self.draw_chart(self._data)
        self.render_count += 1
        self.draw_idle()

    def _apply_palette(self) -> None:
        self.figure.set_facecolor(self.colour(QPalette.ColorRole.Window))
        for ax in self.axes:
            self.style_axes(ax)
