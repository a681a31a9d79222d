"""Tools > Delegation keys: our signing key (create, export the public half) and the other delegations' keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from workbench.files import SaveError
from workbench.sharing import KeyFileError, Keyring
from workbench.sharing.keys import PUBLIC_KEY_EXTENSION
from workbench.ui.compare.common import MessageLine, readable_own_key

_KEY_FILTER = f"Public key files (*{PUBLIC_KEY_EXTENSION});;All files (*)"


class KeysDialog(QDialog):
    """Create our key, export it, import and remove other delegations' public keys."""

    def __init__(self, keyring: Keyring, delegations: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delegation keys"))
        self.keyring = keyring
        layout = QVBoxLayout(self)

        own_box = QGroupBox(self.tr("Our signing key"), self)
        own = QVBoxLayout(own_box)
        self.own_label = QLabel(own_box)
        self.own_label.setWordWrap(True)
        own.addWidget(self.own_label)
        row = QHBoxLayout()
        self.delegation = QComboBox(own_box)
        self.delegation.setAccessibleName(self.tr("Our delegation"))
        self.delegation.addItems(delegations)
        self.create_button = QPushButton(self.tr("Create key"), own_box)
        self.export_button = QPushButton(self.tr("Export public key..."), own_box)
        row.addWidget(QLabel(self.tr("Delegation:"), own_box))
        row.addWidget(self.delegation)
        row.addWidget(self.create_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        own.addLayout(row)
        layout.addWidget(own_box)

        trusted_box = QGroupBox(self.tr("Keys we trust (files from these delegations show as verified)"), self)
        trusted = QVBoxLayout(trusted_box)
        self.table = QTableWidget(0, 3, trusted_box)
        self.table.setAccessibleName(self.tr("Trusted keys"))
        self.table.setHorizontalHeaderLabels([self.tr("Delegation"), self.tr("Key id"), self.tr("Fingerprint")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        trusted.addWidget(self.table)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import public key..."), trusted_box)
        self.remove_button = QPushButton(self.tr("Remove"), trusted_box)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        trusted.addLayout(buttons)
        layout.addWidget(trusted_box)

        self.message = MessageLine(self)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.create_button.clicked.connect(self._create_clicked)
        self.export_button.clicked.connect(self._export_clicked)
        self.import_button.clicked.connect(self._import_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.resize(760, 440)
        self.refresh()

    def refresh(self) -> None:
        """Show the current keys."""
        key = readable_own_key(self.keyring, self.message)
        if key is None:
            self.own_label.setText(self.tr("No signing key yet: files we share go out unsigned."))
        else:
            self.own_label.setText(self.tr("{0}'s key {1}\nfingerprint {2}").format(
                key.delegation, key.public.key_id, key.public.fingerprint))
            self.delegation.setCurrentText(key.delegation)
        self.create_button.setText(self.tr("Create key") if key is None else self.tr("Replace key"))
        self.export_button.setEnabled(key is not None)
        keys = self.keyring.trusted()
        self.table.setRowCount(len(keys))
        for r, k in enumerate(keys):
            for c, text in enumerate((k.delegation, k.key_id, k.fingerprint)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        problems = self.keyring.problems()
        if problems:
            self.message.error("\n".join(problems))

    def create_key(self, delegation: str) -> None:
        """Create (or replace) our signing key for ``delegation``."""
        try:
            key = self.keyring.create_own_key(delegation)
        except (KeyFileError, SaveError) as exc:
            self.message.error(str(exc))
            return
        self.refresh()
        self.message.info(self.tr("Created {0}'s signing key {1}. Export the public key and give it to the other "
                                  "delegations.").format(key.delegation, key.public.key_id))

    def export_to(self, path: Path) -> None:
        """Write our public key to ``path``."""
        try:
            key = self.keyring.export_public(path)
        except (KeyFileError, SaveError) as exc:
            self.message.error(str(exc))
            return
        self.message.info(self.tr("Wrote {0}'s public key to {1}.").format(key.delegation, path))

    def import_from(self, path: Path) -> None:
        """Trust the public key in ``path``; a bad file gets a one-line message."""
        try:
            key = self.keyring.import_public(path)
        except (KeyFileError, SaveError) as exc:
            self.message.error(str(exc))
            return
        self.refresh()
        self.message.info(self.tr("Now trusting {0}'s key {1}. Check its fingerprint with the delegation by another "
                                  "channel:\n{2}").format(key.delegation, key.key_id, key.fingerprint))

    def remove_selected(self) -> None:
        """Stop trusting the selected key."""
        rows = {i.row() for i in self.table.selectedItems()}
        for row in sorted(rows):
            key_id = self.table.item(row, 1).text()
            try:
                self.keyring.remove(key_id)
            except KeyFileError as exc:
                self.message.error(str(exc))
        self.refresh()

    def _create_clicked(self) -> None:
        if readable_own_key(self.keyring) is not None and QMessageBox.question(
                self, self.tr("Replace our signing key"),
                self.tr("Files signed with the old key will show 'signed by unknown key' to delegations that only "
                        "have the old public key. Replace it?")) != QMessageBox.StandardButton.Yes:
            return
        self.create_key(self.delegation.currentText())

    def _export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export public key"),
                                              f"{self.delegation.currentText()}{PUBLIC_KEY_EXTENSION}", _KEY_FILTER)
        if name:
            self.export_to(Path(name))

    def _import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import public key"), "", _KEY_FILTER)
        if name:
            self.import_from(Path(name))
