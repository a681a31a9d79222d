"""Start-up time from launch to the shown main window (offscreen), for the pip install and the PyInstaller bundle.

    python benchmarks/bench_startup.py [--runs 5] [--bundle dist/workbench/workbench] [--imports 15]
                                       [--baseline-tree /path/to/a/checkout/of/the/previous/commit]

Each run starts `workbench --smoke-test` and times the moment it prints that the main window is shown (its first
frame painted: the window at its size with its title, greyed menus and "Opening the scenario..."); then the moment the
scenario is on screen (navigator, editor, the results pane saying "Computing..."), when the charts, built after that,
are drawn, and the whole smoke test (compute, export). First, side by side with a bare PySide6 window
started alternately (the ratio of the medians; target <= 2.5x, charts <= 1 s after the first frame), in wall time
and in CPU time of the process up to its first frame (read from /proc on Linux: far less sensitive to other work on a
shared machine than wall time). --baseline-tree runs another source tree (e.g. a worktree of the previous commit,
through PYTHONPATH) alternately with this one and prints both ratios. --imports lists the biggest
`python -X importtime` costs before the window is shown. Targets: pip install <= 1.5 s, bundle <= 3 s.
"""

from __future__ import annotations

import argparse
import functools
import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

# the smoke module imports Qt only when it runs
from workbench.ui.smoke import CHARTS_DRAWN, SCENARIO_SHOWN, WINDOW_SHOWN

REPO = Path(__file__).resolve().parent.parent
TARGETS_S = {"pip install": 1.5, "bundle": 3.0}
ENTRY = "import sys; from workbench.ui.app import main; sys.exit(main())"
#: Where the started processes cache their byte code (the warm-up runs fill it).
PYCACHE = Path(tempfile.gettempdir()) / "workbench-bench-pycache"
#: The offscreen screen every start runs on: a 1366x768 laptop's (issue 14).
SCREEN = (1366, 768)
#: The baseline: a bare PySide6 window (QApplication, an empty QMainWindow, its first frame) on the same machine.
BARE_WINDOW = (
    "import sys; from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication(sys.argv[:1]); "
    "w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents(); "
    f"print({WINDOW_SHOWN!r}, flush=True)")
#: The floor under the workbench's first interactive frame, each started like the bare window and with the same
#: mark: the bare window plus what the scenario frame cannot do without, measured in the same alternation. The
#: ``{qt_names}`` placeholder is filled with the Qt classes the window's modules import (QT_USED).
FLOOR = {
    "bare window + the Qt classes the window uses (loaded, none built)":
        "from PySide6 import QtCore, QtGui, QtWidgets; [getattr(m, n) for n, m in {qt_names}]; ",
    "bare window + the document model (pydantic) reading the default scenario":
        "from workbench.defaults import default_scenario; default_scenario(); ",
}
FLOOR["bare window + both"] = "".join(FLOOR.values())
#: What the charts need on top of the window (compared with the 1 s the charts may take after the first frame).
FLOOR["bare window + numpy, pandas and matplotlib's Qt canvas (imported)"] = (
    "import numpy, pandas; from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg; ")
#: Targets of issue 14: the first interactive frame within this multiple of the bare window, charts this soon after.
RATIO_TARGET = 2.5
CHARTS_AFTER_TARGET_S = 1.0
HEAVY = ("openpyxl", "scipy", "cryptography", "workbench.engine.montecarlo", "workbench.export", "workbench.sharing",
         "pandas", "numpy", "workbench.engine", "matplotlib")


#: Prints the source files of the workbench modules loaded when the scenario is on screen (those the window imports).
WINDOW_SOURCES = ("import importlib, sys; import workbench.ui.main_window as w; "
                  "[importlib.import_module(m) for m in w.WINDOW_MODULES]; "
                  "print('\\n'.join(sorted(m.__file__ for n, m in list(sys.modules.items()) "
                  "if n.startswith('workbench') and getattr(m, '__file__', None))))")


@functools.lru_cache(maxsize=None)
def qt_used() -> list[tuple[str, str]]:
    """(class, PySide6 module) for every name the modules loaded by the scenario's frame import from PySide6."""
    sources = subprocess.run([sys.executable, "-c", WINDOW_SOURCES], stdout=subprocess.PIPE, text=True, check=True,
                             env=offscreen_env()).stdout.split()
    used = set()
    for source in map(Path, sources):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.Qt"):
                used.update((alias.name, node.module.split(".")[1]) for alias in node.names)
    return sorted(used)


