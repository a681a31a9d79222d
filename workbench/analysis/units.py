"""Human formatting of model quantities: sums of money in USD m / bn, percentages, and their export units."""

from __future__ import annotations

import math

MINUS = "\u2212"


def usd(amount: float) -> str:
    """``USD 85.2 m``, ``USD 1.24 bn``, ``−USD 3.0 m`` (net revenue); ``n/a`` for NaN."""
    if amount is None or math.isnan(amount):
        return "n/a"
    a = abs(amount)
    text = f"USD {a / 1e9:,.2f} bn" if a >= 1e9 else f"USD {a / 1e6:,.1f} m"
    return MINUS + text if amount < 0 and round(a / 1e6, 1) != 0 else text


def pct(value: float, *, signed: bool = True) -> str:
    """``+3.2 %`` (a change) or ``42.0 %`` (a share, ``signed=False``); ``n/a`` for NaN."""
    if value is None or math.isnan(value):
        return "n/a"
    if not signed:
        return f"{value:.1f} %"
    text = f"{abs(value):.1f} %"
    if round(value, 1) == 0:
        return f"\u00b1{text}"
    return ("+" if value > 0 else MINUS) + text


def usd_m(amount: float) -> float:
    """A USD amount in millions, rounded for export (2 decimals)."""
    return round(amount / 1e6, 2)
