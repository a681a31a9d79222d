"""`workbench --smoke-test`: start, load the default scenario, show the main window, compute, export a term sheet."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any, MutableMapping, TextIO

#: Printed (and flushed) the moment the main window's first frame is on screen (its size, title, greyed menus and
#: "Opening ..."); benchmarks/bench_startup.py waits for it.
WINDOW_SHOWN = "smoke: main window shown"
#: Printed when the scenario is on screen: navigator, editors, the results pane ("Computing..." until the result).
SCENARIO_SHOWN = "smoke: scenario shown"
#: Printed when the charts, built after the window's first paint, have been drawn (matplotlib's QtAgg backend works).
CHARTS_DRAWN = "smoke: charts drawn"
#: A step that has not finished after this many seconds fails the smoke test (e.g. a dialog waiting for a click).
TIMEOUT_S = 120.0
#: How long the window may take to compute the default scenario in the background.
RESULT_WAIT_S = 60.0


class SmokeTestFailure(Exception):
    """A step of the smoke test produced something wrong."""


def use_offscreen_without_display(environ: MutableMapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux without X11 or Wayland, and no platform chosen, select Qt's offscreen platform; True if it did."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return False
    environ["QT_QPA_PLATFORM"] = "offscreen"
    return True


def say(line: str, stream: TextIO | None) -> None:
    """Write one line to ``stream`` if there is one (a windowed Windows executable has no stdout or stderr)."""
    if stream is not None:
        print(line, file=stream, flush=True)


def run() -> int:
    """Run every step; 0 when all worked, otherwise 1 with a one-line message on stderr (2 after TIMEOUT_S)."""
    watchdog = threading.Timer(TIMEOUT_S, _time_out)
    watchdog.daemon = True
    watchdog.start()
    try:
        summary = _steps()
    except Exception as exc:  # noqa: BLE001 - whatever fails, the smoke test reports it in one line
        say("smoke test failed: " + " ".join(f"{type(exc).__name__}: {exc}".split()), sys.stderr)
        return 1
    finally:
        watchdog.cancel()
    say(f"smoke test passed: {summary}", sys.stdout)
    return 0


def _time_out() -> None:
    say(f"smoke test failed: no result after {TIMEOUT_S:.0f} s", sys.stderr)
    os._exit(2)


def _steps() -> str:
    use_offscreen_without_display()
    from PySide6.QtWidgets import QApplication

    from workbench.ui.qt_binding import binding_fault

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "workbench"])
    fault = binding_fault()
    if fault is not None:
        raise SmokeTestFailure(fault)
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as folder:
        window = _main_window(Path(folder))
        try:
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise SmokeTestFailure("the main window did not appear")
            say(WINDOW_SHOWN, sys.stdout)
            _wait_until_built(window)
            app.processEvents()
            say(SCENARIO_SHOWN, sys.stdout)
            _check_icons()
            scenario = window.controller.scenario
            result = _window_result(window)
            _wait_for_charts(window)
            say(CHARTS_DRAWN, sys.stdout)
            size = _export(scenario, result, Path(folder) / "term-sheet.xlsx")
        finally:
            window.close()
            app.processEvents()
    return f"window shown, default scenario computed for {len(result.regions)} regions, term sheet {size:,} bytes"


def _main_window(folder: Path) -> Any:
    """The main window as the application opens it (the default scenario built after the first frame), with settings
    and autosaves in ``folder`` (the user's stay untouched)."""
    from PySide6.QtCore import QSettings

    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    return MainWindow(settings=settings, autosave_dir=folder / "autosave", offer_recovery=False, build_later=True)


def _wait_until_built(window: Any) -> None:
    """Wait until the window has built its panes on the default scenario."""
    from PySide6.QtCore import QEventLoop, QTimer

    if not window.is_built:
        loop = QEventLoop()
        window.built.connect(loop.quit)
        QTimer.singleShot(round(RESULT_WAIT_S * 1000), loop.quit)
        loop.exec()
    if not window.is_built:
        raise SmokeTestFailure(f"the window did not open the default scenario within {RESULT_WAIT_S:.0f} s")


def _check_icons() -> None:
    """The shipped SVG icons render: the bundle has Qt's SVG image plugins and the resources."""
    from workbench.ui.icons import APP_ICON, icon

    if icon(APP_ICON).pixmap(32, 32).isNull():
        raise SmokeTestFailure("the application icon does not render (Qt SVG plugins or resources missing)")


def _window_result(window: Any) -> Any:
    """The result the window computed in the background and put on screen (waits for it)."""
    import numpy as np
    from PySide6.QtCore import QEventLoop, QTimer

    panel = window.results
    if panel.result is None:
        loop = QEventLoop()
        failures: list[str] = []
        panel.resultsShown.connect(loop.quit)
        panel.scheduler.evaluationFailed.connect(lambda _scenario, message: (failures.append(message), loop.quit()))
        QTimer.singleShot(round(RESULT_WAIT_S * 1000), loop.quit)
        loop.exec()
        if failures:
            raise SmokeTestFailure(f"the window could not compute the default scenario: {failures[0]}")
    result = panel.result
    if result is None:
        raise SmokeTestFailure("the window showed no results")
    table = result.partner_table
    if table.empty or not np.isfinite(table.to_numpy(dtype=float)).all():
        raise SmokeTestFailure("the partner table is empty or not finite")
    return result


def _wait_for_charts(window: Any) -> None:
    """Wait until the per-partner charts are built and drawn."""
    from PySide6.QtCore import QEventLoop, QTimer

    panel = window.results
    deadline = time.monotonic() + RESULT_WAIT_S
    while not panel.charts_drawn():
        if time.monotonic() > deadline:
            raise SmokeTestFailure(f"the charts were not drawn within {RESULT_WAIT_S:.0f} s")
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def _export(scenario: Any, result: Any, path: Path) -> int:
    """Write the term sheet to ``path``; its size in bytes, after checking it is a non-empty .xlsx."""
    from workbench.export import write_term_sheet

    written = Path(write_term_sheet(scenario, path, result=result))
    size = written.stat().st_size if written.is_file() else 0
    if size == 0:
        raise SmokeTestFailure(f"the term sheet {written.name} is missing or empty")
    if not zipfile.is_zipfile(written):
        raise SmokeTestFailure(f"the term sheet {written.name} is not an .xlsx (zip) file")
    return size
