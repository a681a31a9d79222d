"""Start-up and desktop integration: first frame without matplotlib, then charts; file-open events; names; --version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workbench import __version__
from workbench.defaults import default_scenario
from workbench.files import save_scenario
from workbench.ui.app import DESKTOP_FILE_NAME
from workbench.ui.controller import DocumentController
from workbench.ui.icons import APP_ICON, icon
from workbench.ui.results import ResultsPanel
from workbench.ui.results.compare_view import PACKAGES

REPO = Path(__file__).resolve().parents[2]
MC_TIMEOUT = 30_000


def run_python(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


FIRST_FRAME = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from workbench.ui.app import set_up_application
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

app = set_up_application()
folder = Path(tempfile.mkdtemp())
window = MainWindow(settings=Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                    autosave_dir=folder / "autosave", offer_recovery=False, build_later=True)
window.show()
app.processEvents()  # the first frame
loaded = [m for m in sys.argv[1].split(",") if m in sys.modules]
report = {"first": {"built": window.is_built, "shows": window.centralWidget().text(),
                    "menus": [(a.text(), a.isEnabled()) for a in window.menuBar().actions()],
                    "loaded before it": loaded}}
loaded_when_built = []
window.built.connect(lambda: loaded_when_built.extend(m for m in sys.argv[2].split(",") if m in sys.modules))


class FirstPaint(QObject):  # whether the engine's import had started when the results panel got its first paint
    engine_import_started = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.engine_import_started is None:
            from workbench.ui.results.scheduler import engine_imported
            self.engine_import_started = engine_imported.cache_info().currsize > 0
        return False


first_paint = FirstPaint()
window.built.connect(lambda: window.results.installEventFilter(first_paint))
if not window.is_built:
    loop = QEventLoop()
    window.built.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
app.processEvents()  # the scenario's frame
report["built"] = {"clauses": window.navigator.model.rowCount() > 0, "editing": window.clause_editor.clause_id,
                   "pages": [type(window.tabs.widget(i)).__name__ for i in range(window.tabs.count())],
                   "rows": window.results.partner_model.rowCount(), "charts": window.results.views_built,
                   "status": window.results.status.text(),
                   "menus": [(a.text(), a.isEnabled()) for a in window.menuBar().actions()],
                   "loaded before it": loaded_when_built,
                   "engine import started before the panel's first paint": first_paint.engine_import_started}
for signal, done in ((window.results.resultsShown, lambda: window.results.result is not None),
                     (window.results.chartsReady, lambda: window.results.views_built)):
    if not done():
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
results = window.results
report["later"] = {"rows": results.partner_model.rowCount(), "charts": results.views_built,
                   "data": results.fiscal_chart.data is results.result}
window.controller.undo_stack.setClean()
window.close()
print(json.dumps(report))
"""


#: Modules the scenario's first frame does not need (charts, term-sheet export, Monte Carlo, signatures, the solver
#: library, and the engine with pandas and numpy: the first result is computed after that frame): importing any of
#: them before it delays the window.
NOT_BEFORE_SCENARIO = ("matplotlib", "openpyxl", "workbench.export", "workbench.engine.montecarlo", "scipy",
                       "cryptography", "workbench.sharing", "pandas", "numpy", "workbench.engine",
                       "workbench.analysis.mandate")
#: ... nor does the window's very first frame need the document model (pydantic), the editors or the results panel.
NOT_BEFORE_FIRST_FRAME = NOT_BEFORE_SCENARIO + ("pydantic", "workbench.document", "workbench.files",
                                                "workbench.ui.editors", "workbench.ui.navigator",
                                                "workbench.ui.results")
MENUS = ["&File", "&Edit", "&View", "C&lause", "&Tools", "&Help"]


def test_first_frame_comes_before_the_document_then_the_scenario_then_the_table_and_the_charts():
    report = json.loads(run_python(FIRST_FRAME, ",".join(NOT_BEFORE_FIRST_FRAME),
                                   ",".join(NOT_BEFORE_SCENARIO)).stdout.splitlines()[-1])
    assert report["first"] == {"built": False, "shows": "Opening the scenario\u2026",
                               "menus": [[menu, False] for menu in MENUS], "loaded before it": []}
    assert report["built"] == {"clauses": True, "editing": "ndpr-border-floor",
                               "pages": ["ClauseEditor"] + ["QWidget"] * 5,  # the other tabs built when shown
                               "rows": 0, "charts": False,
                               "status": "Computing\u2026", "menus": [[menu, True] for menu in MENUS],
                               "loaded before it": [],
                               # the import in another thread held the GIL while the scenario's frame was painted
                               "engine import started before the panel's first paint": False}
    assert report["later"] == {"rows": 6, "charts": True, "data": True}


