"""Shared test setup: offscreen Qt, the tests folder on the import path (for strategies), no tool-skips under CI."""

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

#: Tests that need an external program skip with a reason containing these words ("pdftotext (poppler-utils) is not
#: installed"). `make test` installs every such program on Debian/Ubuntu (scripts/system-deps.sh test), so under CI
#: (CI set) such a skip is a failure: a green run must have run every test.
MISSING_TOOL = "is not installed"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI, turn a skip for a missing program into a failure naming it."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and MISSING_TOOL in str(report.longrepr):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI runs every test, but a program it needs is missing: {reason}"
