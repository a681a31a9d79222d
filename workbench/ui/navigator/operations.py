"""Clause list edits as pure functions on immutable scenarios: add, duplicate, delete, move."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from workbench.data import DatasetError, load_dataset

from workbench.document import ClauseKind, Scenario
from workbench.document.clauses import ClauseStatus
from workbench.instrument_kinds import FieldType, kind_of



@lru_cache(maxsize=None)
def _market(mineral: str) -> tuple[dict[str, Any], float] | None:
    """The dataset's base-year reference price of ``mineral`` (per kg when dearer than USD 20,000/t)
    and its world production in tonnes; None for a mineral the dataset does not have."""
    try:
        data = load_dataset().mineral(mineral)
    except (KeyError, DatasetError):
        return None
    per_t = data.reference_price.value
    price = ({"amount": round(per_t / 1000.0, 2), "currency": "USD", "per": "kg"} if per_t >= 20_000
             else {"amount": round(per_t, 0), "currency": "USD", "per": "t"})
    return price, data.world_production


def reference_price_per_t(mineral: str) -> float | None:
    """The dataset's base-year reference price of ``mineral`` in USD per tonne (None outside the dataset)."""
    try:
        return float(load_dataset().mineral(mineral).reference_price.value)
    except (KeyError, DatasetError):
        return None


def generated_title(scenario: Scenario, kind: ClauseKind, mineral: str) -> str:
    """The title a new clause gets, e.g. "NdPr oxide: new tariff"."""
    name = next((m.name for m in scenario.document.minerals if m.id == mineral), mineral)
    return f"{name}: new {kind_of(kind).label.lower()}"


def generated_id_stem(kind: ClauseKind, mineral: str) -> str:
    """The id a new clause gets before a number makes it unique, e.g. "ndpr-oxide-tariff"."""
    return f"{mineral.replace('_', '-')}-{kind_of(kind).id_stem}"


def is_generated_id(clause_id: str, kind: ClauseKind, mineral: str) -> bool:
    """Whether ``clause_id`` is the id a new clause of ``kind`` on ``mineral`` gets (``stem`` or ``stem-N``)."""
    stem = generated_id_stem(kind, mineral)[:34].rstrip("-")
    return clause_id == stem or (clause_id.startswith(stem + "-") and clause_id[len(stem) + 1:].isdigit())


def _scaled(price: dict[str, Any], factor: float) -> dict[str, Any]:
    return {**price, "amount": round(price["amount"] * factor, 2)}


def kind_defaults(kind: ClauseKind, mineral: str) -> dict[str, Any]:
    """Starting parameters of a new clause, as its kind declares them (workbench.instrument_kinds): prices a factor
    of the mineral's market reference price (a CfD's rebate threshold 30 % above it), a purchase a share of world
    production (1 %); the declared fixed values for minerals outside the dataset."""
    market = _market(mineral)
    values: dict[str, Any] = {}
    for param in kind_of(kind).params:
        if param.start is None:
            continue
        value = param.start
        if market is not None and param.start_from_market is not None:
            price, world = market
            if param.type is FieldType.PRICE:
                value = _scaled(price, param.start_from_market)
            elif param.type is FieldType.VOLUME:
                value = {"amount": float(max(1, round(world * param.start_from_market))), "unit": "t"}
        values[param.name] = copy.deepcopy(value)
    return values


def unique_clause_id(scenario: Scenario, stem: str, ignore: str | None = None) -> str:
    """``stem`` (cut to fit the 40-character id limit) or ``stem-2``, ``stem-3``... not used by any clause
    (but ``ignore``, the clause being renamed)."""
    taken = {c.id for c in scenario.document.clauses} - {ignore}
    stem = stem[:34].rstrip("-")
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def new_clause_data(scenario: Scenario, kind: ClauseKind, mineral: str | None = None) -> dict[str, Any]:
    """A proposed clause of ``kind`` on ``mineral`` (default: the first mineral) by the author delegation."""
    doc = scenario.document
    mineral_id = mineral or doc.minerals[0].id
    members = doc.members() or [doc.partners[0].code]
    data: dict[str, Any] = {
        "kind": kind.value,
        "id": unique_clause_id(scenario, generated_id_stem(kind, mineral_id)),
        "title": generated_title(scenario, kind, mineral_id),
        "mineral": mineral_id,
        "parties": members,
        "start_year": doc.assumptions.base_year + 1,
        "duration_years": 10,
        "status": ClauseStatus.PROPOSED.value,
        "proposed_by": doc.metadata.author_delegation,
        "round_introduced": doc.metadata.round,
    }
    data.update(kind_defaults(kind, mineral_id))
    if kind_of(kind).proposer_only:
        data["parties"] = [doc.metadata.author_delegation]
    return data


def _with_clauses(scenario: Scenario, clauses: list[dict[str, Any]], private: dict[str, Any] | None = None) -> Scenario:
    data = scenario.to_data()
    data["document"]["clauses"] = clauses
    if private is not None:
        data["private"] = private
    return Scenario.from_data(data)


def add_clause(scenario: Scenario, kind: ClauseKind, mineral: str | None = None) -> tuple[Scenario, str]:
    """The scenario with a new clause of ``kind`` appended, and the new clause's id."""
    clause = new_clause_data(scenario, kind, mineral)
    clauses = [c.model_dump(mode="json") for c in scenario.document.clauses] + [clause]
    return _with_clauses(scenario, clauses), clause["id"]


def duplicate_clause(scenario: Scenario, clause_id: str) -> tuple[Scenario, str]:
    """The scenario with a copy of ``clause_id`` right after it (new id, title marked as a copy), and the copy's id."""
    clauses = [c.model_dump(mode="json") for c in scenario.document.clauses]
    index = _index(scenario, clause_id)
    copy = dict(clauses[index])
    copy["id"] = unique_clause_id(scenario, f"{clause_id}-alt")
    copy["title"] = f"{copy['title']} (alternative)"[:200]
    clauses.insert(index + 1, copy)
    return _with_clauses(scenario, clauses), copy["id"]


def delete_clause(scenario: Scenario, clause_id: str) -> Scenario:
    """The scenario without ``clause_id`` (and without its private clause note)."""
    clauses = [c.model_dump(mode="json") for c in scenario.document.clauses if c.id != clause_id]
    _index(scenario, clause_id)
    private = scenario.private.model_dump(mode="json")
    private["clause_notes"].pop(clause_id, None)
    return _with_clauses(scenario, clauses, private)


def move_clause(scenario: Scenario, clause_id: str, delta: int) -> Scenario:
    """The scenario with ``clause_id`` moved ``delta`` places in the clause order (clamped to the ends)."""
    clauses = [c.model_dump(mode="json") for c in scenario.document.clauses]
    index = _index(scenario, clause_id)
    target = max(0, min(len(clauses) - 1, index + delta))
    clauses.insert(target, clauses.pop(index))
    return _with_clauses(scenario, clauses)


def _index(scenario: Scenario, clause_id: str) -> int:
    for i, c in enumerate(scenario.document.clauses):
        if c.id == clause_id:
            return i
    raise KeyError(clause_id)
