"""The scenario: shareable document (metadata, partners, minerals, clauses, assumptions, history), private block."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from workbench.document.brackets import PARTNER_CODE
from workbench.document.clauses import (
    Clause,
    ClauseId,
    ClauseStatus,
    CostSharingRule,
    MineralId,
    PartnerCode,
    Year,
)
from workbench.document.errors import Issue, ScenarioValidationError, issues_from_pydantic
from workbench.document.free_text import control_character_issues
from workbench.document.quantities import Money, VolumeUnit
from workbench.document.stress import DisruptionRisk, ExportRestriction, StressEvent, TargetScope

#: Regions the model always adds: the dominant supplier and the rest of the world. Partners may not reuse them.
RESERVED_REGIONS = ("CN", "ROW")

_CFG = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


def _check_timestamp(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value):
        raise ValueError("must be an ISO 8601 timestamp with time zone, e.g. 2026-11-26T09:30:00Z")
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _check_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date YYYY-MM-DD")
    datetime.strptime(value, "%Y-%m-%d")
    return value


Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
Date = Annotated[str, AfterValidator(_check_date)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(max_length=100_000)]


class PartnerRole(str, Enum):
    """A partner's standing in the zone."""

    MEMBER = "member"
    OBSERVER = "observer"
    NON_MEMBER = "non_member"


class MineralStage(str, Enum):
    """Stage of the value chain the mineral's prices and volumes refer to."""

    MINE = "mine"
    REFINED = "refined"
    SEPARATED_OXIDE = "separated_oxide"
    METAL = "metal"
    CHEMICAL = "chemical"


class Metadata(BaseModel):
    """Who wrote the scenario, for which round, and when."""

    model_config = _CFG

    title: ShortText
    round: Annotated[int, Field(ge=1, le=999)] = 1
    round_label: Annotated[str, Field(max_length=200)] = ""
    author_delegation: PartnerCode
    created: Timestamp
    modified: Timestamp
    classification: Annotated[str, Field(min_length=1, max_length=200)] = \
        "DRAFT \u2014 for discussion \u2014 not agreed"
    description: Annotated[str, Field(max_length=20_000)] = ""


class Partner(BaseModel):
    """A delegation at the table (or a named outsider) and its role in the zone."""

    model_config = _CFG

    code: PartnerCode
    name: ShortText
    role: PartnerRole = PartnerRole.MEMBER
    gdp_usd_bn: Annotated[float, Field(gt=0, le=1e6)] | None = None
    countries: list[ShortText] = Field(default_factory=list)


class Mineral(BaseModel):
    """A mineral in the talks, at one stage of the value chain."""

    model_config = _CFG

    id: MineralId
    name: ShortText
    unit: VolumeUnit = VolumeUnit.T
    stage: MineralStage = MineralStage.REFINED


class PricePath(BaseModel):
    """Baseline reference-price path: flat, a constant yearly change, or a custom index (1.0 = base price)."""

    model_config = _CFG

    kind: Annotated[str, Field(pattern=r"^(flat|trend|custom)$")] = "flat"
    annual_change: Annotated[float, Field(ge=-0.5, le=0.5)] = 0.0
    index: list[Annotated[float, Field(gt=0, le=100)]] = Field(default_factory=list)


class ElasticityOverride(BaseModel):
    """Elasticities that replace the dataset's defaults for one mineral (by region where a dict)."""

    model_config = _CFG

    supply: dict[str, Annotated[float, Field(ge=0.0, le=10.0)]] = Field(default_factory=dict)
    demand: dict[str, Annotated[float, Field(ge=-10.0, le=0.0)]] = Field(default_factory=dict)
    armington: Annotated[float, Field(ge=0.1, le=100.0)] | None = None


class DataOverride(BaseModel):
    """One dataset value replaced by the user, with the reason."""

    model_config = _CFG

    mineral: MineralId
    region: Annotated[str, Field(pattern=rf"^({PARTNER_CODE}|\*)$")] = "*"
    field: Annotated[str, Field(pattern=r"^(production|consumption|reference_price|volatility|mean_reversion)$")]
    value: Annotated[float, Field(ge=0.0, le=1e12)]
    note: Annotated[str, Field(max_length=2000)] = ""


