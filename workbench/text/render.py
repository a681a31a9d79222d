"""Render a clause's legal text from its kind's template: parameters in words, brackets as negotiators write them."""

from __future__ import annotations

from typing import Any

from workbench.instrument_kinds import kind_of
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateParagraph, load_template
from workbench.text.words import (
    Stacked, Value, cost_sharing_words, join_words, kind_values, mineral_of, names, param, text, years_parts,
)

COMMON_TEMPLATE = "common"

COMMON_PARAMS = {"parties", "party_word", "mineral", "stage", "start_year", "duration_years", "cost_sharing",
                 "review_after_years", "text_note", "options", "status", "proposed_by", "reservations",
                 "round_introduced"}


def kind_placeholders(kind: Any) -> set[str]:
    """The placeholders a kind's template may use besides COMMON_PARAMS: its parameters' template names."""
    return {p.template_name for p in kind_of(kind).params}


def render_clause(clause: Any, document: Any) -> RenderedClause:
    """The legal text of ``clause``; ``document`` (a ScenarioDocument or Scenario) gives partner and mineral names."""
    doc = getattr(document, "document", document)
    kind = kind_of(clause)
    mineral = mineral_of(doc, clause.mineral)
    values = _common_values(clause, doc, mineral)
    values.update(kind_values(clause, doc, legal=True))
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(kind.kind))
    paragraphs: list[list[Segment]] = []
    for name in (kind.template, COMMON_TEMPLATE):
        for tp in load_template(name, allowed):
            paragraphs.extend(_fill(tp, values))
    heading = f"{kind.label} - {mineral.name if mineral else clause.mineral}"
    return RenderedClause(clause_id=clause.id, heading=heading, title=clause.title,
                          status=clause.status.value, paragraphs=paragraphs)


# ---------------------------------------------------------------- filling templates

def _has_value(v: Value) -> bool:
    if v is None:
        return False
    if isinstance(v, Stacked):
        return True
    return any(s.text for s in v)


def _fill(tp: TemplateParagraph, values: dict[str, Value]) -> list[list[Segment]]:
    if tp.condition is not None:
        mode, name = tp.condition
        if _has_value(values.get(name)) != (mode == "if"):
            return []
    if any(values.get(n) is None for n in tp.names):
        return []
    stacked = {n: values[n] for n in tp.names if isinstance(values[n], Stacked)}
    if not stacked:
        return [_merge(_substitute(tp, values, None))]
    labels: list[tuple[str, str | None]] = []
    for st in stacked.values():
        for label, who, _ in st.options:  # type: ignore[union-attr]
            if label not in [lab for lab, _ in labels]:
                labels.append((label, who))
    out = []
    for label, who in sorted(labels):
        out.append([Segment(f"Option {label}", option=label, proposed_by=who, label=True)]
                   + _merge(_substitute(tp, values, label)))
    return out


def _substitute(tp: TemplateParagraph, values: dict[str, Value], label: str | None) -> list[Segment]:
    segs: list[Segment] = []
    for i, part in enumerate(tp.parts):
        if i % 2 == 0:
            segs.append(Segment(part))
            continue
        v = values[part]
        if isinstance(v, Stacked):
            chosen = next((o for o in v.options if o[0] == label), None) \
                or next(o for o in v.options if o[0] == v.selected)
            segs.append(Segment(chosen[2], bracketed=True, option=chosen[0], proposed_by=chosen[1]))
        else:
            segs.extend(v or [])
    return segs


def _merge(segs: list[Segment]) -> list[Segment]:
    """Join neighbouring plain segments; drop empty ones."""
    out: list[Segment] = []
    for s in segs:
        if not s.text:
            continue
        if out and not s.bracketed and not s.label and not out[-1].bracketed and not out[-1].label:
            out[-1] = Segment(out[-1].text + s.text)
        else:
            out.append(s)
    return out


def _common_values(clause: Any, doc: Any, mineral: Any) -> dict[str, Value]:
    reserved = clause.reserved_by
    reservations = ""
    if reserved:
        reservations = f"; {join_words(reserved)} {'reserves' if len(reserved) == 1 else 'reserve'}"
    options = []
    for name in clause.bracketed_parameters():
        br = getattr(clause, name)
        who = ", ".join(f"Option {o.label}" + (f" proposed by {o.proposed_by}" if o.proposed_by else "")
                        for o in br.options)
        options.append(f"{name.replace('_', ' ')} ({who}; Option {br.selected} modelled)")
    return {
        "parties": names(doc, clause.parties),
        "party_word": text("Parties" if len(clause.parties) > 1 else "Party"),
        "mineral": text(mineral.name if mineral else clause.mineral),
        "stage": text(mineral.stage.value.replace("_", " ") if mineral else "as specified by the Parties"),
        "start_year": text(str(clause.start_year)),
        "duration_years": param(clause.duration_years, years_parts),
        "cost_sharing": text(cost_sharing_words(clause.cost_sharing, doc)),
        "review_after_years": param(clause.review_after_years, years_parts),
        "text_note": text(clause.text_note),
        "options": text("; ".join(options)),
        "status": text(clause.status.value.capitalize()),
        "proposed_by": text(clause.proposed_by),
        "reservations": text(reservations),
        "round_introduced": text(str(clause.round_introduced)),
    }
