"""Validity guards: where a run leaves the range the model can vouch for, as structured warnings naming the clause."""

from __future__ import annotations

import numpy as np

from workbench.engine.instruments import Compiled
from workbench.engine.market import Model
from workbench.instrument_kinds import Wedge

#: Prices beyond these multiples of the baseline extrapolate the constant elasticities far from their calibration.
PRICE_BAND = (0.5, 2.0)
#: A purchase above this share of world output (in a year) is beyond what a stockpile programme moves in the data.
WORLD_OUTPUT_SHARE = 0.2
#: An agreed purchase price more than this below the sources' market price is flagged (sellers would not deliver).
BELOW_MARKET_TOLERANCE = 0.01


class ModelWarning(str):
    """A warning that is also data: the text (so it prints and joins like any warning) plus what it is about.

    ``code`` names the guard (``price_band``, ``purchase_share``, ``below_market``, ``cfd_volume``,
    ``revenue_above_imports``, ``near_the_money``); ``figure`` is the number that tripped it, in ``unit``.
    """

    code: str
    clause_id: str
    mineral: str
    year: int | None
    figure: float
    unit: str

    def __new__(cls, message: str, *, code: str, clause_id: str, mineral: str, year: int | None, figure: float,
                unit: str) -> ModelWarning:
        obj = super().__new__(cls, message)
        obj.code, obj.clause_id, obj.mineral, obj.year = code, clause_id, mineral, year
        obj.figure, obj.unit = float(figure), unit
        return obj

    def short(self, clause: str | None = None) -> str:
        """One short line for a crowded screen: the clause (``clause``, e.g. its title, or else its id) and what
        tripped (the full text is the string itself)."""
        f, y = self.figure, self.year
        what = {
            "price_band": f"price {f:.2f}x the baseline ({y})",
            "purchase_share": (f"buys {100 * f:.0f}% of world output ({y})" if self.unit == "share of world output"
                               else f"buys {f:.1f}x a source's output ({y})"),
            "below_market": f"agreed price {100 * f:.0f}% below the market ({y})",
            "cfd_volume": f"contracted volume {f:.1f}x the eligible output ({y})",
            "revenue_above_imports": f"revenue {f:.1f}x the base import bill ({y})",
            "near_the_money": "near the money: compare the Monte Carlo expected cost",
        }.get(self.code, self.code)
        return f"{clause or self.clause_id}: {what}"

    def to_json(self) -> dict:
        """The warning as plain JSON data."""
        return {"code": self.code, "clause_id": self.clause_id, "mineral": self.mineral, "year": self.year,
                "figure": self.figure, "unit": self.unit, "message": str(self)}


def validity_warnings(model: Model, comps: list[Compiled], *, price: np.ndarray, index: np.ndarray,
                      base_price: np.ndarray, production: np.ndarray, consumption: np.ndarray,
                      base_flows: np.ndarray, supply: np.ndarray, ledger: list, frac: dict) -> list[ModelWarning]:
    """Every guard on one deterministic run (arrays indexed [mineral, year, region(, region)], USD and tonnes).

    ``price`` exporters' market prices, ``index`` consumers' composite prices, ``base_price`` (M, H) the baseline,
    ``production``/``consumption``/``base_flows`` the baseline quantities, ``supply`` output under the clauses,
    ``ledger`` the fiscal ledger rows (clause_id, instrument, mineral, mineral index, (H, R)), ``frac`` the budget
    fractions of capped purchases.
    """
    with np.errstate(all="ignore"):  # a guard on extreme inputs reports, it never raises
        return _guards(model, comps, price, index, base_price, production, consumption, base_flows, supply, ledger,
                       frac)


