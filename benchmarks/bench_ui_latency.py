"""Keystroke-to-repaint latency of the main window: NdPr floor edits until the results table and charts repaint.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui_latency.py [--edits 60]`` (or under a display).
Each edit is one Up/Down arrow keystroke in the NdPr border floor's amount field of the clause editor; the clock
stops when the per-partner table and both charts on the Per partner tab have painted the new result. Two phases:
fast typing (Monte Carlo never starts) and slower edits (each lands while a Monte Carlo run is in progress and
cancels it). The first keystroke comes once the window has settled (first result, charts drawn, first Monte Carlo
run finished): start-up is measured by bench_startup.py, not here. Prints p50/p95/max in milliseconds, how many
keystrokes took over 100 ms and how many made a chart redraw in full (new axis limits); a measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QWidget

from workbench.ui.main_window import MainWindow
from workbench.ui.results import ResultsPanel
from workbench.ui.settings import Settings

CLAUSE = "ndpr-border-floor"
TIMEOUT_MS = 5000
#: Longest wait for the window to settle before the first keystroke (a loaded machine starts slowly).
SETTLE_TIMEOUT_S = 120.0


class PaintWatch(QObject):
    """Records when each watched widget last painted, and ends a wait once all have painted since a mark."""

    def __init__(self, widgets: list[QWidget]):
        super().__init__()
        self.widgets = widgets
        self.painted: dict[int, float] = {}
        self.since = 0.0
        self.loop: QEventLoop | None = None
        self.full_draws = 0  # full redraws of the charts among the watched widgets
        for w in widgets:
            if hasattr(w, "mpl_connect"):
                w.mpl_connect("draw_event", self._full_draw)
            w.installEventFilter(self)

    def _full_draw(self, _event: object) -> None:
        self.full_draws += 1

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


def settle(results: ResultsPanel) -> None:
    """Run the event loop until the first result is on screen, the charts are drawn and Monte Carlo has finished."""
    deadline = time.perf_counter() + SETTLE_TIMEOUT_S
    while not (results.result is not None and results.views_built and results.charts_drawn()
               and not results.scheduler.is_pending() and not results.scheduler.is_refining()):
        if time.perf_counter() > deadline:
            raise RuntimeError("the window did not settle (first result, charts, Monte Carlo) within 120 s")
        idle(50)


def floor_amount(window: MainWindow, clause: str = CLAUSE) -> QDoubleSpinBox:
    """The amount spin box of a border floor's floor price in the clause editor (the NdPr floor's by default)."""
    window.navigator.select_clause(clause)
    idle(50)
    spins = [s for s in window.clause_editor.widgets["floor_price"].findChildren(QDoubleSpinBox) if s.isVisible()]
    if not spins:
        raise RuntimeError("no visible floor amount field in the clause editor")
    return spins[0]


@dataclass
class Phase:
    """The keystrokes of one phase: wall-clock latency and the GUI thread's CPU time over it (ms), full redraws,
    background runs started (bracket options, mandate, Monte Carlo: in the fast phase only when an edit and its
    60 ms pause outlast the scheduler's quiet period, i.e. on a slow or loaded machine)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    full_draws: int = 0
    background_runs: int = 0

    def __add__(self, other: Phase) -> Phase:
        return Phase(self.wall + other.wall, self.cpu + other.cpu, self.full_draws + other.full_draws,
                     self.background_runs + other.background_runs)


def measure(spin: QDoubleSpinBox, watch: PaintWatch, results: ResultsPanel, edits: int, gap_ms: int) -> Phase:
    """Latency of ``edits`` keystrokes, ``gap_ms`` apart: up for the first half, then back down."""
    out = Phase()
    watch.full_draws = 0

    def started() -> None:
        out.background_runs += 1

    results.scheduler.refining.connect(started)
    for i in range(edits):
        key = Qt.Key.Key_Up if i < edits // 2 else Qt.Key.Key_Down
        before = spin.value()
        start, cpu = time.perf_counter(), time.thread_time()
        QTest.keyClick(spin, key)
        if spin.value() == before:
            raise RuntimeError("the keystroke did not change the floor")
        end = watch.wait_all_painted(start)
        out.cpu.append(1000 * (time.thread_time() - cpu))  # includes the wait's last event-loop pass
        out.wall.append(1000 * (end - start))
        idle(gap_ms)
    out.full_draws = watch.full_draws
    results.scheduler.refining.disconnect(started)
    return out


def p50_p95(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=20, method="inclusive")
    return f"p50 {statistics.median(samples):6.1f} ms  p95 {q[18]:6.1f} ms"


def report(name: str, phase: Phase) -> None:
    """One line per phase: the wall-clock latency, keystrokes over 100 ms, full chart redraws, the GUI thread's
    CPU time (what the latency is on a quiet machine; on a loaded one the wall clock also counts waiting for a core)."""
    print(f"{name:<42} n={len(phase.wall):3d}  {p50_p95(phase.wall)}  max {max(phase.wall):6.1f} ms  "
          f"over 100 ms {sum(s > 100 for s in phase.wall):3d}  full redraws {phase.full_draws:2d}  "
          f"background runs {phase.background_runs:2d}  | GUI-thread CPU {p50_p95(phase.cpu)}")


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
        settle(results)
        spin = floor_amount(window)
        spin.setFocus()
        watch = PaintWatch([results.table.viewport(), results.fiscal_chart, results.price_chart])
        print(f"platform {app.platformName()}; window {window.width()}x{window.height()}; "
              f"NdPr floor from {spin.value():g}")
        typing = measure(spin, watch, results, args.edits, gap_ms=60)
        report("fast typing (60 ms apart, no Monte Carlo)", typing)
        with_mc = measure(spin, watch, results, args.edits, gap_ms=260)
        report("edits during Monte Carlo (260 ms apart)", with_mc)
        report("all edits", typing + with_mc)
        results.shutdown()
        window.controller.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
