"""Compute scheduling: evaluate each edit at once on the GUI thread, refine it in a cancellable background run."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from workbench.ui.background_import import import_in_background
from workbench.ui.results.worker import Channel, Refinement

if TYPE_CHECKING:
    from workbench.document import Scenario

#: A burst of edits (typing in a field) starts one background run, this long after its last edit.
REFINE_DELAY_MS = 150
#: How often a background run held back by ``refine_when`` looks again.
REFINE_POLL_MS = 20
#: The engine and what the first result needs (pandas, numpy): imported in a background thread after the window's
#: first paint, not before it (they were most of the start-up time).
ENGINE_MODULES = ("workbench.engine", "workbench.analysis.mandate", "workbench.ui.results.messages")
#: How often a pending evaluation looks whether the background import of ENGINE_MODULES has finished.
ENGINE_POLL_MS = 10
#: Longest the GUI thread waits for the worker to hand back the GIL (Python's default is 5 ms; a keystroke's
#: repaint goes through many GIL hand-offs, each of which could otherwise cost that much while Monte Carlo runs).
GIL_SWITCH_INTERVAL_S = 0.001


@lru_cache(maxsize=None)
def engine_imported() -> threading.Event:
    """Import ENGINE_MODULES in a background thread (started on the first call only); the event is set when done.

    The window keeps answering input meanwhile; if the import fails, the evaluation meets the error again.
    """
    return import_in_background(ENGINE_MODULES, "import-engine")


class ComputeScheduler(QObject):
    """Turns scenario changes into results.

    :meth:`submit` coalesces the changes made in one pass of the event loop into one synchronous
    ``evaluate`` (milliseconds; the first one waits, without blocking the window, for the engine's import in the
    background); after a short quiet period a worker costs the bracket options, checks the
    mandate and runs Monte Carlo. A newer edit cancels the stale run; stale reports are dropped.
    """

    evaluated = Signal(object, object, float)   # scenario, EvaluationResult, seconds taken
    evaluationFailed = Signal(object, str)      # scenario, message for the user
    analysed = Signal(object)                   # worker.Analysis of the current scenario
    refining = Signal()                         # a background run started for the current scenario
    progress = Signal(float)                    # Monte Carlo fraction done, 0..1
    monteCarloFinished = Signal(object)         # MonteCarloResult of the current scenario
    refinementFailed = Signal(str)

    def __init__(self, parent: QObject | None = None, import_when: Callable[[], bool] | None = None,
                 refine_when: Callable[[], bool] | None = None):
        """``import_when`` says whether the engine's background import may start yet, ``refine_when`` whether the
        background run may start yet (at start-up it would slow the first charts' drawing; default: at once)."""
        super().__init__(parent)
        self._import_when = import_when
        self._refine_when = refine_when
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        # The pool is created before the channel so that, on destruction, it waits for its thread before the
        # channel the thread reports to goes away.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._channel = Channel(self)
        self._channel.analysed.connect(self._on_analysed)
        self._channel.progress.connect(self._on_progress)
        self._channel.finished.connect(self._on_finished)
        self._channel.failed.connect(self._on_failed)
        self._generation = 0
        self._pending: Scenario | None = None
        self._current: tuple[Scenario, object] | None = None
        self._running: Refinement | None = None
        self._evaluate_timer = QTimer(self, singleShot=True, interval=0)
        self._evaluate_timer.timeout.connect(self._evaluate_when_imported)
        self._refine_timer = QTimer(self, singleShot=True, interval=REFINE_DELAY_MS)
        self._refine_timer.timeout.connect(self._start_refinement)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def generation(self) -> int:
        """Counts submitted scenarios; reports of older generations are stale."""
        return self._generation

    def submit(self, scenario: Scenario) -> None:
        """A new scenario to show: any background run for an older one is cancelled at once."""
        self._generation += 1
        self._pending = scenario
        self._cancel_running()
        self._refine_timer.stop()
        self._evaluate_timer.start(0)

    def evaluate_now(self) -> None:
        """Evaluate the pending scenario now (normally called by the coalescing timer; imports the engine first if
        the background import has not finished)."""
        from workbench.document import ScenarioValidationError
        from workbench.engine import InfeasibleMarket, evaluate

        self._evaluate_timer.stop()
        scenario, self._pending = self._pending, None
        if scenario is None:
            return
        started = time.perf_counter()
        try:
            result = evaluate(scenario)
        except InfeasibleMarket as exc:
            self._fail(scenario, QCoreApplication.translate(
                "ComputeScheduler", "The market cannot clear under this scenario: {0}").format(exc))
            return
        except ScenarioValidationError as exc:
            self._fail(scenario, QCoreApplication.translate(
                "ComputeScheduler", "The scenario is not valid:\n{0}").format(exc.summary()))
            return
        except ValueError as exc:
            self._fail(scenario, QCoreApplication.translate(
                "ComputeScheduler", "The model cannot evaluate this scenario: {0}").format(exc))
            return
        self._current = (scenario, result)
        self.evaluated.emit(scenario, result, time.perf_counter() - started)
        self._refine_timer.start(REFINE_DELAY_MS)  # not start(): a held-back run's poll left REFINE_POLL_MS in it

    def _evaluate_when_imported(self) -> None:
        """The coalescing timer: evaluate once the engine is imported, otherwise look again shortly."""
        if (self._import_when is None or self._import_when()) and engine_imported().is_set():
            self.evaluate_now()
        else:
            self._evaluate_timer.start(ENGINE_POLL_MS)

    def is_pending(self) -> bool:
        """Whether a submitted scenario waits for its evaluation (at start-up: for the engine's import)."""
        return self._pending is not None

    def is_refining(self) -> bool:
        """Whether a background run for the current scenario is scheduled or in progress."""
        return self._refine_timer.isActive() or self._running is not None

    def shutdown(self) -> None:
        """Cancel any background run and wait for the worker to stop (call before the application quits)."""
        self._evaluate_timer.stop()
        self._refine_timer.stop()
        self._cancel_running()
        self._pool.waitForDone()

    def _fail(self, scenario: Scenario, message: str) -> None:
        self._current = None
        self.evaluationFailed.emit(scenario, message)

    def _cancel_running(self) -> None:
        if self._running is not None:
            self._running.cancel.set()
            self._running = None

    def _start_refinement(self) -> None:
        if self._current is None:
            return
        if self._refine_when is not None and not self._refine_when():
            self._refine_timer.start(REFINE_POLL_MS)
            return
        scenario, result = self._current
        job = Refinement(scenario, result, self._generation, self._channel)
        self._running = job
        self._pool.start(job.run)
        self.refining.emit()

    def _is_current(self, generation: int) -> bool:
        return generation == self._generation and self._running is not None

    def _on_analysed(self, generation: int, analysis: object) -> None:
        if self._is_current(generation):
            self.analysed.emit(analysis)

    def _on_progress(self, generation: int, fraction: float) -> None:
        if self._is_current(generation):
            self.progress.emit(fraction)

    def _on_finished(self, generation: int, summary: object) -> None:
        if self._is_current(generation):
            self._running = None
            self.monteCarloFinished.emit(summary)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._is_current(generation):
            self._running = None
            self.refinementFailed.emit(message)
