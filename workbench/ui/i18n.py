"""Translation of user-visible strings outside ``self.tr``: one shared context, so lupdate can extract them."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

__all__ = ["QT_TR_NOOP", "translate"]


def translate(text: str) -> str:
    """``text`` in the user's language (context "", the one lupdate gives module-level strings).

    Modules import it as ``_tr``; ``pyside6-lupdate -tr-function-alias tr+=_tr`` extracts the calls, and
    ``QT_TR_NOOP`` marks strings kept in tables and translated later with ``_tr``.
    """
    return QCoreApplication.translate("", text)
