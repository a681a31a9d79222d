"""Price-gap payment to eligible producers: max(0, F - p) per unit, less an upside share above F."""

from __future__ import annotations

from typing import Any

from workbench.document.clauses import ClauseKind, PriceGapSubsidyClause
from workbench.instrument_kinds.border_floor import PER_KG_100
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, FieldType, InstrumentKind, LedgerEntry, Param, Wedge,
)

ELIGIBLE_PRODUCERS = Param("eligible_producers", QT_TR_NOOP("Eligible producers"), FieldType.REGIONS,
                           bracketable=False, default_to_parties=True)


def compile_price_gap(c: PriceGapSubsidyClause, out: Any, ctx: Any) -> None:
    """Support with floor and upside threshold both at F, paid on output up to the volume cap."""
    out.price = out.threshold = c.floor_price.usd_per_tonne(ctx.usd_per)
    out.alpha = float(c.upside_share)
    out.eligible = ctx.mask(c.eligible_producers or c.parties, "eligible_producers")
    if c.volume_cap is not None:
        out.volume = ctx.split(c.volume_cap.tonnes(), out.eligible)


KIND = InstrumentKind(
    kind=ClauseKind.PRICE_GAP_SUBSIDY,
    label=QT_TR_NOOP("Price-gap subsidy"),
    model=PriceGapSubsidyClause,
    template="price_gap_subsidy",
    id_stem="price-gap",
    params=(
        Param("floor_price", QT_TR_NOOP("Floor price"), FieldType.PRICE, start=PER_KG_100, start_from_market=1.0),
        Param("upside_share", QT_TR_NOOP("Upside share to government"), FieldType.SHARE, omit_zero=True, start=0.3),
        ELIGIBLE_PRODUCERS,
        Param("volume_cap", QT_TR_NOOP("Volume cap"), FieldType.VOLUME, bracketable=False,
              optional_default={"amount": 1000.0, "unit": "t"}),
    ),
    wedge=Wedge.PRODUCER_SUPPORT,
    ledger=(LedgerEntry("subsidy_payment", QT_TR_NOOP("Price-gap payments"), "#009E73", amount="support"),),
    compile=compile_price_gap,
    price_contingent=True,
)
