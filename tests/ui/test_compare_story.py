"""The issue's "Done when" story end to end: US shares, EU edits and shares back, US reviews and merges."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMainWindow
from sharing_helpers import canary_scenario, clause, edited

from workbench.document.scenario import HistoryAction
from workbench.files import load_scenario, save_scenario
from workbench.sharing import Keyring, SentArchive
from workbench.sharing.redline import redline_text
from workbench.ui.compare import CompareDialog, KeysDialog, ShareDialog, show_origin
from workbench.ui.controller import DocumentController

EU_NOTES = "EU-CANARY-NOTES we can live with USD 125/kg"
EU_COMMENT = "EU-CANARY-COMMENT keep the tungsten rate open"


class _Window(QMainWindow):
    def __init__(self, scenario, path=None):
        super().__init__()
        self.controller = DocumentController(scenario, path, self)


def test_us_shares_eu_edits_and_shares_back_us_reviews_accepts_one_rejects_the_other(qtbot, tmp_path, monkeypatch):
    us_data, eu_data = tmp_path / "us-appdata", tmp_path / "eu-appdata"
    us_ring, eu_ring = Keyring(us_data), Keyring(eu_data)

    # Each delegation creates its key and they swap public key files.
    for ring, code in ((us_ring, "US"), (eu_ring, "EU")):
        keys = KeysDialog(ring, ["US", "EU", "JP", "MX"])
        qtbot.addWidget(keys)
        keys.delegation.setCurrentText(code)
        keys.create_button.click()
        keys.export_to(tmp_path / f"{code}.cmwkey")
    KeysDialog(us_ring, ["US"]).import_from(tmp_path / "EU.cmwkey")
    KeysDialog(eu_ring, ["EU"]).import_from(tmp_path / "US.cmwkey")

    # US: a new user on the default scenario, with private notes and a mandate, shares it.
    us_scenario, us_canaries = canary_scenario()
    us_file = tmp_path / "us" / "talks.cmws"
    us_file.parent.mkdir()
    save_scenario(us_file, us_scenario)
    us = _Window(load_scenario(us_file).scenario, us_file)
    qtbot.addWidget(us)
    share = ShareDialog(us.controller, us_ring, SentArchive(us_data), us)
    qtbot.addWidget(share)
    share.share()
    sent = share.written
    assert sent is not None and load_scenario(sent).signature["delegation"] == "US"

    # EU: opens it (origin verified), notes its own position privately, changes the floor, brackets a clause.
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(eu_data))
    received = load_scenario(sent)
    eu = _Window(received.scenario, tmp_path / "eu-talks.cmws")
    qtbot.addWidget(eu)
    assert show_origin(eu, received).text() == "signed by US \u2014 verified; content hash matches"
    assert received.scenario.private == type(received.scenario.private)()
    c = eu.controller
    c.apply(edited(c.scenario, lambda d: d["private"].update(notes=EU_NOTES, internal_comments=[EU_COMMENT])),
            "Private notes")
    c.apply(edited(c.scenario, lambda d: clause(d, "ndpr-border-floor")["floor_price"].update(amount=120.0)),
            "Floor price")

    def bracket_tariff(d):
        t = clause(d, "tungsten-tariff")
        t["status"] = "bracketed"
        t["rate"] = {"options": [{"label": "A", "value": t["rate"], "proposed_by": "US"},
                                 {"label": "B", "value": 0.25, "proposed_by": "EU"}], "selected": "B"}
    c.apply(edited(c.scenario, bracket_tariff), "Bracket the tungsten tariff")
    back = ShareDialog(c, eu_ring, SentArchive(eu_data), eu)
    qtbot.addWidget(back)
    assert back.delegation.currentText() == "EU" and back.sign.isChecked()
    back.path.setText(str(tmp_path / "from-eu.cmws"))
    back.share()
    eu_text = (tmp_path / "from-eu.cmws").read_text(encoding="utf-8")

    # US: compares, sees who sent it, the redline and the change in fiscal cost per partner.
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(us_data))
    review = CompareDialog(us.controller, us_ring, SentArchive(us_data), tmp_path / "from-eu.cmws", parent=us)
    qtbot.addWidget(review)
    assert review.origin_label.text() == "Their file: signed by EU \u2014 verified; content hash matches"
    assert review.base_label.text().startswith("Base: the copy we last shared")
    texts = {c.clause_id: redline_text(c.redline) for c in review.diff.clauses}
    assert set(texts) == {"ndpr-border-floor", "tungsten-tariff"}
    assert "USD [-110/kg-]{+120/kg+}" in texts["ndpr-border-floor"]
    assert "duty of {+[Alt 1: +}50 per cent{+ (US)] [Alt 2: 25 per cent" in texts["tungsten-tariff"]
    shown = review.redline.toPlainText()
    assert all(c.title in shown for c in review.diff.clauses) and "120/kg" in shown
    impact = review.diff.impact.table
    assert impact.loc[["US", "EU", "JP"], "fiscal_cost_pv_usd_change"].abs().sum() > 0
    assert review.impact_table.rowCount() >= 4 and review.impact_note.text().startswith("Change = theirs")

    # ... accepts the floor change and rejects the bracketed clause.
    floor = review.plan.for_clause("ndpr-border-floor")
    tariff = review.plan.for_clause("tungsten-tariff")
    assert [i.slot.field for i in floor] == ["floor_price"] and {i.slot.field for i in tariff} == {"status", "rate"}
    assert review.plan.conflicts() == []
    assert review.accept_items(floor)
    review.reject_items(tariff)
    merged = us.controller.scenario
    assert merged.document.clause("ndpr-border-floor").floor_price.amount == 120.0
    assert merged.document.clause("tungsten-tariff") == us_scenario.document.clause("tungsten-tariff")
    assert [review.state(i) for i in tariff] == ["rejected", "rejected"]
    assert merged.document.history[-1].action is HistoryAction.MERGED
    assert us.controller.undo_stack.undoText().startswith("Accept EU's change")
    assert merged.private == us_scenario.private

    # No private note crossed over, either way.
    us_sent_text = sent.read_text(encoding="utf-8")
    assert [x for x in us_canaries if x in us_sent_text or x in eu_text] == []
    assert EU_NOTES not in eu_text and EU_COMMENT not in eu_text
    us_now = json.dumps(merged.to_data())
    assert EU_NOTES not in us_now and EU_COMMENT not in us_now
