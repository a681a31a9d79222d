"""Helpers for the export tests: hostile and canary scenarios, every text part of an xlsx, the Stress tests sheet
read back."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from workbench.defaults import default_scenario
from workbench.document import Scenario

#: Text a spreadsheet would read as a formula, an error value or a link if it were typed in.
HOSTILE = [
    '=HYPERLINK("http://evil.example/x","click")',
    "+1+1",
    "-2*3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\t\t=1+1",  # a carriage return is no longer valid text (issue 13); leading tabs still are
    "#N/A",
    "#REF!",
    "=cmd|' /C calc'!A0",
    "<b>&amp; & &P &N</b>",
]
CANARIES = ["CANARY-NOTES-7f3a", "CANARY-CLAUSE-91bd", "CANARY-COMMENT-22c0", "CANARY-REDLINE-5e11"]
CANARY_AMOUNT = 987654321.5


def hostile_scenario() -> Scenario:
    """The default scenario with hostile text in every free-text field a term sheet shows."""
    data = default_scenario().to_data()
    doc = data["document"]
    doc["metadata"]["title"] = HOSTILE[0]
    doc["metadata"]["classification"] = "&P &N =1+1 DRAFT & secret"
    doc["metadata"]["round_label"] = HOSTILE[1]
    doc["metadata"]["description"] = HOSTILE[8]
    for i, partner in enumerate(doc["partners"]):
        partner["name"] = HOSTILE[(i + 2) % len(HOSTILE)]
    for i, clause in enumerate(doc["clauses"]):
        clause["title"] = HOSTILE[i % len(HOSTILE)]
        clause["text_note"] = HOSTILE[(i + 5) % len(HOSTILE)]
    doc["minerals"][0]["name"] = "=1+2"
    doc["minerals"][1]["name"] = HOSTILE[7]
    return Scenario.from_data(data)


def canary_scenario() -> Scenario:
    """The default scenario with canary strings and a canary amount in every part of the private block."""
    data = default_scenario().to_data()
    data["private"] = {
        "notes": CANARIES[0],
        "clause_notes": {"nickel-cfd": CANARIES[1]},
        "internal_comments": [CANARIES[2]],
        "mandate": {"fiscal_ceiling_per_year": {"US": {"amount": CANARY_AMOUNT, "currency": "USD"}},
                    "max_pv_cost": {}, "max_consumer_price_increase": {}, "red_lines": [CANARIES[3]]},
    }
    return Scenario.from_data(data)


def xlsx_parts(path: Path) -> dict[str, str]:
    """Every part of the xlsx package, decompressed and decoded."""
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8", errors="replace") for name in z.namelist()}


_STRESS_PARTNER = re.compile(r"^(?:.+ )?\(?([A-Z]{2,5})\)?$")


def read_stress_blocks(ws) -> dict[str, dict[str, list[float]]]:
    """The term sheet's Stress tests sheet read back: test title -> region code -> the row's figures."""
    from workbench.export.stress_sheet import COLUMNS

    blocks: dict[str, dict[str, list[float]]] = {}
    current = None
    for row in ws.iter_rows(min_row=5):
        first = row[0].value
        if isinstance(first, str) and re.match(r"^\d+\. ", first) and row[0].style == "ts_clause":
            current = blocks.setdefault(first.split(". ", 1)[1], {})
        elif current is not None and row[0].style == "ts_label" and isinstance(row[1].value, float):
            current[_STRESS_PARTNER.match(first).group(1)] = [c.value for c in row[1:1 + len(COLUMNS)]]
    return blocks
