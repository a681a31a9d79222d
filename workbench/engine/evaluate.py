"""evaluate(): the deterministic policy run of a scenario, from clauses to per-partner results."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import numpy as np

from workbench.data import load_dataset
from workbench.document.brackets import resolve
from workbench.engine.calibrate import build_model
from workbench.engine.budgets import Progress, settle_budgets
from workbench.engine.cases import MarketSetup, build_cases, prepare, purchase_volume
from workbench.engine.ledger import market_ledger, purchase_ledger
from workbench.engine.outcome import MarketOutcome, in_usd_and_tonnes, solve_or_raise
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.engine.guards import validity_warnings
from workbench.engine.instruments import Compiled, compile_clauses
from workbench.engine.market import Model
from workbench.engine.results import EvaluationResult
from workbench.instrument_kinds import Wedge

_MODEL_CACHE: OrderedDict = OrderedDict()
_LOCK = threading.Lock()  # the window evaluates on worker threads


def model_for(scenario: Any, dataset: Any = None) -> Model:
    """The calibrated model of a scenario (cached on the partners, minerals and assumptions it depends on)."""
    dataset = load_dataset() if dataset is None else dataset
    doc = scenario.document
    key = (id(dataset), json.dumps([[p.model_dump(mode="json") for p in doc.partners],
                                    [m.model_dump(mode="json") for m in doc.minerals],
                                    doc.assumptions.model_dump(mode="json")], sort_keys=True))
    with _LOCK:
        hit = _MODEL_CACHE.get(key)
        if hit is not None and hit[0] is dataset:
            _MODEL_CACHE.move_to_end(key)
            return hit[1]
    model = build_model(scenario, dataset)
    with _LOCK:
        _MODEL_CACHE[key] = (dataset, model)
        while len(_MODEL_CACHE) > 8:
            _MODEL_CACHE.popitem(last=False)
    return model


#: The MarketOutcome arrays a solve fills in (the others are inputs: reference price, purchases, export wedge).
SOLVED_FIELDS = ("exporter_price", "landed_price", "consumer_price", "flows", "consumption", "production",
                 "unit_support", "converged")
#: A per-bracket choice: (clause id, parameter name) -> option label, e.g. {("ndpr-border-floor", "floor_price"): "B"}.
Choices = Mapping[tuple[str, str], str]


def select_clauses(scenario: Any, clause_ids: list[str] | None, choices: Choices | None = None) -> list:
    """The scenario's clauses, or only those named (an unknown id is an error naming it), with ``choices`` applied."""
    clauses = apply_choices(list(scenario.document.clauses), choices)
    if clause_ids is None:
        return clauses
    known = {c.id for c in clauses}
    for cid in clause_ids:
        if cid not in known:
            raise EngineInputError(f"clause_ids: {cid!r} is not a clause of the scenario")
    wanted = set(clause_ids)
    return [c for c in clauses if c.id in wanted]


def apply_choices(clauses: list, choices: Choices | None) -> list:
    """The clauses with each chosen bracket replaced by the value of the chosen option.

    An unknown clause id, a parameter that is not in brackets or a label the bracket lacks is an EngineInputError
    naming it; brackets not named keep their own selection (or the ``option`` of the run).
    """
    if not choices:
        return clauses
    by_id = {c.id: i for i, c in enumerate(clauses)}
    out = list(clauses)
    updates: dict[int, dict[str, Any]] = {}
    for key, label in choices.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise EngineInputError(f"choices: {key!r} is not a (clause id, parameter) pair")
        clause_id, parameter = key
        if clause_id not in by_id:
            raise EngineInputError(f"choices: {clause_id!r} is not a clause of the scenario")
        clause = clauses[by_id[clause_id]]
        bracketed = clause.bracketed_parameters()
        if parameter not in bracketed:
            what = ", ".join(bracketed) if bracketed else "none"
            raise EngineInputError(f"choices: {parameter!r} is not a bracketed parameter of clause {clause_id!r} "
                                   f"(bracketed: {what})")
        labels = [o.label for o in getattr(clause, parameter).options]
        if label not in labels:
            raise EngineInputError(f"choices: option {label!r} of {clause_id}.{parameter} does not exist "
                                   f"(options: {', '.join(labels)})")
        updates.setdefault(by_id[clause_id], {})[parameter] = resolve(getattr(clause, parameter), label)
    for i, update in updates.items():
        out[i] = clauses[i].model_copy(update=update)
    return out


