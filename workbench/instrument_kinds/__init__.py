"""The registry of instrument kinds: each clause kind declared once (label, parameters and editor fields, legal-text
template (whose items make the term sheet), engine hooks, ledger labels and colours); every layer reads it from here."""

from __future__ import annotations

from typing import Any

from workbench.document.clauses import ClauseKind
from workbench.instrument_kinds import border_floor, cfd, price_gap_subsidy, purchase, tariff
from workbench.instrument_kinds.spec import (
    QT_TR_NOOP, Choice, FieldType, InstrumentKind, LedgerEntry, Param, Part, Wedge,
)

#: The kinds in the order menus, ledgers and charts list them: border measures, producer support, purchases.
KINDS: dict[ClauseKind, InstrumentKind] = {k.kind: k for k in (
    border_floor.KIND, tariff.KIND, price_gap_subsidy.KIND, cfd.KIND, purchase.KIND,
)}

#: Every line of the fiscal ledger, in kind order.
LEDGER: dict[str, LedgerEntry] = {e.key: e for k in KINDS.values() for e in k.ledger}


def kind_of(item: Any) -> InstrumentKind:
    """The declaration of a kind, given the kind (``ClauseKind`` or its value) or a clause."""
    kind = getattr(item, "kind", item)
    return KINDS[ClauseKind(kind)]


__all__ = ["KINDS", "LEDGER", "QT_TR_NOOP", "Choice", "FieldType", "InstrumentKind", "LedgerEntry", "Param", "Part",
           "Wedge", "kind_of"]
