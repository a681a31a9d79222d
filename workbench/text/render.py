"""Render a clause's legal text from its kind's template: parameters in words, brackets as negotiators write them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from workbench.document import Bracket, Money, Price, Volume
from workbench.document.clauses import CLAUSE_KIND_LABELS, ClauseKind, CostSharingRule, VolumeBasis
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateParagraph, load_template

COMMON_TEMPLATE = "common"
REGION_NAMES = {"CN": "China", "ROW": "the rest of the world"}

COMMON_PARAMS = {"parties", "party_word", "mineral", "stage", "start_year", "duration_years", "cost_sharing", "review_after_years",
                 "text_note", "options", "status", "proposed_by", "reservations", "round_introduced"}
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


@dataclass(frozen=True)
class Stacked:
    """A bracketed parameter whose options differ in more than a figure: the paragraph is stacked per option."""

    options: tuple[tuple[str, str | None, str], ...]  # (label, proposed_by, full text)
    selected: str


Value = list[Segment] | Stacked | None


def render_clause(clause: Any, document: Any) -> RenderedClause:
    """The legal text of ``clause``; ``document`` (a ScenarioDocument or Scenario) gives partner and mineral names."""
    doc = getattr(document, "document", document)
    kind = clause.kind if isinstance(clause.kind, str) else clause.kind.value
    mineral = _mineral(doc, clause.mineral)
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


# ---------------------------------------------------------------- parameters in words

def num(x: float) -> str:
    """A figure as drafted: thousands separators, no trailing zeros."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) < 1000 else f"{x:,.2f}"


def _price_parts(p: Price) -> tuple[str, str, str]:
    return f"{p.currency.value} ", num(p.amount), f"/{p.per.value}"


def _volume_parts(v: Volume) -> tuple[str, str, str]:
    return "", num(v.amount), f" {v.unit.value}"


def _share_parts(x: float) -> tuple[str, str, str]:
    return "", num(round(x * 100, 6)), " per cent"


def _years_parts(n: int) -> tuple[str, str, str]:
    return "", str(n), " year" if n == 1 else " years"


def _param(value: Any, parts: Callable[[Any], tuple[str, str, str]]) -> Value:
    """A parameter as segments: plain text, inline brackets ``USD [110][120]/kg`` or a stacked alternative."""
    if value is None:
        return None
    if not isinstance(value, Bracket):
        return [Segment("".join(parts(value)))]
    split = [(o.label, o.proposed_by, parts(o.value)) for o in value.options]
    prefixes = {p[0] for _, _, p in split}
    suffixes = {p[2] for _, _, p in split}
    if len(prefixes) == 1 and len(suffixes) == 1:
        return [Segment(prefixes.pop())] + [Segment(p[1], bracketed=True, option=lab, proposed_by=who)
                                            for lab, who, p in split] + [Segment(suffixes.pop())]
    return Stacked(tuple((lab, who, "".join(p)) for lab, who, p in split), value.selected)


def _region_name(doc: Any, code: str) -> str:
    for p in doc.partners:
        if p.code == code:
            return p.name
    return REGION_NAMES.get(code, code)


def _names(doc: Any, codes: list[str]) -> list[Segment] | None:
    if not codes:
        return None
    names = [_region_name(doc, c) for c in codes]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return [Segment(text)]


def _mineral(doc: Any, mineral_id: str) -> Any:
    return next((m for m in doc.minerals if m.id == mineral_id), None)


def _text(s: str | None) -> list[Segment] | None:
    return None if s is None else [Segment(s)]


def _common_values(clause: Any, doc: Any, mineral: Any) -> dict[str, Value]:
    cs = clause.cost_sharing
    if cs.rule is CostSharingRule.FIXED:
        shares = [f"{_region_name(doc, c)} {num(round(s * 100, 6))} per cent" for c, s in cs.shares.items()]
        joined = shares[0] if len(shares) == 1 else ", ".join(shares[:-1]) + " and " + shares[-1]
        sharing = f"The Parties shall share the net fiscal cost of this clause as follows: {joined}."
    else:
        sharing = _SHARING_TEXT[cs.rule]
    reserved = clause.reserved_by
    reservations = ""
    if reserved:
        reservations = "; " + (reserved[0] + " reserves" if len(reserved) == 1
                               else ", ".join(reserved[:-1]) + " and " + reserved[-1] + " reserve")
    options = []
    for name in clause.bracketed_parameters():
        br = getattr(clause, name)
        who = ", ".join(f"Option {o.label}" + (f" proposed by {o.proposed_by}" if o.proposed_by else "")
                        for o in br.options)
        options.append(f"{name.replace('_', ' ')} ({who}; Option {br.selected} modelled)")
    return {
        "parties": _names(doc, clause.parties),
        "party_word": _text("Parties" if len(clause.parties) > 1 else "Party"),
        "mineral": _text(mineral.name if mineral else clause.mineral),
        "stage": _text(mineral.stage.value.replace("_", " ") if mineral else "as specified by the Parties"),
        "start_year": _text(str(clause.start_year)),
        "duration_years": _param(clause.duration_years, _years_parts),
        "cost_sharing": _text(sharing),
        "review_after_years": _param(clause.review_after_years, _years_parts),
        "text_note": _text(clause.text_note),
        "options": _text("; ".join(options)),
        "status": _text(clause.status.value.capitalize()),
        "proposed_by": _text(clause.proposed_by),
        "reservations": _text(reservations),
        "round_introduced": _text(str(clause.round_introduced)),
    }


def _border_floor(c: Any, doc: Any) -> dict[str, Value]:
    return {"floor_price": _param(c.floor_price, _price_parts)}


def _price_gap(c: Any, doc: Any) -> dict[str, Value]:
    upside = c.upside_share
    return {
        "floor_price": _param(c.floor_price, _price_parts),
        "eligible_producers": _names(doc, c.eligible_producers or c.parties),
        "upside_share": None if not isinstance(upside, Bracket) and upside == 0 else _param(upside, _share_parts),
        "volume_cap": _param(c.volume_cap, _volume_parts),
    }


def _cfd(c: Any, doc: Any) -> dict[str, Value]:
    fixed = c.volume_basis is VolumeBasis.FIXED_VOLUME
    return {
        "strike_price": _param(c.strike_price, _price_parts),
        "rebate_threshold": _param(c.rebate_threshold, _price_parts),
        "clawback_share": _param(c.clawback_share, _share_parts),
        "volume_scope": _text("each unit of the Contracted Volume" if fixed
                              else "each unit of eligible output produced in the settlement period"),
        "contracted_volume": _param(c.contracted_volume, _volume_parts),
        "eligible_producers": _names(doc, c.eligible_producers or c.parties),
    }


def _purchase(c: Any, doc: Any) -> dict[str, Value]:
    cap: Money | None = c.budget_cap
    return {
        "annual_volume": _param(c.annual_volume, _volume_parts),
        "agreed_price": _param(c.agreed_price, _price_parts),
        "premium_share": _param(c.premium_share, _share_parts),
        "sources": _names(doc, c.sources),
        "budget_cap": _text(cap.label() if cap is not None else None),
        "storage_cost_rate": _param(c.storage_cost_rate, _share_parts),
    }


def _tariff(c: Any, doc: Any) -> dict[str, Value]:
    return {"rate": _param(c.rate, _share_parts), "exporters": _names(doc, c.exporters)}


_KIND_VALUES: dict[str, Callable[[Any, Any], dict[str, Value]]] = {
    "border_floor": _border_floor, "price_gap_subsidy": _price_gap, "cfd": _cfd, "purchase": _purchase,
    "tariff": _tariff,
}