def evaluate(scenario: Any, *, dataset: Any = None, option: str | None = None, choices: Choices | None = None,
             clause_ids: list[str] | None = None, progress: Progress | None = None) -> EvaluationResult:
    """Solve every mineral market in every horizon year under the scenario's clauses and book the fiscal flows.

    ``option`` None = each bracket's selected option, "A"/"B"/... = that option wherever a bracket has it (the
    package view); ``choices`` {(clause id, parameter): label} = that option for that one bracket (before
    ``option`` applies to the others); ``clause_ids`` None = all clauses. Raises InfeasibleMarket (naming the
    clause) or EngineInputError (an unknown clause, parameter or option in ``choices`` included).
    ``progress(done, total, what)`` is told each market solve of a long run (capped purchases settling).
    """
    model = model_for(scenario, dataset)
    comps, warns = compile_clauses(model, select_clauses(scenario, clause_ids, choices), option)
    return evaluate_model(model, comps, warnings=list(model.warnings) + warns, progress=progress)


def evaluate_model(model: Model, comps: list[Compiled], *, warnings: list[str] | None = None,
                   progress: Progress | None = None) -> EvaluationResult:
    """The deterministic run on an already calibrated model and compiled clauses."""
    minerals = list(model.markets)
    setup = prepare(model, minerals, comps)
    m, h, r = len(minerals), model.horizon, len(model.regions)
    try:
        frac, outcome = _settled(setup, model, comps, progress)
    except InfeasibleMarket as exc:
        raise _diagnose(model, comps, exc) from None
    ledger_m = market_ledger(setup, outcome)
    ledger_p, stock_end, premium = purchase_ledger(outcome.exporter_price, comps, frac, outcome.reference_price,
                                                   premiums=True)
    by_id = {c.clause_id: c for c in comps}
    ledger = []
    for (cid, inst), a in ledger_m.items():
        if not inst.startswith("_"):
            ledger.append((cid, inst, by_id[cid].mineral, by_id[cid].m, a[:, 0, :]))
    for (cid, inst), a in ledger_p.items():
        c = by_id[cid]
        ledger.append((cid, inst, c.mineral, c.m, a[:, 0, None] * c.weights))
    # producer payments by producing region (subsidies, CfDs, purchase premiums) for producer surplus
    pay = np.zeros((m, h, r))
    for (cid, inst), a in ledger_m.items():
        if inst == "_producers":
            pay[by_id[cid].m] += a[:, 0, :]
    for cid, a in premium.items():
        pay[by_id[cid].m] += a[:, 0, :]
    stock = np.zeros((m, r))
    gov_flows = np.zeros((m, h, r, r))
    for cid, s in stock_end.items():
        c = by_id[cid]
        stock[c.m] += s[0] * c.weights
    for c in comps:
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            f = frac.get(c.clause_id, np.ones((h, 1)))[:, 0] * c.years
            gov_flows[c.m] += f[:, None, None] * c.volume[None, :, None] * c.weights[None, None, :]
    cs, ps = surplus(setup, outcome, pay)
    world = setup.world_consumption
    base_flows = (setup.import_share * setup.consumption_share[:, None, :])[:, None] * world[:, :, None, None]
    base_production = setup.production_share[:, None, :] * world[:, :, None]
    base_consumption = setup.consumption_share[:, None, :] * world[:, :, None]
    guards = validity_warnings(model, comps, price=outcome.exporter_price[:, :, 0],
                               index=outcome.consumer_price[:, :, 0], base_price=setup.reference_price,
                               production=base_production, consumption=base_consumption, base_flows=base_flows,
                               supply=outcome.production[:, :, 0], ledger=ledger, frac=frac)
    disc = (1.0 + model.discount_rate) ** -np.arange(1, h + 1, dtype=float)
    return EvaluationResult(
        years=model.years, regions=list(model.regions), region_names=dict(model.region_names), minerals=minerals,
        discount=disc, base_price=setup.reference_price.copy(), consumer_price=outcome.consumer_price[:, :, 0],
        producer_price=(outcome.exporter_price + outcome.unit_support)[:, :, 0],
        base_consumption=base_consumption, base_production=base_production,
        base_flows=base_flows, flows=outcome.flows[:, :, 0], gov_flows=gov_flows,
        production=outcome.production[:, :, 0],
        consumer_surplus=cs, producer_surplus=ps, ledger=ledger, stock_end=stock,
        members=list(model.members), warnings=list(warnings or []) + guards)


