"""Clause kinds a negotiator drafts, each with typed, range-checked parameters."""

from __future__ import annotations

from enum import Enum
from itertools import product
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from workbench.document.brackets import Bracket, Bracketable, PartnerCode, is_bracketed, resolve
from workbench.document.quantities import Money, Price, Volume
from workbench.document.release import ReleaseRule

ClauseId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
MineralId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,39}$")]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
TariffRate = Annotated[float, Field(ge=0.0, le=5.0)]
Year = Annotated[int, Field(ge=2000, le=2100)]
Duration = Annotated[int, Field(ge=1, le=50)]


class ClauseKind(str, Enum):
    """The instruments the workbench models; each is declared in workbench.instrument_kinds."""

    BORDER_FLOOR = "border_floor"
    PRICE_GAP_SUBSIDY = "price_gap_subsidy"
    CFD = "cfd"
    PURCHASE = "purchase"
    TARIFF = "tariff"


class ClauseStatus(str, Enum):
    """Where a clause stands in the talks."""

    PROPOSED = "proposed"
    BRACKETED = "bracketed"
    AGREED = "agreed"


class CostSharingRule(str, Enum):
    """How the parties split a joint clause's fiscal cost."""

    OWN = "own"                  # each party pays for its own producers / keeps its own revenue
    FIXED = "fixed"              # agreed shares
    GDP = "gdp"                  # in proportion to the parties' GDP
    CONSUMPTION = "consumption"  # in proportion to the parties' consumption of the mineral
    IMPORTS = "imports"          # in proportion to the parties' imports of the mineral


class VolumeBasis(str, Enum):
    """What a CfD pays on."""

    MARGINAL_OUTPUT = "marginal_output"  # every unit produced: shifts supply, feeds back on price
    FIXED_VOLUME = "fixed_volume"        # a contracted volume: a pure transfer


class PriceBasis(str, Enum):
    """What a purchase commitment pays."""

    AGREED = "agreed"
    MARKET_PLUS_PREMIUM = "market_plus_premium"


