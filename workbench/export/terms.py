"""The term sheet proper: definitions, then each clause numbered with its items and legal text, brackets styled."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put, put_segments
from workbench.export.page import setup_page, wrapped_height
from workbench.text import Segment, clause_items, definitions, render_clause

HEADER_ROW = 4
WIDTHS = {"A": 7, "B": 24, "C": 100, "D": 16}
HEADING_POINTS = 13.0  # 11 pt bold wraps like 13 pt regular


def write_terms(ws: Worksheet, scenario: Any) -> None:
    """Fill the term-sheet sheet: one block per clause, numbered 1, 1.1, 1.2, ..."""
    doc = scenario.document
    meta = doc.metadata
    put(ws, 1, 1, "Term sheet", "ts_title")
    put(ws, 2, 1, meta.title, "ts_subtitle")
    put(ws, 3, 1, meta.classification, "ts_marking")
    for col, head in enumerate(("No.", "Item", "Text", "Status"), start=1):
        put(ws, HEADER_ROW, col, head, "ts_header")
    r = HEADER_ROW + 1
    put(ws, r, 1, "0", "ts_clause")
    put(ws, r, 2, "Definitions", "ts_clause")
    put(ws, r, 3, "", "ts_clause")
    put(ws, r, 4, "", "ts_clause")
    for i, text in enumerate(definitions(), start=1):
        r += 1
        _row(ws, r, f"0.{i}", "", [Segment(text)], "")
    for n, clause in enumerate(doc.clauses, start=1):
        r += 2
        rendered = render_clause(clause, doc)
        status = clause.status.value
        put(ws, r, 1, str(n), "ts_clause")
        put(ws, r, 2, clause.title, "ts_clause")
        put(ws, r, 3, rendered.heading, "ts_clause")
        put(ws, r, 4, status.capitalize(), f"ts_status_{status}")
        ws.row_dimensions[r].height = max(wrapped_height(clause.title, WIDTHS["B"], HEADING_POINTS),
                                          wrapped_height(rendered.heading, WIDTHS["C"], HEADING_POINTS))
        items = clause_items(clause, doc)
        for k, (name, segments) in enumerate(items, start=1):
            r += 1
            _row(ws, r, f"{n}.{k}", name, segments, status.capitalize() if name == "Status" else "",
                 f"ts_status_{status}" if name == "Status" else "ts_text")
        letters = "abcdefghijklmnopqrstuvwxyz"
        for j, para in enumerate(rendered.paragraphs):
            r += 1
            number = f"{n}.{len(items) + 1}" if j == 0 else ""
            _row(ws, r, number, "Legal text" if j == 0 else "", para, "", prefix=f"({letters[j % 26]}) ")
    setup_page(ws, marking=meta.classification, title=meta.title, header_rows=(HEADER_ROW, HEADER_ROW),
               freeze=f"A{HEADER_ROW + 1}", widths=WIDTHS)


def _row(ws: Worksheet, r: int, number: str, item: str, segments: list[Segment], status: str,
         status_style: str = "ts_text", prefix: str = "") -> None:
    put(ws, r, 1, number, "ts_label")
    put(ws, r, 2, item, "ts_label")
    put_segments(ws, r, 3, segments, "ts_text", prefix=prefix)
    put(ws, r, 4, status, status_style)
    text = prefix + "".join(s.plain() for s in segments)
    ws.row_dimensions[r].height = max(wrapped_height(text, WIDTHS["C"]), wrapped_height(item, WIDTHS["B"]))