def _guards(model, comps, price, index, base_price, production, consumption, base_flows, supply, ledger, frac):
    """The guards of :func:`validity_warnings`, clause by clause, then the revenue check over the ledger."""
    years = model.years
    out: list[ModelWarning] = []
    pb = base_price[:, :, None]
    rel = np.concatenate([np.where(production > 0, price / pb, 1.0), np.where(consumption > 0, index / pb, 1.0)],
                         axis=2)  # (M, H, 2R): producers' market prices, then consumers' composite prices
    lo, hi = PRICE_BAND
    beyond = np.where(rel > 1.0, rel / hi, lo / np.maximum(rel, 1e-300))  # > 1 outside the band
    for c in comps:
        on = np.flatnonzero(c.years)
        if not on.size:
            continue
        out += _price_band(c, years, on, rel[c.m], beyond[c.m], production.shape[-1])
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            out += _purchase(model, c, years, on, price, base_price, production, frac)
        elif c.wedge is Wedge.PRODUCER_SUPPORT and not c.marginal and c.volume is not None:
            out += _cfd_volume(c, years, on, supply)
        out += _near_the_money(model, c, years, on, base_price)
    imports = base_flows.sum(axis=2) - np.diagonal(base_flows, axis1=2, axis2=3)  # (M, H, R) base imports
    out += _revenue(comps, years, base_price, imports, ledger)
    return out


def _price_band(c, years, on, rel, beyond, regions) -> list[ModelWarning]:
    """A price of the clause's mineral below 0.5x or above 2x the baseline in a year the clause is active."""
    worst = beyond[on]
    t, k = np.unravel_index(int(np.argmax(worst)), worst.shape)
    if worst[t, k] <= 1.0:
        return []
    lo, hi = PRICE_BAND
    ratio = float(rel[on[t], k])
    side = "consumer" if k >= regions else "producer"
    return [ModelWarning(
        f"clause {c.clause_id!r}: the {c.mineral} {side} price reaches {ratio:.2f}x the baseline in {years[on[t]]}, "
        f"outside the {lo:g}x-{hi:g}x band where the constant elasticities are trusted; the figures extrapolate",
        code="price_band", clause_id=c.clause_id, mineral=c.mineral, year=years[on[t]], figure=ratio,
        unit="x baseline price")]


def _purchase(model, c, years, on, price, base_price, production, frac) -> list[ModelWarning]:
    """Purchases above a share of world output or above a source's output; an agreed price below the market."""
    out = []
    f = frac.get(c.clause_id, np.ones((len(years), 1)))[:, 0]
    bought = f[on, None] * c.volume[None, :]  # (T, R) tonnes a year by source
    world = production[c.m][on].sum(axis=1)
    share = bought.sum(axis=1) / world
    t = int(np.argmax(share))
    if share[t] > WORLD_OUTPUT_SHARE:
        out.append(ModelWarning(
            f"clause {c.clause_id!r} buys {bought[t].sum():,.0f} t of {c.mineral} in {years[on[t]]}, "
            f"{100 * share[t]:.0f}% of world output ({world[t]:,.0f} t), above the {100 * WORLD_OUTPUT_SHARE:.0f}% "
            "a stockpile can take without the model extrapolating", code="purchase_share", clause_id=c.clause_id,
            mineral=c.mineral, year=years[on[t]], figure=float(share[t]), unit="share of world output"))
    made = production[c.m][on]
    over = np.divide(bought, made, out=np.where(bought > 0, np.inf, 0.0), where=made > 0)  # a dry source: inf
    t, i = np.unravel_index(int(np.argmax(over)), over.shape)
    if over[t, i] > 1.0:
        out.append(ModelWarning(
            f"clause {c.clause_id!r} buys {bought[t, i]:,.0f} t of {c.mineral} a year from {model.regions[i]}, more "
            f"than its base output ({made[t, i]:,.0f} t) in {years[on[t]]}", code="purchase_share",
            clause_id=c.clause_id, mineral=c.mineral, year=years[on[t]], figure=float(over[t, i]),
            unit="share of the source's output"))
    if c.agreed:
        src = np.flatnonzero(c.volume > 0)
        market = price[c.m][on][:, src] @ (c.volume[src] / c.volume[src].sum())
        gap = 1.0 - c.price / market
        t = int(np.argmax(gap))
        if gap[t] > BELOW_MARKET_TOLERANCE:
            out.append(ModelWarning(
                f"clause {c.clause_id!r}: the agreed price USD {c.price:,.0f}/t is {100 * gap[t]:.0f}% below the "
                f"sources' market price (USD {market[t]:,.0f}/t) in {years[on[t]]}: sellers would not deliver at it; "
                "the model books the purchase as if they did", code="below_market", clause_id=c.clause_id,
                mineral=c.mineral, year=years[on[t]], figure=float(gap[t]), unit="share below market price"))
    return out


