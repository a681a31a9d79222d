"""The PySide6 desktop window: a thin layer over the core; every edit an undoable command."""