class CostSharing(BaseModel):
    """A cost-sharing rule; ``shares`` only for the fixed rule (party code -> share, summing to 1)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    rule: CostSharingRule = CostSharingRule.OWN
    shares: dict[PartnerCode, Share] = Field(default_factory=dict)


class _ClauseBase(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    id: ClauseId
    title: Annotated[str, Field(min_length=1, max_length=200)]
    mineral: MineralId
    parties: Annotated[list[PartnerCode], Field(min_length=1, max_length=60)]
    start_year: Year
    duration_years: Bracketable(Duration)
    cost_sharing: CostSharing = CostSharing()
    status: ClauseStatus = ClauseStatus.PROPOSED
    proposed_by: PartnerCode
    reserved_by: list[PartnerCode] = Field(default_factory=list)
    round_introduced: Annotated[int, Field(ge=1, le=999)] = 1
    review_after_years: Annotated[int, Field(ge=1, le=50)] | None = None
    text_note: Annotated[str, Field(max_length=2000)] = ""

    def bracketed_parameters(self) -> list[str]:
        """Names of the parameters still in brackets."""
        return [name for name in type(self).model_fields if is_bracketed(getattr(self, name))]

    def option_labels(self) -> list[str]:
        """Every option label used by any bracket in this clause (``[]`` when none)."""
        labels: set[str] = set()
        for name in self.bracketed_parameters():
            labels.update(o.label for o in getattr(self, name).options)
        return sorted(labels)

    def resolved(self, choice: str | None = None) -> "Clause":
        """This clause with every bracket replaced by option ``choice`` (or each bracket's selected option).

        A bracket without option ``choice`` keeps its selected value.
        """
        update: dict[str, Any] = {}
        for name in self.bracketed_parameters():
            br: Bracket[Any] = getattr(self, name)
            labels = [o.label for o in br.options]
            update[name] = resolve(br, choice if choice in labels else None)
        return self.model_copy(update=update)  # type: ignore[return-value]

    def kind_issues(self, partners: set[str], regions: set[str]) -> list[tuple[str, str, Any]]:
        """Cross-field problems of the kind's own parameters, as (field path, message, value); ``partners`` are the
        scenario's partner codes, ``regions`` those plus CN and ROW."""
        return []

    def option_combinations(self) -> list[dict[str, Any]]:
        """Every combination of bracketed values, as {parameter: value} (one empty dict when none)."""
        names = self.bracketed_parameters()
        pools = [[o.value for o in getattr(self, n).options] for n in names]
        return [dict(zip(names, combo)) for combo in product(*pools)] if names else [{}]


class BorderFloorClause(_ClauseBase):
    """Border-adjusted price floor: a variable levy max(0, F - landed price) on imports from non-members."""

    kind: Literal["border_floor"] = "border_floor"
    floor_price: Bracketable(Price)


class PriceGapSubsidyClause(_ClauseBase):
    """Price-gap payment to eligible producers: max(0, F - p) per unit, less an upside share above F."""

    kind: Literal["price_gap_subsidy"] = "price_gap_subsidy"
    floor_price: Bracketable(Price)
    eligible_producers: list[PartnerCode] = Field(default_factory=list)
    upside_share: Bracketable(Share) = 0.0
    volume_cap: Volume | None = None

    def kind_issues(self, partners: set[str], regions: set[str]) -> list[tuple[str, str, Any]]:
        return _unknown(self.eligible_producers, "eligible_producers", partners, "is not a partner")


class CfdClause(_ClauseBase):
    """Two-sided contract for difference: pays K - p below the strike, claws back a share of p - C above C."""

    kind: Literal["cfd"] = "cfd"
    strike_price: Bracketable(Price)
    rebate_threshold: Bracketable(Price)
    clawback_share: Bracketable(Share) = 1.0
    volume_basis: VolumeBasis = VolumeBasis.MARGINAL_OUTPUT
    contracted_volume: Bracketable(Volume) | None = None
    eligible_producers: list[PartnerCode] = Field(default_factory=list)

    def kind_issues(self, partners: set[str], regions: set[str]) -> list[tuple[str, str, Any]]:
        out = _unknown(self.eligible_producers, "eligible_producers", partners, "is not a partner")
        if self.volume_basis is VolumeBasis.FIXED_VOLUME and self.contracted_volume is None:
            out.append(("contracted_volume", "is required when volume_basis is 'fixed_volume'", None))
        for combo in self.option_combinations():
            strike = combo.get("strike_price", resolve(self.strike_price))
            cap = combo.get("rebate_threshold", resolve(self.rebate_threshold))
            if (strike.currency, strike.per) == (cap.currency, cap.per) and cap.amount < strike.amount:
                out.append(("rebate_threshold", f"must not be below the strike price {strike.label()}", cap.label()))
                break
        return out


class PurchaseClause(_ClauseBase):
    """Purchase commitment or stockpile: governments buy a yearly volume from named sources."""

    kind: Literal["purchase"] = "purchase"
    annual_volume: Bracketable(Volume)
    price_basis: PriceBasis = PriceBasis.AGREED
    agreed_price: Bracketable(Price) | None = None
    premium_share: Bracketable(Share) = 0.0
    sources: Annotated[list[PartnerCode], Field(min_length=1)]
    budget_cap: Money | None = None
    storage_cost_rate: Annotated[float, Field(ge=0.0, le=0.25)] = 0.02
    release_rule: ReleaseRule | None = None

    def kind_issues(self, partners: set[str], regions: set[str]) -> list[tuple[str, str, Any]]:
        out = _unknown(self.sources, "sources", regions, "is not a partner, CN or ROW")
        if self.price_basis is PriceBasis.AGREED and self.agreed_price is None:
            out.append(("agreed_price", "is required when price_basis is 'agreed'", None))
        if self.release_rule is not None:
            out += [(f"release_rule.{path}", message, value) for path, message, value in self.release_rule.issues()]
        return out


class TariffClause(_ClauseBase):
    """Ad-valorem tariff imposed by the parties on imports from the named exporters."""

    kind: Literal["tariff"] = "tariff"
    rate: Bracketable(TariffRate)
    exporters: Annotated[list[PartnerCode], Field(min_length=1)]

    def kind_issues(self, partners: set[str], regions: set[str]) -> list[tuple[str, str, Any]]:
        out = _unknown(self.exporters, "exporters", regions, "is not a partner, CN or ROW")
        out += [(f"exporters[{j}]", "is also a party: a party does not tariff itself", e)
                for j, e in enumerate(self.exporters) if e in self.parties]
        return out


def _unknown(codes: list[str], field: str, allowed: set[str], message: str) -> list[tuple[str, str, Any]]:
    """(field[j], message, code) for each code not in ``allowed``."""
    return [(f"{field}[{j}]", message, code) for j, code in enumerate(codes) if code not in allowed]


Clause = Annotated[
    Union[BorderFloorClause, PriceGapSubsidyClause, CfdClause, PurchaseClause, TariffClause],
    Field(discriminator="kind"),
]
