"""Memory and references over a long session: a thousand keystrokes in the main window, as a day's negotiation.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_long_session.py [--edits 1000] [--fields 1]``.
Each edit is one Up or Down arrow keystroke (alternately, so the value stays in range) in the NdPr border floor's
amount field, 30 ms apart, each followed by its recomputation; with ``--fields 2`` the keystrokes alternate between
two fields so every one is its own undo step. Prints, every 100 edits and at the end, the process's resident memory,
the undo steps and the references to Python's None (with PySide6 6.12.0 on Python 3.11 they fell by about 66 per
edit and the interpreter aborted at zero, near edit 1,000). A measurement, not a test: the tests pin the two faults
found this way (tests/test_qt_binding.py, tests/ui/test_undo_merge.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench_ui_latency import floor_amount, idle, settle  # the window driven the same way as the latency benchmark
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

CLAUSES = ("ndpr-border-floor", "usmx-antimony-floor")  # two border floors, neither agreed: editing asks nothing
#: Pause after each keystroke (ms): the recomputation of the results runs in it.
PAUSE_MS = 30


def resident_mb() -> float:
    """The process's resident memory in MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * 4096 / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--fields", type=int, choices=(1, 2), default=1)
    args = parser.parse_args()
    QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="workbench-long-session-"))
    window = MainWindow(settings=Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                        autosave_dir=folder / "autosave", offer_recovery=False)
    window.resize(1366, 740)
    window.show()
    settle(window.results)  # first result, charts, first Monte Carlo run
    spin = floor_amount(window, CLAUSES[0])
    start_mb, start_none = resident_mb(), sys.getrefcount(None)
    print(f"start: {start_mb:.0f} MB resident, {start_none} references to None")
    for index in range(1, args.edits + 1):
        if args.fields > 1:  # the editor's form is rebuilt for each clause
            spin = floor_amount(window, CLAUSES[index % args.fields])
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_Up if (index // args.fields) % 2 else Qt.Key.Key_Down)
        idle(PAUSE_MS)
        if index % 100 == 0 or index == args.edits:
            now_mb = resident_mb()
            print(f"edit {index}: {now_mb:.0f} MB resident ({now_mb - start_mb:+.0f}), "
                  f"{window.controller.undo_stack.count()} undo steps, "
                  f"references to None {sys.getrefcount(None) - start_none:+d}", flush=True)
    growth = (resident_mb() - start_mb) * 1024 / args.edits
    print(f"memory per edit: {growth:.1f} kB")
    window.controller.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
