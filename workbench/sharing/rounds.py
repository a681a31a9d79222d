"""The rounds timeline: the history grouped by round, with clause titles, plus clauses the history does not mention."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.document import ScenarioDocument
from workbench.document.scenario import HistoryAction


@dataclass(frozen=True)
class TimelineEvent:
    """One thing that happened: when, who, what, to which clause."""

    date: str            # "" when only the round is known (a clause's round_introduced)
    delegation: str
    action: str
    clause_id: str | None
    clause_title: str
    summary: str

    def text(self) -> str:
        """One line, e.g. ``2026-11-26  EU  shared  - EU shared the round 1 text``."""
        what = f" {self.clause_title}" if self.clause_title else ""
        tail = f" - {self.summary}" if self.summary else ""
        return f"{self.date or '(date not recorded)'}  {self.delegation}  {self.action}{what}{tail}"


@dataclass(frozen=True)
class Round:
    """A round of the talks and what happened in it, in order."""

    number: int
    label: str
    events: list[TimelineEvent]


def timeline(document: ScenarioDocument) -> list[Round]:
    """Rounds in order, each with its events: the recorded history, then proposals of clauses it does not record."""
    titles = document.clause_titles()
    by_round: dict[int, list[TimelineEvent]] = {}
    proposed = set()
    for entry in document.history:
        if entry.action is HistoryAction.PROPOSED and entry.clause_id:
            proposed.add(entry.clause_id)
        by_round.setdefault(entry.round, []).append(TimelineEvent(
            entry.date, entry.delegation, entry.action.value, entry.clause_id,
            titles.get(entry.clause_id or "", entry.clause_id or ""), entry.summary))
    for c in document.clauses:
        if c.id not in proposed:
            by_round.setdefault(c.round_introduced, []).append(TimelineEvent(
                "", c.proposed_by, HistoryAction.PROPOSED.value, c.id, c.title, "introduced in this round"))
    meta = document.metadata
    return [Round(n, meta.round_label if n == meta.round else "", sorted(by_round[n], key=_when))
            for n in sorted(by_round)]


def _when(event: TimelineEvent) -> str:
    return event.date or "0000"
