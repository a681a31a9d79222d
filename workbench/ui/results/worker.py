"""The background refinement of one scenario: option variants, the mandate check, then the Monte Carlo run."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # imported when a run starts: the window's first frame does not wait for the engine and pandas
    from workbench.analysis import mandate
    from workbench.document import Scenario
    from workbench.engine import EvaluationResult


@dataclass(frozen=True)
class Analysis:
    """What the background run computes before Monte Carlo: each option of each bracket costed alone (the others
    as modelled; keyed by ``BracketOption.spec``), the package views (every bracket at option A, B...; keyed by
    label), and the mandate report."""

    options: dict[str, EvaluationResult]
    option_errors: dict[str, str]
    mandate: mandate.MandateReport
    brackets: dict[str, EvaluationResult] = field(default_factory=dict)
    bracket_errors: dict[str, str] = field(default_factory=dict)


class Channel(QObject):
    """Signals a refinement emits from its worker thread; each carries the generation of the edit it belongs to."""

    analysed = Signal(int, object)    # generation, Analysis
    progress = Signal(int, float)     # generation, fraction 0..1 of the Monte Carlo run
    finished = Signal(int, object)    # generation, MonteCarloResult
    failed = Signal(int, str)         # generation, message


@dataclass
class Refinement:
    """One background run for one edit; ``cancel`` stops it at the engine's next check."""

    scenario: Scenario
    result: EvaluationResult
    generation: int
    channel: Channel
    cancel: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        """Compute in the calling (worker) thread and report through the channel; a cancelled run reports nothing."""
        from workbench.engine import Cancelled, run_monte_carlo  # imported on first use, after the window is shown

        try:
            self.channel.analysed.emit(self.generation, self._analyse())
            mc = self.scenario.document.assumptions.monte_carlo
            summary = run_monte_carlo(
                self.scenario, paths=mc.paths, seed=mc.seed,
                progress=lambda fraction: self.channel.progress.emit(self.generation, float(fraction)),
                cancelled=self.cancel.is_set)
            self.channel.finished.emit(self.generation, summary)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - any engine failure is reported in the panel, never raised in a thread
            self.channel.failed.emit(self.generation, str(exc) or type(exc).__name__)

    def _analyse(self) -> Analysis:
        from workbench.analysis import mandate
        from workbench.analysis.compare import per_bracket
        from workbench.engine import Cancelled, InfeasibleMarket, evaluate

        options: dict[str, EvaluationResult] = {}
        errors: dict[str, str] = {}
        for label in mandate.option_labels(self.scenario):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                options[label] = evaluate(self.scenario, option=label)
            except (InfeasibleMarket, ValueError) as exc:  # no equilibrium, or an input the engine refuses
                errors[label] = str(exc)
        brackets, bracket_errors = per_bracket(self.scenario, self.result, cancelled=self.cancel.is_set)
        report = mandate.check(self.scenario, modelled=self.result, options=options, cancelled=self.cancel.is_set)
        return Analysis(options, errors, report, brackets, bracket_errors)
