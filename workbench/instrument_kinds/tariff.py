"""Ad-valorem tariff imposed by the parties on imports from the named exporters."""

from __future__ import annotations

from typing import Any

from workbench.document.clauses import ClauseKind, TariffClause
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, FieldType, InstrumentKind, LedgerEntry, Param, Wedge,
)


def compile_tariff(c: TariffClause, out: Any, ctx: Any) -> None:
    """The rate on imports from the named exporters into every party (never on a region's own output)."""
    out.rate = float(c.rate)
    exporters = ctx.mask(c.exporters, "exporters")
    out.pairs = exporters[:, None] & out.parties[None, :]
    own = list(range(len(exporters)))  # plain indices: this module is imported before the first frame, numpy is not
    out.pairs[own, own] = False


KIND = InstrumentKind(
    kind=ClauseKind.TARIFF,
    label=QT_TR_NOOP("Tariff"),
    model=TariffClause,
    template="tariff",
    id_stem="tariff",
    params=(
        Param("rate", QT_TR_NOOP("Tariff rate"), FieldType.SHARE, maximum=5.0, suffix=QT_TR_NOOP(" % ad valorem"),
              start=0.25),
        Param("exporters", QT_TR_NOOP("Exporters tariffed"), FieldType.REGIONS, bracketable=False, any_region=True,
              start=["CN"]),
    ),
    wedge=Wedge.AD_VALOREM,
    ledger=(LedgerEntry("tariff_revenue", QT_TR_NOOP("Tariff revenue"), "#56B4E9", amount="duty"),),
    compile=compile_tariff,
    proposer_only=True,
)
