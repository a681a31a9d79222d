"""Icons shipped in resources/icons, loaded by name."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from workbench.defaults import resource

#: resources/icons/app.* - the application's icon, for its windows and for the installers (app.ico, app.icns, app.png).
APP_ICON = "app"


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (scalable, so sharp at any device pixel ratio); ``<name>-selected.svg``,
    when shipped, is drawn on selected rows (the blue "proposed" ring would vanish on a blue selection)."""
    result = QIcon(str(resource("icons", f"{name}.svg")))
    selected = resource("icons", f"{name}-selected.svg")
    if selected.is_file():
        for state in (QIcon.State.Off, QIcon.State.On):
            result.addFile(str(selected), QSize(), QIcon.Mode.Selected, state)
    return result
