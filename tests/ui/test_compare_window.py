"""The sharing entries in the real main window: menus installed, origin shown in the status bar on opening a file."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from workbench.defaults import default_scenario
from workbench.sharing import Keyring, prepare_share, write_shared
from workbench.ui.compare.origin import LABEL_NAME


def _texts(menu):
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def test_main_window_menus_hold_the_sharing_actions(make_window):
    window = make_window()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    assert {"Share with delegations\u2026", "Compare with another version\u2026"} <= set(_texts(menus["File"]))
    assert {"Delegation keys\u2026", "Rounds timeline\u2026"} <= set(_texts(menus["Tools"]))
    assert sum(t == "Share with delegations\u2026" for m in menus.values() for t in _texts(m)) == 1


def test_opening_a_file_shows_its_signature_status(make_window, tmp_path, monkeypatch):
    data = tmp_path / "appdata"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    ring = Keyring(data)
    ring.create_own_key("EU")
    signed = tmp_path / "from-eu.cmws"
    write_shared(signed, prepare_share(default_scenario(), "EU", key=ring.own_key()))
    window = make_window()
    assert window.open_path(signed)
    label = window.statusBar().findChild(QLabel, LABEL_NAME)
    assert label.text() == "signed by EU \u2014 verified; content hash matches"
    ring.remove(ring.own_key().public.key_id)
    assert window.open_path(signed)
    assert label.text().startswith("signed by unknown key (claims EU")
