"""The sharing dialogs: menu actions, share, compare and merge (undoable), keys, origin in the status bar, timeline."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from sharing_helpers import canary_scenario, clause, edited

from workbench.defaults import default_scenario
from workbench.document.scenario import HistoryAction
from workbench.files import FileFormatError, load_scenario, save_scenario
from workbench.sharing import Keyring, SentArchive, prepare_share, write_shared
from workbench.sharing.slots import Slot
from workbench.ui.compare import (CompareDialog, KeysDialog, RoundsTimelineView, ShareDialog, install_actions,
                                  show_origin)
from workbench.ui.compare.compare_dialog import impact_text
from workbench.ui.compare.origin import LABEL_NAME
from workbench.ui.controller import DocumentController


class _Window(QMainWindow):
    """The part of the main window the sharing actions rely on: a controller and a menu bar."""

    def __init__(self, scenario, path=None):
        super().__init__()
        self.controller = DocumentController(scenario, path, self)
        self.menuBar().addMenu("&File").addAction("&Open")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "appdata"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(folder))
    return folder


def _window(qtbot, scenario, path=None):
    w = _Window(scenario, path)
    qtbot.addWidget(w)
    return w


def test_install_actions_adds_the_entries_to_the_existing_file_menu_and_a_tools_menu(qtbot):
    w = _window(qtbot, default_scenario())
    actions = install_actions(w)
    menus = {a.text().replace("&", ""): a.menu() for a in w.menuBar().actions()}
    assert list(menus) == ["File", "Tools"]
    file_texts = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert file_texts == ["Open", "Share with delegations\u2026", "Compare with another version\u2026"]
    tools = [a.text().replace("&", "") for a in menus["Tools"].actions()]
    assert tools == ["Delegation keys\u2026", "Rounds timeline\u2026"]
    assert set(actions) == {"share", "compare", "keys", "rounds"}


def test_share_dialog_writes_a_clean_signed_copy_and_records_the_share_undoably(qtbot, tmp_path, data_dir):
    scenario, canaries = canary_scenario()
    own = tmp_path / "us.cmws"
    save_scenario(own, scenario)
    w = _window(qtbot, scenario, own)
    ring = Keyring(data_dir)
    ring.create_own_key("US")
    dialog = ShareDialog(w.controller, ring, SentArchive(data_dir), w)
    qtbot.addWidget(dialog)
    assert dialog.sign.isEnabled() and dialog.sign.isChecked()
    assert "private notes" in dialog.left_out.text() and "the mandate" in dialog.left_out.text()
    assert dialog.path.text().endswith("us-round1-shared.cmws")
    dialog.share()
    assert dialog.written == tmp_path / "us-round1-shared.cmws"
    text = dialog.written.read_text(encoding="utf-8")
    assert [c for c in canaries if c in text] == []
    assert load_scenario(dialog.written).signature["delegation"] == "US"
    assert w.controller.scenario.document.history[-1].action is HistoryAction.SHARED
    assert w.controller.scenario.private == scenario.private
    assert w.controller.undo_stack.undoText() == "Share with delegations"
    w.controller.undo_stack.undo()
    assert w.controller.scenario == scenario
    dialog.delegation.setCurrentText("EU")                   # our key is the US's: no signing as the EU
    assert not dialog.sign.isEnabled() and "our key is US's" in dialog.sign.text()


def test_share_dialog_blocks_private_text_in_shared_fields_and_reports_write_errors(qtbot, tmp_path, data_dir):
    scenario, _ = canary_scenario()
    leaky = edited(scenario, lambda d: clause(d, "nickel-cfd").update(text_note="CANARY-COMMENT-2 EU is bluffing"))
    w = _window(qtbot, leaky)
    dialog = ShareDialog(w.controller, Keyring(data_dir), SentArchive(data_dir), w)
    qtbot.addWidget(dialog)
    assert not dialog.share_button.isEnabled()
    assert "internal comment 2 in document.clauses[2].text_note" in dialog.message.text()
    assert "no key yet" in dialog.sign.text()
    w2 = _window(qtbot, scenario)
    dialog2 = ShareDialog(w2.controller, Keyring(data_dir), SentArchive(data_dir), w2)
    qtbot.addWidget(dialog2)
    dialog2.path.setText(str(tmp_path / "no-such-folder" / "x.cmws"))
    dialog2.share()
    assert "does not exist" in dialog2.message.text() and dialog2.written is None
    assert w2.controller.undo_stack.count() == 0


def _sent_and_received(tmp_path, data_dir):
    """US shares the default scenario; the EU raises the price-gap floor and brackets the border floor."""
    archive = SentArchive(data_dir)
    package = prepare_share(default_scenario(), "US")
    archive.store(package)

    def eu_edit(d):
        clause(d, "ndpr-price-gap")["floor_price"]["amount"] = 120.0
        c = clause(d, "ndpr-border-floor")
        c["status"] = "bracketed"
        c["floor_price"] = {"options": [{"label": "A", "value": c["floor_price"], "proposed_by": "US"},
                                        {"label": "B", "value": {"amount": 125.0, "currency": "USD", "per": "kg"},
                                         "proposed_by": "EU"}], "selected": "A"}
    theirs = prepare_share(edited(package.shared, eu_edit), "EU")
    path = tmp_path / "from-eu.cmws"
    write_shared(path, theirs)
    return package, path


def test_compare_dialog_shows_origin_base_redline_impact_and_merges_undoably(qtbot, tmp_path, data_dir):
    package, theirs_path = _sent_and_received(tmp_path, data_dir)
    w = _window(qtbot, package.own)
    dialog = CompareDialog(w.controller, Keyring(data_dir), SentArchive(data_dir), theirs_path, parent=w)
    qtbot.addWidget(dialog)
    assert dialog.origin_label.text() == "Their file: unsigned; content hash matches"
    assert dialog.base_label.text().startswith("Base: the copy we last shared")
    html = dialog.redline.toHtml()
    assert "110/kg" in html and "120/kg" in html and "NdPr oxide price-gap payments" in html
    headers = [dialog.impact_table.verticalHeaderItem(r).text() for r in range(dialog.impact_table.rowCount())]
    assert headers[:4] == ["US", "EU", "JP", "MX"]
    expected = dialog.diff.impact.table.loc["US", "fiscal_cost_pv_usd_change"]
    assert dialog.impact_table.item(0, 2).text() == impact_text(expected, "usd", change=True)  # the panel's formats
    assert dialog.impact_table.horizontalHeaderItem(2).text() == "Cost PV\nchange"
    slots = [i.slot for i in dialog.plan.items]
    assert Slot("clause", "ndpr-price-gap", "floor_price") in slots and dialog.plan.conflicts() == []
    gap = next(i for i in dialog.plan.items if i.slot == Slot("clause", "ndpr-price-gap", "floor_price"))
    assert dialog.accept_items([gap])
    assert w.controller.scenario.document.clause("ndpr-price-gap").floor_price.amount == 120.0
    assert dialog.state(gap) == "accepted"
    assert w.controller.undo_stack.undoText() == "Accept EU's change: NdPr oxide price-gap payments to zone " \
                                                 "producers: floor price"
    w.controller.undo_stack.undo()
    assert dialog.state(gap) == "pending"
    assert w.controller.scenario == package.own
    status = next(i for i in dialog.plan.items if i.slot == Slot("clause", "ndpr-border-floor", "status"))
    dialog.reject_items([status])
    assert dialog.state(status) == "rejected"
    assert dialog.accept_items([status])                     # changing one's mind after a reject is allowed
    assert dialog.state(status) == "accepted" and status.slot not in dialog.rejected


def test_compare_dialog_explains_an_accept_that_would_be_invalid(qtbot, tmp_path, data_dir):
    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "nickel-cfd").update(
        status="agreed", strike_price={"amount": 17500.0, "currency": "USD", "per": "t"}))
    path = tmp_path / "theirs.cmws"
    save_scenario(path, theirs)
    w = _window(qtbot, ours)
    dialog = CompareDialog(w.controller, Keyring(data_dir), SentArchive(data_dir), path, parent=w)
    qtbot.addWidget(dialog)
    status = next(i for i in dialog.plan.items if i.slot.field == "status")
    assert not dialog.accept_items([status])
    assert "Accept the related changes together" in dialog.message.text()
    assert w.controller.undo_stack.count() == 0
    assert dialog.accept_items(dialog.plan.for_clause("nickel-cfd"))
    assert w.controller.scenario.document.clause("nickel-cfd") == theirs.document.clause("nickel-cfd")


def test_compare_dialog_whole_clause_selection_and_conflicts(qtbot, tmp_path, data_dir):
    package, theirs_path = _sent_and_received(tmp_path, data_dir)
    ours = edited(package.own, lambda d: clause(d, "ndpr-price-gap")["floor_price"].update(amount=115.0))
    w = _window(qtbot, ours)
    dialog = CompareDialog(w.controller, Keyring(data_dir), SentArchive(data_dir), theirs_path, parent=w)
    qtbot.addWidget(dialog)
    assert [i.slot.clause_id for i in dialog.plan.conflicts()] == ["ndpr-price-gap"]
    assert "conflicts (1)" in dialog.base_label.text()
    rows = {dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
            for i in range(dialog.tree.topLevelItemCount())}
    gap_row = rows["NdPr oxide price-gap payments to zone producers"].child(0)
    assert gap_row.text(4).startswith("CONFLICT") and gap_row.background(0).color().name() == "#ffd6d6"
    floor_group = rows["NdPr oxide border-adjusted price floor"]
    floor_group.setSelected(True)
    assert {i.slot.field for i in dialog.selected_items()} == {"status", "floor_price"}
    dialog.accept_button.click()
    floor = w.controller.scenario.document.clause("ndpr-border-floor")
    assert floor.status.value == "bracketed" and [o.value.amount for o in floor.floor_price.options] == [110.0, 125.0]
    assert w.controller.scenario.document.clause("ndpr-price-gap").floor_price.amount == 115.0  # conflict untouched
    dialog.accept_rest_button.click()                        # the rounds history, no conflict
    assert any(e.delegation == "EU" and e.action is HistoryAction.SHARED
               for e in w.controller.scenario.document.history)
    assert w.controller.scenario.document.clause("ndpr-price-gap").floor_price.amount == 115.0


def test_compare_dialog_with_an_explicit_base_and_a_bad_file(qtbot, tmp_path, data_dir):
    package, theirs_path = _sent_and_received(tmp_path, data_dir)
    w = _window(qtbot, package.own)
    empty = tmp_path / "empty-data"
    dialog = CompareDialog(w.controller, Keyring(empty), SentArchive(empty), theirs_path, parent=w)
    qtbot.addWidget(dialog)
    assert dialog.base_label.text().startswith("No common base")
    base_file = tmp_path / "sent.cmws"
    write_shared(base_file, package)
    dialog.set_base_file(base_file)
    assert dialog.base_label.text().startswith("Base: chosen by you")
    (tmp_path / "junk.cmws").write_text("not json")
    dialog.set_base_file(tmp_path / "junk.cmws")
    assert "Base not used" in dialog.message.text() and "not valid JSON" in dialog.message.text()
    with pytest.raises(FileFormatError):
        CompareDialog(w.controller, Keyring(empty), SentArchive(empty), tmp_path / "junk.cmws")


def test_keys_dialog_create_export_import_remove_and_bad_file(qtbot, tmp_path, monkeypatch):
    ring = Keyring(tmp_path / "data")
    dialog = KeysDialog(ring, ["US", "EU", "JP"])
    qtbot.addWidget(dialog)
    assert "No signing key yet" in dialog.own_label.text() and not dialog.export_button.isEnabled()
    dialog.delegation.setCurrentText("JP")
    dialog.create_button.click()
    assert ring.own_key().delegation == "JP" and dialog.export_button.isEnabled()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "JP"
    first = ring.own_key().public.key_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.create_button.click()                             # replacing asks first; "No" keeps the key
    assert ring.own_key().public.key_id == first
    dialog.export_to(tmp_path / "jp.cmwkey")
    assert json.loads((tmp_path / "jp.cmwkey").read_text())["delegation"] == "JP"
    (tmp_path / "bad.cmwkey").write_text("{}")
    dialog.import_from(tmp_path / "bad.cmwkey")
    assert "not a workbench public key file" in dialog.message.text()
    eu = Keyring(tmp_path / "eu")
    eu.create_own_key("EU")
    eu.export_public(tmp_path / "eu.cmwkey")
    dialog.import_from(tmp_path / "eu.cmwkey")
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["EU", "JP"]
    assert "Check its fingerprint" in dialog.message.text()
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert [k.delegation for k in ring.trusted()] == ["JP"]


def test_origin_in_the_status_bar_until_the_first_change(qtbot, tmp_path, data_dir):
    ring = Keyring(data_dir)
    ring.create_own_key("US")
    path = tmp_path / "shared.cmws"
    write_shared(path, prepare_share(default_scenario(), "US", key=ring.own_key()))
    loaded = load_scenario(path)
    w = _window(qtbot, loaded.scenario, path)
    label = show_origin(w, loaded)
    assert w.statusBar().findChild(QLabel, LABEL_NAME) is label
    assert label.text() == "signed by US \u2014 verified; content hash matches" and label.styleSheet() == ""
    path.write_text(path.read_text(encoding="utf-8").replace("Japan", "Japon"), encoding="utf-8")
    tampered = load_scenario(path)
    assert show_origin(w, tampered) is label
    assert label.text().startswith("signature does not match") and "b00020" in label.styleSheet()
    w.controller.apply(edited(w.controller.scenario, lambda d: d["document"]["metadata"].update(title="Edited")), "t")
    assert label.text() == ""


def test_timeline_view_lists_rounds_and_events(qtbot):
    view = RoundsTimelineView()
    qtbot.addWidget(view)
    view.show_document(prepare_share(default_scenario(), "US").shared.document)
    assert view.topLevelItemCount() == 1
    top = view.topLevelItem(0)
    assert top.text(0).startswith("Round 1 \u2014 trilateral")  # the label names the round: not "Round 1 - Round 1"
    assert view.columnWidth(3) >= view.fontMetrics().horizontalAdvance("NdPr oxide border-adjusted price floor")
    rows = [(top.child(i).text(1), top.child(i).text(2)) for i in range(top.childCount())]
    assert ("US", "shared") in rows and ("JP", "proposed") in rows and ("MX", "bracketed") in rows
