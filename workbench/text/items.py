"""Term-sheet items of a clause (parties, instrument, mineral, price mechanism, volume, ...) as bracketed segments."""

from __future__ import annotations

from typing import Any

from workbench.document.clauses import CLAUSE_KIND_LABELS, ClauseKind, CostSharingRule, PriceBasis, VolumeBasis
from workbench.text.segments import Segment
from workbench.text.templates import load_template
from workbench.text.words import (
    Stacked, Value, join_words, mineral_of, names, figure, param, price_parts, region_name, share_parts, volume_parts,
    years_parts,
)

#: The items of every clause, in term-sheet order.
ITEM_NAMES = ("Parties", "Instrument", "Mineral", "Price mechanism", "Volume", "Duration", "Cost sharing",
              "Review and termination", "Status")


def clause_items(clause: Any, document: Any) -> list[tuple[str, list[Segment]]]:
    """``(item name, segments)`` for each of ITEM_NAMES; brackets kept as ``[A][B]`` segments with proponents."""
    doc = getattr(document, "document", document)
    kind = ClauseKind(clause.kind)
    mineral = mineral_of(doc, clause.mineral)
    price, volume, instrument = _KIND_ITEMS[kind](clause, doc)
    sharing = clause.cost_sharing
    if sharing.rule is CostSharingRule.FIXED:
        share_text = "Fixed shares: " + ", ".join(f"{c} {figure(round(s * 100, 6))}%" for c, s in sharing.shares.items())
    else:
        share_text = _SHARING[sharing.rule]
    review = (_join("Review after ", param(clause.review_after_years, years_parts),
                     "; suspension or termination by consensus")
              if clause.review_after_years is not None
              else [Segment("Review at the request of any Party; suspension or termination by consensus")])
    status = f"{clause.status.value.capitalize()}. Proposed by {clause.proposed_by}"
    if clause.reserved_by:
        status += f"; {join_words(clause.reserved_by)} {'reserves' if len(clause.reserved_by) == 1 else 'reserve'}"
    status += f". Round {clause.round_introduced}."
    return [
        ("Parties", names(doc, clause.parties) or []),
        ("Instrument", [Segment(f"{CLAUSE_KIND_LABELS[kind]}: {instrument}")]),
        ("Mineral", [Segment(f"{mineral.name} ({mineral.stage.value.replace('_', ' ')})" if mineral
                             else clause.mineral)]),
        ("Price mechanism", price),
        ("Volume", volume),
        ("Duration", _join(f"From 1 January {clause.start_year} for ", param(clause.duration_years, years_parts))),
        ("Cost sharing", [Segment(share_text)]),
        ("Review and termination", review),
        ("Status", [Segment(status)]),
    ]


_SHARING = {
    CostSharingRule.OWN: "Each Party bears its own cost and keeps its own revenue",
    CostSharingRule.GDP: "In proportion to the Parties' GDP",
    CostSharingRule.CONSUMPTION: "In proportion to the Parties' consumption of the mineral",
    CostSharingRule.IMPORTS: "In proportion to the Parties' imports of the mineral",
}


def _inline(v: Value) -> list[Segment]:
    """A parameter as inline segments; a stacked alternative becomes ``[full A][full B]``."""
    if isinstance(v, Stacked):
        return [Segment(t, bracketed=True, option=lab, proposed_by=who) for lab, who, t in v.options]
    return list(v or [])


def _join(*parts: str | Value) -> list[Segment]:
    """Plain strings and parameter values as one run of segments."""
    out: list[Segment] = []
    for p in parts:
        out.extend([Segment(p)] if isinstance(p, str) else _inline(p))
    return [seg for seg in out if seg.text]


def _border_floor(c: Any, doc: Any) -> tuple[list[Segment], list[Segment], str]:
    price = _join("Floor price ", param(c.floor_price, price_parts),
                  "; variable levy = max(0, floor price - landed price) on imports from non-Parties")
    return price, [Segment("All imports from non-Parties")], "minimum import price held by a variable levy"


def _price_gap(c: Any, doc: Any) -> tuple[list[Segment], list[Segment], str]:
    price = _join("Floor price ", param(c.floor_price, price_parts),
                  "; payment = max(0, floor price - reference price) per unit; upside share ",
                  param(c.upside_share, share_parts))
    producers = join_words([region_name(doc, p) for p in (c.eligible_producers or c.parties)])
    volume = (_join("Up to ", param(c.volume_cap, volume_parts), f" a year per eligible producer ({producers})")
              if c.volume_cap is not None else [Segment(f"All volumes sold or stockpiled by producers in {producers}")])
    return price, volume, "payments to eligible producers below the floor price"


def _cfd(c: Any, doc: Any) -> tuple[list[Segment], list[Segment], str]:
    price = _join("Strike price ", param(c.strike_price, price_parts), "; rebate threshold ",
                  param(c.rebate_threshold, price_parts), "; clawback ", param(c.clawback_share, share_parts),
                  " of the excess")
    if c.volume_basis is VolumeBasis.FIXED_VOLUME:
        volume = _join("Contracted volume ", param(c.contracted_volume, volume_parts), " a year")
    else:
        volume = [Segment("Every unit of eligible output")]
    return price, volume, "two-sided, with a clawback above the rebate threshold"


def _purchase(c: Any, doc: Any) -> tuple[list[Segment], list[Segment], str]:
    if c.price_basis is PriceBasis.AGREED:
        price = _join("Agreed price ", param(c.agreed_price, price_parts))
    else:
        price = _join("Reference price plus a premium of ", param(c.premium_share, share_parts))
    volume = _join(param(c.annual_volume, volume_parts),
                   f" a year from {join_words([region_name(doc, s) for s in c.sources])}"
                   + (f"; budget cap {c.budget_cap.label()}" if c.budget_cap is not None else ""))
    return price, volume, "government purchases held in stock"


def _tariff(c: Any, doc: Any) -> tuple[list[Segment], list[Segment], str]:
    exporters = join_words([region_name(doc, e) for e in c.exporters])
    price = _join("Ad valorem duty of ", param(c.rate, share_parts), f" on imports from {exporters}")
    return price, [Segment(f"All imports from {exporters}")], "ad valorem duty"


_KIND_ITEMS = {ClauseKind.BORDER_FLOOR: _border_floor, ClauseKind.PRICE_GAP_SUBSIDY: _price_gap, ClauseKind.CFD: _cfd,
               ClauseKind.PURCHASE: _purchase, ClauseKind.TARIFF: _tariff}


def definitions() -> list[str]:
    """The definitions printed at the head of a term sheet, from ``resources/templates/definitions.txt``."""
    return [tp.parts[0] for tp in load_template("definitions", frozenset())]
