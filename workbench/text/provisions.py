"""The parts of a term sheet around the clauses: definitions of the terms used, common terms, final provisions,
signatories."""

from __future__ import annotations

import re
from typing import Any

from workbench.document.clauses import CostSharingRule
from workbench.document.scenario import PartnerRole
from workbench.text.render import fill
from workbench.text.segments import Segment
from workbench.text.templates import load_template
from workbench.text.words import in_sentence_name, join_words, text

FINAL_PARAMS = frozenset({"parties", "observers", "observer_word", "observer_verb"})
#: The items of resources/templates/common_terms.txt and when a clause's own item says no more than the common term:
#: each Party bears its own cost ("Each Party shall bear the cost of ..."), no review year ("Any Party may request a
#: review ..."), the wording of common.txt for those cases.
COMMON_ITEMS = {
    "Cost sharing": lambda clause: clause.cost_sharing.rule is CostSharingRule.OWN,
    "Review and termination": lambda clause: clause.review_after_years is None,
}
_TERM = re.compile(r'"([^"]+)"')


def definitions(used: str) -> list[tuple[str, list[Segment]]]:
    """``(term, segments)`` of the definitions in ``resources/templates/definitions.txt`` whose term (or its plural)
    occurs in ``used``, the text of the term sheet; "Parties" always."""
    out = []
    for tp in load_template("definitions", frozenset()):
        segments = fill(tp, {})
        terms = _defines(tp.parts[0])
        if segments and terms and ("Parties" in terms or any(re.search(rf"\b{re.escape(t)}s?\b", used)
                                                               for t in terms)):
            out.append((", ".join(terms), segments))
    return out


def _defines(paragraph: str) -> list[str]:
    """The quoted terms before "means"/"mean": those a definition paragraph defines."""
    head = re.split(r"\bmeans?\b", paragraph)[0]
    return _TERM.findall(head)


def defined_terms() -> list[str]:
    """Every term the definitions template defines."""
    return [t for tp in load_template("definitions", frozenset()) for t in _defines(tp.parts[0])]


def common_items(clause: Any) -> set[str]:
    """The items of ``clause`` that the common terms state for it (a term sheet prints them once, not per clause)."""
    return {item for item, holds in COMMON_ITEMS.items() if holds(clause)}


def common_terms(clauses: Any) -> list[tuple[str, list[Segment]]]:
    """``(item, segments)`` of the common terms (``resources/templates/common_terms.txt``) that at least one of
    ``clauses`` relies on."""
    used = set().union(*(common_items(c) for c in clauses))
    return [(tp.item, segments) for tp in load_template("common_terms", frozenset())
            if tp.item in used and (segments := fill(tp, {})) is not None]


def members(doc: Any) -> list[Any]:
    """The partners that sign: members of the zone (every partner when none is marked a member)."""
    return [p for p in doc.partners if p.role is PartnerRole.MEMBER] or list(doc.partners)


def final_provisions(doc: Any) -> list[tuple[str, list[Segment]]]:
    """``(item, segments)`` of the final provisions (``resources/templates/final_provisions.txt``); an item name
    is "" where a paragraph continues the item before it."""
    signing = [in_sentence_name(p.name) for p in members(doc)]
    observers = [in_sentence_name(p.name) for p in doc.partners if p.role is PartnerRole.OBSERVER]
    values = {
        "parties": text(join_words(signing)),
        "observers": text(_capital(join_words(observers))) if observers else None,
        "observer_word": text("observers" if len(observers) > 1 else "an observer"),
        "observer_verb": text("take" if len(observers) > 1 else "takes"),
    }
    out: list[tuple[str, list[Segment]]] = []
    for tp in load_template("final_provisions", FINAL_PARAMS):
        segments = fill(tp, values)
        if segments is not None:
            out.append((tp.item, segments))
    return out


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]
