"""Stress events a scenario is tested against (export restriction, dumping, supply outage) and stock release rules."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from workbench.document.brackets import PARTNER_CODE, PartnerCode
from workbench.document.clauses import Duration, MineralId, Share, Year

StressId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
SourceNote = Annotated[str, Field(max_length=2000)]
#: At most this share of a supplier's exports or output can be withheld; a total ban is 1.0.
PriceCut = Annotated[float, Field(gt=0.0, le=0.9)]

_CFG = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class StressKind(str, Enum):
    """The disruptions the workbench models."""

    EXPORT_RESTRICTION = "export_restriction"
    DUMPING = "dumping"
    SUPPLY_OUTAGE = "supply_outage"


STRESS_KIND_LABELS = {
    StressKind.EXPORT_RESTRICTION: "Export restriction",
    StressKind.DUMPING: "Dumping episode",
    StressKind.SUPPLY_OUTAGE: "Supply outage",
}


class TargetScope(str, Enum):
    """Which importers an export restriction applies to."""

    ALL = "all"            # every importer (the supplier's home sales are never restricted)
    ZONE = "zone"          # the zone's members
    PARTNERS = "partners"  # the partners named in ``target_partners``


class _StressBase(BaseModel):
    model_config = _CFG

    id: StressId
    title: Annotated[str, Field(min_length=1, max_length=200)]
    mineral: MineralId
    start_year: Year
    duration_years: Duration
    source_note: SourceNote = ""


class ExportRestriction(_StressBase):
    """A supplier region withholds a share of its exports to the targeted importers (quota, licensing delay, ban).

    A licensing delay is entered as the share of exports it holds back.
    """

    kind: Literal["export_restriction"] = "export_restriction"
    supplier: PartnerCode
    share_withheld: Share
    targets: TargetScope = TargetScope.ALL
    target_partners: list[PartnerCode] = Field(default_factory=list)
    licensing_delay: bool = False


class DumpingEpisode(_StressBase):
    """The supplier's export price cut by ``price_cut`` through an export subsidy (its buyers abroad pay less)."""

    kind: Literal["dumping"] = "dumping"
    supplier: PartnerCode
    price_cut: PriceCut


class SupplyOutage(_StressBase):
    """A producing region loses a share of its output (a mine closure, a conflict, a ban at the source).

    ``region`` ``"*"``: every producing region loses that share, e.g. refiners all short of feed from one mining
    country that is not a region of the model.
    """

    kind: Literal["supply_outage"] = "supply_outage"
    region: Annotated[str, Field(pattern=rf"^({PARTNER_CODE}|\*)$")]
    share_lost: Share


StressEvent = Annotated[Union[ExportRestriction, DumpingEpisode, SupplyOutage], Field(discriminator="kind")]

STRESS_TYPES: dict[StressKind, type[_StressBase]] = {
    StressKind.EXPORT_RESTRICTION: ExportRestriction,
    StressKind.DUMPING: DumpingEpisode,
    StressKind.SUPPLY_OUTAGE: SupplyOutage,
}


class DisruptionRisk(BaseModel):
    """A Monte Carlo disruption jump: each year it starts with ``annual_probability`` and then removes ``depth`` of
    the supplier's output (``"*"``: every producer's) for ``duration_years``; replaces the dataset's default for the
    same mineral and supplier."""

    model_config = _CFG

    mineral: MineralId
    supplier: Annotated[str, Field(pattern=rf"^({PARTNER_CODE}|\*)$")]
    annual_probability: Annotated[float, Field(ge=0.0, le=1.0)]
    duration_years: Annotated[int, Field(ge=1, le=10)]
    depth: Share
    note: SourceNote = ""
