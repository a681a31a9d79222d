"""Stress events compiled for the model and laid onto market cases: quotas, export wedges, supply losses."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from workbench.document.stress import DumpingEpisode, ExportRestriction, SupplyOutage, TargetScope
from workbench.engine.errors import EngineInputError
from workbench.engine.market import Model
from workbench.engine.solver import MarketCases

FULL_BAN = 1.0 - 1e-9  # a share withheld at least this large removes the supplier's good from the targets' basket


@dataclass(frozen=True)
class CompiledStress:
    """One stress event ready for the model: where, when and how much."""

    stress_id: str
    title: str
    kind: str
    mineral: str
    source_note: str
    years: np.ndarray          # (H,) bool: active horizon years
    supplier: int              # region index of the restricting / dumping supplier, or of the outage region
    targets: np.ndarray        # (R,) bool importers a restriction covers (never the supplier); outage everywhere: all
    share: float               # share withheld (restriction) or lost (outage)
    price_cut: float           # dumping: cut in the supplier's export price (0 for the other kinds)

    @property
    def in_force(self) -> np.ndarray:
        """(H,) years in which the event changes anything (a zero share is no stress: it triggers no release)."""
        return self.years & (self.share > 0 or self.price_cut > 0)


def compile_stress(model: Model, event) -> CompiledStress:
    """Resolve an event's regions against the model; raise EngineInputError naming the field and value."""
    regions = list(model.regions)
    r = len(regions)
    where = f"stress test {event.id!r}"
    code = event.region if isinstance(event, SupplyOutage) else event.supplier
    if code == "*":  # an outage everywhere: every region's supply curve shrinks
        code = regions[-1]
        everywhere = True
    else:
        everywhere = False
    if code not in regions:
        raise EngineInputError(f"{where}: {code!r} is not a region of the model ({', '.join(regions)})")
    s = regions.index(code)
    years = np.array([event.start_year <= y < event.start_year + event.duration_years for y in model.years])
    targets = np.zeros(r, bool)
    share, cut = 0.0, 0.0
    if isinstance(event, ExportRestriction):
        if event.targets is TargetScope.ALL:
            targets[:] = True
        elif event.targets is TargetScope.ZONE:
            targets[[regions.index(m) for m in model.members]] = True
        else:
            for t in event.target_partners:
                if t not in regions:
                    raise EngineInputError(f"{where}.target_partners: {t!r} is not a region of the model")
                targets[regions.index(t)] = True
        targets[s] = False
        share = float(event.share_withheld)
    elif isinstance(event, DumpingEpisode):
        cut = float(event.price_cut)
    else:  # a SupplyOutage: the document model has exactly these three kinds
        share = float(event.share_lost)
    if everywhere:
        targets[:] = True
    return CompiledStress(event.id, event.title, event.kind, event.mineral, event.source_note, years, s, targets,
                          share, cut)


def stress_cases(cases: MarketCases, events: list[CompiledStress | None], ev_m: list[int], h: int,
                 exports_ref: np.ndarray | None = None) -> MarketCases:
    """Lay events onto cases shaped (M minerals x H years x B variants); event b (None = no stress) stresses its
    mineral ``ev_m[b]`` in variant b.

    An outage scales the region's supply curve by (1 - share lost). Dumping puts a wedge ln(1 - cut) on the supplier's
    export prices (an export subsidy: buyers abroad pay less than its producers receive). An export restriction caps
    the supplier's exports to the targets at (1 - share withheld) x ``exports_ref`` (H, B): what it would ship them in
    the same world without the restriction; a total ban removes its good from the targets' CES baskets.
    """
    b = len(events)
    n, r = cases.production_share.shape
    production_share, import_share = cases.production_share.copy(), cases.import_share.copy()
    wedge = np.zeros((n, r, r))
    q_from = -np.ones(n, int)
    q_to = np.zeros((n, r), bool)
    quota = np.full(n, np.inf)
    for v, ev in enumerate(events):
        if ev is None:
            continue
        rows = (ev_m[v] * h + np.arange(h)[ev.years]) * b + v
        s = ev.supplier
        if ev.kind == "supply_outage":  # its region, or every region (targets all set)
            hit = ev.targets if ev.targets.any() else np.arange(r) == s
            production_share[rows[:, None], np.flatnonzero(hit)[None, :]] *= 1.0 - ev.share
        elif ev.kind == "dumping":
            others = np.arange(r) != s
            wedge[rows[:, None], s, np.flatnonzero(others)[None, :]] = np.log1p(-ev.price_cut)
        elif ev.share >= FULL_BAN:
            import_share[rows[:, None], s, np.flatnonzero(ev.targets)[None, :]] = 0.0
        elif ev.share > 0:
            q_from[rows] = s
            q_to[rows] = ev.targets
            quota[rows] = (1.0 - ev.share) * exports_ref[ev.years, v]
    extra = {}
    if (wedge != 0).any():
        extra["export_wedge"] = wedge
    if (q_from >= 0).any():
        extra.update(quota_from=q_from, quota_to=q_to, quota=quota)
    return replace(cases, production_share=production_share, import_share=import_share, **extra)


def capped_exports(calm_flows: np.ndarray, events: list[CompiledStress], ev_m: list[int]) -> np.ndarray:
    """Each restriction's supplier's shipments to its targets in the calm market (H, B), from the calm flows
    (M, H, 1, R, R) in tonnes."""
    h = calm_flows.shape[1]
    out = np.zeros((h, len(events)))
    for v, (ev, mi) in enumerate(zip(events, ev_m)):
        if ev.kind == "export_restriction":
            out[:, v] = calm_flows[mi, :, 0, ev.supplier][:, ev.targets].sum(axis=-1)
    return out
