"""The opened file's origin in the status bar: "signed by EU — verified", "signature does not match", "unsigned"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from workbench.files import LoadedScenario
from workbench.sharing import Keyring, SignatureStatus, verify_origin
from workbench.ui.compare.common import app_data_dir
from workbench.untrusted_text import shown

LABEL_NAME = "origin_label"


def show_origin(window: QMainWindow, loaded: LoadedScenario) -> QLabel:
    """Show where the file just opened in ``window`` comes from, until the scenario is first changed."""
    label = window.statusBar().findChild(QLabel, LABEL_NAME)
    if label is None:
        label = QLabel(window.statusBar())
        label.setObjectName(LABEL_NAME)
        label.setAccessibleName(window.tr("Origin of the opened file"))
        window.statusBar().addPermanentWidget(label)
        window.controller.scenarioChanged.connect(lambda _s: (label.clear(), label.setToolTip("")))
    origin = verify_origin(loaded, Keyring(app_data_dir()))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(shown(origin.text))
    label.setToolTip(window.tr("Signature and content hash of the file as opened; cleared at the first change."))
    label.setStyleSheet("" if origin.trustworthy or (origin.status is SignatureStatus.UNSIGNED and origin.integrity_ok)
                        else "color: #b00020; font-weight: bold;")
    return label
