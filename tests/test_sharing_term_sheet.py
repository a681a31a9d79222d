"""Nothing the app writes for others carries private material: the Excel term sheet of a canary-laden scenario."""

from __future__ import annotations

import zipfile

from sharing_helpers import canary_scenario, edited

from workbench.export import write_term_sheet


def test_term_sheet_of_a_canary_laden_scenario_contains_no_canary(tmp_path):
    scenario, canaries = canary_scenario()
    scenario = edited(scenario, lambda d: d["document"]["assumptions"]["monte_carlo"].update(paths=100))
    path = write_term_sheet(scenario, tmp_path / "term-sheet.xlsx")
    with zipfile.ZipFile(path) as xlsx:
        parts = {name: xlsx.read(name).decode("utf-8", "replace") for name in xlsx.namelist()}
    assert any("NdPr oxide" in text for text in parts.values())     # the sheet really holds the scenario's text
    found = {(name, c) for name, text in parts.items() for c in canaries if c in text}
    assert found == set()
