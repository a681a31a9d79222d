"""Word-by-word redline of two clause texts (difflib), as plain text with markers or as HTML with ins/del."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Any

from workbench.text import render_clause

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    """A run of text that is unchanged (``equal``), only in ours (``delete``) or only in theirs (``insert``)."""

    op: str
    text: str


def clause_text(clause: Any, document: Any) -> str:
    """The clause's legal text, as the term sheet prints it."""
    return render_clause(clause, document).plain_text()


def word_diff(ours: str, theirs: str) -> list[Piece]:
    """The redline from ``ours`` to ``theirs``, word by word (whitespace kept)."""
    if ours == theirs:  # most clauses of two versions: no need to match the words
        return [Piece("equal", ours)] if ours else []
    a, b = _TOKEN.findall(ours), _TOKEN.findall(theirs)
    # the words both texts start and end with are matched as they are: difflib then only weighs the changed middle
    # (matching whole texts word by word grows with the product of their lengths)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    pieces: list[Piece] = [Piece("equal", "".join(a[:head]))] if head else []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", "".join(mid_a[i1:i2])))
        else:
            if i2 > i1:
                pieces.append(Piece("delete", "".join(mid_a[i1:i2])))
            if j2 > j1:
                pieces.append(Piece("insert", "".join(mid_b[j1:j2])))
    if tail:
        pieces.append(Piece("equal", "".join(a[len(a) - tail:])))
    # never two neighbours of one kind: the common head and tail are cut off before difflib, so its first and last
    # opcodes are never 'equal', and it never emits two changes in a row (a change is one 'replace')
    return pieces


def changed(pieces: list[Piece]) -> bool:
    """Whether the redline has any insertion or deletion."""
    return any(p.op != "equal" for p in pieces)


_MARKS = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}


def redline_text(pieces: list[Piece]) -> str:
    """Plain-text redline: ``[-deleted-]`` and ``{+inserted+}``."""
    return "".join(_MARKS[p.op].format(p.text) for p in pieces)


def changed_lines(pieces: list[Piece]) -> list[str]:
    """Only the lines of the plain-text redline that hold an insertion or deletion."""
    lines, flags = [""], [False]
    for p in pieces:
        for i, part in enumerate(_MARKS[p.op].format(p.text).split("\n")):
            if i:
                lines.append("")
                flags.append(False)
            lines[-1] += part
            flags[-1] = flags[-1] or (p.op != "equal" and bool(part.strip("[]{}+-")))
    return [line for line, flag in zip(lines, flags) if flag]


def redline_html(pieces: list[Piece]) -> str:
    """HTML redline: deletions struck through in red, insertions underlined in blue; text escaped."""
    out = []
    for p in pieces:
        text = html.escape(p.text).replace("\n", "<br/>")
        if p.op == "delete":
            out.append(f'<del style="color:#b00020;text-decoration:line-through">{text}</del>')
        elif p.op == "insert":
            out.append(f'<ins style="color:#0033aa;text-decoration:underline">{text}</ins>')
        else:
            out.append(text)
    return "".join(out)
