"""The main window: navigator, editors and results around one document controller; files, undo, autosave."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter,
                               QTabWidget, QUndoView, QWidget)

from workbench import __version__
from workbench.ui.background_import import import_in_background
from workbench.ui.i18n import QT_TR_NOOP, translate as _tr
from workbench.ui.icons import APP_ICON, icon
from workbench.ui.plain_text import as_plain_text
from workbench.ui.settings import Settings
from workbench.ui.tab_bar import compact_tabs
from workbench.untrusted_text import shown
from workbench.ui.undo_keys import DocumentUndoKeys

if TYPE_CHECKING:  # the document model (pydantic) and the panels come after a window's first frame (build_later)
    from workbench.document import Scenario
    from workbench.export.integrity import Provenance  # the export (openpyxl) is imported on the first export
    from workbench.ui.autosave import Autosave
    from workbench.ui.controller import DocumentController
    from workbench.ui.editors import (AssumptionsEditor, ClauseEditor, MetadataEditor, PartnersEditor, PrivateEditor,
                                      StressEditor)
    from workbench.ui.navigator import NavigatorPanel
    from workbench.ui.results import ResultsPanel

APP_TITLE = QT_TR_NOOP("Critical Minerals Workbench")
#: Below this available width or height (pixels) the window opens maximised the first time (1366x768 laptops).
SMALL_SCREEN = (1500, 900)
#: What a window opened with ``build_later`` imports in a background thread after its first frame: the document
#: model, the files, the editors, the navigator and the results panel (about 0.45 s CPU, twice a bare window's start).
WINDOW_MODULES = ("workbench.document", "workbench.files", "workbench.defaults", "workbench.ui.controller",
                  "workbench.ui.autosave", "workbench.ui.compare", "workbench.ui.editors", "workbench.ui.navigator",
                  "workbench.ui.results")
#: The editors of the tabs after Clause, in tab order (attribute: class in workbench.ui.editors), each built when its
#: tab is first shown or the attribute first read.
LATER_EDITORS = {"metadata_editor": "MetadataEditor", "partners_editor": "PartnersEditor",
                 "assumptions_editor": "AssumptionsEditor", "stress_editor": "StressEditor",
                 "private_editor": "PrivateEditor"}
#: How often a window opened with ``build_later`` looks whether WINDOW_MODULES are imported.
IMPORT_POLL_MS = 10


class MainWindow(QMainWindow):
    """One scenario per window: clause navigator | editors | results, with the desktop habits people expect.

    Built at once by default. With ``build_later`` (the application's start) the first frame is the window at its
    size, with its title, greyed menus and "Opening ..." in place of the panes; the document model and the panels
    are imported in a background thread after that frame is painted (the window keeps answering meanwhile), then
    built in a few steps that each return to the event loop; ``built`` fires when the scenario is on screen and
    :meth:`when_built` runs code then. Until then the window has no ``controller``, ``navigator``, editors or
    ``results``.
    """

    built = Signal()

    def __init__(self, scenario: Scenario | None = None, path: Path | None = None, *, settings: Settings | None = None,
                 autosave_dir: Path | None = None, offer_recovery: bool = True, parent: QWidget | None = None,
                 build_later: bool = False):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.setWindowIcon(icon(APP_ICON))
        self.setAcceptDrops(True)
        self.is_built = False
        self._when_built: list[Callable[[], None]] = []
        self._build_args: tuple | None = (scenario, path, autosave_dir, offer_recovery)  # None: closed while opening
        self._build_later = build_later
        self._painted = False
        if not build_later:
            for step in self._build_steps():
                step()
            return
        self.setWindowTitle(_tr(APP_TITLE))
        # the menu bar is there from the first frame (greyed), so the panes do not move down when it is filled
        for title in (self.tr("&File"), self.tr("&Edit"), self.tr("&View"), self.tr("C&lause"), self.tr("&Tools"),
                      self.tr("&Help")):
            self.menuBar().addMenu(title).setEnabled(False)
        opening = QLabel(self.tr("Opening {0}\u2026").format(path.name if path else self.tr("the scenario")))
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        opening.setEnabled(False)  # drawn in the palette's disabled text colour, like the charts' placeholders
        self.setCentralWidget(opening)
        self.statusBar()
        self._restore_geometry()

    # --- building ---------------------------------------------------------------------------------------------
    def when_built(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the scenario is on screen (at once if it is)."""
        if self.is_built:
            action()
        else:
            self._when_built.append(action)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.is_built and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._import_window_modules)  # once the whole first frame is painted

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.is_built and self.isMinimized() and not self._painted:  # never painted: import at once
            self._painted = True
            QTimer.singleShot(0, self._import_window_modules)

    def _import_window_modules(self) -> None:
        """Import WINDOW_MODULES in the background (a thread started earlier would hold the GIL while the first
        frame is painted), then build the window in steps."""
        imported = import_in_background(WINDOW_MODULES, "import-window")
        steps = iter(self._build_steps())

        def next_step() -> None:
            if not imported.is_set():
                QTimer.singleShot(IMPORT_POLL_MS, next_step)
                return
            step = next(steps, None) if self._build_args is not None else None  # None: closed while opening
            if step is not None:
                step()
                QTimer.singleShot(0, next_step)  # input and paint events are handled between the steps

        next_step()

    def _build_steps(self) -> list[Callable[[], None]]:
        """Building the window, in steps of at most about a tenth of a second (the last one shows the result)."""
        return [self._build_document, self._build_panes, self._assemble]

    def _build_document(self) -> None:
        from workbench.defaults import default_scenario
        from workbench.ui.controller import DocumentController

        scenario, path = self._build_args[:2]
        self.controller: DocumentController = DocumentController(scenario or default_scenario(), path, self)

    def _build_panes(self) -> None:
        from workbench.ui.editors import ClauseEditor
        from workbench.ui.navigator import Grouping, NavigatorPanel

        grouping = Grouping(self.settings.grouping) if self.settings.grouping in {g.value for g in Grouping} \
            else Grouping.MINERAL
        self.navigator: NavigatorPanel = NavigatorPanel(self.controller, grouping)
        self.clause_editor: ClauseEditor = ClauseEditor(self.controller)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Editors"))
        compact_tabs(self.tabs)  # six tabs in a laptop's editor pane, all in view
        self.tabs.addTab(self.clause_editor, self.tr("&Clause"))
        self._editors: dict[str, QWidget] = {}  # the other tabs' editors, built when first shown or read
        for title in (self.tr("Sc&enario"), self.tr("&Partners"), self.tr("A&ssumptions"), self.tr("Stress")):
            self.tabs.addTab(QWidget(), title)
        self.tabs.setTabToolTip(self.tabs.count() - 1, self.tr("Stress tests: export restrictions, dumping episodes "
                                                               "and supply outages the agreement is tested against"))
        private = self.tabs.addTab(QWidget(), icon("private"), self.tr("Pri&vate"))
        self.tabs.setTabToolTip(private, self.tr("Private \u2014 never shared: notes and mandate of your delegation, "
                                                 "removed from every shared copy and term sheet"))
        self.tabs.currentChanged.connect(self._tab_shown)

    @property
    def metadata_editor(self) -> MetadataEditor:
        """The Scenario tab's editor (built when first shown or read, like the other tabs after Clause)."""
        return self._editor("metadata_editor")

    @property
    def partners_editor(self) -> PartnersEditor:
        return self._editor("partners_editor")

    @property
    def assumptions_editor(self) -> AssumptionsEditor:
        return self._editor("assumptions_editor")

    @property
    def stress_editor(self) -> StressEditor:
        return self._editor("stress_editor")

    @property
    def private_editor(self) -> PrivateEditor:
        return self._editor("private_editor")

    def _tab_shown(self, index: int) -> None:
        if 1 <= index <= len(LATER_EDITORS):
            self._editor(list(LATER_EDITORS)[index - 1])

    def _editor(self, attribute: str) -> QWidget:
        """The editor of a tab after Clause, built in place of the tab's empty page the first time (tens of
        milliseconds each; the window's start builds only the Clause tab it shows)."""
        editor = self._editors.get(attribute)
        if editor is not None:
            return editor
        from workbench.ui import editors

        editor = self._editors[attribute] = getattr(editors, LATER_EDITORS[attribute])(self.controller)
        index = 1 + list(LATER_EDITORS).index(attribute)
        page, current = self.tabs.widget(index), self.tabs.currentIndex()
        text, tip, tab_icon = self.tabs.tabText(index), self.tabs.tabToolTip(index), self.tabs.tabIcon(index)
        self.tabs.blockSignals(True)  # the same tab stays current: nothing else to tell
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, editor, tab_icon, text)
        self.tabs.setTabToolTip(index, tip)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        page.deleteLater()
        if attribute == "stress_editor":
            editor.stressSelected.connect(self.results.show_stress_test)
        return editor

    def _assemble(self) -> None:
        """The results panel, in the window in the same step (a panel out of sight imports the engine at once)."""
        from workbench.ui.autosave import Autosave, default_directory
        from workbench.ui.compare import install_actions
        from workbench.ui.results import ResultsPanel

        self.results: ResultsPanel = ResultsPanel(self.controller)
        _scenario, _path, autosave_dir, offer_recovery = self._build_args
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.navigator.setMinimumWidth(250)  # room for the Add/Duplicate/Delete/move buttons
        self.tabs.setMinimumWidth(440)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 5)
        self.setCentralWidget(self.splitter)

        self.history = QUndoView(self.controller.undo_stack)
        self.history.setEmptyLabel(self.tr("<as opened>"))
        self.history.setAccessibleName(self.tr("Undo history"))
        self.history_dock = QDockWidget(self.tr("Undo history"), self)
        self.history_dock.setObjectName("history_dock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.history_dock)
        self.history_dock.hide()

        self.navigator.clauseSelected.connect(self._clause_selected)
        self.navigator.groupingChanged.connect(lambda value: setattr(self.settings, "grouping", value))
        self.clause_editor.clauseRenamed.connect(self.navigator.select_clause)
        self.results.breachesChanged.connect(self.navigator.flag_breaches)
        # bound methods, not lambdas: Qt drops them when the window is destroyed, before the undo stack's own
        # destruction reports "clean" (a lambda then called into the deleted window: a traceback on Quit > Discard)
        self.controller.fileChanged.connect(self._update_title)
        self.controller.undo_stack.cleanChanged.connect(self._clean_changed)

        self._build_actions()
        self._build_menus()
        self.undo_keys = DocumentUndoKeys(self, self.undo_action, self.redo_action)
        self.sharing_actions = install_actions(self)
        self.file_menu.addSeparator()  # Quit last, after the sharing entries
        self.file_menu.addAction(self.quit_action)
        self.statusBar()
        self._update_title()
        self._restore_settings(geometry=not self._build_later)  # else restored for the first frame
        self.autosave: Autosave = Autosave(self.controller, autosave_dir or default_directory(),
                                           self.settings.autosave_interval_s, self)
        self.autosave.failed.connect(lambda reason: self.statusBar().showMessage(
            self.tr("Autosave failed: {0}").format(reason), 15000))
        self.navigator.select_clause(self.controller.scenario.document.clauses[0].id
                                     if self.controller.scenario.document.clauses else None)
        if offer_recovery:
            QTimer.singleShot(0, lambda: self.offer_recovery(autosave_dir or default_directory()))
        self.is_built = True
        self._build_args = (None, None, None, False)
        self.built.emit()
        while self._when_built:
            self._when_built.pop(0)()

    # --- actions and menus ------------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New"), self.new, key.New, self.tr("Start from the default scenario"))
        self.open_action = self._action(self.tr("&Open\u2026"), self.open, key.Open, self.tr("Open a scenario file"))
        self.save_action = self._action(self.tr("&Save"), self.save, key.Save, self.tr("Save the scenario"))
        self.save_as_action = self._action(self.tr("Save &As\u2026"), self.save_as, key.SaveAs,
                                           self.tr("Save the scenario to another file"))
        self.export_action = self._action(self.tr("&Export term sheet\u2026"), self.export_term_sheet,
                                          QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
                                          self.tr("Write an Excel term sheet (without private notes)"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.undo_action = self.controller.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(key.Undo)
        self.redo_action = self.controller.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([*QKeySequence.keyBindings(key.Redo),
                                       QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y)])
        self.about_action = self._action(self.tr("&About"), self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()  # the greyed menus of the first frame (build_later)
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        view = bar.addMenu(self.tr("&View"))
        history = self.history_dock.toggleViewAction()
        history.setText(self.tr("Undo &history"))
        view.addAction(history)
        clause = bar.addMenu(self.tr("C&lause"))
        clause.addMenu(self.navigator.add_menu)
        clause.addActions([self.navigator.duplicate_action, self.navigator.delete_action, self.navigator.up_action,
                           self.navigator.down_action])
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # --- files ------------------------------------------------------------------------------------------------
    def new(self) -> None:
        """Start a new scenario from the built-in default (asks first if there are unsaved changes)."""
        from workbench.defaults import default_scenario

        if self.maybe_save():
            self.controller.start_new(default_scenario())
            self._select_first_clause()

    def open(self) -> None:
        """Ask for a scenario file and open it."""
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open scenario"), self.settings.last_folder,
                                              self._file_filter())
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open ``path``; a file that cannot be read gets a dialog saying why (and the window keeps its scenario)."""
        from workbench.files import FileFormatError, NewerVersionError, load_scenario
        from workbench.ui.compare import show_origin

        try:
            loaded = load_scenario(path)
        except NewerVersionError as exc:
            QMessageBox.critical(self, self.tr("Scenario from a newer version"), as_plain_text(str(exc)))
            return False
        except FileFormatError as exc:
            QMessageBox.critical(self, self.tr("Cannot open scenario"),
                                 self.tr("The file could not be opened:\n{0}").format(exc))
            self.settings.remove_recent_file(str(path))
            self._fill_recent_menu()
            return False
        self.controller.set_scenario(loaded.scenario, path)
        self._remember_file(path)
        self._select_first_clause()
        show_origin(self, loaded)
        if loaded.warnings:
            QMessageBox.warning(self, self.tr("Scenario opened with warnings"),
                                as_plain_text("\n".join(shown(w) for w in loaded.warnings)))
        return True

    def save(self) -> bool:
        """Save to the current file (or ask for one); True when saved."""
        if self.controller.path is None:
            return self.save_as()
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there; True when saved."""
        from workbench.files import FILE_EXTENSION

        start = str(self.controller.path) if self.controller.path else self.settings.last_folder
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save scenario as"), start, self._file_filter())
        if not name:
            return False
        path = Path(name)
        if path.suffix != FILE_EXTENSION:
            path = path.with_name(path.name + FILE_EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from workbench.files import FileFormatError, SaveError

        if _written_by_newer_version(path):
            QMessageBox.critical(self, self.tr("Not saved"), self.tr(
                "{0} was written by a newer version of the workbench and is never overwritten. "
                "Save under another name.").format(path))
            return False
        try:
            self.controller.save(path)
        except (SaveError, FileFormatError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Not saved"), self.tr("The scenario was not saved:\n{0}").format(exc))
            return False
        self._remember_file(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def maybe_save(self) -> bool:
        """If there are unsaved changes, ask to save, discard or cancel; True when it is fine to go on."""
        if not self.is_built or self.controller.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("The scenario \u201c{0}\u201d has unsaved changes. Save them?").format(self._document_name()),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def export_term_sheet(self) -> None:
        """Write the term sheet (Excel) of the current scenario; the private block is never exported."""
        start = str(Path(self.settings.last_folder or ".") / (self._document_stem() + ".xlsx"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export term sheet"), start,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        path = Path(name) if name.endswith(".xlsx") else Path(name + ".xlsx")
        from workbench.export import write_term_sheet  # openpyxl is imported on the first export, not at start-up
        from workbench.sharing.clean import find_leaks, leak_message

        leaks = find_leaks(self.controller.scenario)
        if leaks:
            QMessageBox.critical(self, self.tr("Term sheet not written"),
                                 as_plain_text(shown(leak_message(leaks, "the term sheet"))))
            return
        provenance = self._export_provenance()
        failure = provenance.failure()
        if failure is not None:  # the same refusal as workbench-cli export; exporting anyway marks every page
            buttons = QMessageBox.StandardButton
            if QMessageBox.warning(self, self.tr("Integrity not verified"), self.tr(
                    "{0}\n\nExport it anyway, marked INTEGRITY NOT VERIFIED on the cover and on every page?").format(
                    shown(failure)), buttons.Yes | buttons.Cancel, buttons.Cancel) != buttons.Yes:
                return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_term_sheet(self.controller.scenario, path, provenance=provenance,
                             allow_unverified=failure is not None)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a dialog, never a traceback
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, self.tr("Term sheet not written"),
                                 self.tr("The term sheet could not be written to {0}:\n{1}").format(path, exc))
            return
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Term sheet written to {0}").format(path), 8000)

    def _export_provenance(self) -> Provenance:
        """The file behind the scenario shown, checked again now (content hash and signature), for the term sheet."""
        from workbench.export import for_file, unsaved
        from workbench.files import FileFormatError
        from workbench.sharing import Keyring
        from workbench.ui.compare.common import app_data_dir

        if self.controller.path is None:
            return unsaved()
        try:
            return for_file(self.controller.path, self.controller.scenario, Keyring(app_data_dir()))
        except (FileFormatError, OSError):  # the file is gone or unreadable: nothing vouches for the text
            return unsaved()

    # --- recovery ---------------------------------------------------------------------------------------------
    def offer_recovery(self, directory: Path) -> bool:
        """Offer the autosaves of crashed sessions, newest first; True when one was recovered into this window."""
        from workbench.files import FileFormatError
        from workbench.ui.autosave import find_orphans

        buttons = QMessageBox.StandardButton
        for orphan in find_orphans(directory):
            if orphan.path == self.autosave.path:
                orphan.release()
                continue
            what = str(orphan.source) if orphan.source else self.tr("a new scenario")
            answer = QMessageBox.question(
                self, self.tr("Recover unsaved work?"),
                self.tr("The workbench did not close properly. Unsaved changes to {0} were autosaved at {1}.\n\n"
                        "Yes: recover them. No: discard them. Cancel: decide next time.").format(what, orphan.saved),
                buttons.Yes | buttons.No | buttons.Cancel, buttons.Yes)
            if answer == buttons.Cancel:
                orphan.release()
                continue
            if answer == buttons.No:
                orphan.discard()
                continue
            try:
                recovered = orphan.load().scenario
            except FileFormatError as exc:
                QMessageBox.critical(self, self.tr("Cannot recover"),
                                     self.tr("The autosave could not be read:\n{0}").format(exc))
                orphan.release()
                continue
            self._recover(recovered, orphan.source)
            orphan.discard()
            return True
        return False

    def _recover(self, recovered: Scenario, source: Path | None) -> None:
        from workbench.files import FileFormatError, load_scenario

        base, path = self.controller.scenario, None
        if source is not None:
            try:
                base, path = load_scenario(source).scenario, source
            except FileFormatError:
                base, path = self.controller.scenario, None
        self.controller.set_scenario(base, path)
        self.controller.apply(recovered, self.tr("Recover autosaved changes"))
        self._select_first_clause()
        self.statusBar().showMessage(self.tr("Recovered unsaved changes; save them to keep them."), 10000)

    # --- window -----------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_built:  # closed while opening: nothing edited yet; the building stops
            self._when_built.clear()
            self._build_args = None
            self.settings.geometry = self.saveGeometry()
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.autosave.close()
        self.results.shutdown()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            if self.maybe_save():
                self.open_path(path)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        from workbench.files import FILE_EXTENSION

        for url in event.mimeData().urls() if event.mimeData().hasUrls() else []:
            if url.isLocalFile() and url.toLocalFile().endswith(FILE_EXTENSION):
                return Path(url.toLocalFile())
        return None

    def about(self) -> None:
        """Show the version and purpose."""
        QMessageBox.about(self, self.tr("About"), self.tr(
            "<b>{0}</b> {1}<br>Draft critical-minerals clauses and see their fiscal cost and price effects per "
            "partner.").format(_tr(APP_TITLE), __version__))

    # --- internals --------------------------------------------------------------------------------------------
    def _clause_selected(self, clause_id: str | None) -> None:
        self.clause_editor.show_clause(clause_id)
        if clause_id is not None:
            self.tabs.setCurrentWidget(self.clause_editor)

    def _select_first_clause(self) -> None:
        clauses = self.controller.scenario.document.clauses
        self.navigator.select_clause(clauses[0].id if clauses else None)

    def _document_name(self) -> str:
        path = self.controller.path
        return path.name if path else self.tr("Untitled")

    def _document_stem(self) -> str:
        path = self.controller.path
        return path.stem if path else "term-sheet"

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_title(self, _path: object = None) -> None:
        self.setWindowTitle(f"{self._document_name()}[*] \u2014 {_tr(APP_TITLE)}")
        self.setWindowFilePath(str(self.controller.path) if self.controller.path else "")

    def _file_filter(self) -> str:
        from workbench.files import FILE_EXTENSION

        return self.tr("Scenario files (*{0});;All files (*)").format(FILE_EXTENSION)

    def _remember_file(self, path: Path) -> None:
        self.settings.add_recent_file(str(path.resolve()))
        self.settings.last_folder = str(path.resolve().parent)
        self._fill_recent_menu()  # a disabled menu never gets aboutToShow: enable it now

    def _restore_settings(self, geometry: bool = True) -> None:
        """The window's remembered geometry (unless restored for the first frame already), docks and pane sizes."""
        if geometry:
            self._restore_geometry()
        if not self.settings.window_state.isEmpty():
            self.restoreState(self.settings.window_state)
        if not self.settings.splitter_state.isEmpty():
            self.splitter.restoreState(self.settings.splitter_state)
        else:
            self.splitter.setSizes(first_splitter_sizes(self.width()))

    def _restore_geometry(self) -> None:
        """The size and place the window had when it was last closed; the first time, one that fits the screen."""
        geometry = self.settings.geometry
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width = min(1600, int(available.width() * 0.9)) if available else 1400
            height = min(950, int(available.height() * 0.9)) if available else 900
            self.resize(width, height)
            if available is not None and (available.width() < SMALL_SCREEN[0] or available.height() < SMALL_SCREEN[1]):
                # a laptop screen: every pixel counts; the size and state chosen later are remembered on close
                self.resize(available.width(), available.height())
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)


def first_splitter_sizes(width: int) -> list[int]:
    """Navigator, editors, results the first time: a laptop screen gives the results what the others can spare."""
    return [330, 590, 680] if width >= 1400 else [250, 440, max(width - 700, 300)]


def _written_by_newer_version(path: Path) -> bool:
    """Whether ``path`` holds a scenario from a newer workbench (never overwritten).

    A missing or unreadable file may be replaced: the file dialog has already asked the user.
    """
    from workbench.files import FileFormatError, NewerVersionError, load_scenario

    try:
        load_scenario(path)
    except NewerVersionError:
        return True
    except FileFormatError:
        return False
    return False
