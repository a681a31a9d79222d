"""Screenshots of the window for docs/ui.md at laptop sizes (offscreen): ``python scripts/screenshots.py [OUTDIR]``.

Each size is the window a maximised laptop screen leaves (1366x768 and 1280x720 less a 40 px task bar and a 28 px
title bar), on the default scenario after the charts and the Monte Carlo have arrived; one shot per results tab
named in TABS and one of the Private tab.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402 - the platform is chosen first
from PySide6.QtWidgets import QApplication  # noqa: E402 - after the platform choice above

SIZES = {"1366x768": (1366, 700), "1280x720": (1280, 652)}


def settle(app: QApplication, window, seconds: float) -> None:
    """Run the event loop until the charts are built and the background run has reported (or ``seconds``)."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
        if window.results.views_built and window.results.progress.isHidden():
            break
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)


def main(out: Path) -> None:
    from workbench.ui.app import set_up_application
    from workbench.ui.main_window import MainWindow, first_splitter_sizes
    from workbench.ui.settings import Settings

    app = set_up_application()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (width, height) in SIZES.items():
            settings = Settings(QSettings(str(Path(tmp) / f"{name}.ini"), QSettings.Format.IniFormat))
            window = MainWindow(settings=settings, autosave_dir=Path(tmp) / "autosave", offer_recovery=False)
            window.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is small: not maximised
            window.resize(width, height)
            window.splitter.setSizes(first_splitter_sizes(width))
            window.show()
            settle(app, window, 30.0)
            window.grab().save(str(out / f"window-{name}.png"))
            window.results.tabs.setCurrentWidget(window.results.compare)
            window.tabs.setCurrentWidget(window.private_editor)
            settle(app, window, 5.0)
            window.grab().save(str(out / f"window-{name}-compare-private.png"))
            window.controller.undo_stack.setClean()
            window.close()
            window.deleteLater()
            app.processEvents()
    print("\n".join(str(p) for p in sorted(out.glob("window-*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs"))
