"""The ``workbench`` GUI entry point: parse the command line, set up Qt and show the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.defaults import resource
from workbench.ui.icons import icon
from workbench.ui.settings import APPLICATION, ORGANIZATION


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: an optional scenario file, ``--smoke-test``, ``--version``."""
    parser = argparse.ArgumentParser(prog="workbench", description="Critical-minerals negotiation workbench.")
    parser.add_argument("scenario", nargs="?", type=Path, help="scenario file (.cmws) to open")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check that the installed application starts and computes, then exit with its status")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def install_translators(app: QApplication) -> None:
    """Load Qt's own and the workbench's translations for the system locale, where they exist."""
    locale = QLocale.system()
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("workbench", str(resource("translations")))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def main(argv: list[str] | None = None) -> int:
    """Run the workbench window; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        from workbench.ui.smoke import run

        return run()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(icon("workbench"))
    install_translators(app)

    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if args.scenario is not None:
        window.open_path(args.scenario)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
