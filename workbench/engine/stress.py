"""run_stress_tests(): every stress event of a scenario, with and without the agreement's clauses, solved in levels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from workbench.engine.budgets import settle_budgets
from workbench.engine.cases import MarketSetup, build_cases, prepare, purchase_volume
from workbench.engine.ledger import market_ledger, purchase_ledger
from workbench.engine.outcome import MarketOutcome, in_usd_and_tonnes, solve_or_raise
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import model_for, solve_active, surplus
from workbench.engine.instruments import Compiled, compile_clauses
from workbench.instrument_kinds import Wedge
from workbench.engine.market import Model
from workbench.engine.releases import StockPath, plan_releases, release_ledger
from workbench.engine.stress_events import CompiledStress, capped_exports, compile_stress, stress_cases
from workbench.engine.stress_results import StressResult, StressTestResult, World


def run_stress_tests(scenario: Any, *, dataset: Any = None, option: str | None = None,
                     test_ids: list[str] | None = None) -> StressResult:
    """Run each stress test (or those named) with and without the agreement's clauses; see docs/model.md.

    ``option`` as in evaluate(). A test whose market has no equilibrium is reported with its ``error`` set
    (naming the mineral, year and clauses), the others still run. Unknown ids raise EngineInputError.
    """
    doc = scenario.document
    events = list(doc.stress_tests)
    if test_ids is not None:
        known = {e.id for e in events}
        for tid in test_ids:
            if tid not in known:
                raise EngineInputError(f"test: {tid!r} is not a stress test of the scenario "
                                       f"({', '.join(sorted(known)) or 'it has none'})")
        events = [e for e in events if e.id in set(test_ids)]
    model = model_for(scenario, dataset)
    comps, warnings = compile_clauses(model, list(doc.clauses), option)
    rules = {c.id: c.release_rule for c in doc.clauses if getattr(c, "release_rule", None) is not None}
    return stress_model(model, comps, events, rules, warnings=list(model.warnings) + warnings)


def stress_model(model: Model, comps: list[Compiled], events: list, rules: dict,
                 warnings: list[str] | None = None) -> StressResult:
    """The stress tests on a calibrated model and compiled clauses; ``events`` are the document's stress events,
    ``rules`` the release rules by clause id."""
    warnings = list(warnings or [])
    tests: dict[str, StressTestResult] = {}
    groups: dict[str, list[CompiledStress]] = {}
    for e in events:
        if e.mineral not in model.markets:
            warnings.append(f"stress test {e.id!r}: no market data for mineral {e.mineral!r}; not modelled")
            continue
        ev = compile_stress(model, e)
        if not ev.years.any():
            warnings.append(f"stress test {e.id!r} is not in force within the horizon {model.years[0]}-"
                            f"{model.years[-1]} (years {e.start_year}-{e.start_year + e.duration_years - 1})")
        groups.setdefault(e.mineral, []).append(ev)
    compiled = [ev for group in groups.values() for ev in group]
    minerals = list(groups)
    try:  # every stressed mineral in one batched solve per pass
        _report(tests, model, minerals, comps, compiled, rules)
    except InfeasibleMarket:  # find which tests fail: each mineral alone
        for mineral in minerals:
            group = groups[mineral]
            try:
                _report(tests, model, [mineral], comps, group, rules)
            except InfeasibleMarket as exc:
                for ev in group:
                    tests[ev.stress_id] = StressTestResult.failed(ev, _one(model, mineral), str(exc))
    ordered = [tests[e.id] for e in events if e.id in tests]
    return StressResult(tests=ordered, warnings=warnings)


def _one(model: Model, mineral: str) -> Model:
    return replace(model, markets={mineral: model.markets[mineral]})


def _report(tests: dict, model: Model, minerals: list[str], comps: list[Compiled], events: list[CompiledStress],
            rules: dict) -> None:
    """Solve the minerals' worlds with and without the clauses and file each event's result in ``tests``."""
    sub = replace(model, markets={m: model.markets[m] for m in minerals})
    index = {m: k for k, m in enumerate(minerals)}
    mine = [replace(c, m=index[c.mineral]) for c in comps if c.mineral in index]
    without = run_world(sub, [], events, {})
    with_ = run_world(sub, mine, events, rules)
    for k, ev in enumerate(events):
        mi = index[ev.mineral]
        tests[ev.stress_id] = StressTestResult.build(ev, _one(model, ev.mineral), without.variant(k + 1, mi),
                                                     with_.variant(0, mi), with_.variant(k + 1, mi))


@dataclass
class WorldRun:
    """One world (with or without the clauses) of M minerals: variant 0 calm, variant k the k-th stress event
    (which stresses its own mineral; the other minerals stay calm in that variant)."""

    years: list[int]
    consumer_price: np.ndarray  # (M, H, B, R)
    consumption: np.ndarray     # (M, H, B, R) t: composite (CES) demand at the consumer price, released stock included
    consumer_surplus: np.ndarray  # (M, H, B, R) USD change against the baseline
    producer_surplus: np.ndarray  # (M, H, B, R)
    net: np.ndarray             # (M, H, B, R) net fiscal cost of the mineral's clauses
    ledger: dict                # {(clause_id, instrument): (H, B, R)} paid by region
    released: np.ndarray        # (M, H, B, R) t of stock delivered to each region's consumers
    wedge_pct: np.ndarray       # (M, H, B) export-tax equivalent of a binding restriction, percent
    stocks: dict                # {clause_id: StockPath over (H, B)} for purchase clauses
    held: np.ndarray            # (M, H, B, R) stock owned by each region at the start of the year, t
    production: np.ndarray      # (M, H, B, R) t
    flows: np.ndarray           # (M, H, B, R, R) t, private trade exporter -> importer
    gov: np.ndarray             # (M, H, B, R) t, government purchases (buy-backs included) by source
    clause_mineral: dict        # {clause_id: mineral index}

    def variant(self, k: int, mi: int) -> World:
        """Arrays of variant k for mineral mi, (H, R) each."""
        mine = {cid for cid, m in self.clause_mineral.items() if m == mi}
        return World(consumer_price=self.consumer_price[mi, :, k], consumption=self.consumption[mi, :, k],
                     consumer_surplus=self.consumer_surplus[mi, :, k], producer_surplus=self.producer_surplus[mi, :, k],
                     net=self.net[mi, :, k], ledger={key: a[:, k] for key, a in self.ledger.items() if key[0] in mine},
                     released=self.released[mi, :, k], wedge_pct=self.wedge_pct[mi, :, k], held=self.held[mi, :, k],
                     production=self.production[mi, :, k], flows=self.flows[mi, :, k], gov=self.gov[mi, :, k],
                     stocks={cid: {f: getattr(p, f)[:, k] for f in ("start", "bought", "released", "replenished",
                                                                     "end")}
                             for cid, p in self.stocks.items() if cid in mine})


def run_world(model: Model, comps: list[Compiled], events: list[CompiledStress], rules: dict) -> WorldRun:
    """Solve the model's minerals calm and under each event (all batched), releases applied where clauses have
    rules."""
    minerals = list(model.markets)
    setup = prepare(model, minerals, comps)
    big_m, h, b = len(minerals), model.horizon, len(events)
    ev_m = [minerals.index(e.mineral) for e in events]
    if comps:
        calm_frac, (calm, calm_eq) = _settle(setup, model, [None], None, [0])
    else:  # no clauses and no stress: the baseline itself, nothing to solve
        calm_frac, calm, calm_eq = {}, solve_active(setup, np.ones((big_m, h, 1)), {}, [], model), None
    ref = capped_exports(calm.flows, events, ev_m) / setup.world_consumption[ev_m].T
    frac, (stressed, eq) = _settle(setup, model, list(events), ref, ev_m)
    plans = []
    # (clauses reach run_world only for minerals with events: _report passes those of the stressed minerals)
    if any(c.clause_id in rules for c in comps if c.wedge is Wedge.GOVERNMENT_PURCHASE):
        release = np.zeros((big_m, h, b, setup.production_share.shape[1]))
        buy_back = np.zeros_like(release)
        for mi in range(big_m):
            mine = [c for c in setup.clauses if c.m == mi]
            if not any(c.clause_id in rules for c in mine):
                continue
            on = np.stack([e.in_force & (m == mi) for e, m in zip(events, ev_m)], axis=1)
            cons = setup.consumption_share[mi][None, :] * setup.world_consumption[mi][:, None]
            need = np.maximum(calm.consumption[mi] - stressed.consumption[mi], 0.0)
            plan = plan_releases(rules, mine, frac, on, stressed.consumer_price[mi], setup.reference_price[mi], cons,
                                 need, stressed.consumption[mi])
            plans.append((mi, plan))
            frac = {**frac, **plan.frac}
            release[mi] = plan.received / setup.world_consumption[mi][:, None, None]
            buy_back[mi] = plan.buy_back
        stressed, eq = _solve(setup, model, list(events), ref, ev_m, frac, strict=True, release=release,
                              buy_back=buy_back)
    parts = [_account(setup, calm, calm_eq, calm_frac, []), _account(setup, stressed, eq, frac, plans)]
    cat = {k: np.concatenate([p[k] for p in parts], axis=2) for k in parts[0] if k != "ledger"}
    keys = set(parts[0]["ledger"]) | set(parts[1]["ledger"])
    r = len(model.regions)
    ledger = {k: np.concatenate([p["ledger"].get(k, np.zeros((h, n, r))) for p, n in zip(parts, (1, b))], axis=1)
              for k in sorted(keys)}
    stocks = _stocks(setup.clauses, calm_frac, frac, dict(p for _mi, pl in plans for p in pl.stocks.items()), h, b)
    held = np.zeros((big_m, h, 1 + b, r))
    for c in setup.clauses:
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            held[c.m] += stocks[c.clause_id].start[..., None] * c.weights
    return WorldRun(model.years, cat["price"], cat["consumption"], cat["cs"], cat["ps"], cat["net"], ledger,
                    cat["released"], cat["wedge"], stocks, held, cat["production"], cat["flows"], cat["gov"],
                    {c.clause_id: c.m for c in setup.clauses})


def _settle(setup: MarketSetup, model: Model, events: list, ref, ev_m: list[int]) -> tuple[dict, tuple]:
    """Capped purchases settled to their budgets: (budget fractions, (MarketOutcome, equilibrium))."""
    def solve_at(frac, strict):
        outcome, eq = _solve(setup, model, events, ref, ev_m, frac, strict)
        return outcome.exporter_price, (outcome, eq), outcome.converged

    return settle_budgets(solve_at, setup.clauses, {}, model.years)


def _solve(setup: MarketSetup, model: Model, events: list, ref, ev_m: list[int], frac: dict, strict: bool, release=None,
           buy_back=None):
    """Solve the variants (M x H x B cases); returns (MarketOutcome with the export wedge, equilibrium)."""
    big_m, h, b = len(setup.minerals), model.horizon, len(events)
    shock = np.ones((big_m, h, b))
    gov = purchase_volume(setup, frac, b)
    if buy_back is not None:
        gov = gov + buy_back
    cases = stress_cases(build_cases(setup, shock, gov), events, ev_m, h, ref)
    if release is not None:
        cases = replace(cases, release=release.reshape(big_m * h * b, -1))
    eq = solve_or_raise(setup, cases, model.years, (big_m, h, b), strict)
    outcome = in_usd_and_tonnes(setup, eq, shock, gov)
    r = cases.production_share.shape[1]
    log_w = np.zeros((big_m * h * b, r, r)) if cases.export_wedge is None else cases.export_wedge.copy()
    if cases.quota is not None:
        on = (np.arange(r)[None, :, None] == cases.quota_from[:, None, None]) & cases.quota_to[:, None, :]
        log_w = log_w + np.where(on, eq.quota_wedge[:, None, None], 0.0)
    return replace(outcome, export_wedge=np.exp(log_w).reshape(big_m, h, b, r, r)), eq


def _account(setup: MarketSetup, outcome: MarketOutcome, eq, frac: dict, plans: list) -> dict:
    """Prices, consumption, surplus and the clauses' fiscal flows of solved variants, (M, H, B, R) each."""
    big_m, h, b = outcome.exporter_price.shape[:3]
    r = setup.production_share.shape[1]
    by_id = {c.clause_id: c for c in setup.clauses}
    pay = np.zeros((big_m, h, b, r))
    net = np.zeros((big_m, h, b, r))
    ledger: dict = {}
    for (cid, inst), a in market_ledger(setup, outcome).items():
        if inst == "_producers":
            pay[by_id[cid].m] += a
        else:
            ledger[(cid, inst)] = a
    flows, _stock, premium = purchase_ledger(outcome.exporter_price, setup.clauses, frac, outcome.reference_price,
                                             premiums=True)
    for cid, a in premium.items():
        pay[by_id[cid].m] += a
    released = np.zeros((big_m, h, b, r))
    for mi, plan in plans:
        mine = [c for c in setup.clauses if c.m == mi]
        released_flows = release_ledger(plan, mine, outcome.exporter_price[mi], outcome.consumer_price[mi],
                                        setup.reference_price[mi])
        for key, a in released_flows.items():
            flows[key] = flows.get(key, 0.0) + a
        released[mi] = plan.received
    for (cid, inst), a in flows.items():
        ledger[(cid, inst)] = ledger.get((cid, inst), 0.0) + a[..., None] * by_id[cid].weights
    for (cid, _inst), a in ledger.items():
        net[by_id[cid].m] += a
    cs, ps = np.zeros((big_m, h, b, r)), np.zeros((big_m, h, b, r))
    for k in range(b):
        one = MarketOutcome(**{f: (None if getattr(outcome, f) is None else getattr(outcome, f)[:, :, k:k + 1])
                     for f in MarketOutcome.__dataclass_fields__})
        cs[:, :, k], ps[:, :, k] = surplus(setup, one, pay[:, :, k])
    mu = np.zeros((big_m, h, b)) if eq is None or eq.quota_wedge is None else eq.quota_wedge.reshape(big_m, h, b)
    return {"price": outcome.consumer_price, "consumption": outcome.consumption, "cs": cs, "ps": ps, "net": net,
            "ledger": ledger,
            "production": outcome.production, "flows": outcome.flows, "gov": outcome.purchases, "released": released,
            "wedge": 100.0 * np.expm1(mu)}


def _stocks(comps, calm_frac, frac, planned_paths: dict, h: int, k: int) -> dict[str, StockPath]:
    """Stock paths of every purchase clause over the calm variant and the k stressed ones."""
    out = {}
    for c in comps:
        if c.wedge is not Wedge.GOVERNMENT_PURCHASE:
            continue
        planned = np.concatenate([calm_frac.get(c.clause_id, np.ones((h, 1))),
                                  frac.get(c.clause_id, np.ones((h, k)))], axis=1) * c.years[:, None] * c.volume.sum()
        end = np.cumsum(planned, axis=0)
        zero = np.zeros_like(planned)
        path = StockPath(start=end - planned, bought=planned, released=zero, replenished=zero.copy(), end=end,
                         planned_end=end)
        if c.clause_id in planned_paths:
            p = planned_paths[c.clause_id]
            for f in ("start", "bought", "released", "replenished", "end"):
                getattr(path, f)[:, 1:] = getattr(p, f)
        out[c.clause_id] = path
    return out
