"""Stock release rules under stress: when a stockpile sells to the parties' consumers, how much, and its buy-back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.document.release import ReleaseAllocation, ReleaseRule
from workbench.engine.instruments import Compiled
from workbench.instrument_kinds import Wedge

MAX_SHARE_OF_PURCHASES = 0.9  # a release covers at most this share of what a region's consumers still buy


@dataclass
class StockPath:
    """One purchase clause's stock through the horizon, per variant, in tonnes (H, B)."""

    start: np.ndarray
    bought: np.ndarray
    released: np.ndarray
    replenished: np.ndarray
    end: np.ndarray
    planned_end: np.ndarray   # the stock without any release (what the plain purchase ledger books)


@dataclass
class ReleasePlan:
    """Releases to each region's consumers (H, B, R), buy-backs by source (H, B, R), and each clause's stock."""

    received: np.ndarray
    buy_back: np.ndarray
    stocks: dict[str, StockPath]
    frac: dict[str, np.ndarray]   # purchase fractions (H, B) with the purchases a triggered rule suspends removed


def plan_releases(rules: dict[str, ReleaseRule], comps: list[Compiled], frac: dict[str, np.ndarray],
                  stressed: np.ndarray, consumer_price: np.ndarray, base_price: np.ndarray,
                  base_consumption: np.ndarray, need: np.ndarray, bought: np.ndarray) -> ReleasePlan:
    """Apply each clause's release rule year by year (the stock carries over).

    ``stressed`` (H, B) a stress event in force; ``consumer_price`` (H, B, R) the market without releases (the
    trigger looks at the price the market would have); ``base_price`` (H,) the baseline reference price;
    ``base_consumption`` (H, R) t; ``need`` (H, B, R) each region's shortfall against the same world without the
    stress; ``bought`` (H, B, R) what its consumers buy in the market. Releases draw only on the stock held at the
    start of the year (tonnes bought that year go into store).
    """
    h, b, r = consumer_price.shape
    received = np.zeros((h, b, r))
    buy_back = np.zeros((h, b, r))
    stocks: dict[str, StockPath] = {}
    frac = dict(frac)
    for c in comps:
        rule = rules.get(c.clause_id)
        if c.wedge is not Wedge.GOVERNMENT_PURCHASE or rule is None:
            continue
        owners = c.weights > 0
        vol = c.volume.sum()
        planned = frac.get(c.clause_id, np.ones((h, b))) * c.years[:, None] * vol  # (H, B)
        rate = np.full(h, np.inf)
        if rule.max_release is not None:
            rate = np.minimum(rate, rule.max_release.tonnes())
        if rule.max_days_of_cover is not None:
            rate = np.minimum(rate, rule.max_days_of_cover / 365.0 * base_consumption[:, owners].sum(axis=1))
        refill = np.full(h, rule.replenish_rate.tonnes()) if rule.replenish_rate is not None else rate
        trigger = np.zeros((h, b), bool)
        if rule.on_stress:
            trigger |= stressed
        if rule.price_trigger is not None:
            w = base_consumption[:, owners]
            w = np.where(w.sum(axis=1, keepdims=True) > 0, w, 1.0)
            avg = (consumer_price[:, :, owners] * w[:, None, :]).sum(axis=2) / w.sum(axis=1)[:, None]
            trigger |= stressed.any(axis=0)[None, :] & (avg > rule.price_trigger * base_price[:, None])
        if rule.suspend_purchases:
            frac[c.clause_id] = frac.get(c.clause_id, np.ones((h, b))) * ~trigger
            planned = planned * ~trigger
        path = StockPath(*(np.zeros((h, b)) for _ in range(6)))
        held = np.zeros(b)
        owed = np.zeros(b)
        for t in range(h):
            path.start[t] = held
            path.bought[t] = planned[t]
            if rule.allocation is ReleaseAllocation.NEED:  # by shortfall, never more than the shortfall
                want = np.where(owners, need[t], 0.0)
                cap = want.sum(axis=1)
            else:  # by the owners' shares of the clause's cost
                want = np.broadcast_to(np.where(owners, c.weights, 0.0), (b, r))
                cap = np.full(b, np.inf)
            amount = np.where(trigger[t], np.minimum(np.minimum(rate[t], held), cap), 0.0)
            total = want.sum(axis=1, keepdims=True)
            alloc = np.divide(want, total, out=np.zeros((b, r)), where=total > 0)
            room = np.maximum(MAX_SHARE_OF_PURCHASES * bought[t] - received[t], 0.0)
            give = np.minimum(amount[:, None] * alloc, room)
            out = give.sum(axis=1)
            received[t] += give
            back = np.where(trigger[t] | (not rule.replenish), 0.0, np.minimum(refill[t], owed))
            owed += out - back
            buy_back[t] += back[:, None] * c.volume / vol
            held = held + planned[t] - out + back
            path.released[t], path.replenished[t], path.end[t] = out, back, held
        path.planned_end = np.cumsum(planned, axis=0)
        stocks[c.clause_id] = path
    return ReleasePlan(received, buy_back, stocks, frac)


def release_ledger(plan: ReleasePlan, comps: list[Compiled], source_price: np.ndarray, consumer_price: np.ndarray,
                   base_price: np.ndarray) -> dict[tuple[str, str], np.ndarray]:
    """What the releases change in each clause's ledger, before cost sharing: {(clause_id, instrument): (H, B)}.

    Receipts from the tonnes sold (at the receiving region's consumer price), buy-backs at the sources' market
    price (``purchase_outlay``), storage on the stock actually held and the end value of what is left.
    ``source_price`` (H, B, R), ``consumer_price`` (H, B, R), ``base_price`` (H,).
    """
    out: dict[tuple[str, str], np.ndarray] = {}
    by_id = {c.clause_id: c for c in comps}
    for cid, path in plan.stocks.items():
        c = by_id[cid]
        src = np.flatnonzero(c.volume > 0)
        pm = source_price[..., src] @ (c.volume[src] / c.volume[src].sum())  # (H, B)
        share = np.divide(path.released, plan.received.sum(axis=2), out=np.zeros_like(path.released),
                          where=plan.received.sum(axis=2) > 0)  # this clause's part of each year's release
        sales = (plan.received * consumer_price).sum(axis=2) * share
        diff = path.end - path.planned_end
        end = np.zeros_like(diff)
        end[-1] = -diff[-1] * np.minimum(pm[-1], base_price[-1])
        key = {entry.amount: entry.key for entry in c.kind.ledger}  # the purchase kind's ledger lines
        out[(cid, "stock_release_receipt")] = -sales
        out[(cid, key["outlay"])] = path.replenished * pm
        out[(cid, key["storage"])] = c.storage_rate * diff * pm
        out[(cid, key["stock_end"])] = end
    return out
