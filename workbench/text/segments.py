"""Rendered clause text as segments (plain or bracketed, per option) with plain-text and HTML forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

#: Inline style of bracketed (not agreed) text in the HTML preview: Qt rich text understands these properties.
BRACKET_STYLE = "background-color:#fff0c2; color:#7a3e00; font-weight:bold"
COMMENT_STYLE = "color:#595959; font-style:italic"


@dataclass(frozen=True)
class Segment:
    """A run of clause text; ``bracketed`` when not agreed, ``option`` the label of the alternative it belongs to
    (``proposed_by`` the delegation that tabled it)."""

    text: str
    bracketed: bool = False
    option: str | None = None
    proposed_by: str | None = None

    def plain(self) -> str:
        """The segment as negotiators write it: ``[text]`` when bracketed."""
        return f"[{self.text}]" if self.bracketed else self.text


@dataclass(frozen=True)
class RenderedClause:
    """The text of one clause: legal paragraphs (each starting a term-sheet item or continuing the one before),
    commentary that is not legal text (note, what is modelled, status) and footnotes (reservations)."""

    clause_id: str
    heading: str
    title: str
    status: str
    paragraphs: list[list[Segment]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)      # per paragraph: the item it starts, "" when it continues
    commentary: list[list[Segment]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def paragraph_text(self, index: int) -> str:
        """One paragraph as plain text with brackets."""
        return "".join(s.plain() for s in self.paragraphs[index])

    def plain_text(self) -> str:
        """Heading, paragraphs, commentary and footnotes as plain text, brackets as ``[Alt 1: ...] [Alt 2: ...]``."""
        blocks = [self.heading] + [self.paragraph_text(i) for i in range(len(self.paragraphs))]
        blocks += ["".join(s.plain() for s in para) for para in self.commentary]
        blocks += [f"({i}) {note}" for i, note in enumerate(self.footnotes, start=1)]
        return "\n\n".join(blocks) + "\n"

    def html(self) -> str:
        """HTML for a Qt rich-text preview: bracketed text styled, every piece of scenario text escaped."""
        out = [f"<h3>{escape(self.heading)}</h3>", f"<p><i>{escape(self.title)}</i></p>"]
        for item, para in zip(self.items, self.paragraphs):
            lead = f"<b>{escape(item)}.</b> " if item else ""
            out.append("<p>" + lead + "".join(_segment_html(s) for s in para) + "</p>")
        for para in self.commentary:
            out.append(f'<p style="{COMMENT_STYLE}">' + "".join(_segment_html(s) for s in para) + "</p>")
        for note in self.footnotes:
            out.append(f'<p style="{COMMENT_STYLE}"><small>{escape(note)}</small></p>')
        return "\n".join(out)


def _segment_html(s: Segment) -> str:
    if not s.bracketed:
        return escape(s.text)
    return f'<span style="{BRACKET_STYLE}">[{escape(s.text)}]</span>'
