"""The per-unit producer support of price gaps and CfDs, one formula for the solver and the fiscal ledger."""

from __future__ import annotations

import numpy as np


def per_unit_support(price, floor, threshold, share, slope: bool = False):
    """Support per unit at market ``price``: max(0, floor - price) - share * max(0, price - threshold).

    With ``slope``, returns (support, d support / d price) for the solver's Jacobian. Broadcasts over arrays.
    """
    below = floor - price
    above = price - threshold
    support = np.maximum(below, 0.0) - share * np.maximum(above, 0.0)
    if not slope:
        return support
    return support, -(below > 0).astype(float) - share * (above > 0)
