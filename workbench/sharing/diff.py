"""Compare two versions of a scenario: redline per clause, parameter changes, added/removed clauses, status, impact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.analysis.units import figure
from workbench.document import Scenario
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.sharing.impact import PartnerImpact, partner_impact
from workbench.sharing.redline import Piece, changed, changed_lines, clause_text, redline_text, word_diff
from workbench.sharing.slots import ABSENT, Slot, clause_titles, slot_values, value_text
from workbench.untrusted_text import shown, shown_lines


@dataclass(frozen=True)
class ParameterChange:
    """One parameter with a different value in the two versions."""

    slot: Slot
    label: str
    ours: Any
    theirs: Any

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``diff --json``."""
        return {"scope": self.slot.scope, "clause_id": self.slot.clause_id, "parameter": self.slot.field,
                "label": self.label, "ours": None if self.ours is ABSENT else self.ours,
                "theirs": None if self.theirs is ABSENT else self.theirs,
                "ours_text": value_text(self.ours), "theirs_text": value_text(self.theirs)}


@dataclass(frozen=True)
class ClauseDiff:
    """How one clause differs: added, removed or changed, with its parameter changes and its text redline."""

    clause_id: str
    title: str
    change: str                                   # "added", "removed", "changed"
    parameters: list[ParameterChange]
    status: tuple[str, str] | None                # (ours, theirs) when the status changed
    redline: list[Piece]

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``diff --json``."""
        return {"clause_id": self.clause_id, "title": self.title, "change": self.change,
                "status": None if self.status is None else {"ours": self.status[0], "theirs": self.status[1]},
                "parameters": [p.to_json() for p in self.parameters], "redline": redline_text(self.redline)}


@dataclass(frozen=True)
class ScenarioDiff:
    """Everything that differs between ``ours`` and ``theirs``."""

    clauses: list[ClauseDiff]
    settings: list[ParameterChange]
    impact: PartnerImpact | None
    impact_error: str | None = None

    @property
    def empty(self) -> bool:
        """No difference in clauses or settings."""
        return not self.clauses and not self.settings

    def by_change(self, change: str) -> list[ClauseDiff]:
        """The clauses ``added``, ``removed`` or ``changed``."""
        return [c for c in self.clauses if c.change == change]

    def status_changes(self) -> list[ClauseDiff]:
        """Clauses whose status differs (e.g. bracketed -> agreed)."""
        return [c for c in self.clauses if c.status is not None]

    def to_json(self) -> dict[str, Any]:
        """What ``workbench-cli diff --json`` prints."""
        return {"clauses": [c.to_json() for c in self.clauses], "settings": [s.to_json() for s in self.settings],
                "impact": self.impact.to_json() if self.impact is not None else None,
                "impact_error": self.impact_error,
                "impact_warnings": self.impact.warnings if self.impact is not None else []}

    def to_text(self) -> str:
        """What ``workbench-cli diff`` prints: a readable report, section by section. Every value from the files is
        made safe to show (``shown``: one line, control characters escaped, capped); a redline keeps its lines."""
        lines: list[str] = []
        if self.empty:
            lines.append("No differences in clauses or settings.")
        for title, change in (("Added clauses", "added"), ("Removed clauses", "removed")):
            items = self.by_change(change)
            if items:
                lines += [f"{title}:"] + [f"  {'+' if change == 'added' else '-'} {shown(c.title)} ({c.clause_id})"
                                          for c in items] + [""]
        if self.status_changes():
            lines.append("Status changes:")
            lines += [f"  {shown(c.title)}: {c.status[0]} -> {c.status[1]}" for c in self.status_changes() if c.status]
            lines.append("")
        params = [p for c in self.by_change("changed") for p in c.parameters] + self.settings
        if params:
            lines.append("Parameter changes (ours -> theirs):")
            lines += [f"  {shown(p.label)}: {shown(value_text(p.ours))} -> {shown(value_text(p.theirs))}"
                      for p in params]
            lines.append("")
        for c in self.clauses:
            body = redline_text(c.redline) if c.change != "changed" else "\n".join(changed_lines(c.redline))
            lines += [f"Redline: {shown(c.title)} ({c.change})", _indent(shown_lines(body)), ""]
        lines += self._impact_lines()
        return "\n".join(lines).rstrip() + "\n"

    def _impact_lines(self) -> list[str]:
        if self.impact is None:
            return [f"Fiscal cost and price effects: not computed ({shown(self.impact_error)})"]
        t = self.impact.table
        lines = ["Change per partner (theirs - ours):",
                 f"  {'':<7}{'fiscal cost PV':>16}{'consumer':>11}{'producer':>11}",
                 f"  {'region':<7}{'USD m':>16}{'price pp':>11}{'price pp':>11}"]
        for region, row in t.iterrows():
            lines.append(f"  {region:<7}{figure(row['fiscal_cost_pv_usd_change'] / 1e6, 1):>16}"
                         f"{figure(row['consumer_price_change_pct_change'], 2, signed=True):>11}"
                         f"{figure(row['producer_price_change_pct_change'], 2, signed=True):>11}")
        return lines + [f"  warning: {shown(w, limit=1000)}" for w in self.impact.warnings]


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _by_clause(values: dict[Slot, Any]) -> dict[str | None, list[Slot]]:
    """The slots of each clause (in order), so that each clause looks only at its own."""
    out: dict[str | None, list[Slot]] = {}
    for slot in values:
        out.setdefault(slot.clause_id, []).append(slot)
    return out


def _text_context(scenario: Scenario) -> Any:
    """Everything of the document a clause's legal text may draw on besides the clause itself."""
    return scenario.document.model_copy(update={"clauses": [], "history": []})


