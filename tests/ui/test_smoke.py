"""`workbench --smoke-test`: passes on the default scenario, fails in one line, picks offscreen without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from workbench.ui import smoke
from workbench.ui.main_window import MainWindow

ENTRY = "import sys; from workbench.ui.app import main; sys.exit(main())"


def no_display_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}


@pytest.mark.parametrize(
    ("environ", "platform", "chosen"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_offscreen_only_on_linux_without_a_display(environ, platform, chosen):
    before = dict(environ)
    assert smoke.use_offscreen_without_display(environ, platform) is chosen
    assert environ == ({**before, "QT_QPA_PLATFORM": "offscreen"} if chosen else before)


def test_smoke_test_passes_and_closes_its_window(qapp, capsys):
    assert smoke.run() == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == smoke.WINDOW_SHOWN
    assert out[-1].startswith("smoke test passed: window shown, default scenario computed for 6 regions, term sheet ")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_empty_term_sheet_fails_in_one_line(qapp, capsys, monkeypatch):
    def write_nothing(scenario, path, **kwargs):
        Path(path).write_bytes(b"")
        return Path(path)

    monkeypatch.setattr("workbench.export.write_term_sheet", write_nothing)
    assert smoke.run() == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["smoke test failed: SmokeTestFailure: the term sheet term-sheet.xlsx is missing or empty"]


def test_term_sheet_that_is_no_xlsx_fails(qapp, capsys, monkeypatch):
    def write_text(scenario, path, **kwargs):
        Path(path).write_text("not a workbook")
        return Path(path)

    monkeypatch.setattr("workbench.export.write_term_sheet", write_text)
    assert smoke.run() == 1
    assert "is not an .xlsx (zip) file" in capsys.readouterr().err


def test_workbench_smoke_test_flag_without_a_display():
    done = subprocess.run([sys.executable, "-c", ENTRY, "--smoke-test"], env=no_display_env(), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("smoke test passed: ")


def test_workbench_smoke_test_exits_non_zero_with_one_line_on_failure():
    code = ("import workbench.export as export\n"
            "def fail(*args, **kwargs): raise OSError('disk full')\n"
            "export.write_term_sheet = fail\n" + ENTRY.replace("; ", "\n"))
    done = subprocess.run([sys.executable, "-c", code, "--smoke-test"], env=no_display_env(), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1
    failures = [line for line in done.stderr.splitlines() if line.startswith("smoke test failed")]
    assert failures == ["smoke test failed: OSError: disk full"]
    assert "Traceback" not in done.stderr


def test_a_hanging_step_ends_the_smoke_test_with_status_2():
    code = ("import sys, time\n"
            "from workbench.ui import smoke\n"
            "smoke.TIMEOUT_S = 2.0\n"
            "smoke._export = lambda *args: time.sleep(60)\n"
            "sys.exit(smoke.run())\n")
    done = subprocess.run([sys.executable, "-c", code], env=no_display_env(), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "smoke test failed: no result after 2 s" in done.stderr
