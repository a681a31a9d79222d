"""Typed quantities with units and currency: prices, volumes and sums of money."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

MAX_PRICE = 1e7       # per kg or per t; no mineral trades above this
MAX_VOLUME = 1e10     # tonnes or kg a year; more than world copper output
MAX_MONEY = 1e13      # a sum of money, in its currency


class Currency(str, Enum):
    """Currencies a clause may be written in; converted to USD with the scenario's exchange rates."""

    USD = "USD"
    EUR = "EUR"
    JPY = "JPY"
    MXN = "MXN"


class PriceUnit(str, Enum):
    """Quantity unit a price refers to."""

    KG = "kg"
    T = "t"
    LB = "lb"


class VolumeUnit(str, Enum):
    """Unit of a physical volume."""

    T = "t"
    KG = "kg"


KG_PER_UNIT = {PriceUnit.KG: 1.0, PriceUnit.T: 1000.0, PriceUnit.LB: 0.45359237}
TONNES_PER_VOLUME_UNIT = {VolumeUnit.T: 1.0, VolumeUnit.KG: 0.001}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class Price(_Strict):
    """A price per physical unit, e.g. USD 110 per kg."""

    amount: Annotated[float, Field(gt=0, le=MAX_PRICE)]
    currency: Currency = Currency.USD
    per: PriceUnit = PriceUnit.KG

    def usd_per_tonne(self, usd_per: dict[str, float]) -> float:
        """The price in USD per tonne, using ``usd_per[currency]`` (USD per unit of currency)."""
        return self.amount * _rate(self.currency, usd_per) * 1000.0 / KG_PER_UNIT[self.per]

    def label(self) -> str:
        """Human form, e.g. ``USD 110/kg``."""
        return f"{self.currency.value} {price_figure(self.amount)}/{self.per.value}"


class Volume(_Strict):
    """A physical quantity (per year unless the field says otherwise)."""

    amount: Annotated[float, Field(ge=0, le=MAX_VOLUME)]
    unit: VolumeUnit = VolumeUnit.T

    def tonnes(self) -> float:
        """The volume in tonnes."""
        return self.amount * TONNES_PER_VOLUME_UNIT[self.unit]

    def label(self) -> str:
        """Human form, e.g. ``133.3 t``."""
        return f"{figure(self.amount)} {self.unit.value}"


class Money(_Strict):
    """A sum of money in a currency."""

    amount: Annotated[float, Field(ge=0, le=MAX_MONEY)]
    currency: Currency = Currency.USD

    def usd(self, usd_per: dict[str, float]) -> float:
        """The sum in USD."""
        return self.amount * _rate(self.currency, usd_per)

    def label(self) -> str:
        """Human form with thousands separators, e.g. ``USD 12,000,000,000``."""
        return f"{self.currency.value} {price_figure(self.amount)}"


def _rate(currency: Currency, usd_per: dict[str, float]) -> float:
    if currency is Currency.USD:
        return 1.0
    try:
        return usd_per[currency.value]
    except KeyError:
        raise ValueError(f"assumptions.usd_per_currency: no exchange rate for {currency.value}") from None


def figure(x: float) -> str:
    """A figure as drafted: thousands separators, six significant digits and no trailing zeros (``133.333``,
    ``12,000``); from 1,000 up a fraction is shown to two decimals (``1,000.50``, ``12,345.68``)."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) < 1000 else f"{x:,.2f}"


def price_figure(x: float) -> str:
    """A money figure: whole amounts bare, others to the cent (``110``, ``312.50``), tiny ones to 4 digits."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}" if abs(x) >= 1 else f"{x:.4g}"
