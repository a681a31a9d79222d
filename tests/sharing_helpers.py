"""Helpers for the sharing tests: a scenario with a distinct canary in every private field, and small edits."""

from __future__ import annotations

from typing import Any, Callable

from workbench.defaults import default_scenario
from workbench.document import Scenario

#: Numbers planted in the mandate; distinct enough never to occur by chance in a shared file.
CANARY_NUMBERS = {"fiscal_ceiling_per_year": 987654321.125, "max_pv_cost": 876543219.375,
                  "max_consumer_price_increase": 0.0987654}


def canary_scenario() -> tuple[Scenario, list[str]]:
    """The default scenario with a different canary in every private field; returns it and every canary as text."""
    data = default_scenario().to_data()
    codes = [p["code"] for p in data["document"]["partners"]]
    clause_ids = [c["id"] for c in data["document"]["clauses"]]
    mandate: dict[str, Any] = {
        "fiscal_ceiling_per_year": {codes[0]: {"amount": CANARY_NUMBERS["fiscal_ceiling_per_year"], "currency": "USD"}},
        "max_pv_cost": {codes[0]: {"amount": CANARY_NUMBERS["max_pv_cost"], "currency": "USD"}},
        "max_consumer_price_increase": {codes[0]: CANARY_NUMBERS["max_consumer_price_increase"]},
        "red_lines": ["CANARY-REDLINE-1 never above USD 130/kg", "CANARY-REDLINE-2 no cost share over 40%"],
    }
    data["private"] = {
        "notes": "CANARY-NOTES our fallback is a USD 115/kg floor",
        "clause_notes": {cid: f"CANARY-CLAUSENOTE-{cid} concede after round 2" for cid in clause_ids[:3]},
        "internal_comments": ["CANARY-COMMENT-1 minister wants this by Friday", "CANARY-COMMENT-2 EU is bluffing"],
        "mandate": mandate,
    }
    scenario = Scenario.from_data(data)
    canaries = [leaf for leaf in _private_leaves(scenario.private.model_dump(mode="json")) if leaf != "USD"]
    return scenario, canaries


def _private_leaves(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _private_leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _private_leaves(v)]
    return [str(value)]


def edited(scenario: Scenario, edit: Callable[[dict[str, Any]], None]) -> Scenario:
    """``scenario`` after ``edit`` changed its plain data."""
    data = scenario.to_data()
    edit(data)
    return Scenario.from_data(data)


def clause(data: dict[str, Any], clause_id: str) -> dict[str, Any]:
    """The clause ``clause_id`` in plain scenario data."""
    return next(c for c in data["document"]["clauses"] if c["id"] == clause_id)