def compare(ours: Scenario, theirs: Scenario, *, with_impact: bool = True) -> ScenarioDiff:
    """The differences from ``ours`` to ``theirs``; the impact per partner runs the engine on both unless told not."""
    a, b = slot_values(ours), slot_values(theirs)
    titles = clause_titles(ours, theirs)
    ours_clauses = {c.id: c for c in ours.document.clauses}
    theirs_clauses = {c.id: c for c in theirs.document.clauses}
    order = list(dict.fromkeys([*ours_clauses, *theirs_clauses]))
    slots_a, slots_b = _by_clause(a), _by_clause(b)
    same_context = _text_context(ours) == _text_context(theirs)
    clauses: list[ClauseDiff] = []
    for cid in order:
        mine, yours = ours_clauses.get(cid), theirs_clauses.get(cid)
        if same_context and mine is not None and mine == yours:
            continue  # same clause in the same setting: same parameters, same legal text
        text_a = clause_text(mine, ours.document) if mine is not None else ""
        text_b = clause_text(yours, theirs.document) if yours is not None else ""
        if mine is None or yours is None:
            clauses.append(ClauseDiff(cid, titles[cid], "added" if mine is None else "removed", [], None,
                                      word_diff(text_a, text_b)))
            continue
        params = [ParameterChange(s, s.label(titles), a[s], b.get(s, ABSENT))
                  for s in slots_a.get(cid, []) if s.field and a[s] != b.get(s, ABSENT)]
        params += [ParameterChange(s, s.label(titles), ABSENT, b[s])
                   for s in slots_b.get(cid, []) if s.field and s not in a]
        redline = word_diff(text_a, text_b)
        if params or changed(redline):
            status = (mine.status.value, yours.status.value) if mine.status != yours.status else None
            clauses.append(ClauseDiff(cid, titles[cid], "changed", params, status, redline))
    settings = [ParameterChange(s, s.label(), a[s], b[s]) for s in a if s.scope != "clause" and a[s] != b[s]]
    impact, error = None, None
    if with_impact:
        try:
            impact = partner_impact(ours, theirs)
        except (InfeasibleMarket, EngineInputError) as exc:
            error = str(exc)
    else:
        error = "not requested"
    return ScenarioDiff(clauses=clauses, settings=settings, impact=impact, impact_error=error)

