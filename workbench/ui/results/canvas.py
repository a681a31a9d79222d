"""A matplotlib canvas that follows the Qt palette (light or dark) and redraws only when shown and changed."""

from __future__ import annotations

from typing import Any, Callable

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QGuiApplication, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Okabe-Ito colours: distinguishable for colour-blind readers and legible on light and dark backgrounds.
SERIES_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
#: The same without yellow, too pale on a light background for lines and thin bars (fine for stacked areas).
LINE_COLOURS = tuple(c for c in SERIES_COLOURS if c != "#F0E442")
#: Room left beyond the data when y-limits are fitted, as a fraction of the data's span ...
HEADROOM = 0.15
#: ... and on the side the data have just crossed (they fill at least 1 / 1.55 = 65 % of the new limits).
TRAVEL_HEADROOM = 0.4


class ChartCanvas(FigureCanvasQTAgg):
    """Base of every results chart.

    Subclasses implement :meth:`draw_chart` (update artists in place where the structure is unchanged) for the
    data given to :meth:`show_data`. Hidden charts only remember their data and render when shown, so an edit
    costs only the charts on screen.

    Artists that change edit by edit are registered with :meth:`animate`; axes limits are sticky (see
    :meth:`fit_y`). When neither the limits nor anything else static changed, an update restores the cached
    background and blits the animated artists (a few milliseconds, no flicker); otherwise it asks for a full
    ``draw_idle``, which refreshes the background.
    """

    #: Update the figure's artists for the data given to show_data(); every subclass defines it as a method.
    draw_chart: Callable[[Any], None]

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *, axes: int = 1):
        figure = Figure(figsize=(4.0, 3.0), layout="constrained")
        self.axes: list[Axes] = []
        super().__init__(figure)
        # matplotlib fixes a white palette on its canvas; an empty one makes the canvas inherit again, so that
        # light/dark switches reach it as palette changes.
        self.setPalette(QPalette())
        self.setParent(parent)
        self.axes = [figure.add_subplot(1, axes, i + 1) for i in range(axes)]
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 160)
        self._data: Any = None
        self._dirty = False
        self._full = True
        self._background: Any = None
        self._animated: list[Artist] = []
        self._ink: list[Artist] = []
        self._legend_items: tuple[list[Artist], list[str]] = ([], [])
        self.render_count = 0
        self.mpl_connect("draw_event", self._on_draw)
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

    def animate(self, *artists: Artist) -> None:
        """Register artists that change with the data: drawn over the cached background."""
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)

    def ink(self, *artists: Artist) -> None:
        """Register lines drawn in the text colour (zero lines, markers): recoloured when the palette changes."""
        text = self.colour(QPalette.ColorRole.WindowText)
        for artist in artists:
            artist.set_color(text)
            self._ink.append(artist)

    def restart(self) -> None:
        """Forget the animated and inked artists (the axes were cleared); the next update is a full redraw."""
        self._animated = []
        self._ink = []
        self._full = True

    def set_legend(self, handles: list[Artist], labels: list[str]) -> None:
        """Replace the figure's legend, placed below the axes so that it never hides data."""
        self._legend_items = (list(handles), list(labels))
        self._place_legend()
        self.invalidate()

    def _place_legend(self) -> None:
        """Lay the legend out in as many columns as fit the canvas width: the first guess (about 120 pixels a
        column), fewer while it is wider than the figure (a matplotlib legend lays its columns out when made, so
        each try is a new legend)."""
        handles, labels = self._legend_items
        renderer = self.get_renderer()
        for columns in range(self._legend_columns(), 0, -1):
            for old in list(self.figure.legends):
                old.remove()
            if not handles:
                return
            legend = self.figure.legend(handles, labels, loc="outside lower center", ncols=columns, fontsize=7,
                                        frameon=False)
            if columns > 1 and legend.get_window_extent(renderer).width > self.figure.bbox.width:
                continue
            for key, artist in zip(legend.legend_handles, handles):
                if key is not None:  # legend keys copy the animated and visible flags (and colour) of what they
                    key.set_animated(False)  # stand for
                    key.set_visible(True)
                    if artist in self._ink:
                        self.ink(key)
            self._style_legends()
            return

    def invalidate(self) -> None:
        """Something static (legend, title, ticks) changed: the next update is a full redraw."""
        self._full = True

    def fit_y(self, ax: Axes, lo: float, hi: float) -> None:
        """Keep ``ax``'s y-limits while [lo, hi] fits and fills at least 40 % of them; else refit with headroom.

        The headroom lets successive edits move the data without a full redraw: HEADROOM of the data's span on
        each side, TRAVEL_HEADROOM on a side the data have just crossed (they are moving that way, as when a
        number is typed up or down key by key: each crossing is a full redraw of the chart).
        """
        bottom, top = ax.get_ylim()
        refit = self._full or (hi - lo) < 0.4 * (top - bottom)
        if refit or lo < bottom or hi > top:
            span = (hi - lo) or max(abs(hi), 1.0)
            below = TRAVEL_HEADROOM if not refit and lo < bottom else HEADROOM
            above = TRAVEL_HEADROOM if not refit and hi > top else HEADROOM
            ax.set_ylim(lo - below * span, hi + above * span)
            self._full = True

    @staticmethod
    def colour(role: QPalette.ColorRole) -> str:
        """An application palette colour (the system's light or dark scheme) as a matplotlib colour string.

        The application palette, not the canvas's: matplotlib gives its canvas a fixed white palette.
        """
        return QGuiApplication.palette().color(role).name()

    def style_axes(self, ax: Axes) -> None:
        """Give ``ax`` the palette's colours; called after its artists are (re)created."""
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

    def _style_legends(self) -> None:
        text = self.colour(QPalette.ColorRole.WindowText)
        for legend in self.figure.legends:
            for t in legend.get_texts():
                t.set_color(text)

    def _legend_columns(self) -> int:
        """A first guess of the legend columns that fit the canvas width (about 120 pixels each)."""
        return max(1, self.width() // 120)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._legend_items[0]:
            self._place_legend()
            self.invalidate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self._flush()

    def event(self, event: QEvent) -> bool:
        # A top-level canvas hears of a light/dark switch as an application palette change (not passed on to
        # changeEvent); one inside a window as a palette change propagated from its parent.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.axes:
            self._apply_palette()
            self.invalidate()
            self.draw_idle()
        return super().event(event)

    def _flush(self) -> None:
        self._dirty = False
        if self._data is None:
            return
        self.draw_chart(self._data)
        self.render_count += 1
        if self._full or self._background is None:
            self.draw_idle()
            return
        self.restore_region(self._background)
        self._draw_animated()
        for ax in self.axes:  # the animated artists are clipped to their axes: repaint only those
            self.blit(ax.bbox)

    def _on_draw(self, _event: DrawEvent) -> None:
        """After a full draw (which skips animated artists): cache the background, then add the animated ones."""
        self._full = False
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        for artist in self._animated:
            artist.axes.draw_artist(artist)

    def _apply_palette(self) -> None:
        self.figure.set_facecolor(self.colour(QPalette.ColorRole.Window))
        for ax in self.axes:
            self.style_axes(ax)
        self._style_legends()
        text = self.colour(QPalette.ColorRole.WindowText)
        for artist in self._ink:
            artist.set_color(text)
