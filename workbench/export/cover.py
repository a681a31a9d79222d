"""The cover sheet: title, marking, revision, parties, stored content hash and what was verified, status, changes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench import __version__
from workbench.export.cells import put
from workbench.export.integrity import NOT_VERIFIED, Provenance
from workbench.export.page import Pager, Row, setup_page, wrapped_height
from workbench.files import CURRENT_SCHEMA
from workbench.text.words import in_sentence_name

LABEL_WIDTH = 24
VALUE_WIDTH = 110
#: The standing marking of every circulated text, beside the scenario's own classification.
WITHOUT_PREJUDICE = "Draft \u2014 without prejudice \u2014 nothing is agreed until everything is agreed"


def revision(doc: Any) -> str:
    """The revision of the text: ``Rev. N``, N the round whose text it is (the first round's text is Rev. 1)."""
    return f"Rev. {doc.metadata.round}"


def changes_since_last_round(doc: Any) -> list[str]:
    """What the rounds history records for this round, clauses named by their number in this text."""
    from workbench.sharing.rounds import timeline

    numbers = {c.id: n for n, c in enumerate(doc.clauses, start=1)}
    this_round = next((r for r in timeline(doc) if r.number == doc.metadata.round), None)
    out = []
    first = doc.metadata.round == 1
    for e in this_round.events if this_round else []:
        if first and not e.date:  # a clause the history does not record: new like the whole first text
            continue
        where = f"Clause {numbers[e.clause_id]}" if e.clause_id in numbers else (
            "a clause since removed" if e.clause_id else "the text")
        summary = f": {e.summary}" if e.summary else ""
        out.append(f"{e.delegation} {e.action} {where}{summary}")
    if first:
        out.insert(0, "First round: the whole text is new.")
    return out or ["No changes recorded in the rounds history for this round."]


def write_cover(ws: Worksheet, scenario: Any, *, contents: list[tuple[str, str]], modelled: str, monte_carlo: Any,
                provenance: Provenance, banner: str = "") -> None:
    """Fill the cover sheet; ``banner`` (NOT_VERIFIED) is printed above the title when integrity failed."""
    doc = scenario.document
    meta = doc.metadata
    width = LABEL_WIDTH + VALUE_WIDTH
    pager = Pager(ws, 1)

    def line(text: str, style: str, points: float) -> Row:
        def write(r: int) -> None:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
            put(ws, r, 1, text, style)
        return Row(wrapped_height(text, width, points, bold=True), write)

    def pair(label: str, value: str, style: str = "ts_text") -> Row:
        def write(r: int) -> None:
            put(ws, r, 1, label, "ts_label")
            put(ws, r, 2, value, style)
        return Row(max(wrapped_height(value, VALUE_WIDTH), wrapped_height(label, LABEL_WIDTH, bold=True)), write)

    top = [line(NOT_VERIFIED + " \u2014 " + (provenance.failure() or ""), "ts_alarm", 14)] if banner else []
    top += [line(meta.title, "ts_title", 16), line(meta.classification, "ts_marking", 11),
            line(WITHOUT_PREJUDICE, "ts_marking", 11),
            line(f"{revision(doc)} \u2014 {_round(meta.round, meta.round_label)} \u2014 {meta.modified[:10]}",
                 "ts_subtitle", 11)]
    pager.block(top)
    status = Counter(c.status.value for c in doc.clauses)
    observers = [in_sentence_name(p.name) for p in doc.partners if p.role.value == "observer"]
    rows = [
        pair("Delegation", f"{meta.author_delegation} ({doc.partner(meta.author_delegation).name})"),
        pair("Partners", "; ".join(f"{p.name} ({p.code}), {p.role.value.replace('_', '-')}" for p in doc.partners)),
        pair("Revision", f"{revision(doc)} of the text, round {meta.round}"),
        pair("Scenario version", f"Schema {CURRENT_SCHEMA}, written by workbench {__version__}; last modified "
                                 f"{meta.modified}"),
        pair("Stored content hash", provenance.stored_hash or "none (not a saved file)"),
        pair("Verified", provenance.verified(), "ts_alarm_text" if banner else "ts_text"),
        pair("Status of the text", (f"{len(doc.clauses)} clauses: {status.get('agreed', 0)} agreed, "
                                    f"{status.get('bracketed', 0)} bracketed, {status.get('proposed', 0)} proposed."
                                    if doc.clauses else "No clauses yet.")
             + " Nothing is agreed until everything is agreed."),
        pair("Results shown", modelled),
        pair("Uncertainty", f"Monte Carlo over {monte_carlo.paths:,} price paths, seed {monte_carlo.seed}"),
    ]
    if observers:
        rows.insert(2, pair("Observers", "; ".join(observers)))
    if meta.description:
        rows.append(pair("Description", meta.description))
    pager.gap()
    pager.block(rows)
    changes = changes_since_last_round(doc)
    pager.gap()
    pager.block([pair("Changes since the last round", "\n".join(changes))])
    pager.gap()
    pager.block([pair("Contents", "; ".join(f"{sheet} — {what}" for sheet, what in contents))])
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None,
               widths={"A": LABEL_WIDTH, "B": VALUE_WIDTH}, banner=banner)


def _round(number: int, label: str) -> str:
    if not label:
        return f"Round {number}"
    return label if label.lower().startswith(f"round {number}") else f"Round {number} \u2014 {label}"
