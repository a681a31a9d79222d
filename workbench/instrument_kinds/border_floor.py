"""Border-adjusted price floor: a variable levy max(0, F - landed price) on imports from non-members."""

from __future__ import annotations

from typing import Any

from workbench.document.clauses import BorderFloorClause, ClauseKind
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, FieldType, InstrumentKind, LedgerEntry, Param, Wedge,
)

PER_KG_100 = {"amount": 100.0, "currency": "USD", "per": "kg"}


def compile_floor(c: BorderFloorClause, out: Any, ctx: Any) -> None:
    """The floor in USD/t on imports from every non-party into every party."""
    out.price = c.floor_price.usd_per_tonne(ctx.usd_per)
    out.pairs = (~out.parties)[:, None] & out.parties[None, :]


KIND = InstrumentKind(
    kind=ClauseKind.BORDER_FLOOR,
    label=QT_TR_NOOP("Border-adjusted price floor"),
    model=BorderFloorClause,
    template="border_floor",
    id_stem="border-floor",
    params=(
        Param("floor_price", QT_TR_NOOP("Floor price"), FieldType.PRICE, start=PER_KG_100, start_from_market=1.0),
    ),
    wedge=Wedge.PRICE_FLOOR,
    ledger=(LedgerEntry("levy_revenue", QT_TR_NOOP("Variable levy revenue"), "#E69F00", amount="levy"),),
    compile=compile_floor,
    price_contingent=True,
)
