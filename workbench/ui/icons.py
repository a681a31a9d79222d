"""Icons shipped in resources/icons, loaded by name."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from workbench.defaults import resource


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (scalable, so sharp at any device pixel ratio)."""
    return QIcon(str(resource("icons", f"{name}.svg")))
