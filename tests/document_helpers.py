"""Helpers for the document tests: the default scenario as plain data, and its clauses and stress events by name."""

from __future__ import annotations

import pytest


def clause(data, clause_id):
    """The plain data of the clause ``clause_id``."""
    return next(c for c in data["document"]["clauses"] if c["id"] == clause_id)


def stress(data, kind):
    """The plain data of the (default scenario's one) stress event of ``kind``."""
    return next(s for s in data["document"]["stress_tests"] if s["kind"] == kind)


def refusal(data):
    """The ScenarioValidationError that reading ``data`` raises."""
    from workbench.document import Scenario, ScenarioValidationError

    with pytest.raises(ScenarioValidationError) as info:
        Scenario.from_data(data)
    return info.value
