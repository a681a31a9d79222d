"""Purchase commitment or stockpile: governments buy a yearly volume from named sources."""

from __future__ import annotations

import math
from typing import Any

from workbench.document.brackets import resolve
from workbench.document.clauses import ClauseKind, PriceBasis, PurchaseClause
from workbench.instrument_kinds.border_floor import PER_KG_100
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, Choice, FieldType, InstrumentKind, LedgerEntry, Param, Wedge,
)


def compile_purchase(c: PurchaseClause, out: Any, ctx: Any) -> None:
    """The yearly volume split over the sources by production, its price and budget; refuses a dry source."""
    market = ctx.market
    out.volume = ctx.split(resolve(c.annual_volume).tonnes(), ctx.mask(c.sources, "sources"))
    out.agreed = c.price_basis is PriceBasis.AGREED
    if out.agreed:
        out.price = resolve(c.agreed_price).usd_per_tonne(ctx.usd_per)
    out.rate = float(resolve(c.premium_share))
    out.budget = c.budget_cap.usd(ctx.usd_per) if c.budget_cap is not None else math.inf
    out.storage_rate = float(c.storage_cost_rate)
    dry = (out.volume > 0) & ((market.production <= 0) | (market.supply_elasticity == 0)
                              & (out.volume >= market.production))
    if dry.any():
        i = int(dry.nonzero()[0][0])
        raise ctx.infeasible(
            f"clause {c.id!r} buys {out.volume[i]:,.0f} t a year of {c.mineral} from {ctx.regions[i]}, which "
            f"produces {market.production[i]:,.0f} t with supply elasticity {market.supply_elasticity[i]:g}")


KIND = InstrumentKind(
    kind=ClauseKind.PURCHASE,
    label=QT_TR_NOOP("Purchase commitment / stockpile"),
    model=PurchaseClause,
    template="purchase",
    id_stem="purchase",
    params=(
        Param("annual_volume", QT_TR_NOOP("Annual volume"), FieldType.VOLUME, start={"amount": 100.0, "unit": "t"},
              start_from_market=0.01),
        Param("price_basis", QT_TR_NOOP("Price basis"), FieldType.CHOICE, bracketable=False,
              choices=(Choice(PriceBasis.AGREED.value, QT_TR_NOOP("Agreed price")),
                       Choice(PriceBasis.MARKET_PLUS_PREMIUM.value, QT_TR_NOOP("Market price plus premium")))),
        Param("agreed_price", QT_TR_NOOP("Agreed price"), FieldType.PRICE, optional_default=PER_KG_100,
              start=PER_KG_100, start_from_market=1.0),
        Param("premium_share", QT_TR_NOOP("Premium over market"), FieldType.SHARE, omit_zero=True),
        Param("sources", QT_TR_NOOP("Sources"), FieldType.REGIONS, bracketable=False, any_region=True, start=["ROW"]),
        Param("budget_cap", QT_TR_NOOP("Budget cap"), FieldType.MONEY, bracketable=False,
              optional_default={"amount": 1e8, "currency": "USD"}),
        Param("storage_cost_rate", QT_TR_NOOP("Storage cost"), FieldType.SHARE, bracketable=False, maximum=0.25,
              suffix=QT_TR_NOOP(" % of value a year")),
        Param("release_rule", QT_TR_NOOP("Release in a crisis"), FieldType.RELEASE_RULE, bracketable=False,
              optional_default={"on_stress": True, "max_days_of_cover": 30.0, "allocation": "need"}),
    ),
    wedge=Wedge.GOVERNMENT_PURCHASE,
    ledger=(LedgerEntry("purchase_outlay", QT_TR_NOOP("Purchase outlays"), "#D55E00", amount="outlay"),
            LedgerEntry("storage_cost", QT_TR_NOOP("Storage cost"), "#CC79A7", amount="storage"),
            LedgerEntry("stock_end_value", QT_TR_NOOP("Stock value at end"), "#999999", amount="stock_end",
                        cash=False)),
    compile=compile_purchase,
)