def floor_script(extra: str) -> str:
    """The bare window's script with ``extra`` run before the window is made."""
    names = "[" + ", ".join(f"({name!r}, {module})" for name, module in qt_used()
                            if module in {"QtCore", "QtGui", "QtWidgets"}) + "]"
    return "import sys; " + extra.replace("{qt_names}", names) + BARE_WINDOW.removeprefix("import sys; ")


def pip_command() -> list[str]:
    """The installed `workbench` gui-script next to this interpreter, or the same entry point through -c."""
    script = shutil.which("workbench", path=str(Path(sys.executable).parent))
    if script:
        return [script, "--smoke-test"]
    return [sys.executable, "-c", ENTRY, "--smoke-test"]


def offscreen_env() -> dict[str, str]:
    """No display but a 1366x768 offscreen screen (a laptop's, SCREEN; Qt's default offscreen screen, 800x800, is
    smaller than the window's minimum, which then grows it and redraws the charts as results arrive); byte code cached
    (in PYCACHE, so no source tree is written to) as after an install, even where PYTHONDONTWRITEBYTECODE is set:
    compiling every module on each start would be timed otherwise."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE"}}
    PYCACHE.mkdir(parents=True, exist_ok=True)
    screen = PYCACHE / "offscreen-screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}))
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process ``pid`` has used so far (all its threads), or None without /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15)


class Run(NamedTuple):
    """One start: seconds to the window shown, its CPU seconds then (None without /proc), seconds and CPU seconds to
    the scenario shown (None from a tree or bundle from before that mark: their first frame showed the scenario),
    seconds to the charts drawn (None from a bundle built before that mark existed) and to the end of the smoke test."""

    shown: float
    shown_cpu: float | None
    scenario: float | None
    scenario_cpu: float | None
    charts: float | None
    total: float


def one_run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Start ``command`` once (in ``cwd``: ``python -c`` imports from there first) and time its marks."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env or offscreen_env(), cwd=cwd)
    marks: dict[str, float] = {}
    cpu: dict[str, float | None] = {}
    output = []
    for line in process.stdout:
        output.append(line)
        mark = line.strip()
        if mark in (WINDOW_SHOWN, SCENARIO_SHOWN, CHARTS_DRAWN) and mark not in marks:
            cpu[mark] = cpu_seconds(process.pid)
            marks[mark] = time.perf_counter() - started
    status = process.wait()
    total = time.perf_counter() - started
    if status != 0 or WINDOW_SHOWN not in marks:
        raise SystemExit(f"{' '.join(command)} failed (status {status}):\n{''.join(output)}")
    return Run(marks[WINDOW_SHOWN], cpu[WINDOW_SHOWN], marks.get(SCENARIO_SHOWN), cpu.get(SCENARIO_SHOWN),
               marks.get(CHARTS_DRAWN), total)


def median_cpu(runs: list[Run]) -> float | None:
    cpu = [r.shown_cpu for r in runs if r.shown_cpu is not None]
    return statistics.median(cpu) if cpu else None


def scenario_marks(run: Run) -> tuple[float, float | None]:
    """Seconds and CPU seconds to the scenario on screen (a start without that mark showed it in its first frame)."""
    if run.scenario is None:
        return run.shown, run.shown_cpu
    return run.scenario, run.scenario_cpu


def bench(label: str, command: list[str], runs: int) -> None:
    first = one_run(command)  # the first start may build caches (matplotlib's font list); reported on its own
    rest = [one_run(command) for _ in range(runs)]
    shown = [r.shown for r in rest]
    target = TARGETS_S[label]
    verdict = "within" if statistics.median(shown) <= target else "OVER"
    print(f"{label}: window shown after {statistics.median(shown):.2f} s median "
          f"(min {min(shown):.2f}, max {max(shown):.2f}, {runs} runs; first start {first.shown:.2f} s) - "
          f"{verdict} the {target} s target")
    scenario = [r.scenario for r in rest if r.scenario is not None]
    if scenario:
        print(f"{label}: scenario on screen after {statistics.median(scenario):.2f} s median (min {min(scenario):.2f})")
    charts = [r.charts for r in rest if r.charts is not None]
    if charts:
        print(f"{label}: charts drawn after {statistics.median(charts):.2f} s median (min {min(charts):.2f})")
    whole = statistics.median(r.total for r in rest)
    print(f"{label}: whole smoke test (window, compute, term sheet) {whole:.2f} s median")


def tree_env(tree: Path | None) -> dict[str, str]:
    """The offscreen environment, running the workbench from source ``tree`` (None: the installed one)."""
    env = offscreen_env()
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(tree), env.get("PYTHONPATH", "")) if p)
    return env


def side_by_side(command: list[str], runs: int, baseline_tree: Path | None = None, floor: bool = False) -> None:
    """The workbench's first frame against a bare PySide6 window, started alternately (same load), as ratios of
    wall and CPU time; with ``baseline_tree``, that tree's workbench is started in the same alternation, with
    ``floor`` the FLOOR variants of the bare window too."""
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    entry = [sys.executable, "-c", ENTRY, "--smoke-test"]
    subjects = {"workbench": (command, offscreen_env(), None)}
    if baseline_tree is not None:
        subjects = {f"baseline {baseline_tree}": (entry, tree_env(baseline_tree), baseline_tree),
                    "workbench": (entry, tree_env(REPO), REPO)}
    one_run(bare_command)
    for run_command, env, cwd in subjects.values():
        one_run(run_command, env, cwd)  # warm the file cache and the byte code
    floors = {label: [sys.executable, "-c", floor_script(extra)] for label, extra in FLOOR.items()} if floor else {}
    for floor_command in floors.values():
        one_run(floor_command)
    bare: list[Run] = []
    measured: dict[str, list[Run]] = {name: [] for name in subjects}
    floor_runs: dict[str, list[Run]] = {label: [] for label in floors}
    for _ in range(runs):
        bare.append(one_run(bare_command))
        for name, (run_command, env, cwd) in subjects.items():
            measured[name].append(one_run(run_command, env, cwd))
        for label, floor_command in floors.items():
            floor_runs[label].append(one_run(floor_command))
    bare_wall, bare_cpu = statistics.median(r.shown for r in bare), median_cpu(bare)
    print(f"bare PySide6 window: first frame after {bare_wall:.2f} s median"
          + (f", {bare_cpu:.2f} s CPU" if bare_cpu is not None else "") + f" ({runs} runs)")
    for label, results in floor_runs.items():
        wall, cpu = statistics.median(r.shown for r in results), median_cpu(results)
        print(f"floor: {label}: {wall:.2f} s = {wall / bare_wall:.2f}x the bare window (+{wall - bare_wall:.2f} s)"
              + (f"; CPU {cpu:.2f} s = {cpu / bare_cpu:.2f}x (+{cpu - bare_cpu:.2f} s)"
                 if cpu is not None and bare_cpu else ""))
    for name, results in measured.items():
        wall = statistics.median(r.shown for r in results)
        ratio = wall / bare_wall
        cpu = median_cpu(results)
        cpu_text = f"; CPU {cpu:.2f} s = {cpu / bare_cpu:.2f}x" if cpu is not None and bare_cpu else ""
        print(f"{name}: first frame after {wall:.2f} s median - {ratio:.2f}x the bare window "
              f"({'within' if ratio <= RATIO_TARGET else 'OVER'} the {RATIO_TARGET}x target){cpu_text}")
        scenario = [scenario_marks(r) for r in results]
        scenario_wall = statistics.median(w for w, _ in scenario)
        scenario_cpus = [c for _, c in scenario if c is not None]
        scenario_cpu = (f"; CPU {statistics.median(scenario_cpus):.2f} s = "
                        f"{statistics.median(scenario_cpus) / bare_cpu:.2f}x") if scenario_cpus and bare_cpu else ""
        print(f"{name}: scenario on screen (navigator, editor, 'Computing...') after {scenario_wall:.2f} s median - "
              f"{scenario_wall / bare_wall:.2f}x the bare window{scenario_cpu}")
        after = [r.charts - r.shown for r in results if r.charts is not None]
        if after:
            late = statistics.median(after)
            print(f"{name}: charts drawn {late:.2f} s after the first frame, median "
                  f"({'within' if late <= CHARTS_AFTER_TARGET_S else 'OVER'} the {CHARTS_AFTER_TARGET_S:.0f} s target);"
                  f" {statistics.median(r.charts - scenario_marks(r)[0] for r in results if r.charts is not None):.2f}"
                  f" s after the scenario, {statistics.median(r.charts for r in results if r.charts is not None):.2f}"
                  " s after the start")


def package_of(module: str) -> str:
    """The group a module's import time is counted in: its top-level package, or workbench.<subpackage>."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "workbench" else parts[0]


