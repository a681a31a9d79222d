"""Two-sided contract for difference: pays K - p below the strike, claws back a share of p - C above C."""

from __future__ import annotations

from typing import Any

from workbench.document.brackets import resolve
from workbench.document.clauses import CfdClause, ClauseKind, VolumeBasis
from workbench.instrument_kinds.border_floor import PER_KG_100
from workbench.instrument_kinds.price_gap_subsidy import ELIGIBLE_PRODUCERS
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, Choice, FieldType, InstrumentKind, LedgerEntry, Param, Part, Wedge,
)


def compile_cfd(c: CfdClause, out: Any, ctx: Any) -> None:
    """Support between strike K and threshold C; on output (shifts supply) or on a contracted volume (a transfer)."""
    out.price = c.strike_price.usd_per_tonne(ctx.usd_per)
    out.threshold = c.rebate_threshold.usd_per_tonne(ctx.usd_per)
    if out.threshold < out.price:
        raise ctx.input_error(f"clause {c.id!r}.rebate_threshold: {out.threshold:,.0f} USD/t is below "
                              f"the strike price {out.price:,.0f} USD/t")
    out.alpha = float(c.clawback_share)
    out.eligible = ctx.mask(c.eligible_producers or c.parties, "eligible_producers")
    out.marginal = c.volume_basis is VolumeBasis.MARGINAL_OUTPUT
    if not out.marginal:
        out.volume = ctx.split(resolve(c.contracted_volume).tonnes(), out.eligible)


KIND = InstrumentKind(
    kind=ClauseKind.CFD,
    label=QT_TR_NOOP("Contract for difference"),
    model=CfdClause,
    template="cfd",
    id_stem="cfd",
    params=(
        Param("strike_price", QT_TR_NOOP("Strike price"), FieldType.PRICE, start=PER_KG_100, start_from_market=1.0),
        Param("rebate_threshold", QT_TR_NOOP("Rebate threshold (cap)"), FieldType.PRICE,
              start={**PER_KG_100, "amount": 130.0}, start_from_market=1.3),
        Param("clawback_share", QT_TR_NOOP("Clawback share above the cap"), FieldType.SHARE, start=0.5),
        Param("volume_basis", QT_TR_NOOP("Pays on"), FieldType.CHOICE, bracketable=False, placeholder="volume_scope",
              choices=(Choice(VolumeBasis.MARGINAL_OUTPUT.value, QT_TR_NOOP("Every unit produced"),
                              "each unit of eligible output produced in the Settlement Period"),
                       Choice(VolumeBasis.FIXED_VOLUME.value, QT_TR_NOOP("A contracted volume"),
                              "each unit of the Contracted Volume"))),
        Param("contracted_volume", QT_TR_NOOP("Contracted volume"), FieldType.VOLUME,
              optional_default={"amount": 1000.0, "unit": "t"}),
        ELIGIBLE_PRODUCERS,
    ),
    wedge=Wedge.PRODUCER_SUPPORT,
    ledger=(LedgerEntry("cfd_payment", QT_TR_NOOP("CfD payments"), "#F0E442", amount="support", part=Part.OUTLAYS),
            LedgerEntry("cfd_rebate", QT_TR_NOOP("CfD rebates"), "#0072B2", amount="support", part=Part.RECEIPTS)),
    compile=compile_cfd,
    price_contingent=True,
    rebate_probability=True,
)
