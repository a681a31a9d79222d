"""Release rules of a stockpile: when its stock is sold to the parties' consumers, how fast, to whom, how rebuilt."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from workbench.document.quantities import Volume


class ReleaseAllocation(str, Enum):
    """Who draws on a released stock."""

    NEED = "need"              # the parties' consumers in proportion to their shortfall
    COST_SHARE = "cost_share"  # in proportion to the parties' shares of the clause's cost


class ReleaseRule(BaseModel):
    """When and how fast a purchase clause's stock is sold back to the parties' consumers, and how it is rebuilt.

    Trigger: a stress event on the mineral in force (``on_stress``) and/or the market price above ``price_trigger``
    times the baseline reference price. Rate: at most ``max_release`` tonnes a year, or ``max_days_of_cover`` days
    of the receiving parties' baseline consumption a year (the smaller when both are set). After the crisis the
    released tonnes are bought back at up to ``replenish_rate`` a year (default: the release rate). While the rule
    is triggered the clause's own purchases stop (``suspend_purchases``); they resume afterwards, not made up.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    on_stress: bool = True
    price_trigger: Annotated[float, Field(ge=1.0, le=100.0)] | None = None
    max_release: Volume | None = None
    max_days_of_cover: Annotated[float, Field(gt=0.0, le=3650.0)] | None = None
    allocation: ReleaseAllocation = ReleaseAllocation.NEED
    suspend_purchases: bool = True
    replenish: bool = True
    replenish_rate: Volume | None = None

    def issues(self) -> list[tuple[str, str, None]]:
        """(field, message, value) for a rule without a trigger or without a rate."""
        out = []
        if not self.on_stress and self.price_trigger is None:
            out.append(("price_trigger", "a release rule needs a trigger: on_stress or a price trigger", None))
        if self.max_release is None and self.max_days_of_cover is None:
            out.append(("max_release", "a release rule needs a rate: max_release (t a year) or max_days_of_cover",
                        None))
        return out
