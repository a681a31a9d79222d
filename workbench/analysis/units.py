"""Human formatting of model figures, one house style for the window, the CLI and the term sheet.

House style: a figure is rounded to the decimals shown BEFORE its sign is chosen, so nothing prints as "-0.0" or
"+0.0"; a true zero (exactly nothing, e.g. a partner no clause touches) is the nil dash "–"; a value that is not zero
but rounds to zero shows "0.0" without a sign; negatives carry the minus sign U+2212.
"""

from __future__ import annotations

import math

MINUS = "\u2212"
#: A true zero, as in printed financial tables.
NIL = "\u2013"


def figure(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """``1,234.5``, ``−3.2``, ``+4.1`` (``signed``), ``0.0`` when it rounds to zero, ``–`` for a true zero."""
    if value is None or math.isnan(value):
        return "n/a"
    if value == 0:
        return NIL
    shown = round(abs(value), decimals)
    text = f"{shown:,.{decimals}f}"
    if shown == 0:
        return text
    if value < 0:
        return MINUS + text
    return "+" + text if signed else text


def usd(amount: float) -> str:
    """``USD 85.2 m``, ``USD 1.24 bn``, ``−USD 3.0 m`` (net revenue), ``USD 0.0 m`` (rounds to zero); ``–`` for
    a true zero; ``n/a`` for NaN."""
    if amount is None or math.isnan(amount):
        return "n/a"
    if amount == 0:
        return NIL
    a = abs(amount)
    if round(a / 1e9, 2) >= 1:
        text, shown = f"USD {a / 1e9:,.2f} bn", round(a / 1e9, 2)
    else:
        text, shown = f"USD {a / 1e6:,.1f} m", round(a / 1e6, 1)
    return MINUS + text if amount < 0 and shown != 0 else text


def usd_m_text(amount: float) -> str:
    """A sum in USD millions for a table whose header names the unit, to three or four significant figures:
    ``85.2``, ``2,880``, ``−3.0``, ``0.0`` when it rounds to zero, ``–`` for a true zero (as ``figure``)."""
    if amount is None or math.isnan(amount):
        return "n/a"
    if amount == 0:
        return NIL
    millions = round(amount / 1e6, 1)
    if millions == 0:
        return "0.0"
    text = f"{abs(millions):,.0f}" if abs(millions) >= 100 else f"{abs(millions):,.1f}"
    return (MINUS if millions < 0 else "") + text


def pct(value: float, *, signed: bool = True) -> str:
    """``+3.2 %`` (a change), ``42.0 %`` (a share, ``signed=False``), ``0.0 %`` when it rounds to zero, ``–`` for
    a true zero; ``n/a`` for NaN."""
    text = figure(value, 1, signed=signed)
    return text if text in (NIL, "n/a") else f"{text} %"


def usd_m(amount: float) -> float:
    """A USD amount in millions, rounded for export (2 decimals)."""
    return round(amount / 1e6, 2)
