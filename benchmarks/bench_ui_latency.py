"""Keystroke-to-repaint latency of the main window: NdPr floor edits until the results table and charts repaint.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui_latency.py [--edits 60]`` (or under a display).
Each edit is one Up/Down arrow keystroke in the NdPr border floor's amount field of the clause editor; the clock
stops when the per-partner table and both charts on the Per partner tab have painted the new result. Two phases:
fast typing (Monte Carlo never starts) and slower edits (each lands while a Monte Carlo run is in progress and
cancels it). Prints p50/p95/max in milliseconds; a measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QWidget

from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

CLAUSE = "ndpr-border-floor"
TIMEOUT_MS = 5000


class PaintWatch(QObject):
    """Records when each watched widget last painted, and ends a wait once all have painted since a mark."""

    def __init__(self, widgets: list[QWidget]):
        super().__init__()
        self.widgets = widgets
        self.painted: dict[int, float] = {}
        self.since = 0.0
        self.loop: QEventLoop | None = None
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted[id(obj)] = time.perf_counter()
            if self.loop is not None and self.done():
                QTimer.singleShot(0, self.loop.quit)
        return False

    def done(self) -> bool:
        return all(self.painted.get(id(w), 0.0) >= self.since for w in self.widgets)

    def wait_all_painted(self, since: float) -> float:
        """Run the event loop until every widget painted after ``since``; the time of the last paint."""
        self.since = since
        self.loop = QEventLoop()
        timer = QTimer.singleShot(TIMEOUT_MS, self.loop.quit)
        if not self.done():
            self.loop.exec()
        self.loop = None
        del timer
        if not self.done():
            raise RuntimeError("the results did not repaint within 5 s")
        return max(self.painted[id(w)] for w in self.widgets)


def idle(ms: int) -> None:
    """Let the event loop (and the worker thread) run for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def floor_amount(window: MainWindow) -> QDoubleSpinBox:
    """The amount spin box of the NdPr border floor's floor price in the clause editor."""
    window.navigator.select_clause(CLAUSE)
    idle(50)
    spins = [s for s in window.clause_editor.widgets["floor_price"].findChildren(QDoubleSpinBox) if s.isVisible()]
    if not spins:
        raise RuntimeError("no visible floor amount field in the clause editor")
    return spins[0]


def measure(window: MainWindow, spin: QDoubleSpinBox, watch: PaintWatch, edits: int, gap_ms: int) -> list[float]:
    """Latency in ms of ``edits`` keystrokes, ``gap_ms`` apart: up for the first half, then back down."""
    out: list[float] = []
    for i in range(edits):
        key = Qt.Key.Key_Up if i < edits // 2 else Qt.Key.Key_Down
        before = spin.value()
        start = time.perf_counter()
        QTest.keyClick(spin, key)
        if spin.value() == before:
            raise RuntimeError("the keystroke did not change the floor")
        end = watch.wait_all_painted(start)
        out.append(1000 * (end - start))
        idle(gap_ms)
    return out


def report(name: str, samples: list[float]) -> None:
    q = statistics.quantiles(samples, n=20, method="inclusive")
    print(f"{name:<44} n={len(samples):3d}  p50 {statistics.median(samples):6.1f} ms  "
          f"p95 {q[18]:6.1f} ms  max {max(samples):6.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60, help="edits per phase (at least 50)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings=settings, autosave_dir=Path(tmp) / "autosave", offer_recovery=False)
        window.setWindowState(Qt.WindowState.WindowNoState)  # a small (offscreen) screen would open it maximised
        window.resize(1600, 1000)
        window.show()
        results = window.results
        results.tabs.setCurrentIndex(0)
        idle(1500)  # first result, first Monte Carlo, first paint of every widget
        spin = floor_amount(window)
        spin.setFocus()
        watch = PaintWatch([results.table.viewport(), results.fiscal_chart, results.price_chart])
        print(f"platform {app.platformName()}; window {window.width()}x{window.height()}; "
              f"NdPr floor from {spin.value():g}")
        typing = measure(window, spin, watch, args.edits, gap_ms=60)
        report("fast typing (60 ms apart, no Monte Carlo)", typing)
        with_mc = measure(window, spin, watch, args.edits, gap_ms=260)
        report("edits during Monte Carlo (260 ms apart)", with_mc)
        report("all edits", typing + with_mc)
        results.shutdown()
        window.controller.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
