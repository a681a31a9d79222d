"""The Qt binding must not lose references to None: PySide6 6.12.0 on Python 3.11 aborted the window after about a
thousand edits ("Fatal Python error: none_dealloc")."""

from __future__ import annotations

import ctypes
import sys

import pytest
from PySide6.QtWidgets import QLabel

from workbench.ui import app as app_module
from workbench.ui import qt_binding, smoke
from workbench.ui.qt_binding import PROBE_CALLS, binding_fault, loses_none_references


def test_a_long_session_of_void_calls_keeps_the_references_to_none(qtbot, qapp):
    """What a long negotiating session does thousands of times: set a label's text, repaint, process events. Each
    call lost one reference with the faulty binding; 3,000 of them must leave None's count where it was."""
    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    before = sys.getrefcount(None)
    for index in range(1000):
        label.setText(str(index))
        label.update()
        qapp.processEvents()
    assert sys.getrefcount(None) > before - 1000  # lost one per call (3,000) with the faulty binding
    assert binding_fault() is None


@pytest.fixture
def losing_call():
    """A call that loses a reference to None the way the faulty binding's void methods did (given back after)."""
    decref = ctypes.pythonapi.Py_DecRef
    decref.argtypes = [ctypes.py_object]
    calls = [0]  # a count: a list of Nones would hold a reference per call

    def call() -> None:
        calls[0] += 1
        decref(None)

    yield call
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for _ in range(calls[0]):
        incref(None)


def test_a_binding_that_loses_references_is_named_with_the_fix(losing_call):
    assert loses_none_references(losing_call)
    message = binding_fault(losing_call)
    assert message is not None
    assert "PySide6" in message and "about a thousand edits" in message
    assert "pip install 'PySide6-Essentials>=6.6,<6.12'" in message


def test_a_call_that_keeps_its_references_is_not_reported():
    kept: list[int] = []
    assert not loses_none_references(lambda: kept.append(1))
    assert len(kept) == PROBE_CALLS


def test_the_smoke_test_fails_on_a_faulty_binding(monkeypatch, capsys, qapp):
    """An installer's bundle-test runs `workbench --smoke-test`: a bundle with the faulty binding must not pass."""
    monkeypatch.setattr(qt_binding, "binding_fault", lambda: "The installed PySide6 6.12.0 loses a reference")
    assert smoke.run() == 1
    assert "smoke test failed: SmokeTestFailure: The installed PySide6 6.12.0 loses a reference" in \
        capsys.readouterr().err


def test_the_window_warns_of_a_faulty_binding_once_built(monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr("workbench.ui.compare.check_key_store", lambda window: None)
    window = QLabel()
    qtbot.addWidget(window)
    app_module.when_built(app_module.QApplication.instance(), window, None, "fault text")
    assert shown == [("Faulty Qt binding", "fault text")]