def _cfd_volume(c, years, on, supply) -> list[ModelWarning]:
    """A fixed-volume CfD whose contracted volume exceeds what the eligible producers make."""
    made = (supply[c.m][on] * c.eligible).sum(axis=1)
    want = float(c.volume.sum())
    ratio = want / np.maximum(made, 1e-300)
    t = int(np.argmax(ratio))
    if ratio[t] <= 1.0:
        return []
    return [ModelWarning(
        f"clause {c.clause_id!r}: the contracted volume {want:,.0f} t a year exceeds the eligible producers' output "
        f"({made[t]:,.0f} t) in {years[on[t]]}; payments are booked on volume that is not produced",
        code="cfd_volume", clause_id=c.clause_id, mineral=c.mineral, year=years[on[t]], figure=float(ratio[t]),
        unit="x eligible output")]


def _revenue(comps, years, base_price, imports, ledger) -> list[ModelWarning]:
    """Levy or tariff revenue of a clause above its parties' base-year import bill for the mineral."""
    by_id = {c.clause_id: c for c in comps}
    out = []
    for cid, inst, mineral, mi, a in ledger:
        c = by_id.get(cid)
        if c is None or c.wedge not in (Wedge.PRICE_FLOOR, Wedge.AD_VALOREM):
            continue
        revenue = -a.sum(axis=1)  # (H,) receipts of every party
        bill = (imports[mi] * c.parties).sum(axis=1) * base_price[mi]
        ratio = np.divide(revenue, bill, out=np.where(revenue > 0, np.inf, 0.0), where=bill > 0)
        t = int(np.argmax(ratio))
        if ratio[t] > 1.0:
            out.append(ModelWarning(
                f"clause {cid!r}: {inst.replace('_', ' ')} of USD {revenue[t] / 1e6:,.1f} m in {years[t]} exceeds the "
                f"parties' whole base-year {mineral} import bill (USD {bill[t] / 1e6:,.1f} m, {ratio[t]:.1f}x)",
                code="revenue_above_imports", clause_id=cid, mineral=mineral, year=years[t], figure=float(ratio[t]),
                unit="x base import bill"))
    return out


def _near_the_money(model, c, years, on, base_price) -> list[ModelWarning]:
    """A price-contingent clause whose floor or strike lies within one year's price volatility of the reference."""
    if not c.kind.price_contingent:
        return []
    market = model.markets[c.mineral]
    pb = base_price[c.m][on]
    distance = np.abs(np.log(c.price / pb))
    t = int(np.argmin(distance))
    if distance[t] > market.volatility:
        return []
    return [ModelWarning(
        f"clause {c.clause_id!r} is near the money: its price USD {c.price:,.0f}/t lies within one year's price "
        f"volatility ({100 * market.volatility:.0f}%) of the {c.mineral} reference price (USD {pb[t]:,.0f}/t) in "
        f"{years[on[t]]}: the deterministic figure assumes the reference path; compare the Monte Carlo "
        "expected cost, which can have the other sign (`evaluate --paths N`)", code="near_the_money",
        clause_id=c.clause_id, mineral=c.mineral, year=years[on[t]],
        figure=float(distance[t] / max(market.volatility, 1e-300)), unit="log distance / volatility")]


def sign_flags(result, monte_carlo, tolerance_usd: float = 5e4) -> dict[str, tuple[float, float]]:
    """Regions whose deterministic PV of net fiscal cost and Monte Carlo expected PV have opposite signs.

    Returns {region: (deterministic PV, expected PV)} in USD; amounts within ``tolerance_usd`` of zero have no sign.
    What the CLI (`evaluate --paths N`), the window and the term sheet flag beside a near-the-money clause's figures.
    """
    det = result.partner_table["fiscal_cost_pv_usd"]
    exp = monte_carlo.summary["expected_cost_pv_usd"]
    out = {}
    for region in result.regions:
        d, e = float(det[region]), float(exp[region])
        if abs(d) > tolerance_usd and abs(e) > tolerance_usd and (d > 0) != (e > 0):
            out[region] = (d, e)
    return out
