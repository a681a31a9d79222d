"""The term sheet proper: definitions and common terms, each clause numbered with its items, final provisions and
signature blocks.

A clause is printed whole on one page; one longer than a page continues under a "Clause N (cont.)" row. Items are
numbered ``n.k``; commentary (note, what is modelled, status) is neither numbered nor lettered; reservations are
footnotes. A clause's cost-sharing or review item that says no more than the common terms is not repeated under it.
"""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put, put_segments
from workbench.export.page import Pager, Row, setup_page, wrapped_height
from workbench.text import Segment, common_items, common_terms, definitions, final_provisions, members, render_clause
from workbench.text.words import in_sentence_name

WIDTHS = {"A": 6, "B": 19, "C": 111}
HEADER_HEIGHT = 15.0
CLAUSE_GAP = 6.0   # blank points between clauses (the shaded heading row marks where the next one starts)
TEXT_POINTS = 9.0
SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
NO_CLAUSES = "No clauses yet: this scenario has no clauses to circulate."
CONVENTIONS = ("Square brackets mark text not agreed; alternatives stand side by side as [Alt 1: \u2026 (proponent)] "
               "[Alt 2: \u2026 (proponent)]; reservations are footnoted. Nothing is agreed until everything is agreed.")
SIGNATURE_LINE = ("Signature: ____________________   Name: ____________________   Title: ____________________   "
                  "Date: ____________")


def footnote_mark(n: int) -> str:
    """The superscript footnote number: ``¹``, ``¹²``."""
    return str(n).translate(SUPERSCRIPT)


class _Rows:
    """Row factories of the term-sheet sheet (heights from the wrapped text of each cell)."""

    def __init__(self, ws: Worksheet):
        self.ws = ws

    def heading(self, number: str, title: str, status: str = "", status_style: str = "ts_clause") -> Row:
        """A clause's first row: number, status (coloured) and the heading with the clause's title (its height: the
        status, "Bracketed" at most, always takes one line, no more than the title)."""
        height = wrapped_height(title, WIDTHS["C"], 11, bold=True)

        def write(r: int) -> None:
            put(self.ws, r, 1, number, "ts_clause")
            put(self.ws, r, 2, status, status_style)
            put(self.ws, r, 3, title, "ts_clause")
        return Row(height, write)

    def item(self, number: str, item: str, segments: list[Segment]) -> Row:
        text = "".join(s.plain() for s in segments)
        height = max(wrapped_height(text, WIDTHS["C"], TEXT_POINTS),
                     wrapped_height(item, WIDTHS["B"], TEXT_POINTS, bold=True))

        def write(r: int) -> None:
            put(self.ws, r, 1, number, "ts_item")
            put(self.ws, r, 2, item, "ts_item")
            put_segments(self.ws, r, 3, segments, "ts_legal")
        return Row(height, write)

    def comment(self, segments: list[Segment], style: str = "ts_comment", points: float = 8.5) -> Row:
        text = "".join(s.plain() for s in segments)

        def write(r: int) -> None:
            put_segments(self.ws, r, 3, segments, style)
        return Row(wrapped_height(text, WIDTHS["C"], points), write)

    def continued(self, label: str, title: str) -> Row:
        """The first row on a page a clause (or part) continues on: "Clause 3 (cont.)" and its title (its height:
        the label, "Clause 999 (cont.)" at most, always takes one line, no more than the title)."""
        def write(r: int) -> None:
            put(self.ws, r, 1, "", "ts_clause_cont")
            put(self.ws, r, 2, label, "ts_clause_cont")
            put(self.ws, r, 3, title, "ts_clause_cont")
        return Row(wrapped_height(title, WIDTHS["C"], 10, bold=True), write)

    def signature(self, party: str) -> Row:
        def write(r: int) -> None:
            put(self.ws, r, 2, party, "ts_item")
            put(self.ws, r, 3, SIGNATURE_LINE, "ts_signature")
        return Row(max(26.0, wrapped_height(party, WIDTHS["B"], TEXT_POINTS, bold=True)), write)  # room to sign