#: Run in a fresh interpreter: the longest time the event loop is busy between the first frame and the charts drawn
#: and the other result tabs built (a 5 ms heartbeat timer; input waits that long at worst), the window opened as the
#: application opens it (the scenario and the panes built after its first frame). Prints milliseconds.
BLOCKING = """
import time
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from workbench.ui.app import set_up_application
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
import tempfile, pathlib
app = set_up_application()
folder = pathlib.Path(tempfile.mkdtemp())
window = MainWindow(settings=Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                    autosave_dir=folder / "autosave", offer_recovery=False, build_later=True)
window.show()
app.processEvents()
beats = [time.perf_counter()]
heartbeat = QTimer(interval=5)
heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
heartbeat.start()
while not window.is_built:
    loop = QEventLoop()
    QTimer.singleShot(5, loop.quit)
    loop.exec()
panel = window.results
while not (panel.charts_drawn() and panel.views_built):  # the other result tabs are built after the charts
    loop = QEventLoop()
    QTimer.singleShot(5, loop.quit)
    loop.exec()
beats.append(time.perf_counter())
print(round(1000 * max(b - a for a, b in zip(beats, beats[1:]))))
window.controller.undo_stack.setClean()
window.close()
"""


def blocking(runs: int) -> None:
    """The longest the window is unresponsive after its first frame, while the charts are built (median of runs)."""
    command = [sys.executable, "-c", BLOCKING]
    blocks = [int(subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True,
                                 env=offscreen_env()).stdout.split()[-1]) for _ in range(runs)]
    print(f"pip install: longest busy event loop between the first frame and the charts: "
          f"{statistics.median(blocks)} ms median (max {max(blocks)}, {runs} runs)")


