"""The mergeable parts of a scenario ("slots"), their values as plain JSON, and how to show them to a negotiator."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from workbench.document import Money, Price, Scenario, Volume

#: Metadata fields that carry negotiated content (timestamps and authorship are not merged).
METADATA_FIELDS = ("title", "round", "round_label", "classification", "description")
#: Clause fields that identify a clause rather than parameterise it.
CLAUSE_IDENTITY = ("id", "kind")


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


#: The value of a slot that does not exist on one side (a clause only one version has).
ABSENT: Any = _Absent()


@dataclass(frozen=True, order=True)
class Slot:
    """One mergeable part: a whole clause (field None), a clause parameter, or a document-level setting."""

    scope: str                 # "clause", "metadata", "assumptions", "document"
    clause_id: str | None
    field: str | None

    def label(self, titles: dict[str, str] | None = None) -> str:
        """Plain name, e.g. ``NdPr oxide border floor: floor price`` or ``assumptions: discount rate``."""
        name = self.field.replace("_", " ") if self.field else ""
        if self.scope == "clause":
            head = (titles or {}).get(self.clause_id or "", self.clause_id or "")
            return f"{head}: {name}" if name else head
        return f"{self.scope}: {name}"


def slot_values(scenario: Scenario) -> dict[Slot, Any]:
    """Every slot of ``scenario`` with its JSON value."""
    doc = scenario.document.model_dump(mode="json")
    values: dict[Slot, Any] = {}
    for f in METADATA_FIELDS:
        values[Slot("metadata", None, f)] = doc["metadata"][f]
    for f, v in doc["assumptions"].items():
        values[Slot("assumptions", None, f)] = v
    for f in ("partners", "minerals", "stress_tests"):
        values[Slot("document", None, f)] = doc[f]
    for clause in doc["clauses"]:
        cid = clause["id"]
        values[Slot("clause", cid, None)] = clause
        for f, v in clause.items():
            if f not in CLAUSE_IDENTITY:
                values[Slot("clause", cid, f)] = v
    return values


def clause_titles(*scenarios: Scenario | None) -> dict[str, str]:
    """Clause id -> title over the given versions (later versions win)."""
    return {cid: title for s in scenarios if s is not None for cid, title in s.document.clause_titles().items()}


def value_text(value: Any) -> str:
    """A value as a negotiator reads it: ``USD 110/kg``, ``[USD 17,000/t][USD 18,500/t] (A modelled)``, ``30%``."""
    if value is ABSENT:
        return "(absent)"
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:,.6g}" if isinstance(value, float) else f"{value:,}"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) if value else "(none)"
    return _dict_text(value)


def _dict_text(value: dict[str, Any]) -> str:
    if "options" in value and "selected" in value:
        opts = "".join(f"[{value_text(o['value'])}]" for o in value["options"])
        return f"{opts} ({value['selected']} modelled)"
    if "id" in value and "kind" in value:
        return f"{value.get('title', value['id'])} ({value['kind'].replace('_', ' ')})"
    if "rule" in value and "shares" in value:
        shares = ", ".join(f"{k} {v:.0%}" for k, v in value["shares"].items())
        return f"{value['rule']} ({shares})" if shares else str(value["rule"])
    for model in (Price, Volume, Money):
        if set(value) == set(model.model_fields):
            try:
                return model.model_validate(value).label()
            except ValidationError:
                break
    if "code" in value and "name" in value:
        return f"{value['code']} ({value['role']})" if "role" in value else str(value["code"])
    if "id" in value and "name" in value:
        return str(value["name"])
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
