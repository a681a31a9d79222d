"""File > Share with delegations: write a clean copy (no private material), signed when we have a key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from workbench.files import FILE_EXTENSION, SaveError
from workbench.sharing import KeyFileError, Keyring, SentArchive, ShareError, find_leaks, prepare_share, write_shared
from workbench.sharing.leaks import private_texts
from workbench.ui.compare.common import MessageLine, our_delegation, readable_own_key


class ShareDialog(QDialog):
    """Choose who shares and where; shows what stays behind; writes, signs, archives and records the share."""

    def __init__(self, controller, keyring: Keyring, archive: SentArchive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share with delegations"))
        self.controller, self.keyring, self.archive = controller, keyring, archive
        scenario = controller.scenario
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.delegation = QComboBox(self)
        self.delegation.setAccessibleName(self.tr("Sharing delegation"))
        self.delegation.addItems([p.code for p in scenario.document.partners])
        self.delegation.setCurrentText(our_delegation(keyring, scenario))
        form.addRow(self.tr("Shared by:"), self.delegation)
        self.sign = QCheckBox(self)
        form.addRow(self.tr("Signature:"), self.sign)
        path_row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Shared copy file"))
        self.path.setText(str(self._suggested_path()))
        browse = QPushButton(self.tr("Browse..."), self)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("Write to:"), path_row)
        layout.addLayout(form)
        self.left_out = QLabel(self)
        self.left_out.setWordWrap(True)
        layout.addWidget(self.left_out)
        self.message = MessageLine(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.share_button = self.buttons.addButton(self.tr("Share"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.share)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        browse.clicked.connect(self._browse)
        self.delegation.currentTextChanged.connect(self._update_signing)
        self.written: Path | None = None
        self._describe_left_out()
        self._update_signing()
        self.resize(620, 300)

    def _suggested_path(self) -> Path:
        meta = self.controller.scenario.document.metadata
        folder = self.controller.path.parent if self.controller.path is not None else Path.home()
        stem = self.controller.path.stem if self.controller.path is not None else "scenario"
        return folder / f"{stem}-round{meta.round}-shared{FILE_EXTENSION}"

    def _describe_left_out(self) -> None:
        scenario = self.controller.scenario
        kept = [where for where, _ in private_texts(scenario)]
        mandate = scenario.private.mandate
        if mandate != type(mandate)():
            kept.append(self.tr("the mandate"))
        self.left_out.setText(self.tr("Left out of the shared copy: {0}.").format(", ".join(kept)) if kept
                              else self.tr("There are no private notes or mandate to leave out."))
        leaks = find_leaks(scenario)
        if leaks:
            self.message.error(self.tr("Private text appears in shared fields: {0}. Remove it before sharing.").format(
                "; ".join(f"{leak.source} in {leak.path}" for leak in leaks[:5])))
        self.share_button.setEnabled(not leaks)

    def _update_signing(self) -> None:
        key = readable_own_key(self.keyring, self.message)
        usable = key is not None and key.delegation == self.delegation.currentText()
        self.sign.setEnabled(usable)
        self.sign.setChecked(usable)
        if usable:
            self.sign.setText(self.tr("Sign with {0}'s key {1}").format(key.delegation, key.public.key_id))
        elif key is None:
            self.sign.setText(self.tr("Unsigned (no key yet: Tools > Delegation keys)"))
        else:
            self.sign.setText(self.tr("Unsigned (our key is {0}'s)").format(key.delegation))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Shared copy"), self.path.text(),
                                              self.tr("Scenario files (*{0})").format(FILE_EXTENSION))
        if name:
            self.path.setText(name)

    def share(self) -> None:
        """Write the clean copy, keep it as a merge base, and record the share in our history (undoable)."""
        delegation = self.delegation.currentText()
        try:
            key = self.keyring.own_key() if self.sign.isChecked() else None
            package = prepare_share(self.controller.scenario, delegation, key=key)
            target = Path(self.path.text()).expanduser()
            write_shared(target, package, source=self.controller.path)
            self.archive.store(package)
        except (ShareError, KeyFileError, SaveError) as exc:
            self.message.error(str(exc))
            return
        self.controller.apply(package.own, self.tr("Share with delegations"))
        self.written = target
        self.accept()