def test_charts_built_late_show_the_latest_result_analysis_and_monte_carlo(qtbot):
    panel = ResultsPanel(DocumentController(default_scenario()))  # never shown, so never painted: nothing built
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.scheduler.monteCarloFinished, timeout=MC_TIMEOUT):
        pass
    assert not panel.views_built
    with qtbot.waitSignal(panel.chartsReady):
        uncertainty = panel.uncertainty  # reading a view builds them all
    assert panel.views_built
    for chart in (panel.fiscal_chart, panel.price_chart, panel.cash_chart):
        assert chart.data is panel.result
    assert "seed" in uncertainty.status.text()
    assert uncertainty.model.rowCount() == len(panel.result.regions)
    panel.compare.show_subject(PACKAGES)
    assert [v.name for v in panel.compare.variants()][:3] == ["As modelled", "All brackets\nat A",
                                                              "All brackets\nat B"]  # the analysis
    assert [panel.tabs.widget(i) for i in range(1, 4)] == [panel.cash_chart, panel.uncertainty, panel.compare]
    panel.shutdown()


FILE_OPEN = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFileOpenEvent
from workbench.ui.app import WorkbenchApplication, set_up_application
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

app = set_up_application()
assert isinstance(app, WorkbenchApplication)
early = Path(sys.argv[1])
QCoreApplication.sendEvent(app, QFileOpenEvent(str(early)))  # before the window exists: waits for it
folder = Path(tempfile.mkdtemp())
window = MainWindow(settings=Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                    autosave_dir=folder / "autosave", offer_recovery=False)
app.window = window
app.open_requested()
print(window.controller.path, window.controller.scenario.document.metadata.title)
QCoreApplication.sendEvent(app, QFileOpenEvent(sys.argv[2]))
print(window.controller.path, window.controller.scenario.document.metadata.title)
"""


def retitled(title: str):
    scenario = default_scenario()
    doc = scenario.document
    return scenario.model_copy(update={"document": doc.model_copy(
        update={"metadata": doc.metadata.model_copy(update={"title": title})})})


def test_file_open_events_open_the_file_in_the_window(tmp_path):
    first, second = tmp_path / "first.cmws", tmp_path / "second.cmws"
    save_scenario(first, retitled("First talks"))
    save_scenario(second, retitled("Second talks"))
    lines = run_python(FILE_OPEN, str(first), str(second)).stdout.splitlines()
    assert lines[-2:] == [f"{first} First talks", f"{second} Second talks"]


SET_UP = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from workbench.ui import app, smoke

def report():
    instance = QCoreApplication.instance()
    print(QCoreApplication.organizationName(), QCoreApplication.applicationName(),
          QGuiApplication.desktopFileName(), type(instance).__name__, not instance.windowIcon().isNull())
    return 0

smoke.run = report
sys.exit(app.main(["--smoke-test"]))
"""


def test_smoke_test_runs_after_the_normal_application_set_up():
    line = run_python(SET_UP).stdout.splitlines()[-1]
    assert line == f"CriticalMineralsWorkbench Workbench {DESKTOP_FILE_NAME} WorkbenchApplication True"


def test_desktop_file_name_and_icon_are_the_installers(window):
    assert (REPO / "installer" / "linux" / f"{DESKTOP_FILE_NAME}.desktop").is_file()
    assert window.windowIcon().cacheKey() == icon(APP_ICON).cacheKey()
    assert {p.suffix for p in (REPO / "resources" / "icons").glob(f"{APP_ICON}.*")} >= {".svg", ".png", ".ico",
                                                                                      ".icns"}


def test_version_is_printed():
    done = run_python("import sys; from workbench.ui.app import main; sys.exit(main(['--version']))")
    assert done.stdout == f"workbench {__version__}\n"


def test_version_without_stdout_shows_a_message_box_and_exits_0():
    code = ("import sys\n"
            "from PySide6.QtWidgets import QMessageBox\n"
            "QMessageBox.information = lambda parent, title, text: sys.stderr.write('box: ' + text + '\\n')\n"
            "sys.stdout = None  # a windowed Windows executable\n"
            "from workbench.ui.app import main\n"
            "sys.exit(main(['--version']))\n")
    done = run_python(code)
    assert done.stderr.splitlines()[-1] == f"box: workbench {__version__}"
