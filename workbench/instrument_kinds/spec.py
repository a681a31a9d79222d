"""The vocabulary of a kind declaration: parameters and their field types, market wedges, ledger entries."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable

from workbench.document.clauses import ClauseKind


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for the translation template (pyside6-lupdate looks for this name); the window translates it."""
    return text


class FieldType(str, Enum):
    """What a parameter holds: decides its words in the legal text and its editor widget."""

    PRICE = "price"      # a Price (currency, amount, per unit)
    SHARE = "share"      # a fraction shown in per cent, 0..``maximum``
    VOLUME = "volume"    # a Volume (amount, unit) a year
    MONEY = "money"      # an amount of money
    REGIONS = "regions"  # a list of region codes
    CHOICE = "choice"    # one of ``choices``
    RELEASE_RULE = "release_rule"  # a stock release rule (workbench.document.release.ReleaseRule) or none


class Wedge(str, Enum):
    """How a kind enters the market model (docs/model.md names the equations)."""

    PRICE_FLOOR = "price_floor"            # a minimum landed price on the pairs it covers, held by a variable levy
    AD_VALOREM = "ad_valorem"              # a duty on the exporter price on the pairs it covers
    PRODUCER_SUPPORT = "producer_support"  # a per-unit payment to eligible producers (shifts supply when marginal)
    GOVERNMENT_PURCHASE = "government_purchase"  # government demand for a volume from named sources


class Part(str, Enum):
    """Which part of an amount a ledger entry books."""

    ALL = "all"
    OUTLAYS = "outlays"    # the positive part (a payment by the government)
    RECEIPTS = "receipts"  # the negative part (a payment to the government)


@dataclass(frozen=True)
class Choice:
    """One value of a choice parameter: its editor label and, when the legal text uses it, its words there."""

    value: str
    label: str
    words: str = ""


@dataclass(frozen=True)
class Param:
    """A kind-specific parameter of a clause: the model's field, its editor label and how it is shown.

    ``optional_default`` is the value an optional parameter takes when the negotiator switches it on (None: the
    parameter is required). ``default_to_parties``: an empty list means the clause's parties. ``any_region``: codes
    may name CN and ROW as well as partners. ``placeholder`` is the legal template's name for the parameter's words
    (default the parameter's own name); ``omit_zero``: a plain zero leaves the legal text's paragraph out.
    A new clause starts with ``start`` (None: not set), scaled to the mineral's market when ``start_from_market``
    is set: a price that factor of the reference price, a volume that share of world production.
    """

    name: str
    label: str
    type: FieldType
    bracketable: bool = True
    optional_default: Any = None
    maximum: float = 1.0
    suffix: str = " %"
    default_to_parties: bool = False
    any_region: bool = False
    choices: tuple[Choice, ...] = ()
    placeholder: str = ""
    omit_zero: bool = False
    start: Any = None
    start_from_market: float | None = None

    @property
    def template_name(self) -> str:
        """The placeholder of this parameter in the kind's legal-text template."""
        return self.placeholder or self.name


@dataclass(frozen=True)
class LedgerEntry:
    """A line of the fiscal ledger a kind books: instrument key, label (export, charts) and chart colour.

    ``amount`` names what the kind's wedge computes (``levy``, ``duty``, ``support``, ``outlay``, ``storage``,
    ``stock_end``); ``part`` which sign of it this line holds; ``cash`` False for a valuation that is not a payment
    (the stock's end value).
    """

    key: str
    label: str
    colour: str
    amount: str
    part: Part = Part.ALL
    cash: bool = True


@dataclass(frozen=True)
class InstrumentKind:
    """Everything the workbench knows about one clause kind, declared once.

    ``model`` is the document's pydantic clause class; ``template`` the legal-text template in
    ``resources/templates/``; ``compile`` the engine hook that reads the resolved clause into the engine's arrays
    (``compile(clause, compiled, context)``); ``price_contingent``: its fiscal flows depend on the market price
    path (the Monte Carlo tabulates it on a fine price grid); ``rebate_probability``: the Monte Carlo reports the
    probability that its present value is negative; ``proposer_only``: a new clause binds only the proposing
    delegation (a unilateral measure), not all members.
    """

    kind: ClauseKind
    label: str
    model: type
    template: str
    id_stem: str
    params: tuple[Param, ...]
    wedge: Wedge
    ledger: tuple[LedgerEntry, ...]
    compile: Callable[[Any, Any, Any], None]
    price_contingent: bool = False
    rebate_probability: bool = False
    proposer_only: bool = False
