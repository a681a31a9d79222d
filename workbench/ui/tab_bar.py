"""Tab bars with less side padding, so that more tabs stay in view in a narrow pane (the style draws them as usual)."""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget

#: Horizontal padding of a tab, both sides together, in pixels (Qt's styles use about 24).
TAB_PADDING = 14


class CompactTabStyle(QProxyStyle):
    """The application's style with TAB_PADDING as a tab's horizontal padding; size and text agree, nothing is cut."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 - Qt's name
                    widget: QWidget | None = None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return TAB_PADDING
        return super().pixelMetric(metric, option, widget)


def compact_tabs(tabs: QTabWidget) -> None:
    """Give ``tabs``' bar the compact padding (the style object is owned by the tab widget)."""
    style = CompactTabStyle()
    style.setParent(tabs)
    tabs.tabBar().setStyle(style)
