"""Term-sheet items of a clause (parties, instrument, mineral, price mechanism, volume, ...) as bracketed segments."""

from __future__ import annotations

import re
from typing import Any

from workbench.instrument_kinds import Variant, kind_of
from workbench.text.segments import Segment
from workbench.text.templates import load_template
from workbench.text.words import (
    Stacked, Value, cost_sharing_words, join_words, kind_values, mineral_of, names, param, years_parts,
)

#: The items of every clause, in term-sheet order.
ITEM_NAMES = ("Parties", "Instrument", "Mineral", "Price mechanism", "Volume", "Duration", "Cost sharing",
              "Review and termination", "Status")


def clause_items(clause: Any, document: Any) -> list[tuple[str, list[Segment]]]:
    """``(item name, segments)`` for each of ITEM_NAMES; brackets kept as ``[A][B]`` segments with proponents."""
    doc = getattr(document, "document", document)
    kind = kind_of(clause)
    mineral = mineral_of(doc, clause.mineral)
    values = kind_values(clause, doc)
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
        ("Instrument", [Segment(f"{kind.label}: {kind.terms.instrument}")]),
        ("Mineral", [Segment(f"{mineral.name} ({mineral.stage.value.replace('_', ' ')})" if mineral
                             else clause.mineral)]),
        ("Price mechanism", _variant(kind.terms.price, clause, values)),
        ("Volume", _variant(kind.terms.volume, clause, values)),
        ("Duration", _join(f"From 1 January {clause.start_year} for ", param(clause.duration_years, years_parts))),
        ("Cost sharing", [Segment(cost_sharing_words(clause.cost_sharing, doc))]),
        ("Review and termination", review),
        ("Status", [Segment(status)]),
    ]


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


def _variant(variants: tuple[Variant, ...], clause: Any, values: dict[str, Value]) -> list[Segment]:
    """The first wording whose condition holds, its placeholders filled with the parameters' words."""
    for v in variants:
        name, _, wanted = v.when.partition("=")
        got = getattr(clause, name) if name else True
        if (getattr(got, "value", got) == wanted) if wanted else got is not None:
            parts = re.split(r"\{([a-z_]+)\}", v.text)
            return _join(*(values.get(part) if i % 2 else part for i, part in enumerate(parts)))
    return []


def definitions() -> list[str]:
    """The definitions printed at the head of a term sheet, from ``resources/templates/definitions.txt``."""
    return [tp.parts[0] for tp in load_template("definitions", frozenset())]
