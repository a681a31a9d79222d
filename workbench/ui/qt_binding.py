"""A check of the installed Qt binding for a fault that ends long sessions (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys
from typing import Callable

import PySide6
from PySide6.QtCore import QSize

#: How many calls the probe makes; a faulty binding loses one reference to None per call.
PROBE_CALLS = 200


def _void_call() -> Callable[[], None]:
    size = QSize()
    return lambda: size.setWidth(1)


def loses_none_references(call: Callable[[], None] | None = None) -> bool:
    """Whether a PySide6 method that returns nothing loses a reference to None each time it is called.

    PySide6 6.12.0 does on Python 3.11 (from 3.12 on None is immortal and the fault is harmless): every such call
    (``update()``, ``setText()``, ``processEvents()``...) takes one reference away, and the interpreter aborts
    ("Fatal Python error: none_dealloc") once None has none left - in the workbench after about a thousand edits,
    losing the unsaved ones. ``call`` is the call probed (a void PySide6 method by default).
    """
    call = call or _void_call()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        call()
    return sys.getrefcount(None) <= before - PROBE_CALLS // 2


def binding_fault(call: Callable[[], None] | None = None) -> str | None:
    """What to tell the user when the installed binding has the fault (None when it has not)."""
    if not loses_none_references(call):
        return None
    python = ".".join(map(str, sys.version_info[:3]))
    return (f"The installed PySide6 {PySide6.__version__} loses a reference to Python's None on every call that "
            f"returns nothing (a known fault of PySide6 6.12.0 on Python {python}): the workbench would stop "
            "abruptly after about a thousand edits, losing unsaved work. Install a sound version with: "
            "pip install 'PySide6-Essentials>=6.6,<6.12' (or use Python 3.12 or later).")
