"""run_stress_tests(): every stress event of a scenario, with and without the agreement's clauses, solved in levels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from workbench.engine.core import (
    Static,
    Usd,
    build_cases,
    market_ledger,
    prepare,
    purchase_ledger,
    purchase_volume,
    settle_budgets,
    solve_or_raise,
    to_usd,
)
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import _solve as baseline_usd, model_for, surplus
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
    for mineral, group in groups.items():
        sub = replace(model, markets={mineral: model.markets[mineral]})
        mine = [replace(c, m=0) for c in comps if c.mineral == mineral]
        try:
            without = run_world(sub, [], group, {})
            with_ = run_world(sub, mine, group, rules)
        except InfeasibleMarket as exc:
            for ev in group:
                tests[ev.stress_id] = StressTestResult.failed(ev, sub, str(exc))
            continue
        for k, ev in enumerate(group):
            tests[ev.stress_id] = StressTestResult.build(ev, sub, without.variant(k + 1), with_.variant(0),
                                                         with_.variant(k + 1))
    ordered = [tests[e.id] for e in events if e.id in tests]
    return StressResult(tests=ordered, warnings=warnings)


@dataclass
class WorldRun:
    """One world (with or without the clauses) of one mineral: variant 0 calm, variant k the k-th stress event."""

    years: list[int]
    consumer_price: np.ndarray  # (H, B, R)
    consumption: np.ndarray     # (H, B, R) t: composite (CES) demand at the consumer price, released stock included
    consumer_surplus: np.ndarray  # (H, B, R) USD change against the baseline
    producer_surplus: np.ndarray  # (H, B, R)
    net: np.ndarray             # (H, B, R) net fiscal cost of the clauses
    ledger: dict                # {(clause_id, instrument): (H, B, R)} paid by region
    released: np.ndarray        # (H, B, R) t of stock delivered to each region's consumers
    wedge_pct: np.ndarray       # (H, B) export-tax equivalent of a binding restriction, percent (nan: a ban)
    stocks: dict                # {clause_id: StockPath over (H, B)} for purchase clauses
    held: np.ndarray            # (H, B, R) stock owned by each region at the start of the year, t
    production: np.ndarray      # (H, B, R) t
    flows: np.ndarray           # (H, B, R, R) t, private trade exporter -> importer
    gov: np.ndarray             # (H, B, R) t, government purchases (buy-backs included) by source

    def variant(self, k: int) -> World:
        """Arrays of one variant, (H, R) each."""
        return World(consumer_price=self.consumer_price[:, k], consumption=self.consumption[:, k],
                     consumer_surplus=self.consumer_surplus[:, k], producer_surplus=self.producer_surplus[:, k],
                     net=self.net[:, k], ledger={key: a[:, k] for key, a in self.ledger.items()},
                     released=self.released[:, k], wedge_pct=self.wedge_pct[:, k], held=self.held[:, k],
                     production=self.production[:, k], flows=self.flows[:, k], gov=self.gov[:, k],
                     stocks={cid: {f: getattr(p, f)[:, k] for f in ("start", "bought", "released", "replenished",
                                                                     "end")} for cid, p in self.stocks.items()})


def run_world(model: Model, comps: list[Compiled], events: list[CompiledStress], rules: dict) -> WorldRun:
    """Solve one mineral calm and under each event (all events batched), releases applied where clauses have rules."""
    mineral = next(iter(model.markets))
    st = prepare(model, [mineral], comps)
    h = model.horizon
    if comps:
        calm_frac, (calm, calm_eq) = _settle(st, model, [None], None)
    else:  # no clauses and no stress: the baseline itself, nothing to solve
        calm_frac, calm, calm_eq = {}, baseline_usd(st, np.ones((1, h, 1)), {}, [], model), None
    ref = capped_exports(np.broadcast_to(calm.flows[0], (h, len(events)) + calm.flows.shape[-2:]), events)
    ref = ref / st.world[0][:, None]
    frac, (stressed, eq) = _settle(st, model, list(events), ref)
    plan = None
    if any(c.clause_id in rules for c in comps if c.wedge is Wedge.GOVERNMENT_PURCHASE) and events:
        cons = st.d0[0][None, :] * st.world[0][:, None]
        need = np.maximum(calm.demand[0] - stressed.demand[0], 0.0)
        bought = stressed.demand[0]
        on = np.stack([e.in_force for e in events], axis=1)
        plan = plan_releases(rules, st.comps, frac, on, stressed.index[0], st.price[0], cons, need, bought)
        release = plan.received / st.world[0][:, None, None]
        frac = plan.frac
        stressed, eq = _solve(st, model, list(events), ref, frac, strict=True, release=release,
                              buy_back=plan.buy_back)
    parts = [_account(st, calm, calm_eq, calm_frac, None), _account(st, stressed, eq, frac, plan)]
    cat = {k: np.concatenate([p[k] for p in parts], axis=1) for k in parts[0] if k != "ledger"}
    keys = set(parts[0]["ledger"]) | set(parts[1]["ledger"])
    r = len(model.regions)
    ledger = {k: np.concatenate([p["ledger"].get(k, np.zeros((h, n, r))) for p, n in zip(parts, (1, len(events)))],
                                axis=1) for k in sorted(keys)}
    stocks = _stocks(st.comps, calm_frac, frac, plan, h, len(events))
    held = np.zeros((h, 1 + len(events), r))
    for c in st.comps:
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            held += stocks[c.clause_id].start[..., None] * c.weights
    return WorldRun(model.years, cat["price"], cat["consumption"], cat["cs"], cat["ps"], cat["net"], ledger,
                    cat["released"], cat["wedge"], stocks, held, cat["production"], cat["flows"], cat["gov"])


def _settle(st: Static, model: Model, events: list, ref) -> tuple[dict, tuple]:
    """Capped purchases settled to their budgets: (budget fractions, (Usd, equilibrium))."""
    def solve_at(frac, strict):
        u, eq = _solve(st, model, events, ref, frac, strict)
        return u.price, (u, eq), u.ok

    return settle_budgets(solve_at, st.comps, {}, model.years)


def _solve(st: Static, model: Model, events: list, ref, frac: dict, strict: bool, release=None, buy_back=None):
    """Solve the variants (H x B cases) of one mineral; returns (Usd with the export wedge, equilibrium)."""
    h, b = model.horizon, len(events)
    shock = np.ones((1, h, b))
    gov = purchase_volume(st, frac, b)
    if buy_back is not None:
        gov = gov + buy_back[None]
    cases = stress_cases(build_cases(st, shock, gov), events, h, ref)
    if release is not None:
        cases = replace(cases, release=release.reshape(h * b, -1))
    eq = solve_or_raise(st, cases, model.years, (1, h, b), strict)
    u = to_usd(st, eq, shock, gov)
    r = cases.x0.shape[1]
    log_w = np.zeros((h * b, r, r)) if cases.export_wedge is None else cases.export_wedge.copy()
    if cases.quota is not None:
        on = (np.arange(r)[None, :, None] == cases.quota_from[:, None, None]) & cases.quota_to[:, None, :]
        log_w = log_w + np.where(on, eq.quota_wedge[:, None, None], 0.0)
    return replace(u, wedge=np.exp(log_w).reshape(1, h, b, r, r)), eq


def _account(st: Static, u: Usd, eq, frac: dict, plan) -> dict:
    """Prices, consumption, surplus and the clauses' fiscal flows of solved variants, (H, B, R) each."""
    h, b = u.price.shape[1:3]
    r = st.x0.shape[1]
    led = market_ledger(st, u)
    pay = np.zeros((h, b, r))
    ledger: dict = {}
    for (cid, inst), a in led.items():
        if inst == "_producers":
            pay += a
        else:
            ledger[(cid, inst)] = a
    flows, _stock, premium = purchase_ledger(u.price, st.comps, frac, u.pb, premiums=True)
    by_id = {c.clause_id: c for c in st.comps}
    for a in premium.values():
        pay += a
    if plan is not None:
        extra = release_ledger(plan, st.comps, u.price[0], u.index[0], st.price[0])
        for key, a in extra.items():
            flows[key] = flows.get(key, 0.0) + a
    for (cid, inst), a in flows.items():
        ledger[(cid, inst)] = ledger.get((cid, inst), 0.0) + a[..., None] * by_id[cid].weights
    net = sum(ledger.values()) if ledger else np.zeros((h, b, r))
    cs, ps = np.zeros((h, b, r)), np.zeros((h, b, r))
    for k in range(b):
        one = Usd(**{f: (None if getattr(u, f) is None else getattr(u, f)[:, :, k:k + 1])
                     for f in Usd.__dataclass_fields__})
        c1, p1 = surplus(st, one, pay[None, :, k])
        cs[:, k], ps[:, k] = c1[0], p1[0]
    mu = np.zeros((h, b)) if eq is None or eq.quota_wedge is None else eq.quota_wedge.reshape(h, b)
    released = np.zeros((h, b, r)) if plan is None else plan.received
    return {"price": u.index[0], "consumption": u.demand[0], "cs": cs, "ps": ps, "net": net, "ledger": ledger,
            "production": u.supply[0], "flows": u.flows[0], "gov": u.gov[0],
            "released": released,
            "wedge": 100.0 * np.expm1(mu)}


def _stocks(comps, calm_frac, frac, plan, h: int, k: int) -> dict[str, StockPath]:
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
        if plan is not None and c.clause_id in plan.stocks:
            p = plan.stocks[c.clause_id]
            for f in ("start", "bought", "released", "replenished", "end"):
                getattr(path, f)[:, 1:] = getattr(p, f)
        out[c.clause_id] = path
    return out
