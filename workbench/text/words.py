"""Parameters in words: figures, prices, shares and lists of parties, with brackets kept as segments."""

from __future__ import annotations

from typing import Any, Callable

from workbench.document import Bracket, Price, Volume
from workbench.document.clauses import CostSharing, CostSharingRule
from workbench.document.quantities import figure, price_figure
from workbench.instrument_kinds import FieldType, Param, kind_of
from workbench.text.segments import Segment

REGION_NAMES = {"CN": "China", "ROW": "the rest of the world"}


Value = list[Segment] | None


def price_parts(p: Price) -> tuple[str, str, str]:
    """A price as (prefix, figure, suffix): ``USD ``, ``110``, ``/kg``."""
    return f"{p.currency.value} ", price_figure(p.amount), f"/{p.per.value}"


def volume_parts(v: Volume) -> tuple[str, str, str]:
    """A volume as (prefix, figure, suffix), without spurious decimals: whole units from 100 up (``133 t`` for
    133.333), one decimal below 100, three significant digits below 1."""
    return "", volume_figure(v.amount), f" {v.unit.value}"


def volume_figure(x: float) -> str:
    """A physical volume as drafted (see ``volume_parts``)."""
    if abs(x) >= 100:
        return f"{round(x):,}"
    if abs(x) >= 1:
        return figure(round(x, 1))
    return figure(float(f"{x:.3g}"))


def share_parts(x: float) -> tuple[str, str, str]:
    """A share 0..1 in per cent, as (prefix, figure, suffix); at most two decimals (``33.33 per cent``)."""
    return "", figure(round(x * 100, 2)), " per cent"


def money_words(amount: float, currency: str) -> str:
    """A sum as drafted: ``USD 12 billion``, ``USD 125 million``, ``USD 950,000``; a sum that rounds to a thousand
    million (to the three decimals shown) is written in billions."""
    billions = round(amount / 1e9, 3)
    if abs(billions) >= 1:
        return f"{currency} {figure(billions)} billion"
    if abs(amount) >= 1e6:
        return f"{currency} {figure(round(amount / 1e6, 3))} million"
    return f"{currency} {price_figure(amount)}"


def years_parts(n: int) -> tuple[str, str, str]:
    """A number of years, as (prefix, figure, suffix)."""
    return "", str(n), " year" if n == 1 else " years"


def param(value: Any, parts: Callable[[Any], tuple[str, str, str]]) -> Value:
    """A parameter as segments: plain text, or its alternatives within the sentence as negotiators write them,
    each whole and with its proponent: ``[Alt 1: USD 110/kg (US)] [Alt 2: USD 120/kg (EU)]``."""
    if value is None:
        return None
    if not isinstance(value, Bracket):
        return [Segment("".join(parts(value)))]
    out: list[Segment] = []
    for i, o in enumerate(value.options):
        if i:
            out.append(Segment(" "))
        who = f" ({o.proposed_by})" if o.proposed_by else ""
        out.append(Segment(f"{alt_name(value, o.label)}: {''.join(parts(o.value))}{who}", bracketed=True,
                           option=o.label, proposed_by=o.proposed_by))
    return out


def alt_name(bracket: Bracket, label: str) -> str:
    """``Alt 2`` for the second option of ``bracket`` (options are numbered in the order tabled)."""
    return f"Alt {[o.label for o in bracket.options].index(label) + 1}"


def region_name(doc: Any, code: str) -> str:
    """The name of a partner (or of CN / ROW) as it reads in a sentence: ``the United States``, ``Japan``."""
    for p in doc.partners:
        if p.code == code:
            return in_sentence_name(p.name)
    return REGION_NAMES.get(code, code)


#: Names of economies that take the article in English ("the United States", "the Netherlands").
_ARTICLE_STARTS = ("united ", "european ", "republic ", "russian ", "democratic ", "czech ", "dominican ",
                   "netherlands", "philippines", "gambia", "bahamas", "kingdom ", "federal ", "state of ", "people's ")
_ARTICLE_ENDS = (" islands", " republic", " union", " federation", " emirates", " states", " kingdom")


def in_sentence_name(name: str) -> str:
    """``the United States``, ``the European Union``, ``Japan``: the article where English uses one."""
    low = name.lower()
    if low.startswith("the ") or not name[:1].isalpha():
        return name
    return f"the {name}" if low.startswith(_ARTICLE_STARTS) or low.endswith(_ARTICLE_ENDS) else name


