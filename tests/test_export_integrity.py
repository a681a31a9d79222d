"""A term sheet never passes a tampered file off as clean: refusal, --allow-unverified marking, the stored hash."""

from __future__ import annotations

import json

import openpyxl
import pytest

from export_helpers import xlsx_parts
from sharing_helpers import canary_scenario
from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.export import NOT_VERIFIED, IntegrityRefused, for_file, from_loaded, write_term_sheet
from workbench.files import document_hash, load_scenario, save_scenario
from workbench.sharing import Keyring, prepare_share, write_shared

PATHS = ["--paths", "100"]


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))


def _edit_envelope(path, edit):
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def _tampered(tmp_path):
    path = tmp_path / "tampered.cmws"
    save_scenario(path, default_scenario())
    _edit_envelope(path, lambda d: d["document"]["clauses"][0]["floor_price"].update(amount=99.0))
    return path


def _cover(path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Cover"]
    return {str(r[0].value): str(r[1].value) for r in ws.iter_rows() if r[0].value is not None}


def test_a_tampered_file_is_refused_in_one_line(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["export", str(_tampered(tmp_path)), "-o", str(out)] + PATHS) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "content hash does not match" in err and "--allow-unverified" in err
    assert not out.exists()


def test_allow_unverified_marks_the_cover_and_every_page(tmp_path, capsys):
    src = _tampered(tmp_path)
    out = tmp_path / "t.xlsx"
    assert main(["export", str(src), "-o", str(out), "--allow-unverified"] + PATHS) == 0
    wb = openpyxl.load_workbook(out)
    first = [str(c.value) for c in next(wb["Cover"].iter_rows(max_row=1))]
    assert first[0].startswith(NOT_VERIFIED) and "content hash does not match" in first[0]
    for ws in wb.worksheets:
        assert NOT_VERIFIED in ws.oddHeader.center.text, ws.title
    cover = _cover(out)
    stored = json.loads(src.read_text(encoding="utf-8"))["integrity"]["document"]
    assert cover["Stored content hash"] == stored  # what the file says, not a hash computed now
    assert stored != document_hash(load_scenario(src).scenario)
    assert cover["Verified"].startswith("CONTENT HASH DOES NOT MATCH")


def test_a_clean_file_shows_its_stored_hash_and_what_was_verified(tmp_path):
    src = tmp_path / "clean.cmws"
    save_scenario(src, default_scenario())
    out = tmp_path / "t.xlsx"
    assert main(["export", str(src), "-o", str(out)] + PATHS) == 0
    cover = _cover(out)
    assert cover["Stored content hash"] == json.loads(src.read_text(encoding="utf-8"))["integrity"]["document"]
    assert cover["Verified"] == "content hash matches the document; unsigned"
    assert all(NOT_VERIFIED not in ws.oddHeader.center.text for ws in openpyxl.load_workbook(out).worksheets)


def test_a_failed_signature_is_refused_and_a_verified_one_is_stated(tmp_path):
    ring = Keyring(tmp_path / "data")
    ring.create_own_key("US")
    scenario, _ = canary_scenario()
    src = tmp_path / "signed.cmws"
    write_shared(src, prepare_share(scenario, "US", key=ring.own_key()))
    assert from_loaded("signed.cmws", load_scenario(src), ring).verified() == \
        "content hash matches the document; signed by US \u2014 verified"
    out = tmp_path / "ok.xlsx"
    assert main(["export", str(src), "-o", str(out)] + PATHS) == 0
    assert _cover(out)["Verified"].endswith("signed by US \u2014 verified")

    def forge(d):  # change the text and fix up the hash: only the signature can tell
        d["document"]["metadata"]["title"] = "Forged"
        d["integrity"]["document"] = document_hash(Scenario.from_data({"document": d["document"]}))
    _edit_envelope(src, forge)
    assert load_scenario(src).integrity_ok
    provenance = from_loaded("signed.cmws", load_scenario(src), ring)
    with pytest.raises(IntegrityRefused, match="signature does not match"):
        write_term_sheet(load_scenario(src).scenario, tmp_path / "no.xlsx", provenance=provenance)
    assert not (tmp_path / "no.xlsx").exists()


def test_unsaved_changes_do_not_launder_a_tampered_file(tmp_path):
    src = _tampered(tmp_path)
    edited = load_scenario(src).scenario
    edited = Scenario.from_data(dict(edited.to_data(), document=dict(
        edited.to_data()["document"], metadata=dict(edited.to_data()["document"]["metadata"], title="Edited"))))
    assert for_file(src, edited, Keyring(tmp_path / "data")).failure() is not None
    clean = tmp_path / "clean.cmws"
    save_scenario(clean, default_scenario())
    unsaved = for_file(clean, edited, Keyring(tmp_path / "data"))
    assert unsaved.failure() is None and "unsaved changes" in unsaved.verified()


def test_a_scenario_without_clauses_says_so_and_draws_no_charts(tmp_path):
    data = default_scenario().to_data()
    data["document"]["clauses"] = []
    data["document"]["history"] = []
    path = write_term_sheet(Scenario.from_data(data), tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(path)
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any(t.startswith("No clauses yet") for t in texts)
    assert "Final provisions" in texts  # the frame of the text is still there
    assert not [name for name in xlsx_parts(path) if name.startswith("xl/charts/")]


@pytest.mark.parametrize("fixture, verified", [
    ("schema1/prototype_round1.cmws", "content hash not checked (a file version 1 has no content hash); unsigned"),
    ("schema2/default_2026_round1.cmws", "content hash matches the document; unsigned"),   # the first with a hash
    ("golden/shared-round1-us.cmws", "content hash matches the document; signature not checked: signed by unknown "
                                     "key (claims US, key id 8e903a9cba7b884c); import US's public key to check it"),
])
def test_files_of_every_version_say_what_could_be_checked(tmp_path, fixture, verified):
    from pathlib import Path

    source = Path(__file__).parent / "fixtures" / fixture
    provenance = from_loaded(source.name, load_scenario(source), Keyring(tmp_path / "keys"))
    assert provenance.verified() == verified
    assert provenance.failure() is None                       # nothing failed: exported without a banner
    stored = json.loads(source.read_text(encoding="utf-8")).get("integrity")    # schema 1 files had none
    assert provenance.stored_hash == (stored["document"] if stored else "migrated-from-schema-1")


def test_write_term_sheet_refuses_a_failed_file_unless_told_otherwise(tmp_path):
    from workbench.export.integrity import Provenance

    failed = Provenance("eu.cmws", "sha256:00", False, "unsigned")
    with pytest.raises(IntegrityRefused, match="^eu.cmws: not exported: its content hash does not match"):
        write_term_sheet(default_scenario(), tmp_path / "t.xlsx", provenance=failed)
    assert not (tmp_path / "t.xlsx").exists()


def test_exporting_over_an_earlier_workbook_leaves_no_copy_of_it_behind(tmp_path):
    # an old term sheet left beside the new one could be circulated by mistake
    from workbench.export.package import save_workbook

    out = tmp_path / "exports"
    out.mkdir()
    for title in ("first", "second"):
        wb = openpyxl.Workbook()
        wb.active.title = title
        save_workbook(wb, out / "terms.xlsx", delegation="US")
    assert [p.name for p in out.iterdir()] == ["terms.xlsx"]
    assert openpyxl.load_workbook(out / "terms.xlsx").sheetnames == ["second"]