class MonteCarloSettings(BaseModel):
    """How the uncertainty analysis samples price paths."""

    model_config = _CFG

    paths: Annotated[int, Field(ge=100, le=200_000)] = 2000
    seed: Annotated[int, Field(ge=0, le=2**32 - 1)] = 20260
    vary_elasticities: bool = False
    disruptions: bool = False  # add disruption jumps (assumptions.disruption_risks over the dataset's defaults)


class Assumptions(BaseModel):
    """Model settings and overrides of the embedded dataset."""

    model_config = _CFG

    base_year: Year = 2025
    horizon_years: Annotated[int, Field(ge=1, le=40)] = 10
    discount_rate: Annotated[float, Field(ge=0.0, le=0.25)] = 0.03
    usd_per_currency: dict[Annotated[str, Field(pattern=r"^(EUR|JPY|MXN)$")], Annotated[float, Field(gt=0, le=1e3)]] = (
        Field(default_factory=lambda: {"EUR": 1.13, "JPY": 0.0067, "MXN": 0.053})
    )
    price_paths: dict[MineralId, PricePath] = Field(default_factory=dict)
    demand_growth: dict[MineralId, Annotated[float, Field(ge=-0.2, le=0.5)]] = Field(default_factory=dict)
    elasticity_overrides: dict[MineralId, ElasticityOverride] = Field(default_factory=dict)
    data_overrides: list[DataOverride] = Field(default_factory=list)
    monte_carlo: MonteCarloSettings = MonteCarloSettings()
    disruption_risks: Annotated[list[DisruptionRisk], Field(max_length=500)] = Field(default_factory=list)


class HistoryAction(str, Enum):
    """What happened in a round."""

    PROPOSED = "proposed"
    AMENDED = "amended"
    BRACKETED = "bracketed"
    AGREED = "agreed"
    WITHDRAWN = "withdrawn"
    SHARED = "shared"
    RECEIVED = "received"
    MERGED = "merged"


class HistoryEntry(BaseModel):
    """One event in the history of rounds: who proposed what, and when."""

    model_config = _CFG

    round: Annotated[int, Field(ge=1, le=999)]
    date: Date
    delegation: PartnerCode
    action: HistoryAction
    clause_id: ClauseId | None = None
    summary: Annotated[str, Field(max_length=2000)] = ""


class ScenarioDocument(BaseModel):
    """Everything that may be shared with other delegations."""

    model_config = _CFG

    metadata: Metadata
    partners: Annotated[list[Partner], Field(min_length=1, max_length=60)]
    minerals: Annotated[list[Mineral], Field(min_length=1, max_length=60)]
    clauses: Annotated[list[Clause], Field(max_length=2000)] = Field(default_factory=list)
    assumptions: Assumptions = Assumptions()
    history: Annotated[list[HistoryEntry], Field(max_length=10_000)] = Field(default_factory=list)
    stress_tests: Annotated[list[StressEvent], Field(max_length=200)] = Field(default_factory=list)

    def stress_test(self, stress_id: str) -> Any:
        """The stress test with this id."""
        for s in self.stress_tests:
            if s.id == stress_id:
                return s
        raise KeyError(stress_id)

    def partner(self, code: str) -> Partner:
        """The partner with this code."""
        for p in self.partners:
            if p.code == code:
                return p
        raise KeyError(code)

    def members(self) -> list[str]:
        """Codes of the zone's members."""
        return [p.code for p in self.partners if p.role is PartnerRole.MEMBER]

    def clause(self, clause_id: str) -> Any:
        """The clause with this id."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    def clause_titles(self) -> dict[str, str]:
        """Each clause's title by its id: how the navigator, the results and the term sheet name a clause."""
        return {c.id: c.title for c in self.clauses}


class Mandate(BaseModel):
    """The delegation's negotiating limits; breaches are flagged, never shared."""

    model_config = _CFG

    fiscal_ceiling_per_year: dict[PartnerCode, Money] = Field(default_factory=dict)
    max_pv_cost: dict[PartnerCode, Money] = Field(default_factory=dict)
    max_consumer_price_increase: dict[PartnerCode, Annotated[float, Field(ge=0.0, le=10.0)]] = Field(
        default_factory=dict)
    red_lines: list[Annotated[str, Field(max_length=2000)]] = Field(default_factory=list)


