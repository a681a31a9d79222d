"""Rendered clause text as segments (plain or bracketed, per option) with plain-text and HTML forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

#: Inline style of bracketed (not agreed) text in the HTML preview: Qt rich text understands these properties.
BRACKET_STYLE = "background-color:#fff0c2; color:#7a3e00; font-weight:bold"
LABEL_STYLE = "color:#7a3e00; font-weight:bold"


@dataclass(frozen=True)
class Segment:
    """A run of clause text; ``bracketed`` when not agreed, ``option`` the label of the alternative it belongs to.

    ``label`` marks the "Option A" heading of a stacked alternative (its text is the label itself).
    """

    text: str
    bracketed: bool = False
    option: str | None = None
    proposed_by: str | None = None
    label: bool = False

    def plain(self) -> str:
        """The segment as negotiators write it: ``[text]`` when bracketed, ``Option A: `` for a label."""
        if self.label:
            return f"{self.text}: "
        return f"[{self.text}]" if self.bracketed else self.text


@dataclass(frozen=True)
class RenderedClause:
    """The legal text of one clause: a heading and paragraphs of segments.

    A paragraph that starts with a label segment is one stacked alternative ("Option A: ...") of the paragraph
    before or after it with the same text elsewhere.
    """

    clause_id: str
    heading: str
    title: str
    status: str
    paragraphs: list[list[Segment]] = field(default_factory=list)

    def paragraph_text(self, index: int) -> str:
        """One paragraph as plain text with brackets."""
        return "".join(s.plain() for s in self.paragraphs[index])

    def plain_text(self) -> str:
        """Heading and paragraphs as plain text, brackets as ``[110][120]``, alternatives as ``Option A: ...``."""
        lines = [self.heading, ""]
        previous_stacked = False
        for i, para in enumerate(self.paragraphs):
            stacked = bool(para) and para[0].label
            if i and not (stacked and previous_stacked):
                lines.append("")
            lines.append(self.paragraph_text(i))
            previous_stacked = stacked
        return "\n".join(lines).strip("\n") + "\n"

    def html(self) -> str:
        """HTML for a Qt rich-text preview: bracketed text styled, every piece of scenario text escaped."""
        out = [f"<h3>{escape(self.heading)}</h3>", f"<p><i>{escape(self.title)}</i></p>"]
        for para in self.paragraphs:
            out.append("<p>" + "".join(_segment_html(s) for s in para) + "</p>")
        return "\n".join(out)


def _segment_html(s: Segment) -> str:
    if s.label:
        who = f" (proposed by {escape(s.proposed_by)})" if s.proposed_by else ""
        return f'<span style="{LABEL_STYLE}">{escape(s.text)}{who}:</span> '
    if not s.bracketed:
        return escape(s.text)
    mark = ""
    if s.option:
        mark = f"<sup>{escape(s.option)}{' ' + escape(s.proposed_by) if s.proposed_by else ''}</sup>"
    return f'<span style="{BRACKET_STYLE}">[{escape(s.text)}]</span>{mark}'
