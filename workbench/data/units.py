"""Unit conversions of the dataset: quantities to tonnes, prices to USD per tonne of the mineral's quantity unit."""

from __future__ import annotations

#: Pounds per metric tonne.
LB_PER_TONNE = 2204.62
#: Kilograms of tungsten in one metric tonne unit (10 kg) of WO3.
KG_W_PER_MTU_WO3 = 7.93
#: Tonnes of lithium carbonate equivalent (Li2CO3) per tonne of lithium content.
T_LCE_PER_T_LI = 5.323
#: Metric tonne units (10 kg of contained metal) in one tonne of contained manganese.
MTU_PER_TONNE = 100.0

#: Price unit -> (factor to USD per tonne of content, how the factor is obtained).
PRICE_FACTORS: dict[str, tuple[float, str]] = {
    "USD/t": (1.0, "already USD/t"),
    "USD/kg": (1000.0, "x 1,000 kg/t"),
    "USD/lb": (LB_PER_TONNE, f"x {LB_PER_TONNE:,} lb/t"),
    "US cents/lb": (LB_PER_TONNE / 100.0, f"/ 100 cents x {LB_PER_TONNE:,} lb/t"),
    "USD/mtu WO3": (1000.0 / KG_W_PER_MTU_WO3, f"/ {KG_W_PER_MTU_WO3} kg W per mtu WO3 x 1,000 kg/t (per t W)"),
    "USD/mtu Mn": (MTU_PER_TONNE, f"x {MTU_PER_TONNE:g} mtu per t Mn content (1 mtu = 10 kg Mn)"),
    "USD/t LCE": (T_LCE_PER_T_LI, f"x {T_LCE_PER_T_LI} t LCE per t Li content"),
}

#: Leading word(s) of a quantity unit -> factor to tonnes.
QUANTITY_PREFIXES: tuple[tuple[str, float], ...] = (("thousand t", 1000.0), ("kg", 0.001), ("t", 1.0))


class UnitError(ValueError):
    """A unit the dataset does not know how to convert."""


def usd_per_tonne(value: float, unit: str) -> tuple[float, str]:
    """A price converted to USD per tonne of content, and the conversion written out."""
    try:
        factor, how = PRICE_FACTORS[unit]
    except KeyError:
        raise UnitError(f"price unit {unit!r} is not one of {', '.join(PRICE_FACTORS)}") from None
    converted = value * factor
    return converted, f"{value:g} {unit} {how} = {converted:,.1f} USD/t"


def tonnes(value: float, unit: str) -> float:
    """A quantity converted to tonnes of the unit's content (e.g. "kg Ga", "thousand t Cu", "t Li content")."""
    for prefix, factor in QUANTITY_PREFIXES:
        if unit == prefix or unit.startswith(prefix + " "):
            return value * factor
    raise UnitError(f"quantity unit {unit!r} does not start with one of: {', '.join(p for p, _ in QUANTITY_PREFIXES)}")