class PrivateBlock(BaseModel):
    """The delegation's own notes and mandate: kept in its own file, stripped from anything shared."""

    model_config = _CFG

    notes: LongText = ""
    clause_notes: dict[ClauseId, LongText] = Field(default_factory=dict)
    internal_comments: list[LongText] = Field(default_factory=list)
    mandate: Mandate = Mandate()


class Scenario(BaseModel):
    """A delegation's working scenario: the shareable document and, apart from it, the private block."""

    model_config = _CFG

    document: ScenarioDocument
    private: PrivateBlock = PrivateBlock()

    @classmethod
    def from_data(cls, data: Any, *, strict_json: str | None = None) -> "Scenario":
        """Validate plain data (or JSON text) into a scenario; raise ScenarioValidationError naming each bad field."""
        try:
            scenario = cls.model_validate_json(strict_json, strict=True) if strict_json is not None \
                else cls.model_validate(data)
        except ValidationError as exc:
            raise ScenarioValidationError(issues_from_pydantic(exc)) from None
        issues = semantic_issues(scenario)
        if issues:
            raise ScenarioValidationError(issues)
        return scenario

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data with every field, an unset optional one as None (the editors read fields by key)."""
        return self.model_dump(mode="json", exclude_none=False)

    def without_private(self) -> "Scenario":
        """A copy with an empty private block."""
        return self.model_copy(update={"private": PrivateBlock()})


def semantic_issues(scenario: Scenario) -> list[Issue]:
    """Cross-field checks pydantic cannot express: references, sums and orderings."""
    doc = scenario.document
    issues: list[Issue] = []
    codes = [p.code for p in doc.partners]
    regions = set(codes) | set(RESERVED_REGIONS)
    mineral_ids = [m.id for m in doc.minerals]

    for i, code in enumerate(codes):
        if code in RESERVED_REGIONS:
            issues.append(Issue(f"document.partners[{i}].code", "is reserved for a region the model adds itself", code))
        if codes.index(code) != i:
            issues.append(Issue(f"document.partners[{i}].code", "duplicates an earlier partner", code))
    for i, mid in enumerate(mineral_ids):
        if mineral_ids.index(mid) != i:
            issues.append(Issue(f"document.minerals[{i}].id", "duplicates an earlier mineral", mid))
    if doc.metadata.author_delegation not in codes:
        issues.append(Issue("document.metadata.author_delegation", "is not one of the partners",
                            doc.metadata.author_delegation))

    seen_ids: set[str] = set()
    for i, c in enumerate(doc.clauses):
        base = f"document.clauses[{i}]"
        if c.id in seen_ids:
            issues.append(Issue(f"{base}.id", "duplicates an earlier clause id", c.id))
        seen_ids.add(c.id)
        if c.mineral not in mineral_ids:
            issues.append(Issue(f"{base}.mineral", "is not one of the scenario's minerals", c.mineral))
        _refs(issues, f"{base}.parties", c.parties, set(codes), "is not a partner")
        if len(set(c.parties)) != len(c.parties):
            issues.append(Issue(f"{base}.parties", "lists a party twice", c.parties))
        if c.proposed_by not in codes:
            issues.append(Issue(f"{base}.proposed_by", "is not a partner", c.proposed_by))
        _refs(issues, f"{base}.reserved_by", c.reserved_by, set(codes), "is not a partner")
        _cost_sharing(issues, base, c)
        if c.status is ClauseStatus.AGREED and c.bracketed_parameters():
            issues.append(Issue(f"{base}.status", "an agreed clause cannot keep bracketed parameters "
                                f"({', '.join(c.bracketed_parameters())})", c.status.value))
        issues += [Issue(f"{base}.{path}", message, value)
                   for path, message, value in c.kind_issues(set(codes), regions)]
    _stress_tests(issues, doc, regions, mineral_ids)

    a = doc.assumptions
    for key in list(a.price_paths) + list(a.demand_growth) + list(a.elasticity_overrides):
        if key not in mineral_ids:
            issues.append(Issue("document.assumptions", f"refers to unknown mineral {key!r}", key))
    for k, path in a.price_paths.items():
        if path.kind == "custom" and len(path.index) < a.horizon_years:
            issues.append(Issue(f"document.assumptions.price_paths.{k}.index",
                                f"needs one value per horizon year ({a.horizon_years})", len(path.index)))
    for name, field in (("disruption_risks", "supplier"), ("data_overrides", "region")):
        for j, entry in enumerate(getattr(a, name)):
            base = f"document.assumptions.{name}[{j}]"
            if entry.mineral not in mineral_ids:
                issues.append(Issue(f"{base}.mineral", "is not one of the scenario's minerals", entry.mineral))
            where = getattr(entry, field)
            if where != "*" and where not in regions:
                issues.append(Issue(f"{base}.{field}", "is not a partner, CN or ROW", where))
    m = scenario.private.mandate
    for name in ("fiscal_ceiling_per_year", "max_pv_cost", "max_consumer_price_increase"):
        for code in getattr(m, name):
            if code not in codes:
                issues.append(Issue(f"private.mandate.{name}.{code}", "is not a partner", code))
    for cid in scenario.private.clause_notes:
        if cid not in seen_ids:
            issues.append(Issue(f"private.clause_notes.{cid}", "refers to no clause in the scenario", cid))
    return issues + control_character_issues(scenario.to_data())


def _refs(issues: list[Issue], path: str, values: list[str], allowed: set[str], msg: str) -> None:
    for j, v in enumerate(values):
        if v not in allowed:
            issues.append(Issue(f"{path}[{j}]", msg, v))


def _cost_sharing(issues: list[Issue], base: str, c: Any) -> None:
    cs = c.cost_sharing
    if cs.rule is CostSharingRule.FIXED:
        if set(cs.shares) != set(c.parties):
            issues.append(Issue(f"{base}.cost_sharing.shares", "must give a share for each party and no one else",
                                sorted(cs.shares)))
        total = sum(cs.shares.values())
        if abs(total - 1.0) > 1e-6:
            issues.append(Issue(f"{base}.cost_sharing.shares", "must add up to 1", round(total, 6)))
    elif cs.shares:
        issues.append(Issue(f"{base}.cost_sharing.shares", f"only the 'fixed' rule takes shares, not {cs.rule.value!r}",
                            sorted(cs.shares)))


def _stress_tests(issues: list[Issue], doc: ScenarioDocument, regions: set[str], mineral_ids: list[str]) -> None:
    codes = {p.code for p in doc.partners}
    seen: set[str] = set()
    for i, s in enumerate(doc.stress_tests):
        base = f"document.stress_tests[{i}]"
        if s.id in seen:
            issues.append(Issue(f"{base}.id", "duplicates an earlier stress test id", s.id))
        seen.add(s.id)
        if s.mineral not in mineral_ids:
            issues.append(Issue(f"{base}.mineral", "is not one of the scenario's minerals", s.mineral))
        where = getattr(s, "supplier", None) or getattr(s, "region", None)
        field = "supplier" if hasattr(s, "supplier") else "region"
        if where not in regions and where != "*":
            issues.append(Issue(f"{base}.{field}", "is not a partner, CN or ROW", where))
        if isinstance(s, ExportRestriction):
            if s.targets is TargetScope.PARTNERS:
                if not s.target_partners:
                    issues.append(Issue(f"{base}.target_partners", "names no partner although targets is "
                                        "'partners'", []))
                _refs(issues, f"{base}.target_partners", s.target_partners, codes | {"ROW", "CN"},
                      "is not a partner, CN or ROW")
                for j, t in enumerate(s.target_partners):
                    if t == s.supplier:
                        issues.append(Issue(f"{base}.target_partners[{j}]", "is the supplier itself: home sales "
                                            "are not exports", t))
            elif s.target_partners:
                issues.append(Issue(f"{base}.target_partners", f"only targets 'partners' names partners, not "
                                    f"{s.targets.value!r}", s.target_partners))
            if s.targets is TargetScope.ZONE and not doc.members():
                issues.append(Issue(f"{base}.targets", "the zone has no members to target", s.targets.value))
