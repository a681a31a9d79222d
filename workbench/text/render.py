"""Render a clause's legal text from its kind's template: parameters in words, brackets as negotiators write them."""

from __future__ import annotations

import re
from typing import Any

from workbench.instrument_kinds import kind_of
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateParagraph, load_template
from workbench.text.words import (
    Value, alt_name, cost_sharing_words, join_words, kind_values, mineral_in_sentence, mineral_of, param,
    region_name, text, years_parts,
)

COMMON_TEMPLATE = "common"

#: The stage of the value chain as it reads after the mineral's name: "nickel (mined ore or concentrate)".
STAGE_WORDS = {"mine": "mined ore or concentrate", "refined": "refined", "separated_oxide": "separated oxide",
               "metal": "metal", "chemical": "chemical compounds"}

COMMON_PARAMS = {"parties_subject", "mineral", "stage", "start_year", "duration_years", "cost_sharing",
                 "review_after_years", "text_note", "options", "status", "proposed_by", "round_introduced"}


def kind_placeholders(kind: Any) -> set[str]:
    """The placeholders a kind's template may use besides COMMON_PARAMS: its parameters' template names."""
    return {p.template_name for p in kind_of(kind).params}


def render_clause(clause: Any, document: Any) -> RenderedClause:
    """The legal text of ``clause``; ``document`` (a ScenarioDocument or Scenario) gives partner and mineral names.

    Paragraphs a template marks ``@comment`` go to the commentary; reservations become footnotes."""
    doc = getattr(document, "document", document)
    kind = kind_of(clause)
    mineral = mineral_of(doc, clause.mineral)
    values = _common_values(clause, doc, mineral)
    values.update(kind_values(clause, doc, legal=True))
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(kind.kind))
    paragraphs: list[list[Segment]] = []
    items: list[str] = []
    commentary: list[list[Segment]] = []
    for name in (kind.template, COMMON_TEMPLATE):
        for tp in load_template(name, allowed):
            para = fill(tp, values)
            if para is None:
                continue
            if tp.commentary:
                commentary.append(para)
                continue
            items.append(tp.item if tp.item and tp.item not in items[-1:] else "")
            paragraphs.append(para)
    heading = f"{kind.label} \u2014 {mineral.name if mineral else clause.mineral}"
    return RenderedClause(clause_id=clause.id, heading=heading, title=clause.title, status=clause.status.value,
                          paragraphs=paragraphs, items=items, commentary=commentary,
                          footnotes=reservation_notes(clause))


def reservation_notes(clause: Any) -> list[str]:
    """Reservations as footnotes: "EU reserves its position on this clause."."""
    reserved = list(clause.reserved_by)
    if not reserved:
        return []
    verb = "reserves its position" if len(reserved) == 1 else "reserve their positions"
    return [f"{join_words(reserved)} {verb} on this clause."]


# ---------------------------------------------------------------- filling templates

def _has_value(v: Value) -> bool:
    return v is not None and any(s.text for s in v)


#: Square brackets in a template's own text mark wording not agreed: they become bracketed segments.
_LITERAL_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def fill(tp: TemplateParagraph, values: dict[str, Value]) -> list[Segment] | None:
    """The paragraph with its placeholders filled, or None when a condition fails or a value is missing."""
    for mode, name in tp.conditions:
        if _has_value(values.get(name)) != (mode == "if"):
            return None
    if any(values.get(n) is None for n in tp.names):
        return None
    segs: list[Segment] = []
    for i, part in enumerate(tp.parts):
        if i % 2:
            segs.extend(values[part] or [])
            continue
        for j, piece in enumerate(_LITERAL_BRACKET.split(part)):
            segs.append(Segment(piece, bracketed=bool(j % 2)))
    return _merge(segs)


def _merge(segs: list[Segment]) -> list[Segment]:
    """Join neighbouring plain segments; drop empty ones."""
    out: list[Segment] = []
    for s in segs:
        if not s.text:
            continue
        if out and not s.bracketed and not out[-1].bracketed:
            out[-1] = Segment(out[-1].text + s.text)
        else:
            out.append(s)
    return out


def _subject(parties: list[str]) -> str:
    """The subject of a clause's first sentence: "The United States" or "The Parties (Japan and the ...)"."""
    if len(parties) == 1:
        return parties[0][:1].upper() + parties[0][1:]
    return f"The Parties ({join_words(parties)})"


def _common_values(clause: Any, doc: Any, mineral: Any) -> dict[str, Value]:
    options = [f"{alt_name(getattr(clause, name), getattr(clause, name).selected)} of the {name.replace('_', ' ')}"
               for name in clause.bracketed_parameters()]
    return {
        "parties_subject": text(_subject([region_name(doc, c) for c in clause.parties])),
        "mineral": text(mineral_in_sentence(mineral.name) if mineral else clause.mineral),
        "stage": text(STAGE_WORDS.get(mineral.stage.value, mineral.stage.value) if mineral
                      else "as specified by the Parties"),
        "start_year": text(str(clause.start_year)),
        "duration_years": param(clause.duration_years, years_parts),
        "cost_sharing": text(cost_sharing_words(clause.cost_sharing, doc)),
        "review_after_years": param(clause.review_after_years, years_parts),
        "text_note": text(clause.text_note),
        "options": text(join_words(options)) if options else None,
        "status": text(clause.status.value.capitalize()),
        "proposed_by": text(clause.proposed_by),
        "round_introduced": text(str(clause.round_introduced)),
    }