def import_costs(top: int) -> None:
    """Import time before the window is shown (python -X importtime), as self time summed per package."""
    command = [sys.executable, "-X", "importtime", "-c", ENTRY, "--smoke-test"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=offscreen_env())
    per_package: dict[str, int] = {}
    seen: set[str] = set()
    pattern = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)")
    for line in done.stdout.splitlines():
        if line.strip() == WINDOW_SHOWN:
            break
        match = pattern.match(line)
        if match:
            seen.add(match.group(2))
            group = package_of(match.group(2))
            per_package[group] = per_package.get(group, 0) + int(match.group(1))
    print(f"imports before the window is shown: {sum(per_package.values()) / 1e6:.2f} s; biggest, by package:")
    for name, micros in sorted(per_package.items(), key=lambda item: -item[1])[:top]:
        print(f"  {micros / 1e3:8.1f} ms  {name}")
    early = [name for name in HEAVY if name in seen]
    print("imported before the window although not needed for it: " + (", ".join(early) if early else "none"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "workbench" / "workbench",
                        help="the bundle's executable (skipped when missing; default %(default)s)")
    parser.add_argument("--imports", type=int, default=15, help="how many import costs to list (0: none)")
    parser.add_argument("--baseline-tree", type=Path,
                        help="another source tree (e.g. a worktree of the previous commit) to start alternately")
    parser.add_argument("--floor", action="store_true",
                        help="also start the bare window plus what the scenario frame cannot do without (FLOOR)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(other work on the machine slows every run)")
    side_by_side(pip_command(), args.runs, args.baseline_tree, args.floor)
    bench("pip install", pip_command(), args.runs)
    if args.bundle.is_file():
        bench("bundle", [str(args.bundle), "--smoke-test"], args.runs)
    else:
        print(f"bundle: {args.bundle} not built (installer/build_linux.sh); skipped")
    blocking(args.runs)
    if args.imports:
        import_costs(args.imports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
