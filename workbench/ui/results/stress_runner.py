"""Stress tests run in a background thread, only while someone looks at them; a newer scenario supersedes the run."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from workbench.document import Scenario

#: A burst of edits starts one run, this long after its last edit.
STRESS_DELAY_MS = 250


class _Channel(QObject):
    """Signals emitted from the worker thread, each with the generation of the scenario it belongs to."""

    finished = Signal(int, object, object, float)  # generation, scenario, StressResult, seconds
    failed = Signal(int, object, str)               # generation, scenario, message


class StressRunner(QObject):
    """Runs ``run_stress_tests`` for the latest scenario submitted, off the GUI thread.

    Nothing runs while the runner is inactive (the view is hidden): the latest scenario waits until it is activated.
    At most one run is in flight; a scenario submitted meanwhile replaces any waiting one and is run next; the
    finished run's result is dropped when it is no longer for the latest scenario (stale).
    """

    finished = Signal(object, object, float)  # scenario, StressResult, seconds
    failed = Signal(object, str)              # scenario, message for the user
    started = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)  # before the channel: on destruction it waits for its thread first
        self._pool.setMaxThreadCount(1)
        self._channel = _Channel(self)
        self._channel.finished.connect(self._on_finished)
        self._channel.failed.connect(self._on_failed)
        self._generation = 0
        self._done_generation = -1
        self._scenario: Scenario | None = None
        self._running = False
        self._active = False
        self._timer = QTimer(self, singleShot=True, interval=STRESS_DELAY_MS)
        self._timer.timeout.connect(self._start)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, scenario: Scenario) -> None:
        """The latest scenario: run (after a short quiet period) if active, else when activated."""
        self._generation += 1
        self._scenario = scenario
        if self._active:
            self._timer.start(STRESS_DELAY_MS)  # not start(): an earlier start(0) left an interval of 0 in it

    def set_active(self, active: bool) -> None:
        """Whether results are wanted now (the view is visible); activating runs the latest scenario if not done."""
        self._active = active
        if active and self.is_stale():
            self._timer.start(0)
        elif not active:
            self._timer.stop()

    def is_stale(self) -> bool:
        """Whether the latest scenario's result is neither shown nor being computed."""
        return self._scenario is not None and self._done_generation != self._generation

    def is_busy(self) -> bool:
        """Whether a run is scheduled or in flight."""
        return self._running or self._timer.isActive()

    def shutdown(self) -> None:
        """Stop scheduling and wait for the run in flight (call before the application quits)."""
        self._active = False
        self._timer.stop()
        self._pool.waitForDone()

    def _start(self) -> None:
        if self._running or not self.is_stale():
            return  # the run in flight is followed by the latest scenario when it finishes
        self._running = True
        generation, scenario, channel = self._generation, self._scenario, self._channel

        def run() -> None:
            from workbench.engine.stress import run_stress_tests

            started = time.perf_counter()
            try:
                result = run_stress_tests(scenario)
                for test in result.tests:  # the tables the view and chart read, built here rather than on screen
                    test.table, test.paths, test.stock  # noqa: B018 - computing the cached properties
            except Exception as exc:  # noqa: BLE001 - any engine failure is shown in the view, never raised in a thread
                channel.failed.emit(generation, scenario, str(exc) or type(exc).__name__)
                return
            channel.finished.emit(generation, scenario, result, time.perf_counter() - started)

        self._pool.start(run)
        self.started.emit()

    def _after_run(self, generation: int) -> bool:
        """Bookkeeping when a run ends; True when its report is for the latest scenario."""
        self._running = False
        current = generation == self._generation
        if current:
            self._done_generation = generation
        elif self._active:
            self._timer.start(0)  # a newer scenario waited for this run: run it now
        return current

    def _on_finished(self, generation: int, scenario: Scenario, result: object, seconds: float) -> None:
        if self._after_run(generation):
            self.finished.emit(scenario, result, seconds)

    def _on_failed(self, generation: int, scenario: Scenario, message: str) -> None:
        if self._after_run(generation):
            self.failed.emit(scenario, message)
