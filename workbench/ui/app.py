"""The ``workbench`` GUI entry point: parse the command line, set up Qt and show the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench import __version__
from workbench.defaults import resource
from workbench.ui.icons import APP_ICON, icon
from workbench.ui.qt_binding import binding_fault
from workbench.ui.settings import APPLICATION, ORGANIZATION

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: installer/linux/<DESKTOP_FILE_NAME>.desktop: Wayland compositors and task bars match the window to that menu entry.
DESKTOP_FILE_NAME = "org.criticalmineralsworkbench.workbench"
VERSION_TEXT = f"workbench {__version__}"


class WorkbenchApplication(QApplication):
    """The application object: opens the files the system hands it (QFileOpenEvent - on macOS a double-click on a
    .cmws file or Open With - which never comes as a command-line argument) in :attr:`window`."""

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.window: MainWindow | None = None
        self._requested: list[Path] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            if event.file():
                self._requested.append(Path(event.file()))
                self.open_requested()
            return True
        return super().event(event)

    def open_requested(self) -> None:
        """Open the files asked for so far in the window (any that came before the window was built wait for it)."""
        while self.window is not None and self.window.is_built and self._requested:
            path = self._requested.pop(0)
            if self.window.maybe_save():
                self.window.open_path(path)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: an optional scenario file, ``--smoke-test``, ``--version``."""
    parser = argparse.ArgumentParser(prog="workbench", description="Critical-minerals negotiation workbench.")
    parser.add_argument("scenario", nargs="?", type=Path, help="scenario file (.cmws) to open")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check that the installed application starts and computes, then exit with its status")
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    return parser.parse_args(argv)


def install_translators(app: QApplication) -> None:
    """Load Qt's own and the workbench's translations for the system locale, where they exist."""
    locale = QLocale.system()
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("workbench", str(resource("translations")))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def set_up_application() -> QApplication:
    """The application object with the workbench's names, desktop file name, icon and translations."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app = QApplication.instance() or WorkbenchApplication(sys.argv[:1])
    app.setWindowIcon(icon(APP_ICON))
    install_translators(app)
    return app


def show_version() -> int:
    """Print the version; a windowed executable (Windows, no console: ``sys.stdout`` is None) shows it in a box."""
    if sys.stdout is not None:
        print(VERSION_TEXT)
        return 0
    set_up_application()
    QMessageBox.information(None, VERSION_TEXT, VERSION_TEXT)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the workbench window; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        return show_version()
    if args.smoke_test:
        from workbench.ui import smoke

        smoke.use_offscreen_without_display()
        set_up_application()
        return smoke.run()
    app = set_up_application()
    fault = binding_fault()
    if fault is not None and sys.stderr is not None:  # a windowed Windows executable has no stderr
        print(fault, file=sys.stderr)

    from workbench.ui.main_window import MainWindow

    window = MainWindow(build_later=True)  # the first frame at once; the scenario and the panes right after it
    window.show()
    window.when_built(lambda: when_built(app, window, args.scenario, fault))
    if isinstance(app, WorkbenchApplication):
        app.window = window
    return app.exec()


def when_built(app: QApplication, window: MainWindow, scenario: Path | None, fault: str | None = None) -> None:
    """Once the window is built: warn of a faulty Qt binding (``fault``), open the file named on the command line and
    those the system asked for meanwhile, then check the delegation's key store."""
    from workbench.ui.compare import check_key_store

    if fault is not None:
        QMessageBox.warning(window, window.tr("Faulty Qt binding"), fault)

    if scenario is not None:
        window.open_path(scenario)
    if isinstance(app, WorkbenchApplication):
        app.open_requested()
    QTimer.singleShot(0, lambda: check_key_store(window))


if __name__ == "__main__":
    sys.exit(main())
