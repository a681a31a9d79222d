"""Three-way merge of their version into ours, item by item; conflicts (both sides changed a part) are flagged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.document import HistoryEntry, Scenario, ScenarioValidationError
from workbench.document.scenario import HistoryAction
from workbench.sharing.slots import ABSENT, Slot, clause_titles, slot_values, value_text

HISTORY_SLOT = Slot("history", None, None)
_MAX_SUMMARY = 2000


class MergeError(ValueError):
    """Accepting would not give a valid scenario; the message says which change and why."""


@dataclass(frozen=True)
class MergeItem:
    """One change of theirs to take or leave: a parameter, a whole clause added or removed, or history entries."""

    slot: Slot
    label: str
    change: str          # "changed", "added", "removed"
    ours: Any
    theirs: Any
    base: Any            # ABSENT when there is no base or the part did not exist in it
    conflict: bool       # both sides changed this part since the base, differently

    def describe(self) -> str:
        """One line: what they propose against what we have (and the base when there was a conflict)."""
        if self.slot == HISTORY_SLOT:
            return f"{self.label}: {len(self.theirs)} new entries"
        if self.change == "added":
            return f"{self.label}: added by them"
        if self.change == "removed":
            return f"{self.label}: removed by them"
        text = f"{self.label}: ours {value_text(self.ours)}, theirs {value_text(self.theirs)}"
        return text + (f" (both changed it; base {value_text(self.base)})" if self.conflict else "")

    def summary(self) -> str:
        """Short form for the history: ``floor price: USD 110/kg -> USD 120/kg``."""
        if self.change == "changed":
            return f"{self.label}: {value_text(self.ours)} -> {value_text(self.theirs)}"
        return f"{self.label} ({self.change})"


@dataclass(frozen=True)
class MergePlan:
    """Their changes to ours, against the common base when known."""

    items: list[MergeItem]
    has_base: bool
    sender: str
    theirs: Scenario

    def conflicts(self) -> list[MergeItem]:
        """The items both sides changed differently."""
        return [i for i in self.items if i.conflict]

    def for_clause(self, clause_id: str) -> list[MergeItem]:
        """The items that concern one clause."""
        return [i for i in self.items if i.slot.clause_id == clause_id]


def sender_of(theirs: Scenario, signature: dict[str, str] | None = None) -> str:
    """Who sent a version: the signer, else the last delegation that shared it, else its author."""
    if signature is not None:
        return signature["delegation"]
    for entry in reversed(theirs.document.history):
        if entry.action is HistoryAction.SHARED:
            return entry.delegation
    return theirs.document.metadata.author_delegation


def plan_merge(ours: Scenario, theirs: Scenario, base: Scenario | None = None, *,
               sender: str | None = None) -> MergePlan:
    """Their changes as items. With a base, parts only we changed are left out and parts both changed are conflicts;
    without one, every difference is listed (nothing can be called a conflict)."""
    o, t = slot_values(ours), slot_values(theirs)
    b = slot_values(base) if base is not None else {}
    titles = clause_titles(base, ours, theirs)
    items: list[MergeItem] = []
    for slot in sorted(set(o) | set(t), key=_order(ours, theirs)):
        item = _item(slot, o, t, b, base is not None, titles)
        if item is not None:
            items.append(item)
    known = set(ours.document.history)
    new_entries = [e for e in theirs.document.history if e not in known]
    if new_entries:
        items.append(MergeItem(HISTORY_SLOT, "rounds history", "added", ABSENT,
                               [e.model_dump(mode="json") for e in new_entries], ABSENT, False))
    return MergePlan(items=items, has_base=base is not None, sender=sender or sender_of(theirs), theirs=theirs)


def _order(ours: Scenario, theirs: Scenario) -> Any:
    rank = {cid: i for i, cid in enumerate(dict.fromkeys([c.id for c in ours.document.clauses] +
                                                         [c.id for c in theirs.document.clauses]))}
    scopes = ("metadata", "document", "assumptions", "clause")
    # a clause's slots by its place in the text; the other scopes' slots have no clause (None) and tie there
    return lambda s: (scopes.index(s.scope), rank.get(s.clause_id or ""), s.field or "")


def _item(slot: Slot, o: dict[Slot, Any], t: dict[Slot, Any], b: dict[Slot, Any], has_base: bool,
          titles: dict[str, str]) -> MergeItem | None:
    ov, tv, bv = o.get(slot, ABSENT), t.get(slot, ABSENT), b.get(slot, ABSENT)
    label = slot.label(titles)
    if slot.scope == "clause" and slot.field is None:
        if (ov is ABSENT) == (tv is ABSENT):
            return None
        change = "added" if ov is ABSENT else "removed"
        if not has_base:
            return MergeItem(slot, label, change, ov, tv, bv, False)
        if change == "added":
            if bv is ABSENT:
                return MergeItem(slot, label, change, ov, tv, bv, False)   # they added it
            # we removed it since the base: their concern only if they edited it meanwhile
            return MergeItem(slot, label, change, ov, tv, bv, True) if tv != bv else None
        if bv is ABSENT:
            return None  # we added it since the base: not their change
        return MergeItem(slot, label, change, ov, tv, bv, ov != bv)  # they removed it; did we edit it?
    if slot.scope == "clause" and (Slot("clause", slot.clause_id, None) not in o or
                                   Slot("clause", slot.clause_id, None) not in t):
        return None  # the whole-clause item covers a clause only one side has
    if ov == tv:
        return None
    if not has_base:
        return MergeItem(slot, label, "changed", ov, tv, bv, False)
    if tv == bv:
        return None  # only we changed it
    return MergeItem(slot, label, "changed", ov, tv, bv, ov != bv)


def accept(scenario: Scenario, items: list[MergeItem], plan: MergePlan, *, by: str,
           today: date | None = None) -> Scenario:
    """``scenario`` with their side of ``items`` taken, plus a "merged" history entry; MergeError when invalid."""
    data = scenario.to_data()
    doc = data["document"]
    for item in items:
        _apply(data, item, plan)
    parts = [i.summary() for i in items if i.slot != HISTORY_SLOT]
    if parts:
        clause_ids = {i.slot.clause_id for i in items}
        summary = f"Accepted {plan.sender}'s changes: " + "; ".join(parts)
        doc["history"].append(HistoryEntry(
            round=doc["metadata"]["round"], date=(today or date.today()).isoformat(), delegation=by,
            action=HistoryAction.MERGED, clause_id=clause_ids.pop() if len(clause_ids) == 1 else None,
            summary=summary if len(summary) <= _MAX_SUMMARY else summary[:_MAX_SUMMARY - 3] + "...",
        ).model_dump(mode="json"))
    try:
        return Scenario.from_data(data)
    except ScenarioValidationError as exc:
        names = ", ".join(i.label for i in items)
        raise MergeError(f"accepting {names} alone would make the scenario invalid: {exc.issues[0]}. "
                         "Accept the related changes together.") from None


def _apply(data: dict[str, Any], item: MergeItem, plan: MergePlan) -> None:
    doc = data["document"]
    slot = item.slot
    if slot == HISTORY_SLOT:
        doc["history"] += [e for e in item.theirs if e not in doc["history"]]
    elif slot.scope == "metadata":
        doc["metadata"][slot.field] = item.theirs
    elif slot.scope == "assumptions":
        doc["assumptions"][slot.field] = item.theirs
    elif slot.scope == "document":
        doc[slot.field] = item.theirs
    elif slot.field is None and item.change == "added":
        _insert_clause(doc, item.theirs, plan)
    elif slot.field is None:
        _remove_clause(data, slot.clause_id)
    else:
        clause = _find(doc, slot.clause_id)
        if clause is None:
            raise MergeError(f"{item.label}: the clause is no longer in our version")
        clause[slot.field] = item.theirs


def _find(doc: dict[str, Any], clause_id: str | None) -> dict[str, Any] | None:
    return next((c for c in doc["clauses"] if c["id"] == clause_id), None)


def _insert_clause(doc: dict[str, Any], clause: dict[str, Any], plan: MergePlan) -> None:
    if _find(doc, clause["id"]) is not None:
        raise MergeError(f"clause {clause['id']} is already in our version")
    theirs_order = [c.id for c in plan.theirs.document.clauses]
    ours_ids = [c["id"] for c in doc["clauses"]]
    position = 0
    for cid in theirs_order[: theirs_order.index(clause["id"])] if clause["id"] in theirs_order else []:
        if cid in ours_ids:
            position = ours_ids.index(cid) + 1
    doc["clauses"].insert(position, clause)


def _remove_clause(data: dict[str, Any], clause_id: str | None) -> None:
    doc, private = data["document"], data["private"]
    if _find(doc, clause_id) is None:
        raise MergeError(f"clause {clause_id} is no longer in our version")
    doc["clauses"] = [c for c in doc["clauses"] if c["id"] != clause_id]
    note = private["clause_notes"].pop(clause_id, None)
    if note:  # our private note outlives the clause: keep it as an internal comment
        private["internal_comments"].append(f"Note on removed clause {clause_id}: {note}")