def write_terms(ws: Worksheet, scenario: Any, *, title_rows: list[tuple[str, str]], banner: str = "") -> None:
    """Fill the term-sheet sheet; ``title_rows`` are (text, style) lines above the column headers, first page only."""
    doc = scenario.document
    meta = doc.metadata
    rows = _Rows(ws)
    width = sum(WIDTHS.values())
    for r, (text, style) in enumerate(title_rows, start=1):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(WIDTHS))
        put(ws, r, 1, text, style)
        ws.row_dimensions[r].height = wrapped_height(text, width, 16 if style == "ts_title" else 11, bold=True)
    header_row = len(title_rows) + 1
    for col, head in enumerate(("No.", "Item", "Text"), start=1):
        put(ws, header_row, col, head, "ts_header")
    ws.row_dimensions[header_row].height = HEADER_HEIGHT
    pager = Pager(ws, header_row + 1, HEADER_HEIGHT)
    pager.used = sum(ws.row_dimensions[r].height for r in range(1, header_row))

    rendered = [render_clause(c, doc) for c in doc.clauses]
    provisions = final_provisions(doc)
    used = " ".join(rc.plain_text() for rc in rendered) + " ".join(
        "".join(s.plain() for s in segs) for _, segs in provisions)

    common = common_terms(doc.clauses)
    heading = "Definitions and common terms" if common else "Definitions"
    block = [rows.heading("0", heading)]
    block += [rows.item(f"0.{k}", term, segs) for k, (term, segs) in enumerate(definitions(used) + common, start=1)]
    block.append(rows.comment([Segment(CONVENTIONS)]))
    pager.block(block, [rows.continued("0 (cont.)", heading)])
    if not doc.clauses:
        pager.gap(CLAUSE_GAP)
        pager.block([rows.comment([Segment(NO_CLAUSES)], "ts_legal", TEXT_POINTS)])

    footnotes = 0
    for n, (clause, rc) in enumerate(zip(doc.clauses, rendered), start=1):
        status, style = clause.status.value.capitalize(), f"ts_status_{clause.status.value}"
        marks, notes = "", []
        for note in rc.footnotes:
            footnotes += 1
            marks += footnote_mark(footnotes)
            notes.append(rows.comment([Segment(f"{footnote_mark(footnotes)} {note}")], "ts_footnote", 8.5))
        block = [rows.heading(str(n), f"{rc.heading}: {clause.title}{marks}", status, style)]
        block += _numbered(rows, str(n), zip(rc.items, rc.paragraphs), leave_out=common_items(clause))
        if rc.commentary:  # one unlettered line: note, what is modelled, status
            block.append(rows.comment([seg for k, para in enumerate(rc.commentary)
                                       for seg in ([Segment("  ")] if k else []) + para]))
        block += notes
        pager.gap(CLAUSE_GAP)
        pager.block(block, [rows.continued(f"Clause {n} (cont.)", clause.title)])

    n = str(len(doc.clauses) + 1)
    block = [rows.heading(n, "Final provisions")] + _numbered(rows, n, provisions)
    pager.gap(CLAUSE_GAP)
    pager.block(block, [rows.continued(f"{n} (cont.)", "Final provisions")])
    block = [rows.comment([Segment("Signed for the Parties, ad referendum:")], "ts_section", 11.0)]
    block += [rows.signature(f"For {in_sentence_name(p.name)}") for p in members(doc)]
    pager.gap(CLAUSE_GAP)
    pager.block(block, [rows.continued("", "Signatures (cont.)")])
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=header_row,
               freeze=f"A{header_row + 1}", widths=WIDTHS, banner=banner)


def _numbered(rows: _Rows, n: str, items: Any, leave_out: set[str] = frozenset()) -> list[Row]:
    """Item rows numbered ``n.1``, ``n.2``...; a paragraph continuing an item gets no number; the items named in
    ``leave_out`` (and their continuing paragraphs) are left out."""
    out, k, current = [], 0, ""
    for item, segments in items:
        current = item or current
        if current in leave_out:
            continue
        if item:
            k += 1
        out.append(rows.item(f"{n}.{k}" if item else "", item, segments))
    return out
