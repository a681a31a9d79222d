"""Safe cell writing: scenario text always lands as literal text, never a formula, error value or hyperlink."""

from __future__ import annotations

import math
from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.styles import ROUNDS_TO_ZERO
from workbench.text import Segment

#: First characters that make Excel or LibreOffice read typed text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Excel's cell text limit.
MAX_CELL_CHARS = 32_767
AMBER = "FF8A4600"


def clean(text: str) -> str:
    """Text Excel can store: control characters XML forbids become U+FFFD; cut to the cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "\u2026"


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as something other than text if typed in."""
    return text.startswith(FORMULA_STARTS) or text.strip().upper() in ERROR_CODES or text.startswith("#")


#: Per workbook, the style array of each named style once applied: openpyxl looks a named style up by a linear
#: search on every assignment, which dominated the export of long term sheets.
_STYLE_ARRAYS: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()


def set_style(cell: Cell, style: str) -> None:
    """Give ``cell`` the named style ``style`` (as ``cell.style = style``, cached)."""
    arrays = _STYLE_ARRAYS.setdefault(cell.parent.parent, {})
    array = arrays.get(style)
    if array is None:
        cell.style = style
        arrays[style] = copy(cell._style)
    else:
        cell._style = copy(array)


def put(ws: Worksheet, row: int, col: int, value: Any, style: str | None = None) -> Cell:
    """Write ``value`` into a cell: text as literal text, numbers only when finite, ``None`` as empty."""
    cell = ws.cell(row=row, column=col)
    if style is not None:
        set_style(cell, style)        # first: a named style resets quotePrefix
    if isinstance(value, str):
        text = clean(value)
        cell.value = text
        cell.data_type = "s"          # never 'f' (formula) or 'e' (error), whatever the text starts with
        if needs_quote(text):
            cell.quotePrefix = True   # and it stays text when someone edits the cell
    elif isinstance(value, bool) or value is None:
        cell.value = value
    else:
        number = float(value)
        cell.value = number if math.isfinite(number) else None
        if style in ROUNDS_TO_ZERO and number != 0 and round(abs(number) / ROUNDS_TO_ZERO[style][1], 1) == 0:
            set_style(cell, ROUNDS_TO_ZERO[style][0])   # shown as 0.0 without a sign, never -0.0
    return cell


def put_segments(ws: Worksheet, row: int, col: int, segments: list[Segment], style: str | None = None) -> Cell:
    """Write clause text with its brackets: bracketed runs in bold amber, as rich text (never a formula), in the
    font and size of the cell's style."""
    plain = "".join(s.plain() for s in segments)
    if not any(s.bracketed for s in segments):
        return put(ws, row, col, plain, style)
    cell = ws.cell(row=row, column=col)
    if style is not None:
        set_style(cell, style)
    font = cell.font                  # the style's (a workbook's Normal style too has a name and a size)
    plain_font = InlineFont(rFont=font.name, sz=font.sz, i=font.i, color=font.color)
    bracket_font = InlineFont(b=True, color=AMBER, rFont=font.name, sz=font.sz, i=font.i)
    cell.value = CellRichText([TextBlock(bracket_font if s.bracketed else plain_font, clean(s.plain()))
                               for s in segments])
    if needs_quote(plain):
        cell.quotePrefix = True
    return cell
