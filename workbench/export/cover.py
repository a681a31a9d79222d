"""The cover sheet: title, marking, parties, round, date, version and content hash, status of the text."""

from __future__ import annotations

from collections import Counter
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench import __version__
from workbench.export.cells import put
from workbench.export.page import setup_page, wrapped_height
from workbench.files import CURRENT_SCHEMA, document_hash

VALUE_WIDTH = 100


def write_cover(ws: Worksheet, scenario: Any, *, contents: list[tuple[str, str]], modelled: str,
                monte_carlo: Any) -> None:
    """Fill the cover sheet."""
    doc = scenario.document
    meta = doc.metadata
    put(ws, 1, 1, meta.title, "ts_title")
    put(ws, 2, 1, meta.classification, "ts_marking")
    put(ws, 3, 1, "Term sheet for circulation, prepared with the critical-minerals negotiation workbench",
        "ts_subtitle")
    status = Counter(c.status.value for c in doc.clauses)
    rows: list[tuple[str, str]] = [
        ("Delegation", f"{meta.author_delegation} ({doc.partner(meta.author_delegation).name})"),
        ("Parties", "; ".join(f"{p.name} ({p.code}), {p.role.value.replace('_', '-')}" for p in doc.partners)),
        ("Negotiating round", _round(meta.round, meta.round_label)),
        ("Date", meta.modified[:10]),
        ("Scenario version", f"Schema {CURRENT_SCHEMA}, written by workbench {__version__}; last modified "
                             f"{meta.modified}"),
        ("Content hash", document_hash(scenario)),
        ("Status of the text", f"{len(doc.clauses)} clauses: {status.get('agreed', 0)} agreed, "
                               f"{status.get('bracketed', 0)} bracketed, {status.get('proposed', 0)} proposed. "
                               "Nothing is agreed until everything is agreed."),
        ("Results shown", modelled),
        ("Uncertainty", f"Monte Carlo over {monte_carlo.paths:,} price paths, seed {monte_carlo.seed}"),
        ("Marking", meta.classification),
    ]
    if meta.description:
        rows.append(("Description", meta.description))
    r = 5
    for label, value in rows:
        put(ws, r, 1, label, "ts_label")
        put(ws, r, 2, value, "ts_text")
        ws.row_dimensions[r].height = wrapped_height(value, VALUE_WIDTH)
        r += 1
    r += 1
    put(ws, r, 1, "Contents", "ts_header")
    put(ws, r, 2, "", "ts_header")
    for sheet, what in contents:
        r += 1
        put(ws, r, 1, sheet, "ts_label")
        put(ws, r, 2, what, "ts_text")
    setup_page(ws, marking=meta.classification, title=meta.title, header_rows=None, freeze=None,
               widths={"A": 22, "B": VALUE_WIDTH})


def _round(number: int, label: str) -> str:
    if not label:
        return f"Round {number}"
    return label if label.lower().startswith(f"round {number}") else f"Round {number} \u2014 {label}"
