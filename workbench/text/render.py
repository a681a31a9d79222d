"""Render a clause's legal text from its kind's template: parameters in words, brackets as negotiators write them."""

from __future__ import annotations

from typing import Any, Callable

from workbench.document import Bracket, Money
from workbench.document.clauses import CLAUSE_KIND_LABELS, ClauseKind, CostSharingRule, VolumeBasis
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateParagraph, load_template
from workbench.text.words import (
    Stacked, Value, join_words, mineral_of, names, figure, param, price_parts, region_name, share_parts, text,
    volume_parts, years_parts,
)

COMMON_TEMPLATE = "common"

COMMON_PARAMS = {"parties", "party_word", "mineral", "stage", "start_year", "duration_years", "cost_sharing",
                 "review_after_years", "text_note", "options", "status", "proposed_by", "reservations", "round_introduced"}
KIND_PARAMS: dict[str, set[str]] = {
    "border_floor": {"floor_price"},
    "price_gap_subsidy": {"floor_price", "eligible_producers", "upside_share", "volume_cap"},
    "cfd": {"strike_price", "rebate_threshold", "clawback_share", "volume_scope", "contracted_volume",
            "eligible_producers"},
    "purchase": {"annual_volume", "agreed_price", "premium_share", "sources", "budget_cap", "storage_cost_rate"},
    "tariff": {"rate", "exporters"},
}

_SHARING_TEXT = {
    CostSharingRule.OWN: "Each Party shall bear the cost of, and retain any revenue from, the measures it applies "
                         "under this clause.",
    CostSharingRule.GDP: "The Parties shall share the net fiscal cost of this clause in proportion to their gross "
                         "domestic product.",
    CostSharingRule.CONSUMPTION: "The Parties shall share the net fiscal cost of this clause in proportion to their "
                                 "consumption of the mineral.",
    CostSharingRule.IMPORTS: "The Parties shall share the net fiscal cost of this clause in proportion to their "
                             "imports of the mineral.",
}




def render_clause(clause: Any, document: Any) -> RenderedClause:
    """The legal text of ``clause``; ``document`` (a ScenarioDocument or Scenario) gives partner and mineral names."""
    doc = getattr(document, "document", document)
    kind = clause.kind if isinstance(clause.kind, str) else clause.kind.value
    mineral = mineral_of(doc, clause.mineral)
    values = _common_values(clause, doc, mineral)
    values.update(_KIND_VALUES[kind](clause, doc))
    allowed = frozenset(COMMON_PARAMS | KIND_PARAMS[kind])
    paragraphs: list[list[Segment]] = []
    for name in (kind, COMMON_TEMPLATE):
        for tp in load_template(name, allowed):
            paragraphs.extend(_fill(tp, values))
    heading = f"{CLAUSE_KIND_LABELS[ClauseKind(kind)]} - {mineral.name if mineral else clause.mineral}"
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
    cs = clause.cost_sharing
    if cs.rule is CostSharingRule.FIXED:
        shares = [f"{region_name(doc, c)} {figure(round(s * 100, 6))} per cent" for c, s in cs.shares.items()]
        sharing = f"The Parties shall share the net fiscal cost of this clause as follows: {join_words(shares)}."
    else:
        sharing = _SHARING_TEXT[cs.rule]
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
        "cost_sharing": text(sharing),
        "review_after_years": param(clause.review_after_years, years_parts),
        "text_note": text(clause.text_note),
        "options": text("; ".join(options)),
        "status": text(clause.status.value.capitalize()),
        "proposed_by": text(clause.proposed_by),
        "reservations": text(reservations),
        "round_introduced": text(str(clause.round_introduced)),
    }


def _border_floor(c: Any, doc: Any) -> dict[str, Value]:
    return {"floor_price": param(c.floor_price, price_parts)}


def _price_gap(c: Any, doc: Any) -> dict[str, Value]:
    upside = c.upside_share
    return {
        "floor_price": param(c.floor_price, price_parts),
        "eligible_producers": names(doc, c.eligible_producers or c.parties),
        "upside_share": None if not isinstance(upside, Bracket) and upside == 0 else param(upside, share_parts),
        "volume_cap": param(c.volume_cap, volume_parts),
    }


def _cfd(c: Any, doc: Any) -> dict[str, Value]:
    fixed = c.volume_basis is VolumeBasis.FIXED_VOLUME
    return {
        "strike_price": param(c.strike_price, price_parts),
        "rebate_threshold": param(c.rebate_threshold, price_parts),
        "clawback_share": param(c.clawback_share, share_parts),
        "volume_scope": text("each unit of the Contracted Volume" if fixed
                              else "each unit of eligible output produced in the settlement period"),
        "contracted_volume": param(c.contracted_volume, volume_parts),
        "eligible_producers": names(doc, c.eligible_producers or c.parties),
    }


def _purchase(c: Any, doc: Any) -> dict[str, Value]:
    cap: Money | None = c.budget_cap
    return {
        "annual_volume": param(c.annual_volume, volume_parts),
        "agreed_price": param(c.agreed_price, price_parts),
        "premium_share": param(c.premium_share, share_parts),
        "sources": names(doc, c.sources),
        "budget_cap": text(cap.label() if cap is not None else None),
        "storage_cost_rate": param(c.storage_cost_rate, share_parts),
    }


def _tariff(c: Any, doc: Any) -> dict[str, Value]:
    return {"rate": param(c.rate, share_parts), "exporters": names(doc, c.exporters)}


_KIND_VALUES: dict[str, Callable[[Any, Any], dict[str, Value]]] = {
    "border_floor": _border_floor, "price_gap_subsidy": _price_gap, "cfd": _cfd, "purchase": _purchase,
    "tariff": _tariff,
}