def _settled(setup: MarketSetup, model: Model, comps: list[Compiled],
             progress: Progress | None = None) -> tuple[dict, MarketOutcome]:
    """Solve the markets with the clauses (capped purchases settled to their budgets): (budget fractions, outcome).

    Each mineral is a market of its own: a settling round re-solves only the markets whose purchase fractions changed
    (usually one or two of many), on static arrays restricted once per set of markets.
    """
    m = len(setup.minerals)
    shock = np.ones((m, model.horizon, 1))
    active = [k for k in range(m) if any(c.m == k and c.years.any() for c in comps)]
    ids_of = {k: [c.clause_id for c in comps if c.m == k] for k in active}
    subs: dict[tuple[int, ...], MarketSetup] = {}
    last: dict[str, Any] = {}

    def solve_at(frac, strict):
        before = last.get("frac")
        todo = active if strict or before is None else [
            k for k in active if any(not _same(frac.get(i), before.get(i)) for i in ids_of[k])]
        key = tuple(todo)
        if key not in subs:
            subs[key] = _restrict(setup, model, todo)
        outcome = solve_active(setup, shock, frac, todo, model, strict, subs[key])
        kept = [k for k in active if k not in todo]
        if kept:
            for name in SOLVED_FIELDS:
                getattr(outcome, name)[kept] = getattr(last["outcome"], name)[kept]
        last.update(frac=dict(frac), outcome=outcome)
        return outcome.exporter_price, outcome, outcome.converged

    return settle_budgets(solve_at, comps, {}, model.years, progress=progress)


def _same(a: Any, b: Any) -> bool:
    """Whether two purchase fractions (None = the full volume) are the same."""
    return (a is None and b is None) or (a is not None and b is not None and np.array_equal(a, b))


def solve_active(setup: MarketSetup, shock: np.ndarray, frac: dict, active: list[int], model: Model,
                 strict: bool = True, sub: MarketSetup | None = None) -> MarketOutcome:
    """Solve the markets of the minerals with clauses (indices ``active``); the others stay at their baseline (no
    need to solve them). ``sub``: the setup already restricted to ``active``."""
    m, h, b = shock.shape
    gov = purchase_volume(setup, frac, b)
    r = setup.production_share.shape[1]
    if active:
        sub = sub if sub is not None else _restrict(setup, model, active)
        cases = build_cases(sub, shock[active], gov[active])
        eq = solve_or_raise(sub, cases, model.years, (len(active), h, b), strict)
        solved = in_usd_and_tonnes(sub, eq, shock[active], gov[active])
    pb = setup.reference_price[:, :, None] * shock
    w = setup.world_consumption[:, :, None]
    full = MarketOutcome(
        reference_price=pb, exporter_price=np.broadcast_to(pb[..., None], (m, h, b, r)).copy(),
        landed_price=np.broadcast_to(pb[..., None, None], (m, h, b, r, r)).copy(),
        consumer_price=np.broadcast_to(pb[..., None], (m, h, b, r)).copy(),
        flows=(setup.import_share * setup.consumption_share[:, None, :])[:, None, None] * w[..., None, None],
        consumption=setup.consumption_share[:, None, None, :] * w[..., None],
        production=setup.production_share[:, None, None, :] * w[..., None],
        unit_support=np.zeros((m, h, b, r)), purchases=gov, converged=np.ones((m, h, b), bool))
    if active:
        for name in SOLVED_FIELDS:
            getattr(full, name)[active] = getattr(solved, name)
    return full


#: An infeasible market with more clauses than this is not narrowed by removing them one at a time (each removal is a
#: solve of the whole market: a 7,000-clause scenario took minutes); the clauses that fail alone are still found.
MAX_REMOVALS = 12


def _diagnose(model: Model, comps: list[Compiled], exc: InfeasibleMarket) -> InfeasibleMarket:
    """Narrow an infeasible market down to the clause(s) that leave no equilibrium: first those under which the
    market cannot clear even alone (one small solve each), else, among a few, those without which it clears."""
    if len(exc.clause_ids) < 2:
        return exc
    mine = [c for c in comps if c.mineral == exc.mineral]
    sub = replace(model, markets={exc.mineral: model.markets[exc.mineral]})

    def clears(clauses: list[Compiled]) -> bool:
        alone = [replace(c, m=0) for c in clauses]
        try:
            _settled(prepare(sub, [exc.mineral], alone), sub, alone)
        except InfeasibleMarket:
            return False
        return True

    by_id = {c.clause_id: c for c in mine}
    failing = [cid for cid in _fail_alone(sub, exc.mineral, [by_id[i] for i in exc.clause_ids if i in by_id])
               if not _capped(by_id[cid]) or not clears([by_id[cid]])]
    if failing:
        return InfeasibleMarket(f"the {exc.mineral} market has no equilibrium in {exc.year} under clause "
                                f"{_names(failing)} even on its own", mineral=exc.mineral, year=exc.year,
                                clause_ids=tuple(failing))
    if len(exc.clause_ids) > MAX_REMOVALS:
        return exc
    culprits = [cid for cid in exc.clause_ids if clears([c for c in mine if c.clause_id != cid])]
    if not culprits:
        return exc
    return InfeasibleMarket(f"{exc} - the market clears without clause {_names(culprits)}", mineral=exc.mineral,
                            year=exc.year, clause_ids=tuple(culprits))


