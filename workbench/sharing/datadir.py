"""Where keys and shared copies live without Qt: ``$WORKBENCH_DATA_DIR`` or the platform's app-data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "WORKBENCH_DATA_DIR"
ORGANIZATION = "CriticalMineralsWorkbench"
APPLICATION = "Workbench"


def default_data_dir() -> Path:
    """``$WORKBENCH_DATA_DIR`` if set, else the folder Qt's AppDataLocation gives for this app on this platform."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION
