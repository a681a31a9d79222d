"""PyInstaller run-time hook: matplotlib's config and font cache live in the app-data folder, kept between starts."""


def _pyi_rthook():
    import atexit
    import os
    import shutil
    import sys
    import tempfile

    if os.environ.get("MPLCONFIGDIR"):
        return  # the user chose a folder
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Application Support")
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(home, ".local", "share")
    # The same folder as Qt's AppLocalDataLocation for the organisation/application names in workbench.ui.settings.
    folder = os.path.join(base, "CriticalMineralsWorkbench", "Workbench", "matplotlib")
    try:
        os.makedirs(folder, exist_ok=True)
        usable = os.access(folder, os.W_OK)
    except OSError:
        usable = False
    if not usable:  # read-only or missing home: a private temporary folder, removed at exit
        folder = tempfile.mkdtemp(prefix="workbench-matplotlib-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["MPLCONFIGDIR"] = folder


_pyi_rthook()
del _pyi_rthook