def mineral_in_sentence(name: str) -> str:
    """A mineral's name mid-sentence: ``nickel`` for "Nickel", but ``NdPr oxide``, ``PGMs`` and a chemical symbol
    (``Sb oxide``: a first word of two letters) as written."""
    first = name.split(" ", 1)[0]
    if len(first) > 2 and first[0].isupper() and first[1:].islower():
        return name[0].lower() + name[1:]
    return name


def names(doc: Any, codes: list[str]) -> list[Segment] | None:
    """A list of parties in words, or None when empty."""
    if not codes:
        return None
    return [Segment(join_words([region_name(doc, c) for c in codes]))]


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def mineral_of(doc: Any, mineral_id: str) -> Any:
    """The scenario's mineral with this id (None when unknown)."""
    return next((m for m in doc.minerals if m.id == mineral_id), None)


def text(s: str | None) -> list[Segment] | None:
    """Plain text as one segment (None stays None: no value)."""
    return None if s is None else [Segment(s)]


_SHARING_WORDS = {
    CostSharingRule.OWN: "Each Party shall bear the cost of, and retain any revenue from, the measures it applies "
                         "under this clause.",
    CostSharingRule.GDP: "The Parties shall share the net fiscal cost of this clause in proportion to their gross "
                         "domestic product.",
    CostSharingRule.CONSUMPTION: "The Parties shall share the net fiscal cost of this clause in proportion to their "
                                 "consumption of the mineral.",
    CostSharingRule.IMPORTS: "The Parties shall share the net fiscal cost of this clause in proportion to their "
                             "imports of the mineral.",
}


def cost_sharing_words(sharing: CostSharing, doc: Any) -> str:
    """The cost-sharing rule in words, as both the legal text and the term sheet state it."""
    if sharing.rule is CostSharingRule.FIXED:
        shares = [region_name(doc, c) + " " + "".join(share_parts(s)) for c, s in sharing.shares.items()]
        return f"The Parties shall share the net fiscal cost of this clause as follows: {join_words(shares)}."
    return _SHARING_WORDS[sharing.rule]


def kind_values(clause: Any, doc: Any, legal: bool = False) -> dict[str, Value]:
    """The words of a clause's kind-specific parameters, by template placeholder (workbench.instrument_kinds).

    ``legal``: as the legal text shows them (a parameter declared ``omit_zero`` is left out at a plain zero).
    """
    out: dict[str, Value] = {}
    for p in kind_of(clause).params:
        value = getattr(clause, p.name)
        if p.type is FieldType.CHOICE:
            words = next((c.words for c in p.choices if c.value == getattr(value, "value", value)), "")
            if words:
                out[p.template_name] = text(words)
            continue
        if legal and p.omit_zero and not isinstance(value, Bracket) and value == 0:
            out[p.template_name] = None
            continue
        out[p.template_name] = _param_words(p, value, clause, doc)
    return out


def _param_words(p: Param, value: Any, clause: Any, doc: Any) -> Value:
    if p.type is FieldType.REGIONS:
        return names(doc, value or (clause.parties if p.default_to_parties else []))
    if p.type is FieldType.MONEY:
        return text(money_words(value.amount, value.currency.value) if value is not None else None)
    if p.type is FieldType.RELEASE_RULE:
        return text(release_rule_words(value) if value is not None else None)
    parts = {FieldType.PRICE: price_parts, FieldType.SHARE: share_parts, FieldType.VOLUME: volume_parts}[p.type]
    return param(value, parts)


def release_rule_words(rule: Any) -> str:
    """A stockpile's release rule as one sentence of the legal text (after "The stock shall be released")."""
    when = []
    if rule.on_stress:
        when.append("while the Parties declare a supply disruption of the mineral")
    if rule.price_trigger is not None:
        when.append(f"when its market price exceeds {figure(rule.price_trigger)} times the Reference Price")
    rate = []
    if rule.max_release is not None:
        rate.append(f"{rule.max_release.label()} a year")
    if rule.max_days_of_cover is not None:
        rate.append(f"{figure(rule.max_days_of_cover)} days of the receiving Parties' consumption a year")
    who = ("in proportion to their shortfall" if rule.allocation.value == "need"
           else "in proportion to their shares of the cost of this clause")
    less = " (whichever is less)" if len(rate) > 1 else ""
    out = (f"{' or '.join(when)}, at a rate not exceeding {' or '.join(rate)}{less}, for sale at the market price to "
           f"manufacturers in the Parties {who}")
    if rule.suspend_purchases:
        out += "; purchases under this clause shall be suspended during a release"
    if rule.replenish:
        refill = f"at up to {rule.replenish_rate.label()} a year" if rule.replenish_rate is not None \
            else "at the same rate"
        out += f"; the tonnes released shall be bought back {refill} once the release ends"
    return out
