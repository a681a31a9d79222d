"""Step-by-step conversion of scenario files from older schema versions to the current one."""

from __future__ import annotations

import copy
from typing import Any, Callable

from workbench.files.errors import FileFormatError

_PRICE_SUFFIX = "_usd_per_kg"
_VOLUME_SUFFIX = "_t"
_V1_VOLUME_FIELDS = {"annual_volume_t", "contracted_volume_t"}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 (the prototype layout) -> 2.

    Schema 1 kept the document under ``scenario``, the delegation's notes inside ``scenario.metadata.notes`` and the
    mandate at top level, and wrote prices and volumes as bare numbers in USD/kg and tonnes. Schema 2 moves notes and
    mandate into the separate ``private`` block and writes typed quantities with currency and unit.
    """
    if not isinstance(data.get("scenario"), dict):
        raise FileFormatError("schema 1 file: scenario: required object is missing")
    doc = copy.deepcopy(data["scenario"])
    meta = doc.get("metadata")
    notes = meta.pop("notes", "") if isinstance(meta, dict) else ""
    clauses = doc.get("clauses", [])
    if not isinstance(clauses, list):
        raise FileFormatError("schema 1 file: scenario.clauses: must be a list")
    doc["clauses"] = [_v1_clause(c, i) for i, c in enumerate(clauses)]
    private: dict[str, Any] = {"notes": notes if isinstance(notes, str) else ""}
    if isinstance(data.get("mandate"), dict):
        private["mandate"] = copy.deepcopy(data["mandate"])
    return {
        "format": data["format"],
        "schema_version": 2,
        "app_version": data.get("app_version", ""),
        "integrity": {"document": "migrated-from-schema-1"},
        "document": doc,
        "private": private,
    }


def _v1_clause(clause: Any, index: int) -> Any:
    if not isinstance(clause, dict):
        raise FileFormatError(f"schema 1 file: scenario.clauses[{index}]: must be an object")
    out: dict[str, Any] = {}
    for key, value in clause.items():
        if key.endswith(_PRICE_SUFFIX) and isinstance(value, (int, float)):
            out[key.removesuffix(_PRICE_SUFFIX)] = {"amount": value, "currency": "USD", "per": "kg"}
        elif key in _V1_VOLUME_FIELDS and isinstance(value, (int, float)):
            out[key.removesuffix(_VOLUME_SUFFIX)] = {"amount": value, "unit": "t"}
        else:
            out[key] = value
    return out


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 -> 3: schema 3 adds optional stress tests (``document.stress_tests``) and release rules on purchase
    clauses (``release_rule``). A schema-2 document is a valid schema-3 document with neither, and both are left out
    of the file when absent, so its content hash (and any signature over it) is unchanged.
    """
    out = copy.deepcopy(data)
    out["schema_version"] = 3
    return out


#: MIGRATIONS[n] converts a schema-n file to schema n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}

#: Schemas whose ``integrity.document`` hash still holds after migration (the layout of their document is unchanged).
HASH_PRESERVED_FROM = 2


def migrate(data: dict[str, Any], version: int, target: int) -> dict[str, Any]:
    """Apply every migration from ``version`` up to ``target``; the input is not modified."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise FileFormatError(f"no migration from schema {version}")
        data = step(data)
        version += 1
    return data