def _capped(c: Compiled) -> bool:
    return c.wedge is Wedge.GOVERNMENT_PURCHASE and bool(np.isfinite(c.budget))


def _fail_alone(model: Model, mineral: str, clauses: list[Compiled]) -> list[str]:
    """The clauses under which ``mineral``'s market has no equilibrium even alone, found in one batched solve (the
    market copied once per clause); a capped purchase is tried at its full volume (the caller settles its budget)."""
    if not clauses:
        return []
    n = len(clauses)
    setup = prepare(model, [mineral] * n, [replace(c, m=i) for i, c in enumerate(clauses)])
    outcome = solve_active(setup, np.ones((n, model.horizon, 1)), {}, list(range(n)), model, strict=False)
    return [c.clause_id for i, c in enumerate(clauses) if not outcome.converged[i].all()]


def _names(clause_ids: list[str]) -> str:
    """Clause ids for a message: the first five, then how many more."""
    more = f" and {len(clause_ids) - 5} more" if len(clause_ids) > 5 else ""
    return ", ".join(clause_ids[:5]) + more


def _restrict(setup: MarketSetup, model: Model, keep: list[int]) -> MarketSetup:
    """The static arrays for a subset of minerals (clauses re-indexed); ``setup`` itself when that is all of them."""
    if keep == list(range(len(setup.minerals))):
        return setup
    remap = {old: new for new, old in enumerate(keep)}
    comps = [replace(c, m=remap[c.m]) for c in setup.clauses if c.m in remap]
    return prepare(model, [setup.minerals[k] for k in keep], comps)


def surplus(setup: MarketSetup, outcome: MarketOutcome, pay: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Consumer and producer surplus changes (M, H, R) in USD against the baseline year by year.

    CS_j = -D_j P/(1+eta) [(P~_j/P)^(1+eta) - 1]; PS_i = X_i P/(1+eps) [(s_i/P)^(1+eps) - 1] + transfers beyond the
    margin, where s_i = (X_i/X_i^base)^(1/eps) P is the marginal price the output implies (see docs/model.md).
    """
    pb = outcome.reference_price[:, :, 0][..., None]
    d = setup.consumption_share[:, None, :] * setup.world_consumption[:, :, None]
    x = setup.production_share[:, None, :] * setup.world_consumption[:, :, None]
    ratio = outcome.consumer_price[:, :, 0] / pb
    eta = setup.demand_elasticity[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        k = 1.0 + eta
        cs = np.where(np.abs(k) > 1e-9, -d * pb * (ratio ** k - 1.0) / np.where(np.abs(k) > 1e-9, k, 1.0),
                      -d * pb * np.log(ratio))
        eps = setup.supply_elasticity[:, None, :]
        supply = outcome.production[:, :, 0]
        p = outcome.exporter_price[:, :, 0]
        xs = np.where(x > 0, supply / np.where(x > 0, x, 1.0), 1.0)
        # marginal price implied by the output; with (near-)fixed supply it is the price plus support paid
        steep = eps < 1e-3
        implied = np.exp(np.clip(np.log(np.maximum(xs, 1e-300)) / np.where(steep, 1.0, eps), -50.0, 50.0))
        s = np.where(steep, (p + outcome.unit_support[:, :, 0]) / pb, implied)
        integral = x * pb * (s ** (1.0 + eps) - 1.0) / (1.0 + eps)
        ps = integral + pay + (p - s * pb) * supply
    # ps needs no such guard: supply elasticities are at most 10 and s is clipped to e^+-50, so s^(1 + eps) stays
    # below e^550 and every term is finite for a solved market
    return np.where(np.isfinite(cs), cs, 0.0), ps
