"""Plain-text layout for the command line: the terminal's width, tables with two heading lines, wrapped prose."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Sequence

NARROWEST = 60  # text is never wrapped narrower than this (a pipe, an odd terminal)
_AMOUNT = re.compile(r"\b(USD|EUR|JPY|MXN) (?=[0-9])")
_GLUE = "\u00a0"  # textwrap breaks only at ASCII whitespace


def terminal_width() -> int:
    """Columns to fit: the terminal's (or ``COLUMNS``), 100 when the output is not a terminal."""
    return max(shutil.get_terminal_size((100, 24)).columns, NARROWEST)


def wrapped(text: str, width: int, first: str = "", rest: str = "") -> str:
    """``text`` wrapped to ``width`` (numbers, clause ids and "USD 1,000/t" are never split across lines)."""
    glued = _AMOUNT.sub(rf"\1{_GLUE}", text)
    return textwrap.fill(glued, width, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False).replace(_GLUE, " ")


Column = tuple[tuple[str, str], Sequence[str]]  # (heading over two lines, a cell per row)


def table(row_labels: Sequence[str], blocks: Sequence[Sequence[Column]], width: int,
          label_heading: str = "region") -> list[str]:
    """Right-aligned columns, each as wide as its widest text plus two, under two heading lines; the ``blocks``
    (groups of columns) side by side when they fit ``width``, else one under the other with a blank line between."""
    label = max(len(label_heading), *(len(r) for r in row_labels)) + 2
    rendered = []
    for columns in blocks:
        widths = [max(len(t) for t in (*heading, *cells)) + 2 for heading, cells in columns]
        lines = [" " * label + "".join(f"{h[0]:>{w}}" for (h, _c), w in zip(columns, widths)),
                 f"{label_heading:<{label}}" + "".join(f"{h[1]:>{w}}" for (h, _c), w in zip(columns, widths))]
        lines += [f"{r:<{label}}" + "".join(f"{c[i]:>{w}}" for (_h, c), w in zip(columns, widths))
                  for i, r in enumerate(row_labels)]
        rendered.append(lines)
    if sum(len(b[0]) - label for b in rendered) + label <= width:
        return [rendered[0][i] + "".join(b[i][label:] for b in rendered[1:]) for i in range(len(rendered[0]))]
    out: list[str] = []
    for b in rendered:
        out += ([""] if out else []) + b
    return out
