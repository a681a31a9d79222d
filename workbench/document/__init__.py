"""The scenario document model: plain Python and pydantic, no Qt."""

from workbench.document.errors import Issue, ScenarioValidationError
from workbench.document.quantities import Currency, Money, Price, PriceUnit, Volume, VolumeUnit
from workbench.document.brackets import Bracket, Option, is_partner_code, resolve
from workbench.document.clauses import (
    BorderFloorClause,
    CfdClause,
    Clause,
    ClauseKind,
    ClauseStatus,
    CostSharing,
    CostSharingRule,
    PriceGapSubsidyClause,
    PurchaseClause,
    TariffClause,
)
from workbench.document.release import ReleaseAllocation, ReleaseRule
from workbench.document.stress import (
    STRESS_KIND_LABELS,
    STRESS_TYPES,
    DumpingEpisode,
    ExportRestriction,
    StressEvent,
    StressKind,
    SupplyOutage,
    TargetScope,
)
from workbench.document.scenario import (
    Assumptions,
    HistoryEntry,
    Metadata,
    Mineral,
    Partner,
    PartnerRole,
    PrivateBlock,
    Mandate,
    Scenario,
    ScenarioDocument,
    RESERVED_REGIONS,
)

__all__ = [
    "Assumptions", "BorderFloorClause", "Bracket", "CfdClause", "Clause", "ClauseKind",
    "ClauseStatus", "CostSharing", "CostSharingRule", "Currency", "HistoryEntry", "Issue", "Mandate", "Metadata",
    "Mineral", "Money", "Option", "Partner", "PartnerRole", "Price", "PriceGapSubsidyClause", "PriceUnit",
    "PrivateBlock", "PurchaseClause", "RESERVED_REGIONS", "Scenario", "ScenarioDocument", "ScenarioValidationError",
    "TariffClause", "Volume", "VolumeUnit", "is_partner_code", "resolve",
    "DumpingEpisode", "ExportRestriction", "ReleaseAllocation", "ReleaseRule", "STRESS_KIND_LABELS", "STRESS_TYPES",
    "StressEvent", "StressKind", "SupplyOutage", "TargetScope",
]
